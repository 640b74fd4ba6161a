#pragma once
// A hyperparameter sweep: a grid of runs of one optimizer on one problem, two numeric options
// varied along x and y, every cell reduced to one metric. Computed by the batched engine
// (batch/batch_runs.h) in blocks, progressively, so a UI can spread it over frames:
//
//   SweepJob job(config);                      // validates every cell; throws Error
//   while (!job.done()) { job.advance(2'000'000); draw(job.metric(), job.cells_done()); }
//
// metric() has one entry per cell, row-major with y outer (index iy * nx + ix); cells
// [0, cells_done()) are final, the rest NaN.
//
// With config.network set the cells are whole trainings of a network instead (nn/net_sweep.h):
// the same axes, metrics, progress and validation, so the session, the worker and the heat map
// serve both kinds.
#include <Eigen/Core>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "batch/batch_runs.h"
#include "core/spec.h"
#include "sim/noise.h"

namespace adamlab {

struct NetSweepSource;  // nn/net_sweep.h
class NetSweepJob;

constexpr int kMaxSweepAxisCells = 256;
constexpr int kMaxSweepSeeds = 64;
// cells x steps x seeds: ~10-20 s of native compute; larger is a typo, not an experiment.
constexpr double kMaxSweepRunSteps = 8.0e9;

// KEY=LO:HI:log|lin|log1m:N, e.g. lr=1e-4:1:log:64 or beta1=0:0.99:lin:100.
// log1m spaces 1 - value evenly in log (beta2=0.9:0.9999:log1m:4 is 0.9, 0.99, 0.999, 0.9999):
// the natural scale of a decay rate, whose memory is 1 / (1 - beta) steps.
struct SweepAxis {
  std::string key;
  double lo = 0, hi = 0;
  bool log = false;
  bool log1m = false;  // LO < 1 and HI < 1
  int n = 1;
  std::string text;  // as written, for messages
  std::string option = "--x";  // how the caller names this axis in messages: "--x" (CLI), "sweep x" (page)
  std::vector<double> values() const;  // n values from lo to hi, endpoints exact
};
SweepAxis parse_sweep_axis(const std::string& text, const std::string& option);  // option: "--x", "sweep x"

// final_loss | best_loss | steps_to:THRESH | diverged
//   final_loss  loss after the last step; nan if the run diverged
//   best_loss   lowest loss over rows 0..N; nan if the run diverged
//   steps_to    first step whose loss <= THRESH (0 = the start); nan if never reached before
//               diverging or by step N
//   diverged    1 if x, y or loss became non-finite at any step (Run::diverged), else 0
//   test_loss   network sweeps only: the loss on the test set after the last step
// Network sweeps read the losses on the whole training set (nn/net_sweep.h). With several seeds the metric is the mean over seeds (nan if any seed's is nan), so diverged
// is the fraction of seeds that diverged.
struct SweepMetric {
  enum Kind { kFinalLoss, kBestLoss, kStepsTo, kDiverged, kTestLoss } kind = kFinalLoss;
  double threshold = 0;
};
SweepMetric parse_sweep_metric(const std::string& text);

struct SweepConfig {
  Spec problem;
  Eigen::Vector2d start{0.0, 0.0};
  Spec optimizer;  // options shared by every cell; the axes' keys override it
  SweepAxis x, y;
  std::int64_t steps = 0;
  SweepMetric metric;
  GradientNoise noise;  // noise.seed is the first seed; seed s of `seeds` uses noise.seed + s
  int seeds = 1;
  batch::Arithmetic arithmetic = batch::default_arithmetic();
  // Set for a network sweep: the task and the run's scheduler (problem, start, noise, arithmetic
  // are then unused).
  std::shared_ptr<const NetSweepSource> network;
};

// The checks every sweep makes of its axes against the optimizer, shared so landscape and network
// sweeps refuse a bad axis in the same words: both keys numeric options of the optimizer and not
// the same; cells x steps x seeds within max_run_steps; then every value of each axis (the other
// at its first value), then every cell, through the optimizer's validate().
void check_sweep_axes(const SweepConfig& config, double max_run_steps);

class SweepJob {
 public:
  explicit SweepJob(const SweepConfig& config);
  ~SweepJob();

  // Computes about max_run_steps run-steps (at least one step of one block) and returns done().
  bool advance(std::int64_t max_run_steps);
  double progress() const;  // 0 .. 1
  bool done() const { return cells_done() == cells() || cancelled(); }
  void cancel();
  bool cancelled() const;

  const std::vector<double>& metric() const;
  std::size_t cells_done() const;
  std::size_t cells() const { return x_values_.size() * y_values_.size(); }
  const std::vector<double>& x_values() const { return x_values_; }
  const std::vector<double>& y_values() const { return y_values_; }
  const SweepConfig& config() const { return config_; }
  const NetSweepJob* network() const { return net_.get(); }  // a network sweep's own job, else null

 private:
  batch::BatchConfig block_config(std::size_t begin, std::size_t end, int seed) const;
  void finish_run_of_block();

  SweepConfig config_;
  std::shared_ptr<const Problem> problem_;
  std::vector<double> x_values_, y_values_;
  std::vector<double> metric_;
  std::vector<double> sum_;  // per cell of the current block, over seeds
  std::size_t cells_done_ = 0;
  int seed_ = 0;
  std::unique_ptr<batch::BatchRuns> current_;
  double run_steps_done_ = 0;
  bool cancelled_ = false;
  std::unique_ptr<NetSweepJob> net_;
};

}  // namespace adamlab
