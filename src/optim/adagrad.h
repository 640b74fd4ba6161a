#pragma once
// Adagrad (Duchi et al. 2011), torch 1.13's version; anchors: libtorch torch/optim/adagrad.h and
// torch.optim.adagrad._single_tensor_adagrad (dense gradients).
#include <cstdint>

#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "optim/torch_ops.h"

namespace adamlab {

struct AdagradOptions {
  double lr = 1e-2;
  double lr_decay = 0;
  double weight_decay = 0;
  double initial_accumulator_value = 0;
  double eps = 1e-10;
  bool maximize = false;
};

template <class Scalar>
struct AdagradState {
  // torch creates step and sum in the constructor, where it knows the parameter; we know its
  // size only at the first step, so both appear then (the values are the same).
  std::int64_t step = 0;
  VecX<Scalar> sum;
};

void validate(const AdagradOptions& options, const SpecText& text = {});

// Ports torch.optim.adagrad._single_tensor_adagrad (dense branch).
template <class Scalar>
void adagrad_step(Eigen::Ref<VecX<Scalar>> param, const Eigen::Ref<const VecX<Scalar>>& grad_in,
                  AdagradState<Scalar>& state, const AdagradOptions& o) {
  using S = Scalar;
  if (state.step == 0) state.sum = VecX<S>::Constant(param.size(), S(o.initial_accumulator_value));
  state.step += 1;
  const double step = static_cast<double>(state.step);
  VecX<S> grad = o.maximize ? VecX<S>(-grad_in) : VecX<S>(grad_in);
  if (o.weight_decay != 0) aten::add_<S>(grad, param, S(o.weight_decay));
  const double clr = o.lr / (1 + (step - 1) * o.lr_decay);
  aten::addcmul_<S>(state.sum, grad, grad, S(1));
  VecX<S> std_ = aten::sqrt(state.sum);
  std_.array() += S(o.eps);
  aten::addcdiv_<S>(param, grad, std_, S(-clr));
}

struct AdagradAlgorithm {
  static constexpr const char* name = "adagrad";
  using Options = AdagradOptions;
  template <class Scalar>
  using State = AdagradState<Scalar>;
  static Options read(SpecReader& reader);
  static Spec to_spec(const Options& options);
  static void step(Vec& param, const Vec& grad, State<double>& state, const Options& options) {
    adagrad_step<double>(param, grad, state, options);
  }
  static OptimizerState snapshot(const State<double>& state, const Options& options);
};

}  // namespace adamlab
