// Network-mode links (nn/net_link.h): the grammar, the exact round trip, the reports of refused
// parts, loading a link as the whole network scene, and landscape links left exactly as they were.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/spec.h"
#include "nn/net_link.h"
#include "nn/net_presets.h"
#include "nn/net_scene.h"
#include "sim/link.h"

namespace adamlab {
namespace {

bool has_error_starting(const std::vector<std::string>& errors, const std::string& prefix) {
  for (const auto& e : errors)
    if (e.rfind(prefix, 0) == 0) return true;
  return false;
}

std::string dump(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

const char* kCsv = "x,y,label\n0,0,0\n1,1,1\n0.5,-1,0\n-1,2,1\n2,2,1\n-2,-1,0\n";

TEST(NetLink, ParsesEveryKey) {
  const ParsedNetLink p = parse_net_link(
      "#mode=network&data=spirals:noise=0.2&model=mlp:hidden=16x16,activation=relu&batch=25&seed=7"
      "&run=adam:lr=0.01&run=sgd:lr=0.1@step:step_size=100&hide=2&speed=500&limit=3000&at=40&embed=1&select=2");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  const NetLink& L = p.link;
  EXPECT_EQ(*L.data, "spirals:noise=0.2");
  EXPECT_EQ(*L.model, "mlp:hidden=16x16,activation=relu");
  EXPECT_EQ(*L.batch, 25);
  EXPECT_EQ(*L.seed, 7u);
  ASSERT_EQ(L.runs.size(), 2u);
  EXPECT_EQ(L.runs[1].optimizer, "sgd:lr=0.1");
  EXPECT_EQ(L.runs[1].scheduler, "step:step_size=100");
  EXPECT_FALSE(L.runs[1].visible);
  EXPECT_EQ(*L.speed, 500);
  EXPECT_EQ(*L.limit, 3000);
  EXPECT_EQ(*L.at, 40);
  EXPECT_TRUE(*L.embed);
  EXPECT_EQ(*L.selected, 1);
}

NetLink sample(int v) {
  NetLink L;
  L.data = v % 3 == 0 ? "moons" : v % 3 == 1 ? "blobs:classes=4,n=300" : "csv:test_fraction=0.25";
  if (v % 3 == 2) L.csv = std::string("x & y,y#?,la=bel%\r\n") + (kCsv + 10) + "3,-0.5,1\n";
  L.model = v % 2 ? "mlp:hidden=none" : "mlp:hidden=4x4x4,features=x+y+xy+sinx";
  if (v % 4 != 1) L.batch = 1 + v * 7;
  if (v % 5 != 2) L.seed = static_cast<std::uint64_t>(v) * 1000003;
  for (int k = 0; k < v % 4; ++k) L.runs.push_back({k % 2 ? "rmsprop:lr=0.001" : "adam:lr=0.02", k == 2 ? "cosine:T_max=50" : "", k != 1, -1});
  if (v == 5) L.runs[0].colour = 3;
  if (v % 2) L.speed = 0.5 + v;
  if (v % 3) L.limit = 100 * (v + 1);
  if (v % 4 == 3) L.at = 10;
  if (v % 5 == 1) L.autoplay = v % 2 == 1;
  if (v == 7) L.loop = true, L.embed = true, L.panels = std::vector<std::string>{"loss", "runs"};
  if (!L.runs.empty() && v % 2) L.selected = static_cast<int>(L.runs.size()) - 1;
  return L;
}

TEST(NetLink, RoundTripIsExact) {
  for (int v = 0; v < 12; ++v) {
    const NetLink L = sample(v);
    const std::string text = to_link(L);
    const ParsedNetLink p = parse_net_link(text);
    EXPECT_TRUE(p.errors.empty()) << text << "\n" << dump(p.errors);
    EXPECT_TRUE(p.link == L) << v << ": " << text << "\n -> " << to_link(p.link);
    EXPECT_EQ(to_link(p.link), text);
  }
}

TEST(NetLink, CanonicalTextIsReadableAndInOrder) {
  NetLink L;
  L.data = "circles";
  L.model = "mlp:hidden=8";
  L.batch = 10;
  L.seed = 3;
  L.runs = {{"adam:lr=0.01", "", true, -1}, {"sgd:lr=0.1", "", false, -1}};
  L.limit = 500;
  L.autoplay = true;
  L.selected = 1;
  EXPECT_EQ(to_link(L), "#mode=network&data=circles&model=mlp:hidden=8&batch=10&seed=3&run=adam:lr=0.01&run=sgd:lr=0.1&hide=2"
                        "&limit=500&autoplay=1&select=2");
}

TEST(NetLink, CsvTextIsPercentEncodedAndDecodedExactly) {
  NetLink L;
  L.data = "csv";
  L.csv = "x,y,label\n1,2,0\n3,4,1\n5,6,1\n";
  const std::string text = to_link(L);
  EXPECT_EQ(text, "#mode=network&data=csv&csv=x,y,label%0A1,2,0%0A3,4,1%0A5,6,1%0A");
  EXPECT_EQ(*parse_net_link(text).link.csv, *L.csv);
}

TEST(NetLink, EachRefusedPartIsReportedAndTheRestLoads) {
  const ParsedNetLink p = parse_net_link(
      "#mode=network&data=nope&model=mlp:hidden=99&batch=0&seed=-1&run=adam:lr=-1&run=sgd:lr=0.1&speed=0&limit=0&problem=rosenbrock"
      "&hide=5&select=x&panels=map");
  EXPECT_TRUE(has_error_starting(p.errors, "data=nope: ")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "model=mlp:hidden=99: invalid hidden width for mlp: 99")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "batch=0: invalid batch size: 0")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "seed=-1: ")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "run=adam:lr=-1: Invalid learning rate: -1")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "speed=0: ")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "limit=0: ")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "problem=rosenbrock: unknown key 'problem'")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "hide=5: no run 5 was loaded")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "select=x: ")) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "panels=map: unknown panel 'map'")) << dump(p.errors);
  EXPECT_EQ(p.errors.size(), 11u) << dump(p.errors);
  EXPECT_FALSE(p.link.data || p.link.model || p.link.batch || p.link.seed || p.link.speed || p.link.limit);
  ASSERT_EQ(p.link.runs.size(), 1u);
  EXPECT_EQ(p.link.runs[0].optimizer, "sgd:lr=0.1");
}

