// Network-mode links (nn/net_link.h): the grammar, the exact round trip, the reports of refused
// parts, loading a link as the whole network scene, and landscape links left exactly as they were.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/spec.h"
#include "nn/net_link.h"
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

}  // namespace
}  // namespace adamlab
