// One optimizer step over a large float32 parameter vector (n = 1e3 .. 1e7), for every
// optimizer, beside a memory-bandwidth kernel of Adam's shape (read p, g, m, v; write p, m, v).
//   BM_VecCore/<opt>/n     the core kernel (optim/<opt>.h, <float>) over the whole vector: one
//                          pass over memory per tensor op, as torch's foreach=False does.
//   BM_VecBlocked/<opt>/n  the same core kernel, called per cache-sized block (its own State per
//                          block): identical math, every op of a block while it is in L1/L2.
//   BM_Bandwidth/n         the floor: 28 bytes per parameter moved once.
// items_per_second counts parameters; bench/compare_torch.py prints ns/param.
#include <benchmark/benchmark.h>

#include <vector>

#include "optim/adadelta.h"
#include "optim/adagrad.h"
#include "optim/adam.h"
#include "optim/adamax.h"
#include "optim/adamw.h"
#include "optim/nadam.h"
#include "optim/radam.h"
#include "optim/rmsprop.h"
#include "optim/sgd.h"

namespace {

using adamlab::VecX;
using VecF = VecX<float>;
constexpr Eigen::Index kBlock = 2048;  // 8 KB per array: a block's 7 arrays stay in L2

template <class State, class Step>
void vector_step(benchmark::State& st, Step step, bool blocked) {
  const Eigen::Index n = st.range(0);
  VecF p = VecF::Random(n), g = VecF::Random(n) * 0.1f;
  const Eigen::Index block = blocked ? kBlock : n;
  std::vector<State> states(static_cast<std::size_t>((n + block - 1) / block));
  auto once = [&] {
    for (Eigen::Index b = 0, i = 0; i < n; ++b, i += block) {
      const Eigen::Index len = std::min(block, n - i);
      step(p.segment(i, len), g.segment(i, len), states[static_cast<std::size_t>(b)]);
    }
  };
  once();  // torch creates the state at the first step; time the steady state
  for (auto _ : st) {
    once();
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(st.iterations() * n);
}

void BM_Bandwidth(benchmark::State& st) {
  const Eigen::Index n = st.range(0);
  std::vector<float> p(n, 0.5f), g(n, 0.01f), m(n, 0.f), v(n, 0.f);
  for (auto _ : st) {
    float* __restrict pp = p.data();
    float* __restrict mm = m.data();
    float* __restrict vv = v.data();
    const float* __restrict gg = g.data();
    for (Eigen::Index i = 0; i < n; ++i) {
      mm[i] = 0.5f * mm[i] + gg[i];
      vv[i] = 0.5f * vv[i] + gg[i];
      pp[i] -= 1e-3f * (mm[i] + vv[i]);
    }
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(st.iterations() * n);
}
BENCHMARK(BM_Bandwidth)->RangeMultiplier(10)->Range(1000, 10'000'000)->Unit(benchmark::kMicrosecond);

template <class State, class Step>
void register_optimizer(const std::string& name, Step step) {
  for (bool blocked : {false, true})
    benchmark::RegisterBenchmark(((blocked ? "BM_VecBlocked/" : "BM_VecCore/") + name).c_str(),
                                 [=](benchmark::State& st) { vector_step<State>(st, step, blocked); })
        ->RangeMultiplier(10)
        ->Range(1000, 10'000'000)
        ->Unit(benchmark::kMicrosecond);
}

using Ref = Eigen::Ref<VecF>;
using CRef = const Eigen::Ref<const VecF>&;

const int kRegistered = [] {
  register_optimizer<adamlab::AdadeltaState<float>>(
      "adadelta", [](Ref p, CRef g, adamlab::AdadeltaState<float>& s) { adamlab::adadelta_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::AdagradState<float>>(
      "adagrad", [](Ref p, CRef g, adamlab::AdagradState<float>& s) { adamlab::adagrad_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::AdamState<float>>(
      "adam", [](Ref p, CRef g, adamlab::AdamState<float>& s) { adamlab::adam_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::AdamaxState<float>>(
      "adamax", [](Ref p, CRef g, adamlab::AdamaxState<float>& s) { adamlab::adamax_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::AdamWState<float>>(
      "adamw", [](Ref p, CRef g, adamlab::AdamWState<float>& s) { adamlab::adamw_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::NadamState<float>>(
      "nadam", [](Ref p, CRef g, adamlab::NadamState<float>& s) { adamlab::nadam_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::RadamState<float>>(
      "radam", [](Ref p, CRef g, adamlab::RadamState<float>& s) { adamlab::radam_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::RmspropState<float>>(
      "rmsprop", [](Ref p, CRef g, adamlab::RmspropState<float>& s) { adamlab::rmsprop_step<float>(p, g, s, {}); });
  register_optimizer<adamlab::SgdState<float>>("sgd", [](Ref p, CRef g, adamlab::SgdState<float>& s) {
    adamlab::SgdOptions o(1e-3);
    o.momentum = 0.9;  // a momentum buffer, as the usual configuration
    adamlab::sgd_step<float>(p, g, s, o);
  });
  return 0;
}();

}  // namespace
