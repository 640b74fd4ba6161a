#include "nn/net_sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "nn/net_scene.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool tracks_train_loss(SweepMetric::Kind kind) { return kind == SweepMetric::kBestLoss || kind == SweepMetric::kStepsTo; }

std::unique_ptr<Scheduler> scheduler_for(const std::string& spec) {
  return spec.empty() ? nullptr : make_scheduler(parse_spec(spec));
}

}  // namespace

std::shared_ptr<const NetSweepSource> net_sweep_source(const NetScene& scene, const std::string& scheduler) {
  auto source = std::make_shared<NetSweepSource>();
  source->task = scene.task().config();
  if (!scene.csv().empty()) source->data = scene.task().data();
  source->scheduler = scheduler;
  source->built = scene.shared_task();
  return source;
}

NetSweepJob::NetSweepJob(const SweepConfig& config) : config_(config) {
  if (!config_.network) throw Error("a network sweep needs its task");
  const NetSweepSource& source = *config_.network;
  if (source.built)
    task_ = source.built;
  else if (source.data)
    task_ = std::make_shared<const NetTask>(source.task, *source.data);
  else
    task_ = std::make_shared<const NetTask>(source.task);
  scheduler_for(source.scheduler);  // throws for a spec torch would refuse
  if (config_.steps < 0) throw Error("invalid sweep steps (must be >= 0)");
  if (config_.seeds != 1)
    throw Error("invalid seeds '" + std::to_string(config_.seeds) +
                "' (a network sweep has one seed: its runs share the task's weights and batches, and have no gradient noise)");
  if (config_.metric.kind == SweepMetric::kTestLoss && task_->data().test_size() == 0)
    throw Error("invalid metric 'test_loss' (the data has no test set: use a test_fraction above 0)");
  check_sweep_axes(config_, kMaxNetSweepRunSteps);
  x_values_ = config_.x.values();
  y_values_ = config_.y.values();
  metric_.assign(x_values_.size() * y_values_.size(), kNaN);
  for (double v : x_values_) x_texts_.push_back(format_number(v));
  for (double v : y_values_) y_texts_.push_back(format_number(v));
  make_optimizer(cell_optimizer(0, 0));  // the base spec as a whole (check_sweep_axes read its numbers)
}

Spec NetSweepJob::cell_optimizer(std::size_t ix, std::size_t iy) const {
  if (ix >= x_values_.size() || iy >= y_values_.size())
    throw Error("no sweep cell (" + std::to_string(ix) + ", " + std::to_string(iy) + ")");
  Spec s = config_.optimizer;
  // format_number round-trips a double, so the cell's run and a run added from it are the same.
  s.set(config_.x.key, x_texts_[ix]);
  s.set(config_.y.key, y_texts_[iy]);
  return s;
}

void NetSweepJob::start_cell() {
  const std::size_t nx = x_values_.size();
  current_.emplace(task_, make_optimizer(cell_optimizer(cells_done_ % nx, cells_done_ / nx)),
                   scheduler_for(config_.network->scheduler));
  best_ = std::numeric_limits<double>::infinity();
  reached_ = -1;
  if (tracks_train_loss(config_.metric.kind)) evaluate_train(0);
}

void NetSweepJob::evaluate_train(std::int64_t step) {
  const double loss = task_->mlp().evaluate(current_->parameters(), task_->train_features(), task_->data().train_y, eval_).loss;
  if (loss < best_) best_ = loss;
  if (reached_ < 0 && loss <= config_.metric.threshold) reached_ = step;
}

void NetSweepJob::finish_cell(double value) {
  run_steps_done_ += static_cast<double>(config_.steps - current_->steps_taken());  // a cell stopped early
  current_.reset();
  metric_[cells_done_++] = std::isfinite(value) ? value : kNaN;
}

bool NetSweepJob::advance(std::int64_t max_run_steps) {
  std::int64_t budget = std::max<std::int64_t>(max_run_steps, 1);
  const SweepMetric& metric = config_.metric;
  const bool tracking = tracks_train_loss(metric.kind);
  while (!done() && budget > 0) {
    if (!current_) start_cell();
    NetRun& run = *current_;
    // Train until the budget, the last step, divergence or (steps_to) the threshold.
    while (run.steps_taken() < config_.steps && budget > 0 && !run.diverged() &&
           !(metric.kind == SweepMetric::kStepsTo && reached_ >= 0)) {
      run.step_only();
      --budget;
      run_steps_done_ += 1;
      const std::int64_t k = run.steps_taken();
      if (tracking && !run.diverged() && (k % kNetSweepEvalEvery == 0 || k == config_.steps)) evaluate_train(k);
    }
    const bool stopped = run.diverged() || (metric.kind == SweepMetric::kStepsTo && reached_ >= 0);
    if (!stopped && run.steps_taken() < config_.steps) break;  // out of budget mid-cell
    const Dataset& d = task_->data();
    switch (metric.kind) {
      case SweepMetric::kFinalLoss:
        finish_cell(run.diverged() ? kNaN : task_->mlp().evaluate(run.parameters(), task_->train_features(), d.train_y, eval_).loss);
        break;
      case SweepMetric::kTestLoss:
        finish_cell(run.diverged() ? kNaN : task_->mlp().evaluate(run.parameters(), task_->test_features(), d.test_y, eval_).loss);
        break;
      case SweepMetric::kBestLoss: finish_cell(run.diverged() ? kNaN : best_); break;
      case SweepMetric::kStepsTo: finish_cell(reached_ >= 0 ? static_cast<double>(reached_) : kNaN); break;
      case SweepMetric::kDiverged: finish_cell(run.diverged() ? 1.0 : 0.0); break;
    }
  }
  return done();
}

void NetSweepJob::cancel() {
  cancelled_ = true;
  current_.reset();
}

double NetSweepJob::progress() const {
  if (cells_done_ == metric_.size()) return 1.0;
  if (config_.steps == 0) return static_cast<double>(cells_done_) / static_cast<double>(metric_.size());
  return run_steps_done_ / (static_cast<double>(metric_.size()) * static_cast<double>(config_.steps));
}

}  // namespace adamlab
