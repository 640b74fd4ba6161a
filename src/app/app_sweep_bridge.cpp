// The JS bridge for sweeps and gradient noise (web/adamlab.js: sweep, sweepState, sweepCell,
// sweepMetric, cancelSweep, clearSweep, setNoise), and the hand-over of sweeps to the Web Worker
// (web/sweep_client.js: al_sweep_use_worker, al_sweep_remote, al_sweep_receive,
// al_sweep_compute_here). Same contract as app_bridge.cpp: JSON out, every exception caught here
// and returned as {"error": message}.
//
// Each mode has its own sweep panel (the landscape's, and the network mode's whose cells train
// the network); the API's calls go to the mode shown. The one worker serves both: it computes the
// shown mode's running sweep, else the other mode's, and serials (disjoint per panel) route its
// results back.
#include <cmath>
#include <exception>
#include <string>

#include "app/app.h"
#include "app/bridge_json.h"
#include "core/error.h"
#include "sim/noise.h"
#include "sim/scene_json.h"
#include "nn/net_sweep.h"
#include "sim/sweep_state.h"

namespace {

using adamlab::Error;
using adamlab::json_number;
using adamlab::json_string;
using adamlab::app::App;
using adamlab::app::run_id;
using adamlab::app::text;
using adamlab::app::whole;

std::string g_result;

template <class F>
const char* respond(F&& body) {
  return adamlab::app::respond_json(g_result, std::forward<F>(body));
}

const char* flag(bool b) { return b ? "true" : "false"; }

// The swept run's scheduler that every cell of a network sweep keeps ("" for a landscape sweep).
std::string scheduler_of(const adamlab::SweepSession& s) {
  return s.network() ? s.job().config().network->scheduler : std::string();
}

std::string request_json(const adamlab::SweepRequest& r) {
  return "{\"x\":" + json_string(r.x) + ",\"y\":" + json_string(r.y) + ",\"steps\":" + std::to_string(r.steps) +
         ",\"metric\":" + json_string(r.metric) + ",\"seeds\":" + std::to_string(r.seeds) + "}";
}

using adamlab::ui::SweepPanel;

// The sweep panel of the mode shown, and of the other mode.
SweepPanel& shown_panel(App& app) { return app.network() ? app.ui().net().sweep() : app.ui().sweep(); }
SweepPanel& hidden_panel(App& app) { return app.network() ? app.ui().sweep() : app.ui().net().sweep(); }

// The session a worker message for sweep `serial` belongs to (null: neither's current sweep).
adamlab::SweepSession* session_of_serial(App& app, double serial) {
  for (SweepPanel* p : {&app.ui().sweep(), &app.ui().net().sweep()})
    if (static_cast<double>(p->session().serial()) == serial) return &p->session();
  return nullptr;
}

bool computing_remotely(const adamlab::SweepSession& s) { return s.remote() && s.running(); }

// The run a sweep is for: id >= 0 as given, else the selected run (else the first).
int sweep_run(App& app, double id) {
  if (id != adamlab::app::kNotGiven) return run_id(id);
  if (app.network()) return app.ui().net().sweep_run(app.net_scene());
  const int selected = app.ui().panel().selected();
  if (app.scene().find(selected)) return selected;
  return app.scene().runs().empty() ? 0 : app.scene().runs().front().id;
}

}  // namespace

// Starts a sweep (x, y: KEY=LO:HI:SCALE:N; metric; seeds) of run `id` (< 0: the selected run).
AL_EXPORT const char* al_sweep_start(const char* x, const char* y, double steps, const char* metric, double seeds, double id) {
  return respond([&](App& app) {
    adamlab::SweepRequest r;
    r.x = text(x, "sweep x");
    r.y = text(y, "sweep y");
    r.steps = whole(steps, "sweep steps");
    r.metric = text(metric, "sweep metric");
    if (r.metric.empty()) r.metric = "final_loss";
    const long long seed_count = whole(seeds, "sweep seeds");
    if (seed_count < 1 || seed_count > adamlab::kMaxSweepSeeds)
      throw Error("invalid sweep seeds: " + json_number(seeds) + " (1 to " + std::to_string(adamlab::kMaxSweepSeeds) + ")");
    r.seeds = static_cast<int>(seed_count);
    // The link grammar checks the request as a whole (one message per bad token).
    const adamlab::SweepRequest checked = adamlab::parse_sweep_request(adamlab::to_string(r));
    SweepPanel& panel = shown_panel(app);
    if (app.network())
      panel.start(checked, app.net_scene(), sweep_run(app, id));
    else
      panel.start(checked, app.scene(), sweep_run(app, id));
    const auto& job = panel.session().job();
    return "{\"cells\":" + std::to_string(job.cells()) + ",\"run\":" + std::to_string(panel.session().run_id()) +
           ",\"serial\":" + std::to_string(panel.session().serial()) + ",\"network\":" + flag(app.network()) + "}";
  });
}

