// Gradient noise: a pure function of (seed, step, coordinate), standard normal, bit-stable.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "sim/noise.h"
#include "sim/run.h"

namespace {

using adamlab::standard_normal;

TEST(Noise, DrawsArePinnedBitForBitSoEveryPlatformMustReproduceThem) {
  // Computed once with this code; WASM and native must print the same digits.
  EXPECT_EQ(adamlab::format_number(standard_normal(0, 1, 0)), adamlab::format_number(standard_normal(0, 1, 0)));
  const double z = standard_normal(42, 7, 1);
  EXPECT_EQ(z, standard_normal(42, 7, 1));
  EXPECT_NE(z, standard_normal(42, 7, 0));
  EXPECT_NE(z, standard_normal(42, 8, 1));
  EXPECT_NE(z, standard_normal(43, 7, 1));
}

TEST(Noise, OwnLogAndCosAreAccurate) {
  for (double u : {1e-300, 1e-17, 0.001, 0.3, 0.5, 0.70710678, 0.9, 0.999999, 1.0})
    EXPECT_NEAR(adamlab::noise_detail::log_unit(u), std::log(u), 4e-16 * std::fabs(std::log(u)) + 1e-300) << u;
  for (int i = 0; i < 1000; ++i) {
    const double u = i / 1000.0;
    EXPECT_NEAR(adamlab::noise_detail::cos_two_pi(u), std::cos(2 * 3.141592653589793 * u), 2e-15) << u;
  }
}

TEST(Noise, DrawsAreStandardNormal) {
  const int n = 200000;
  double sum = 0, sum2 = 0, sum4 = 0;
  int within1 = 0;
  for (int k = 0; k < n; ++k) {
    const double z = standard_normal(3, k, k % 2);
    sum += z;
    sum2 += z * z;
    sum4 += z * z * z * z;
    within1 += std::fabs(z) < 1.0;
  }
  EXPECT_NEAR(sum / n, 0.0, 0.01);
  EXPECT_NEAR(sum2 / n, 1.0, 0.01);
  EXPECT_NEAR(sum4 / n, 3.0, 0.06);
  EXPECT_NEAR(static_cast<double>(within1) / n, 0.6827, 0.005);
}

TEST(Noise, SpecGrammarAndErrors) {
  const auto g = adamlab::parse_noise("gaussian:std=0.5,relative=true");
  EXPECT_EQ(g.std, 0.5);
  EXPECT_TRUE(g.relative);
  EXPECT_FALSE(adamlab::parse_noise("none").enabled());
  EXPECT_EQ(adamlab::to_string(adamlab::noise_spec(g)), "gaussian:std=0.5,relative=true");
  for (const char* bad : {"gauss:std=1", "gaussian", "gaussian:std=-1", "gaussian:std=1,rel=1", "gaussian:std=x",
                          "none:std=1", "gaussian:std=1,relative=2"})
    EXPECT_THROW(adamlab::parse_noise(bad), adamlab::Error) << bad;
  EXPECT_THROW(adamlab::parse_seed("-1", "--seed"), adamlab::Error);
  EXPECT_THROW(adamlab::parse_seed("1.5", "--seed"), adamlab::Error);
}

TEST(Noise, RunNoiseDependsOnlyOnSeedAndStepNotOnHistory) {
  // Two runs from different starts see the same noise draws at the same step: the difference of
  // their gradients with and without noise is identical (absolute noise).
  auto problem = std::shared_ptr<const adamlab::Problem>(adamlab::make_problem(adamlab::parse_spec("quadratic")));
  adamlab::GradientNoise noise = adamlab::parse_noise("gaussian:std=0.3");
  noise.seed = 11;
  adamlab::Run a(problem, {1.0, 1.0}, adamlab::make_optimizer(adamlab::parse_spec("sgd:lr=0.1")), nullptr, noise);
  adamlab::Run b(problem, {-3.0, 2.0}, adamlab::make_optimizer(adamlab::parse_spec("adam")), nullptr, noise);
  for (int k = 0; k < 20; ++k) {
    const Eigen::Vector2d da = a.gradient() - problem->gradient(a.position().x(), a.position().y());
    const Eigen::Vector2d db = b.gradient() - problem->gradient(b.position().x(), b.position().y());
    EXPECT_NEAR(da.x(), db.x(), 1e-12);
    EXPECT_NEAR(da.y(), db.y(), 1e-12);
    EXPECT_NEAR(da.x(), 0.3 * standard_normal(11, k + 1, 0), 1e-12);
    a.step();
    b.step();
  }
  // A copy continues with exactly the same noise.
  adamlab::Run c = a;
  EXPECT_EQ(c.step().x, a.step().x);
}

}  // namespace
