// The function editor's examples and help (expr/examples.h): each example is a valid typed problem
// with the shape its button promises, the help names every function, and a NaN region makes a
// run diverge instead of wandering on.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "core/spec.h"
#include "expr/examples.h"
#include "expr/ops.h"
#include "optim/optimizer.h"
#include "problems/expr_problem.h"
#include "sim/landscape.h"
#include "sim/run.h"

namespace {

using adamlab::ExprProblem;

const adamlab::expr::Example& example(const std::string& name) {
  for (const auto& e : adamlab::expr::examples())
    if (name == e.name) return e;
  throw std::runtime_error("no example " + name);
}

TEST(ExprExamples, EachParsesWithAFiniteStartAndGradient) {
  for (const auto& e : adamlab::expr::examples()) {
    const ExprProblem p(e.text);
    const Eigen::Vector2d s = p.start();
    EXPECT_TRUE(std::isfinite(p.value(s.x(), s.y()))) << e.name;
    EXPECT_TRUE(p.gradient(s.x(), s.y()).allFinite()) << e.name;
    const auto v = p.view();
    EXPECT_TRUE(s.x() > v.xmin && s.x() < v.xmax && s.y() > v.ymin && s.y() < v.ymax) << e.name << ": start outside the view";
  }
  const ExprProblem first(adamlab::expr::default_text());
  EXPECT_TRUE(std::isfinite(first.value(first.start().x(), first.start().y())));
}

TEST(ExprExamples, AGivenMinimumIsStationaryAndBelowTheStart) {
  for (const auto& e : adamlab::expr::examples()) {
    const ExprProblem p(e.text);
    for (const auto& m : p.minima()) {
      EXPECT_LT(p.gradient(m.x(), m.y()).norm(), 1e-9) << e.name;
      EXPECT_LT(p.value(m.x(), m.y()), p.value(p.start().x(), p.start().y())) << e.name;
    }
  }
}

TEST(ExprExamples, TheSaddleCurvesUpAlongXAndDownAlongY) {
  const ExprProblem p(example("saddle").text);
  EXPECT_NEAR(p.gradient(0, 0).norm(), 0, 1e-12);
  EXPECT_GT(p.value(0.5, 0), p.value(0, 0));
  EXPECT_LT(p.value(0, 0.5), p.value(0, 0));
}

TEST(ExprExamples, TheCliffIsFlatOnThePlateauAndSteepAtTheRim) {
  const ExprProblem p(example("cliff").text);
  const Eigen::Vector2d s = p.start();
  const double plateau = p.gradient(s.x(), s.y()).norm(), rim = p.gradient(std::sqrt(2.0), 0).norm();
  EXPECT_LT(plateau, 0.2);
  EXPECT_GT(rim, 50 * plateau);
  EXPECT_LT(p.value(0, 0), p.value(s.x(), s.y()) - 1.5);  // the drop: about 2 in tanh
}

TEST(ExprExamples, TheNoisyBowlHasLocalMinimaBesideTheGlobalOne) {
  const ExprProblem p(example("noisy bowl").text);
  // A ripple's dip away from the centre: lower than its neighbours along both axes.
  int dips = 0;
  for (double x = -1.5; x <= 1.5; x += 0.01)
    if (p.value(x, x) < p.value(x - 0.01, x - 0.01) && p.value(x, x) < p.value(x + 0.01, x + 0.01)) ++dips;
  EXPECT_GE(dips, 3);
}

TEST(ExprExamples, HelpNamesEveryFunctionAndTheDirectives) {
  const std::string help = adamlab::expr::help_text();
  for (const auto& f : adamlab::expr::functions()) EXPECT_NE(help.find(std::string(f.name) + "("), std::string::npos) << f.name;
  for (const char* part : {"view=", "start=", "minimum=", "a=100"}) EXPECT_NE(help.find(part), std::string::npos) << part;
}

TEST(ExprNan, UndefinedCellsAreCountedAndDrawnInTheNanColour) {
  const ExprProblem p("log(x) + y^2; view=-2,2,-2,2");
  const auto r = adamlab::landscape_raster(p, p.view(), 40, 20);
  std::size_t grey = 0;
  for (auto c : r.rgba) grey += c == adamlab::kNanRgba;
  EXPECT_EQ(r.nan_cells, 400u);  // the left half: x < 0
  EXPECT_EQ(grey, r.nan_cells);
}

TEST(ExprNan, ARunThatStepsIntoTheUndefinedRegionDiverges) {
  auto problem = std::make_shared<ExprProblem>("log(x) + y^2");
  adamlab::Run run(problem, Eigen::Vector2d(0.5, 0.5), adamlab::make_optimizer(adamlab::parse_spec("sgd:lr=1")), nullptr);
  EXPECT_FALSE(run.diverged());
  run.step();  // x = 0.5 - 1/0.5 = -1.5
  EXPECT_TRUE(run.diverged());
  EXPECT_EQ(run.diverged_at(), 1);
  EXPECT_TRUE(std::isnan(run.row().loss));
}

}  // namespace
