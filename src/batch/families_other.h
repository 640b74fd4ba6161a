#pragma once
// Batched SGD, RMSprop, Adagrad and Adadelta: the kernels of optim/{sgd,rmsprop,adagrad,
// adadelta}.h over chunks of runs, line for line. torch's per-run `if` on a hyperparameter
// (momentum != 0, momentum > 0) becomes a per-lane select.
#include "batch/family.h"
#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/rmsprop.h"
#include "optim/sgd.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

struct SgdFamily {
  using Algorithm = SgdAlgorithm;
  using Options = SgdOptions;
  enum { kLr, kMomentum, kDampening, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 4> keys{{{"lr", &Options::lr},
                                                             {"momentum", &Options::momentum},
                                                             {"dampening", &Options::dampening},
                                                             {"weight_decay", &Options::weight_decay}}};
  static constexpr std::array<TableDef, 0> tables{};
  struct State {
    Chunk momentum_buffer[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.momentum_buffer[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk*, State& s, Chunk* p, Chunk* g, double step) {
    const auto with_momentum = h[kMomentum] != 0.0;
    const bool any_momentum = with_momentum.any();
    for (int c = 0; c < 2; ++c) {
      Chunk d_p = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(d_p, p[c], h[kWeightDecay]);
      if (any_momentum) {
        Chunk& buf = s.momentum_buffer[c];
        if (step == 1.0)
          buf = d_p;  // torch.clone(d_p): the first buffer is not dampened
        else
          buf = P::fma(1.0 - h[kDampening], d_p, buf * h[kMomentum]);
        const Chunk momentum_d_p = o.nesterov ? P::fma(h[kMomentum], buf, d_p) : buf;
        d_p = with_momentum.select(momentum_d_p, d_p);
      }
      p[c] = P::fma(-h[kLr], d_p, p[c]);
    }
  }
};

struct RmspropFamily {
  using Algorithm = RmspropAlgorithm;
  using Options = RmspropOptions;
  enum { kLr, kAlpha, kEps, kWeightDecay, kMomentum };
  static constexpr std::array<NumericKey<Options>, 5> keys{{{"lr", &Options::lr},
                                                             {"alpha", &Options::alpha},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay},
                                                             {"momentum", &Options::momentum}}};
  static constexpr std::array<TableDef, 0> tables{};
  struct State {
    Chunk square_avg[2], momentum_buffer[2], grad_avg[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.square_avg[c] = s.momentum_buffer[c] = s.grad_avg[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk*, State& s, Chunk* p, Chunk* g, double) {
    const auto with_momentum = h[kMomentum] > 0.0;
    const bool any_momentum = with_momentum.any();
    for (int c = 0; c < 2; ++c) {
      Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.square_avg[c] = P::fma((1.0 - h[kAlpha]) * grad, grad, s.square_avg[c] * h[kAlpha]);
      Chunk avg;
      if (o.centered) {
        s.grad_avg[c] = P::fma(1.0 - h[kAlpha], grad, s.grad_avg[c] * h[kAlpha]);
        avg = sqrt_(P::fma(-1.0 * s.grad_avg[c], s.grad_avg[c], s.square_avg[c]));
      } else {
        avg = sqrt_(s.square_avg[c]);
      }
      avg += h[kEps];
      const Chunk plain = p[c] + (-h[kLr] * grad) / avg;
      if (any_momentum) {
        Chunk& buf = s.momentum_buffer[c];
        buf = buf * h[kMomentum] + (1.0 * grad) / avg;
        p[c] = with_momentum.select(P::fma(-h[kLr], buf, p[c]), plain);
      } else {
        p[c] = plain;
      }
    }
  }
};

struct AdagradFamily {
  using Algorithm = AdagradAlgorithm;
  using Options = AdagradOptions;
  enum { kLr, kLrDecay, kWeightDecay, kInitialAccumulatorValue, kEps };
  static constexpr std::array<NumericKey<Options>, 5> keys{
      {{"lr", &Options::lr},
       {"lr_decay", &Options::lr_decay},
       {"weight_decay", &Options::weight_decay},
       {"initial_accumulator_value", &Options::initial_accumulator_value},
       {"eps", &Options::eps}}};
  static constexpr std::array<TableDef, 0> tables{};
  struct State {
    Chunk sum[2];
  };
  static void init(const Options&, const Chunk* h, State& s) {
    for (int c = 0; c < 2; ++c) s.sum[c] = h[kInitialAccumulatorValue];
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk*, State& s, Chunk* p, Chunk* g, double step) {
    const Chunk clr = h[kLr] / (1.0 + (step - 1.0) * h[kLrDecay]);
    for (int c = 0; c < 2; ++c) {
      Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.sum[c] = P::fma(1.0 * grad, grad, s.sum[c]);
      const Chunk std_ = sqrt_(s.sum[c]) + h[kEps];
      p[c] = p[c] + (-clr * grad) / std_;
    }
  }
};

struct AdadeltaFamily {
  using Algorithm = AdadeltaAlgorithm;
  using Options = AdadeltaOptions;
  enum { kLr, kRho, kEps, kWeightDecay };
  static constexpr std::array<NumericKey<Options>, 4> keys{{{"lr", &Options::lr},
                                                             {"rho", &Options::rho},
                                                             {"eps", &Options::eps},
                                                             {"weight_decay", &Options::weight_decay}}};
  static constexpr std::array<TableDef, 0> tables{};
  struct State {
    Chunk square_avg[2], acc_delta[2];
  };
  static void init(const Options&, const Chunk*, State& s) {
    for (int c = 0; c < 2; ++c) s.square_avg[c] = s.acc_delta[c] = Chunk::Zero();
  }
  template <class P>
  static void step(const Options& o, const Chunk* h, const Chunk*, State& s, Chunk* p, Chunk* g, double) {
    for (int c = 0; c < 2; ++c) {
      Chunk grad = o.maximize ? Chunk(-g[c]) : g[c];
      add_weight_decay<P>(grad, p[c], h[kWeightDecay]);
      s.square_avg[c] = P::fma((1.0 - h[kRho]) * grad, grad, s.square_avg[c] * h[kRho]);
      const Chunk std_ = sqrt_(s.square_avg[c] + h[kEps]);
      const Chunk delta = sqrt_(s.acc_delta[c] + h[kEps]) / std_ * grad;
      s.acc_delta[c] = P::fma((1.0 - h[kRho]) * delta, delta, s.acc_delta[c] * h[kRho]);
      p[c] = P::fma(-h[kLr], delta, p[c]);
    }
  }
};

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
