#pragma once
// A network preset (nn/net_presets.h) as the parts of a network link (nn/net_link.h): what
// preset=NAME expands to, and what the page compares a scene with to write a scene still equal to
// its preset back as preset=NAME.
#include <string>

#include "nn/net_link.h"
#include "nn/net_presets.h"

namespace adamlab {

// The preset's scene parts, specs in full form (as net_presets.cpp writes them): data, model,
// batch, seed, runs, speed, limit, and preset = its name. Nothing of the UI's (autoplay, embed...).
NetLink net_preset_link(const NetPreset& preset);

// "net-race, net-lr, ..." in menu order, for error messages.
std::string net_preset_names();

}  // namespace adamlab
