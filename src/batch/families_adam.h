#pragma once
// Batched Adam, AdamW, Adamax, NAdam and RAdam: the kernels of optim/{adam,adamw,adamax,nadam,
// radam}.h over chunks of runs, line for line.
#include "batch/family.h"
#include "optim/adam.h"
#include "optim/adamax.h"
#include "optim/adamw.h"
#include "optim/nadam.h"
#include "optim/radam.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

// Per distinct (beta, step), with the scalar kernel's own operations (same bits):
// bias_correction1 = 1 - beta1**step and bias_correction2_sqrt = sqrt(1 - beta2**step).
inline double one_minus_pow(double beta, double step) { return 1 - std::pow(beta, step); }
inline double sqrt_one_minus_pow(double beta, double step) { return std::sqrt(1 - std::pow(beta, step)); }

// One coordinate of one lane: the statements of optim/adam.h (adamw.h with kDecoupled) in their
// order, on one run's doubles.
template <class P, bool kAmsgrad, bool kDecoupled>
inline void adam_coordinate(double grad, double& param, double& exp_avg, double& exp_avg_sq,
                            double& max_exp_avg_sq, double beta1, double beta2, double eps, double weight_decay,
                            double decay, double step_size, double bias_correction2_sqrt) {
  if (kDecoupled)
    param *= decay;
  else
    grad = weight_decay != 0 ? P::fma1(weight_decay, param, grad) : grad;  // torch's `if weight_decay != 0`
  exp_avg = P::fma1(1 - beta1, grad, exp_avg * beta1);
  exp_avg_sq = P::fma1((1 - beta2) * grad, grad, exp_avg_sq * beta2);
  double denom;
  if (kAmsgrad) {
    max_exp_avg_sq = nan_maximum1(max_exp_avg_sq, exp_avg_sq);
    denom = std::sqrt(max_exp_avg_sq) / bias_correction2_sqrt;
  } else {
    denom = std::sqrt(exp_avg_sq) / bias_correction2_sqrt;
  }
  denom += eps;
  param = param + (-step_size * exp_avg) / denom;
}

// Adam and AdamW over a chunk, one lane per iteration, both coordinates in the body.
template <class P, bool kAmsgrad, bool kDecoupled, class State>
void adam_lanes(const Chunk* h, const Chunk* t, State& s, Chunk* p, const Chunk* g, bool maximize) {
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay };
  enum { kStepSize, kBiasCorrection2Sqrt };
  const double* ADAMLAB_RESTRICT lr = h[kLr].data();
  const double* ADAMLAB_RESTRICT beta1 = h[kBeta1].data();
  const double* ADAMLAB_RESTRICT beta2 = h[kBeta2].data();
  const double* ADAMLAB_RESTRICT eps = h[kEps].data();
  const double* ADAMLAB_RESTRICT weight_decay = h[kWeightDecay].data();
  const double* ADAMLAB_RESTRICT step_sizes = t[kStepSize].data();  // lr / bias_correction1
  const double* ADAMLAB_RESTRICT bc2_sqrt = t[kBiasCorrection2Sqrt].data();
  const double* ADAMLAB_RESTRICT gx = g[0].data();
  const double* ADAMLAB_RESTRICT gy = g[1].data();
  double* ADAMLAB_RESTRICT px = p[0].data();
  double* ADAMLAB_RESTRICT py = p[1].data();
  double* ADAMLAB_RESTRICT mx = s.exp_avg[0].data();
  double* ADAMLAB_RESTRICT my = s.exp_avg[1].data();
  double* ADAMLAB_RESTRICT vx = s.exp_avg_sq[0].data();
  double* ADAMLAB_RESTRICT vy = s.exp_avg_sq[1].data();
  double* ADAMLAB_RESTRICT maxx = s.max_exp_avg_sq[0].data();
  double* ADAMLAB_RESTRICT maxy = s.max_exp_avg_sq[1].data();
  const double sign = maximize ? -1.0 : 1.0;  // -grad exactly
  ADAMLAB_LANES
  for (int i = 0; i < kChunk; ++i) {
    const double step_size = step_sizes[i];
    const double decay = 1 - lr[i] * weight_decay[i];
    double x = px[i], y = py[i], m0 = mx[i], m1 = my[i], v0 = vx[i], v1 = vy[i];
    double a0 = kAmsgrad ? maxx[i] : 0.0, a1 = kAmsgrad ? maxy[i] : 0.0;
    adam_coordinate<P, kAmsgrad, kDecoupled>(sign * gx[i], x, m0, v0, a0, beta1[i], beta2[i], eps[i],
                                             weight_decay[i], decay, step_size, bc2_sqrt[i]);
    adam_coordinate<P, kAmsgrad, kDecoupled>(sign * gy[i], y, m1, v1, a1, beta1[i], beta2[i], eps[i],
                                             weight_decay[i], decay, step_size, bc2_sqrt[i]);
    px[i] = x, py[i] = y, mx[i] = m0, my[i] = m1, vx[i] = v0, vy[i] = v1;
    if (kAmsgrad) maxx[i] = a0, maxy[i] = a1;
  }
}

