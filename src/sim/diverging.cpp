#include "sim/diverging.h"

#include <algorithm>
#include <cmath>

namespace adamlab {

std::uint32_t blend_rgb(std::uint32_t a, std::uint32_t b, double t) {
  t = std::clamp(t, 0.0, 1.0);
  std::uint32_t out = 0;
  for (int shift = 0; shift <= 16; shift += 8) {
    const double ca = (a >> shift) & 0xff, cb = (b >> shift) & 0xff;
    out |= static_cast<std::uint32_t>(std::lround(ca + (cb - ca) * t)) << shift;
  }
  return out;
}

std::uint32_t diverging_rgb(double t) {
  if (std::isnan(t)) return 0x808080;
  t = std::clamp(t, 0.0, 1.0);
  return t < 0.5 ? blend_rgb(kDivergingNegative, kDivergingMiddle, 2 * t)
                 : blend_rgb(kDivergingMiddle, kDivergingPositive, 2 * t - 1);
}

std::uint32_t class_colour_rgb(int k) { return kClassColours[((k % kClassColourCount) + kClassColourCount) % kClassColourCount]; }

std::uint32_t probability_rgb(double p, int k) {
  if (std::isnan(p)) return 0x808080;
  return blend_rgb(kDivergingMiddle, class_colour_rgb(k), p);
}

}  // namespace adamlab
