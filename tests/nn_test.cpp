// The network core: the MLP's gradient, torch's init bounds, the DataLoader-like batch order and
// the run's loop. Parity with real torch trajectories is in network_golden_test.cpp.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "core/error.h"
#include "core/spec.h"
#include "nn/mlp.h"
#include "nn/model.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "optim/optimizer.h"

namespace adamlab {
namespace {

// A small planar 3-class dataset, built by hand so these tests need no generator.
Dataset toy_data(int n = 23, int classes = 3) {
  Dataset d;
  d.spec = "toy";
  d.input_dim = 2;
  d.classes = classes;
  d.train_x.resize(2, n);
  d.train_y.resize(n);
  for (int j = 0; j < n; ++j) {
    d.train_x(0, j) = std::cos(0.7 * j) * (1 + 0.1 * j);
    d.train_x(1, j) = std::sin(1.3 * j) - 0.05 * j;
    d.train_y[j] = classes == 0 ? std::sin(d.train_x(0, j)) : j % classes;
  }
  d.test_x = d.train_x.leftCols(5);
  d.test_y = d.train_y.head(5);
  return d;
}

// Central differences, relative error per coordinate.
void expect_gradient_matches_differences(const Mlp& mlp, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  Vec p = mlp.initial_parameters(7);
  Vec grad;
  mlp.loss_and_gradient(p, x, y, grad);
  ASSERT_EQ(grad.size(), mlp.parameter_count());
  for (Eigen::Index i = 0; i < p.size(); ++i) {
    const double h = 1e-6, saved = p[i];
    p[i] = saved + h;
    const double up = mlp.loss(p, x, y);
    p[i] = saved - h;
    const double down = mlp.loss(p, x, y);
    p[i] = saved;
    const double numeric = (up - down) / (2 * h);
    EXPECT_NEAR(grad[i], numeric, 1e-7 * std::max(1.0, std::abs(numeric))) << "parameter " << i;
  }
}

TEST(Mlp, GradientMatchesFiniteDifferencesForEveryActivationAndLoss) {
  const Dataset d = toy_data();
  for (Activation a : {Activation::tanh, Activation::sigmoid, Activation::relu, Activation::linear}) {
    SCOPED_TRACE(to_string(a));
    expect_gradient_matches_differences(Mlp({2, 5, 4, 3}, a, 3), d.train_x, d.train_y);
  }
  const Dataset r = toy_data(17, 0);
  expect_gradient_matches_differences(Mlp({2, 6, 1}, Activation::tanh, 0), r.train_x, r.train_y);
  expect_gradient_matches_differences(Mlp({2, 1}, Activation::tanh, 0), r.train_x, r.train_y);
}

TEST(Mlp, ParametersFollowTorchLinearLayoutAndInitBounds) {
  const Mlp mlp({3, 5, 2}, Activation::relu, 2);
  EXPECT_EQ(mlp.parameter_count(), 5 * 3 + 5 + 2 * 5 + 2);
  EXPECT_EQ(mlp.weight_offset(1), 20);
  const Vec p = mlp.initial_parameters(42);
  // U(-1/sqrt(fan_in), 1/sqrt(fan_in)) for weight and bias alike.
  EXPECT_LE(p.head(20).cwiseAbs().maxCoeff(), 1 / std::sqrt(3.0));
  EXPECT_LE(p.tail(12).cwiseAbs().maxCoeff(), 1 / std::sqrt(5.0));
  EXPECT_GT(p.head(20).cwiseAbs().maxCoeff(), 0.8 / std::sqrt(3.0));  // the whole range is used
  EXPECT_EQ(p, mlp.initial_parameters(42));
  EXPECT_NE(p, mlp.initial_parameters(43));
  // The first weight row feeds output unit 0 from the 3 inputs: out = W x + b with W row-major.
  Eigen::MatrixXd x(3, 1);
  x << 1, 0, 0;
  const auto a = mlp.activations(p, x);
  EXPECT_DOUBLE_EQ(a[1](0, 0), std::max(0.0, p[0] + p[15]));
  EXPECT_DOUBLE_EQ(a[1](1, 0), std::max(0.0, p[3] + p[16]));
}

TEST(Mlp, CrossEntropyOfUniformLogitsIsLogClasses) {
  const Mlp mlp({2, 3}, Activation::linear, 3);
  const Dataset d = toy_data();
  EXPECT_NEAR(mlp.loss(Vec::Zero(mlp.parameter_count()), d.train_x, d.train_y), std::log(3.0), 1e-15);
  EXPECT_NEAR(mlp.accuracy(Vec::Zero(mlp.parameter_count()), d.train_x, d.train_y), 8.0 / 23, 1e-15);  // ties -> class 0
}

TEST(Mlp, ReluKeepsNaNSoADivergedNetworkStaysDiverged) {
  const Mlp mlp({2, 2, 2}, Activation::relu, 2);
  Vec p = mlp.initial_parameters(1);
  p[0] = std::nan("");
  const Dataset d = toy_data(6, 2);
  EXPECT_TRUE(std::isnan(mlp.loss(p, d.train_x, d.train_y)));
}

TEST(Model, SpecRoundTripsAndRejectsBadValuesByName) {
  EXPECT_EQ(to_string(model_spec(parse_model("mlp"))), "mlp:hidden=8x8,activation=tanh,features=x+y");
  EXPECT_EQ(to_string(model_spec(parse_model("mlp:hidden=none,features=x+xy+sinx"))),
            "mlp:hidden=none,activation=tanh,features=x+xy+sinx");
  const char* bad[][2] = {{"mlp:hidden=0", "0 (1 to 64)"},          {"mlp:hidden=65", "65"},
                          {"mlp:hidden=2x2x2x2x2", "5 layers"}, {"mlp:activation=gelu", "gelu"},
                          {"mlp:features=x+z", "'z'"},      {"mlp:features=x+x", "twice"},
                          {"mlp:depth=2", "depth"},         {"cnn", "cnn"}};
  for (const auto& [text, named] : bad) {
    try {
      parse_model(text);
      ADD_FAILURE() << text << " was accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
    }
  }
}

TEST(Model, FeaturesAreComputedPerPointAnd1DUsesOnlyXFeatures) {
  const ModelConfig c = parse_model("mlp:features=x+y+x2+y2+xy+sinx+siny");
  Eigen::MatrixXd raw(2, 2);
  raw << 0.5, -2, 3, 1;
  const Eigen::MatrixXd f = make_features(c, raw);
  ASSERT_EQ(f.rows(), 7);
  EXPECT_EQ(f(2, 0), 0.25);
  EXPECT_EQ(f(3, 1), 1);
  EXPECT_EQ(f(4, 0), 1.5);
  EXPECT_NEAR(f(5, 1), std::sin(-2.0), 1e-15);
  EXPECT_NEAR(f(6, 0), std::sin(3.0), 1e-15);
  EXPECT_EQ(feature_count(c, 1), 3);
  EXPECT_EQ(make_features(c, raw.topRows(1)).rows(), 3);
  EXPECT_EQ(feature_count(c, 30), 30);
}

TEST(NetTask, EachEpochVisitsEveryPointOnceAndTheLastBatchIsShort) {
  NetTaskConfig config;
  config.batch_size = 10;
  const NetTask task(config, toy_data());  // 23 points: batches of 10, 10, 3
  ASSERT_EQ(task.batches_per_epoch(), 3);
  for (int epoch = 0; epoch < 3; ++epoch) {
    std::multiset<int> seen;
    for (int b = 1; b <= 3; ++b) {
      const auto idx = task.batch_indices(epoch * 3 + b);
      EXPECT_EQ(idx.size(), b == 3 ? 3u : 10u);
      seen.insert(idx.begin(), idx.end());
    }
    EXPECT_EQ(seen.size(), 23u);
    EXPECT_EQ(std::set<int>(seen.begin(), seen.end()).size(), 23u);
  }
  EXPECT_NE(task.batch_indices(1), task.batch_indices(4));  // a new shuffle each epoch
  NetTaskConfig other = config;
  other.seed = 2;
  EXPECT_NE(NetTask(other, toy_data()).batch_indices(1), task.batch_indices(1));
}

TEST(NetTask, RefusesABadBatchSizeOrModelByName) {
  NetTaskConfig config;
  config.batch_size = 0;
  EXPECT_THROW(NetTask(config, toy_data()), Error);
  config.batch_size = 4;
  config.model = "mlp:features=y";
  Dataset line = toy_data(10, 0);
  line.input_dim = 1;
  line.train_x = line.train_x.topRows(1).eval();
  line.test_x = line.test_x.topRows(1).eval();
  try {
    NetTask(config, line);
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("1D"), std::string::npos) << e.what();
  }
}

TEST(NetRun, StepsMinimiseTheBatchLossWithTheOptimizerAsTorchWould) {
  auto task = std::make_shared<const NetTask>(NetTaskConfig{"toy", "mlp:hidden=8", 5, 3}, toy_data());
  NetRun run(task, make_optimizer(parse_spec("adam:lr=0.01")), nullptr);
  const NetRow start = run.row();
  EXPECT_EQ(start.step, 0);
  EXPECT_TRUE(std::isnan(start.batch_loss));
  // By hand: the same batch, gradient and Adam step.
  Vec p = task->initial_parameters(), g;
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
  task->batch(1, x, y);
  const double batch_loss = task->mlp().loss_and_gradient(p, x, y, g);
  make_optimizer(parse_spec("adam:lr=0.01"))->step(p, g);
  const NetRow r = run.step();
  EXPECT_EQ(r.batch_loss, batch_loss);
  EXPECT_EQ(run.parameters(), p);
  EXPECT_EQ(r.train_loss, task->mlp().loss(p, task->train_features(), task->data().train_y));
  for (int k = 0; k < 300; ++k) run.step();
  EXPECT_LT(run.row().train_loss, 0.9 * start.train_loss);
}

TEST(NetRun, ReportsTheFirstStepWithANonFiniteParameter) {
  auto task = std::make_shared<const NetTask>(NetTaskConfig{"toy", "mlp:hidden=4,activation=relu", 23, 3}, toy_data());
  NetRun run(task, make_optimizer(parse_spec("sgd:lr=1e300")), nullptr);
  for (int k = 0; k < 5; ++k) run.step();
  EXPECT_TRUE(run.diverged());
  EXPECT_GE(run.diverged_at(), 1);
  EXPECT_LE(run.diverged_at(), 3);
}

}  // namespace
}  // namespace adamlab