namespace {

std::string state_json(const SweepPanel& panel) {
  const auto& s = panel.session();
  std::string out = std::string("{\"network\":") + flag(panel.network()) + ",\"active\":" + flag(s.has_job()) +
                    ",\"running\":" + flag(s.running()) +
                    ",\"done\":" + flag(s.finished()) + ",\"cancelled\":" + flag(s.cancelled()) +
                    ",\"open\":" + flag(panel.open()) + ",\"budgetMs\":" + json_number(panel.frame_budget_ms()) +
                    ",\"worker\":" + flag(s.prefers_remote()) + ",\"serial\":" + std::to_string(s.serial()) +
                    ",\"ended\":[";
  for (std::size_t i = 0; i < s.ended().size(); ++i)
    out += std::string(i ? "," : "") + "{\"serial\":" + std::to_string(s.ended()[i].serial) +
           ",\"outcome\":" + json_string(s.ended()[i].outcome) + "}";
  out += "]";
  if (s.has_job()) {
    const auto& job = s.job();
    const auto& sum = s.summary();
    const std::size_t nx = job.x_values().size();
    out += ",\"progress\":" + json_number(s.progress()) + ",\"cellsDone\":" + std::to_string(s.cells_done()) +
           ",\"cells\":" + std::to_string(job.cells()) + ",\"nx\":" + std::to_string(nx) +
           ",\"ny\":" + std::to_string(job.y_values().size()) + ",\"elapsedMs\":" + json_number(s.elapsed_ms()) +
           ",\"computeMs\":" + json_number(s.compute_ms()) + ",\"runStepsPerMs\":" + json_number(s.run_steps_per_ms()) +
           ",\"computedIn\":\"" + (s.remote() ? "worker" : "page") + "\"" +
           ",\"run\":" + std::to_string(s.run_id()) + ",\"optimizer\":" + json_string(adamlab::to_string(s.optimizer())) +
           ",\"scheduler\":" + json_string(scheduler_of(s)) +
           ",\"xKey\":" + json_string(job.config().x.key) + ",\"yKey\":" + json_string(job.config().y.key) +
           ",\"request\":" + request_json(s.request()) + ",\"link\":" + json_string(adamlab::to_string(s.request())) +
           ",\"summary\":{\"done\":" + std::to_string(sum.done) + ",\"finite\":" + std::to_string(sum.finite) +
           ",\"nan\":" + std::to_string(sum.nan) + ",\"min\":" + json_number(sum.min) + ",\"max\":" + json_number(sum.max);
    if (sum.finite > 0)
      out += ",\"best\":{\"ix\":" + std::to_string(sum.argmin % nx) + ",\"iy\":" + std::to_string(sum.argmin / nx) + "}";
    out += "}";
    if (auto map = panel.last_map())
      out += ",\"map\":{\"left\":" + json_number(map->left) + ",\"top\":" + json_number(map->top) +
             ",\"width\":" + json_number(map->width) + ",\"height\":" + json_number(map->height) + "}";
    else
      out += ",\"map\":null";
  }
  return out + "}";
}

}  // namespace

// The shown mode's sweep; "hidden" holds the other mode's (a sweep started before a mode switch).
AL_EXPORT const char* al_sweep_state() {
  return respond([](App& app) {
    std::string out = state_json(shown_panel(app));
    out.pop_back();
    return out + ",\"hidden\":" + state_json(hidden_panel(app)) + "}";
  });
}

AL_EXPORT const char* al_sweep_cancel() {
  return respond([](App& app) {
    shown_panel(app).cancel();
    return std::string("{\"ok\":true}");
  });
}

AL_EXPORT const char* al_sweep_clear() {
  return respond([](App& app) {
    shown_panel(app).clear();
    return std::string("{\"ok\":true}");
  });
}

// One cell: its two values, the metric (null: pending or NaN, see status), the run spec it gives.
AL_EXPORT const char* al_sweep_cell(double ix, double iy) {
  return respond([ix, iy](App& app) {
    const auto& s = shown_panel(app).session();
    if (!s.has_job()) throw Error("no sweep: start one first");
    const auto& job = s.job();
    const std::size_t i = static_cast<std::size_t>(whole(ix, "cell ix")), j = static_cast<std::size_t>(whole(iy, "cell iy"));
    if (i >= job.x_values().size() || j >= job.y_values().size())
      throw Error("invalid cell (" + std::to_string(i) + ", " + std::to_string(j) + ") (the grid is " +
                  std::to_string(job.x_values().size()) + " x " + std::to_string(job.y_values().size()) + ")");
    const std::size_t cell = j * job.x_values().size() + i;
    const double m = s.metric()[cell];
    const char* status = cell >= s.cells_done() ? "pending" : std::isnan(m) ? "nan" : "ok";
    return "{\"ix\":" + std::to_string(i) + ",\"iy\":" + std::to_string(j) + ",\"x\":" + json_number(job.x_values()[i]) +
           ",\"y\":" + json_number(job.y_values()[j]) + ",\"xKey\":" + json_string(job.config().x.key) +
           ",\"yKey\":" + json_string(job.config().y.key) + ",\"metric\":" + json_number(m) + ",\"status\":\"" + status +
           "\",\"optimizer\":" + json_string(adamlab::to_string(s.cell_spec(i, j))) +
           ",\"scheduler\":" + json_string(scheduler_of(s)) + "}";
  });
}

