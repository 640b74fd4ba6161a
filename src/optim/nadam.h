#pragma once
// NAdam (Dozat 2016) with torch 1.13's momentum-decay schedule (not optax's NAdam); anchors:
// libtorch-style Options/State and torch.optim.nadam._single_tensor_nadam.
#include <cmath>
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct NadamOptions {
  double lr = 2e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 0;
  double momentum_decay = 4e-3;
};

template <class Scalar>
struct NadamState {
  std::int64_t step = 0;
  double mu_product = 1.0;  // float64 whatever Scalar is, as torch's default-dtype scalar tensor
  VecX<Scalar> exp_avg, exp_avg_sq;
};

void validate(const NadamOptions& options, const SpecText& text = {});

// Ports torch.optim.nadam._single_tensor_nadam.
template <class Scalar>
void nadam_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                NadamState<Scalar>& state, const NadamOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.mu_product = 1.0;
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
  }
  VecX<S> grad = grad_in;
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));

  const double mu = o.beta1 * (1. - 0.5 * std::pow(0.96, step * o.momentum_decay));
  const double mu_next = o.beta1 * (1. - 0.5 * std::pow(0.96, (step + 1) * o.momentum_decay));
  state.mu_product *= mu;
  const double mu_product_next = state.mu_product * mu * mu_next;

  state.exp_avg *= S(o.beta1);
  aten::add_<S>(state.exp_avg, grad, S(1 - o.beta1));
  state.exp_avg_sq *= S(o.beta2);
  aten::addcmul_<S>(state.exp_avg_sq, grad, grad, S(1 - o.beta2));

  VecX<S> denom = aten::sqrt(VecX<S>(state.exp_avg_sq / S(bias_correction2)));
  denom.array() += S(o.eps);
  aten::addcdiv_<S>(param, grad, denom, S(-o.lr * (1. - mu) / (1. - state.mu_product)));
  aten::addcdiv_<S>(param, state.exp_avg, denom, S(-o.lr * mu_next / (1. - mu_product_next)));
}

struct NadamAlgorithm {
  static constexpr const char* name = "nadam";
  using Options = NadamOptions;
  template <class Scalar>
  using State = NadamState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    nadam_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
