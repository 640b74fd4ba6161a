#pragma once
// A sweep over whole trainings of a network: every cell trains the task's network from its
// initial weights, on its batch order, for `steps` steps, with the base run's optimizer (two
// numeric options set by the axes) and scheduler, and reduces the training to one number.
// The cells share one NetTask, built once. Reached through SweepJob (sim/sweep.h) with
// SweepConfig::network set, so the page's sweep session, the Web Worker and the heat map serve
// network sweeps unchanged; usable on its own too:
//
//   NetSweepJob job(config);          // validates every cell as a landscape sweep does; throws Error
//   while (!job.done()) job.advance(100'000);
//
// Each cell is a NetRun trained with step_only() (no evaluation on the whole sets per step), so
// its value is exactly what a NetRun trained alone with that cell's options gives. Metrics:
//   final_loss  loss on the whole training set after the last step
//   test_loss   loss on the test set after the last step (refused for data without a test set)
//   best_loss   lowest training-set loss among steps 0, 5, 10, ... and the last step
//   steps_to:T  the first of steps 0, 5, 10, ... (or the last step) whose training-set loss <= T:
//               the loss is evaluated every kNetSweepEvalEvery steps, so the value is a multiple
//               of 5 or the step count; nan if never reached
//   diverged    1 if the run diverged (NetRun::diverged: a non-finite parameter or batch loss)
// A run that diverges stops there: its loss metrics are nan (drawn as diverged), as are
// non-finite losses. Only one seed: there is no gradient noise to average over.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/spec.h"
#include "data/dataset.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "sim/sweep.h"

namespace adamlab {

class NetScene;

// Cells x steps of a network sweep: about as many seconds of compute as a landscape sweep's
// limit (a step of the default network is ~1000x a 2D step); larger is a typo, not an experiment.
constexpr double kMaxNetSweepRunSteps = 2.0e7;
constexpr std::int64_t kNetSweepEvalEvery = 5;

// What a network sweep trains on, besides the optimizer and the axes.
struct NetSweepSource {
  NetTaskConfig task;           // full specs, as NetTask::config() reports them
  std::optional<Dataset> data;  // the user's own points (csv data), else generated from task
  std::string scheduler;        // the swept run's scheduler, full spec; "" = none
  // The task itself when it is at hand (the page's scene), so it is not built again; never on
  // the wire (sim/sweep_wire.h), which carries the fields above.
  std::shared_ptr<const NetTask> built;
};

// The source of a sweep of one of `scene`'s runs (its task, data and the given scheduler).
std::shared_ptr<const NetSweepSource> net_sweep_source(const NetScene& scene, const std::string& scheduler);

class NetSweepJob {
 public:
  // config.network must be set. Throws Error: bad task or scheduler, steps, seeds, a metric the
  // data cannot give, and every axis and cell check of a landscape sweep (check_sweep_axes).
  explicit NetSweepJob(const SweepConfig& config);

  // Trains about max_run_steps steps (at least one) across cells; returns done().
  bool advance(std::int64_t max_run_steps);
  double progress() const;  // 0 .. 1
  bool done() const { return cells_done_ == metric_.size() || cancelled_; }
  void cancel();
  bool cancelled() const { return cancelled_; }

  const std::vector<double>& metric() const { return metric_; }  // row-major, y outer; pending cells nan
  std::size_t cells_done() const { return cells_done_; }
  std::size_t cells() const { return metric_.size(); }
  const std::vector<double>& x_values() const { return x_values_; }
  const std::vector<double>& y_values() const { return y_values_; }
  const SweepConfig& config() const { return config_; }
  const NetTask& task() const { return *task_; }
  // The optimizer of cell (ix, iy): the base spec with both axis keys set to the cell's values.
  Spec cell_optimizer(std::size_t ix, std::size_t iy) const;

 private:
  void start_cell();
  void finish_cell(double value);
  void evaluate_train(std::int64_t step);  // best and steps_to bookkeeping at `step`

  SweepConfig config_;
  std::shared_ptr<const NetTask> task_;
  std::vector<double> x_values_, y_values_, metric_;
  std::vector<std::string> x_texts_, y_texts_;  // the values as specs write them, formatted once
  std::size_t cells_done_ = 0;
  bool cancelled_ = false;
  double run_steps_done_ = 0;
  // The cell in training, with its running best loss and the step it reached the threshold.
  std::optional<NetRun> current_;
  double best_ = 0;
  std::int64_t reached_ = -1;
  MlpWorkspace eval_;
};

}  // namespace adamlab
