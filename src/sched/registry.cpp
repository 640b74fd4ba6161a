// make_scheduler: the one place a scheduler name becomes a type.
#include <vector>

#include "core/error.h"
#include "sched/scheduler.h"
#include "sched/schedulers.h"

namespace adamlab {
namespace {

struct Entry {
  const char* name;
  const char* torch_class;
  const char* required_key;  // torch's argument without a default; "" if every one has one
  std::unique_ptr<Scheduler> (*build)(const Spec&);
};

const std::vector<Entry>& registry() {
  static const std::vector<Entry> entries = {
      {"step", "StepLR", "step_size", &sched::make_step_lr},
      {"exponential", "ExponentialLR", "gamma", &sched::make_exponential_lr},
      {"cosine", "CosineAnnealingLR", "T_max", &sched::make_cosine_annealing_lr},
      {"linear", "LinearLR", "", &sched::make_linear_lr},
      {"cosine_warm_restarts", "CosineAnnealingWarmRestarts", "T_0", &sched::make_cosine_annealing_warm_restarts},
  };
  return entries;
}

const Entry& entry(const std::string& name) {
  for (const auto& e : registry())
    if (name == e.name) return e;
  std::string known;
  for (const auto& e : registry()) known += (known.empty() ? "" : ", ") + std::string(e.name);
  throw Error("unknown scheduler '" + name + "' (known: " + known + ")");
}

}  // namespace

namespace sched {

void require_at_least(const Spec& spec, const std::string& key, std::int64_t value, std::int64_t min) {
  if (value < min)
    throw Error("scheduler " + spec.name + " needs " + key + " >= " + std::to_string(min) + ", got " + key +
                "=" + std::to_string(value));
}

}  // namespace sched

std::vector<std::string> scheduler_names() {
  std::vector<std::string> names;
  for (const auto& e : registry()) names.emplace_back(e.name);
  return names;
}

std::string scheduler_torch_class(const std::string& name) { return entry(name).torch_class; }

std::string scheduler_required_key(const std::string& name) { return entry(name).required_key; }

std::unique_ptr<Scheduler> make_scheduler(const Spec& spec) {
  const Entry& e = entry(spec.name);
  // Checked before any value is parsed, so a missing key is the message even beside a malformed one.
  if (*e.required_key && !spec.has(e.required_key))
    throw Error("scheduler " + spec.name + " needs " + e.required_key);
  return e.build(spec);
}

}  // namespace adamlab
