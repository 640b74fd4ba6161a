// Seeded datasets: determinism, sizes and split, balance, each generator's shape and keys.
#include "data/dataset.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "data/sample.h"

namespace adamlab {
namespace {

std::string error_of(const std::string& spec, std::uint64_t seed = 1) {
  try {
    make_dataset(spec, seed);
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

// Every point of both halves, in train-then-test order.
Eigen::MatrixXd all_x(const Dataset& d) {
  Eigen::MatrixXd x(d.input_dim, d.train_size() + d.test_size());
  x << d.train_x, d.test_x;
  return x;
}
Eigen::VectorXd all_y(const Dataset& d) {
  Eigen::VectorXd y(d.train_size() + d.test_size());
  y << d.train_y, d.test_y;
  return y;
}

std::vector<int> class_counts(const Eigen::VectorXd& y, int classes) {
  std::vector<int> counts(classes, 0);
  for (Eigen::Index i = 0; i < y.size(); ++i) ++counts.at(static_cast<int>(y(i)));
  return counts;
}

bool balanced(const std::vector<int>& counts) {
  return *std::max_element(counts.begin(), counts.end()) - *std::min_element(counts.begin(), counts.end()) <= 1;
}

TEST(Dataset, NamesAreTheSevenGenerators) {
  EXPECT_EQ(dataset_names(),
            (std::vector<std::string>{"moons", "circles", "xor", "spirals", "blobs", "sine", "sparse"}));
}

TEST(Dataset, SameSpecAndSeedGiveBitIdenticalData) {
  for (const auto& name : dataset_names()) {
    const Dataset a = make_dataset(name, 7), b = make_dataset(name, 7);
    EXPECT_EQ(a.spec, b.spec);
    EXPECT_TRUE(a.train_x == b.train_x) << name;
    EXPECT_TRUE(a.train_y == b.train_y) << name;
    EXPECT_TRUE(a.test_x == b.test_x) << name;
    EXPECT_TRUE(a.test_y == b.test_y) << name;
    EXPECT_EQ(dataset_fingerprint(a), dataset_fingerprint(b)) << name;
  }
}

TEST(Dataset, AnotherSeedGivesOtherPointsAndAnotherSplit) {
  for (const auto& name : dataset_names()) {
    const Dataset a = make_dataset(name, 1), b = make_dataset(name, 2);
    EXPECT_NE(dataset_fingerprint(a), dataset_fingerprint(b)) << name;
    EXPECT_FALSE(a.train_x.col(0) == b.train_x.col(0)) << name;
  }
}

// Computed natively with this code. The WebAssembly build must give exactly these numbers (the
// page's dataset fingerprint for the same spec and seed): every draw is splitmix64 plus IEEE
// +, -, *, / and sqrt, which round the same everywhere. A change here is a change of every
// shared link's data.
TEST(Dataset, FingerprintsArePinnedSoEveryPlatformMustReproduceThem) {
  const std::map<std::string, std::uint64_t> pinned = {
      {"spirals", 0x3ae83cc0bfb81d25ull}, {"moons", 0xa2ac3d5d42557f62ull}, {"circles", 0xfc5038ac5327155cull},
      {"xor", 0xac8918c4f716077aull},     {"blobs", 0xe455b28bf14b3e29ull}, {"sine", 0x768586da3aa5c288ull},
      {"sparse", 0x5031187b0aa79188ull},
  };
  for (const auto& [spec, fingerprint] : pinned)
    EXPECT_EQ(dataset_fingerprint(make_dataset(spec, 1)), fingerprint) << spec << " 0x" << std::hex
                                                                        << dataset_fingerprint(make_dataset(spec, 1));
}

TEST(Dataset, FullSpecHasEveryKeyAndParsesBackToTheSameData) {
  EXPECT_EQ(make_dataset("moons", 1).spec, "moons:n=400,noise=0.3,test_fraction=0.3");
  EXPECT_EQ(make_dataset("circles", 1).spec, "circles:n=400,noise=0.2,test_fraction=0.3");
  EXPECT_EQ(make_dataset("xor", 1).spec, "xor:n=400,noise=0.2,test_fraction=0.3");
  EXPECT_EQ(make_dataset("spirals", 1).spec, "spirals:n=400,noise=0.1,test_fraction=0.3,classes=2");
  EXPECT_EQ(make_dataset("blobs", 1).spec, "blobs:n=400,noise=1,test_fraction=0.3,classes=3");
  EXPECT_EQ(make_dataset("sine", 1).spec, "sine:n=200,noise=0.1,test_fraction=0.3");
  EXPECT_EQ(make_dataset("sparse", 1).spec, "sparse:n=1000,noise=0.1,test_fraction=0.3,features=64,active=0.05");
  EXPECT_EQ(make_dataset("blobs:classes=5,noise=0.25,n=1e2", 1).spec,
            "blobs:n=100,noise=0.25,test_fraction=0.3,classes=5");
  for (const std::string spec :
       {"moons", "circles:noise=0.123456789", "xor:test_fraction=0.1", "spirals:classes=6,n=999", "blobs:classes=8",
        "sine:noise=0", "sparse:features=3,active=0.7,noise=2.5", "moons:n=5000,test_fraction=0.999"}) {
    const Dataset d = make_dataset(spec, 3);
    const Dataset again = make_dataset(d.spec, 3);
    EXPECT_EQ(again.spec, d.spec) << spec;
    EXPECT_EQ(dataset_fingerprint(again), dataset_fingerprint(d)) << spec;
  }
}

TEST(Dataset, SizesShapesAndSplit) {
  const std::map<std::string, int> dims = {{"moons", 2}, {"circles", 2}, {"xor", 2}, {"spirals", 2},
                                           {"blobs", 2}, {"sine", 1},    {"sparse", 64}};
  for (const auto& name : dataset_names()) {
    const Dataset d = make_dataset(name + ":n=500", 4);
    EXPECT_EQ(d.input_dim, dims.at(name)) << name;
    EXPECT_EQ(d.train_x.rows(), d.input_dim);
    EXPECT_EQ(d.test_x.rows(), d.input_dim);
    EXPECT_EQ(d.train_y.size(), d.train_size());
    EXPECT_EQ(d.test_y.size(), d.test_size());
    EXPECT_EQ(d.train_size() + d.test_size(), 500) << name;
    // round(0.3 * count) per class: within one point per class of 150.
    EXPECT_NEAR(static_cast<double>(d.test_size()), 150.0, std::max(1, d.classes)) << name;
    EXPECT_EQ(d.regression(), name == "sine");
    EXPECT_EQ(d.planar(), dims.at(name) == 2);
  }
  const Dataset none = make_dataset("moons:test_fraction=0", 1);
  EXPECT_EQ(none.test_size(), 0);
  EXPECT_EQ(none.train_size(), 400);
  // Even the largest fraction leaves every class a training point.
  const Dataset most = make_dataset("blobs:n=8,classes=8,test_fraction=0.99", 1);
  EXPECT_EQ(most.train_size(), 8);
  const Dataset sine = make_dataset("sine:n=8,test_fraction=0.99", 1);
  EXPECT_EQ(sine.train_size(), 1);
  EXPECT_EQ(sine.test_size(), 7);
}

TEST(Dataset, ClassesAreBalancedInTrainAndInTest) {
  for (const std::string spec : {"moons:n=401", "circles", "xor:n=9", "spirals:classes=3,n=1000", "spirals:classes=6,n=8",
                                 "blobs:classes=7,n=4999", "blobs:classes=8,n=8", "sparse:n=333", "sparse:active=1"}) {
    const Dataset d = make_dataset(spec, 5);
    ASSERT_GE(d.classes, 2);
    EXPECT_TRUE(balanced(class_counts(all_y(d), d.classes))) << spec;
    EXPECT_TRUE(balanced(class_counts(d.train_y, d.classes))) << spec;
    if (d.test_size() >= d.classes) {
      EXPECT_TRUE(balanced(class_counts(d.test_y, d.classes))) << spec;
    }
  }
}

TEST(Dataset, WithoutNoisePointsStayWithinSixOfTheOrigin) {
  for (const auto& name : {"moons", "circles", "xor", "spirals", "blobs"}) {
    const Eigen::MatrixXd x = all_x(make_dataset(std::string(name) + ":noise=0,n=2000", 8));
    EXPECT_LE(x.cwiseAbs().maxCoeff(), 5.3 + 1e-12) << name;
  }
  const Eigen::MatrixXd moons = all_x(make_dataset("moons", 8));  // default noise
  EXPECT_LE(moons.cwiseAbs().maxCoeff(), 6.0);
}

TEST(Dataset, TheJitterHasItsOwnStreamSoNoiseOnlyScalesIt) {
  // Same seed, three noise levels: each point moves along one fixed direction, the split is the same.
  const Dataset clean = make_dataset("moons:noise=0", 9), a = make_dataset("moons:noise=0.25", 9),
                b = make_dataset("moons:noise=0.5", 9);
  EXPECT_TRUE(clean.train_y == a.train_y);
  const Eigen::MatrixXd da = (a.train_x - clean.train_x) / 0.25, db = (b.train_x - clean.train_x) / 0.5;
  EXPECT_LT((da - db).cwiseAbs().maxCoeff(), 1e-12);
  EXPECT_GT(da.cwiseAbs().maxCoeff(), 0.5);
  // And the test fraction only moves points between the halves.
  const Dataset other = make_dataset("moons:noise=0,test_fraction=0.5", 9);
  auto sorted = [](const Eigen::MatrixXd& x) {
    std::vector<std::pair<double, double>> p;
    for (Eigen::Index i = 0; i < x.cols(); ++i) p.emplace_back(x(0, i), x(1, i));
    std::sort(p.begin(), p.end());
    return p;
  };
  EXPECT_EQ(sorted(all_x(other)), sorted(all_x(clean)));
  EXPECT_EQ(other.test_size(), 200);
}

TEST(Dataset, PolynomialSinAndCosMatchLibm) {
  for (int i = -2000; i <= 2000; ++i) {
    const double t = i / 997.0;
    EXPECT_NEAR(noise_detail::sin_turns(t), std::sin(2 * M_PI * t), 3e-15) << t;
    EXPECT_NEAR(noise_detail::cos_turns(t), std::cos(2 * M_PI * t), 3e-15) << t;
  }
}

TEST(Dataset, MoonsLieOnTwoInterleavedHalfCircles) {
  const Dataset d = make_dataset("moons:noise=0", 2);
  const Eigen::MatrixXd x = all_x(d);
  const Eigen::VectorXd y = all_y(d);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double u = x(0, i) / 3 + 0.5, v = x(1, i) / 3 + 0.25;  // back to sklearn's frame
    const double cx = y(i) == 0 ? 0.0 : 1.0, cy = y(i) == 0 ? 0.0 : 0.5;
    EXPECT_NEAR(std::hypot(u - cx, v - cy), 1.0, 1e-12);
    EXPECT_TRUE(y(i) == 0 ? v >= -1e-12 : v <= 0.5 + 1e-12);
  }
}

TEST(Dataset, CirclesPutClassOneInsideAndClassZeroInTheRing) {
  const Dataset d = make_dataset("circles:noise=0,n=1000", 2);
  const Eigen::MatrixXd x = all_x(d);
  const Eigen::VectorXd y = all_y(d);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double r = x.col(i).norm();
    if (y(i) == 1) {
      EXPECT_LE(r, 2.5 + 1e-12);
    } else {
      EXPECT_GE(r, 3.5 - 1e-12);
      EXPECT_LE(r, 5.0 + 1e-12);
    }
  }
}

TEST(Dataset, XorLabelsAreTheSignOfTheProductAwayFromTheAxes) {
  const Dataset d = make_dataset("xor:noise=0,n=1000", 2);
  const Eigen::MatrixXd x = all_x(d);
  const Eigen::VectorXd y = all_y(d);
  int quadrant[4] = {0, 0, 0, 0};
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    EXPECT_EQ(y(i), x(0, i) * x(1, i) > 0 ? 1.0 : 0.0);
    EXPECT_GE(std::fabs(x(0, i)), 0.3);
    EXPECT_GE(std::fabs(x(1, i)), 0.3);
    ++quadrant[(x(0, i) > 0) * 2 + (x(1, i) > 0)];
  }
  for (int q : quadrant) EXPECT_GT(q, 200);
}

TEST(Dataset, SpiralArmsAreEvenlySpacedAndTurnApart) {
  for (int arms : {2, 3, 6}) {
    const Dataset d = make_dataset("spirals:noise=0,classes=" + std::to_string(arms), 2);
    const Eigen::MatrixXd x = all_x(d);
    const Eigen::VectorXd y = all_y(d);
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      const double r = x.col(i).norm(), along = r / 5.0;
      ASSERT_LT(r, 5.0);
      if (r < 1e-9) continue;
      const double turns = 1.75 * along + y(i) / arms;
      EXPECT_NEAR(x(0, i), r * std::sin(2 * M_PI * turns), 1e-9);
      EXPECT_NEAR(x(1, i), r * std::cos(2 * M_PI * turns), 1e-9);
    }
  }
}

