// Scene links: the URL hash grammar, its round trip, its error reports, and applying it to a Scene.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/spec.h"
#include "sim/link.h"
#include "sim/palette.h"
#include "sim/presets.h"
#include "sim/scene.h"

namespace adamlab {
namespace {

bool has_error(const std::vector<std::string>& errors, const std::string& text) {
  for (const auto& e : errors)
    if (e == text) return true;
  return false;
}

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

TEST(Link, ParsesTheReadmeExample) {
  const ParsedLink p = parse_link("#problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05&run=sgd:lr=0.001,momentum=0.9");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(*p.link.problem, "rosenbrock");
  EXPECT_EQ(*p.link.start, Eigen::Vector2d(-1.5, 2));
  ASSERT_EQ(p.link.runs.size(), 2u);
  EXPECT_EQ(p.link.runs[0].optimizer, "adam:lr=0.05");
  EXPECT_EQ(p.link.runs[1].optimizer, "sgd:lr=0.001,momentum=0.9");
  EXPECT_EQ(p.link.runs[1].scheduler, "");
}

TEST(Link, SchedulerFollowsAnAt) {
  const ParsedLink p = parse_link("run=adam:lr=0.05,eps=1e-08@cosine:T_max=100,eta_min=-0&run=sgd:lr=1e-3@step:step_size=10");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  ASSERT_EQ(p.link.runs.size(), 2u);
  EXPECT_EQ(p.link.runs[0].optimizer, "adam:lr=0.05,eps=1e-08");
  EXPECT_EQ(p.link.runs[0].scheduler, "cosine:T_max=100,eta_min=-0");
  EXPECT_EQ(p.link.runs[1].scheduler, "step:step_size=10");
}

TEST(Link, AcceptsFullUrlsQueryStringsAndBareText) {
  const std::string body = "problem=beale&run=adam";
  for (const std::string& input : {"https://x.org/adamlab/#" + body, "?" + body, "#" + body, body,
                                   "https://x.org/?utm=1#" + body}) {
    const ParsedLink p = parse_link(input);
    EXPECT_TRUE(p.errors.empty()) << input << "\n" << dump(p.errors);
    EXPECT_EQ(p.link.problem.value_or(""), "beale") << input;
    EXPECT_EQ(p.link.runs.size(), 1u) << input;
  }
}

TEST(Link, PercentDecodesEachPiece) {
  const ParsedLink p = parse_link("#problem=rosenbrock&run=adam%3Alr%3D0.05%2Cbeta1%3D0.8%40cosine%3AT_max%3D10&start=-1.5%2C2");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  ASSERT_EQ(p.link.runs.size(), 1u);
  EXPECT_EQ(p.link.runs[0].optimizer, "adam:lr=0.05,beta1=0.8");
  EXPECT_EQ(p.link.runs[0].scheduler, "cosine:T_max=10");
  EXPECT_EQ(*p.link.start, Eigen::Vector2d(-1.5, 2));
  EXPECT_EQ(percent_decode("a%zzb%4"), "a%zzb%4");  // malformed escapes stay
  EXPECT_EQ(percent_decode("1e%2B5"), "1e+5");
}

TEST(Link, PlusStaysAPlus) {
  const ParsedLink p = parse_link("#run=adam:lr=1e+0");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(p.link.runs.at(0).optimizer, "adam:lr=1e+0");
}

TEST(Link, InvalidRunIsReportedAndDroppedWhileTheRestLoads) {
  const ParsedLink p = parse_link("#problem=rosenbrock&run=adam:lr=-1&run=sgd:lr=0.001&start=1,2");
  EXPECT_EQ(p.errors, std::vector<std::string>{"run=adam:lr=-1: Invalid learning rate: -1"});
  ASSERT_EQ(p.link.runs.size(), 1u);
  EXPECT_EQ(p.link.runs[0].optimizer, "sgd:lr=0.001");
  EXPECT_TRUE(p.link.problem && p.link.start);
}

TEST(Link, EachMalformedPartIsReportedAndIgnored) {
  const ParsedLink p = parse_link(
      "#problem=nosuch&view=1,0,0,1&start=1,inf&run=adam@cosine&run=adam:lr=0.1@&run=sgd&speed=0&limit=0"
      "&at=-1&autoplay=yes&panels=landscape,nope&noise=gaussian:std=-1&seed=-3&select=9&anatomy=1,x"
      "&bogus=1&embed&hide=7&colours=1,2&loop=1&run=rmsprop");
  const std::vector<std::string> expected_prefixes = {
      "problem=nosuch: unknown problem 'nosuch'",
      "view=1,0,0,1: view width must be positive, not -1",
      "start=1,inf: invalid number for start y: 'inf'",
      "run=adam@cosine: scheduler cosine needs T_max",
      "run=adam:lr=0.1@: missing scheduler after '@'",
      "run=sgd: ",
      "speed=0: speed must be 0.25 to 20000",
      "limit=0: step limit must be 1 to 200000",
      "at=-1: step must be 0 to 200000",
      "autoplay=yes: invalid boolean for autoplay",
      "panels=landscape,nope: unknown panel 'nope'",
      "noise=gaussian:std=-1: noise gaussian needs std >= 0",
      "seed=-3: invalid seed '-3'",
      "select=9: no run 9 was loaded",
      "anatomy=1,x: expected N or N,nobc",
      "bogus=1: unknown key 'bogus'",
      "embed: missing '='",
      "hide=7: no run 7 was loaded",
      "colours=1,2: expected one colour per run (4), got 2",
  };
  for (const auto& prefix : expected_prefixes) EXPECT_TRUE(has_error_starting(p.errors, prefix)) << prefix << "\n" << dump(p.errors);
  EXPECT_EQ(p.errors.size(), expected_prefixes.size()) << dump(p.errors);
  // What was valid still loads.
  EXPECT_EQ(p.link.loop, true);
  ASSERT_EQ(p.link.runs.size(), 1u);
  EXPECT_EQ(p.link.runs[0].optimizer, "rmsprop");
  EXPECT_FALSE(p.link.problem || p.link.view || p.link.start || p.link.speed || p.link.limit || p.link.at ||
               p.link.autoplay || p.link.panels || p.link.noise || p.link.seed || p.link.selected || p.link.anatomy);
}

TEST(Link, DuplicateKeysKeepTheFirst) {
  const ParsedLink p = parse_link("#speed=10&speed=20&run=adam");
  EXPECT_EQ(*p.link.speed, 10);
  EXPECT_TRUE(has_error_starting(p.errors, "speed=20: duplicate key 'speed'")) << dump(p.errors);
}

TEST(Link, EmptyPiecesAreSkipped) {
  const ParsedLink p = parse_link("#&&run=adam&&");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(p.link.runs.size(), 1u);
}

TEST(Link, LimitsFollowTheScene) {
  EXPECT_TRUE(parse_link("#speed=20000&limit=200000").errors.empty());
  EXPECT_TRUE(parse_link("#speed=0.25&limit=1").errors.empty());
  EXPECT_EQ(parse_link("#speed=20001").errors.size(), 1u);
  EXPECT_EQ(parse_link("#speed=0.2").errors.size(), 1u);
  EXPECT_EQ(parse_link("#limit=200001").errors.size(), 1u);
  EXPECT_EQ(parse_link("#limit=1.5").errors.size(), 1u);
  EXPECT_EQ(parse_link("#start=1e400,0").errors.size(), 1u);
  EXPECT_EQ(parse_link("#view=-1e308,1e308,0,1").errors.size(), 1u);  // width overflows
  EXPECT_EQ(parse_link("#view=0,1,2,2").errors.size(), 1u);
  const ParsedLink at = parse_link("#limit=100&at=101");
  EXPECT_FALSE(at.link.at);
  EXPECT_TRUE(has_error_starting(at.errors, "at=101: step 101 is past the step limit 100")) << dump(at.errors);
}

TEST(Link, ExtraRunsBeyondTheSceneMaximumAreReported) {
  std::string link = "#";
  for (int i = 0; i < Scene::kMaxRuns + 2; ++i) link += "run=sgd:lr=0.00" + std::to_string(i + 1) + "&";
  const ParsedLink p = parse_link(link);
  EXPECT_EQ(static_cast<int>(p.link.runs.size()), Scene::kMaxRuns);
  EXPECT_EQ(p.errors.size(), 2u) << dump(p.errors);
  EXPECT_TRUE(has_error_starting(p.errors, "run=sgd:lr=0.0013: too many runs (at most 12)")) << dump(p.errors);
}

TEST(Link, RunNumbersCountRunsAsWritten) {
  // Run 2 is invalid: hide=3 still means the third run= key, which is the second run loaded.
  const ParsedLink p = parse_link("#run=adam&run=adam:lr=-1&run=sgd:lr=0.1&hide=3&select=3&anatomy=1,nobc&colours=4,auto,0");
  ASSERT_EQ(p.link.runs.size(), 2u);
  EXPECT_TRUE(p.link.runs[0].visible);
  EXPECT_FALSE(p.link.runs[1].visible);
  EXPECT_EQ(p.link.runs[0].colour, 4);
  EXPECT_EQ(p.link.runs[1].colour, 0);
  EXPECT_EQ(p.link.selected, 1);
  EXPECT_EQ(p.link.anatomy, 0);
  EXPECT_FALSE(p.link.anatomy_bias_correction);
  EXPECT_EQ(p.errors.size(), 1u) << dump(p.errors);
}

TEST(Link, DuplicateColoursAreReported) {
  const ParsedLink p = parse_link("#run=adam&run=sgd:lr=0.1&colours=3,3");
  EXPECT_EQ(p.link.runs[0].colour, 3);
  EXPECT_EQ(p.link.runs[1].colour, -1);
  EXPECT_TRUE(has_error_starting(p.errors, "colours=3: colour 3 is already used")) << dump(p.errors);
}

TEST(Link, PresetExpandsAndLaterKeysOverrideIt) {
  const Preset* preset = find_preset("momentum");
  ASSERT_NE(preset, nullptr);
  const ParsedLink base = parse_link(preset->link);
  ASSERT_TRUE(base.errors.empty()) << dump(base.errors);
  const ParsedLink p = parse_link("#speed=7&preset=momentum");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(p.link.preset, "momentum");
  EXPECT_EQ(p.link.problem, base.link.problem);
  EXPECT_EQ(p.link.runs, base.link.runs);
  EXPECT_EQ(p.link.speed, 7);
  EXPECT_EQ(p.link.limit, base.link.limit);
  // Valid runs replace the preset's; references then name the new runs.
  const ParsedLink q = parse_link("#preset=momentum&run=adam&hide=1");
  ASSERT_EQ(q.link.runs.size(), 1u);
  EXPECT_EQ(q.link.runs[0].optimizer, "adam");
  EXPECT_FALSE(q.link.runs[0].visible);
  // Without runs of its own, references name the preset's runs.
  const ParsedLink r = parse_link("#preset=momentum&hide=2");
  EXPECT_TRUE(r.errors.empty()) << dump(r.errors);
  EXPECT_FALSE(r.link.runs.at(1).visible);
}

TEST(Link, ControlCharactersInErrorsAreWrittenBackAsEscapes) {
  // A decoded %00 used to put a NUL inside the message, which ends it early wherever it is shown.
  const ParsedLink p = parse_link("#problem=beale%00&problem2=%0A");
  const auto shown = summarize_link_errors(p.errors);
  ASSERT_EQ(shown.size(), 2u);
  EXPECT_EQ(shown[0].rfind("problem=beale%00: ", 0), 0u) << shown[0];
  EXPECT_EQ(shown[0].find('\0'), std::string::npos);
  EXPECT_NE(shown[0].find("invalid name 'beale\\x00'"), std::string::npos) << shown[0];  // not cut at the NUL
  EXPECT_EQ(shown[1].find('\n'), std::string::npos) << shown[1];
}

TEST(Link, ARefusedAutoplayOrAtOnAPresetLinkIsAsIfAbsent) {
  // Found by link_fuzz: a bad autoplay= kept the preset from playing, but the canonical link
  // (which leaves the bad part out) played, so the link did not parse back the same.
  for (const char* text : {"#preset=momentum&autoplay=yes", "#preset=momentum&at=-1", "#preset=momentum&limit=10&at=201"}) {
    const ParsedLink p = parse_link(text);
    EXPECT_EQ(p.errors.size(), 1u) << text;
    EXPECT_EQ(p.link.autoplay, std::optional<bool>(true)) << text;
    EXPECT_TRUE(parse_link(to_link(p.link)).link == p.link) << text;
  }
}

TEST(Link, UnknownPresetIsReported) {
  const ParsedLink p = parse_link("#preset=nope&run=adam");
  EXPECT_TRUE(has_error_starting(p.errors, "preset=nope: unknown preset 'nope' (known: momentum,")) << dump(p.errors);
  EXPECT_EQ(p.link.runs.size(), 1u);
  EXPECT_FALSE(p.link.preset);
}

TEST(Link, EveryPresetLinkParsesCleanly) {
  for (const Preset& preset : presets()) {
    const ParsedLink p = parse_link("#preset=" + preset.name);
    EXPECT_TRUE(p.errors.empty()) << preset.name << "\n" << dump(p.errors);
    EXPECT_FALSE(p.link.runs.empty()) << preset.name;
  }
}

SceneLink sample(int variant) {
  SceneLink L;
  L.problem = variant % 2 ? "rosenbrock:a=1.5" : "quadratic";
  // With a preset every part it sets must be set too (as parse_link always leaves it).
  if (variant % 3 == 0 || variant > 10) L.view = Rect{-2.5, 0.1, -1e-3, 3e5};
  L.start = Eigen::Vector2d(0.1 * variant - 1.7, 1.0 / 3.0 + variant);
  L.runs.push_back({"adam:lr=0.05", "", true, -1});
  if (variant > 1) L.runs.push_back({"sgd:lr=0.001,momentum=0.9", "cosine:T_max=100", variant % 2 == 0, -1});
  if (variant > 2) L.runs.push_back({"rmsprop:lr=3e-4,centered=true", "step:step_size=7,gamma=0.5", true, 5});
  if (variant > 3) L.speed = 0.25 + variant;
  if (variant > 4) L.limit = 1000 * variant;
  if (variant > 5) L.at = 17;
  if (variant > 6) L.autoplay = variant % 2 == 0, L.loop = true, L.embed = false;
  if (variant > 7) L.panels = std::vector<std::string>{"loss", "landscape"};
  if (variant > 8) L.noise = "gaussian:std=0.25,relative=true", L.seed = 123456789;
  if (variant > 9) L.selected = 1, L.anatomy = 2, L.anatomy_bias_correction = variant % 2 == 0;
  if (variant > 10) L.preset = "adam";
  return L;
}

TEST(Link, RoundTripIsExact) {
  for (int v = 0; v < 14; ++v) {
    const SceneLink L = sample(v);
    const std::string text = to_link(L);
    const ParsedLink p = parse_link(text);
    EXPECT_TRUE(p.errors.empty()) << text << "\n" << dump(p.errors);
    EXPECT_TRUE(p.link == L) << v << ": " << text << "\n -> " << to_link(p.link);
    EXPECT_EQ(to_link(p.link), text);
  }
}

TEST(Link, CanonicalTextIsReadable) {
  SceneLink L;
  L.problem = "rosenbrock";
  L.start = Eigen::Vector2d(-1.5, 2);
  L.runs = {{"adam:lr=0.05", "cosine:T_max=100", true, -1}, {"sgd:lr=0.001,momentum=0.9", "", false, -1}};
  L.speed = 120;
  L.embed = true;
  L.anatomy = 0;
  EXPECT_EQ(to_link(L),
            "#problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05@cosine:T_max=100&run=sgd:lr=0.001,momentum=0.9"
            "&hide=2&speed=120&embed=1&anatomy=1");
}

TEST(Link, ShortestSpecDropsDefaults) {
  EXPECT_EQ(shortest_spec("optimizer", "adam:lr=0.05,beta1=0.9,beta2=0.999,eps=1e-08,weight_decay=0,amsgrad=false,maximize=false"),
            "adam:lr=0.05");
  EXPECT_EQ(shortest_spec("optimizer", "sgd:lr=0.001,momentum=0,dampening=0,weight_decay=0,nesterov=false,maximize=false"),
            "sgd:lr=0.001");
  EXPECT_EQ(shortest_spec("problem", "rosenbrock:a=1,b=100"), "rosenbrock");
  EXPECT_EQ(shortest_spec("scheduler", "step:step_size=10,gamma=0.1"), "step:step_size=10");
  EXPECT_EQ(shortest_spec("noise", "gaussian:std=0.5,relative=false"), "gaussian:std=0.5");
  EXPECT_EQ(shortest_spec("optimizer", "nonsense:"), "nonsense:");
}

TEST(Link, FromSceneAndBackRebuildsTheScene) {
  Scene scene = Scene::with_default_runs();
  scene.set_start(0.5, -0.25);
  const int id = scene.add_run("adamw:lr=0.01,weight_decay=0.1", "cosine:T_max=50");
  scene.set_visible(scene.runs().front().id, false);
  scene.set_speed(240);
  UiLinkState ui;
  ui.selected_run_id = id;
  ui.panels = std::vector<std::string>{"landscape", "anatomy"};
  const SceneLink L = link_from_scene(scene, ui);
  EXPECT_EQ(L.runs.front().optimizer, "adam:lr=0.05");
  EXPECT_FALSE(L.runs.front().visible);
  EXPECT_EQ(L.runs.back().optimizer, "adamw:lr=0.01,weight_decay=0.1");
  EXPECT_EQ(L.runs.back().scheduler, "cosine:T_max=50");
  EXPECT_FALSE(L.limit);  // the default is left out
  const std::string text = to_link(L);
  EXPECT_EQ(text.rfind("#problem=rosenbrock&start=0.5,-0.25&run=adam:lr=0.05&", 0), 0u) << text;

  Scene other("beale");
  const ParsedLink p = parse_link(text);
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  const AppliedLink applied = apply_link(p.link, other);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  ASSERT_EQ(other.runs().size(), scene.runs().size());
  for (std::size_t i = 0; i < scene.runs().size(); ++i) {
    EXPECT_EQ(to_string(other.runs()[i].optimizer), to_string(scene.runs()[i].optimizer));
    EXPECT_EQ(other.runs()[i].scheduler, scene.runs()[i].scheduler);
    EXPECT_EQ(other.runs()[i].visible, scene.runs()[i].visible);
    EXPECT_EQ(other.runs()[i].colour, scene.runs()[i].colour);
  }
  EXPECT_EQ(other.problem_spec(), scene.problem_spec());
  EXPECT_EQ(other.start(), scene.start());
  EXPECT_EQ(other.speed(), 240);
  EXPECT_EQ(applied.selected_run_id, other.runs().back().id);
  EXPECT_TRUE(link_from_scene(other, ui) == L);
}

TEST(Link, ApplySetsExplicitColours) {
  Scene scene;
  const AppliedLink a = apply_link(parse_link("#run=adam&run=sgd:lr=0.1&run=rmsprop&colours=5,auto,0").link, scene);
  EXPECT_TRUE(a.errors.empty()) << dump(a.errors);
  ASSERT_EQ(scene.runs().size(), 3u);
  EXPECT_EQ(scene.runs()[0].colour, 5);
  EXPECT_EQ(scene.runs()[1].colour, 1);
  EXPECT_EQ(scene.runs()[2].colour, 0);
  EXPECT_EQ(to_string(scene.runs()[0].optimizer).rfind("adam:", 0), 0u);
  EXPECT_EQ(a.run_ids.size(), 3u);
}

// --- colours follow the optimizer (sim/palette.h) ---

int colour_of(const Scene& s, const std::string& optimizer_prefix) {
  for (const auto& r : s.runs())
    if (to_string(r.optimizer).rfind(optimizer_prefix, 0) == 0) return r.colour;
  return -100;
}

TEST(LinkColours, AnOptimizerHasOneColourOnTheDefaultPageAndInEveryPreset) {
  const Scene page = Scene::with_default_runs();
  const int adam = colour_of(page, "adam:"), sgd = colour_of(page, "sgd:lr=0.001,momentum=0,"),
            momentum = colour_of(page, "sgd:lr=0.001,momentum=0.9"), rmsprop = colour_of(page, "rmsprop:");
  EXPECT_EQ(std::set<int>({adam, sgd, momentum, rmsprop}).size(), 4u);
  int presets_with_adam = 0;
  for (const auto& p : presets()) {
    Scene s;
    const AppliedLink a = apply_link(parse_link("#preset=" + p.name).link, s);
    ASSERT_TRUE(a.errors.empty()) << p.name << dump(a.errors);
    // The first run of each optimizer wears the default page's colour for it.
    if (colour_of(s, "adam:") != -100) {
      EXPECT_EQ(colour_of(s, "adam:"), adam) << p.name;
      ++presets_with_adam;
    }
    if (colour_of(s, "rmsprop:") != -100) EXPECT_EQ(colour_of(s, "rmsprop:"), rmsprop) << p.name;
    if (p.name == "momentum" || p.name == "adam") {
      EXPECT_EQ(s.runs()[0].colour, sgd) << p.name;
      EXPECT_EQ(s.runs()[1].colour, momentum) << p.name;
    }
    // Colours within a scene stay distinct.
    std::set<int> seen;
    for (const auto& r : s.runs()) EXPECT_TRUE(seen.insert(r.colour).second) << p.name << " colour " << r.colour;
  }
  EXPECT_GE(presets_with_adam, 6);
}

TEST(LinkColours, ASecondRunOfAnOptimizerTakesAColourNoOptimizerPresentClaims) {
  Scene s;
  // The second Adam is listed before AdamW and Adamax: it must not take their colours.
  apply_link(parse_link("#run=adam&run=adam:lr=0.01&run=adamw&run=adamax").link, s);
  ASSERT_EQ(s.runs().size(), 4u);
  EXPECT_EQ(s.runs()[0].colour, optimizer_colour(parse_spec("adam")));
  EXPECT_EQ(s.runs()[2].colour, optimizer_colour(parse_spec("adamw")));
  EXPECT_EQ(s.runs()[3].colour, optimizer_colour(parse_spec("adamax")));
  for (const char* other : {"adam", "adamw", "adamax", "sgd:lr=1"})
    EXPECT_NE(s.runs()[1].colour, optimizer_colour(parse_spec(other))) << other;
  // Adding one more run of an optimizer already present does the same, one run at a time.
  const int id = s.duplicate_run(s.runs()[2].id);
  std::set<int> seen;
  for (const auto& r : s.runs()) EXPECT_TRUE(seen.insert(r.colour).second) << r.colour;
  EXPECT_NE(s.find(id)->colour, optimizer_colour(parse_spec("adam")));
}

TEST(LinkColours, ExplicitColoursOverrideAndSurviveTheRoundTrip) {
  Scene s;
  apply_link(parse_link("#run=adam&run=sgd:lr=0.1&colours=3,auto").link, s);
  EXPECT_EQ(s.runs()[0].colour, 3);
  EXPECT_EQ(s.runs()[1].colour, optimizer_colour(parse_spec("sgd:lr=0.1")));
  const std::string text = to_link(link_from_scene(s));
  Scene again;
  apply_link(parse_link(text).link, again);
  ASSERT_EQ(again.runs().size(), 2u) << text;
  EXPECT_EQ(again.runs()[0].colour, 3) << text;
  EXPECT_EQ(again.runs()[1].colour, s.runs()[1].colour) << text;
  // Automatic colours are not written: the link says only what it must.
  Scene plain;
  apply_link(parse_link("#run=adam&run=adam:lr=0.01&run=sgd:lr=0.1").link, plain);
  const std::string short_text = to_link(link_from_scene(plain));
  EXPECT_EQ(short_text.find("colours="), std::string::npos) << short_text;
}

TEST(LinkColours, ANewOptimizerTakesItsColourANewHyperparameterKeepsIt) {
  Scene s;
  const int id = s.add_run("adam:lr=0.05");
  const int adam = s.find(id)->colour;
  s.update_run(id, "adam:lr=0.01");
  EXPECT_EQ(s.find(id)->colour, adam);
  s.update_run(id, "rmsprop:lr=0.01");
  EXPECT_EQ(s.find(id)->colour, optimizer_colour(parse_spec("rmsprop")));
  EXPECT_NE(s.find(id)->colour, adam);
}

// --- a link defines the whole scene (load_link) ---

TEST(LinkLoad, KeysALinkLeavesOutTakeTheirDefaultsNotThePreviousScenes) {
  const Scene defaults = Scene::with_default_runs();
  Scene s;
  load_link(parse_link("#problem=himmelblau&start=1,1&run=adam&speed=77&limit=900&noise=gaussian:std=0.3&seed=7"
                       "&autoplay=1").link,
            s);
  ASSERT_EQ(s.speed(), 77);
  ASSERT_TRUE(s.noise().enabled());
  const AppliedLink a = load_link(parse_link("#problem=beale&run=sgd:lr=0.01").link, s);
  EXPECT_TRUE(a.errors.empty()) << dump(a.errors);
  EXPECT_EQ(s.problem_spec(), "beale");
  EXPECT_EQ(s.start(), s.problem().start());
  EXPECT_EQ(s.speed(), defaults.speed());
  EXPECT_EQ(s.step_limit(), defaults.step_limit());
  EXPECT_FALSE(s.noise().enabled());
  EXPECT_FALSE(s.playing());  // autoplay left out: paused
  EXPECT_EQ(s.step_count(), 0);
  ASSERT_EQ(s.runs().size(), 1u);
}

TEST(LinkLoad, ALinkWithoutRunsShowsTheDefaultRunsAndAnEmptyLinkIsTheDefaultScene) {
  const Scene defaults = Scene::with_default_runs();
  Scene s;
  load_link(parse_link("#preset=adam").link, s);
  load_link(parse_link("#problem=himmelblau&at=5").link, s);
  EXPECT_EQ(s.problem_spec(), Scene("himmelblau").problem_spec());
  ASSERT_EQ(s.runs().size(), defaults.runs().size());
  for (std::size_t i = 0; i < s.runs().size(); ++i) {
    EXPECT_EQ(to_string(s.runs()[i].optimizer), to_string(defaults.runs()[i].optimizer));
    EXPECT_EQ(s.runs()[i].colour, defaults.runs()[i].colour);
    EXPECT_EQ(s.runs()[i].history.rows().back().step, 5);  // at= holds for them too
  }
  load_link(parse_link("").link, s);
  EXPECT_EQ(s.problem_spec(), defaults.problem_spec());
  EXPECT_EQ(s.start(), defaults.start());
  EXPECT_EQ(s.step_count(), 0);
  EXPECT_EQ(link_from_scene(s), link_from_scene(defaults));
}

TEST(LinkLoad, RunIdsKeepCountingUp) {
  Scene s;
  load_link(parse_link("#run=adam&run=sgd:lr=0.1").link, s);
  const int last = s.runs().back().id;
  load_link(parse_link("#run=adam").link, s);
  EXPECT_GT(s.runs().front().id, last);
}

TEST(LinkLoad, APresetPlaysAsTheMenuPlaysItUnlessTheLinkSaysOtherwise) {
  EXPECT_EQ(parse_link("#preset=adam").link.autoplay, true);
  EXPECT_EQ(parse_link("#preset=adam&autoplay=0").link.autoplay, false);
  EXPECT_FALSE(parse_link("#preset=adam&at=40").link.autoplay.has_value());
  EXPECT_FALSE(parse_link("#problem=beale&run=adam").link.autoplay.has_value());
  Scene menu, link;
  load_link(parse_link("#preset=beta1&autoplay=1").link, menu);  // what the menu loads
  load_link(parse_link("#preset=beta1").link, link);
  EXPECT_TRUE(link.playing());
  EXPECT_EQ(link_from_scene(link), link_from_scene(menu));
  load_link(parse_link("#preset=beta1&at=40").link, link);
  EXPECT_FALSE(link.playing());
  EXPECT_EQ(link.step_count(), 40);
}

TEST(Link, ApplyStepsToAtAndLeavesItPaused) {
  Scene scene;
  const AppliedLink a = apply_link(parse_link("#problem=quadratic&run=adam:lr=0.1&limit=50&at=20").link, scene);
  EXPECT_TRUE(a.errors.empty()) << dump(a.errors);
  EXPECT_EQ(scene.step_count(), 20);
  EXPECT_FALSE(scene.playing());
  EXPECT_EQ(scene.step_limit(), 50);
  apply_link(parse_link("#autoplay=1").link, scene);
  EXPECT_TRUE(scene.playing());
}

TEST(Link, ApplyKeepsPartsTheLinkDoesNotName) {
  Scene scene = Scene::with_default_runs();
  const std::size_t runs = scene.runs().size();
  const AppliedLink a = apply_link(parse_link("#problem=beale").link, scene);
  EXPECT_TRUE(a.errors.empty()) << dump(a.errors);
  EXPECT_EQ(scene.runs().size(), runs);
  EXPECT_EQ(scene.problem_spec(), "beale");
}

TEST(Link, ApplyReportsWhatTheSceneRefuses) {
  Scene scene;
  SceneLink L;
  L.speed = 1e9;  // built by hand, past the scene's bound
  L.runs = {{"adam", "", true, -1}, {"adam:lr=-1", "", true, -1}};
  const AppliedLink a = apply_link(L, scene);
  EXPECT_TRUE(has_error_starting(a.errors, "speed=1000000000: invalid speed")) << dump(a.errors);
  EXPECT_TRUE(has_error(a.errors, "run=adam:lr=-1: Invalid learning rate: -1")) << dump(a.errors);
  EXPECT_EQ(scene.runs().size(), 1u);
  EXPECT_EQ(a.run_ids[1], -1);
  EXPECT_EQ(scene.speed(), Scene().speed());
}

TEST(Link, NoiseIsCarriedAndReportedUntilTheSceneTakesIt) {
  const ParsedLink p = parse_link("#noise=gaussian:std=0.5&seed=7&run=sgd:lr=0.1");
  EXPECT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(p.link.noise, "gaussian:std=0.5");
  EXPECT_EQ(p.link.seed, 7u);
  Scene scene;
  const AppliedLink a = apply_link(p.link, scene);
  // Whichever the build: either the scene took the noise, or it says why not; the runs load.
  EXPECT_LE(a.errors.size(), 1u) << dump(a.errors);
  if (!a.errors.empty()) {
    EXPECT_TRUE(has_error_starting(a.errors, "noise=gaussian:std=0.5: ")) << dump(a.errors);
  }
  EXPECT_EQ(scene.runs().size(), 1u);
}

TEST(Link, NeverThrowsOnGarbage) {
  for (const std::string& s : {std::string(""), std::string("#"), std::string("&=&"), std::string("=x"),
                               std::string("#run=@"), std::string("%"), std::string("#run=%00"),
                               std::string("\xff\xfe=\x01"), std::string("#preset=momentum&preset=adam")}) {
    EXPECT_NO_THROW(parse_link(s)) << s;
  }
}

// Typed functions (problem=expr:...): the text survives the link whatever it holds, reads as
// typed where a URL allows it, and a mistake is reported with its column.
TEST(LinkExpr, ScenesWithTypedFunctionsRoundTripExactly) {
  const std::vector<std::string> problems = {
      "expr:sin(x)*cos(y)+0.1*(x^2+y^2)",
      "expr:a*(y - x^2)^2 + (1-x)^2; a=100; view=-2,2,-1,3; start=-1.5,2; minimum=1,1",
      "expr:\tabs(x)+max(y, -y)\n; k=1e-3",                 // tabs and newlines are whitespace to it
      "expr:x^2+y^2; view=-3,3,-3,3; c=+2.5e+1",           // '+' in numbers stays a '+'
      "expr:atan2(y,x)/pi + e^-x;start=0.5,0.25",
  };
  for (const std::string& problem : problems) {
    SceneLink L;
    L.problem = problem;
    L.start = Eigen::Vector2d(0.5, -0.25);
    L.runs = {{"adam:lr=0.05", "cosine:T_max=100", true, -1}, {"sgd:lr=0.01", "", false, 3}};
    L.limit = 500;
    const std::string text = to_link(L);
    for (const char c : text) {  // nothing a fragment cannot carry, nothing the link grammar reads
      const auto u = static_cast<unsigned char>(c);
      EXPECT_TRUE(u > 0x20 && u < 0x7f && c != '"' && c != '<' && c != '>' && c != '`' && c != '\\') << text;
    }
    EXPECT_EQ(text.find('#', 1), std::string::npos) << text;
    const ParsedLink p = parse_link(text);
    EXPECT_TRUE(p.errors.empty()) << text << "\n" << dump(p.errors);
    EXPECT_TRUE(p.link == L) << text << "\n -> " << p.link.problem.value_or("(none)");
    EXPECT_EQ(to_link(p.link), text);
    // Pasted as a full URL too.
    EXPECT_TRUE(parse_link("https://example.org/adamlab/?x=1" + text).link == L) << text;
  }
}

TEST(LinkExpr, TheLinkReadsAsTypedAndEscapesOnlyWhatItMust) {
  SceneLink L;
  L.problem = "expr:a*(y-x^2)^2+(1-x)^2;a=100;start=-1.5,2";
  EXPECT_EQ(to_link(L), "#problem=expr:a*(y-x^2)^2+(1-x)^2;a=100;start=-1.5,2");
  L.problem = "expr:sin(x) + 100%x & #y";  // not a valid function: only the escaping is checked here
  EXPECT_EQ(to_link(L), "#problem=expr:sin(x)%20+%20100%25x%20%26%20%23y");
  L.problem = "expr:\"<x>\"`\xc3\xa9\x7f";
  EXPECT_EQ(to_link(L), "#problem=expr:%22%3Cx%3E%22%60%C3%A9%7F");
}

TEST(LinkExpr, AHandTypedPercentEncodedLinkLoads) {
  const ParsedLink p =
      parse_link("#problem=expr%3Aa*sin(x)%20*%20cos(y)%2B0.1*(x%5E2%2By%5E2)%3B%20a%3D2%3B%20start%3D1%2C1&run=adam:lr=0.1");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  EXPECT_EQ(p.link.problem.value_or(""), "expr:a*sin(x) * cos(y)+0.1*(x^2+y^2); a=2; start=1,1");
  Scene scene;
  const AppliedLink applied = load_link(p.link, scene);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  EXPECT_EQ(scene.problem_spec(), "expr:a*sin(x)*cos(y)+0.1*(x^2+y^2);a=2;start=1,1");  // canonical
  EXPECT_EQ(scene.start(), Eigen::Vector2d(1, 1));  // the function's own start
  EXPECT_EQ(scene.problem().value(1, 1), 2 * std::sin(1.0) * std::cos(1.0) + 0.1 * (1.0 * 1.0 + 1.0 * 1.0));
}

TEST(LinkExpr, ABadFunctionIsReportedWithItsColumnAndTheRestLoads) {
  const ParsedLink p = parse_link("#problem=expr:sin(x*cos(y)%20+%201&run=adam:lr=0.1&start=1,2");
  EXPECT_TRUE(has_error(p.errors,
                        "problem=expr:sin(x*cos(y) + 1: expected ')' at column 17 to close the '(' at column 4"))
      << dump(p.errors);
  EXPECT_FALSE(p.link.problem);
  EXPECT_EQ(p.link.runs.size(), 1u);
  EXPECT_TRUE(p.link.start);
  const ParsedLink q = parse_link("#problem=expr:a*x^2;b=1");
  EXPECT_TRUE(has_error_starting(q.errors, "problem=expr:a*x^2;b=1: unknown name 'a' at column 1")) << dump(q.errors);
  const ParsedLink r = parse_link("#problem=expr:");
  EXPECT_TRUE(has_error_starting(r.errors, "problem=expr:: ")) << dump(r.errors);
}

TEST(LinkExpr, ShortestSpecKeepsATypedFunctionIntact) {
  for (const std::string& spec : {std::string("expr:a*x^2+y^2;a=1"), std::string("expr:x^2 + y^2; view=-3,3,-3,3"),
                                  std::string("expr:x;start=0,0")})
    EXPECT_EQ(shortest_spec("problem", spec), spec);
}

TEST(LinkExpr, FromASceneOnATypedFunctionAndBack) {
  Scene scene("expr:a*(y-x^2)^2 + (1-x)^2; a=10; view=-2,2,-1,3; minimum=1,1");
  scene.add_run("adam:lr=0.02", "");
  scene.set_start(-1.25, 2.5);
  scene.step(40);
  const SceneLink L = link_from_scene(scene, {});
  EXPECT_EQ(L.problem.value_or(""), "expr:a*(y-x^2)^2+(1-x)^2;a=10;view=-2,2,-1,3;minimum=1,1");
  Scene other("beale");
  const AppliedLink applied = load_link(parse_link(to_link(L)).link, other);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  EXPECT_EQ(other.problem_spec(), scene.problem_spec());
  EXPECT_EQ(other.start(), scene.start());
  other.step(40);
  ASSERT_EQ(other.runs().size(), 1u);
  EXPECT_EQ(other.runs()[0].run.row().x, scene.runs()[0].run.row().x);
  EXPECT_EQ(other.runs()[0].run.row().y, scene.runs()[0].run.row().y);
}

}  // namespace
}  // namespace adamlab
