// Network sweeps (nn/net_sweep.h): every cell is exactly a NetRun trained alone with the cell's
// options, diverged cells are marked, bad axes are refused in the landscape sweep's words, and
// the config crosses the worker's wire intact.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "nn/net_run.h"
#include "nn/net_scene.h"
#include "nn/net_sweep.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/sweep.h"
#include "sim/sweep_state.h"
#include "sim/sweep_wire.h"

namespace adamlab {
namespace {

NetTaskConfig small_task() {
  NetTaskConfig t;
  t.data = "spirals:n=80";
  t.model = "mlp:hidden=6,activation=tanh";
  t.batch_size = 8;
  t.seed = 3;
  return t;
}

SweepConfig net_config(const std::string& optimizer, const std::string& x, const std::string& y, std::int64_t steps,
                       const std::string& metric, const std::string& scheduler = "", NetTaskConfig task = small_task()) {
  SweepConfig c;
  c.optimizer = parse_spec(optimizer);
  c.x = parse_sweep_axis(x, "x");
  c.y = parse_sweep_axis(y, "y");
  c.steps = steps;
  c.metric = parse_sweep_metric(metric);
  auto source = std::make_shared<NetSweepSource>();
  source->task = task;
  source->scheduler = scheduler;
  c.network = source;
  return c;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// The cell's metric computed the plain way: a NetRun with the cell's options trained alone with
// step() (a row on the whole sets after every step), the train loss read every 5 steps.
double trained_alone(const SweepConfig& c, const NetTask& task, double xv, double yv) {
  Spec spec = c.optimizer;
  spec.set(c.x.key, format_number(xv));
  spec.set(c.y.key, format_number(yv));
  const std::string& sched = c.network->scheduler;
  NetRun run(std::make_shared<const NetTask>(task.config()), make_optimizer(spec),
             sched.empty() ? nullptr : make_scheduler(parse_spec(sched)));
  NetRow row = run.row();
  double best = row.train_loss;
  double reached = row.train_loss <= c.metric.threshold ? 0 : NAN;
  while (run.steps_taken() < c.steps && !run.diverged()) {
    row = run.step();
    const std::int64_t k = run.steps_taken();
    if (run.diverged() || (k % kNetSweepEvalEvery != 0 && k != c.steps)) continue;
    best = std::min(best, row.train_loss);
    if (std::isnan(reached) && row.train_loss <= c.metric.threshold) reached = static_cast<double>(k);
  }
  switch (c.metric.kind) {
    case SweepMetric::kFinalLoss: return run.diverged() ? NAN : row.train_loss;
    case SweepMetric::kTestLoss: return run.diverged() ? NAN : row.test_loss;
    case SweepMetric::kBestLoss: return run.diverged() ? NAN : best;
    case SweepMetric::kStepsTo: return reached;
    case SweepMetric::kDiverged: return run.diverged() ? 1 : 0;
  }
  return NAN;
}

void expect_cells_trained_alone(const SweepConfig& c) {
  NetSweepJob job(c);
  while (!job.advance(37)) {  // small slices: cells are interrupted mid-training and resumed
  }
  ASSERT_EQ(job.cells_done(), job.cells());
  const std::size_t nx = job.x_values().size();
  for (std::size_t cell = 0; cell < job.cells(); ++cell) {
    const double want = trained_alone(c, job.task(), job.x_values()[cell % nx], job.y_values()[cell / nx]);
    EXPECT_TRUE(same_bits(job.metric()[cell], want) || (std::isnan(want) && std::isnan(job.metric()[cell])))
        << "cell " << cell << ": " << job.metric()[cell] << " vs " << want;
  }
}

TEST(NetSweep, EveryCellIsANetRunTrainedAloneBitForBit) {
  for (const char* metric : {"final_loss", "test_loss", "best_loss", "steps_to:0.6", "diverged"}) {
    SCOPED_TRACE(metric);
    expect_cells_trained_alone(net_config("adam", "lr=1e-3:0.3:log:3", "beta1=0:0.95:lin:3", 23, metric));
  }
}

TEST(NetSweep, CellsKeepTheRunsSchedulerAndOtherOptions) {
  expect_cells_trained_alone(net_config("sgd:nesterov=true,momentum=0.5,weight_decay=0.01", "lr=0.01:1:log:2",
                                        "momentum=0.5:0.9:lin:2", 30, "final_loss", "step:step_size=7,gamma=0.5"));
}

TEST(NetSweep, StepsToCountsInStepsOfFiveAndNeverReachedIsNan) {
  // A threshold between the cells' best losses: some cells reach it, some never do.
  NetSweepJob best(net_config("adam", "lr=1e-4:0.1:log:4", "beta1=0.5:0.9:lin:2", 40, "best_loss"));
  best.advance(1'000'000);
  std::vector<double> sorted = best.metric();
  std::sort(sorted.begin(), sorted.end());
  ASSERT_LT(sorted.front(), sorted.back());
  const double threshold = (sorted[3] + sorted[4]) / 2;
  NetSweepJob job(net_config("adam", "lr=1e-4:0.1:log:4", "beta1=0.5:0.9:lin:2", 40, "steps_to:" + format_number(threshold)));
  job.advance(1'000'000);
  int reached = 0, never = 0;
  for (std::size_t cell = 0; cell < job.cells(); ++cell) {
    const double v = job.metric()[cell];
    EXPECT_EQ(std::isnan(v), best.metric()[cell] > threshold) << cell;
    if (std::isnan(v)) {
      ++never;
      continue;
    }
    ++reached;
    EXPECT_EQ(std::fmod(v, 5.0), 0.0) << v;
  }
  EXPECT_EQ(reached, 4);
  EXPECT_EQ(never, 4);
}

TEST(NetSweep, DivergedCellsAreMarkedAndTheirLossesAreNan) {
  // A regression (MSE) with relu: a large step grows the output, whose error grows the next step.
  NetTaskConfig sine = small_task();
  sine.data = "sine:n=80";
  sine.model = "mlp:hidden=6,activation=relu";
  const auto diverged = net_config("sgd", "lr=0.01:1e6:log:4", "momentum=0:0.9:lin:2", 25, "diverged", "", sine);
  NetSweepJob job(diverged);
  job.advance(1'000'000);
  ASSERT_TRUE(job.done());
  EXPECT_EQ(job.metric()[0], 0.0);  // lr 0.01 trains
  EXPECT_EQ(job.metric()[3], 1.0);  // lr 1e6 blows up
  expect_cells_trained_alone(diverged);
  NetSweepJob losses(net_config("sgd", "lr=0.01:1e6:log:4", "momentum=0:0.9:lin:2", 25, "final_loss", "", sine));
  losses.advance(1'000'000);
  for (std::size_t cell = 0; cell < job.cells(); ++cell)
    EXPECT_EQ(std::isnan(losses.metric()[cell]), job.metric()[cell] == 1.0) << cell;
}

// The same axes on a landscape sweep and on a network sweep: the same refusal, word for word.
void expect_same_refusal(const std::string& optimizer, const std::string& x, const std::string& y) {
  SweepConfig landscape = net_config(optimizer, "lr=0.1:1:log:2", "beta1=0:0.9:lin:2", 10, "final_loss");
  landscape.network = nullptr;
  landscape.problem = parse_spec("rosenbrock");
  std::string landscape_message, network_message;
  SweepConfig network = net_config(optimizer, "lr=0.1:1:log:2", "beta1=0:0.9:lin:2", 10, "final_loss");
  try {
    landscape.x = parse_sweep_axis(x, "x"), landscape.y = parse_sweep_axis(y, "y");
    SweepJob job(landscape);
  } catch (const Error& e) {
    landscape_message = e.what();
  }
  try {
    network.x = parse_sweep_axis(x, "x"), network.y = parse_sweep_axis(y, "y");
    SweepJob job(network);
  } catch (const Error& e) {
    network_message = e.what();
  }
  EXPECT_FALSE(network_message.empty()) << x << " " << y;
  EXPECT_EQ(network_message, landscape_message);
}

TEST(NetSweep, RefusesBadAxesWithTheLandscapeSweepsMessages) {
  expect_same_refusal("adam", "lr=1e-3:1:log:4", "momentum=0:0.9:lin:3");  // adam has no momentum
  expect_same_refusal("adam", "lr=1e-3:1:log:4", "lr=1e-2:1:log:3");       // the same key twice
  expect_same_refusal("adam", "lr=-1:1:lin:4", "beta1=0:0.9:lin:3");       // torch: Invalid learning rate
  expect_same_refusal("adam", "lr=1e-3:1:log:4", "beta1=0:1.5:lin:3");     // torch: Invalid beta parameter
  expect_same_refusal("sgd:nesterov=true", "lr=0.1:1:log:2", "momentum=0:0.9:lin:2");  // nesterov needs momentum > 0
  try {
    SweepJob job(net_config("adam", "lr=1e-3:1:log:4", "momentum=0:0.9:lin:3", 10, "final_loss"));
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("adam has no numeric option 'momentum'"), std::string::npos) << e.what();
  }
}

TEST(NetSweep, RefusesWhatANetworkSweepCannotComputeByName) {
  auto expect_refused = [](SweepConfig c, const std::string& words) {
    try {
      NetSweepJob job(c);
      FAIL() << words;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  SweepConfig seeds = net_config("adam", "lr=1e-3:1:log:2", "beta1=0:0.9:lin:2", 10, "final_loss");
  seeds.seeds = 3;
  expect_refused(seeds, "invalid seeds '3'");
  NetTaskConfig no_test = small_task();
  no_test.data = "spirals:n=80,test_fraction=0";
  expect_refused(net_config("adam", "lr=1e-3:1:log:2", "beta1=0:0.9:lin:2", 10, "test_loss", "", no_test), "no test set");
  expect_refused(net_config("adam", "lr=1e-3:1:log:2", "beta1=0:0.9:lin:2", 10, "final_loss", "step:gamma=0.5"), "step_size");
  NetTaskConfig bad_model = small_task();
  bad_model.model = "mlp:hidden=100";
  expect_refused(net_config("adam", "lr=1e-3:1:log:2", "beta1=0:0.9:lin:2", 10, "final_loss", "", bad_model), "100");
  expect_refused(net_config("adam", "lr=1e-3:1:log:256", "beta1=0:0.9:lin:256", 1000, "final_loss"), "sweep too large");
  // A landscape sweep has no test set.
  SweepConfig landscape = net_config("adam", "lr=1e-3:1:log:2", "beta1=0:0.9:lin:2", 10, "test_loss");
  landscape.network = nullptr;
  landscape.problem = parse_spec("rosenbrock");
  EXPECT_THROW(SweepJob job(landscape), Error);
}

TEST(NetSweep, CrossesTheWireAndTheWorkerComputesTheSameCells) {
  const SweepConfig a = net_config("rmsprop:centered=true", "lr=1e-3:0.1:log:3", "alpha=0.9:0.999:log1m:2", 15,
                                   "best_loss", "exponential:gamma=0.9");
  const std::string wire = sweep_config_to_wire(a);
  const SweepConfig b = sweep_config_from_wire(wire);
  ASSERT_TRUE(b.network);
  EXPECT_EQ(sweep_config_to_wire(b), wire);
  SweepJob here(a), there(b);
  here.advance(1'000'000), there.advance(1'000'000);
  ASSERT_TRUE(here.done() && there.done());
  for (std::size_t i = 0; i < here.cells(); ++i) EXPECT_TRUE(same_bits(here.metric()[i], there.metric()[i])) << i;
  EXPECT_THROW(sweep_config_from_wire(wire + "problem rosenbrock\n"), Error);  // two kinds mixed
  std::string missing = wire;
  missing.erase(missing.find("net_seed"), missing.find('\n', missing.find("net_seed")) + 1 - missing.find("net_seed"));
  EXPECT_THROW(sweep_config_from_wire(missing), Error);
}

TEST(NetSweep, AUsersCsvCrossesTheWireAsItsPoints) {
  NetScene scene(small_task());
  std::string csv = "x,y,label\n";
  for (int i = 0; i < 40; ++i)
    csv += format_number(std::cos(0.3 * i) * (1 + 0.05 * i)) + "," + format_number(std::sin(0.3 * i) / 3) + "," +
           std::to_string(i % 2) + "\n";
  scene.set_csv(csv, 0.25);
  SweepRequest r;
  r.x = "lr=1e-3:0.1:log:2";
  r.y = "beta1=0:0.9:lin:2";
  r.steps = 12;
  r.metric = "test_loss";
  const SweepConfig a = sweep_config(r, scene, parse_spec("adam"), "");
  ASSERT_TRUE(a.network->data);
  const SweepConfig b = sweep_config_from_wire(sweep_config_to_wire(a));
  ASSERT_TRUE(b.network->data);
  EXPECT_EQ(b.network->data->train_x, scene.task().data().train_x);
  EXPECT_EQ(b.network->data->test_y, scene.task().data().test_y);
  SweepJob here(a), there(b);
  here.advance(1'000'000), there.advance(1'000'000);
  for (std::size_t i = 0; i < here.cells(); ++i) EXPECT_TRUE(same_bits(here.metric()[i], there.metric()[i])) << i;
}

TEST(NetSweep, ASessionSweepsARunOfANetSceneAndItsCellSpecTrainsTheSameNetwork) {
  NetScene scene(small_task());
  const int id = scene.add_run("adam:lr=0.01", "exponential:gamma=0.99");
  const NetSceneRun& run = *scene.find(id);
  SweepSession session;
  SweepRequest r;
  r.x = "lr=1e-3:0.3:log:3";
  r.y = "beta1=0:0.95:lin:2";
  r.steps = 20;
  r.metric = "test_loss";
  session.start(r, scene, run.optimizer, run.scheduler, id);
  ASSERT_TRUE(session.network());
  while (session.running()) session.tick(50);
  ASSERT_TRUE(session.finished());
  // A cell's spec, added to the scene as a run and trained as far, gives the cell's value.
  const int added = scene.add_run(to_string(session.cell_spec(2, 1)), run.scheduler);
  scene.step(20);
  EXPECT_TRUE(same_bits(scene.find(added)->history.rows().back().test_loss, session.metric()[1 * 3 + 2]));
}

}  // namespace
}  // namespace adamlab
