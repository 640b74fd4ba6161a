#pragma once
// A standalone Python script (torch + the standard library) that reproduces a network training:
// the same data (the feature columns the network sees, embedded as literals), the same initial
// weights (embedded), the same batch order (AdamLab's seeded Fisher-Yates ported to Python
// integers), the same nn.Sequential, loss, optimizer and scheduler, printing exactly the csv of
// `adamlab train` (step,train_loss,test_loss,train_accuracy,test_accuracy,lr, %.17g).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/spec.h"
#include "nn/net_task.h"

namespace adamlab::torch_export {

struct NetRunExport {
  Spec optimizer;
  std::optional<Spec> scheduler;
  std::string label;  // a comment line for scene scripts ("" = none)
};

// One run: prints one csv; more: one block per run, each after a "# run" line. Validates every
// spec (throws Error with the message `adamlab train` would give).
std::string network_script(const NetTask& task, const std::vector<NetRunExport>& runs, std::int64_t steps);
// The `adamlab train` command line the script reproduces; "" for a user's csv data, which has none.
std::string train_command_line(const NetTask& task, const NetRunExport& run, std::int64_t steps);

}  // namespace adamlab::torch_export
