// SweepJob: cells equal the scalar runs, progressive advance, cancel, validation messages.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "sim/run.h"
#include "sim/sweep.h"

namespace {

adamlab::SweepConfig config(const std::string& metric = "final_loss") {
  adamlab::SweepConfig c;
  c.problem = adamlab::parse_spec("rosenbrock");
  c.start = {-1.5, 2.0};
  c.optimizer = adamlab::parse_spec("adam");
  c.x = adamlab::parse_sweep_axis("lr=1e-3:3:log:7", "--x");
  c.y = adamlab::parse_sweep_axis("beta1=0:0.9:lin:4", "--y");
  c.steps = 150;
  c.metric = adamlab::parse_sweep_metric(metric);
  return c;
}

double scalar_metric(const adamlab::SweepConfig& c, double xv, double yv, std::uint64_t seed) {
  auto problem = std::shared_ptr<const adamlab::Problem>(adamlab::make_problem(c.problem));
  adamlab::Spec s = c.optimizer;
  s.set(c.x.key, adamlab::format_number(xv));
  s.set(c.y.key, adamlab::format_number(yv));
  adamlab::GradientNoise noise = c.noise;
  noise.seed = seed;
  adamlab::Run run(problem, c.start, adamlab::make_optimizer(s), nullptr, noise);
  double best = run.row().loss, reached = run.row().loss <= c.metric.threshold ? 0 : NAN;
  for (int k = 1; k <= c.steps; ++k) {
    const auto row = run.step();
    if (row.loss < best) best = row.loss;
    if (std::isnan(reached) && !run.diverged() && row.loss <= c.metric.threshold) reached = k;
  }
  switch (c.metric.kind) {
    case adamlab::SweepMetric::kFinalLoss: return run.diverged() ? NAN : run.row().loss;
    case adamlab::SweepMetric::kBestLoss: return run.diverged() ? NAN : best;
    case adamlab::SweepMetric::kStepsTo: return reached;
    case adamlab::SweepMetric::kDiverged: return run.diverged() ? 1.0 : 0.0;
  }
  return NAN;
}

void expect_same(double a, double b) {
  if (std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a)) << a;
  } else {
    EXPECT_EQ(a, b);
  }
}

