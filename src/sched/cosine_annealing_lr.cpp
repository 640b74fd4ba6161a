// torch.optim.lr_scheduler.CosineAnnealingLR (1.13), chainable get_lr(): past T_max the lr
// keeps following the cosine back up, exactly as torch's recursion does.
#include <cmath>
#include <cstdint>

#include "sched/schedulers.h"

namespace adamlab::sched {
namespace {

// Python's % on ints: the result takes the divisor's sign.
std::int64_t python_mod(std::int64_t a, std::int64_t b) {
  const std::int64_t r = a % b;
  return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
}

class CosineAnnealingLR final : public Scheduler {
 public:
  CosineAnnealingLR(std::int64_t t_max, double eta_min) : t_max_(t_max), eta_min_(eta_min) {}
  double start(double base_lr) override {
    base_lr_ = base_lr;
    last_epoch_ = 0;
    return base_lr;
  }
  // CosineAnnealingLR.get_lr; Python's left-to-right evaluation order is kept on purpose.
  double step(double lr) override {
    ++last_epoch_;
    const double t_max = static_cast<double>(t_max_), e = static_cast<double>(last_epoch_);
    if (python_mod(last_epoch_ - 1 - t_max_, 2 * t_max_) == 0)
      return lr + (base_lr_ - eta_min_) * (1 - std::cos(kPi / t_max)) / 2;
    return (1 + std::cos(kPi * e / t_max)) / (1 + std::cos(kPi * (e - 1) / t_max)) * (lr - eta_min_) + eta_min_;
  }
  Spec spec() const override {
    Spec s;
    s.name = "cosine";
    s.set("T_max", std::to_string(t_max_));
    s.set("eta_min", format_number(eta_min_));
    return s;
  }
  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<CosineAnnealingLR>(*this); }

 private:
  std::int64_t t_max_;
  double eta_min_;
  double base_lr_ = 0.0;
  std::int64_t last_epoch_ = 0;
};

}  // namespace

std::unique_ptr<Scheduler> make_cosine_annealing_lr(const Spec& spec) {
  SpecReader r(spec, "scheduler");
  const std::int64_t t_max = r.integer("T_max", 0);
  const double eta_min = r.number("eta_min", 0.0);
  r.finish();
  // torch does not check; T_max = 0 divides by zero.
  require_at_least(spec, "T_max", t_max, 1);
  return std::make_unique<CosineAnnealingLR>(t_max, eta_min);
}

}  // namespace adamlab::sched
