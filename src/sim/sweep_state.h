#pragma once
// The playground's sweep, headless: what was asked for (SweepRequest, also the link's `sweep=`
// value and the JS API's arguments), the SweepJob computing it a slice per frame within a time
// budget, and what the heat map needs to read it (summary, colour scale, cell specs). The sweep
// panel (ui/sweep_panel.h) and the JS bridge drive it; tests drive it directly.
//
// A sweep belongs to one run of the scene: its optimizer (every option but the two swept keys)
// is the run's full spec when the sweep starts; problem, start point and gradient noise are the
// scene's. Schedulers are not swept (the batched engine has none). In the network mode the scene
// is a NetScene: the cells train its task's network with the run's optimizer and scheduler
// (nn/net_sweep.h), and the metric may also be test_loss.
#include <chrono>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "core/spec.h"
#include "sim/sweep.h"

namespace adamlab {

class Scene;
class NetScene;

// Link value (sim/link.h `sweep=`), fields in this order, comma-separated, FIELD:VALUE:
//   x:KEY=LO:HI:SCALE:N  y:KEY=LO:HI:SCALE:N  steps:N  metric:M  seeds:K
// SCALE is log, lin or log1m (sim/sweep.h); M is final_loss, best_loss, steps_to:T, diverged or
// (network sweeps) test_loss.
// metric (default final_loss) and seeds (default 1) may be left out, e.g.
//   sweep=x:lr=1e-4:1:log:128,y:beta1=0:0.99:lin:128,steps:1000,metric:final_loss
struct SweepRequest {
  std::string x = "lr=1e-4:1:log:128";
  std::string y = "beta1=0:0.99:lin:128";
  std::int64_t steps = 500;
  std::string metric = "final_loss";
  int seeds = 1;

  bool operator==(const SweepRequest& o) const {
    return x == o.x && y == o.y && steps == o.steps && metric == o.metric && seeds == o.seeds;
  }
  bool operator!=(const SweepRequest& o) const { return !(*this == o); }
};

// Checks the grammar and every value that does not depend on the optimizer (axes, metric, steps
// 1..kMaxTraceSteps, seeds 1..kMaxSweepSeeds, two different keys, the run-step limit); throws
// Error naming the bad token. Axis and metric texts are kept as written.
SweepRequest parse_sweep_request(const std::string& text);
std::string to_string(const SweepRequest& request);  // canonical; parse_sweep_request round-trips it

// The SweepConfig for `request` on `scene` with base optimizer `optimizer` (the axes override
// their keys). Throws Error for anything parse_sweep_request rejects; SweepJob checks the rest.
SweepConfig sweep_config(const SweepRequest& request, const Scene& scene, const Spec& optimizer);
// The same for a run of a network scene, whose scheduler (full spec, "" = none) every cell keeps.
SweepConfig sweep_config(const SweepRequest& request, const NetScene& scene, const Spec& optimizer,
                         const std::string& scheduler);

// Where v lies along the axis in its own scale: 0 at lo, 1 at hi (outside: < 0 or > 1; NaN
// where the scale cannot place v, e.g. v <= 0 on a log axis).
double axis_fraction(const SweepAxis& axis, double v);

struct SweepSummary {
  std::size_t done = 0;    // cells computed
  std::size_t finite = 0;  // of which with a finite metric
  std::size_t nan = 0;     // of which NaN: diverged (loss metrics) or threshold never reached
  double min = std::numeric_limits<double>::quiet_NaN(), max = min;
  std::size_t argmin = 0;  // cell of min (valid when finite > 0)
};
SweepSummary summarize(const SweepJob& job);
SweepSummary summarize(const std::vector<double>& metric, std::size_t cells_done);

// The heat map's colour scale: position(v) in [0, 1] for finite v. Losses are shown on a log
// scale of loss - f* (the loss chart's convention); steps_to on 0..steps; diverged on 0..1.
struct SweepColourScale {
  bool log = false;
  double lo = 0, hi = 1;  // in scale units (decades when log)
  double offset = 0;      // subtracted before the log (f*)
  double position(double v) const;
  double value_at(double t) const;  // inverse of position (for the colour bar's labels)
};
SweepColourScale sweep_colour_scale(const SweepJob& job, const SweepSummary& summary, double min_value);
SweepColourScale sweep_colour_scale(const SweepConfig& config, const std::vector<double>& metric, const SweepSummary& summary,
                                    double min_value);

// Computes here (tick() every frame) or elsewhere: with set_remote(true), start() validates and
// builds the job as always but never advances it; another thread or a Web Worker computes the
// same config (wire_config(), sim/sweep_wire.h) and hands the finished cells back (receive()).
// Either way metric(), cells_done() and progress() are what the panel and the bridge read.
class SweepSession {
 public:
  using Clock = std::chrono::steady_clock;

