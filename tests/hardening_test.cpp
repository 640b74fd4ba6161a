// Bad input at the scene's commands (what the JS API, postMessage and the UI all call) and in
// links: every row of docs/INPUTS.md that is decided in C++ has its test here or in
// link_test.cpp / cli_test.cpp / optim_validation_test.cpp. Each bad input gets its message and
// leaves the scene exactly as it was; a hostile link loads its valid parts quickly.
#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "core/error.h"
#include "sim/link.h"
#include "sim/noise.h"
#include "sim/scene.h"
#include "sim/scene_json.h"

namespace adamlab {
namespace {

// Runs f, which must throw Error whose message contains `expected`; the scene must not change.
template <class F>
void expect_refused(Scene& scene, F&& f, const std::string& expected) {
  const std::string before = scene_state_json(scene);
  try {
    f();
    ADD_FAILURE() << "accepted; expected an error containing: " << expected;
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(expected), std::string::npos) << e.what();
  }
  EXPECT_EQ(scene_state_json(scene), before) << "the scene changed";
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

TEST(Hardening, StepBeyondTheLimitStopsAtTheLimit) {
  Scene scene = Scene::with_default_runs();
  scene.step(1'000'000'000'000);  // step(1e12) from JS
  EXPECT_EQ(scene.step_count(), scene.step_limit());
  EXPECT_FALSE(scene.playing());
}

// Regression: step_ + n overflowed int64 (undefined behaviour) for n near INT64_MAX.
TEST(Hardening, StepCountNearInt64MaxDoesNotOverflow) {
  Scene scene = Scene::with_default_runs();
  scene.step(5);
  scene.step(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(scene.step_count(), scene.step_limit());
  scene.step(std::numeric_limits<std::int64_t>::max());
  EXPECT_EQ(scene.step_count(), scene.step_limit());
}

TEST(Hardening, NegativeStepCountIsRefused) {
  Scene scene = Scene::with_default_runs();
  expect_refused(scene, [&] { scene.step(-1); }, "invalid step count: -1");
}

TEST(Hardening, NonFiniteStartIsRefused) {
  Scene scene = Scene::with_default_runs();
  expect_refused(scene, [&] { scene.set_start(kNaN, 0); }, "invalid start x: nan");
  expect_refused(scene, [&] { scene.set_start(0, kInf); }, "invalid start y: inf");
}

TEST(Hardening, HugeFiniteStartDivergesAtAStepInsteadOfCrashing) {
  Scene scene = Scene::with_default_runs();
  scene.set_start(1e300, -1e300);
  scene.step(10);
  for (const auto& r : scene.runs()) {
    EXPECT_TRUE(r.run.diverged());
    EXPECT_EQ(r.run.diverged_at(), 0);  // rosenbrock overflows at the start itself
  }
}

TEST(Hardening, ThirteenthRunIsRefused) {
  Scene scene;
  for (int i = 0; i < Scene::kMaxRuns; ++i) scene.add_run("adam");
  expect_refused(scene, [&] { scene.add_run("adam"); }, "too many runs (at most 12)");
  expect_refused(scene, [&] { scene.duplicate_run(scene.runs().front().id); }, "too many runs (at most 12)");
}

TEST(Hardening, SpeedOutsideItsRangeIsRefused) {
  Scene scene = Scene::with_default_runs();
  for (double v : {0.0, -1.0, 1e9, kNaN, kInf})
    expect_refused(scene, [&] { scene.set_speed(v); }, "invalid speed");
  expect_refused(scene, [&] { scene.set_speed(0); }, "(steps per second, 0.25 to 20000)");
}

TEST(Hardening, StepLimitOutsideItsRangeIsRefused) {
  Scene scene = Scene::with_default_runs();
  expect_refused(scene, [&] { scene.set_step_limit(0); }, "invalid step limit: 0 (1 to 200000)");
  expect_refused(scene, [&] { scene.set_step_limit(1'000'000'000'000); }, "invalid step limit: 1000000000000 (1 to 200000)");
}

TEST(Hardening, BadSpecsAreRefusedWithTorchsMessageAndTheRunIsKept) {
  Scene scene = Scene::with_default_runs();
  const int id = scene.runs().front().id;
  expect_refused(scene, [&] { scene.update_run(id, "adam:lr=-1"); }, "Invalid learning rate: -1");
  expect_refused(scene, [&] { scene.update_run(id, "adam:beta2=1"); }, "Invalid beta parameter at index 1: 1");
  expect_refused(scene, [&] { scene.update_run(id, "adam:eps=-1"); }, "Invalid epsilon value: -1");
  expect_refused(scene, [&] { scene.update_run(id, "adam:lr=abc"); }, "abc");
  expect_refused(scene, [&] { scene.update_run(id, "adam:lr=nan"); }, "nan");
  expect_refused(scene, [&] { scene.update_run(id, "adam:lr=1e999"); }, "1e999");
  expect_refused(scene, [&] { scene.update_run(id, "adamm"); }, "adamm");
  expect_refused(scene, [&] { scene.update_run(id, "adam", "warmup"); }, "warmup");
  expect_refused(scene, [&] { scene.set_problem("rosenbrok"); }, "rosenbrok");
  expect_refused(scene, [&] { scene.remove_run(4242); }, "no run with id 4242");
}

TEST(Hardening, ExtremeButValidHyperparametersPlayWithoutCrashing) {
  // What the sliders reach: lr at its maximum, eps 0 (torch accepts it), beta2 just below 1.
  Scene scene;
  scene.add_run("adam:lr=10");
  scene.add_run("adam:eps=0");
  scene.add_run("adam:beta2=0.99999");
  scene.add_run("sgd:lr=10");
  scene.set_step_limit(Scene::kMaxStepLimit);
  scene.set_speed(Scene::kMaxSpeed);
  scene.play();
  for (int frame = 0; frame < 30; ++frame) scene.advance(1.0);  // a stalled tab: dt clamped to 0.25 s
  EXPECT_EQ(scene.step_count(), 30 * 5000);
  EXPECT_TRUE(scene.runs()[3].run.diverged());  // sgd lr 10 on rosenbrock: reported, with its step
  EXPECT_GT(scene.runs()[3].run.diverged_at(), 0);
  for (const auto& r : scene.runs()) EXPECT_LE(r.history.rows().size(), r.history.capacity());
}

TEST(Hardening, TrailsStayBoundedAtTheLongestPlay) {
  Scene scene;
  for (int i = 0; i < 4; ++i) scene.add_run("adam:lr=0.00" + std::to_string(i + 1));
  scene.set_step_limit(Scene::kMaxStepLimit);
  scene.step(Scene::kMaxStepLimit);
  for (const auto& r : scene.runs()) {
    EXPECT_LE(r.history.rows().size(), r.history.capacity());
    EXPECT_GE(r.history.rows().size(), r.history.capacity() / 2);
    EXPECT_EQ(r.history.rows().front().step, 0);
  }
}

// Regression (scene_fuzz): a seed above 9e15 played, but the scene's own link did not load back.
TEST(Hardening, NoiseSeedBeyondWhatALinkCarriesIsRefused) {
  Scene scene = Scene::with_default_runs();
  GradientNoise noise = parse_noise("gaussian:std=0.5");
  noise.seed = 30398747728916480ull;
  expect_refused(scene, [&] { scene.set_noise(noise); }, "invalid noise seed: 30398747728916480 (0 to 9000000000000000)");
  noise.seed = 9'000'000'000'000'000ull;
  scene.set_noise(noise);
  const ParsedLink back = parse_link(to_link(link_from_scene(scene)));
  EXPECT_TRUE(back.errors.empty()) << back.errors.front();
  EXPECT_EQ(*back.link.seed, noise.seed);
}

// --- hostile links: bounded time, errors reported and summarized, the rest loads ---

double seconds_to_apply(const std::string& link, Scene& scene, std::vector<std::string>& errors) {
  const auto t0 = std::chrono::steady_clock::now();
  const ParsedLink parsed = parse_link(link);
  const AppliedLink applied = apply_link(parsed.link, scene);
  errors = parsed.errors;
  errors.insert(errors.end(), applied.errors.begin(), applied.errors.end());
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

TEST(Hardening, LinkWithTenThousandRunsLoadsTwelveQuicklyAndSummarizesTheRest) {
  std::string link = "#problem=himmelblau";
  for (int i = 0; i < 10000; ++i) link += "&run=adam:lr=0.0" + std::to_string(1 + i % 9);
  Scene scene = Scene::with_default_runs();
  std::vector<std::string> errors;
  EXPECT_LT(seconds_to_apply(link, scene, errors), 5.0);
  EXPECT_EQ(scene.runs().size(), static_cast<std::size_t>(Scene::kMaxRuns));
  EXPECT_EQ(errors.size(), 10000u - Scene::kMaxRuns);
  const auto shown = summarize_link_errors(errors);
  ASSERT_EQ(shown.size(), kMaxLinkErrors + 1);
  EXPECT_EQ(shown.back(), "... and " + std::to_string(errors.size() - kMaxLinkErrors) + " more");
  EXPECT_NE(shown.front().find("too many runs (at most 12)"), std::string::npos) << shown.front();
}

TEST(Hardening, LinkWithHugeNumbersIsRefusedPartByPart) {
  Scene scene = Scene::with_default_runs();
  std::vector<std::string> errors;
  seconds_to_apply("#limit=1e300&speed=1e308&start=1e400,0&at=99999999999&view=0,0,0,1&problem=quadratic", scene, errors);
  EXPECT_EQ(scene.problem_spec().rfind("quadratic", 0), 0u);  // the valid part loaded
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  EXPECT_EQ(errors.size(), 5u) << all;
  EXPECT_NE(all.find("view=0,0,0,1: view width must be positive, not 0"), std::string::npos) << all;
  EXPECT_NE(all.find("limit=1e300: invalid integer for limit: '1e300' (out of range)"), std::string::npos) << all;
  EXPECT_NE(all.find("speed=1e308: speed must be 0.25 to 20000 steps per second"), std::string::npos) << all;
  EXPECT_NE(all.find("start=1e400,0: invalid number for start x: '1e400' (out of range)"), std::string::npos) << all;
  EXPECT_NE(all.find("at=99999999999: step must be 0 to 200000"), std::string::npos) << all;
  EXPECT_EQ(scene.step_limit(), Scene().step_limit());
  EXPECT_EQ(scene.speed(), Scene().speed());
}

TEST(Hardening, LinkWithAMegabyteSpecIsRefusedAndItsMessageCut) {
  Scene scene = Scene::with_default_runs();
  std::vector<std::string> errors;
  const std::string huge(1 << 20, '9');
  EXPECT_LT(seconds_to_apply("#run=adam:lr=" + huge + "&problem=" + std::string(1 << 20, 'x'), scene, errors), 5.0);
  ASSERT_EQ(errors.size(), 2u);
  const auto shown = summarize_link_errors(errors);
  for (const auto& e : shown) EXPECT_LE(e.size(), kMaxLinkErrorChars);
  EXPECT_EQ(shown[0].substr(shown[0].size() - 3), "...");
  EXPECT_EQ(scene.runs().size(), 4u);  // the default runs stay
}

TEST(Hardening, PercentGarbageIsReportedNotFatal) {
  Scene scene = Scene::with_default_runs();
  std::vector<std::string> errors;
  seconds_to_apply("#%%%ZZ%&%00=%ff&run=%E2%82&problem=%72osenbrock&&&=&==", scene, errors);
  EXPECT_FALSE(errors.empty());
  EXPECT_EQ(scene.problem_spec().rfind("rosenbrock", 0), 0u);
  EXPECT_EQ(scene.runs().size(), 4u);
}

}  // namespace
}  // namespace adamlab
