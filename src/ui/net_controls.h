#pragma once
// The network mode's own controls: the data (generator and its options, or the user's CSV), the
// input features, the architecture (hidden layers, widths, activation), batch size and seed with
// a "New seed" button, the honest parameter count, the step and epoch counters, and the main
// view's toggles. Reads the NetScene as const; every edit queues a NetScene command, so a value
// the core refuses shows its message and changes nothing.
#include <cstdint>
#include <string>
#include <vector>

#include "ui/commands.h"

namespace adamlab {
class NetScene;
}

namespace adamlab::ui {

// What the main view draws (toggled here, read by ui/net_view.h).
struct NetViewOptions {
  bool show_test = false;   // test points as hollow circles
  bool discretize = false;  // the boundary as hard class regions instead of probabilities
};

class NetControls {
 public:
  NetControls();
  void draw(const NetScene& scene, NetCommandQueue& commands, bool touch);
  NetViewOptions& view_options() { return view_; }
  const NetViewOptions& view_options() const { return view_; }

 private:
  void draw_data(const NetScene& scene, NetCommandQueue& commands);
  void draw_csv(const NetScene& scene, NetCommandQueue& commands);
  void draw_model(const NetScene& scene, NetCommandQueue& commands);
  void draw_training(const NetScene& scene, NetCommandQueue& commands);
  // A slider that applies on release (each edit rebuilds the task and replays every run).
  bool slider(const char* key, double& value, double lo, double hi, bool integer, bool logarithmic);

  NetViewOptions view_;
  std::string editing_key_;  // the slider being dragged, and its value meanwhile
  double editing_value_ = 0;
  std::vector<char> csv_text_;
  float csv_test_fraction_ = 0.3f;
  bool touch_ = false;
};

// The seed "New seed" draws: another seed, derived from the current one (so a session's
// sequence of seeds is reproducible), below a million to stay readable in a link.
std::uint64_t next_seed(std::uint64_t seed);

}  // namespace adamlab::ui