TEST(NetLink, CsvGoesWithDataCsvOnlyAndABadRowIsNamedByLine) {
  const ParsedNetLink lone = parse_net_link("#mode=network&data=moons&csv=" + percent_encode(kCsv));
  EXPECT_TRUE(has_error_starting(lone.errors, "csv=")) << dump(lone.errors);
  EXPECT_EQ(*lone.link.data, "moons");
  EXPECT_FALSE(lone.link.csv);

  const ParsedNetLink missing = parse_net_link("#mode=network&data=csv");
  EXPECT_TRUE(has_error_starting(missing.errors, "data=csv: data=csv needs a csv= part")) << dump(missing.errors);
  EXPECT_FALSE(missing.link.data);

  const ParsedNetLink bad = parse_net_link("#mode=network&data=csv&csv=" + percent_encode("x,y,label\n1,2,0\n3,oops,1\n"));
  ASSERT_EQ(bad.errors.size(), 2u) << dump(bad.errors);
  EXPECT_NE(bad.errors[0].find("line 3"), std::string::npos) << dump(bad.errors);
  EXPECT_FALSE(bad.link.data || bad.link.csv);
}

TEST(NetLink, AtPastTheLimitIsRefused) {
  const ParsedNetLink p = parse_net_link("#mode=network&limit=100&at=101");
  EXPECT_TRUE(has_error_starting(p.errors, "at=101: step 101 is past the step limit 100")) << dump(p.errors);
  EXPECT_FALSE(p.link.at);
}

