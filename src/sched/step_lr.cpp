// torch.optim.lr_scheduler.StepLR (1.13), chainable get_lr().
#include <cstdint>

#include "sched/schedulers.h"

namespace adamlab::sched {
namespace {

class StepLR final : public Scheduler {
 public:
  StepLR(std::int64_t step_size, double gamma) : step_size_(step_size), gamma_(gamma) {}
  double start(double base_lr) override {
    last_epoch_ = 0;
    return base_lr;
  }
  // StepLR.get_lr
  double step(double lr) override {
    ++last_epoch_;
    if (last_epoch_ == 0 || last_epoch_ % step_size_ != 0) return lr;
    return lr * gamma_;
  }
  Spec spec() const override {
    Spec s;
    s.name = "step";
    s.set("step_size", std::to_string(step_size_));
    s.set("gamma", format_number(gamma_));
    return s;
  }
  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<StepLR>(*this); }

 private:
  std::int64_t step_size_;
  double gamma_;
  std::int64_t last_epoch_ = 0;
};

}  // namespace

std::unique_ptr<Scheduler> make_step_lr(const Spec& spec) {
  SpecReader r(spec, "scheduler");
  const std::int64_t step_size = r.integer("step_size", 0);
  const double gamma = r.number("gamma", 0.1);
  r.finish();
  // torch does not check, and fails with a modulo by zero on the first step.
  require_at_least(spec, "step_size", step_size, 1);
  return std::make_unique<StepLR>(step_size, gamma);
}

}  // namespace adamlab::sched
