#pragma once
// What the landscape's Scene and the network's NetScene do alike with their list of runs and
// their clock, written once: a run's automatic colour, an explicit colour's checks, the speed's
// range and the fixed-step accumulator. Runs are any type with `id`, `colour` and `optimizer`.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "sim/palette.h"

namespace adamlab::run_list {

// sim/palette.h: the optimizer's own colour if no other run (but except_id) has it, else a spare.
template <class Runs>
int colour_for(const Runs& runs, const Spec& optimizer, int except_id, int limit) {
  std::vector<int> used, claimed;
  for (const auto& r : runs) {
    if (r.id == except_id) continue;
    used.push_back(r.colour);
    claimed.push_back(optimizer_colour(r.optimizer));
  }
  return choose_colour(optimizer_colour(optimizer), used, claimed, limit);
}

// Throws unless `colour` is a palette index below `limit` that no run but `id` uses.
template <class Runs>
void check_colour(const Runs& runs, int id, int colour, int limit) {
  if (colour < 0 || colour >= limit)
    throw Error("invalid colour: " + std::to_string(colour) + " (0 to " + std::to_string(limit - 1) + ")");
  for (const auto& other : runs)
    if (other.id != id && other.colour == colour) throw Error("colour " + std::to_string(colour) + " is taken");
}

inline void check_speed(double steps_per_second, double min_speed, double max_speed) {
  if (!(steps_per_second >= min_speed && steps_per_second <= max_speed))
    throw Error("invalid speed: " + format_number(steps_per_second) + " (steps per second, " +
                format_number(min_speed) + " to " + format_number(max_speed) + ")");
}

// The whole steps speed * dt asks for, the fraction kept in `accumulator`. dt is clamped so a
// stalled tab does not burst.
inline std::int64_t steps_due(double& accumulator, double speed, double dt_seconds) {
  accumulator += speed * std::min(dt_seconds, 0.25);
  const double whole = std::floor(accumulator);
  accumulator -= whole;
  return static_cast<std::int64_t>(whole);
}

}  // namespace adamlab::run_list
