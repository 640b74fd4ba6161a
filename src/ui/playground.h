#pragma once
// The whole playground UI for one frame. Layout follows the display every frame (ui/layout.h):
// desktop (control column, map, chart below), phone (map on top, a tabbed sheet below with the
// chart, the controls and the sweep) or embed (the map first, a chart only where readable).
#include <string>

#include "ui/anatomy_view.h"
#include "ui/code_window.h"
#include "ui/commands.h"
#include "ui/landscape_canvas.h"
#include "ui/layout.h"
#include "ui/loss_chart.h"
#include "ui/help_overlay.h"
#include "ui/mode_switch.h"
#include "ui/net_playground.h"
#include "ui/panels.h"
#include "ui/sweep_panel.h"
#include "ui/ui_state.h"

namespace adamlab {
class Scene;
class NetScene;
}

namespace adamlab::ui {

class Playground {
 public:
  void draw(const Scene& scene, CommandQueue& commands, const std::string& error);
  // The network mode's page (ui/net_playground.h) in the same layout, with the same link banner.
  void draw_network(const NetScene& scene, NetCommandQueue& commands, const std::string& error);
  // The next draw is the exported figure (the PNG): map and chart laid out as a figure
  // (ui/layout.h compute_figure_layout), no control panel, toolbar, banner, hover read-out or
  // tooltip, no input taken. The app draws one such frame, reads the pixels, then draws as before.
  void set_figure(bool on) { figure_ = on; }
  bool figure() const { return figure_; }
  NetPlayground& net() { return net_; }
  const NetPlayground& net() const { return net_; }
  LandscapeCanvas& landscape() { return landscape_; }
  const LandscapeCanvas& landscape() const { return landscape_; }
  ControlPanel& panel() { return panel_; }
  const ControlPanel& panel() const { return panel_; }
  ShareState& share() { return share_; }
  const ShareState& share() const { return share_; }
  AnatomyCursor& anatomy() { return anatomy_; }
  const AnatomyCursor& anatomy() const { return anatomy_; }
  const AnatomyView& anatomy_view() const { return anatomy_view_; }
  SweepPanel& sweep() { return sweep_; }
  const SweepPanel& sweep() const { return sweep_; }
  // Brings the anatomy view up to date outside a frame (the JS API reads it between frames).
  void refresh_anatomy(const Scene& scene) { anatomy_view_.update(scene, anatomy_); }
  // This frame's one-shot requests (the app reads and clears them after draw()).
  UiRequests take_requests() { UiRequests r = std::move(requests_); requests_ = UiRequests{}; return r; }
  // This frame's layout: regions, and whether the chart is on screen (the JS layout read-out).
  const ScreenLayout& layout() const { return layout_; }
  bool chart_shown() const { return chart_shown_; }
  const LossChart& chart() const { return chart_; }
  const ModeSwitchBoxes& mode_switch() const { return mode_boxes_; }
  // The "PyTorch code" window (ui/code_window.h), opened by its buttons or by the JS API.
  CodeWindow& code_window() { return code_window_; }
  const CodeWindow& code_window() const { return code_window_; }
  HelpOverlay& help() { return help_; }
  const HelpOverlay& help() const { return help_; }

 private:
  // This frame's layout (the regions) and the phone's finger-sized style; returns the styles pushed.
  int begin_frame(bool sweep_open);
  void draw_link_errors(float x, float y, float w);
  // Last in a frame: the help overlay over everything, then the keys (help, undo, playback).
  template <class Q>
  void end_frame(Mode mode, Q& commands);
  // The exported figure's frame (set_figure).
  void draw_figure(const Scene& scene, CommandQueue& commands);
  void draw_map_window(const Scene& scene, CommandQueue& commands);
  void draw_map_toolbar(const Scene& scene, CommandQueue& commands, ImVec2 pos);
  void draw_controls(const Scene& scene, CommandQueue& commands, const std::string& error);
  void draw_chart_tabs(const Scene& scene, CommandQueue& commands, int sweep_run);
  // The loss chart, marking the anatomy view's inspected step when it is on.
  void draw_chart(const Scene& scene, bool compact = false);
  // The sweep's tab in either tab bar (desktop chart area, phone sheet); true while it shows.
  bool draw_sweep_tab(const Scene& scene, CommandQueue& commands, int sweep_run, bool select);
  void draw_phone_sheet(const Scene& scene, CommandQueue& commands, const std::string& error, int sweep_run);
  // Opens the code window for this frame's show_code request (of either scene), then draws it.
  template <class SceneT>
  void draw_code_window(const SceneT& scene);

  ControlPanel panel_;
  NetPlayground net_;
  LandscapeCanvas landscape_;
  LossChart chart_;
  ShareState share_;
  AnatomyCursor anatomy_;
  AnatomyView anatomy_view_;
  SweepPanel sweep_;  // a tab beside the loss chart
  CodeWindow code_window_;
  UiRequests requests_;
  ScreenLayout layout_;
  ModeSwitchBoxes mode_boxes_;
  HelpOverlay help_;
  bool figure_ = false;            // this frame is the exported figure (set_figure)
  bool chart_shown_ = false;       // the chart was drawn this frame (else the legend reads out the loss)
  bool phone_chart_tab_ = true;    // phone: the sheet's chart tab was showing last frame
  ImVec2 toolbar_size_{0, 0};      // the map toolbar's size last frame (it auto-sizes)
  bool sheet_scrolling_ = false;   // phone: a finger is scrolling the controls
};

// Dark theme with the playground's spacing (call once after ImGui::CreateContext()).
void apply_style();

}  // namespace adamlab::ui
