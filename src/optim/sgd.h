#pragma once
// SGD with momentum, dampening, Nesterov and weight decay, torch 1.13's version; anchors: libtorch
// torch/optim/sgd.h (SGDOptions takes lr in its constructor: torch's lr=required) and
// torch.optim.sgd._single_tensor_sgd.
#include <cstdint>
#include <optional>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct SgdOptions {
  explicit SgdOptions(double lr) : lr(lr) {}  // no default: torch's SGD requires lr
  double lr;
  double momentum = 0;
  double dampening = 0;
  double weight_decay = 0;
  bool nesterov = false;
  bool maximize = false;
};

template <class Scalar>
struct SgdState {
  std::int64_t step = 0;  // torch's SGD keeps no step; counted here for display only
  std::optional<VecX<Scalar>> momentum_buffer;  // torch: None until the first step with momentum
};

void validate(const SgdOptions& options, const SpecText& text = {});

// Ports torch.optim.sgd._single_tensor_sgd (dense gradients).
template <class Scalar>
void sgd_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad,
              SgdState<Scalar>& state, const SgdOptions& o) {
  using S = Scalar;
  state.step += 1;
  VecX<S> d_p = o.maximize ? VecX<S>(-grad) : VecX<S>(grad);
  if (o.weight_decay != 0) aten::add_<S>(d_p, param, S(o.weight_decay));
  if (o.momentum != 0) {
    if (!state.momentum_buffer) {
      state.momentum_buffer = d_p;  // torch.clone(d_p): the first buffer is not dampened
    } else {
      VecX<S>& buf = *state.momentum_buffer;
      buf *= S(o.momentum);
      aten::add_<S>(buf, d_p, S(1 - o.dampening));
    }
    if (o.nesterov)
      aten::add_<S>(d_p, *state.momentum_buffer, S(o.momentum));
    else
      d_p = *state.momentum_buffer;
  }
  aten::add_<S>(param, d_p, S(-o.lr));
}

struct SgdAlgorithm {
  static constexpr const char* name = "sgd";
  using Options = SgdOptions;
  template <class Scalar>
  using State = SgdState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    sgd_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
