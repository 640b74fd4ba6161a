#pragma once
// The playground application, platform-free: the scene, the UI and the frame step. main_web.cpp
// and main_native.cpp own the window and call frame() between ImGui's NewFrame and Render.
#include <cstdint>
#include <string>
#include <vector>

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

  // --- links (app_link.cpp) ---
  // Applies a link (a hash, query or whole URL in sim/link.h's grammar) to the scene and the UI:
  // valid parts load, the others are returned (and shown in the map's banner). Never throws.
  std::vector<std::string> apply_link(const std::string& text);
  // A link refused whole before it was read (too long): `why` shows in the map's banner as a
  // link error would; nothing else changes. Returns {why}.
  std::vector<std::string> refuse_link(const std::string& why);
  // The canonical hash for what is on screen now. A scene still equal to the preset it came
  // from is written as preset=NAME; a paused scene carries at=STEP, a playing one autoplay=1.
  std::string link() const;
  // The same scene as an embed: embed=1, autoplay=1, loop=1 (at= dropped).
  std::string embed_link() const;
  // Back to the playground as it opens with no link: the default scene playing, default view,
  // no preset, embed, anatomy, sweep or messages. Always succeeds: the way back from any state.
  void reset_to_defaults();
  // Actions the UI asked of the page this frame (copy link, export, ...), oldest first; cleared.
  std::vector<ui::UiAction> take_actions();

 private:
  void after_frame(double dt_seconds);
  std::string build_link(bool embed) const;
  Scene scene_;
  ui::Playground ui_;
  ui::CommandQueue commands_;
  std::string error_;
  FrameStats stats_;
  std::vector<ui::UiAction> actions_;
  double loop_hold_ = 0;  // seconds spent at the step limit while looping
};

// The one App the JS bridge talks to (set by main_web.cpp).
void set_app_instance(App* app);
App* app_instance();

}  // namespace adamlab::app
