#include "sim/sweep_state.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/limits.h"
#include "core/split.h"
#include "nn/net_scene.h"
#include "nn/net_sweep.h"
#include "sim/scene.h"
#include "sim/sweep_wire.h"

namespace adamlab {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// A loss scale spanning more decades than this is mostly empty colour: clip at the bottom.
constexpr double kMaxDecades = 16;

double ms_between(SweepSession::Clock::time_point a, SweepSession::Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}

void check_request(const SweepRequest& r) {
  const SweepAxis x = parse_sweep_axis(r.x, "x"), y = parse_sweep_axis(r.y, "y");
  if (x.key == y.key) throw Error("invalid y '" + r.y + "': the same option as x ('" + x.key + "')");
  try {
    parse_sweep_metric(r.metric);
  } catch (const Error&) {
    throw Error("invalid metric '" + r.metric + "' (use final_loss, best_loss, steps_to:THRESH, diverged or test_loss)");
  }
  if (r.steps < 1 || r.steps > kMaxTraceSteps)
    throw Error("invalid steps '" + std::to_string(r.steps) + "' (1 to " + std::to_string(kMaxTraceSteps) + ")");
  if (r.seeds < 1 || r.seeds > kMaxSweepSeeds)
    throw Error("invalid seeds '" + std::to_string(r.seeds) + "' (1 to " + std::to_string(kMaxSweepSeeds) + ")");
  const double run_steps = static_cast<double>(x.n) * y.n * static_cast<double>(r.steps) * r.seeds;
  if (run_steps > kMaxSweepRunSteps)
    throw Error("sweep too large: " + std::to_string(x.n) + " x " + std::to_string(y.n) + " cells x " +
                std::to_string(r.steps) + " steps x " + std::to_string(r.seeds) + " seeds exceeds " +
                format_number(kMaxSweepRunSteps) + " run-steps");
}

}  // namespace

SweepRequest parse_sweep_request(const std::string& text) {
  SweepRequest r;
  bool has_x = false, has_y = false, has_steps = false;
  std::vector<std::string> seen;
  for (const std::string& item : split_at(text, ',')) {
    const auto colon = item.find(':');
    if (colon == std::string::npos)
      throw Error("invalid sweep part '" + item + "' (expected FIELD:VALUE, fields x, y, steps, metric, seeds)");
    const std::string field = item.substr(0, colon), value = item.substr(colon + 1);
    if (std::find(seen.begin(), seen.end(), field) != seen.end()) throw Error("sweep field '" + field + "' given twice");
    seen.push_back(field);
    if (field == "x") {
      r.x = value;
      has_x = true;
    } else if (field == "y") {
      r.y = value;
      has_y = true;
    } else if (field == "steps") {
      r.steps = parse_integer(value, "sweep steps");
      has_steps = true;
    } else if (field == "metric") {
      r.metric = value;
    } else if (field == "seeds") {
      const std::int64_t k = parse_integer(value, "sweep seeds");
      if (k < 1 || k > kMaxSweepSeeds)
        throw Error("invalid seeds '" + value + "' (1 to " + std::to_string(kMaxSweepSeeds) + ")");
      r.seeds = static_cast<int>(k);
    } else {
      throw Error("unknown sweep field '" + field + "' (fields x, y, steps, metric, seeds)");
    }
  }
  if (!has_x) throw Error("sweep needs x:KEY=LO:HI:SCALE:N");
  if (!has_y) throw Error("sweep needs y:KEY=LO:HI:SCALE:N");
  if (!has_steps) throw Error("sweep needs steps:N");
  check_request(r);
  return r;
}

std::string to_string(const SweepRequest& r) {
  std::string s = "x:" + r.x + ",y:" + r.y + ",steps:" + std::to_string(r.steps) + ",metric:" + r.metric;
  if (r.seeds != 1) s += ",seeds:" + std::to_string(r.seeds);
  return s;
}

SweepConfig sweep_config(const SweepRequest& request, const Scene& scene, const Spec& optimizer) {
  check_request(request);
  SweepConfig c;
  c.problem = parse_spec(scene.problem_spec());
  c.start = scene.start();
  c.optimizer = optimizer;
  c.x = parse_sweep_axis(request.x, "x");
  c.y = parse_sweep_axis(request.y, "y");
  c.steps = request.steps;
  c.metric = parse_sweep_metric(request.metric);
  if (c.metric.kind == SweepMetric::kTestLoss)
    throw Error("invalid metric 'test_loss' (a landscape has no test set: use final_loss, best_loss, steps_to:THRESH or diverged)");
  c.noise = scene.noise();
  c.seeds = request.seeds;
  return c;
}

