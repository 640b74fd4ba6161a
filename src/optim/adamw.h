#pragma once
// AdamW (Loshchilov & Hutter 2019): Adam with decoupled weight decay, torch 1.13's version;
// anchors: libtorch torch/optim/adamw.h and torch.optim.adamw._single_tensor_adamw.
#include <cmath>

#include "optim/adam.h"
#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct AdamWOptions {
  double lr = 1e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 1e-2;
  bool amsgrad = false;
  bool maximize = false;
};

// The same buffers as Adam's.
template <class Scalar>
using AdamWState = AdamState<Scalar>;

void validate(const AdamWOptions& options, const SpecText& text = {});

// Ports torch.optim.adamw._single_tensor_adamw (capturable=False).
template <class Scalar>
void adamw_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                AdamWState<Scalar>& state, const AdamWOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
    if (o.amsgrad) state.max_exp_avg_sq = VecX<S>::Zero(param.size());
  }
  const VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  state.step += 1;
  // Decoupled ("stepweight") decay: shrink the parameter before the Adam update.
  param *= S(1 - o.lr * o.weight_decay);
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

struct AdamWAlgorithm {
  static constexpr const char* name = "adamw";
  using Options = AdamWOptions;
  template <class Scalar>
  using State = AdamWState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    adamw_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
