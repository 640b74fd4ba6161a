// torch.optim.lr_scheduler.CosineAnnealingWarmRestarts (1.13) stepped without an epoch argument.
// Not chainable: every lr is computed from base_lr, so step() ignores the group's current lr.
#include <cmath>
#include <cstdint>

#include "core/error.h"
#include "sched/schedulers.h"

namespace adamlab::sched {
namespace {

class CosineAnnealingWarmRestarts final : public Scheduler {
 public:
  CosineAnnealingWarmRestarts(std::int64_t t_0, std::int64_t t_mult, double eta_min)
      : t_0_(t_0), t_mult_(t_mult), eta_min_(eta_min) {}
  // The constructor's step(): epoch 0, T_i = T_0, T_cur = 0.
  double start(double base_lr) override {
    base_lr_ = base_lr;
    t_i_ = static_cast<double>(t_0_);
    t_cur_ = 0;
    return lr();
  }
  // step(epoch=None)
  double step(double /*current_lr*/) override {
    t_cur_ += 1;
    if (static_cast<double>(t_cur_) >= t_i_) {
      t_cur_ = static_cast<std::int64_t>(static_cast<double>(t_cur_) - t_i_);
      // Python ints never overflow; a double holds T_i exactly up to 2^53 and, beyond, rounds it
      // as Python's int-to-float conversion in get_lr() does.
      t_i_ = t_i_ * static_cast<double>(t_mult_);
    }
    return lr();
  }
  Spec spec() const override {
    Spec s;
    s.name = "cosine_warm_restarts";
    s.set("T_0", std::to_string(t_0_));
    s.set("T_mult", std::to_string(t_mult_));
    s.set("eta_min", format_number(eta_min_));
    return s;
  }
  std::unique_ptr<Scheduler> clone() const override {
    return std::make_unique<CosineAnnealingWarmRestarts>(*this);
  }

 private:
  // CosineAnnealingWarmRestarts.get_lr
  double lr() const {
    return eta_min_ + (base_lr_ - eta_min_) * (1 + std::cos(kPi * static_cast<double>(t_cur_) / t_i_)) / 2;
  }
  std::int64_t t_0_, t_mult_;
  double eta_min_;
  double base_lr_ = 0.0;
  double t_i_ = 0.0;
  std::int64_t t_cur_ = 0;
};

// torch's isinstance(int) checks with its messages; as elsewhere in specs, 1e2 counts as 100.
std::int64_t read_torch_int(SpecReader& r, const std::string& key, std::int64_t fallback,
                            std::int64_t min, const std::string& expected) {
  const double v = r.number(key, static_cast<double>(fallback));
  const bool whole = v == std::floor(v) && std::fabs(v) <= 9.0e15;
  if (!whole) throw Error(expected + ", but got " + format_number(v));
  const auto i = static_cast<std::int64_t>(v);
  if (i < min) throw Error(expected + ", but got " + std::to_string(i));
  return i;
}

}  // namespace

std::unique_ptr<Scheduler> make_cosine_annealing_warm_restarts(const Spec& spec) {
  SpecReader r(spec, "scheduler");
  const std::int64_t t_0 = read_torch_int(r, "T_0", 0, 1, "Expected positive integer T_0");
  const std::int64_t t_mult = read_torch_int(r, "T_mult", 1, 1, "Expected integer T_mult >= 1");
  const double eta_min = r.number("eta_min", 0.0);
  r.finish();
  return std::make_unique<CosineAnnealingWarmRestarts>(t_0, t_mult, eta_min);
}

}  // namespace adamlab::sched
