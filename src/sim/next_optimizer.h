#pragma once
// What "Add run" (and adamlab.addRun() without an optimizer) adds: the first optimizer of a tour
// that is not on the map yet, so each new run shows something new. Adam first, then SGD with
// momentum, RMSprop, AdamW, NAdam, ...; when every one is there, Adam again.
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

// The tour, as specs that build with torch's defaults (SGD has no default lr: 0.01).
const std::vector<std::string>& optimizer_tour();
// The first tour entry no spec in `on_map` matches (same optimizer; SGD with and without
// momentum count as different entries).
std::string next_optimizer_spec(const std::vector<Spec>& on_map);

}  // namespace adamlab