  SweepSession() = default;
  // Serials count on from first_serial (sessions sharing one worker keep theirs apart).
  explicit SweepSession(std::uint64_t first_serial) : serial_(first_serial) {}

  // Validates and starts a sweep for run `run_id` (0 = none) whose full optimizer spec is
  // `optimizer`. Throws Error naming the bad token; a running or finished sweep stays then.
  void start(const SweepRequest& request, const Scene& scene, const Spec& optimizer, int run_id);
  // The same for a run of a network scene (its optimizer and scheduler, full specs).
  void start(const SweepRequest& request, const NetScene& scene, const Spec& optimizer, const std::string& scheduler,
             int run_id);
  // Computes for about budget_ms of wall time (at least one slice); returns run-steps done.
  // The slice size adapts to the measured run-steps per millisecond. Does nothing when remote.
  double tick(double budget_ms);
  void cancel();
  // Drops the sweep; `why` is recorded as its outcome unless it had already finished or been cancelled.
  void clear(const std::string& why = "cleared");

  // How the last kEndedKept sweeps ended, oldest first: "done", "cancelled", "replaced by a newer
  // sweep" or clear()'s reason. A caller waiting for sweep `serial` reads its own outcome here
  // even when another sweep has taken its place since.
  struct Ended {
    std::uint64_t serial = 0;
    std::string outcome;
  };
  static constexpr std::size_t kEndedKept = 16;
  const std::vector<Ended>& ended() const { return ended_; }

  // Sweeps are computed elsewhere (true) or by tick() (false) from now on; a running one moves
  // too (to elsewhere: from its first cell; back here: on from where the job itself stands).
  void set_remote(bool remote);
  bool prefers_remote() const { return prefer_remote_; }
  bool remote() const { return job_ && remote_; }
  // The running remote sweep goes back to tick() (the worker failed); preference unchanged.
  void compute_here();
  // Identifies a start(): a result for an older one is ignored.
  std::uint64_t serial() const { return serial_; }
  std::string wire_config() const;  // has_job() only
  // Cells [begin, begin + count) of sweep `serial` are final; the computation is `progress`
  // done and has taken `compute_ms` so far. Returns false (and changes nothing) when `serial` is
  // not the running remote sweep or the range does not continue the cells so far.
  bool receive(std::uint64_t serial, std::size_t begin, std::size_t count, const double* values, double progress,
               double compute_ms);

  bool has_job() const { return job_ != nullptr; }
  bool network() const { return job_ && job_->network(); }  // the cells are network trainings
  bool running() const { return job_ && !job_->cancelled() && cells_done() < job_->cells(); }
  bool finished() const { return job_ && !job_->cancelled() && cells_done() == job_->cells(); }
  bool cancelled() const { return job_ && job_->cancelled(); }
  const SweepJob& job() const { return *job_; }  // has_job() only: config, axes
  // The cells so far (row-major, y outer; [0, cells_done()) final, the rest NaN).
  const std::vector<double>& metric() const { return remote_ ? metric_ : job_->metric(); }
  std::size_t cells_done() const { return remote_ ? cells_done_ : job_->cells_done(); }
  double progress() const { return remote_ ? progress_ : job_->progress(); }
  const SweepRequest& request() const { return request_; }
  const Spec& optimizer() const { return optimizer_; }
  int run_id() const { return run_id_; }

  double elapsed_ms() const;  // wall time from start() to the last cell (or to now while running)
  double compute_ms() const { return compute_ms_; }  // of which spent in tick() (or in the worker)
  double run_steps_per_ms() const { return rates_[network() ? 1 : 0]; }
  std::uint64_t version() const { return version_; }  // bumped whenever cells change
  const SweepSummary& summary() const { return summary_; }

  // The base optimizer with both axis keys set to cell (ix, iy)'s values.
  Spec cell_spec(std::size_t ix, std::size_t iy) const;

 private:
  void start(const SweepConfig& config, const SweepRequest& request, const Spec& optimizer, int run_id);
  std::unique_ptr<SweepJob> job_;
  SweepRequest request_;
  Spec optimizer_;
  int run_id_ = 0;
  Clock::time_point started_, finished_;
  double compute_ms_ = 0;
  // Run-steps per ms, landscape [0] and network [1] (a network step is ~1000x a 2D step): cautious
  // first guesses, replaced after one slice.
  double rates_[2] = {2000, 20};
  double& rate() { return rates_[network() ? 1 : 0]; }
  std::uint64_t version_ = 0;
  SweepSummary summary_;
  bool prefer_remote_ = false, remote_ = false;
  std::uint64_t serial_ = 0;
  void record_end(const std::string& unfinished_outcome);
  std::vector<Ended> ended_;
  std::vector<double> metric_;  // remote only
  std::size_t cells_done_ = 0;  // remote only
  double progress_ = 0;         // remote only
};

}  // namespace adamlab