TEST(NetLink, ModeDecidesWhichGrammarReadsTheLink) {
  EXPECT_EQ(link_mode("#mode=network&data=moons"), LinkMode::network);
  EXPECT_EQ(link_mode("https://example.org/adamlab/#data=moons&mode=network"), LinkMode::network);
  EXPECT_EQ(link_mode("#mode%3Dnetwork"), LinkMode::network);
  EXPECT_EQ(link_mode("#problem=beale&run=adam"), LinkMode::landscape);
  EXPECT_EQ(link_mode("#mode=landscape&problem=beale"), LinkMode::landscape);
  std::vector<std::string> errors;
  EXPECT_EQ(link_mode("#mode=cube&problem=beale", &errors), LinkMode::landscape);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_EQ(errors[0], "mode=cube: unknown mode 'cube' (landscape or network)");
  EXPECT_EQ(without_mode("#mode=landscape&problem=beale&run=adam"), "#problem=beale&run=adam");
}

TEST(NetLink, ALandscapeLinkReadsAndWritesAsBeforeByteForByte) {
  const std::string text = "#problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05@cosine:T_max=100&run=sgd:lr=0.001&hide=2&speed=120";
  ASSERT_EQ(link_mode(text), LinkMode::landscape);
  EXPECT_FALSE(has_mode_piece(text));
  EXPECT_TRUE(has_mode_piece("#problem=beale&mode=landscape"));
  EXPECT_EQ(without_mode(text), text);
  const ParsedLink p = parse_link(without_mode(text));
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(to_link(p.link), text);
}

TEST(NetLink, ShortestSpecsDropDefaults) {
  EXPECT_EQ(shortest_net_spec("data", "spirals:n=400,noise=0.1,test_fraction=0.3,classes=2"), "spirals");
  EXPECT_EQ(shortest_net_spec("data", "moons:n=100,noise=0.3,test_fraction=0.3"), "moons:n=100");
  EXPECT_EQ(shortest_net_spec("model", "mlp:hidden=8x8,activation=tanh,features=x+y"), "mlp");
  EXPECT_EQ(shortest_net_spec("model", "mlp:hidden=16,activation=tanh,features=x+y+xy"), "mlp:hidden=16,features=x+y+xy");
  EXPECT_EQ(shortest_net_spec("model", "garbage:"), "garbage:");
}

TEST(NetLinkLoad, FromSceneAndBackRebuildsTheScene) {
  NetScene scene = NetScene::with_default_runs();
  scene.set_data("circles:noise=0.1");
  scene.set_model("mlp:hidden=6,activation=relu");
  scene.set_batch_size(20);
  scene.set_seed(42);
  const int id = scene.add_run("adamw:lr=0.01,weight_decay=0.1", "cosine:T_max=50");
  scene.set_visible(scene.runs().front().id, false);
  scene.set_speed(240);
  scene.step(15);
  NetUiLinkState ui;
  ui.selected_run_id = id;
  ui.at = scene.step_count();
  const NetLink L = net_link_from_scene(scene, ui);
  EXPECT_EQ(*L.data, "circles:noise=0.1");
  EXPECT_EQ(*L.model, "mlp:hidden=6,activation=relu");
  EXPECT_FALSE(L.limit);  // the default is left out
  const std::string text = to_link(L);
  const ParsedNetLink p = parse_net_link(text);
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);

  NetScene other;
  const AppliedLink applied = load_net_link(p.link, other);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  EXPECT_EQ(other.task().config().data, scene.task().config().data);
  EXPECT_EQ(other.task().config().model, scene.task().config().model);
  EXPECT_EQ(other.task().config().batch_size, 20);
  EXPECT_EQ(other.task().config().seed, 42u);
  ASSERT_EQ(other.runs().size(), scene.runs().size());
  for (std::size_t i = 0; i < scene.runs().size(); ++i) {
    EXPECT_EQ(to_string(other.runs()[i].optimizer), to_string(scene.runs()[i].optimizer));
    EXPECT_EQ(other.runs()[i].scheduler, scene.runs()[i].scheduler);
    EXPECT_EQ(other.runs()[i].visible, scene.runs()[i].visible);
    EXPECT_EQ(other.runs()[i].colour, scene.runs()[i].colour);
    // The same task, weights and batches: the same network after the same steps, to the bit.
    EXPECT_EQ(other.runs()[i].run.parameters(), scene.runs()[i].run.parameters());
  }
  EXPECT_EQ(other.step_count(), 15);
  EXPECT_FALSE(other.playing());
  EXPECT_EQ(other.speed(), 240);
  EXPECT_EQ(applied.selected_run_id, other.runs().back().id);
  EXPECT_EQ(to_link(net_link_from_scene(other, ui)), text);
}

