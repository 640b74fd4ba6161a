#include "data/generators.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace adamlab {
namespace data_detail {
namespace {

// Point i belongs to class i % K: counts differ by at most one whatever n is.
Sample planar(std::int64_t n, int classes) {
  Sample s;
  s.x.resize(2, n);
  s.y.resize(n);
  s.classes = classes;
  for (std::int64_t i = 0; i < n; ++i) s.y(i) = static_cast<double>(i % classes);
  return s;
}

// Adds noise * N(0,1) to both coordinates, from its own stream: the same seed with another noise
// moves each point along the same direction, so the clean shape stays where it was.
void jitter(Sample& s, double noise, std::uint64_t seed) {
  const Draws z(seed, Stream::noise);
  for (Eigen::Index i = 0; i < s.x.cols(); ++i) {
    s.x(0, i) += noise * z.normal(i, 0);
    s.x(1, i) += noise * z.normal(i, 1);
  }
}

}  // namespace

// sin(2 pi t) = cos(2 pi (t - 1/4)) = cos(2 pi (t + 3/4)).

// sklearn's make_moons, (cos t, sin t) and (1 - cos t, 1/2 - sin t) for t in [0, pi], moved to
// the origin and scaled by 3 to TensorFlow Playground's range.
Sample make_moons(const DataKeys& keys, std::uint64_t seed) {
  Sample s = planar(keys.n, 2);
  const Draws where(seed, Stream::points);
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const double half_turn = 0.5 * where.uniform(i);
    const double c = noise_detail::cos_turns(half_turn), sn = noise_detail::sin_turns(half_turn);
    const bool upper = s.y(i) == 0.0;
    s.x(0, i) = 3.0 * ((upper ? c : 1.0 - c) - 0.5);
    s.x(1, i) = 3.0 * ((upper ? sn : 0.5 - sn) - 0.25);
  }
  jitter(s, keys.noise, seed);
  return s;
}

// TensorFlow Playground's classifyCircleData: radius uniform in [0, 2.5] inside (class 1), in
// [3.5, 5] outside (class 0).
Sample make_circles(const DataKeys& keys, std::uint64_t seed) {
  Sample s = planar(keys.n, 2);
  const Draws where(seed, Stream::points);
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const double r = s.y(i) == 1.0 ? 2.5 * where.uniform(2 * i) : 3.5 + 1.5 * where.uniform(2 * i);
    const double turns = where.uniform(2 * i + 1);
    s.x(0, i) = r * noise_detail::cos_turns(turns);
    s.x(1, i) = r * noise_detail::sin_turns(turns);
  }
  jitter(s, keys.noise, seed);
  return s;
}

// TensorFlow Playground's classifyXORData: |x|, |y| uniform in [0.3, 5.3] (the padding keeps
// points off the axes), class 1 where x and y share a sign.
Sample make_xor(const DataKeys& keys, std::uint64_t seed) {
  Sample s = planar(keys.n, 2);
  const Draws where(seed, Stream::points);
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const double sx = where.uniform(3 * i) < 0.5 ? -1.0 : 1.0;
    const double sy = s.y(i) == 1.0 ? sx : -sx;
    s.x(0, i) = sx * (0.3 + 5.0 * where.uniform(3 * i + 1));
    s.x(1, i) = sy * (0.3 + 5.0 * where.uniform(3 * i + 2));
  }
  jitter(s, keys.noise, seed);
  return s;
}

// TensorFlow Playground's classifySpiralData with K arms: arm k's j-th of m points sits at
// radius 5 j/m and angle 1.75 j/m + k/K turns, evenly spaced as there.
Sample make_spirals(const DataKeys& keys, std::uint64_t seed) {
  const int arms = static_cast<int>(keys.classes);
  Sample s = planar(keys.n, arms);
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const std::int64_t arm = i % arms, j = i / arms;
    const std::int64_t m = (keys.n - arm + arms - 1) / arms;  // points on this arm
    const double along = static_cast<double>(j) / static_cast<double>(m);
    const double r = 5.0 * along, turns = 1.75 * along + static_cast<double>(arm) / arms;
    s.x(0, i) = r * noise_detail::sin_turns(turns);
    s.x(1, i) = r * noise_detail::cos_turns(turns);
  }
  jitter(s, keys.noise, seed);
  return s;
}

// K Gaussians of std noise around centres on a circle of radius 4, the first at 45 degrees (so
// K = 2 is TensorFlow Playground's two-Gaussian data at (2.8, 2.8) and (-2.8, -2.8)).
Sample make_blobs(const DataKeys& keys, std::uint64_t seed) {
  const int k = static_cast<int>(keys.classes);
  Sample s = planar(keys.n, k);
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const double turns = 0.125 + static_cast<double>(i % k) / k;
    s.x(0, i) = 4.0 * noise_detail::cos_turns(turns);
    s.x(1, i) = 4.0 * noise_detail::sin_turns(turns);
  }
  jitter(s, keys.noise, seed);
  return s;
}

// Regression: x uniform in [-3, 3], nearly a full period; y = sin(x) + noise * N(0,1).
Sample make_sine(const DataKeys& keys, std::uint64_t seed) {
  Sample s;
  s.classes = 0;
  s.x.resize(1, keys.n);
  s.y.resize(keys.n);
  const Draws where(seed, Stream::points), z(seed, Stream::noise);
  constexpr double kTwoPi = 6.283185307179586;
  for (std::int64_t i = 0; i < keys.n; ++i) {
    const double x = -3.0 + 6.0 * where.uniform(i);
    s.x(0, i) = x;
    s.y(i) = noise_detail::sin_turns(x / kTwoPi) + keys.noise * z.normal(i, 0);
  }
  return s;
}

// See data/dataset.h: rare binary features, labels from the median of a seeded linear score.
Sample make_sparse(const DataKeys& keys, std::uint64_t seed) {
  const std::int64_t n = keys.n, f = keys.features;
  Sample s;
  s.classes = 2;
  s.x.setZero(f, n);
  s.y.resize(n);
  const Draws where(seed, Stream::points), pick(seed, Stream::fallback), rule(seed, Stream::rule),
      z(seed, Stream::noise);
  std::vector<double> weight(f);
  for (std::int64_t j = 0; j < f; ++j) weight[j] = rule.normal(j, 0);
  std::vector<double> score(n);
  for (std::int64_t i = 0; i < n; ++i) {
    bool any = false;
    for (std::int64_t j = 0; j < f; ++j)
      if (where.uniform(static_cast<std::uint64_t>(i * f + j)) < keys.active) s.x(j, i) = 1.0, any = true;
    if (!any) s.x(static_cast<Eigen::Index>(pick.below(i, f)), i) = 1.0;
    double sum = 0.0;
    for (std::int64_t j = 0; j < f; ++j) sum += weight[j] * s.x(j, i);  // in order: bit-stable
    score[i] = sum + keys.noise * z.normal(i, 0);
  }
  // Rank by (score, index), a total order, so every platform sorts alike; the upper half is
  // class 1: exactly n/2 points in class 0 even when scores tie.
  std::vector<std::int64_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::int64_t a, std::int64_t b) {
    return score[a] < score[b] || (score[a] == score[b] && a < b);
  });
  for (std::int64_t r = 0; r < n; ++r) s.y(order[r]) = r < n / 2 ? 0.0 : 1.0;
  return s;
}

}  // namespace data_detail
}  // namespace adamlab
