#pragma once
// Adam (Kingma & Ba 2014) with torch 1.13's options and arithmetic; anchors: libtorch
// torch/optim/adam.h (Options/State) and torch.optim.adam._single_tensor_adam (kernel).
#include <cmath>
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct AdamOptions {
  double lr = 1e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 0;
  bool amsgrad = false;
  bool maximize = false;
};

template <class Scalar>
struct AdamState {
  std::int64_t step = 0;  // 0 until the first step creates the buffers, as in torch
  VecX<Scalar> exp_avg, exp_avg_sq, max_exp_avg_sq;
};

void validate(const AdamOptions& options, const SpecText& text = {});

// Adam's keys in torch's argument order (betas split); AdamW takes the same ones.
inline constexpr auto adam_keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("beta1", o.beta1);
  visit("beta2", o.beta2);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
  visit("amsgrad", o.amsgrad);
  visit("maximize", o.maximize);
};

// Adam's and AdamW's state (they keep the same buffers).
OptimizerState adam_snapshot(const AdamState<double>& state, bool amsgrad);

// Ports torch.optim.adam._single_tensor_adam (capturable=False, differentiable=False).
template <class Scalar>
void adam_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
               AdamState<Scalar>& state, const AdamOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
    if (o.amsgrad) state.max_exp_avg_sq = VecX<S>::Zero(param.size());
  }
  VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  state.step += 1;
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  state.exp_avg *= S(o.beta1);
  aten::add_<S>(state.exp_avg, grad, S(1 - o.beta1));
  state.exp_avg_sq *= S(o.beta2);
  aten::addcmul_<S>(state.exp_avg_sq, grad, grad, S(1 - o.beta2));

  const double step = static_cast<double>(state.step);
  const double bias_correction1 = 1 - std::pow(o.beta1, step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  const double step_size = o.lr / bias_correction1;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);

  VecX<S> denom;
  if (o.amsgrad) {
    // torch keeps the max of the raw second moment and bias-corrects afterwards.
    for (Eigen::Index i = 0; i < param.size(); ++i)
      state.max_exp_avg_sq[i] = aten::maximum(state.max_exp_avg_sq[i], state.exp_avg_sq[i]);
    denom = aten::sqrt(state.max_exp_avg_sq) / S(bias_correction2_sqrt);
  } else {
    denom = aten::sqrt(state.exp_avg_sq) / S(bias_correction2_sqrt);
  }
  denom.array() += S(o.eps);
  aten::addcdiv_<S>(param, state.exp_avg, denom, S(-step_size));
}

struct AdamAlgorithm {
  static constexpr const char* name = "adam";
  using Options = AdamOptions;
  template <class Scalar>
  using State = AdamState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    adam_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
