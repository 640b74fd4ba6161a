#pragma once
// fma(a, b, c) = a * b + c rounded once, as torch's fused kernels compute it (optim/torch_ops.h).
// x86-64 has it in hardware; WebAssembly has no fma instruction, and Emscripten's libc emulates
// it with integer arithmetic, slowly (on a network sweep in the worker, 38% of all time went to
// it). emulated_fma gets the identical, correctly rounded result from double operations, by
// Boldo and Melquiond's algorithm ("Emulation of a FMA and correctly-rounded sums: proved
// algorithms using rounding to odd", IEEE Trans. Computers 57(4), 2008):
//   (uh, ul) = a * b exactly (Dekker's product), (th, tl) = c + uh exactly (Knuth's TwoSum),
//   fma = RN(th + RO(tl + ul)), RO = round to odd.
// It is proved for operands whose products and sums neither overflow nor underflow; outside a
// safe exponent range (and for infinities, NaN and a zero sum of zeros) it defers to std::fma.
// Over a vector (fma_each, what the optimizer kernels call) one pass checks every operand and a
// branch-free loop the compiler turns into f64x2 SIMD does the rest: 7 ns an fma in the worker
// instead of ~40 for the libc routine. Compiled without contraction (-ffp-contract=off), as the
// whole core is. tests/exact_fma_test.cpp compares both with the hardware instruction.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <type_traits>

namespace adamlab {
namespace fma_detail {

inline std::uint64_t bits_of(double v) {
  std::uint64_t b;
  std::memcpy(&b, &v, sizeof b);
  return b;
}

// |v| in [2^-400, 2^400]: every product and error term of the algorithm stays a normal number.
inline bool in_safe_range(double v) {
  const std::uint64_t e = (bits_of(v) >> 52) & 0x7ff;
  return e >= 1023 - 400 && e <= 1023 + 400;
}

inline double two_sum(double a, double b, double& err) {
  const double s = a + b;
  const double bb = s - a;
  err = (a - (s - bb)) + (b - bb);
  return s;
}

inline double two_product(double a, double b, double& err) {
  constexpr double kSplit = 134217729.0;  // 2^27 + 1: Veltkamp's split into 26 + 27 bits
  const double p = a * b;
  double t = kSplit * a;
  const double ah = t - (t - a), al = a - ah;
  t = kSplit * b;
  const double bh = t - (t - b), bl = b - bh;
  err = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  return p;
}

// a + b rounded to odd: exact sums as they are, otherwise whichever neighbour has an odd last bit.
inline double add_round_to_odd(double a, double b) {
  double err;
  double s = two_sum(a, b, err);
  if (err != 0) {
    std::uint64_t b = bits_of(s);
    if ((b & 1) == 0) {
      // The exact sum lies between s and its neighbour on err's side, and that neighbour is odd.
      b += (err > 0) == (s > 0) ? 1 : -1;  // a step away from zero, or toward it
      std::memcpy(&s, &b, sizeof s);
    }
  }
  return s;
}

// The operands the branch-free form below computes exactly: each zero or in the safe range, and
// not a zero product added to a zero (whose sign the form could get wrong).
inline bool vector_safe(double a, double b, double c) {
  const bool zero_product = a == 0 || b == 0;
  return (a == 0 || in_safe_range(a)) && (b == 0 || in_safe_range(b)) && (c == 0 || in_safe_range(c)) &&
         !(zero_product && c == 0);
}

// The algorithm without branches (round to odd by integer arithmetic on the bits), so a loop of
// it vectorises. Exact for vector_safe operands: a zero product or a zero c passes through the
// error-free transformations as exact zeros.
inline double branch_free_fma(double a, double b, double c) {
  double ul, tl, err;
  const double uh = two_product(a, b, ul);
  const double th = two_sum(c, uh, tl);
  double s = two_sum(tl, ul, err);
  std::uint64_t sb, eb;
  std::memcpy(&sb, &s, sizeof sb);
  std::memcpy(&eb, &err, sizeof eb);
  const std::uint64_t inexact = (eb << 1) != 0, even = (sb & 1) == 0;
  const std::uint64_t away = ((eb ^ sb) >> 63) == 0;  // err has s's sign: one step away from zero
  sb += (inexact & even) * (away ? std::uint64_t{1} : ~std::uint64_t{0});
  std::memcpy(&s, &sb, sizeof s);
  return th + s;
}

}  // namespace fma_detail

inline double emulated_fma(double a, double b, double c) {
  using namespace fma_detail;
  if (a == 0 || b == 0) return a * b + c;  // a * b is an exact (signed) zero or NaN
  if (!in_safe_range(a) || !in_safe_range(b) || !(c == 0 || in_safe_range(c))) return std::fma(a, b, c);
  if (c == 0) return a * b;  // the exact product is not zero, so its sign wins
  double ul, tl;
  const double uh = two_product(a, b, ul);
  const double th = two_sum(c, uh, tl);
  return th + add_round_to_odd(tl, ul);
}

// The fma the optimizer kernels use.
inline double exact_fma(double a, double b, double c) {
#if defined(__wasm__)
  return emulated_fma(a, b, c);
#else
  return std::fma(a, b, c);
#endif
}
inline float exact_fma(float a, float b, float c) { return std::fma(a, b, c); }

// self[i] = fma(a(i), b(i), self[i]) for i < n, emulated (the WebAssembly path, testable anywhere).
template <class A, class B>
void emulated_fma_each(double* self, std::ptrdiff_t n, A a, B b) {
  bool safe = true;
  for (std::ptrdiff_t i = 0; i < n; ++i) safe &= fma_detail::vector_safe(a(i), b(i), self[i]);
  if (safe) {
    for (std::ptrdiff_t i = 0; i < n; ++i) self[i] = fma_detail::branch_free_fma(a(i), b(i), self[i]);
    return;
  }
  for (std::ptrdiff_t i = 0; i < n; ++i) self[i] = emulated_fma(a(i), b(i), self[i]);
}

// The same with this platform's exact fma: the instruction, or the emulation in WebAssembly.
template <class Scalar, class A, class B>
void fma_each(Scalar* self, std::ptrdiff_t n, A a, B b) {
#if defined(__wasm__)
  if constexpr (std::is_same_v<Scalar, double>) return emulated_fma_each(self, n, a, b);
#endif
  for (std::ptrdiff_t i = 0; i < n; ++i) self[i] = std::fma(a(i), b(i), self[i]);
}

}  // namespace adamlab