template <class P, bool kDecoupled, class State>
void adam_step(const bool amsgrad, const bool maximize, const Chunk* h, const Chunk* t, State& s, Chunk* p,
               const Chunk* g) {
  if (amsgrad)
    adam_lanes<P, true, kDecoupled>(h, t, s, p, g, maximize);
  else
    adam_lanes<P, false, kDecoupled>(h, t, s, p, g, maximize);
}

struct AdamFamily {
  using Algorithm = AdamAlgorithm;
  using Options = AdamOptions;
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 5> keys{{{"lr", &Options::lr},
                                                             {"beta1", &Options::beta1},
                                                             {"beta2", &Options::beta2},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay}}};
  enum { kStepSize, kBiasCorrection2Sqrt };
  // step_size = lr / bias_correction1 (a quotient table), sqrt(1 - beta2**step).
  static constexpr std::array<TableDef, 2> tables{
      {{kBeta1, &one_minus_pow, 0, kLr}, {kBeta2, &sqrt_one_minus_pow, 0}}};
  struct State {
    Chunk exp_avg[2], exp_avg_sq[2], max_exp_avg_sq[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = s.max_exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    adam_step<P, false>(o.amsgrad, o.maximize, h, t, s, p, g);
  }
};

struct AdamWFamily {
  using Algorithm = AdamWAlgorithm;
  using Options = AdamWOptions;
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 5> keys{{{"lr", &Options::lr},
                                                             {"beta1", &Options::beta1},
                                                             {"beta2", &Options::beta2},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay}}};
  static constexpr std::array<TableDef, 2> tables = AdamFamily::tables;
  using State = AdamFamily::State;
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = s.max_exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    adam_step<P, true>(o.amsgrad, o.maximize, h, t, s, p, g);
  }
};