SweepConfig sweep_config(const SweepRequest& request, const NetScene& scene, const Spec& optimizer,
                         const std::string& scheduler) {
  check_request(request);
  SweepConfig c;
  c.optimizer = optimizer;
  c.x = parse_sweep_axis(request.x, "x");
  c.y = parse_sweep_axis(request.y, "y");
  c.steps = request.steps;
  c.metric = parse_sweep_metric(request.metric);
  c.seeds = request.seeds;
  c.network = net_sweep_source(scene, scheduler);
  return c;
}

double axis_fraction(const SweepAxis& a, double v) {
  double lo = a.lo, hi = a.hi;
  if (a.log) {
    if (!(v > 0)) return kNaN;
    lo = std::log10(lo), hi = std::log10(hi), v = std::log10(v);
  } else if (a.log1m) {
    if (!(v < 1)) return kNaN;
    lo = std::log10(1 - lo), hi = std::log10(1 - hi), v = std::log10(1 - v);
  }
  if (hi == lo) return v == lo ? 0.5 : kNaN;
  return (v - lo) / (hi - lo);
}

SweepSummary summarize(const SweepJob& job) { return summarize(job.metric(), job.cells_done()); }

SweepSummary summarize(const std::vector<double>& m, std::size_t cells_done) {
  SweepSummary s;
  s.done = cells_done;
  for (std::size_t i = 0; i < s.done; ++i) {
    const double v = m[i];
    if (std::isnan(v)) {
      ++s.nan;
      continue;
    }
    ++s.finite;
    if (!(v >= s.min)) s.min = v, s.argmin = i;
    if (!(v <= s.max)) s.max = v;
  }
  return s;
}

double SweepColourScale::position(double v) const {
  double u = v - offset;
  if (log) u = u > 0 ? std::log10(u) : lo;
  if (!(hi > lo)) return 0.5;
  return std::clamp((u - lo) / (hi - lo), 0.0, 1.0);
}

double SweepColourScale::value_at(double t) const {
  const double u = lo + t * (hi - lo);
  return (log ? std::pow(10.0, u) : u) + offset;
}

SweepColourScale sweep_colour_scale(const SweepJob& job, const SweepSummary& summary, double min_value) {
  return sweep_colour_scale(job.config(), job.metric(), summary, min_value);
}

SweepColourScale sweep_colour_scale(const SweepConfig& config, const std::vector<double>& m, const SweepSummary& summary,
                                    double min_value) {
  SweepColourScale s;
  const SweepMetric& metric = config.metric;
  switch (metric.kind) {
    case SweepMetric::kStepsTo:
      s.lo = 0, s.hi = static_cast<double>(std::max<std::int64_t>(config.steps, 1));
      return s;
    case SweepMetric::kDiverged:
      s.lo = 0, s.hi = 1;
      return s;
    case SweepMetric::kFinalLoss:
    case SweepMetric::kBestLoss:
    case SweepMetric::kTestLoss:
      break;
  }
  s.log = true;
  s.offset = std::isfinite(min_value) ? min_value : 0.0;
  // Over the cells computed so far: the smallest positive gap to f* and the largest.
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (std::size_t i = 0; i < summary.done; ++i) {
    const double u = m[i] - s.offset;
    if (!(u > 0) || !std::isfinite(u)) continue;
    lo = std::min(lo, u), hi = std::max(hi, u);
  }
  if (!(hi >= lo)) {
    s.lo = -1, s.hi = 1;
    return s;
  }
  s.hi = std::log10(hi);
  s.lo = std::max(std::log10(lo), s.hi - kMaxDecades);
  if (s.hi - s.lo < 1) s.lo = s.hi - 1;
  return s;
}

void SweepSession::start(const SweepRequest& request, const Scene& scene, const Spec& optimizer, int run_id) {
  start(sweep_config(request, scene, optimizer), request, optimizer, run_id);
}

void SweepSession::start(const SweepRequest& request, const NetScene& scene, const Spec& optimizer,
                         const std::string& scheduler, int run_id) {
  start(sweep_config(request, scene, optimizer, scheduler), request, optimizer, run_id);
}

void SweepSession::start(const SweepConfig& config, const SweepRequest& request, const Spec& optimizer, int run_id) {
  auto job = std::make_unique<SweepJob>(config);  // throws first
  record_end("replaced by a newer sweep");
  job_ = std::move(job);
  request_ = request;
  optimizer_ = optimizer;
  run_id_ = run_id;
  started_ = finished_ = Clock::now();
  compute_ms_ = 0;
  ++version_;
  ++serial_;
  remote_ = prefer_remote_;
  metric_.clear();
  cells_done_ = 0;
  progress_ = 0;
  if (remote_) metric_ = job_->metric();  // all NaN
  summary_ = summarize(metric(), cells_done());
}

