#pragma once
// What the generators and the CSV reader share inside src/data: the seeded draw streams, the
// drawn points before the split, and the split itself. Not part of the dataset API.
#include <Eigen/Core>
#include <cstdint>
#include <string>

#include "data/dataset.h"
#include "sim/noise.h"

namespace adamlab {
namespace data_detail {

// Independent streams of one seed, so drawing more of one (a larger n, a new key) never shifts
// another: where the points are, their jitter, the train/test split, the sparse rule.
enum class Stream : std::uint64_t { points = 1, noise = 2, split = 3, rule = 4, fallback = 5 };

// Counter-based: draw k depends on (seed, stream, k) only, no hidden state. Built from
// splitmix64, integer ops and the fixed polynomials of sim/noise.h, so WebAssembly draws the
// same bits as a native build.
class Draws {
 public:
  Draws(std::uint64_t seed, Stream stream)
      : key_(noise_detail::splitmix64(noise_detail::splitmix64(seed) ^
                                      noise_detail::splitmix64(static_cast<std::uint64_t>(stream)))) {}
  std::uint64_t bits(std::uint64_t k) const { return noise_detail::splitmix64(key_ ^ noise_detail::splitmix64(k)); }
  // Uniform on [0, 1): the top 53 bits, exactly representable.
  double uniform(std::uint64_t k) const { return static_cast<double>(bits(k) >> 11) * (1.0 / 9007199254740992.0); }
  // Uniform on 0..m-1 (m <= 5000 here: the modulo's bias is below 1e-15).
  std::uint64_t below(std::uint64_t k, std::uint64_t m) const { return bits(k) % m; }
  double normal(std::int64_t k, int coordinate) const { return standard_normal(key_, k, coordinate); }

 private:
  std::uint64_t key_;
};

// All points of a dataset before the split: one column per point; y a class index or a target.
struct Sample {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  int classes = 2;  // 0 = regression
};

// Splits a sample into train and test: a seeded random order of all points, the first
// round(f * count) of each class (of all points for regression) to test, at most count - 1, so
// every class keeps a training point. Both halves keep that random order.
Dataset split_sample(const Sample& sample, double test_fraction, std::uint64_t seed, std::string spec);

}  // namespace data_detail
}  // namespace adamlab
