// "PyTorch out" and "PyTorch in" agree: the constructor line AdamLab shows for a configuration,
// pasted back, gives that configuration again, option for option, for random configurations of
// every optimizer and scheduler (torch's defaults left out of the line must come back as defaults).
#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>

#include "core/error.h"
#include "core/spec.h"
#include "export/torch_names.h"
#include "export/torch_parse.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

// A value near the default, with all 17 digits in play (0.00964... not 0.01), or a plain one.
std::string random_value(const std::string& key, const std::string& fallback, std::mt19937_64& rng) {
  if (fallback == "true" || fallback == "false") return rng() % 2 ? "true" : "false";
  std::uniform_real_distribution<double> u(0.0, 1.0);
  const double d = parse_number(fallback, key);
  const bool whole = key == "step_size" || key == "T_max" || key == "T_0" || key == "T_mult" || key == "total_iters" ||
                     key == "last_epoch";
  if (whole) return std::to_string(1 + rng() % 200);
  switch (rng() % 4) {
    case 0: return fallback;  // at the default: the line leaves it out
    case 1: return format_number(u(rng));
    case 2: return format_number(d == 0 ? u(rng) * 0.1 : d * std::pow(10.0, 2 * u(rng) - 1));
    default: return format_number(std::round(u(rng) * 1000) / 1000);  // a value a person types
  }
}

// Every key of `name` set at random; nullopt-like empty name when torch would refuse the result.
Spec random_spec(const Spec& full, std::mt19937_64& rng) {
  Spec s{full.name, {}};
  for (const auto& [key, value] : full.params) s.set(key, random_value(key, value, rng));
  return s;
}

TEST(TorchRoundTrip, ConstructorLinePastedBackIsTheSameOptimizer) {
  std::mt19937_64 rng(20261202);
  int checked = 0;
  for (const std::string& name : optimizer_names()) {
    const Spec defaults = make_optimizer(parse_spec(name == "sgd" ? "sgd:lr=0.01" : name))->spec();
    int valid = 0;
    for (int i = 0; i < 300; ++i) {
      const Spec s = random_spec(defaults, rng);
      std::string expected;
      try {
        expected = to_string(make_optimizer(s)->spec());
      } catch (const Error&) {
        continue;  // torch would refuse it too (e.g. nesterov with dampening)
      }
      const std::string line = torch_export::optimizer_constructor(s);
      const TorchPaste back = parse_torch_paste(line);
      EXPECT_EQ(to_string(make_optimizer(back.optimizer)->spec()), expected) << line;
      EXPECT_TRUE(back.notes.empty()) << line;
      ++valid;
    }
    EXPECT_GE(valid, 100) << name;  // the generator must reach most of each optimizer's space
    checked += valid;
  }
  EXPECT_GE(checked, 1000);
}

TEST(TorchRoundTrip, SchedulerLinePastedBackIsTheSameScheduler) {
  std::mt19937_64 rng(7);
  const std::string optimizer = torch_export::optimizer_constructor(parse_spec("adam:lr=0.05"));
  for (const std::string& name : scheduler_names()) {
    const std::string required = scheduler_required_key(name);
    const Spec defaults = make_scheduler(parse_spec(required.empty() ? name : name + ":" + required + "=10"))->spec();
    int valid = 0;
    for (int i = 0; i < 200; ++i) {
      const Spec s = random_spec(defaults, rng);
      std::string expected;
      try {
        expected = to_string(make_scheduler(s)->spec());
      } catch (const Error&) {
        continue;
      }
      const std::string text = "optimizer = " + optimizer + "\n" + torch_export::scheduler_constructor(s);
      const TorchPaste back = parse_torch_paste(text);
      ASSERT_FALSE(back.scheduler.name.empty()) << text;
      EXPECT_EQ(to_string(make_scheduler(back.scheduler)->spec()), expected) << text;
      EXPECT_EQ(back.optimizer_spec(), "adam:lr=0.05") << text;
      ++valid;
    }
    EXPECT_GE(valid, 50) << name;
  }
}

}  // namespace
}  // namespace adamlab
