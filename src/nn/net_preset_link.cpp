#include "nn/net_preset_link.h"

namespace adamlab {

NetLink net_preset_link(const NetPreset& preset) {
  NetLink L;
  L.preset = preset.name;
  L.data = preset.task.data;
  L.model = preset.task.model;
  L.batch = preset.task.batch_size;
  L.seed = preset.task.seed;
  for (const auto& run : preset.runs) L.runs.push_back({run.optimizer, run.scheduler, true, -1});
  L.speed = preset.speed;
  L.limit = preset.step_limit;
  return L;
}

std::string net_preset_names() {
  std::string names;
  for (const auto& p : net_presets()) names += (names.empty() ? "" : ", ") + p.name;
  return names;
}

}  // namespace adamlab
