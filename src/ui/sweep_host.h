#pragma once
// The scene a SweepPanel sweeps, as the panel sees it: the landscape's Scene or the network
// mode's NetScene behind one small face (its runs, how to start a sweep of one, what a clicked
// cell does), so one panel, heat map and metric menu serve both modes. Built per frame.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/spec.h"
#include "sim/sweep_state.h"
#include "ui/commands.h"

namespace adamlab::ui {

struct SweepHost {
  struct Run {
    int id = 0;
    int colour = 0;
    const Spec* optimizer = nullptr;  // full spec
    std::string scheduler;            // full spec, "" = none
  };
  bool network = false;
  std::vector<Run> runs;
  bool noisy = false;  // gradient noise is on (landscape): the metric can be averaged over seeds
  const Run* find(int id) const;

  // Starts `request` for `run` in `session`; throws Error naming the bad token.
  std::function<void(SweepSession&, const SweepRequest&, const Run&)> start;
  // The colour scale's f* for a sweep's config (the landscape problem's minimum; 0 for a loss).
  std::function<double(const SweepConfig&)> min_value;
  // True when the scene no longer has what the sweep ran on (a network sweep's task was replaced).
  std::function<bool(const SweepConfig&)> stale;
  // A clicked cell: a run with optimizer `spec` is added (add, or no `run`) or replaces `run`'s
  // optimizer, and the scene steps up to `steps` so the run shows as far as the sweep measured
  // it. Null where the panel only updates (no command queue this frame).
  std::function<void(const std::string& spec, const Run* run, bool add, std::int64_t steps)> apply_cell;
};

SweepHost landscape_sweep_host(const Scene& scene, CommandQueue* commands);
SweepHost network_sweep_host(const NetScene& scene, NetCommandQueue* commands);

}  // namespace adamlab::ui
