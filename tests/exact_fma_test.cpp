// core/exact_fma.h: the WebAssembly build's fma emulation gives the hardware fma's result bit
// for bit (here std::fma is the x86-64 instruction, or glibc's exact routine without one).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "core/exact_fma.h"

namespace adamlab {
namespace {

void expect_fma(double a, double b, double c) {
  const double want = std::fma(a, b, c), got = emulated_fma(a, b, c);
  if (std::isnan(want)) {
    EXPECT_TRUE(std::isnan(got)) << a << " " << b << " " << c;
    return;
  }
  EXPECT_EQ(std::memcmp(&want, &got, sizeof want), 0) << std::hexfloat << a << " * " << b << " + " << c << ": " << got
                                                      << " instead of " << want;
}

double with_low_bits_cleared(double v, int bits) {
  std::uint64_t u;
  std::memcpy(&u, &v, sizeof u);
  u &= ~((std::uint64_t{1} << bits) - 1);
  std::memcpy(&v, &u, sizeof v);
  return v;
}

TEST(ExactFma, EmulationMatchesTheHardwareOnRandomOperands) {
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> exponent(-80, 80);
  for (int i = 0; i < 400'000; ++i) {
    const double a = std::ldexp(unit(rng), exponent(rng)), b = std::ldexp(unit(rng), exponent(rng));
    expect_fma(a, b, std::ldexp(unit(rng), exponent(rng)));
    expect_fma(a, b, -(a * b));                                            // cancellation to the product's error
    expect_fma(a, b, -(a * b) * (1 + std::ldexp(unit(rng), -45)));         // near-cancellation
    // 27-bit operands multiply exactly: the sum alone rounds, and hits ties.
    const double a27 = with_low_bits_cleared(a, 26), b27 = with_low_bits_cleared(b, 26);
    expect_fma(a27, b27, std::ldexp(unit(rng), exponent(rng)));
    expect_fma(a27, b27, std::ldexp(1.0, std::ilogb(a27 * b27) + 53) * (unit(rng) > 0 ? 1 : -1));
  }
}

TEST(ExactFma, EmulationMatchesTheHardwareAtTheEdges) {
  const double inf = std::numeric_limits<double>::infinity(), nan = std::numeric_limits<double>::quiet_NaN();
  const double tiny = std::numeric_limits<double>::denorm_min(), big = std::numeric_limits<double>::max();
  const double values[] = {0.0, -0.0, 1.0, -1.0, 0.1, 3.0, 1e-310, tiny, 2.2250738585072014e-308, 1e300, big, inf, -inf, nan,
                           std::ldexp(1.0, -400), std::ldexp(1.0, 400), std::ldexp(1.0, -401), std::ldexp(1.0, 401)};
  for (double a : values)
    for (double b : values)
      for (double c : values) expect_fma(a, b, c);
}

// The vector form: a safe vector goes through the branch-free loop, one unsafe element sends the
// whole vector through the scalar emulation; either way every element is the hardware's fma.
TEST(ExactFma, EmulatedVectorFormMatchesTheHardware) {
  std::mt19937_64 rng(5);
  std::uniform_real_distribution<double> unit(-1, 1);
  std::uniform_int_distribution<int> exponent(-60, 60), pick(0, 9);
  for (int trial = 0; trial < 20'000; ++trial) {
    const int n = 1 + trial % 37;
    std::vector<double> a(n), b(n), c(n);
    for (int i = 0; i < n; ++i) {
      a[i] = pick(rng) == 0 ? 0.0 : std::ldexp(unit(rng), exponent(rng));
      b[i] = pick(rng) == 0 ? -0.0 : std::ldexp(unit(rng), exponent(rng));
      const int kind = pick(rng);
      c[i] = kind == 0 ? 0.0 : kind == 1 ? -0.0 : kind == 2 ? -(a[i] * b[i]) : std::ldexp(unit(rng), exponent(rng));
    }
    if (trial % 5 == 0) a[trial % n] = std::ldexp(1.0, 500);  // out of the safe range: the scalar path
    std::vector<double> want = c;
    for (int i = 0; i < n; ++i) want[i] = std::fma(a[i], b[i], c[i]);
    emulated_fma_each(c.data(), n, [&](std::ptrdiff_t i) { return a[i]; }, [&](std::ptrdiff_t i) { return b[i]; });
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(std::memcmp(&want[i], &c[i], sizeof(double)), 0)
          << std::hexfloat << a[i] << " * " << b[i] << " + c: " << c[i] << " instead of " << want[i];
  }
}

}  // namespace
}  // namespace adamlab