void SweepSession::set_remote(bool remote) {
  prefer_remote_ = remote;
  if (!running() || remote == remote_) return;
  if (!remote) return compute_here();
  remote_ = true;  // the elsewhere starts from the first cell; the job keeps config and axes
  metric_.assign(job_->cells(), kNaN);
  cells_done_ = 0;
  progress_ = 0;
  compute_ms_ = 0;
  started_ = Clock::now();
  ++serial_;
  ++version_;
  summary_ = summarize(metric_, cells_done_);
}

void SweepSession::compute_here() {
  if (!job_ || !remote_) return;
  remote_ = false;  // tick() goes on from where the job stands (its first cell unless handed over)
  metric_.clear();
  cells_done_ = 0;
  progress_ = 0;
  compute_ms_ = 0;
  ++version_;
  summary_ = summarize(metric(), cells_done());
}

std::string SweepSession::wire_config() const { return sweep_config_to_wire(job_->config()); }

bool SweepSession::receive(std::uint64_t serial, std::size_t begin, std::size_t count, const double* values, double progress,
                           double compute_ms) {
  if (serial != serial_ || !remote_ || !running() || begin != cells_done_ || count > metric_.size() - begin) return false;
  std::copy(values, values + count, metric_.begin() + static_cast<std::ptrdiff_t>(begin));
  cells_done_ = begin + count;
  progress_ = cells_done_ == metric_.size() ? 1.0 : std::clamp(progress, 0.0, 1.0);
  compute_ms_ = compute_ms;
  if (compute_ms > 0) {
    const double total = static_cast<double>(job_->cells()) *
                         static_cast<double>(std::max<std::int64_t>(job_->config().steps, 1)) * job_->config().seeds;
    rate() = progress_ * total / compute_ms;
  }
  finished_ = Clock::now();
  ++version_;
  summary_ = summarize(metric_, cells_done_);
  return true;
}

double SweepSession::tick(double budget_ms) {
  if (!running() || remote_) return 0;
  const auto begin = Clock::now();
  const double total = static_cast<double>(job_->cells()) * static_cast<double>(std::max<std::int64_t>(job_->config().steps, 1)) *
                       job_->config().seeds;
  double done_steps = 0;
  // Slices sized from the measured rate until the budget is spent; a slice never asks for less
  // than one step of a block, so a bad estimate costs one small slice, never a stall.
  while (!job_->done()) {
    const double left_ms = budget_ms - ms_between(begin, Clock::now());
    if (left_ms <= 0.5 && done_steps > 0) break;
    const auto t0 = Clock::now();
    const double before = job_->progress() * total;
    const double want = std::max(1.0, rate() * std::max(left_ms, 0.5));
    job_->advance(static_cast<std::int64_t>(std::min(want, 4.0e12)));
    const double did = job_->progress() * total - before, ms = ms_between(t0, Clock::now());
    done_steps += did;
    // Only slices long enough to time (browsers coarsen the clock to ~0.1 ms) update the rate, and
    // it at most doubles per slice: one overestimate must not cost a long frame.
    if (ms > 0.25 && did > 0) rate() = std::min(2 * rate(), 0.5 * rate() + 0.5 * (did / ms));
  }
  compute_ms_ += ms_between(begin, Clock::now());
  if (job_->done()) finished_ = Clock::now();
  ++version_;
  summary_ = summarize(metric(), cells_done());
  return done_steps;
}

void SweepSession::cancel() {
  if (!running()) return;
  job_->cancel();
  finished_ = Clock::now();
  ++version_;
}

void SweepSession::record_end(const std::string& unfinished_outcome) {
  if (!job_) return;
  ended_.push_back({serial_, finished() ? "done" : cancelled() ? "cancelled" : unfinished_outcome});
  if (ended_.size() > kEndedKept) ended_.erase(ended_.begin());
}

void SweepSession::clear(const std::string& why) {
  record_end(why);
  job_.reset();
  remote_ = false;
  metric_.clear();
  cells_done_ = 0;
  summary_ = SweepSummary{};
  ++version_;
}

double SweepSession::elapsed_ms() const {
  if (!job_) return 0;
  return ms_between(started_, running() ? Clock::now() : finished_);
}

Spec SweepSession::cell_spec(std::size_t ix, std::size_t iy) const {
  Spec s = optimizer_;
  if (!job_) return s;
  const auto& xs = job_->x_values();
  const auto& ys = job_->y_values();
  if (ix >= xs.size() || iy >= ys.size()) throw Error("no sweep cell (" + std::to_string(ix) + ", " + std::to_string(iy) + ")");
  s.set(job_->config().x.key, format_number(xs[ix]));
  s.set(job_->config().y.key, format_number(ys[iy]));
  return s;
}

}  // namespace adamlab