TEST(SweepJob, EveryMetricEqualsTheScalarRunOfEachCell) {
  for (const char* metric : {"final_loss", "best_loss", "steps_to:0.5", "diverged"}) {
    const auto c = config(metric);
    adamlab::SweepJob job(c);
    job.advance(1'000'000'000);
    ASSERT_TRUE(job.done());
    for (std::size_t iy = 0; iy < job.y_values().size(); ++iy)
      for (std::size_t ix = 0; ix < job.x_values().size(); ++ix) {
        const double m = job.metric()[iy * job.x_values().size() + ix];
        expect_same(m, scalar_metric(c, job.x_values()[ix], job.y_values()[iy], 0));
      }
  }
}

TEST(SweepJob, SeedsAverageNoisyRuns) {
  auto c = config("best_loss");
  c.noise = adamlab::parse_noise("gaussian:std=0.5");
  c.noise.seed = 5;
  c.seeds = 3;
  adamlab::SweepJob job(c);
  job.advance(1'000'000'000);
  const std::size_t cell = 1 * 7 + 2;
  double sum = 0;
  for (std::uint64_t s = 5; s < 8; ++s) sum += scalar_metric(c, job.x_values()[2], job.y_values()[1], s);
  EXPECT_EQ(job.metric()[cell], sum / 3);
}

TEST(SweepJob, AdvancesProgressivelyAndCancels) {
  auto c = config();
  c.x = adamlab::parse_sweep_axis("lr=1e-3:1:log:100", "--x");
  c.y = adamlab::parse_sweep_axis("beta1=0:0.9:lin:50", "--y");  // 5000 cells: two blocks
  c.steps = 40;
  adamlab::SweepJob job(c);
  double last = 0;
  int calls = 0;
  while (!job.advance(100'000)) {
    EXPECT_GE(job.progress(), last);
    last = job.progress();
    ++calls;
  }
  EXPECT_GT(calls, 1);
  EXPECT_EQ(job.progress(), 1.0);
  EXPECT_EQ(job.cells_done(), 5000u);

  adamlab::SweepJob again(c);
  again.advance(4096 * 40);  // the first block, 4096 cells x 40 steps
  EXPECT_EQ(again.cells_done(), 4096u);
  EXPECT_EQ(again.metric()[17], job.metric()[17]);
  EXPECT_TRUE(std::isnan(again.metric()[4999]));
  again.cancel();
  EXPECT_TRUE(again.done());
  EXPECT_TRUE(again.cancelled());
}

TEST(SweepJob, RejectsInvalidCellsNamingTheAxis) {
  auto c = config();
  c.y = adamlab::parse_sweep_axis("beta1=0.5:1:lin:6", "--y");
  try {
    adamlab::SweepJob job(c);
    FAIL();
  } catch (const adamlab::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "invalid --y 'beta1=0.5:1:lin:6': beta1=1 is rejected by adam: Invalid beta parameter at index 0: 1.0");
  }
  c = config();
  c.x = adamlab::parse_sweep_axis("amsgrad=0:1:lin:2", "--x");
  EXPECT_THROW(adamlab::SweepJob{c}, adamlab::Error);
  c = config();
  c.y = adamlab::parse_sweep_axis("lr=1:2:lin:2", "--y");  // same key on both axes
  EXPECT_THROW(adamlab::SweepJob{c}, adamlab::Error);
  for (const char* bad : {"lr", "lr=1:2:log", "lr=0:1:log:4", "lr=1:2:cubic:4", "lr=1:2:lin:257", "lr=1:2:lin:0",
                          "=1:2:lin:3", "lr=a:2:lin:3"})
    EXPECT_THROW(adamlab::parse_sweep_axis(bad, "--x"), adamlab::Error) << bad;
  EXPECT_THROW(adamlab::parse_sweep_metric("steps_to:"), adamlab::Error);
  EXPECT_THROW(adamlab::parse_sweep_metric("loss"), adamlab::Error);
}

TEST(SweepJob, SgdWithoutLrTakesItFromTheAxis) {
  auto c = config();
  c.optimizer = adamlab::parse_spec("sgd:momentum=0.5");
  c.x = adamlab::parse_sweep_axis("lr=1e-4:1e-2:log:3", "--x");
  c.y = adamlab::parse_sweep_axis("dampening=0:0.5:lin:2", "--y");
  c.metric = adamlab::parse_sweep_metric("diverged");
  adamlab::SweepJob job(c);
  job.advance(1'000'000);
  for (std::size_t cell = 0; cell < 6; ++cell)
    expect_same(job.metric()[cell], scalar_metric(c, job.x_values()[cell % 3], job.y_values()[cell / 3], 0));
  EXPECT_EQ(job.metric()[2], 1.0);  // sgd lr=0.01 leaves the valley
}

// A typed function goes through the chunk engine's generic path: every cell, every metric, noisy
// or not, is still the scalar Run of that cell bit for bit, diverging cells (a NaN region) included.
TEST(SweepJob, ATypedFunctionSweepEqualsTheScalarRunOfEachCell) {
  const char* problems[] = {
      "expr:sin(x)*cos(y)+0.1*(x^2+y^2)",
      "expr:a*(y-x^2)^2+(1-x)^2; a=100",
      "expr:sqrt(x) + log(y) + abs(x-y)",  // a large lr steps into x < 0 or y <= 0: NaN, diverged
  };
  for (const char* problem : problems) {
    for (const char* metric : {"final_loss", "best_loss", "steps_to:0.5", "diverged"}) {
      auto c = config(metric);
      c.problem = adamlab::parse_spec(problem);
      c.start = {1.5, 1.25};
      c.steps = 60;
      adamlab::SweepJob job(c);
      job.advance(1'000'000'000);
      ASSERT_TRUE(job.done());
      for (std::size_t iy = 0; iy < job.y_values().size(); ++iy)
        for (std::size_t ix = 0; ix < job.x_values().size(); ++ix) {
          const double m = job.metric()[iy * job.x_values().size() + ix];
          expect_same(m, scalar_metric(c, job.x_values()[ix], job.y_values()[iy], 0));
        }
    }
  }
  auto c = config("best_loss");
  c.problem = adamlab::parse_spec("expr:sin(x)*cos(y)+0.1*(x^2+y^2)");
  c.noise = adamlab::parse_noise("gaussian:std=0.5,relative=true");
  c.noise.seed = 9;
  c.seeds = 2;
  adamlab::SweepJob job(c);
  job.advance(1'000'000'000);
  const std::size_t cell = 2 * 7 + 3;
  EXPECT_EQ(job.metric()[cell], (scalar_metric(c, job.x_values()[3], job.y_values()[2], 9) +
                                 scalar_metric(c, job.x_values()[3], job.y_values()[2], 10)) / 2);
}

TEST(SweepJob, ATypedFunctionWithAMistakeIsRejectedNamingTheColumn) {
  auto c = config();
  c.problem = adamlab::parse_spec("expr:sin(x");
  try {
    adamlab::SweepJob job(c);
    FAIL();
  } catch (const adamlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("expected ')' at column 6"), std::string::npos) << e.what();
  }
}

TEST(SweepAxis, LogAxisHitsDecadesExactly) {
  const auto v = adamlab::parse_sweep_axis("lr=1e-3:1:log:4", "--x").values();
  EXPECT_EQ(v, (std::vector<double>{1e-3, 1e-2, 1e-1, 1.0}));
}

}  // namespace