TEST(NetLinkLoad, UserCsvRoundTripsThroughTheScene) {
  NetScene scene = NetScene::with_default_runs();
  scene.set_csv(kCsv, 0.3);
  const NetLink L = net_link_from_scene(scene);
  EXPECT_EQ(*L.csv, kCsv);
  const std::string text = to_link(L);
  NetScene other;
  const AppliedLink applied = load_net_link(parse_net_link(text).link, other);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  EXPECT_EQ(other.csv(), kCsv);
  EXPECT_EQ(other.task().data().train_x, scene.task().data().train_x);
  EXPECT_EQ(other.task().data().test_x, scene.task().data().test_x);
  EXPECT_EQ(to_link(net_link_from_scene(other)), text);
}

TEST(NetLinkLoad, PartsTheLinkLeavesOutOrRefusesTakeTheirDefaults) {
  NetScene scene = NetScene::with_default_runs();
  scene.set_data("xor");
  scene.set_batch_size(3);
  scene.set_step_limit(50);
  scene.add_run("rmsprop:lr=0.01");
  const NetScene defaults = NetScene::with_default_runs();
  const AppliedLink applied = load_net_link(parse_net_link("#mode=network&model=mlp:hidden=3").link, scene);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  EXPECT_EQ(scene.task().config().data, defaults.task().config().data);
  EXPECT_EQ(scene.task().config().batch_size, defaults.task().config().batch_size);
  EXPECT_EQ(scene.task().config().model, "mlp:hidden=3,activation=tanh,features=x+y");
  EXPECT_EQ(scene.step_limit(), defaults.step_limit());
  ASSERT_EQ(scene.runs().size(), defaults.runs().size());
  for (std::size_t i = 0; i < scene.runs().size(); ++i)
    EXPECT_EQ(to_string(scene.runs()[i].optimizer), to_string(defaults.runs()[i].optimizer));
  EXPECT_EQ(scene.step_count(), 0);
  EXPECT_FALSE(scene.playing());
}

TEST(NetLinkLoad, APartTheSceneRefusesIsReportedAndKeepsItsDefault) {
  // Valid alone, refused together: sine is 1D data, and y features do not exist for it.
  NetScene scene;
  const ParsedNetLink p = parse_net_link("#mode=network&data=sine&model=mlp:features=y+y2&autoplay=1");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  const AppliedLink applied = load_net_link(p.link, scene);
  ASSERT_EQ(applied.errors.size(), 1u) << dump(applied.errors);
  EXPECT_EQ(applied.errors[0].rfind("model=mlp:features=y+y2: ", 0), 0u) << dump(applied.errors);
  EXPECT_EQ(scene.task().data().input_dim, 1);
  EXPECT_TRUE(scene.playing());
}

TEST(NetLink, NeverThrowsOnGarbage) {
  for (const char* text : {"", "#", "&&&", "#mode=network&=&run=&run=@&hide=&colours=&select=0", "#mode=network&csv=%ZZ",
                           "#mode=network&data=csv&csv=", "#mode=network&data=csv:test_fraction=1&csv=a"}) {
    const ParsedNetLink p = parse_net_link(text);
    NetScene scene;
    load_net_link(p.link, scene);
    EXPECT_NO_THROW(to_link(p.link));
  }
}

// --- preset= in network links (nn/net_presets.h) ---

