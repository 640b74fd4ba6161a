// The network mode's lessons: what "the figure" of a network lesson is (for "Back to the lesson")
// and whether the scene is still exactly its preset (so the page's link says preset=NAME).
#include <map>

#include "app/app.h"
#include "nn/net_link.h"
#include "nn/net_presets.h"

namespace adamlab::app {
namespace {

// The link of the scene preset `name` loads, or nullopt if it is not a network preset (or does
// not load cleanly). Presets are constants: each is loaded once, since the page builds its link
// several times a second and loading a network scene costs milliseconds.
const std::optional<NetLink>& net_preset_scene_link(const std::string& name) {
  static std::map<std::string, std::optional<NetLink>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::optional<NetLink> loaded;
  if (find_net_preset(name)) {
    const ParsedNetLink parsed = parse_net_link("#preset=" + name);
    NetScene fresh;
    if (parsed.errors.empty() && load_net_link(parsed.link, fresh).errors.empty()) loaded = net_link_from_scene(fresh);
  }
  return cache.emplace(name, std::move(loaded)).first->second;
}

}  // namespace

// Everything a reader would call the figure: data, model, batch, seed, runs as configured, speed,
// limit. Not the step or whether it plays.
std::string App::net_lesson_fingerprint() const { return to_link(net_link_from_scene(net_scene_)); }

bool App::matches_net_preset(const std::string& name) const {
  const auto& preset = net_preset_scene_link(name);
  return preset && *preset == net_link_from_scene(net_scene_);
}

}  // namespace adamlab::app
