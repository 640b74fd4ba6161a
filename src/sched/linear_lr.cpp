// torch.optim.lr_scheduler.LinearLR (1.13), chainable get_lr(). Its constructor's step already
// multiplies the group's lr by start_factor.
#include <cstdint>

#include "core/error.h"
#include "sched/schedulers.h"

namespace adamlab::sched {
namespace {

class LinearLR final : public Scheduler {
 public:
  LinearLR(double start_factor, double end_factor, std::int64_t total_iters)
      : start_factor_(start_factor), end_factor_(end_factor), total_iters_(total_iters) {}
  double start(double base_lr) override {
    last_epoch_ = 0;
    return base_lr * start_factor_;
  }
  // LinearLR.get_lr
  double step(double lr) override {
    ++last_epoch_;
    if (last_epoch_ > total_iters_) return lr;
    return lr * (1. + (end_factor_ - start_factor_) /
                          (static_cast<double>(total_iters_) * start_factor_ +
                           static_cast<double>(last_epoch_ - 1) * (end_factor_ - start_factor_)));
  }
  Spec spec() const override {
    Spec s;
    s.name = "linear";
    s.set("start_factor", format_number(start_factor_));
    s.set("end_factor", format_number(end_factor_));
    s.set("total_iters", std::to_string(total_iters_));
    return s;
  }
  std::unique_ptr<Scheduler> clone() const override { return std::make_unique<LinearLR>(*this); }

 private:
  double start_factor_, end_factor_;
  std::int64_t total_iters_;
  std::int64_t last_epoch_ = 0;
};

}  // namespace

std::unique_ptr<Scheduler> make_linear_lr(const Spec& spec) {
  SpecReader r(spec, "scheduler");
  const double start_factor = r.number("start_factor", 1.0 / 3);
  const double end_factor = r.number("end_factor", 1.0);
  const std::int64_t total_iters = r.integer("total_iters", 5);
  r.finish();
  // torch's messages, then the offending value.
  if (start_factor > 1.0 || start_factor < 0)
    throw Error("Starting multiplicative factor expected to be between 0 and 1. (linear start_factor=" +
                format_number(start_factor) + ")");
  if (end_factor > 1.0 || end_factor < 0)
    throw Error("Ending multiplicative factor expected to be between 0 and 1. (linear end_factor=" +
                format_number(end_factor) + ")");
  require_at_least(spec, "total_iters", total_iters, 0);
  // torch accepts this and then raises ZeroDivisionError on the first step.
  if (start_factor == 0 && total_iters > 0)
    throw Error("scheduler linear: start_factor=0 with total_iters=" + std::to_string(total_iters) +
                " divides by zero on the first step (torch raises ZeroDivisionError); use start_factor > 0");
  return std::make_unique<LinearLR>(start_factor, end_factor, total_iters);
}

}  // namespace adamlab::sched
