#pragma once
// Presets that teach on a real network, as sim/presets.h does on the landscapes: each is a task
// (data, model, batch size, seed), the runs that train on it, a step limit and a speed, plus the
// one claim of the article it shows. Names are fixed (links say preset=NAME in Network mode) and
// start with "net-", so they never collide with a landscape preset's. Every caption's claim is
// checked numerically by tests/net_presets_test.cpp on the scene as it plays.
#include <cstdint>
#include <string>
#include <vector>

#include "nn/net_scene.h"
#include "nn/net_task.h"

namespace adamlab {

struct NetPresetRun {
  std::string optimizer;  // full optimizer spec, every key present
  std::string scheduler;  // full scheduler spec, "" = none
};

struct NetPreset {
  std::string name;     // URL name: preset=NAME
  std::string title;    // menu title
  std::string caption;  // one or two sentences: what to watch, and the measured fact
  NetTaskConfig task;   // data and model specs in full form
  std::vector<NetPresetRun> runs;
  std::int64_t step_limit = 0;
  double speed = 0;  // steps per second
};

// In menu order: net-race, net-lr, net-beta1, net-beta2, net-decay, net-weight-decay, net-adamw.
const std::vector<NetPreset>& net_presets();
// null if there is no such preset.
const NetPreset* find_net_preset(const std::string& name);

// The preset's scene at step 0, paused: its task, its runs in order (ids 1, 2, ...), its step
// limit and speed. Throws Error only if the preset itself is broken (the tests rule that out).
NetScene make_net_preset_scene(const NetPreset& preset);

}  // namespace adamlab
