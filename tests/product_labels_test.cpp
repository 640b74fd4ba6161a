// Labels a person reads (core/round_text.h) and what "Add run" offers (sim/next_optimizer.h).
#include <gtest/gtest.h>

#include "core/round_text.h"
#include "core/spec.h"
#include "optim/optimizer.h"
#include "sim/next_optimizer.h"

namespace adamlab {
namespace {

TEST(RoundedLabel, KeepsThreeSignificantDigitsWithoutTrailingZeros) {
  EXPECT_EQ(format_rounded(0.009643217), "0.00964");
  EXPECT_EQ(format_rounded(0.69400001), "0.694");
  EXPECT_EQ(format_rounded(0.9), "0.9");
  EXPECT_EQ(format_rounded(0.999), "0.999");
  EXPECT_EQ(format_rounded(0.99999), "1");
  EXPECT_EQ(format_rounded(123456), "123000");
}

TEST(RoundedLabel, WritesExponentsAsTyped) {
  EXPECT_EQ(format_rounded(1e-8), "1e-8");
  EXPECT_EQ(format_rounded(3.14159e-5), "3.14e-5");
  EXPECT_EQ(format_rounded(-2.5e-12), "-2.5e-12");
}

TEST(RoundedLabel, LeavesWholeNumbersAndNonNumbersAlone) {
  EXPECT_EQ(rounded_value_text("1000"), "1000");
  EXPECT_EQ(rounded_value_text("true"), "true");
  EXPECT_EQ(rounded_value_text("0.001"), "0.001");
  EXPECT_EQ(rounded_value_text("0.0096430000001"), "0.00964");
  EXPECT_EQ(rounded_value_text("abc"), "abc");
}

std::vector<Spec> specs(const std::vector<std::string>& texts) {
  std::vector<Spec> out;
  for (const auto& t : texts) out.push_back(parse_spec(t));
  return out;
}

TEST(NextOptimizer, OffersAdamFirst) { EXPECT_EQ(next_optimizer_spec({}), "adam"); }

TEST(NextOptimizer, OffersTheFirstKindNotOnTheMap) {
  EXPECT_EQ(next_optimizer_spec(specs({"adam:lr=0.05"})), "sgd:lr=0.01,momentum=0.9");
  EXPECT_EQ(next_optimizer_spec(specs({"adam", "sgd:lr=0.1,momentum=0.5"})), "rmsprop");
  // Plain SGD is not SGD with momentum.
  EXPECT_EQ(next_optimizer_spec(specs({"adam", "sgd:lr=0.1"})), "sgd:lr=0.01,momentum=0.9");
  EXPECT_EQ(next_optimizer_spec(specs({"sgd:lr=0.1,momentum=0.9", "rmsprop"})), "adam");
}

TEST(NextOptimizer, EveryTourEntryBuildsAndTheFullMapStartsOver) {
  std::vector<Spec> all;
  for (const auto& t : optimizer_tour()) {
    EXPECT_NO_THROW(make_optimizer(parse_spec(t))) << t;
    EXPECT_EQ(next_optimizer_spec(all), t);
    all.push_back(parse_spec(t));
  }
  EXPECT_EQ(next_optimizer_spec(all), "adam");
}

}  // namespace
}  // namespace adamlab
