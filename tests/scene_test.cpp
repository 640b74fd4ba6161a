// The playground's headless scene: commands validate first and leave the scene unchanged on
// error; the clock steps speed * dt; histories stay bounded; divergence stops a run.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.h"
#include "sim/history.h"
#include "sim/scene.h"
#include "sim/scene_json.h"

namespace adamlab {
namespace {

Scene two_runs() {
  Scene s("rosenbrock");
  s.add_run("adam:lr=0.05");
  s.add_run("sgd:lr=0.001");
  return s;
}

TEST(Scene, StartsAtTheProblemsStartWithNoSteps) {
  Scene s = two_runs();
  EXPECT_EQ(s.step_count(), 0);
  for (const auto& r : s.runs()) {
    EXPECT_EQ(r.run.position(), s.start());
    ASSERT_EQ(r.history.rows().size(), 1u);
    EXPECT_EQ(r.history.rows()[0].step, 0);
  }
}

TEST(Scene, DefaultRunsRaceOnRosenbrock) {
  Scene s = Scene::with_default_runs();
  EXPECT_EQ(s.problem().spec().name, "rosenbrock");
  EXPECT_GE(s.runs().size(), 2u);
}

TEST(Scene, StepAdvancesEveryRunInLockstep) {
  Scene s = two_runs();
  s.step(25);
  EXPECT_EQ(s.step_count(), 25);
  for (const auto& r : s.runs()) EXPECT_EQ(r.run.steps_taken(), 25);
}

TEST(Scene, AdvanceStepsSpeedTimesElapsedTimeNotPerFrame) {
  Scene a = two_runs(), b = two_runs();
  a.set_speed(100);
  b.set_speed(100);
  a.play();
  b.play();
  for (int i = 0; i < 60; ++i) a.advance(1.0 / 60);  // 60 fps
  for (int i = 0; i < 30; ++i) b.advance(1.0 / 30);  // 30 fps
  EXPECT_NEAR(static_cast<double>(a.step_count()), 100, 1);
  EXPECT_EQ(a.step_count(), b.step_count());
  EXPECT_EQ(a.runs()[0].run.position(), b.runs()[0].run.position());
}

TEST(Scene, AdvanceDoesNothingWhilePaused) {
  Scene s = two_runs();
  EXPECT_EQ(s.advance(1.0), 0);
  EXPECT_EQ(s.step_count(), 0);
}

TEST(Scene, PlaybackStopsAtTheStepLimit) {
  Scene s = two_runs();
  s.set_step_limit(50);
  s.set_speed(10000);
  s.play();
  s.advance(0.2);
  EXPECT_EQ(s.step_count(), 50);
  EXPECT_FALSE(s.playing());
}

TEST(Scene, SetStartRestartsEveryRunFromThere) {
  Scene s = two_runs();
  s.step(10);
  s.set_start(0.5, -0.25);
  EXPECT_EQ(s.step_count(), 0);
  for (const auto& r : s.runs()) EXPECT_EQ(r.run.position(), Eigen::Vector2d(0.5, -0.25));
}

TEST(Scene, UpdateRunRestartsItFromTheStartAndReplaysToTheCurrentStep) {
  Scene s = two_runs();
  s.step(40);
  const int id = s.runs()[0].id;
  s.update_run(id, "adam:lr=0.01,beta1=0.5");
  const SceneRun* r = s.find(id);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->run.steps_taken(), 40);
  EXPECT_EQ(to_string(r->optimizer).rfind("adam:lr=0.01,beta1=0.5", 0), 0u);
  Scene fresh("rosenbrock");
  fresh.add_run("adam:lr=0.01,beta1=0.5");
  fresh.step(40);
  EXPECT_EQ(fresh.runs()[0].run.position(), r->run.position());
}

TEST(Scene, InvalidOptimizerSpecThrowsAndChangesNothing) {
  Scene s = two_runs();
  s.step(5);
  const std::string before = scene_state_json(s);
  EXPECT_THROW(s.add_run("adam:lr=-1"), Error);
  EXPECT_THROW(s.add_run("nosuchopt"), Error);
  EXPECT_THROW(s.update_run(s.runs()[0].id, "adam:betaa=0.9"), Error);
  EXPECT_THROW(s.update_run(s.runs()[0].id, "adam", "nosuchsched"), Error);
  EXPECT_THROW(s.set_problem("nosuchproblem"), Error);
  EXPECT_THROW(s.set_start(std::nan(""), 0), Error);
  EXPECT_THROW(s.remove_run(999), Error);
  EXPECT_THROW(s.step(-1), Error);
  EXPECT_THROW(s.set_speed(0), Error);
  EXPECT_THROW(s.set_step_limit(0), Error);
  EXPECT_EQ(scene_state_json(s), before);
}

TEST(Scene, ErrorMessageNamesTheBadToken) {
  Scene s = two_runs();
  try {
    s.add_run("adam:betaa=0.9");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("betaa"), std::string::npos) << e.what();
  }
}

