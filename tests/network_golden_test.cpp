// Whole network trainings against real torch 1.13 (tests/golden/generate_network_golden.py): the
// Mlp is built with the case's sizes and activation, the optimizer and scheduler from the case's
// specs, the parameters start at torch's initial weights and every step trains on the minibatch
// torch's DataLoader gave. Every batch loss, the full training loss after every step, the lr of
// every step and every final parameter must agree.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <limits>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "golden_json.h"

#include "core/spec.h"
#include "nn/mlp.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

using nlohmann::json;

// Relative error of ours against torch: |ours - torch| / max(|ours|, |torch|, kTiny). kTiny only
// keeps 0 vs 0 defined (it is the smallest normal double, not a floor that hides an error).
// Both sides do the same float64 operations up to summation order (BLAS vs Eigen matrix
// products, vectorised exp/tanh within an ulp), so what is left is rounding amplified by 200
// steps of training.
constexpr double kRelTol = 1e-10;
constexpr double kTiny = std::numeric_limits<double>::min();

const json& golden() { return golden_json("network_golden.json"); }

double relative_error(double ours, double torch) {
  return std::fabs(ours - torch) / std::max({std::fabs(ours), std::fabs(torch), kTiny});
}

// The quantities compared, each with its own worst error.
enum Quantity { kBatchLoss, kTrainLoss, kLr, kFinalParameter, kQuantities };
const char* const kQuantityNames[kQuantities] = {"batch loss", "train loss", "lr", "final parameter"};

struct Worst {
  double rel = 0;
  std::string where;
};

struct Comparison {
  Worst worst[kQuantities];
  long values = 0, identical = 0;
  std::vector<std::string> failures;

  void check(Quantity q, double ours, double torch, const std::string& where) {
    ++values;
    if (ours == torch) ++identical;
    const double rel = std::isfinite(ours) ? relative_error(ours, torch) : std::numeric_limits<double>::infinity();
    if (rel > worst[q].rel) worst[q] = {rel, where};
    if (!(rel <= kRelTol) && failures.size() < 5) {
      std::ostringstream os;
      os.precision(17);
      os << kQuantityNames[q] << " " << where << ": ours " << ours << " torch " << torch << " (relative " << rel
         << ")";
      failures.push_back(os.str());
    }
  }
};

Activation activation_named(const std::string& name) {
  if (name == "relu") return Activation::relu;
  if (name == "tanh") return Activation::tanh;
  if (name == "sigmoid") return Activation::sigmoid;
  if (name == "linear") return Activation::linear;
  throw std::runtime_error("golden file names an unknown activation " + name);
}

Vec vector_of(const json& values) {
  Vec v(static_cast<Eigen::Index>(values.size()));
  for (Eigen::Index i = 0; i < v.size(); ++i) v[i] = values[static_cast<std::size_t>(i)].get<double>();
  return v;
}

// The points as columns (input_dim x n), as Dataset and Mlp hold them.
struct Points {
  Eigen::MatrixXd x;
  Eigen::VectorXd y;
};

Points points_of(const json& data) {
  const json& xs = data["x"];
  const int dim = data["input_dim"].get<int>();
  Points p{Eigen::MatrixXd(dim, static_cast<Eigen::Index>(xs.size())), vector_of(data["y"])};
  for (std::size_t j = 0; j < xs.size(); ++j)
    for (int i = 0; i < dim; ++i) p.x(i, static_cast<Eigen::Index>(j)) = xs[j][static_cast<std::size_t>(i)].get<double>();
  return p;
}

std::string case_name(const json& c) { return c["name"].get<std::string>(); }

