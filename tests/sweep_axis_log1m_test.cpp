// The log1m sweep axis: 1 - value spaced evenly in log, the natural scale of beta2, alpha, rho.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "sim/sweep.h"

namespace {

using adamlab::parse_sweep_axis;

TEST(SweepAxisLog1m, SpacesOneMinusValueEvenlyInLog) {
  const auto axis = parse_sweep_axis("beta2=0.9:0.9999:log1m:4", "--y");
  EXPECT_TRUE(axis.log1m);
  EXPECT_FALSE(axis.log);
  const auto v = axis.values();
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0], 0.9);
  EXPECT_NEAR(v[1], 0.99, 1e-15);
  EXPECT_NEAR(v[2], 0.999, 1e-15);
  EXPECT_EQ(v[3], 0.9999);
}

TEST(SweepAxisLog1m, RunsDownwardsAndThroughZero) {
  const auto v = parse_sweep_axis("beta1=0.99:0:log1m:3", "--x").values();
  EXPECT_EQ(v[0], 0.99);
  EXPECT_NEAR(v[1], 0.9, 1e-15);
  EXPECT_EQ(v[2], 0.0);
}

TEST(SweepAxisLog1m, RejectsValuesAtOrAboveOne) {
  try {
    parse_sweep_axis("beta2=0.9:1:log1m:8", "--y");
    FAIL() << "no error";
  } catch (const adamlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("log1m axis needs LO < 1 and HI < 1"), std::string::npos) << e.what();
  }
}

TEST(SweepAxisLog1m, UnknownScaleNamesAllThree) {
  try {
    parse_sweep_axis("beta2=0.9:0.99:exp:8", "--y");
    FAIL() << "no error";
  } catch (const adamlab::Error& e) {
    EXPECT_NE(std::string(e.what()).find("'exp' must be log, lin or log1m"), std::string::npos) << e.what();
  }
}

TEST(SweepAxisLog1m, SweepJobAcceptsIt) {
  adamlab::SweepConfig c;
  c.problem = adamlab::parse_spec("rosenbrock");
  c.start = {-1.5, 2.0};
  c.optimizer = adamlab::parse_spec("adam:lr=0.05");
  c.x = parse_sweep_axis("beta1=0:0.9:lin:3", "--x");
  c.y = parse_sweep_axis("beta2=0.9:0.999:log1m:3", "--y");
  c.steps = 20;
  adamlab::SweepJob job(c);
  job.advance(1'000'000);
  ASSERT_TRUE(job.done());
  EXPECT_NEAR(job.y_values()[1], 0.99, 1e-15);
  for (double m : job.metric()) EXPECT_TRUE(std::isfinite(m));
}

}  // namespace
