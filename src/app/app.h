#pragma once
// The playground application, platform-free: the scene, the UI and the frame step. main_web.cpp
// and main_native.cpp own the window and call frame() between ImGui's NewFrame and Render.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "nn/net_scene.h"
#include "sim/scene.h"
#include "sim/undo_history.h"
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
  double sim_average_ms = 0;  // of which: the simulation alone (the active scene's advance)
  static constexpr int kWindow = 120;
  double window_ms[kWindow] = {};
  double window_ui_ms[kWindow] = {};
  double window_sim_ms[kWindow] = {};
};

class App {
 public:
  App();
  // Advances the simulation by dt seconds of wall time, then builds this frame's UI.
  void frame(double dt_seconds);
  void record_frame_time(double ms, double ui_ms);
  // The exported figure (the PNG, app_figure.cpp): request_figure() asks for it; the platform
  // takes the request, draws figure_frame() (the map and chart as a figure, no controls, no
  // hover; the simulation does not advance and no input is taken), reads the pixels, then draws
  // the normal frame over it.
  void request_figure() { figure_requested_ = true; }
  bool take_figure_request() { const bool r = figure_requested_; figure_requested_ = false; return r; }
  void figure_frame();

  Scene& scene() { return scene_; }
  const Scene& scene() const { return scene_; }
  // The network mode's scene (issue 11), beside the landscape's: the frame advances only the
  // scene of the mode shown (app_network.cpp).
  NetScene& net_scene() { return net_scene_; }
  const NetScene& net_scene() const { return net_scene_; }
  ui::Mode mode() const { return ui_.share().mode; }
  bool network() const { return mode() == ui::Mode::network; }
  // Shows `mode` (the switch, setMode, a link's mode=): the other scene keeps its state, paused
  // where it was.
  void set_mode(ui::Mode mode);
  // The network scene as it opens: spirals, the default runs, playing (the UI's network Reset
  // to defaults; the page stays in network mode).
  void reset_network_to_defaults();
  ui::Playground& ui() { return ui_; }
  const FrameStats& stats() const { return stats_; }
  const std::string& error() const { return error_; }

  // --- links (app_link.cpp) ---
  // Loads a link (a hash, query or whole URL in sim/link.h's grammar) as the whole scene and UI:
  // valid parts load, the parts it leaves out (or that are refused) take their defaults
  // (sim/link.h load_link), the refused ones are returned (and shown in the map's banner). A link
  // naming a preset or embed=1 becomes the lesson (below). Never throws.
  std::vector<std::string> apply_link(const std::string& text);
  // A link refused whole before it was read (too long): `why` shows in the map's banner as a
  // link error would; nothing else changes. Returns {why}.
  std::vector<std::string> refuse_link(const std::string& why);

  // --- the lesson: the preset or embed the page was loaded as, to come back to (app_link.cpp) ---
  // The lesson's link (full, without at= and autoplay=), or nullopt outside a lesson.
  const std::optional<std::string>& lesson_link() const { return lesson_link_; }
  // True when the scene or view differs from the lesson as loaded (a moved start, a pan or zoom,
  // an edited run, ...); playing, pausing and stepping are not changes. False outside a lesson.
  // For a "back to the lesson" button.
  bool lesson_changed() const;
  // Back to the lesson exactly as its link opens it (start, view, runs), playing from step 0.
  // Outside a lesson: nothing.
  void restore_lesson();
  // Reset (the R key, the Reset buttons, adamlab.reset()): the runs back to step 0, playing or
  // paused as before; in a lesson also back to the lesson's start and view (edits to the runs
  // stay; on another problem, the whole lesson comes back).
  void reset();
  // The canonical hash for what is on screen now. A scene still equal to the preset it came
  // from is written as preset=NAME; a paused scene carries at=STEP, a playing one autoplay=1.
  std::string link() const;
  // The same scene as an embed: embed=1, autoplay=1, loop=1 (at= dropped).
  std::string embed_link() const;
  // Back to the playground as it opens with no link: the default scene playing, default view,
  // no preset, embed, anatomy, sweep or messages. Always succeeds: the way back from any state.
  void reset_to_defaults();
  // --- undo and redo (app_undo.cpp): one history per mode, over the scene as its link ---
  // Every change to the scene shown is a step: start moves, the problem, runs and their options,
  // visibility, noise, scheduler, the step limit and speed, presets and links, reset to
  // defaults; the network's data, model, batch size and seed too. A mouse gesture (a slider
  // drag, dragging the start) is one step. Not steps: playing, pausing, stepping, Reset (the
  // clock), the view, the selection, anatomy, sweeps and panels (restored with a step, never
  // one). Undo keeps the playback as it is: playing or paused at the same step.
  // Restored runs get new ids, as after any link load. Returns false with nothing to undo.
  bool undo();
  bool redo();
  bool can_undo() const;
  bool can_redo() const;
  const UndoHistory& undo_history(ui::Mode mode) const { return undo_[mode == ui::Mode::network ? 1 : 0]; }
  // Records both scenes after something may have changed them (the frame does after any edit;
  // the JS bridge after every call). A change made while the mouse is held joins that gesture's
  // step (sim/undo_history.h), so the page's own calls during a drag do not split it.
  void record_undo();
  // Starts both histories over from the scenes as they are (the page as it opened).
  void forget_undo();

  // Actions the UI asked of the page this frame (copy link, export, ...), oldest first; cleared.
  std::vector<ui::UiAction> take_actions();

 private:
  void after_frame(double dt_seconds);
  void frame_network(double dt_seconds);
  std::vector<std::string> apply_network_link(const std::string& text);
  std::string build_link(bool embed) const;
  std::string build_network_link(bool embed) const;
  std::string lesson_fingerprint() const;
  // The network side of the lesson and of preset links (app_network_lesson.cpp).
  std::string net_lesson_fingerprint() const;
  bool matches_net_preset(const std::string& name) const;
  // A lesson is the mode's it was loaded in: the other mode's Reset and links do not see it.
  bool in_lesson() const { return lesson_link_.has_value() && lesson_mode_ == mode(); }
  UndoState undo_state(ui::Mode mode) const;
  void restore_undo_state(const UndoState& state);
  // The gesture the mouse makes this frame: a new id per press, held until the release frame.
  void update_mouse_gesture();
  Scene scene_;
  ui::Playground ui_;
  ui::CommandQueue commands_;
  NetScene net_scene_;
  ui::NetCommandQueue net_commands_;
  std::string error_;
  FrameStats stats_;
  std::vector<ui::UiAction> actions_;
  double last_sim_ms_ = 0;  // this frame's advance(), timed by frame()
  double loop_hold_ = 0;  // seconds spent at the step limit while looping
  bool figure_requested_ = false;
  std::optional<std::string> lesson_link_;
  ui::Mode lesson_mode_ = ui::Mode::landscape;
  std::string lesson_state_;  // lesson_fingerprint() right after the lesson loaded
  std::string lesson_problem_;
  Eigen::Vector2d lesson_start_ = Eigen::Vector2d::Zero();
  std::optional<Rect> lesson_view_;
  UndoHistory undo_[2];  // landscape, network
  std::uint64_t gesture_serial_ = 0;
  std::uint64_t gesture_ = 0;  // this frame's, 0 = the mouse is not held
  bool undo_dirty_ = false;  // something outside the command queues may have changed a scene
};

// The one App the JS bridge talks to (set by main_web.cpp).
void set_app_instance(App* app);
App* app_instance();

}  // namespace adamlab::app