Comparison replay(const json& c) {
  Comparison cmp;
  const json& data = golden()["datasets"][c["data"].get<std::string>()];
  const Points all = points_of(data);
  const Mlp mlp(c["sizes"].get<std::vector<int>>(), activation_named(c["activation"].get<std::string>()),
                data["classes"].get<int>());
  Vec param = vector_of(c["initial"]);
  if (param.size() != mlp.parameter_count()) {
    cmp.failures.push_back("torch has " + std::to_string(param.size()) + " parameters, the Mlp " +
                           std::to_string(mlp.parameter_count()));
    return cmp;
  }
  const auto optimizer = make_optimizer(parse_spec(c["optimizer"].get<std::string>()));
  const auto scheduler =
      c["scheduler"].is_null() ? nullptr : make_scheduler(parse_spec(c["scheduler"].get<std::string>()));
  // Constructing a torch scheduler already sets the group's lr (as sim/run.cpp does).
  if (scheduler) optimizer->set_lr(scheduler->start(optimizer->lr()));

  cmp.check(kTrainLoss, mlp.loss(param, all.x, all.y), c["train_loss"][0].get<double>(), "after 0 steps");
  Vec grad;
  Eigen::MatrixXd bx;
  Eigen::VectorXd by;
  const json& batches = c["batches"];
  for (std::size_t k = 0; k < batches.size(); ++k) {
    const std::vector<int> idx = batches[k].get<std::vector<int>>();
    bx.resize(all.x.rows(), static_cast<Eigen::Index>(idx.size()));
    by.resize(static_cast<Eigen::Index>(idx.size()));
    for (std::size_t j = 0; j < idx.size(); ++j) {
      bx.col(static_cast<Eigen::Index>(j)) = all.x.col(idx[j]);
      by[static_cast<Eigen::Index>(j)] = all.y[idx[j]];
    }
    const std::string at = "step " + std::to_string(k + 1);
    cmp.check(kLr, optimizer->lr(), c["lr"][k].get<double>(), at);
    const double batch_loss = mlp.loss_and_gradient(param, bx, by, grad);
    optimizer->step(param, grad);
    if (scheduler) optimizer->set_lr(scheduler->step(optimizer->lr()));
    cmp.check(kBatchLoss, batch_loss, c["batch_loss"][k].get<double>(), at);
    cmp.check(kTrainLoss, mlp.loss(param, all.x, all.y), c["train_loss"][k + 1].get<double>(), "after " + at);
  }
  const Vec want = vector_of(c["final"]);
  for (Eigen::Index i = 0; i < want.size(); ++i)
    cmp.check(kFinalParameter, param[i], want[i], "[" + std::to_string(i) + "]");
  return cmp;
}

// Each case is replayed once per test binary; the per-case tests and the summary share the result.
const Comparison& replayed(std::size_t index) {
  static std::map<std::size_t, Comparison> cache;
  auto it = cache.find(index);
  if (it == cache.end()) it = cache.emplace(index, replay(golden()["cases"][index])).first;
  return it->second;
}

class NetworkGolden : public ::testing::TestWithParam<int> {};

TEST_P(NetworkGolden, TrainingMatchesTorch) {
  const json& c = golden()["cases"][GetParam()];
  const Comparison& cmp = replayed(static_cast<std::size_t>(GetParam()));
  for (const auto& f : cmp.failures) ADD_FAILURE() << case_name(c) << ": " << f;
  EXPECT_GT(cmp.values, 600) << case_name(c);  // 200 steps x (lr, batch loss, train loss) + parameters
}

std::vector<int> case_indices() {
  std::vector<int> out(golden()["cases"].size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<int>(i);
  return out;
}

std::string param_name(const ::testing::TestParamInfo<int>& info) {
  return std::to_string(info.param) + "_" + case_name(golden()["cases"][info.param]);
}

INSTANTIATE_TEST_SUITE_P(Cases, NetworkGolden, ::testing::ValuesIn(case_indices()), param_name);

// One pass over every case, reporting the worst relative error of each quantity.
TEST(NetworkGoldenSummary, WorstRelativeErrorPerQuantityIsWithinTolerance) {
  Worst worst[kQuantities];
  long values = 0, identical = 0;
  const json& cases = golden()["cases"];
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const json& c = cases[i];
    const Comparison& cmp = replayed(i);
    EXPECT_TRUE(cmp.failures.empty()) << case_name(c) << ": " << cmp.failures.front();
    values += cmp.values;
    identical += cmp.identical;
    for (int q = 0; q < kQuantities; ++q)
      if (cmp.worst[q].rel > worst[q].rel) worst[q] = {cmp.worst[q].rel, case_name(c) + ", " + cmp.worst[q].where};
  }
  std::cout << "[network golden] " << cases.size() << " cases; " << identical << " of " << values
            << " values bit-identical; worst relative error:\n";
  for (int q = 0; q < kQuantities; ++q) {
    std::ostringstream os;
    os.precision(3);
    os << worst[q].rel;
    RecordProperty(std::string("worst_") + kQuantityNames[q], os.str());
    std::cout << "  " << kQuantityNames[q] << ": " << os.str() << " ("
              << (worst[q].where.empty() ? "every value bit-identical" : worst[q].where) << ")\n";
    EXPECT_LE(worst[q].rel, kRelTol) << kQuantityNames[q];
  }
}

