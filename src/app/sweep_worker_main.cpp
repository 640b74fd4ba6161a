// The sweep worker's WebAssembly module (web/sweep_worker.js runs it in a Web Worker): the core
// and SweepJob only (landscape and network sweeps), no GL or ImGui. The page validates a sweep in the app module and sends its
// SweepConfig here as text (sim/sweep_wire.h); this module computes the very same SweepJob, so
// its cells equal the page's own computation bit for bit.
//   sw_start(wire)       -> {"cells": N} or {"error": message}
//   sw_advance(ms)       computes for about ms of wall time; returns cells done
//   sw_metric()          address of the metric (cells doubles; [0, cells done) final)
//   sw_progress(), sw_compute_ms(), sw_stop()
#include <emscripten/emscripten.h>

#include <algorithm>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>

#include "sim/scene_json.h"
#include "sim/sweep.h"
#include "sim/sweep_wire.h"

#define SW_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE

namespace {

std::unique_ptr<adamlab::SweepJob> g_job;
std::string g_result;
// Run-steps per ms, landscape [0] and network [1] sweeps, adapted as in SweepSession::tick.
double g_rates[2] = {2000, 20};
double g_compute_ms = 0;

double total_run_steps(const adamlab::SweepJob& job) {
  return static_cast<double>(job.cells()) * static_cast<double>(std::max<std::int64_t>(job.config().steps, 1)) *
         job.config().seeds;
}

}  // namespace

SW_EXPORT const char* sw_start(const char* wire) {
  try {
    g_job.reset();
    g_job = std::make_unique<adamlab::SweepJob>(adamlab::sweep_config_from_wire(wire ? wire : ""));
    g_compute_ms = 0;
    g_result = "{\"cells\":" + std::to_string(g_job->cells()) + "}";
  } catch (const std::exception& e) {
    g_result = "{\"error\":" + adamlab::json_string(e.what()) + "}";
  } catch (...) {
    g_result = "{\"error\":\"unknown error\"}";
  }
  return g_result.c_str();
}

SW_EXPORT double sw_advance(double budget_ms) {
  if (!g_job) return 0;
  const double begin = emscripten_get_now(), total = total_run_steps(*g_job);
  double& g_rate = g_rates[g_job->network() ? 1 : 0];
  bool first = true;
  while (!g_job->done()) {
    const double left_ms = budget_ms - (emscripten_get_now() - begin);
    if (left_ms <= 0.5 && !first) break;
    first = false;
    const double t0 = emscripten_get_now(), before = g_job->progress() * total;
    const double want = std::max(1.0, g_rate * std::max(left_ms, 0.5));
    g_job->advance(static_cast<std::int64_t>(std::min(want, 4.0e12)));
    const double did = g_job->progress() * total - before, ms = emscripten_get_now() - t0;
    if (ms > 0.25 && did > 0) g_rate = std::min(2 * g_rate, 0.5 * g_rate + 0.5 * (did / ms));
  }
  g_compute_ms += emscripten_get_now() - begin;
  return static_cast<double>(g_job->cells_done());
}

SW_EXPORT const double* sw_metric() { return g_job ? g_job->metric().data() : nullptr; }
SW_EXPORT double sw_progress() { return g_job ? g_job->progress() : 0; }
SW_EXPORT double sw_compute_ms() { return g_compute_ms; }
SW_EXPORT void sw_stop() { g_job.reset(); }
