#pragma once
// RAdam (Liu et al. 2019, rectified Adam), torch 1.13's version; anchors: libtorch-style
// Options/State and torch.optim.radam._single_tensor_radam.
#include <cmath>
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct RadamOptions {
  double lr = 1e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 0;
};

template <class Scalar>
struct RadamState {
  std::int64_t step = 0;
  VecX<Scalar> exp_avg, exp_avg_sq;
};

void validate(const RadamOptions& options, const SpecText& text = {});

// Ports torch.optim.radam._single_tensor_radam.
template <class Scalar>
void radam_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                RadamState<Scalar>& state, const RadamOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
  }
  VecX<S> grad = grad_in;
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction1 = 1 - std::pow(o.beta1, step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  state.exp_avg *= S(o.beta1);
  aten::add_<S>(state.exp_avg, grad, S(1 - o.beta1));
  state.exp_avg_sq *= S(o.beta2);
  aten::addcmul_<S>(state.exp_avg_sq, grad, grad, S(1 - o.beta2));

  const VecX<S> bias_corrected_exp_avg = state.exp_avg / S(bias_correction1);
  const double rho_inf = 2 / (1 - o.beta2) - 1;
  const double rho_t = rho_inf - 2 * step * std::pow(o.beta2, step) / bias_correction2;
  if (rho_t > 5.) {
    const double rect =
        std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
    // math.sqrt(bc2) / tensor is Tensor.__rtruediv__: tensor.reciprocal() * scalar.
    VecX<S> adaptive_lr = aten::sqrt(state.exp_avg_sq);
    adaptive_lr.array() += S(o.eps);
    adaptive_lr = adaptive_lr.cwiseInverse() * S(std::sqrt(bias_correction2));
    const VecX<S> update =
        ((bias_corrected_exp_avg * S(o.lr)).array() * adaptive_lr.array() * S(rect)).matrix();
    aten::add_<S>(param, update, S(-1.0));
  } else {
    aten::add_<S>(param, VecX<S>(bias_corrected_exp_avg * S(o.lr)), S(-1.0));
  }
}

struct RadamAlgorithm {
  static constexpr const char* name = "radam";
  using Options = RadamOptions;
  template <class Scalar>
  using State = RadamState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    radam_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
