#pragma once
// The runtime face of an optimizer: one object per run, chosen by spec at the edge (make_optimizer).
// The math lives in per-optimizer kernels (adam.h, sgd.h, ...) that port torch's
// _single_tensor_<name> functions; this interface only dispatches once per step, never per element.
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/spec.h"

namespace adamlab {

using Vec = Eigen::VectorXd;

// A read-only snapshot of torch's per-parameter state, named as torch names it
// (exp_avg, exp_avg_sq, max_exp_avg_sq, momentum_buffer, square_avg, acc_delta, ...).
struct OptimizerState {
  std::int64_t step = 0;
  std::vector<std::pair<std::string, Vec>> buffers;
  std::vector<std::pair<std::string, double>> scalars;  // e.g. NAdam's mu_product
};

class Optimizer {
 public:
  virtual ~Optimizer() = default;
  // One torch `optimizer.step()` with `param.grad = grad`; updates param in place.
  virtual void step(Vec& param, const Vec& grad) = 0;
  // param_groups[0]['lr'], which schedulers read and write.
  virtual double lr() const = 0;
  virtual void set_lr(double lr) = 0;
  // The full configuration, every option present, in the spec grammar (name + PyTorch keys).
  virtual Spec spec() const = 0;
  virtual OptimizerState state() const = 0;
  virtual std::unique_ptr<Optimizer> clone() const = 0;
};

// Validates with PyTorch's rules and messages; throws Error on an unknown name or key.
std::unique_ptr<Optimizer> make_optimizer(const Spec& spec);
std::vector<std::string> optimizer_names();

}  // namespace adamlab