TEST(Dataset, BlobsCentreOnACircleWithNoiseAsTheirSpread) {
  const Dataset d = make_dataset("blobs:classes=4,noise=0.5,n=4000", 2);
  const Eigen::MatrixXd x = all_x(d);
  const Eigen::VectorXd y = all_y(d);
  for (int k = 0; k < 4; ++k) {
    Eigen::Vector2d sum = Eigen::Vector2d::Zero();
    double sq = 0;
    int count = 0;
    const Eigen::Vector2d centre(4 * std::cos(2 * M_PI * (0.125 + k / 4.0)), 4 * std::sin(2 * M_PI * (0.125 + k / 4.0)));
    for (Eigen::Index i = 0; i < x.cols(); ++i)
      if (y(i) == k) sum += x.col(i), sq += (x.col(i) - centre).squaredNorm(), ++count;
    EXPECT_LT((sum / count - centre).norm(), 0.1) << k;
    EXPECT_NEAR(std::sqrt(sq / (2 * count)), 0.5, 0.05) << k;
  }
}

TEST(Dataset, SineIsARegressionOfSinOnMinusThreeToThree) {
  const Dataset clean = make_dataset("sine:noise=0,n=1000", 2);
  EXPECT_EQ(clean.classes, 0);
  const Eigen::MatrixXd x = all_x(clean);
  const Eigen::VectorXd y = all_y(clean);
  EXPECT_GE(x.minCoeff(), -3.0);
  EXPECT_LE(x.maxCoeff(), 3.0);
  EXPECT_LT(x.minCoeff(), -2.9);
  EXPECT_GT(x.maxCoeff(), 2.9);
  for (Eigen::Index i = 0; i < x.cols(); ++i) EXPECT_NEAR(y(i), std::sin(x(0, i)), 1e-15);
  const Dataset noisy = make_dataset("sine:noise=0.3,n=5000", 2);
  const Eigen::MatrixXd nx = all_x(noisy);
  const Eigen::VectorXd ny = all_y(noisy);
  double sq = 0;
  for (Eigen::Index i = 0; i < nx.cols(); ++i) sq += std::pow(ny(i) - std::sin(nx(0, i)), 2);
  EXPECT_NEAR(std::sqrt(sq / nx.cols()), 0.3, 0.015);
}

