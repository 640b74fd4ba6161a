// torch.optim.lr_scheduler.ExponentialLR (1.13), chainable get_lr().
#include "sched/schedulers.h"

namespace adamlab::sched {
namespace {

class ExponentialLR final : public Scheduler {
 public:
  explicit ExponentialLR(double gamma) : gamma_(gamma) {}
  double start(double base_lr) override { return base_lr; }
  // ExponentialLR.get_lr (last_epoch is never 0 after the constructor's step)
  double step(double lr) override { return lr * gamma_; }
  Spec spec() const override {
    Spec s;
    s.name = "exponential";
    s.set("gamma", format_number(gamma_));
    return s;
  }
  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<ExponentialLR>(*this); }

 private:
  double gamma_;
};

}  // namespace

std::unique_ptr<Scheduler> make_exponential_lr(const Spec& spec) {
  SpecReader r(spec, "scheduler");
  const double gamma = r.number("gamma", 0.0);
  r.finish();
  return std::make_unique<ExponentialLR>(gamma);
}

}  // namespace adamlab::sched
