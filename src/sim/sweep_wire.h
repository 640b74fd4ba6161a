#pragma once
// A SweepConfig as plain text, so a second WebAssembly module (the sweep worker, web/
// sweep_worker.js) can build the very SweepJob the page validated and compute it bit for bit
// the same. One "field value" line per member; numbers as C hex floats (exact round trip).
// Not a user-facing grammar: the link and the JS API use SweepRequest (sim/sweep_state.h).
// A network sweep carries its task's specs and seed (the worker builds the same task) and, for a
// user's CSV data, the points themselves.
#include <string>

#include "sim/sweep.h"

namespace adamlab {

std::string sweep_config_to_wire(const SweepConfig& config);
// Throws Error for text sweep_config_to_wire did not write. The result still goes through
// SweepJob's own validation.
SweepConfig sweep_config_from_wire(const std::string& text);

}  // namespace adamlab
