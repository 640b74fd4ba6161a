#pragma once
// Supervised datasets for the network mode: seeded generators (two moons, circles, XOR, blobs,
// spirals, a noisy sine, sparse binary features) and a user's CSV. Headless and deterministic:
// every draw comes from a counter-based generator (splitmix64) and the fixed-polynomial log/cos of
// sim/noise.h, so the same spec and seed give bit-identical points natively and in WebAssembly.
//
// Spec grammar (the CLI's --data, the link's data=, the JS API):
//   moons | circles | xor | spirals | blobs | sine | sparse [:key=value,...]
// keys for every generator: n (points, 8..5000), noise (>= 0), test_fraction (0 <= f < 1)
//   blobs:   classes=K (2..8)          spirals: classes=K arms (2..6)
//   sparse:  features=F (2..256), active=P (probability a feature is on, 0 < P <= 1)
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

struct Dataset {
  std::string spec;   // full spec, every key present ("csv" for a user's data)
  int input_dim = 2;  // raw inputs per point: 2 for planar tasks, 1 for sine, F for sparse
  int classes = 2;    // >= 2 for classification; 0 = regression (one real target)
  // One column per point (input_dim x n), so a minibatch is a gather of contiguous columns.
  Eigen::MatrixXd train_x, test_x;
  // Class index 0..classes-1 (stored as a double) or the regression target.
  Eigen::VectorXd train_y, test_y;

  bool planar() const { return input_dim == 2; }
  bool regression() const { return classes == 0; }
  Eigen::Index train_size() const { return train_x.cols(); }
  Eigen::Index test_size() const { return test_x.cols(); }
};

// Throws Error naming the bad key or value. The seed picks the points and the split.
Dataset make_dataset(const Spec& spec, std::uint64_t seed);
Dataset make_dataset(const std::string& spec_text, std::uint64_t seed);
std::vector<std::string> dataset_names();

// A user's CSV: "x,y,label" rows (2D classification, labels 0..7) or "x,y" rows (1D regression:
// x in, y out). An optional header line is skipped; blank lines are ignored. Any bad row throws
// Error naming its line number and nothing is loaded. At most kMaxCsvRows rows.
constexpr int kMaxCsvRows = 2000;
Dataset parse_csv_dataset(const std::string& text, double test_fraction, std::uint64_t seed);

}  // namespace adamlab