TEST(Dataset, SparseFeaturesAreBinaryRareAndNeverAllOff) {
  const Dataset d = make_dataset("sparse:features=64,active=0.05,n=2000", 2);
  const Eigen::MatrixXd x = all_x(d);
  EXPECT_EQ(x.rows(), 64);
  EXPECT_TRUE((x.array() == 0.0 || x.array() == 1.0).all());
  for (Eigen::Index i = 0; i < x.cols(); ++i) EXPECT_GE(x.col(i).sum(), 1.0);
  // P(on) = 0.05, plus one forced on in the 3.7% of points that drew none: 0.05 + 0.037/64.
  EXPECT_NEAR(x.mean(), 0.0506, 0.002);
  // Every feature is used, rarely.
  const Eigen::VectorXd per_feature = x.rowwise().mean();
  EXPECT_GT(per_feature.minCoeff(), 0.0);
  EXPECT_LT(per_feature.maxCoeff(), 0.1);
}

// A perceptron's train accuracy on d: a linear rule separates the clean sparse task.
double perceptron_accuracy(const Dataset& d, int epochs) {
  Eigen::VectorXd w = Eigen::VectorXd::Zero(d.input_dim);
  double b = 0;
  for (int e = 0; e < epochs; ++e)
    for (Eigen::Index i = 0; i < d.train_size(); ++i) {
      const double target = d.train_y(i) == 1 ? 1.0 : -1.0;
      if (target * (w.dot(d.train_x.col(i)) + b) <= 0) w += target * d.train_x.col(i), b += target;
    }
  int right = 0;
  for (Eigen::Index i = 0; i < d.train_size(); ++i) right += (w.dot(d.train_x.col(i)) + b > 0) == (d.train_y(i) == 1);
  return static_cast<double>(right) / d.train_size();
}

