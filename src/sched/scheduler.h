#pragma once
// LR schedulers with torch.optim.lr_scheduler (1.13) semantics. A scheduler never owns the
// optimizer: it maps the param group's current lr to the next one, as torch's chainable
// get_lr() does, so it composes with whatever optimizer the run has.
#include <memory>
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

class Scheduler {
 public:
  virtual ~Scheduler() = default;
  // What torch's constructor does to the group: given the optimizer's configured lr, returns the
  // lr the group holds after the scheduler is constructed (LinearLR applies start_factor).
  virtual double start(double base_lr) = 0;
  // One torch `scheduler.step()` after an optimizer step: the group's lr now -> the lr it gets.
  virtual double step(double current_lr) = 0;
  virtual Spec spec() const = 0;  // full configuration, every option present
  virtual std::unique_ptr<Scheduler> clone() const = 0;
};

// Throws Error on an unknown name or key or a value torch rejects.
std::unique_ptr<Scheduler> make_scheduler(const Spec& spec);
std::vector<std::string> scheduler_names();
// For a known name: the torch.optim.lr_scheduler class it ports ("step" -> "StepLR"), and the
// argument torch gives no default ("step_size"; "" for linear, whose arguments all have one).
std::string scheduler_torch_class(const std::string& name);
std::string scheduler_required_key(const std::string& name);

}  // namespace adamlab
