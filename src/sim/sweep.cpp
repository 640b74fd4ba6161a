#include "sim/sweep.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.h"
#include "core/split.h"
#include "nn/net_sweep.h"

namespace adamlab {
namespace {

// Runs per block: 64 chunks, small enough that one step of a block is ~0.1 ms (a UI budget
// unit), large enough that the per-block setup is noise.
constexpr std::size_t kBlockCells = 4096;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

}  // namespace

std::vector<double> SweepAxis::values() const {
  std::vector<double> out(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    const double t = n == 1 ? 0.0 : static_cast<double>(i) / (n - 1);
    if (log1m) {
      const double a = std::log10(1.0 - lo), b = std::log10(1.0 - hi);
      out[static_cast<std::size_t>(i)] = 1.0 - std::pow(10.0, a + t * (b - a));
    } else {
      out[static_cast<std::size_t>(i)] =
          log ? std::pow(10.0, std::log10(lo) + t * (std::log10(hi) - std::log10(lo))) : lo + t * (hi - lo);
    }
  }
  out.front() = lo;
  if (n > 1) out.back() = hi;
  return out;
}

SweepAxis parse_sweep_axis(const std::string& text, const std::string& option) {
  const std::string where = "invalid " + option + " '" + text + "'";
  const auto eq = text.find('=');
  if (eq == std::string::npos) throw Error(where + " (expected KEY=LO:HI:log|lin|log1m:N, e.g. lr=1e-4:1:log:64)");
  SweepAxis axis;
  axis.text = text;
  axis.option = option;
  axis.key = text.substr(0, eq);
  if (axis.key.empty()) throw Error(where + " (missing the option key before '=')");
  const auto parts = split_at(text.substr(eq + 1), ':');
  if (parts.size() != 4) throw Error(where + " (expected KEY=LO:HI:log|lin|log1m:N, e.g. lr=1e-4:1:log:64)");
  axis.lo = parse_number(parts[0], option + " low end");
  axis.hi = parse_number(parts[1], option + " high end");
  if (parts[2] == "log")
    axis.log = true;
  else if (parts[2] == "log1m")
    axis.log1m = true;
  else if (parts[2] != "lin")
    throw Error(where + " (scale '" + parts[2] + "' must be log, lin or log1m)");
  const std::int64_t n = parse_integer(parts[3], option + " cell count");
  if (n < 1 || n > kMaxSweepAxisCells)
    throw Error(where + " (cell count " + parts[3] + " must be between 1 and " + std::to_string(kMaxSweepAxisCells) +
                ")");
  axis.n = static_cast<int>(n);
  if (axis.log && !(axis.lo > 0 && axis.hi > 0)) throw Error(where + " (a log axis needs LO > 0 and HI > 0)");
  if (axis.log1m && !(axis.lo < 1 && axis.hi < 1)) throw Error(where + " (a log1m axis needs LO < 1 and HI < 1)");
  return axis;
}

SweepMetric parse_sweep_metric(const std::string& text) {
  SweepMetric m;
  if (text == "final_loss") {
    m.kind = SweepMetric::kFinalLoss;
  } else if (text == "best_loss") {
    m.kind = SweepMetric::kBestLoss;
  } else if (text == "diverged") {
    m.kind = SweepMetric::kDiverged;
  } else if (text == "test_loss") {
    m.kind = SweepMetric::kTestLoss;
  } else if (text.rfind("steps_to:", 0) == 0) {
    m.kind = SweepMetric::kStepsTo;
    try {
      m.threshold = parse_number(text.substr(9), "threshold");
    } catch (const Error& e) {
      throw Error("invalid --metric '" + text + "' (" + e.what() + ")");
    }
  } else {
    throw Error("invalid --metric '" + text + "' (use final_loss, best_loss, steps_to:THRESH, diverged or test_loss)");
  }
  return m;
}

void check_sweep_axes(const SweepConfig& config, double max_run_steps) {
  const auto keys = batch::batch_numeric_keys(config.optimizer.name);
  for (const SweepAxis* axis : {&config.x, &config.y}) {
    const std::string& option = axis->option;
    if (std::find(keys.begin(), keys.end(), axis->key) == keys.end()) {
      std::string known;
      for (const auto& k : keys) known += (known.empty() ? "" : ", ") + k;
      throw Error("invalid " + option + " '" + axis->text + "': " + config.optimizer.name + " has no numeric option '" +
                  axis->key + "' (sweepable: " + known + ")");
    }
  }
  if (config.x.key == config.y.key)
    throw Error("invalid " + config.y.option + " '" + config.y.text + "': the same option as " + config.x.option + " ('" +
                config.x.key + "')");
  const std::vector<double> xs = config.x.values(), ys = config.y.values();
  const double cells = static_cast<double>(xs.size() * ys.size());
  if (cells * static_cast<double>(std::max<std::int64_t>(config.steps, 1)) * config.seeds > max_run_steps)
    throw Error("sweep too large: " + format_number(cells) + " cells x " + std::to_string(config.steps) + " steps x " +
                std::to_string(config.seeds) + " seeds exceeds " + format_number(max_run_steps) + " run-steps");

  // Every cell's options pass the optimizer's validate(), as torch's constructor would check them.
  // Each axis first (the other at its first value), so the message can name the axis that
  // crosses an invalid value.
  for (const SweepAxis* axis : {&config.x, &config.y}) {
    const SweepAxis& other = axis == &config.x ? config.y : config.x;
    const auto values = axis->values();
    batch::BatchConfig c;
    c.optimizer = config.optimizer;
    c.runs = static_cast<Eigen::Index>(values.size());
    c.per_run = {{axis->key, Eigen::Map<const Eigen::ArrayXd>(values.data(), c.runs)},
                 {other.key, Eigen::ArrayXd::Constant(c.runs, other.values().front())}};
    try {
      batch::validate_batch(c);
    } catch (const batch::RunOptionsError& e) {
      throw Error("invalid " + axis->option + " '" + axis->text + "': " + axis->key +
                  "=" + format_number(values[static_cast<std::size_t>(e.run)]) + " is rejected by " +
                  config.optimizer.name + ": " + e.what());
    }
  }
  batch::BatchConfig all;
  all.optimizer = config.optimizer;
  all.runs = static_cast<Eigen::Index>(cells);
  Eigen::ArrayXd xv(all.runs), yv(all.runs);
  for (Eigen::Index cell = 0; cell < all.runs; ++cell) {
    xv[cell] = xs[static_cast<std::size_t>(cell) % xs.size()];
    yv[cell] = ys[static_cast<std::size_t>(cell) / xs.size()];
  }
  all.per_run = {{config.x.key, xv}, {config.y.key, yv}};
  try {
    batch::validate_batch(all);
  } catch (const batch::RunOptionsError& e) {
    const std::size_t cell = static_cast<std::size_t>(e.run);
    throw Error("invalid sweep cell " + config.x.key + "=" + format_number(xs[cell % xs.size()]) + ", " + config.y.key + "=" +
                format_number(ys[cell / xs.size()]) + " of " + config.x.option + " '" + config.x.text + "' and " +
                config.y.option + " '" + config.y.text + "': " + e.what());
  }
}

SweepJob::SweepJob(const SweepConfig& config) : config_(config) {
  if (config_.network) {
    net_ = std::make_unique<NetSweepJob>(config_);
    x_values_ = net_->x_values();
    y_values_ = net_->y_values();
    return;
  }
  problem_ = make_problem(config_.problem);
  if (config_.steps < 0) throw Error("invalid sweep steps (must be >= 0)");
  if (config_.seeds < 1 || config_.seeds > kMaxSweepSeeds)
    throw Error("invalid --seeds '" + std::to_string(config_.seeds) + "' (must be between 1 and " +
                std::to_string(kMaxSweepSeeds) + ")");
  if (config_.metric.kind == SweepMetric::kTestLoss)
    throw Error("invalid --metric 'test_loss' (a landscape has no test set: use final_loss, best_loss, steps_to:THRESH or diverged)");
  check_sweep_axes(config_, kMaxSweepRunSteps);
  x_values_ = config_.x.values();
  y_values_ = config_.y.values();
  metric_.assign(x_values_.size() * y_values_.size(), kNaN);
}

SweepJob::~SweepJob() = default;

void SweepJob::cancel() {
  if (net_) return net_->cancel();
  cancelled_ = true;
  current_.reset();
}

bool SweepJob::cancelled() const { return net_ ? net_->cancelled() : cancelled_; }
const std::vector<double>& SweepJob::metric() const { return net_ ? net_->metric() : metric_; }
std::size_t SweepJob::cells_done() const { return net_ ? net_->cells_done() : cells_done_; }

batch::BatchConfig SweepJob::block_config(std::size_t begin, std::size_t end, int seed) const {
  batch::BatchConfig c;
  c.problem = problem_;
  c.start = config_.start;
  c.optimizer = config_.optimizer;
  c.runs = static_cast<Eigen::Index>(end - begin);
  Eigen::ArrayXd xv(c.runs), yv(c.runs);
  for (std::size_t cell = begin; cell < end; ++cell) {
    xv[static_cast<Eigen::Index>(cell - begin)] = x_values_[cell % x_values_.size()];
    yv[static_cast<Eigen::Index>(cell - begin)] = y_values_[cell / x_values_.size()];
  }
  c.per_run = {{config_.x.key, xv}, {config_.y.key, yv}};
  c.noise = config_.noise;
  c.noise.seed = config_.noise.seed + static_cast<std::uint64_t>(seed);
  if (config_.metric.kind == SweepMetric::kStepsTo) c.threshold = config_.metric.threshold;
  c.arithmetic = config_.arithmetic;
  return c;
}

bool SweepJob::advance(std::int64_t max_run_steps) {
  if (net_) return net_->advance(max_run_steps);
  std::int64_t budget = max_run_steps;
  bool progressed = false;  // always at least one step, so a tiny budget still moves on
  while (!done()) {
    const std::size_t begin = cells_done_, end = std::min(cells(), begin + kBlockCells);
    const std::int64_t runs = static_cast<std::int64_t>(end - begin);
    const std::int64_t affordable = budget / runs;
    if (progressed && affordable == 0 && config_.steps > 0) break;
    if (!current_) {
      current_ = std::make_unique<batch::BatchRuns>(block_config(begin, end, seed_));
      if (seed_ == 0) sum_.assign(end - begin, 0.0);
    }
    const std::int64_t steps = std::min(config_.steps - current_->steps_taken(), std::max<std::int64_t>(affordable, 1));
    current_->advance(steps);
    budget -= steps * runs;
    progressed = true;
    run_steps_done_ += static_cast<double>(steps * runs);
    if (current_->steps_taken() == config_.steps) finish_run_of_block();
  }
  return done();
}

void SweepJob::finish_run_of_block() {
  const Eigen::ArrayXd loss = current_->loss(), best = current_->best_loss(), div = current_->diverged_at(),
                       reached = current_->reached_at();
  for (Eigen::Index r = 0; r < loss.size(); ++r) {
    const bool diverged = div[r] >= 0;
    double v = kNaN;
    switch (config_.metric.kind) {
      case SweepMetric::kFinalLoss: v = diverged ? kNaN : loss[r]; break;
      case SweepMetric::kBestLoss: v = diverged ? kNaN : best[r]; break;
      case SweepMetric::kStepsTo: v = reached[r] >= 0 && (!diverged || reached[r] < div[r]) ? reached[r] : kNaN; break;
      case SweepMetric::kDiverged: v = diverged ? 1.0 : 0.0; break;
      case SweepMetric::kTestLoss: break;  // refused by the constructor: a landscape has no test set
    }
    sum_[static_cast<std::size_t>(r)] += v;
  }
  current_.reset();
  if (++seed_ < config_.seeds) return;
  for (std::size_t i = 0; i < sum_.size(); ++i) metric_[cells_done_ + i] = sum_[i] / config_.seeds;
  cells_done_ += sum_.size();
  seed_ = 0;
}

double SweepJob::progress() const {
  if (net_) return net_->progress();
  if (cells_done_ == cells()) return 1.0;
  if (config_.steps == 0) return static_cast<double>(cells_done_) / static_cast<double>(cells());
  return run_steps_done_ / (static_cast<double>(cells()) * static_cast<double>(config_.steps) * config_.seeds);
}

}  // namespace adamlab
