#include "sim/colormap.h"

#include <algorithm>
#include <cmath>

namespace adamlab {

Rgb viridis(double t) {
  t = std::clamp(t, 0.0, 1.0);
  // Horner form of c0 + c1 t + ... + c6 t^6, one polynomial per channel (least-squares fit).
  static constexpr double c[7][3] = {
      {0.2777273272234177, 0.005407344544966578, 0.3340998053353061},
      {0.1050930431085774, 1.404613529898575, 1.384590162594685},
      {-0.3308618287255563, 0.214847559468213, 0.09509516302823659},
      {-4.634230498983486, -5.799100973351585, -19.33244095627987},
      {6.228269936347081, 14.17993336680509, 56.69055260068105},
      {4.776384997670288, -13.74514537774601, -65.35303263337234},
      {-5.435455855934631, 4.645852612178535, 26.3124352495832}};
  double v[3];
  for (int ch = 0; ch < 3; ++ch) {
    double acc = c[6][ch];
    for (int k = 5; k >= 0; --k) acc = acc * t + c[k][ch];
    v[ch] = std::clamp(acc, 0.0, 1.0);
  }
  return {static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2])};
}

const std::array<std::uint32_t, 256>& viridis_table() {
  static const std::array<std::uint32_t, 256> table = [] {
    std::array<std::uint32_t, 256> t{};
    for (int i = 0; i < 256; ++i) {
      const Rgb c = viridis(i / 255.0);
      auto byte = [](float f) { return static_cast<std::uint32_t>(std::lround(f * 255.0f)); };
      t[i] = byte(c.r) | (byte(c.g) << 8) | (byte(c.b) << 16) | (0xffu << 24);
    }
    return t;
  }();
  return table;
}

}  // namespace adamlab
