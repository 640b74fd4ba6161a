#pragma once
// The playground application, platform-free: the scene, the UI and the frame step. main_web.cpp
// and main_native.cpp own the window and call frame() between ImGui's NewFrame and Render.
#include <cstdint>
#include <string>

#include "sim/scene.h"
#include "ui/commands.h"
#include "ui/playground.h"

namespace adamlab::app {

struct FrameStats {
  std::uint64_t frames = 0;
  double last_ms = 0;     // CPU time of the last frame (simulation + UI + GL submission)
  double average_ms = 0;  // mean over the last kWindow frames
  double max_ms = 0;      // worst frame since load, first frame excluded
  double first_frame_ms = 0;
  double ui_average_ms = 0;  // of which: simulation + building the UI (no GL)
  static constexpr int kWindow = 120;
  double window_ms[kWindow] = {};
  double window_ui_ms[kWindow] = {};
};

class App {
 public:
  App();
  // Advances the simulation by dt seconds of wall time, then builds this frame's UI.
  void frame(double dt_seconds);
  void record_frame_time(double ms, double ui_ms);

  Scene& scene() { return scene_; }
  const Scene& scene() const { return scene_; }
  ui::Playground& ui() { return ui_; }
  const FrameStats& stats() const { return stats_; }
  const std::string& error() const { return error_; }

 private:
  Scene scene_;
  ui::Playground ui_;
  ui::CommandQueue commands_;
  std::string error_;
  FrameStats stats_;
};

// The one App the JS bridge talks to (set by main_web.cpp).
void set_app_instance(App* app);
App* app_instance();

}  // namespace adamlab::app