struct AdamaxFamily {
  using Algorithm = AdamaxAlgorithm;
  using Options = AdamaxOptions;
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 5> keys{{{"lr", &Options::lr},
                                                             {"beta1", &Options::beta1},
                                                             {"beta2", &Options::beta2},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay}}};
  enum { kBeta1Pow };
  static constexpr std::array<TableDef, 1> tables{{{kBeta1, &pow_step, 0}}};
  struct State {
    Chunk exp_avg[2], exp_inf[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_inf[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    const Chunk clr = h[kLr] / (1.0 - t[kBeta1Pow]);
    for (int c = 0; c < 2; ++c) {
      Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.exp_avg[c] = P::fma(1.0 - h[kBeta1], grad, s.exp_avg[c] * h[kBeta1]);
      s.exp_inf[c] = nan_maximum(s.exp_inf[c] * h[kBeta2], grad.abs() + h[kEps]);
      p[c] = p[c] + (-clr * s.exp_avg[c]) / s.exp_inf[c];
    }
  }
};

inline double pow_096(double momentum_decay, double step) { return std::pow(0.96, step * momentum_decay); }

struct NadamFamily {
  using Algorithm = NadamAlgorithm;
  using Options = NadamOptions;
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay, kMomentumDecay };
  static constexpr std::array<NumericKey<Options>, 6> keys{{{"lr", &Options::lr},
                                                             {"beta1", &Options::beta1},
                                                             {"beta2", &Options::beta2},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay},
                                                             {"momentum_decay", &Options::momentum_decay}}};
  enum { kBeta2Pow, kDecayPow, kDecayPowNext };
  static constexpr std::array<TableDef, 3> tables{
      {{kBeta2, &pow_step, 0}, {kMomentumDecay, &pow_096, 0}, {kMomentumDecay, &pow_096, 1}}};
  struct State {
    Chunk mu_product;
    Chunk exp_avg[2], exp_avg_sq[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    s.mu_product = Chunk::Ones();
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options&, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    const Chunk bias_correction2 = 1.0 - t[kBeta2Pow];
    const Chunk mu = h[kBeta1] * (1.0 - 0.5 * t[kDecayPow]);
    const Chunk mu_next = h[kBeta1] * (1.0 - 0.5 * t[kDecayPowNext]);
    s.mu_product *= mu;
    const Chunk mu_product_next = s.mu_product * mu * mu_next;
    const Chunk grad_value = -h[kLr] * (1.0 - mu) / (1.0 - s.mu_product);
    const Chunk avg_value = -h[kLr] * mu_next / (1.0 - mu_product_next);
    for (int c = 0; c < 2; ++c) {
      Chunk grad = g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.exp_avg[c] = P::fma(1.0 - h[kBeta1], grad, s.exp_avg[c] * h[kBeta1]);
      s.exp_avg_sq[c] = P::fma((1.0 - h[kBeta2]) * grad, grad, s.exp_avg_sq[c] * h[kBeta2]);
      const Chunk denom = sqrt_(s.exp_avg_sq[c] / bias_correction2) + h[kEps];
      p[c] = p[c] + (grad_value * grad) / denom;
      p[c] = p[c] + (avg_value * s.exp_avg[c]) / denom;
    }
  }
};

struct RadamFamily {
  using Algorithm = RadamAlgorithm;
  using Options = RadamOptions;
  enum { kLr, kBeta1, kBeta2, kEps, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 5> keys{{{"lr", &Options::lr},
                                                             {"beta1", &Options::beta1},
                                                             {"beta2", &Options::beta2},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay}}};
  enum { kBeta1Pow, kBeta2Pow };
  static constexpr std::array<TableDef, 2> tables{{{kBeta1, &pow_step, 0}, {kBeta2, &pow_step, 0}}};
  struct State {
    Chunk exp_avg[2], exp_avg_sq[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options&, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double step) {
    const Chunk bias_correction1 = 1.0 - t[kBeta1Pow], bias_correction2 = 1.0 - t[kBeta2Pow];
    const Chunk rho_inf = 2.0 / (1.0 - h[kBeta2]) - 1.0;
    const Chunk rho_t = rho_inf - 2.0 * step * t[kBeta2Pow] / bias_correction2;
    const auto rectified = rho_t > 5.0;
    const Chunk rect = sqrt_((rho_t - 4.0) * (rho_t - 2.0) * rho_inf / ((rho_inf - 4.0) * (rho_inf - 2.0) * rho_t));
    const Chunk bc2_sqrt = sqrt_(bias_correction2);
    for (int c = 0; c < 2; ++c) {
      Chunk grad = g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.exp_avg[c] = P::fma(1.0 - h[kBeta1], grad, s.exp_avg[c] * h[kBeta1]);
      s.exp_avg_sq[c] = P::fma((1.0 - h[kBeta2]) * grad, grad, s.exp_avg_sq[c] * h[kBeta2]);
      const Chunk bias_corrected_exp_avg = s.exp_avg[c] / bias_correction1;
      const Chunk adaptive_lr = (sqrt_(s.exp_avg_sq[c]) + h[kEps]).inverse() * bc2_sqrt;
      const Chunk update = (bias_corrected_exp_avg * h[kLr]) * adaptive_lr * rect;
      const Chunk plain = bias_corrected_exp_avg * h[kLr];
      p[c] = P::fma(Chunk::Constant(-1.0), rectified.select(update, plain), p[c]);
    }
  }
};

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