// Every cell's metric, row-major with y outer (null: pending or NaN).
AL_EXPORT const char* al_sweep_metric() {
  return respond([](App& app) {
    const auto& s = shown_panel(app).session();
    if (!s.has_job()) throw Error("no sweep: start one first");
    const auto& job = s.job();
    std::string out = "{\"nx\":" + std::to_string(job.x_values().size()) + ",\"ny\":" + std::to_string(job.y_values().size()) +
                      ",\"cellsDone\":" + std::to_string(s.cells_done()) + ",\"metric\":[";
    out.reserve(out.size() + job.cells() * 12);
    for (std::size_t i = 0; i < job.cells(); ++i) out += (i ? "," : "") + json_number(s.metric()[i]);
    return out + "]}";
  });
}

// Sweeps started from now on are computed by the Web Worker (on != 0) or a slice per frame here.
AL_EXPORT const char* al_sweep_use_worker(double on) {
  return respond([on](App& app) {
    app.ui().sweep().session().set_remote(on != 0);
    app.ui().net().sweep().session().set_remote(on != 0);
    return std::string("{\"ok\":true}");
  });
}

// What the worker should be doing: {serial, running, remote}, plus the config to compute
// (sim/sweep_wire.h) when a running remote sweep is not `known_serial` (the worker's).
AL_EXPORT const char* al_sweep_remote(double known_serial) {
  return respond([known_serial](App& app) {
    adamlab::SweepSession& shown = shown_panel(app).session();
    adamlab::SweepSession& hidden = hidden_panel(app).session();
    adamlab::SweepSession& s = computing_remotely(shown) || !computing_remotely(hidden) ? shown : hidden;
    const bool remote = computing_remotely(s);
    if (remote && static_cast<double>(s.serial()) != known_serial) {
      // The worker leaves the other session's sweep for this one: that sweep starts over, from
      // its first cell under a new serial, when the worker is free again.
      adamlab::SweepSession& other = &s == &shown ? hidden : shown;
      if (computing_remotely(other) && static_cast<double>(other.serial()) == known_serial) {
        other.compute_here();
        other.set_remote(true);
      }
    }
    std::string out = "{\"serial\":" + std::to_string(s.serial()) + ",\"running\":" + flag(remote);
    if (remote && static_cast<double>(s.serial()) != known_serial) {
      const auto& job = s.job();
      out += ",\"cells\":" + std::to_string(job.cells()) + ",\"config\":" + json_string(s.wire_config());
    }
    return out + "}";
  });
}

// The worker's cells [begin, begin + count) of sweep `serial` (values: count doubles in this
// module's memory). {"ok": false} when the sweep is no longer the running one.
AL_EXPORT const char* al_sweep_receive(double serial, double begin, double count, const double* values, double progress,
                                       double compute_ms) {
  return respond([&](App& app) {
    adamlab::SweepSession* s = session_of_serial(app, whole(serial, "serial"));
    const bool ok = s && s->receive(static_cast<std::uint64_t>(whole(serial, "serial")), static_cast<std::size_t>(whole(begin, "begin")),
                                    static_cast<std::size_t>(whole(count, "count")), values, progress, compute_ms);
    return std::string("{\"ok\":") + flag(ok) + "}";
  });
}

// The worker cannot compute sweep `serial` (it failed to load or refused the config): compute it
// here, a slice per frame, as without a worker.
AL_EXPORT const char* al_sweep_compute_here(double serial) {
  return respond([serial](App& app) {
    if (adamlab::SweepSession* s = session_of_serial(app, serial)) s->compute_here();
    return std::string("{\"ok\":true}");
  });
}

// Gradient noise for every run: "none" or "gaussian:std=S[,relative=B]", and its seed.
AL_EXPORT const char* al_set_noise(const char* spec, double seed) {
  return respond([spec, seed](App& app) {
    adamlab::GradientNoise noise = adamlab::parse_noise(text(spec, "noise spec"));
    noise.seed = static_cast<std::uint64_t>(whole(seed, "seed"));
    app.scene().set_noise(noise);
    return std::string("{\"ok\":true}");
  });
}
