#pragma once
// Colours of the network mode's maps, shared by the network diagram and the decision boundary so
// a reader matches them at a glance: class k has the run palette's k-th hue (class 0 orange,
// class 1 blue, as TensorFlow Playground colours its two classes), and signed values run from
// orange (negative) through a light grey (zero) to blue (positive), so "towards class 1" and
// "positive weight" read the same way.
#include <cstdint>

namespace adamlab {

constexpr std::uint32_t kDivergingNegative = 0xff7f0e;  // = class 0 (run palette index 0)
constexpr std::uint32_t kDivergingMiddle = 0xe8eaeb;    // TensorFlow Playground's neutral grey
constexpr std::uint32_t kDivergingPositive = 0x1f77b4;  // = class 1 (run palette index 1)

// 0xRRGGBB for t in [0, 1] (clamped; NaN gives a dark grey, so a diverged map stands out):
// 0 orange, 0.5 grey, 1 blue, linear in sRGB between them as TensorFlow Playground's scale.
std::uint32_t diverging_rgb(double t);
// The colour of class k (k >= 0; the palette repeats past its ten hues).
std::uint32_t class_colour_rgb(int k);
// A probability p of class k: the neutral grey at 0, the class's colour at 1.
std::uint32_t probability_rgb(double p, int k);
// Linear blend of two 0xRRGGBB colours, t in [0, 1] clamped.
std::uint32_t blend_rgb(std::uint32_t a, std::uint32_t b, double t);

}  // namespace adamlab
