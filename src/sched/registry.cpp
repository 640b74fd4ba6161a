// make_scheduler: the one place a scheduler name becomes a type.
#include <utility>
#include <vector>

#include "core/error.h"
#include "sched/scheduler.h"
#include "sched/schedulers.h"

namespace adamlab {
namespace {

using Factory = std::unique_ptr<Scheduler> (*)(const Spec&);

const std::vector<std::pair<std::string, Factory>>& registry() {
  static const std::vector<std::pair<std::string, Factory>> entries = {
      {"step", &sched::make_step_lr},
      {"exponential", &sched::make_exponential_lr},
      {"cosine", &sched::make_cosine_annealing_lr},
      {"linear", &sched::make_linear_lr},
      {"cosine_warm_restarts", &sched::make_cosine_annealing_warm_restarts},
  };
  return entries;
}

}  // namespace

namespace sched {

void require_key(const SpecReader& reader, const Spec& spec, const std::string& key) {
  if (!reader.has(key)) throw Error("scheduler " + spec.name + " needs " + key);
}

void require_at_least(const Spec& spec, const std::string& key, std::int64_t value, std::int64_t min) {
  if (value < min)
    throw Error("scheduler " + spec.name + " needs " + key + " >= " + std::to_string(min) + ", got " + key +
                "=" + std::to_string(value));
}

}  // namespace sched

std::vector<std::string> scheduler_names() {
  std::vector<std::string> names;
  for (const auto& entry : registry()) names.push_back(entry.first);
  return names;
}

std::unique_ptr<Scheduler> make_scheduler(const Spec& spec) {
  for (const auto& entry : registry())
    if (entry.first == spec.name) return entry.second(spec);
  std::string known;
  for (const auto& entry : registry()) known += (known.empty() ? "" : ", ") + entry.first;
  throw Error("unknown scheduler '" + spec.name + "' (known: " + known + ")");
}

}  // namespace adamlab
