#include "sim/noise.h"

#include <cmath>

#include "core/error.h"

namespace adamlab {
namespace noise_detail {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

// log u = e ln2 + log m with m in [sqrt(1/2), sqrt(2)), and log m = 2 atanh(s), s = (m-1)/(m+1),
// |s| < 0.172: the odd series to s^25 is below 1e-19 relative. frexp is exact.
double log_unit(double u) {
  int e = 0;
  double m = std::frexp(u, &e);
  if (m < 0.70710678118654752) {
    m *= 2.0;
    e -= 1;
  }
  const double s = (m - 1.0) / (m + 1.0), s2 = s * s;
  double series = 1.0 / 25.0;
  for (int k = 23; k >= 1; k -= 2) series = series * s2 + 1.0 / k;
  return static_cast<double>(e) * 0.69314718055994531 + 2.0 * s * series;
}

namespace {

// Taylor series on [0, pi/4]: the terms stop below 1e-20.
void sin_cos_small(double a, double& s, double& c) {
  const double a2 = a * a;
  double cs = 1.0, ss = 1.0;
  for (int k = 20; k >= 2; k -= 2) cs = 1.0 - cs * a2 / (k * (k - 1.0));
  for (int k = 21; k >= 3; k -= 2) ss = 1.0 - ss * a2 / (k * (k - 1.0));
  c = cs;
  s = a * ss;
}

}  // namespace

double cos_two_pi(double u) {
  constexpr double kHalfPi = 1.5707963267948966;
  const double t = 4.0 * u;  // exact
  const double q = std::floor(t);
  const double r = t - q;  // exact, in [0, 1): the angle r*pi/2 within quadrant q
  double s = 0.0, c = 0.0;
  if (r <= 0.5) {
    sin_cos_small(r * kHalfPi, s, c);
  } else {
    sin_cos_small((1.0 - r) * kHalfPi, c, s);  // cos(phi) = sin(pi/2 - phi)
  }
  switch (static_cast<int>(q) & 3) {
    case 0: return c;
    case 1: return -s;
    case 2: return -c;
    default: return s;
  }
}

}  // namespace noise_detail

double standard_normal(std::uint64_t seed, std::int64_t step, int coordinate) {
  using noise_detail::splitmix64;
  const std::uint64_t base = splitmix64(splitmix64(seed) ^ static_cast<std::uint64_t>(step));
  const std::uint64_t h1 = splitmix64(base ^ (2u * static_cast<std::uint64_t>(coordinate)));
  const std::uint64_t h2 = splitmix64(base ^ (2u * static_cast<std::uint64_t>(coordinate) + 1u));
  constexpr double kUnit = 1.0 / 9007199254740992.0;  // 2^-53
  const double u1 = static_cast<double>((h1 >> 11) + 1) * kUnit;  // (0, 1]: log stays finite
  const double u2 = static_cast<double>(h2 >> 11) * kUnit;        // [0, 1)
  return std::sqrt(-2.0 * noise_detail::log_unit(u1)) * noise_detail::cos_two_pi(u2);
}

double GradientNoise::scale(std::int64_t step, int coordinate) const {
  return std * standard_normal(seed, step, coordinate);
}

GradientNoise parse_noise(const std::string& text) {
  const Spec spec = parse_spec(text);
  GradientNoise noise;
  if (spec.name == "none") {
    SpecReader(spec, "noise").finish();
    return noise;
  }
  if (spec.name != "gaussian") throw Error("unknown noise '" + spec.name + "' (known: none, gaussian)");
  SpecReader reader(spec, "noise");
  const bool has_std = reader.has("std");
  noise.std = reader.number("std", 0.0);
  noise.relative = reader.boolean("relative", false);
  reader.finish();  // a misspelt key is the better message
  if (!has_std) throw Error("noise gaussian needs std (e.g. gaussian:std=0.5)");
  if (!(noise.std >= 0.0)) throw Error("noise gaussian needs std >= 0, got std=" + format_number(noise.std));
  return noise;
}

Spec noise_spec(const GradientNoise& noise) {
  if (!noise.enabled()) return Spec{"none", {}};
  Spec s{"gaussian", {}};
  s.set("std", format_number(noise.std));
  s.set("relative", format_bool(noise.relative));
  return s;
}

std::uint64_t parse_seed(const std::string& text, const std::string& what) {
  const std::int64_t value = parse_integer(text, what);
  if (value < 0) throw Error("invalid " + what + " '" + text + "' (must be >= 0)");
  return static_cast<std::uint64_t>(value);
}

}  // namespace adamlab
