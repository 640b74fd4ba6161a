// One optimizer step over a large float32 parameter vector (n = 1e3 .. 1e7), for every
// optimizer, beside a memory-bandwidth kernel of Adam's shape (read p, g, m, v; write p, m, v).
//   BM_VecCore/<opt>/n     the core kernel (optim/<opt>.h, <float>) over the whole vector: one
//                          pass over memory per tensor op, as torch's foreach=False does.
//   BM_VecBlocked/<opt>/n  blocked_kernels.h: the core kernel's statements run block by block
//                          (256 elements, temporaries on the stack): identical math and bits
//                          (checked against the core kernel before timing), one pass over memory.
//   BM_Bandwidth/n         the floor: 28 bytes per parameter moved once.
// items_per_second counts parameters; bench/compare_torch.py prints ns/param.
#include <benchmark/benchmark.h>

#include <cstring>
#include <string>

#include "blocked_kernels.h"

namespace {

using adamlab::VecX;
using VecF = VecX<float>;

template <class State, class Step>
void vector_step(benchmark::State& st, Step step) {
  const Eigen::Index n = st.range(0);
  VecF p = VecF::Random(n), g = VecF::Random(n) * 0.1f;
  State state;
  step(p, g, state);  // torch creates the state at the first step; time the steady state
  for (auto _ : st) {
    step(p, g, state);
    benchmark::ClobberMemory();
  }
  st.SetItemsProcessed(st.iterations() * n);
}

// The blocked kernel must reproduce the core kernel bit for bit (a few steps, a ragged last block).
template <class State, class Core, class Blocked>
bool same_bits(Core core, Blocked blocked) {
  const Eigen::Index n = 3 * adamlab::blocked::kBlock + 37;
  VecF p1 = VecF::Random(n), g = VecF::Random(n) * 0.1f, p2 = p1;
  State s1, s2;
  for (int k = 0; k < 4; ++k) {
    core(p1, g, s1);
    blocked(p2, g, s2);
    g = g.reverse().eval();
  }
  return std::memcmp(p1.data(), p2.data(), sizeof(float) * static_cast<std::size_t>(n)) == 0;
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

template <class State, class Core, class Blocked>
void register_optimizer(const std::string& name, Core core, Blocked blocked) {
  benchmark::RegisterBenchmark(("BM_VecCore/" + name).c_str(),
                               [=](benchmark::State& st) { vector_step<State>(st, core); })
      ->RangeMultiplier(10)
      ->Range(1000, 10'000'000)
      ->Unit(benchmark::kMicrosecond);
  benchmark::RegisterBenchmark(("BM_VecBlocked/" + name).c_str(),
                               [=](benchmark::State& st) {
                                 if (!same_bits<State>(core, blocked)) {
                                   st.SkipWithError("blocked kernel differs from the core kernel");
                                   return;
                                 }
                                 vector_step<State>(st, blocked);
                               })
      ->RangeMultiplier(10)
      ->Range(1000, 10'000'000)
      ->Unit(benchmark::kMicrosecond);
}

using Ref = Eigen::Ref<VecF>;
using CRef = const Eigen::Ref<const VecF>&;
namespace b = adamlab::blocked;

// One line per optimizer: its core kernel and its blocked kernel, default options (SGD: lr 1e-3
// with momentum 0.9, the usual configuration).
#define ADAMLAB_VEC_BENCH(name, State, Options, options)                                                        \
  register_optimizer<adamlab::State<float>>(                                                                  \
      #name, [](Ref p, CRef g, adamlab::State<float>& s) { adamlab::name##_step<float>(p, g, s, options); }, \
      [](Ref p, CRef g, adamlab::State<float>& s) { b::name##_step<float>(p, g, s, options); })

adamlab::SgdOptions sgd_options() {
  adamlab::SgdOptions o(1e-3);
  o.momentum = 0.9;
  return o;
}

const int kRegistered = [] {
  ADAMLAB_VEC_BENCH(adadelta, AdadeltaState, AdadeltaOptions, adamlab::AdadeltaOptions{});
  ADAMLAB_VEC_BENCH(adagrad, AdagradState, AdagradOptions, adamlab::AdagradOptions{});
  ADAMLAB_VEC_BENCH(adam, AdamState, AdamOptions, adamlab::AdamOptions{});
  ADAMLAB_VEC_BENCH(adamax, AdamaxState, AdamaxOptions, adamlab::AdamaxOptions{});
  ADAMLAB_VEC_BENCH(adamw, AdamWState, AdamWOptions, adamlab::AdamWOptions{});
  ADAMLAB_VEC_BENCH(nadam, NadamState, NadamOptions, adamlab::NadamOptions{});
  ADAMLAB_VEC_BENCH(radam, RadamState, RadamOptions, adamlab::RadamOptions{});
  ADAMLAB_VEC_BENCH(rmsprop, RmspropState, RmspropOptions, adamlab::RmspropOptions{});
  ADAMLAB_VEC_BENCH(sgd, SgdState, SgdOptions, sgd_options());
  return 0;
}();

}  // namespace