TEST(NetPresetLink, EachPresetLinkOpensInNetworkModeAsTheMenuOpensIt) {
  for (const NetPreset& preset : net_presets()) {
    const std::string text = "#preset=" + preset.name;
    EXPECT_EQ(link_mode(text), LinkMode::network) << text;
    const ParsedNetLink p = parse_net_link(text);
    ASSERT_TRUE(p.errors.empty()) << text << "\n" << dump(p.errors);
    EXPECT_EQ(*p.link.preset, preset.name);
    EXPECT_TRUE(*p.link.autoplay) << text;
    NetScene linked;
    const AppliedLink applied = load_net_link(p.link, linked);
    EXPECT_TRUE(applied.errors.empty()) << text << "\n" << dump(applied.errors);
    NetScene menu = make_net_preset_scene(preset);
    EXPECT_EQ(linked.task().config().data, menu.task().config().data) << text;
    EXPECT_EQ(linked.task().config().model, menu.task().config().model) << text;
    EXPECT_EQ(linked.task().config().batch_size, menu.task().config().batch_size) << text;
    EXPECT_EQ(linked.task().config().seed, menu.task().config().seed) << text;
    EXPECT_EQ(linked.step_limit(), preset.step_limit) << text;
    EXPECT_EQ(linked.speed(), preset.speed) << text;
    EXPECT_TRUE(linked.playing()) << text;
    ASSERT_EQ(linked.runs().size(), preset.runs.size()) << text;
    linked.step(5);
    menu.step(5);
    for (std::size_t i = 0; i < menu.runs().size(); ++i) {
      EXPECT_EQ(to_string(linked.runs()[i].optimizer), to_string(menu.runs()[i].optimizer)) << text;
      EXPECT_EQ(linked.runs()[i].scheduler, menu.runs()[i].scheduler) << text;
      EXPECT_EQ(linked.runs()[i].colour, menu.runs()[i].colour) << text;
      // The same task, weights and batches: the same network after the same steps, to the bit.
      EXPECT_EQ(linked.runs()[i].run.parameters(), menu.runs()[i].run.parameters()) << text;
    }
  }
}

TEST(NetPresetLink, EveryOtherKeyOverridesThePresetWhereverItIsWritten) {
  const ParsedNetLink p = parse_net_link("#seed=3&limit=100&run=adam:lr=0.05&preset=net-race&batch=20&speed=10");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  const NetPreset& race = *find_net_preset("net-race");
  EXPECT_EQ(*p.link.preset, "net-race");
  EXPECT_EQ(*p.link.data, race.task.data);  // not overridden: the preset's
  EXPECT_EQ(*p.link.model, race.task.model);
  EXPECT_EQ(*p.link.seed, 3u);
  EXPECT_EQ(*p.link.limit, 100);
  EXPECT_EQ(*p.link.batch, 20);
  EXPECT_EQ(*p.link.speed, 10);
  ASSERT_EQ(p.link.runs.size(), 1u);  // written runs replace the preset's
  EXPECT_EQ(p.link.runs[0].optimizer, "adam:lr=0.05");
}

TEST(NetPresetLink, PlaysUnlessAutoplayOrAtSaysOtherwise) {
  EXPECT_TRUE(*parse_net_link("#preset=net-lr").link.autoplay);
  EXPECT_TRUE(*parse_net_link("#preset=net-lr&embed=1").link.embed);
  EXPECT_TRUE(*parse_net_link("#preset=net-lr&embed=1").link.autoplay);
  EXPECT_FALSE(*parse_net_link("#preset=net-lr&autoplay=0").link.autoplay);
  const ParsedNetLink at = parse_net_link("#preset=net-lr&at=20");
  ASSERT_TRUE(at.errors.empty()) << dump(at.errors);
  EXPECT_FALSE(at.link.autoplay);
  NetScene scene;
  load_net_link(at.link, scene);
  EXPECT_EQ(scene.step_count(), 20);
  EXPECT_FALSE(scene.playing());
  // A refused at= is as if absent: the preset plays.
  const ParsedNetLink past = parse_net_link("#preset=net-lr&at=301");
  EXPECT_TRUE(has_error_starting(past.errors, "at=301: step 301 is past the step limit 300")) << dump(past.errors);
  EXPECT_TRUE(*past.link.autoplay);
}

