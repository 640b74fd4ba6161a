#pragma once
// Colours of the network mode's maps, shared by the network diagram and the decision boundary so
// a reader matches them at a glance: TensorFlow Playground's orange for class 0 and blue for
// class 1, then the run palette's green, red, purple, brown, pink and cyan; signed values run from
// orange (negative) through a dark neutral (zero) to blue (positive), so "towards class 1" and
// "positive weight" read the same way. TFP's neutral is a light grey on its white page; on our dark
// page a dark one (as the boundary view's) lets a relu's active region stand out from its zeros.
#include <cstdint>

namespace adamlab {

constexpr std::uint32_t kClassColours[] = {0xf59322, 0x0877bd, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf};
constexpr int kClassColourCount = sizeof(kClassColours) / sizeof(kClassColours[0]);
constexpr std::uint32_t kDivergingNegative = kClassColours[0];
constexpr std::uint32_t kDivergingMiddle = 0x2c3038;  // a shade above the page's background
constexpr std::uint32_t kDivergingPositive = kClassColours[1];

// 0xRRGGBB for t in [0, 1] (clamped; NaN gives a mid grey, so a diverged map stands out):
// 0 orange, 0.5 the neutral, 1 blue, linear in sRGB between them as TensorFlow Playground's scale.
std::uint32_t diverging_rgb(double t);
// The colour of class k (the list repeats past its eight; datasets have at most eight classes).
std::uint32_t class_colour_rgb(int k);
// A probability p of class k: the neutral at 0, the class's colour at 1.
std::uint32_t probability_rgb(double p, int k);
// Linear blend of two 0xRRGGBB colours, t in [0, 1] clamped.
std::uint32_t blend_rgb(std::uint32_t a, std::uint32_t b, double t);

}  // namespace adamlab
