#pragma once
// Presets that teach: each is a scene (a link, see sim/link.h) plus the one lesson it shows.
// Names are fixed: the tutorial page (web/tutorial.*) links to them as #preset=NAME. Every
// caption's claim is checked numerically by tests/presets_test.cpp against the real core.
#include <string>
#include <vector>

namespace adamlab {

struct Preset {
  std::string name;     // URL name: #preset=NAME
  std::string title;    // menu title
  std::string caption;  // two sentences: what to watch, and why it happens
  std::string link;     // the scene, in link grammar (no preset= key inside)
};

// In menu order: momentum, rmsprop, adam, learning-rate, beta1, beta2, eps, weight-decay,
// amsgrad, maximize, schedule, noise.
const std::vector<Preset>& presets();
// null if there is no such preset.
const Preset* find_preset(const std::string& name);

}  // namespace adamlab