// The golden cases cover what the parity claim names: every optimizer, every activation, a
// linear model and up to two hidden layers, schedulers, and short last batches.
TEST(NetworkGoldenSummary, CasesCoverEveryOptimizerActivationAndAScheduler) {
  std::map<std::string, int> optimizers, activations;
  int schedulers = 0, maximize = 0, weight_decay = 0, short_last_batch = 0;
  std::map<std::size_t, int> depths;
  for (const auto& c : golden()["cases"]) {
    const std::string spec = c["optimizer"].get<std::string>();
    ++optimizers[spec.substr(0, spec.find(':'))];
    ++activations[c["activation"].get<std::string>()];
    ++depths[c["sizes"].size() - 2];
    schedulers += !c["scheduler"].is_null();
    maximize += spec.find("maximize=true") != std::string::npos;
    weight_decay += spec.find("weight_decay=") != std::string::npos;
    const std::size_t n = golden()["datasets"][c["data"].get<std::string>()]["x"].size();
    short_last_batch += n % c["batch_size"].get<std::size_t>() != 0;
  }
  for (const auto& name : optimizer_names()) EXPECT_GE(optimizers[name], 1) << name;
  for (const char* a : {"relu", "tanh", "sigmoid", "linear"}) EXPECT_GE(activations[a], 1) << a;
  for (std::size_t hidden = 0; hidden <= 2; ++hidden) EXPECT_GE(depths[hidden], 1) << hidden << " hidden layers";
  EXPECT_GE(schedulers, 1);
  EXPECT_GE(maximize, 2);
  EXPECT_GE(weight_decay, 2);
  EXPECT_EQ(short_last_batch, static_cast<int>(golden()["cases"].size()));
}

// The product's training loop is the loop replayed above: NetRun on a task holding a golden case's
// points and network gives, row by row and bit for bit, what the hand-written loop gives with the
// task's own initial weights and batches. So the parity measured above is the parity of
// `adamlab train` and of the page, whose batches and initial weights come from AdamLab's seeds.
TEST(NetworkGoldenNetRun, NetRunIsTheReplayedLoop) {
  for (const char* name : {"sgd_nesterov", "adam_amsgrad_wd", "rmsprop_linearlr"}) {
    const json* found = nullptr;
    for (const auto& c : golden()["cases"])
      if (c["name"] == name) found = &c;
    ASSERT_NE(found, nullptr) << name;
    const json& c = *found;
    const json& data = golden()["datasets"][c["data"].get<std::string>()];
    const Points all = points_of(data);
    Dataset d;
    d.spec = "csv";
    d.input_dim = data["input_dim"].get<int>();
    d.classes = data["classes"].get<int>();
    d.train_x = all.x;
    d.train_y = all.y;
    d.test_x = all.x.leftCols(7);
    d.test_y = all.y.head(7);
    const std::vector<int> sizes = c["sizes"].get<std::vector<int>>();
    std::string hidden;
    for (std::size_t l = 1; l + 1 < sizes.size(); ++l) hidden += (hidden.empty() ? "" : "x") + std::to_string(sizes[l]);
    NetTaskConfig config;
    config.model = "mlp:hidden=" + (hidden.empty() ? std::string("none") : hidden) +
                   ",activation=" + c["activation"].get<std::string>() + (d.input_dim == 1 ? ",features=x" : ",features=x+y");
    config.batch_size = c["batch_size"].get<std::int64_t>();
    config.seed = c["seed"].get<std::uint64_t>();
    const auto task = std::make_shared<const NetTask>(config, d);
    ASSERT_EQ(task->mlp().sizes(), sizes) << name;
    ASSERT_EQ(task->train_features(), all.x) << name;

    const auto spec = [&](const char* key) { return parse_spec(c[key].get<std::string>()); };
    NetRun run(task, make_optimizer(spec("optimizer")), c["scheduler"].is_null() ? nullptr : make_scheduler(spec("scheduler")));
    const auto optimizer = make_optimizer(spec("optimizer"));
    const auto scheduler = c["scheduler"].is_null() ? nullptr : make_scheduler(spec("scheduler"));
    if (scheduler) optimizer->set_lr(scheduler->start(optimizer->lr()));
    Vec param = task->initial_parameters(), grad;
    Eigen::MatrixXd bx;
    Eigen::VectorXd by;
    for (std::int64_t k = 1; k <= 200; ++k) {
      const double lr = optimizer->lr();
      task->batch(k, bx, by);
      const double batch_loss = task->mlp().loss_and_gradient(param, bx, by, grad);
      optimizer->step(param, grad);
      if (scheduler) optimizer->set_lr(scheduler->step(optimizer->lr()));
      const NetRow row = run.step();
      ASSERT_EQ(row.step, k);
      ASSERT_EQ(row.lr, lr) << name << " step " << k;
      ASSERT_EQ(row.batch_loss, batch_loss) << name << " step " << k;
      ASSERT_EQ(row.train_loss, task->mlp().loss(param, all.x, all.y)) << name << " step " << k;
      ASSERT_EQ(row.test_loss, task->mlp().loss(param, d.test_x, d.test_y)) << name << " step " << k;
    }
    EXPECT_EQ(run.parameters(), param) << name;
  }
}

}  // namespace
}  // namespace adamlab
