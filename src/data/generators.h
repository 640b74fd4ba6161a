#pragma once
// The seeded generators behind make_dataset, one function each, given validated keys. Shapes and
// defaults follow TensorFlow Playground (points in about [-6, 6]) and sklearn's make_moons.
#include <cstdint>

#include "data/sample.h"

namespace adamlab {
namespace data_detail {

struct DataKeys {
  std::int64_t n = 400;
  double noise = 0.0;
  double test_fraction = 0.3;
  std::int64_t classes = 2;   // blobs, spirals
  std::int64_t features = 0;  // sparse
  double active = 0.0;        // sparse
};

Sample make_moons(const DataKeys& keys, std::uint64_t seed);
Sample make_circles(const DataKeys& keys, std::uint64_t seed);
Sample make_xor(const DataKeys& keys, std::uint64_t seed);
Sample make_spirals(const DataKeys& keys, std::uint64_t seed);
Sample make_blobs(const DataKeys& keys, std::uint64_t seed);
Sample make_sine(const DataKeys& keys, std::uint64_t seed);
Sample make_sparse(const DataKeys& keys, std::uint64_t seed);

}  // namespace data_detail
}  // namespace adamlab
