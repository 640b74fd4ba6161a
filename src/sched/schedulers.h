#pragma once
// Factories of the individual schedulers (one .cpp each) and what they share. Internal to
// src/sched: everyone else calls make_scheduler(), which has checked the required key is present.
#include <cstdint>
#include <memory>
#include <string>

#include "core/spec.h"
#include "sched/scheduler.h"

namespace adamlab::sched {

constexpr double kPi = 3.141592653589793;  // math.pi

std::unique_ptr<Scheduler> make_step_lr(const Spec& spec);
std::unique_ptr<Scheduler> make_exponential_lr(const Spec& spec);
std::unique_ptr<Scheduler> make_cosine_annealing_lr(const Spec& spec);
std::unique_ptr<Scheduler> make_linear_lr(const Spec& spec);
std::unique_ptr<Scheduler> make_cosine_annealing_warm_restarts(const Spec& spec);

// Throws Error "scheduler <name> needs <key> >= <min>, got <key>=<value>".
void require_at_least(const Spec& spec, const std::string& key, std::int64_t value, std::int64_t min);

}  // namespace adamlab::sched
