// Mlp's passes give every point the same numbers wherever it sits in a batch: the page draws a
// boundary or curve from one big batch, a loss reads single points, a sweep cell and a run
// trained alone must agree bit for bit. (Eigen's vectorised exp takes an array's tail through
// std::exp, which differs in the last bit: that made a point's output depend on its column.)
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>

#include "nn/mlp.h"

namespace adamlab {
namespace {

TEST(MlpBatch, APointsOutputAndLossDoNotDependOnItsPlaceInTheBatch) {
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu}) {
    SCOPED_TRACE(to_string(a));
    const Mlp mlp({2, 7, 5, 3}, a, 3);
    const Vec p = mlp.initial_parameters(11) * 3.0;  // larger weights: exp's whole range is used
    Eigen::MatrixXd x(2, 13);
    Eigen::VectorXd y(13);
    for (int j = 0; j < 13; ++j) {
      x(0, j) = std::cos(1.7 * j) * (0.5 + 0.3 * j);
      x(1, j) = std::sin(0.9 * j) - 0.2 * j;
      y[j] = j % 3;
    }
    const Eigen::MatrixXd all = mlp.activations(p, x).back();
    for (int j = 0; j < 13; ++j) {
      const Eigen::MatrixXd one = mlp.activations(p, x.col(j)).back();
      for (int c = 0; c < 3; ++c) EXPECT_EQ(std::memcmp(&one(c, 0), &all(c, j), sizeof(double)), 0) << "point " << j;
      // A batch of one's loss is the point's term of the batch loss: the same log-softmax.
      const Eigen::MatrixXd pair = (Eigen::MatrixXd(2, 2) << x.col(j), x.col(j)).finished();
      const Eigen::VectorXd yy = Eigen::VectorXd::Constant(2, y[j]);
      EXPECT_EQ(mlp.loss(p, x.col(j), y.segment(j, 1)), mlp.loss(p, pair, yy)) << "point " << j;
    }
  }
}

}  // namespace
}  // namespace adamlab