TEST(NetPresetLink, ModeAndPresetNamesDecideTheGrammar) {
  EXPECT_EQ(link_mode("https://example.org/adamlab/#embed=1&preset=net-beta2"), LinkMode::network);
  EXPECT_EQ(link_mode("#preset%3Dnet-adamw"), LinkMode::network);
  EXPECT_EQ(link_mode("#preset=adam"), LinkMode::landscape);  // a landscape preset
  EXPECT_EQ(link_mode("#preset=net-nope"), LinkMode::landscape);  // unknown: the landscape reports it
  EXPECT_EQ(link_mode("#mode=landscape&preset=net-race"), LinkMode::landscape);  // an explicit mode wins
  EXPECT_TRUE(has_error_starting(parse_link("#preset=net-nope").errors, "preset=net-nope: unknown preset 'net-nope'"));

  const ParsedNetLink landscape_name = parse_net_link("#mode=network&preset=adam&data=moons");
  ASSERT_EQ(landscape_name.errors.size(), 1u) << dump(landscape_name.errors);
  EXPECT_EQ(landscape_name.errors[0],
            "preset=adam: unknown network preset 'adam' (known: net-race, net-lr, net-beta1, net-beta2, net-decay, "
            "net-weight-decay, net-adamw)");
  EXPECT_FALSE(landscape_name.link.preset);
  EXPECT_FALSE(landscape_name.link.autoplay);  // no preset: a plain link, paused
  EXPECT_EQ(*landscape_name.link.data, "moons");

  const ParsedNetLink twice = parse_net_link("#preset=net-lr&preset=net-race");
  EXPECT_TRUE(has_error_starting(twice.errors, "preset=net-race: duplicate key 'preset'")) << dump(twice.errors);
  EXPECT_EQ(*twice.link.preset, "net-lr");
}

TEST(NetPresetLink, RunNumbersNameThePresetsRunsWhenNoRunIsWritten) {
  const ParsedNetLink p = parse_net_link("#preset=net-race&select=2&hide=3&colours=auto,4,auto");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  ASSERT_EQ(p.link.runs.size(), 3u);
  EXPECT_EQ(*p.link.selected, 1);
  EXPECT_FALSE(p.link.runs[2].visible);
  EXPECT_EQ(p.link.runs[1].colour, 4);
  // Written runs, all refused: the preset's runs stay, and run numbers name the written ones.
  const ParsedNetLink refused = parse_net_link("#preset=net-race&run=adam:lr=-1&select=1");
  EXPECT_TRUE(has_error_starting(refused.errors, "run=adam:lr=-1: Invalid learning rate: -1")) << dump(refused.errors);
  EXPECT_TRUE(has_error_starting(refused.errors, "select=1: no run 1 was loaded")) << dump(refused.errors);
  EXPECT_EQ(refused.link.runs.size(), 3u);
}

TEST(NetPresetLink, RoundTripIsExact) {
  for (const char* text : {"#preset=net-decay", "#preset=net-beta2&embed=1&loop=1", "#preset=net-race&seed=9&at=40&select=3",
                           "#mode=network&preset=net-adamw&run=sgd:lr=0.5&autoplay=0"}) {
    const ParsedNetLink p = parse_net_link(text);
    ASSERT_TRUE(p.errors.empty()) << text << "\n" << dump(p.errors);
    const std::string canonical = to_link(p.link);
    EXPECT_EQ(canonical.rfind("#mode=network&preset=", 0), 0u) << canonical;
    const ParsedNetLink again = parse_net_link(canonical);
    EXPECT_TRUE(again.errors.empty()) << canonical << "\n" << dump(again.errors);
    EXPECT_TRUE(again.link == p.link) << text << " -> " << canonical;
    EXPECT_EQ(to_link(again.link), canonical);
  }
}

}  // namespace
}  // namespace adamlab
