#pragma once
// Adadelta (Zeiler 2012), torch 1.13's version (with an lr factor); anchors: libtorch-style
// Options/State and torch.optim.adadelta._single_tensor_adadelta.
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct AdadeltaOptions {
  double lr = 1.0;
  double rho = 0.9;
  double eps = 1e-6;
  double weight_decay = 0;
  bool maximize = false;
};

template <class Scalar>
struct AdadeltaState {
  std::int64_t step = 0;
  VecX<Scalar> square_avg, acc_delta;
};

void validate(const AdadeltaOptions& options, const SpecText& text = {});

// Ports torch.optim.adadelta._single_tensor_adadelta.
template <class Scalar>
void adadelta_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                   AdadeltaState<Scalar>& state, const AdadeltaOptions& o) {
  using S = Scalar;
  if (state.step == 0) {
    state.square_avg = VecX<S>::Zero(param.size());
    state.acc_delta = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  state.square_avg *= S(o.rho);
  aten::addcmul_<S>(state.square_avg, grad, grad, S(1 - o.rho));
  const VecX<S> std_ = aten::sqrt(VecX<S>(state.square_avg.array() + S(o.eps)));
  VecX<S> delta = aten::sqrt(VecX<S>(state.acc_delta.array() + S(o.eps)));
  delta.array() /= std_.array();
  delta.array() *= grad.array();
  state.acc_delta *= S(o.rho);
  aten::addcmul_<S>(state.acc_delta, delta, delta, S(1 - o.rho));
  aten::add_<S>(param, delta, S(-o.lr));
}

struct AdadeltaAlgorithm {
  static constexpr const char* name = "adadelta";
  using Options = AdadeltaOptions;
  template <class Scalar>
  using State = AdadeltaState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    adadelta_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
