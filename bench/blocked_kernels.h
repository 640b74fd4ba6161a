#pragma once
// Blocked versions of the core optimizer kernels (optim/<name>.h) for big float vectors: the
// same statements in the same order, but run over one block of kBlock elements at a time (every
// statement of a step on a block while its arrays sit in L1), with the block's temporaries on the
// stack. Per element the operations are the core kernel's, so the results are bit-identical to
// it (vector_bench.cpp checks that before timing); what changes is the memory traffic: one pass
// over p, g and the state instead of one per tensor op, which is what reaches the bandwidth bound.
#include <Eigen/Core>
#include <cmath>

#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/adam.h"
#include "optim/adamax.h"
#include "optim/adamw.h"
#include "optim/nadam.h"
#include "optim/radam.h"
#include "optim/rmsprop.h"
#include "optim/sgd.h"

namespace adamlab::blocked {

// 256 floats: 1 KB per array, a block's 7-9 arrays well inside L1.
constexpr Eigen::Index kBlock = 256;
template <class S>
using Buf = Eigen::Matrix<S, Eigen::Dynamic, 1, 0, kBlock, 1>;  // stack storage, size <= kBlock
template <class S>
using Ref = Eigen::Ref<VecX<S>>;
template <class S>
using CRef = const Eigen::Ref<const VecX<S>>&;

template <class F>
void for_blocks(Eigen::Index n, F&& f) {
  for (Eigen::Index b = 0; b < n; b += kBlock) f(b, std::min(kBlock, n - b));
}

// grad (maximize: -grad) into a stack buffer.
template <class S>
Buf<S> grad_of(CRef<S> grad_in, Eigen::Index b, Eigen::Index len, bool maximize) {
  return maximize ? Buf<S>(-grad_in.segment(b, len)) : Buf<S>(grad_in.segment(b, len));
}

template <class S, class Options, class State>
void adam_like(Ref<S> param, CRef<S> grad_in, State& state, const Options& o, bool decoupled) {
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
    if (o.amsgrad) state.max_exp_avg_sq = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction1 = 1 - std::pow(o.beta1, step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  const double step_size = o.lr / bias_correction1;
  const double bias_correction2_sqrt = std::sqrt(bias_correction2);
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto exp_avg = state.exp_avg.segment(b, len);
    auto exp_avg_sq = state.exp_avg_sq.segment(b, len);
    Buf<S> grad = grad_of<S>(grad_in, b, len, o.maximize);
    if (decoupled)
      p *= S(1 - o.lr * o.weight_decay);
    else if (o.weight_decay != 0)
      aten::add_<S>(grad, p, S(o.weight_decay));
    exp_avg *= S(o.beta1);
    aten::add_<S>(exp_avg, grad, S(1 - o.beta1));
    exp_avg_sq *= S(o.beta2);
    aten::addcmul_<S>(exp_avg_sq, grad, grad, S(1 - o.beta2));
    Buf<S> denom(len);
    if (o.amsgrad) {
      auto max_exp_avg_sq = state.max_exp_avg_sq.segment(b, len);
      for (Eigen::Index i = 0; i < len; ++i) max_exp_avg_sq[i] = aten::maximum(max_exp_avg_sq[i], exp_avg_sq[i]);
      for (Eigen::Index i = 0; i < len; ++i) denom[i] = std::sqrt(max_exp_avg_sq[i]) / S(bias_correction2_sqrt);
    } else {
      for (Eigen::Index i = 0; i < len; ++i) denom[i] = std::sqrt(exp_avg_sq[i]) / S(bias_correction2_sqrt);
    }
    denom.array() += S(o.eps);
    aten::addcdiv_<S>(p, exp_avg, denom, S(-step_size));
  });
}

template <class S>
void adam_step(Ref<S> param, CRef<S> grad, AdamState<S>& state, const AdamOptions& o) {
  adam_like<S>(param, grad, state, o, false);
}
template <class S>
void adamw_step(Ref<S> param, CRef<S> grad, AdamWState<S>& state, const AdamWOptions& o) {
  adam_like<S>(param, grad, state, o, true);
}