TEST(Scene, AddRemoveAndDuplicateKeepIdsAndColoursDistinct) {
  Scene s = two_runs();
  const int a = s.runs()[0].id, b = s.runs()[1].id;
  const int c = s.duplicate_run(a);
  EXPECT_NE(c, a);
  EXPECT_NE(c, b);
  EXPECT_EQ(s.find(c)->optimizer.params, s.find(a)->optimizer.params);
  EXPECT_NE(s.find(c)->colour, s.find(a)->colour);
  s.remove_run(a);
  EXPECT_EQ(s.find(a), nullptr);
  EXPECT_EQ(s.runs().size(), 2u);
}

TEST(Scene, SetProblemMovesTheStartAndRestarts) {
  Scene s = two_runs();
  s.step(10);
  s.set_problem("himmelblau");
  EXPECT_EQ(s.problem().spec().name, "himmelblau");
  EXPECT_EQ(s.start(), s.problem().start());
  EXPECT_EQ(s.step_count(), 0);
}

TEST(Scene, ADivergedRunStopsAndReportsItsStep) {
  Scene s("rosenbrock");
  s.add_run("sgd:lr=1");
  s.step(200);
  const SceneRun& r = s.runs()[0];
  ASSERT_TRUE(r.run.diverged());
  EXPECT_EQ(r.run.steps_taken(), r.run.diverged_at());
  EXPECT_NE(scene_state_json(s).find("\"diverged\":true"), std::string::npos);
}

TEST(Scene, HistoryStaysBoundedInALongSession) {
  Scene s("quadratic");
  s.add_run("sgd:lr=0.01");
  s.set_step_limit(Scene::kMaxStepLimit);
  s.step(Scene::kMaxStepLimit);
  const History& h = s.runs()[0].history;
  EXPECT_LE(h.rows().size(), h.capacity());
  EXPECT_EQ(h.rows().front().step, 0);
  EXPECT_GT(h.stride(), 1);
}

TEST(History, KeepsEveryRowUntilFullThenEveryOtherOne) {
  History h(8);
  for (int k = 0; k < 8; ++k) h.append({k, 0, 0, 0, 0});
  EXPECT_EQ(h.stride(), 1);
  h.append({8, 0, 0, 0, 0});
  EXPECT_EQ(h.stride(), 2);
  ASSERT_EQ(h.rows().size(), 5u);
  for (std::size_t i = 0; i < h.rows().size(); ++i) EXPECT_EQ(h.rows()[i].step, static_cast<std::int64_t>(2 * i));
}

TEST(SceneJson, TraceIsTheClisCsv) {
  Scene s = two_runs();
  s.step(3);
  const std::string csv = run_trace_csv(s.runs()[0]);
  EXPECT_EQ(csv.rfind("step,x,y,loss,lr\n0,-", 0), 0u) << csv;
  int lines = 0;
  for (char c : csv) lines += c == '\n';
  EXPECT_EQ(lines, 5);
}

TEST(SceneJson, NonFiniteNumbersBecomeNull) {
  EXPECT_EQ(json_number(std::nan("")), "null");
  EXPECT_EQ(json_number(INFINITY), "null");
  EXPECT_EQ(json_string("a\"b\n"), "\"a\\\"b\\n\"");
}

}  // namespace
}  // namespace adamlab
