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
// safe exponent range (and for zeros, infinities, NaN) it defers to std::fma. Compiled without
// contraction (-ffp-contract=off), as the whole core is. tests/exact_fma_test.cpp compares it
// with the hardware instruction.
#include <cmath>
#include <cstdint>
#include <cstring>

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

}  // namespace adamlab
