#pragma once
// Adamax (Kingma & Ba 2014, sec. 7: Adam under the infinity norm), torch 1.13's version;
// anchors: libtorch-style Options/State and torch.optim.adamax._single_tensor_adamax.
#include <cmath>
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct AdamaxOptions {
  double lr = 2e-3;
  double beta1 = 0.9;  // betas[0]
  double beta2 = 0.999;  // betas[1]
  double eps = 1e-8;
  double weight_decay = 0;
  bool maximize = false;
};

template <class Scalar>
struct AdamaxState {
  std::int64_t step = 0;
  VecX<Scalar> exp_avg, exp_inf;
};

void validate(const AdamaxOptions& options, const SpecText& text = {});

// Ports torch.optim.adamax._single_tensor_adamax.
template <class Scalar>
void adamax_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                 AdamaxState<Scalar>& state, const AdamaxOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_inf = VecX<S>::Zero(param.size());
  }
  VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  state.step += 1;
  const double step = static_cast<double>(state.step);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  state.exp_avg *= S(o.beta1);
  aten::add_<S>(state.exp_avg, grad, S(1 - o.beta1));
  // torch.amax(cat([exp_inf * beta2, |grad| + eps]), 0): a NaN-propagating max.
  state.exp_inf *= S(o.beta2);
  for (Eigen::Index i = 0; i < param.size(); ++i)
    state.exp_inf[i] = aten::maximum(state.exp_inf[i], S(std::abs(grad[i]) + S(o.eps)));
  const double bias_correction = 1 - std::pow(o.beta1, step);
  const double clr = o.lr / bias_correction;
  aten::addcdiv_<S>(param, state.exp_avg, state.exp_inf, S(-clr));
}

struct AdamaxAlgorithm {
  static constexpr const char* name = "adamax";
  using Options = AdamaxOptions;
  template <class Scalar>
  using State = AdamaxState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    adamax_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
