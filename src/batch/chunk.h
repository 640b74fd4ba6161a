#pragma once
// The unit of work of the batched engine: a fixed-size block of runs held as structure-of-arrays
// (one Eigen array per quantity, one lane per run). Fixed size keeps every temporary on the
// stack and a whole block's state in L1/L2 while it is stepped; Eigen vectorises the array
// expressions natively and clang auto-vectorises them for WebAssembly with -msimd128.
#include <Eigen/Core>
#include <cmath>
#include <cstdint>
#include <limits>

// Benchmarks compile the engine with -march=native into their own binary; a different inline
// namespace keeps those instantiations from colliding with the core library's (ODR).
#ifndef ADAMLAB_BATCH_ABI
#define ADAMLAB_BATCH_ABI core
#endif
#ifndef ADAMLAB_BATCH_CHUNK
#define ADAMLAB_BATCH_CHUNK 64
#endif

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

constexpr int kChunk = ADAMLAB_BATCH_CHUNK;
using Chunk = Eigen::Array<double, kChunk, 1>;
using ChunkIndex = Eigen::Array<int, kChunk, 1>;

// How the kernels round the operations torch's ATen kernels fuse (see optim/torch_ops.h).
//   Fused:   std::fma, exactly as the scalar kernels: every run is bit-identical to sim/Run.
//            Fast where the target has FMA and the compiler may use it (-mfma / -march=native);
//            a libm call per element elsewhere, and a slow software fma in WebAssembly.
//   Unfused: a*b + c in two roundings: vectorises on every target; agrees with Run to ~1e-13
//            relative over typical runs (tests pin 1e-12), not bit for bit.
struct Fused {
  template <class A, class B, class C>
  static Chunk fma(const A& a, const B& b, const C& c) {
    const Chunk aa = a, bb = b, cc = c;
    Chunk out;
    for (int i = 0; i < kChunk; ++i) out[i] = std::fma(aa[i], bb[i], cc[i]);
    return out;
  }
  static double fma1(double a, double b, double c) { return std::fma(a, b, c); }
};
struct Unfused {
  template <class A, class B, class C>
  static Chunk fma(const A& a, const B& b, const C& c) {
    return Chunk(a) * Chunk(b) + Chunk(c);
  }
  static double fma1(double a, double b, double c) { return a * b + c; }
};

// Lane kernels (families_adam.h, BatchRuns' bookkeeping) are one plain loop over the lanes of a
// chunk with every statement of a step in its body: intermediates stay in registers, and GCC
// (-march=native) and clang (-msimd128, f64x2) vectorise the loop as a whole. A chunk's arrays
// never overlap; the vectorisers ignore restrict on local pointers, so ADAMLAB_LANES precedes
// each such loop and says it (without it GCC gives up on the dozens of runtime alias checks).
#define ADAMLAB_RESTRICT __restrict
#if defined(__clang__)
#define ADAMLAB_LANES _Pragma("clang loop vectorize(assume_safety)")
#elif defined(__GNUC__)
#define ADAMLAB_LANES _Pragma("GCC ivdep")
#else
#define ADAMLAB_LANES
#endif

// torch.maximum on one lane: NaN if either side is NaN (x != x is isnan without a libm call).
inline double nan_maximum1(double a, double b) {
  const double m = a > b ? a : b;
  return (a != a || b != b) ? std::numeric_limits<double>::quiet_NaN() : m;
}

// Correctly rounded sqrt, vectorised. Eigen 3.4 with EIGEN_FAST_MATH=0 has no packet sqrt for
// double under AVX-512 (the whole expression around it then runs scalar), and none at all for
// WebAssembly; a plain std::sqrt loop vectorises there (-fno-math-errno, clang's default for
// wasm). Builds that set ADAMLAB_BATCH_SQRT_LOOP (benchmarks, WASM) take the loop; the core
// build (SSE2, where Eigen's _mm_sqrt_pd is exact) keeps Eigen's.
template <class D>
Chunk sqrt_(const Eigen::ArrayBase<D>& a) {
#ifdef ADAMLAB_BATCH_SQRT_LOOP
  const Chunk in = a;
  Chunk out;
  for (int i = 0; i < kChunk; ++i) out[i] = std::sqrt(in[i]);
  return out;
#else
  return a.sqrt();
#endif
}

// torch.maximum elementwise: NaN if either side is NaN.
inline Chunk nan_maximum(const Chunk& a, const Chunk& b) {
  const Chunk m = (a > b).select(a, b);
  return (a.isNaN() || b.isNaN()).select(Chunk::Constant(std::numeric_limits<double>::quiet_NaN()), m);
}

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
