#pragma once
// Gaussian gradient noise, a stand-in for minibatch noise, reproducible from (seed, step,
// coordinate) alone: a counter-based generator (splitmix64 of the three, no hidden stream
// state) feeding a Box-Muller transform built only from +, -, *, / and sqrt, which IEEE 754
// rounds the same everywhere. So a run and every member of a batch see the same noise for step k
// whatever order they are stepped in, and native and WebAssembly builds draw bit-identical
// numbers (std::normal_distribution, std::log and std::cos promise neither).
//
// Spec grammar (the --noise option, the URL, the JS API):
//   none
//   gaussian:std=S[,relative=true|false]
// absolute (default): g_i + S*z;  relative: g_i + (S*z)*g_i, i.e. S is a fraction of |g_i|.
// z ~ N(0,1) is drawn per step k (1-based: the step the gradient feeds) and coordinate i.
#include <cmath>
#include <cstdint>
#include <string>

#include "core/spec.h"

namespace adamlab {

struct GradientNoise {
  double std = 0.0;  // 0 = no noise
  bool relative = false;
  std::uint64_t seed = 0;

  bool enabled() const { return std > 0.0; }
  // The noise scale for step k, coordinate i: the gradient becomes apply(g, scale) = g + scale
  // (absolute) or g + scale*g (relative). Written out so batched code can repeat it op for op.
  double scale(std::int64_t step, int coordinate) const;
  double apply(double g, double scale_value) const { return relative ? g + scale_value * g : g + scale_value; }
};

// "none" or "gaussian:std=S[,relative=B]"; throws Error naming the bad token. The seed is left 0.
GradientNoise parse_noise(const std::string& text);
Spec noise_spec(const GradientNoise& noise);  // full spec, e.g. gaussian:std=0.5,relative=false
// --seed N: a whole number >= 0 (parse_integer's range).
std::uint64_t parse_seed(const std::string& text, const std::string& what);

namespace noise_detail {
std::uint64_t splitmix64(std::uint64_t x);
// Deterministic log on (0, 1] and cos(2 pi u) on [0, 1): fixed polynomials, no libm.
double log_unit(double u);
double cos_two_pi(double u);
// cos and sin of 2*pi*turns for any finite turns, from the same polynomial: what the datasets and
// the network's sin features use, so their points agree bit for bit across libms.
inline double cos_turns(double turns) { return cos_two_pi(turns - std::floor(turns)); }
inline double sin_turns(double turns) { return cos_turns(turns + 0.75); }
}  // namespace noise_detail

// A standard normal draw for (seed, step, coordinate): Box-Muller on two hashed uniforms.
double standard_normal(std::uint64_t seed, std::int64_t step, int coordinate);

}  // namespace adamlab