template <class S>
void sgd_step(Ref<S> param, CRef<S> grad, SgdState<S>& state, const SgdOptions& o) {
  state.step += 1;
  const bool first = o.momentum != 0 && !state.momentum_buffer;
  if (first) state.momentum_buffer = VecX<S>(param.size());
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    Buf<S> d_p = grad_of<S>(grad, b, len, o.maximize);
    if (o.weight_decay != 0) aten::add_<S>(d_p, p, S(o.weight_decay));
    if (o.momentum != 0) {
      auto buf = state.momentum_buffer->segment(b, len);
      if (first) {
        buf = d_p;
      } else {
        buf *= S(o.momentum);
        aten::add_<S>(buf, d_p, S(1 - o.dampening));
      }
      if (o.nesterov)
        aten::add_<S>(d_p, buf, S(o.momentum));
      else
        d_p = buf;
    }
    aten::add_<S>(p, d_p, S(-o.lr));
  });
}

template <class S>
void adagrad_step(Ref<S> param, CRef<S> grad_in, AdagradState<S>& state, const AdagradOptions& o) {
  if (state.step == 0) state.sum = VecX<S>::Constant(param.size(), S(o.initial_accumulator_value));
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double clr = o.lr / (1 + (step - 1) * o.lr_decay);
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto sum = state.sum.segment(b, len);
    Buf<S> grad = grad_of<S>(grad_in, b, len, o.maximize);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    aten::addcmul_<S>(sum, grad, grad, S(1));
    Buf<S> std_(len);
    for (Eigen::Index i = 0; i < len; ++i) std_[i] = std::sqrt(sum[i]);
    std_.array() += S(o.eps);
    aten::addcdiv_<S>(p, grad, std_, S(-clr));
  });
}

template <class S>
void rmsprop_step(Ref<S> param, CRef<S> grad_in, RmspropState<S>& state, const RmspropOptions& o) {
  if (state.step == 0) {
    state.square_avg = VecX<S>::Zero(param.size());
    if (o.momentum > 0) state.momentum_buffer = VecX<S>::Zero(param.size());
    if (o.centered) state.grad_avg = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto square_avg = state.square_avg.segment(b, len);
    Buf<S> grad = grad_of<S>(grad_in, b, len, o.maximize);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    square_avg *= S(o.alpha);
    aten::addcmul_<S>(square_avg, grad, grad, S(1 - o.alpha));
    Buf<S> avg(len);
    if (o.centered) {
      auto grad_avg = state.grad_avg.segment(b, len);
      grad_avg *= S(o.alpha);
      aten::add_<S>(grad_avg, grad, S(1 - o.alpha));
      avg = square_avg;
      aten::addcmul_<S>(avg, grad_avg, grad_avg, S(-1));
      for (Eigen::Index i = 0; i < len; ++i) avg[i] = std::sqrt(avg[i]);
    } else {
      for (Eigen::Index i = 0; i < len; ++i) avg[i] = std::sqrt(square_avg[i]);
    }
    avg.array() += S(o.eps);
    if (o.momentum > 0) {
      auto buf = state.momentum_buffer.segment(b, len);
      buf *= S(o.momentum);
      aten::addcdiv_<S>(buf, grad, avg, S(1));
      aten::add_<S>(p, buf, S(-o.lr));
    } else {
      aten::addcdiv_<S>(p, grad, avg, S(-o.lr));
    }
  });
}

template <class S>
void adamax_step(Ref<S> param, CRef<S> grad_in, AdamaxState<S>& state, const AdamaxOptions& o) {
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_inf = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction = 1 - std::pow(o.beta1, step);
  const double clr = o.lr / bias_correction;
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto exp_avg = state.exp_avg.segment(b, len);
    auto exp_inf = state.exp_inf.segment(b, len);
    Buf<S> grad = grad_of<S>(grad_in, b, len, o.maximize);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    exp_avg *= S(o.beta1);
    aten::add_<S>(exp_avg, grad, S(1 - o.beta1));
    exp_inf *= S(o.beta2);
    for (Eigen::Index i = 0; i < len; ++i) exp_inf[i] = aten::maximum(exp_inf[i], S(std::abs(grad[i]) + S(o.eps)));
    aten::addcdiv_<S>(p, exp_avg, exp_inf, S(-clr));
  });
}

