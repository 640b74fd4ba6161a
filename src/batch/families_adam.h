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

// Adam and AdamW differ only in where weight decay enters.
template <class Options, class P>
void adam_moments_and_update(const Options& o, const Chunk& step_size, const Chunk& bc2_sqrt,
                             const Chunk& beta1, const Chunk& beta2, const Chunk& eps, const Chunk& grad,
                             Chunk& exp_avg, Chunk& exp_avg_sq, Chunk& max_exp_avg_sq, Chunk& param) {
  exp_avg = P::fma(1.0 - beta1, grad, exp_avg * beta1);
  exp_avg_sq = P::fma((1.0 - beta2) * grad, grad, exp_avg_sq * beta2);
  Chunk denom;
  if (o.amsgrad) {
    max_exp_avg_sq = nan_maximum(max_exp_avg_sq, exp_avg_sq);
    denom = sqrt_(max_exp_avg_sq) / bc2_sqrt;
  } else {
    denom = sqrt_(exp_avg_sq) / bc2_sqrt;
  }
  denom += eps;
  param = param + (-step_size * exp_avg) / denom;
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
  enum { kBeta1Pow, kBeta2Pow };
  static constexpr std::array<TableDef, 2> tables{{{kBeta1, &pow_step, 0}, {kBeta2, &pow_step, 0}}};
  struct State {
    Chunk exp_avg[2], exp_avg_sq[2], max_exp_avg_sq[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = s.max_exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    const Chunk bias_correction1 = 1.0 - t[kBeta1Pow], bias_correction2 = 1.0 - t[kBeta2Pow];
    const Chunk step_size = h[kLr] / bias_correction1;
    const Chunk bc2_sqrt = sqrt_(bias_correction2);
    for (int c = 0; c < 2; ++c) {
      Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      adam_moments_and_update<Options, P>(o, step_size, bc2_sqrt, h[kBeta1], h[kBeta2], h[kEps], grad, s.exp_avg[c],
                                          s.exp_avg_sq[c], s.max_exp_avg_sq[c], p[c]);
    }
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
  enum { kBeta1Pow, kBeta2Pow };
  static constexpr std::array<TableDef, 2> tables{{{kBeta1, &pow_step, 0}, {kBeta2, &pow_step, 0}}};
  using State = AdamFamily::State;
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.exp_avg[c] = s.exp_avg_sq[c] = s.max_exp_avg_sq[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk* t, State& s, Chunk* p, Chunk* g, double) {
    const Chunk decay = 1.0 - h[kLr] * h[kWeightDecay];
    const Chunk bias_correction1 = 1.0 - t[kBeta1Pow], bias_correction2 = 1.0 - t[kBeta2Pow];
    const Chunk step_size = h[kLr] / bias_correction1;
    const Chunk bc2_sqrt = sqrt_(bias_correction2);
    for (int c = 0; c < 2; ++c) {
      const Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      p[c] *= decay;
      adam_moments_and_update<Options, P>(o, step_size, bc2_sqrt, h[kBeta1], h[kBeta2], h[kEps], grad, s.exp_avg[c],
                                          s.exp_avg_sq[c], s.max_exp_avg_sq[c], p[c]);
    }
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