TEST(Dataset, SparseLabelsFollowALinearRuleTheNoiseBlurs) {
  const double clean = perceptron_accuracy(make_dataset("sparse:noise=0,features=16,active=0.2,n=600", 3), 300);
  const double noisy = perceptron_accuracy(make_dataset("sparse:noise=2,features=16,active=0.2,n=600", 3), 300);
  EXPECT_GT(clean, 0.97) << clean << " " << noisy;
  EXPECT_LT(noisy, clean);
  // The rule and the points do not depend on the noise: most labels survive a little of it.
  // (No test points: the stratified split would follow the labels.)
  const Dataset a = make_dataset("sparse:noise=0,test_fraction=0", 4),
                b = make_dataset("sparse:noise=0.1,test_fraction=0", 4);
  EXPECT_TRUE(a.train_x == b.train_x);
  EXPECT_GT((a.train_y.array() == b.train_y.array()).cast<double>().mean(), 0.9);
  EXPECT_LT((a.train_y.array() == b.train_y.array()).cast<double>().mean(), 1.0);
}

TEST(Dataset, EveryKeyIsRangeCheckedNamingTheValue) {
  EXPECT_EQ(error_of("spirals:n=3"), "invalid n for spirals: 3 (8 to 5000)");
  EXPECT_EQ(error_of("moons:n=5001"), "invalid n for moons: 5001 (8 to 5000)");
  EXPECT_EQ(error_of("sine:n=2.5"), "invalid integer for sine n: '2.5'");
  EXPECT_EQ(error_of("xor:noise=-0.1"), "invalid noise for xor: -0.1 (0 to 10)");
  EXPECT_EQ(error_of("circles:noise=11"), "invalid noise for circles: 11 (0 to 10)");
  EXPECT_EQ(error_of("blobs:noise=nan"), "invalid number for blobs noise: 'nan'");
  EXPECT_EQ(error_of("moons:test_fraction=1"), "invalid test_fraction for moons: 1 (at least 0 and below 1)");
  EXPECT_EQ(error_of("sine:test_fraction=-0.5"), "invalid test_fraction for sine: -0.5 (at least 0 and below 1)");
  EXPECT_EQ(error_of("blobs:classes=1"), "invalid classes for blobs: 1 (2 to 8)");
  EXPECT_EQ(error_of("blobs:classes=9"), "invalid classes for blobs: 9 (2 to 8)");
  EXPECT_EQ(error_of("spirals:classes=7"), "invalid classes for spirals: 7 (2 to 6)");
  EXPECT_EQ(error_of("sparse:features=1"), "invalid features for sparse: 1 (2 to 256)");
  EXPECT_EQ(error_of("sparse:features=257"), "invalid features for sparse: 257 (2 to 256)");
  EXPECT_EQ(error_of("sparse:active=0"), "invalid active for sparse: 0 (above 0, at most 1)");
  EXPECT_EQ(error_of("sparse:active=1.5"), "invalid active for sparse: 1.5 (above 0, at most 1)");
  EXPECT_EQ(error_of("sparse:features=256,n=2000"), "invalid n for sparse: 2000 with features=256 (features x n at most 500000)");
  EXPECT_EQ(error_of("sparse:features=100,n=5000"), "");
  // Every generator checks the common keys.
  for (const auto& name : dataset_names()) {
    EXPECT_NE(error_of(name + ":n=7"), "") << name;
    EXPECT_NE(error_of(name + ":noise=-1"), "") << name;
    EXPECT_NE(error_of(name + ":test_fraction=1"), "") << name;
    EXPECT_EQ(error_of(name + ":n=8,noise=0,test_fraction=0"), "") << name;
    EXPECT_EQ(error_of(name + ":n=5000,noise=10,test_fraction=0.99"), "") << name;  // sparse: 64 x 5000 fits
  }
}

TEST(Dataset, UnknownKeysAndNamesAreRefused) {
  EXPECT_EQ(error_of("moons:classes=3"), "unknown data key 'classes' for moons");
  EXPECT_EQ(error_of("sine:features=3"), "unknown data key 'features' for sine");
  EXPECT_EQ(error_of("blobs:active=0.1"), "unknown data key 'active' for blobs");
  EXPECT_EQ(error_of("spirals:nosie=0.1"), "unknown data key 'nosie' for spirals");
  EXPECT_EQ(error_of("sparse:n=3,bogus=1"), "unknown data key 'bogus' for sparse");  // the typo first
  EXPECT_EQ(error_of("moon"), "unknown data 'moon' (known: moons, circles, xor, spirals, blobs, sine, sparse)");
  EXPECT_EQ(error_of("moons:"), "nothing after ':' in spec 'moons:'");
}

}  // namespace
}  // namespace adamlab