template <class S>
void nadam_step(Ref<S> param, CRef<S> grad_in, NadamState<S>& state, const NadamOptions& o) {
  if (state.step == 0) {
    state.mu_product = 1.0;
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  const double mu = o.beta1 * (1. - 0.5 * std::pow(0.96, step * o.momentum_decay));
  const double mu_next = o.beta1 * (1. - 0.5 * std::pow(0.96, (step + 1) * o.momentum_decay));
  state.mu_product *= mu;
  const double mu_product_next = state.mu_product * mu * mu_next;
  const S grad_value = S(-o.lr * (1. - mu) / (1. - state.mu_product));
  const S avg_value = S(-o.lr * mu_next / (1. - mu_product_next));
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto exp_avg = state.exp_avg.segment(b, len);
    auto exp_avg_sq = state.exp_avg_sq.segment(b, len);
    Buf<S> grad = grad_in.segment(b, len);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    exp_avg *= S(o.beta1);
    aten::add_<S>(exp_avg, grad, S(1 - o.beta1));
    exp_avg_sq *= S(o.beta2);
    aten::addcmul_<S>(exp_avg_sq, grad, grad, S(1 - o.beta2));
    Buf<S> denom(len);
    for (Eigen::Index i = 0; i < len; ++i) denom[i] = std::sqrt(exp_avg_sq[i] / S(bias_correction2));
    denom.array() += S(o.eps);
    aten::addcdiv_<S>(p, grad, denom, grad_value);
    aten::addcdiv_<S>(p, exp_avg, denom, avg_value);
  });
}

template <class S>
void radam_step(Ref<S> param, CRef<S> grad_in, RadamState<S>& state, const RadamOptions& o) {
  if (state.step == 0) {
    state.exp_avg = VecX<S>::Zero(param.size());
    state.exp_avg_sq = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  const double step = static_cast<double>(state.step);
  const double bias_correction1 = 1 - std::pow(o.beta1, step);
  const double bias_correction2 = 1 - std::pow(o.beta2, step);
  const double rho_inf = 2 / (1 - o.beta2) - 1;
  const double rho_t = rho_inf - 2 * step * std::pow(o.beta2, step) / bias_correction2;
  const bool rectified = rho_t > 5.;
  const double rect =
      rectified ? std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t)) : 0.0;
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto exp_avg = state.exp_avg.segment(b, len);
    auto exp_avg_sq = state.exp_avg_sq.segment(b, len);
    Buf<S> grad = grad_in.segment(b, len);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    exp_avg *= S(o.beta1);
    aten::add_<S>(exp_avg, grad, S(1 - o.beta1));
    exp_avg_sq *= S(o.beta2);
    aten::addcmul_<S>(exp_avg_sq, grad, grad, S(1 - o.beta2));
    const Buf<S> bias_corrected_exp_avg = exp_avg / S(bias_correction1);
    if (rectified) {
      Buf<S> adaptive_lr(len);
      for (Eigen::Index i = 0; i < len; ++i) adaptive_lr[i] = std::sqrt(exp_avg_sq[i]);
      adaptive_lr.array() += S(o.eps);
      adaptive_lr = adaptive_lr.cwiseInverse() * S(std::sqrt(bias_correction2));
      const Buf<S> update = ((bias_corrected_exp_avg * S(o.lr)).array() * adaptive_lr.array() * S(rect)).matrix();
      aten::add_<S>(p, update, S(-1.0));
    } else {
      aten::add_<S>(p, Buf<S>(bias_corrected_exp_avg * S(o.lr)), S(-1.0));
    }
  });
}

template <class S>
void adadelta_step(Ref<S> param, CRef<S> grad_in, AdadeltaState<S>& state, const AdadeltaOptions& o) {
  if (state.step == 0) {
    state.square_avg = VecX<S>::Zero(param.size());
    state.acc_delta = VecX<S>::Zero(param.size());
  }
  state.step += 1;
  for_blocks(param.size(), [&](Eigen::Index b, Eigen::Index len) {
    auto p = param.segment(b, len);
    auto square_avg = state.square_avg.segment(b, len);
    auto acc_delta = state.acc_delta.segment(b, len);
    Buf<S> grad = grad_of<S>(grad_in, b, len, o.maximize);
    if (o.weight_decay != 0) aten::add_<S>(grad, p, S(o.weight_decay));
    square_avg *= S(o.rho);
    aten::addcmul_<S>(square_avg, grad, grad, S(1 - o.rho));
    Buf<S> std_(len), delta(len);
    for (Eigen::Index i = 0; i < len; ++i) std_[i] = std::sqrt(S(square_avg[i] + S(o.eps)));
    for (Eigen::Index i = 0; i < len; ++i) delta[i] = std::sqrt(S(acc_delta[i] + S(o.eps)));
    delta.array() /= std_.array();
    delta.array() *= grad.array();
    acc_delta *= S(o.rho);
    aten::addcmul_<S>(acc_delta, delta, delta, S(1 - o.rho));
    aten::add_<S>(p, delta, S(-o.lr));
  });
}

}  // namespace adamlab::blocked
