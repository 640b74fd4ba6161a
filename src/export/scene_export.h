#pragma once
// "PyTorch code" for what the playground shows: one run or the whole scene, in either mode, as a
// script plus the selected run's constructor lines. The bridge (al_pytorch_code) and the UI's
// code window both call these; neither generates code itself.
#include <optional>
#include <string>
#include <vector>

#include "nn/net_scene.h"
#include "sim/scene.h"

namespace adamlab::torch_export {

struct RunCode {
  int id = 0;
  std::string constructor;  // torch.optim.Adam(params, lr=0.05, ...)
  std::string scheduler;    // torch.optim.lr_scheduler.StepLR(optimizer, ...), "" = none
};

struct CodeExport {
  std::string script;  // runs the scene's current step count; STEPS at its top can be raised
  RunCode run;         // the run asked for (the first run for a whole scene)
  std::vector<RunCode> runs;  // every run the script covers, in scene order
};

// run_id: one run (throws Error "no run with id N" if absent); nullopt: every run of the scene
// (throws Error if it has none).
CodeExport landscape_code(const Scene& scene, std::optional<int> run_id);
CodeExport network_code(const NetScene& scene, std::optional<int> run_id);

}  // namespace adamlab::torch_export
