#pragma once
// Supervised datasets for the network mode: seeded generators (two moons, circles, XOR, blobs,
// spirals, a noisy sine, sparse binary features) and a user's CSV. Headless and deterministic:
// every draw comes from a counter-based generator (splitmix64) and the fixed-polynomial log/cos of
// sim/noise.h, so the same spec and seed give bit-identical points natively and in WebAssembly.
//
// Spec grammar (the CLI's --data, the link's data=, the JS API):
//   moons | circles | xor | spirals | blobs | sine | sparse [:key=value,...]
// keys for every generator: n (points, 8..5000), noise (0..10, the std of a Gaussian jitter),
// test_fraction (0 <= f < 1, default 0.3)
//   blobs:   classes=K (2..8)          spirals: classes=K arms (2..6)
//   sparse:  features=F (2..256), active=P (probability a feature is on, 0 < P <= 1);
//            F x n at most kMaxSparseInputs
// Defaults (the full spec make_dataset writes back into Dataset::spec):
//   moons:n=400,noise=0.3,test_fraction=0.3       two interleaved half circles, x in [-4.5,4.5]
//   circles:n=400,noise=0.2,test_fraction=0.3     class 1 inside radius 2.5, class 0 in 3.5..5
//   xor:n=400,noise=0.2,test_fraction=0.3         class 1 where x*y > 0, |x|,|y| in 0.3..5.3
//   spirals:n=400,noise=0.1,test_fraction=0.3,classes=2       K arms of 1.75 turns, radius 0..5
//   blobs:n=400,noise=1,test_fraction=0.3,classes=3           K Gaussians on a circle of radius 4
//   sine:n=200,noise=0.1,test_fraction=0.3        regression: x in [-3,3], y = sin(x) + noise
//   sparse:n=1000,noise=0.1,test_fraction=0.3,features=64,active=0.05
// Planar noise jitters both coordinates (labels are drawn before it, so it can cross a class
// boundary); sine's jitters y; sparse's is added to the hidden rule's score (below).
// Classes are balanced: counts differ by at most one, and the split is stratified, so train and
// test keep the balance and every class has training points.
//
// sparse: each of F binary features is on with probability P (a point with none on gets one,
// chosen uniformly: it would carry no information). A fixed linear rule drawn from the seed,
// weights w_j ~ N(0,1), scores each point, score = w.x + noise*z; the lower half of the scores is
// class 0 and the upper half class 1. So the task is linearly learnable, and a weight's gradient
// is nonzero only in batches where its rare feature is on: Adam's beta2 near 1 matters there.
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
constexpr int kMinDataPoints = 8, kMaxDataPoints = 5000;
constexpr double kMaxDataNoise = 10;  // far beyond the points' own scale: keeps every point finite
// sparse: features x n at most this (4 MB of inputs; the network keeps a copy as features too).
constexpr std::int64_t kMaxSparseInputs = 500'000;

// A hash of the dataset's every bit (spec, shape, points, targets, split), for checking that two
// builds (native, WebAssembly) draw the same data.
std::uint64_t dataset_fingerprint(const Dataset& data);

// A user's CSV: "x,y,label" rows (2D classification, labels 0..7) or "x,y" rows (1D regression:
// x in, y out). An optional header line is skipped; blank lines are ignored. Any bad row throws
// Error naming its line number and nothing is loaded. At most kMaxCsvRows rows.
// Details: commas only, spaces around a field are ignored, a trailing \r is dropped; the header
// is the first non-blank line when none of its fields is a number. Numbers are plain decimals
// (core/spec.h) of magnitude at most kMaxCsvMagnitude; labels are whole numbers 0..7 (1.0 is 1),
// classes = the largest label + 1, and at least two distinct labels must be present. At least 2
// rows. The split is stratified by label (as make_dataset's) and seeded; spec is "csv".
constexpr int kMaxCsvRows = 2000;
constexpr double kMaxCsvMagnitude = 1e6;  // x^2 features of larger values lose the small ones
Dataset parse_csv_dataset(const std::string& text, double test_fraction, std::uint64_t seed);

}  // namespace adamlab
