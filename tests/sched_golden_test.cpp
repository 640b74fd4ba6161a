// Every scheduler against torch 1.13's lr sequences (tests/golden/sched_golden.json, written by
// tests/golden/generate_sched_golden.py).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "core/spec.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

nlohmann::json load_golden() {
  std::ifstream in(std::string(ADAMLAB_GOLDEN_DIR) + "/sched_golden.json");
  EXPECT_TRUE(in) << "missing sched_golden.json";
  return nlohmann::json::parse(in);
}

double relative_error(double got, double want) {
  if (got == want) return 0.0;
  return std::fabs(got - want) / std::max(std::fabs(want), 1e-300);
}

TEST(SchedGolden, EveryCaseMatchesTorchTo1e12Relative) {
  const nlohmann::json golden = load_golden();
  ASSERT_GT(golden["cases"].size(), 0u);
  double worst = 0.0;
  std::string worst_case;
  std::map<std::string, int> cases_per_scheduler;
  for (const auto& c : golden["cases"]) {
    const std::string spec_text = c["spec"];
    const double base_lr = c["base_lr"];
    const std::vector<double> want = c["lrs"];
    SCOPED_TRACE(spec_text + " base_lr=" + format_number(base_lr));
    const auto scheduler = make_scheduler(parse_spec(spec_text));
    ++cases_per_scheduler[scheduler->spec().name];
    double lr = scheduler->start(base_lr);
    for (std::size_t i = 0; i < want.size(); ++i) {
      if (i > 0) lr = scheduler->step(lr);
      const double err = relative_error(lr, want[i]);
      if (err > worst) {
        worst = err;
        worst_case = spec_text + " base_lr=" + format_number(base_lr) + " step " + std::to_string(i);
      }
      ASSERT_LE(err, 1e-12) << "step " << i << ": got " << format_number(lr) << ", torch "
                            << format_number(want[i]);
    }
  }
  std::cout << "[ sched golden ] " << golden["cases"].size() << " cases (";
  for (const auto& kv : cases_per_scheduler) std::cout << kv.first << " " << kv.second << " ";
  std::cout << "), worst relative error " << worst << (worst_case.empty() ? "" : " at " + worst_case)
            << "\n";
}

TEST(SchedGolden, CloneContinuesTheSameSequence) {
  const nlohmann::json golden = load_golden();
  for (const auto& c : golden["cases"]) {
    const std::vector<double> want = c["lrs"];
    auto scheduler = make_scheduler(parse_spec(c["spec"].get<std::string>()));
    double lr = scheduler->start(c["base_lr"].get<double>());
    for (int i = 0; i < 7; ++i) lr = scheduler->step(lr);
    const auto copy = scheduler->clone();
    double lr_copy = lr;
    for (int i = 0; i < 20; ++i) {
      lr = scheduler->step(lr);
      lr_copy = copy->step(lr_copy);
      ASSERT_EQ(lr, lr_copy) << c["spec"];
    }
  }
}

TEST(SchedGolden, SpecRoundTripsThroughMakeScheduler) {
  const nlohmann::json golden = load_golden();
  for (const auto& c : golden["cases"]) {
    const auto scheduler = make_scheduler(parse_spec(c["spec"].get<std::string>()));
    const Spec full = scheduler->spec();
    EXPECT_EQ(to_string(make_scheduler(full)->spec()), to_string(full));
  }
}

}  // namespace
}  // namespace adamlab
