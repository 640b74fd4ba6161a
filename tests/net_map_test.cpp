// The network pictures of nn/net_map.h checked against other paths through the network: a map
// cell's most likely class is the one Mlp::accuracy counts as the prediction, a curve point is
// the value Mlp::loss (MSE) calls exact (to the last bit), and per-feature summaries read the right weights.
#include <gtest/gtest.h>

#include <cmath>

#include "core/error.h"
#include "nn/net_map.h"
#include "nn/net_scene.h"

namespace adamlab {
namespace {

TEST(NetMap, ProbabilitiesAreADistributionInEveryCell) {
  NetTaskConfig c;
  c.data = "blobs:classes=4";
  const NetTask task(c);
  const ClassMap map = class_map(task, task.initial_parameters(), data_bounds(task.data()), 17, 9);
  ASSERT_EQ(map.classes, 4);
  for (int i = 0; i < map.height; ++i)
    for (int j = 0; j < map.width; ++j) {
      double total = 0;
      for (int k = 0; k < map.classes; ++k) {
        EXPECT_GE(map.at(k, i, j), 0.0f);
        total += map.at(k, i, j);
      }
      EXPECT_NEAR(total, 1.0, 1e-6);
    }
}

TEST(NetMap, ACellsLikeliestClassIsTheNetworksPrediction) {
  NetScene scene = NetScene::with_default_runs();
  scene.step(200);
  const NetTask& task = scene.task();
  const Vec& params = scene.runs().front().run.parameters();
  const Dataset& d = task.data();
  for (Eigen::Index p = 0; p < 30; ++p) {
    const double x = d.train_x(0, p), y = d.train_x(1, p);
    // One cell centred on the point.
    const ClassMap map = class_map(task, params, DataBounds{x - 0.5, x + 0.5, y - 0.5, y + 0.5}, 1, 1);
    int best = 0;
    for (int k = 1; k < map.classes; ++k)
      if (map.at(k, 0, 0) > map.at(best, 0, 0)) best = k;
    Eigen::VectorXd label(1);
    label[0] = best;
    EXPECT_EQ(task.mlp().accuracy(params, task.train_features().col(p), label), 1.0) << "point " << p;
  }
}

TEST(NetMap, RowsRunFromTheTopOfThePlane) {
  NetTaskConfig c;
  c.data = "moons";
  const NetTask task(c);
  const DataBounds b{-2, 2, -1, 3};
  const ClassMap grid = class_map(task, task.initial_parameters(), b, 4, 2);
  // Row 0 samples y = 2 (the upper half's centre), column 3 samples x = 1.5.
  const ClassMap cell = class_map(task, task.initial_parameters(), DataBounds{1, 2, 1, 3}, 1, 1);
  EXPECT_FLOAT_EQ(grid.at(1, 0, 3), cell.at(1, 0, 0));
}

TEST(NetMap, ThePredictionCurveIsWhatTheLossCallsExact) {
  NetTaskConfig c;
  c.data = "sine";
  c.model = "mlp:hidden=5,features=x+sinx";
  const NetTask task(c);
  const Vec params = task.initial_parameters();
  const std::vector<double> curve = prediction_curve(task, params, -3, 3, 7);
  ASSERT_EQ(curve.size(), 7u);
  for (int j = 0; j < 7; ++j) {
    Eigen::MatrixXd raw(1, 1);
    raw(0, 0) = -3 + j;
    Eigen::VectorXd target(1);
    target[0] = curve[static_cast<std::size_t>(j)];
    // Squared error at rounding level: the curve's 7 points go through the vectorised tanh in
    // packets, the single point in the scalar tail, which may differ in the last bit.
    EXPECT_LT(task.mlp().loss(params, make_features(task.model(), raw), target), 1e-28) << j;
  }
  EXPECT_THROW(class_map(task, params, DataBounds{}, 2, 2), Error);
}

TEST(NetMap, PerFeatureSummariesReadTheFirstLayersColumns) {
  const Mlp mlp({3, 2, 2}, Activation::tanh, 2);  // W0 is 2 x 3, row-major, at offset 0
  Vec v = Vec::Zero(mlp.parameter_count());
  for (int i = 0; i < 6; ++i) v[i] = i + 1;  // W0 = [[1,2,3],[4,5,6]]
  v[6] = 100;                                // a bias: not a weight of any feature
  const std::vector<double> norms = first_layer_column_norms(mlp, v), means = first_layer_column_means(mlp, v);
  ASSERT_EQ(norms.size(), 3u);
  EXPECT_DOUBLE_EQ(norms[0], std::sqrt(1.0 + 16.0));
  EXPECT_DOUBLE_EQ(norms[2], std::sqrt(9.0 + 36.0));
  EXPECT_DOUBLE_EQ(means[1], 3.5);
  EXPECT_TRUE(first_layer_column_norms(mlp, Vec::Zero(3)).empty());
}

TEST(NetMap, BoundsHoldEveryPointWithAMargin) {
  NetTaskConfig c;
  c.data = "xor";
  const NetTask task(c);
  const DataBounds b = data_bounds(task.data());
  for (const Eigen::MatrixXd* x : {&task.data().train_x, &task.data().test_x})
    for (Eigen::Index j = 0; j < x->cols(); ++j) {
      EXPECT_GT((*x)(0, j), b.xmin);
      EXPECT_LT((*x)(0, j), b.xmax);
      EXPECT_GT((*x)(1, j), b.ymin);
      EXPECT_LT((*x)(1, j), b.ymax);
    }
}

}  // namespace
}  // namespace adamlab
