// The playground's sweep session: the sweep= link grammar, the time-sliced session, the colour
// scale and axis placement the heat map reads.
#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "core/error.h"
#include "sim/link.h"
#include "sim/scene.h"
#include "sim/sweep_state.h"

namespace {

using namespace adamlab;

std::string error_of(const std::string& text) {
  try {
    parse_sweep_request(text);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(SweepRequest, ParsesEveryField) {
  const SweepRequest r =
      parse_sweep_request("x:lr=1e-4:1:log:128,y:beta2=0.9:0.9999:log1m:64,steps:1000,metric:steps_to:1e-3,seeds:4");
  EXPECT_EQ(r.x, "lr=1e-4:1:log:128");
  EXPECT_EQ(r.y, "beta2=0.9:0.9999:log1m:64");
  EXPECT_EQ(r.steps, 1000);
  EXPECT_EQ(r.metric, "steps_to:1e-3");
  EXPECT_EQ(r.seeds, 4);
}

TEST(SweepRequest, MetricAndSeedsDefault) {
  const SweepRequest r = parse_sweep_request("y:beta1=0:0.99:lin:8,x:lr=1e-3:1:log:8,steps:50");
  EXPECT_EQ(r.metric, "final_loss");
  EXPECT_EQ(r.seeds, 1);
  EXPECT_EQ(to_string(r), "x:lr=1e-3:1:log:8,y:beta1=0:0.99:lin:8,steps:50,metric:final_loss");
}

TEST(SweepRequest, CanonicalTextRoundTrips) {
  SweepRequest r;
  r.x = "momentum=0:0.99:lin:33";
  r.y = "lr=1e-5:0.1:log:200";
  r.steps = 77;
  r.metric = "diverged";
  r.seeds = 3;
  EXPECT_EQ(parse_sweep_request(to_string(r)), r);
}

TEST(SweepRequest, ErrorsNameTheBadToken) {
  EXPECT_NE(error_of("x:lr=1e-4:1:logg:8,y:beta1=0:0.9:lin:8,steps:10").find("'logg'"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:300,y:beta1=0:0.9:lin:8,steps:10").find("300"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:10,metric:loss").find("'loss'"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:0").find("steps '0'"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:lr=0:0.9:lin:8,steps:10").find("same option as x"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:10,colour:red").find("'colour'"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8").find("steps:N"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:10,seeds:0").find("seeds '0'"), std::string::npos);
  EXPECT_NE(error_of("x:lr=1e-4:1:log:8,lr").find("'lr'"), std::string::npos);
}

TEST(SweepLink, RoundTripsThroughTheLink) {
  const ParsedLink p = parse_link("#run=adam:lr=0.05&sweep=x:lr=1e-4:1:log:128,y:beta1=0:0.99:lin:128,steps:1000");
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  ASSERT_TRUE(p.link.sweep);
  EXPECT_EQ(*p.link.sweep, "x:lr=1e-4:1:log:128,y:beta1=0:0.99:lin:128,steps:1000,metric:final_loss");
  const std::string again = to_link(p.link);
  EXPECT_NE(again.find("&sweep=x:lr=1e-4:1:log:128,y:beta1=0:0.99:lin:128,steps:1000,metric:final_loss"),
            std::string::npos)
      << again;
  EXPECT_EQ(parse_link(again).link, p.link);
}

TEST(SweepLink, PercentEncodedValueParses) {
  const ParsedLink p = parse_link("#sweep=x%3Alr%3D1e-4%3A1%3Alog%3A16%2Cy%3Abeta1%3D0%3A0.9%3Alin%3A16%2Csteps%3A10");
  ASSERT_TRUE(p.errors.empty()) << p.errors.front();
  EXPECT_EQ(*p.link.sweep, "x:lr=1e-4:1:log:16,y:beta1=0:0.9:lin:16,steps:10,metric:final_loss");
}

TEST(SweepLink, ABadSweepIsReportedAndTheRestLoads) {
  const ParsedLink p = parse_link("#run=sgd:lr=0.01&sweep=x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:-5");
  ASSERT_EQ(p.errors.size(), 1u);
  EXPECT_EQ(p.errors[0].rfind("sweep=x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:-5: ", 0), 0u) << p.errors[0];
  EXPECT_FALSE(p.link.sweep);
  EXPECT_EQ(p.link.runs.size(), 1u);
}

TEST(SweepLink, SceneLinkCarriesTheUiSweep) {
  Scene scene = Scene::with_default_runs();
  UiLinkState ui;
  ui.sweep = "x:lr=1e-4:1:log:8,y:beta1=0:0.9:lin:8,steps:10,metric:final_loss";
  EXPECT_EQ(link_from_scene(scene, ui).sweep, ui.sweep);
  EXPECT_FALSE(link_from_scene(scene).sweep);
}

TEST(AxisFraction, PlacesValuesInTheAxisScale) {
  EXPECT_DOUBLE_EQ(axis_fraction(parse_sweep_axis("lr=1e-4:1:log:5", "x"), 1e-2), 0.5);
  EXPECT_DOUBLE_EQ(axis_fraction(parse_sweep_axis("beta1=0:0.8:lin:5", "x"), 0.2), 0.25);
  EXPECT_NEAR(axis_fraction(parse_sweep_axis("beta2=0.9:0.9999:log1m:5", "x"), 0.999), 2.0 / 3.0, 1e-12);
  EXPECT_TRUE(std::isnan(axis_fraction(parse_sweep_axis("lr=1e-4:1:log:5", "x"), 0)));
  EXPECT_GT(axis_fraction(parse_sweep_axis("lr=1e-4:1:log:5", "x"), 10), 1);
}

SweepRequest small_request(const std::string& metric = "final_loss") {
  SweepRequest r;
  r.x = "lr=1e-3:3:log:24";
  r.y = "beta1=0:0.99:lin:20";
  r.steps = 200;
  r.metric = metric;
  return r;
}

TEST(SweepSession, TicksToTheEndWithinBudgetsAndMatchesAPlainJob) {
  Scene scene = Scene::with_default_runs();
  const SceneRun& adam = scene.runs().front();
  SweepSession session;
  session.start(small_request(), scene, adam.optimizer, adam.id);
  EXPECT_TRUE(session.running());
  int ticks = 0;
  while (session.running() && ticks < 100000) {
    session.tick(0.2);
    ++ticks;
  }
  ASSERT_TRUE(session.finished());
  EXPECT_GT(ticks, 1);  // 96,000 run-steps do not fit one 0.2 ms slice
  SweepJob plain(sweep_config(small_request(), scene, adam.optimizer));
  plain.advance(1'000'000'000);
  for (std::size_t i = 0; i < plain.cells(); ++i) {
    const double a = session.job().metric()[i], b = plain.metric()[i];
    if (std::isnan(b))
      EXPECT_TRUE(std::isnan(a));
    else
      EXPECT_EQ(a, b);
  }
  const SweepSummary s = session.summary();
  EXPECT_EQ(s.done, plain.cells());
  EXPECT_EQ(s.finite + s.nan, s.done);
  EXPECT_GT(s.finite, 0u);
  EXPECT_GT(session.run_steps_per_ms(), 0);
}

TEST(SweepSession, DivergedCellsAreNanForLossMetrics) {
  Scene scene = Scene::with_default_runs();
  SweepRequest r;
  r.x = "lr=1e-4:0.1:log:16";
  r.y = "momentum=0:0.99:lin:8";
  r.steps = 300;
  SweepSession session;
  session.start(r, scene, parse_spec("sgd:lr=0.001"), 1);
  while (session.running()) session.tick(50);
  EXPECT_GT(session.summary().finite, 0u);  // small lr: finite loss
  EXPECT_GT(session.summary().nan, 0u);     // SGD at lr 0.1 on Rosenbrock blows up
}

TEST(SweepSession, CancelStopsAndKeepsTheCellsSoFar) {
  Scene scene = Scene::with_default_runs();
  SweepSession session;
  session.start(small_request(), scene, scene.runs().front().optimizer, 1);
  session.cancel();
  EXPECT_TRUE(session.cancelled());
  EXPECT_FALSE(session.running());
  EXPECT_EQ(session.tick(10), 0);
}

TEST(SweepSession, ABadStartKeepsThePreviousSweep) {
  Scene scene = Scene::with_default_runs();
  SweepSession session;
  session.start(small_request(), scene, scene.runs().front().optimizer, 1);
  SweepRequest bad = small_request();
  bad.y = "momentum=0:0.9:lin:8";  // adam has no momentum
  try {
    session.start(bad, scene, scene.runs().front().optimizer, 1);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("momentum"), std::string::npos) << e.what();
  }
  EXPECT_EQ(session.request(), small_request());
}

TEST(SweepSession, SweepUsesTheSceneNoiseAndSeeds) {
  Scene scene = Scene::with_default_runs();
  GradientNoise noise;
  noise.std = 0.5;
  noise.seed = 9;
  scene.set_noise(noise);
  SweepRequest r = small_request();
  r.seeds = 3;
  const SweepConfig c = sweep_config(r, scene, scene.runs().front().optimizer);
  EXPECT_EQ(c.noise.std, 0.5);
  EXPECT_EQ(c.noise.seed, 9u);
  EXPECT_EQ(c.seeds, 3);
  EXPECT_EQ(c.start, scene.start());
}

TEST(SweepSession, CellSpecSetsBothKeys) {
  Scene scene = Scene::with_default_runs();
  SweepSession session;
  session.start(small_request(), scene, parse_spec("adam:lr=0.05,beta1=0.9,beta2=0.999"), 1);
  const Spec s = session.cell_spec(0, 19);
  EXPECT_EQ(to_string(s), "adam:lr=0.001,beta1=0.99,beta2=0.999");
}

TEST(SweepColourScale, LossIsLogAboveTheMinimumStepsAndDivergedAreLinear) {
  Scene scene = Scene::with_default_runs();
  SweepSession session;
  session.start(small_request(), scene, scene.runs().front().optimizer, 1);
  while (session.running()) session.tick(50);
  const auto scale = sweep_colour_scale(session.job(), session.summary(), 0.0);
  EXPECT_TRUE(scale.log);
  EXPECT_LE(scale.hi - scale.lo, 16.0);
  EXPECT_NEAR(scale.position(scale.value_at(0.3)), 0.3, 1e-12);
  EXPECT_EQ(scale.position(session.summary().max), 1.0);

  SweepSession steps;
  steps.start(small_request("steps_to:0.01"), scene, scene.runs().front().optimizer, 1);
  while (steps.running()) steps.tick(50);
  const auto s2 = sweep_colour_scale(steps.job(), steps.summary(), 0.0);
  EXPECT_FALSE(s2.log);
  EXPECT_EQ(s2.hi, 200);
  EXPECT_EQ(s2.position(100), 0.5);
}

}  // namespace
