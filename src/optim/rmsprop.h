#pragma once
// RMSprop (Hinton's lecture 6e; centered form from Graves 2013), torch 1.13's version; anchors:
// libtorch torch/optim/rmsprop.h and torch.optim.rmsprop._single_tensor_rmsprop.
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct RmspropOptions {
  double lr = 1e-2;
  double alpha = 0.99;
  double eps = 1e-8;
  double weight_decay = 0;
  double momentum = 0;
  bool centered = false;
  bool maximize = false;
};

template <class Scalar>
struct RmspropState {
  std::int64_t step = 0;
  VecX<Scalar> square_avg;
  VecX<Scalar> momentum_buffer;  // only when momentum > 0, as in torch
  VecX<Scalar> grad_avg;         // only when centered, as in torch
};

void validate(const RmspropOptions& options, const SpecText& text = {});

// Ports torch.optim.rmsprop._single_tensor_rmsprop (differentiable=False).
template <class Scalar>
void rmsprop_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                  RmspropState<Scalar>& state, const RmspropOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.square_avg = VecX<S>::Zero(param.size());
    if (o.momentum > 0) state.momentum_buffer = VecX<S>::Zero(param.size());
    if (o.centered) state.grad_avg = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  state.square_avg *= S(o.alpha);
  aten::addcmul_<S>(state.square_avg, grad, grad, S(1 - o.alpha));

  VecX<S> avg;
  if (o.centered) {
    state.grad_avg *= S(o.alpha);
    aten::add_<S>(state.grad_avg, grad, S(1 - o.alpha));
    avg = state.square_avg;
    aten::addcmul_<S>(avg, state.grad_avg, state.grad_avg, S(-1));
    avg = aten::sqrt(avg);
  } else {
    avg = aten::sqrt(state.square_avg);
  }
  avg.array() += S(o.eps);

  if (o.momentum > 0) {
    state.momentum_buffer *= S(o.momentum);
    aten::addcdiv_<S>(state.momentum_buffer, grad, avg, S(1));
    aten::add_<S>(param, state.momentum_buffer, S(-o.lr));
  } else {
    aten::addcdiv_<S>(param, grad, avg, S(-o.lr));
  }
}

struct RmspropAlgorithm {
  static constexpr const char* name = "rmsprop";
  using Options = RmspropOptions;
  template <class Scalar>
  using State = RmspropState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    rmsprop_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
