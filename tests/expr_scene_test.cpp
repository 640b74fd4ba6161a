// A typed function in the playground's scene: it serves runs, divergence and the anatomy view as
// a built-in problem does, and a refused text changes nothing.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/error.h"
#include "core/spec.h"
#include "sim/anatomy.h"
#include "sim/scene.h"
#include "sim/scene_json.h"

namespace adamlab {
namespace {

TEST(ExprScene, ANewcomersFunctionRacesAdamAgainstSgd) {
  Scene s("expr:sin(x)*cos(y) + 0.1*(x^2+y^2)");
  EXPECT_EQ(s.problem_spec(), "expr:sin(x)*cos(y)+0.1*(x^2+y^2)");
  s.add_run("adam:lr=0.05");
  s.add_run("sgd:lr=0.05");
  const double start_loss = s.problem().value(s.start().x(), s.start().y());
  s.step(100);
  for (const SceneRun& r : s.runs()) {
    EXPECT_FALSE(r.run.diverged());
    EXPECT_LT(r.run.row().loss, start_loss);
  }
}

TEST(ExprScene, ARefusedFunctionLeavesTheSceneAsItWas) {
  Scene s("expr:x^2 + 10*y^2");
  s.add_run("adam:lr=0.05");
  s.step(7);
  const std::string before = scene_state_json(s);
  try {
    s.set_problem("expr:sin(x*cos(y) + 1");
    FAIL() << "accepted";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "expected ')' at column 17 to close the '(' at column 4");
  }
  EXPECT_THROW(s.set_problem("expr:"), Error);
  EXPECT_THROW(s.set_problem("expr"), Error);
  EXPECT_EQ(scene_state_json(s), before);
}

TEST(ExprScene, ARunThatEntersANaNRegionStopsAsDiverged) {
  // log(x) is NaN for x < 0; the gradient pushes the run left across x = 0.
  Scene s("expr:log(x) + y^2; view=-1,3,-2,2; start=1,1");
  s.add_run("sgd:lr=0.5");
  s.step(50);
  const SceneRun& r = s.runs()[0];
  ASSERT_TRUE(r.run.diverged());
  EXPECT_EQ(r.run.steps_taken(), r.run.diverged_at());
  EXPECT_NE(scene_state_json(s).find("\"diverged\":true"), std::string::npos);
}

TEST(ExprScene, TheAnatomyOfAStepIsTheRealStep) {
  Scene s("expr:a*(y-x^2)^2 + (1-x)^2; a=100; start=-1.5,2");
  s.add_run("adam:lr=0.05");
  s.step(5);
  adamlab::Run run = s.runs()[0].run;
  const StepAnatomy a = explain_next_step(run);
  run.step();
  EXPECT_EQ(a.next_position[0], run.position()[0]);
  EXPECT_EQ(a.next_position[1], run.position()[1]);
}

}  // namespace
}  // namespace adamlab
