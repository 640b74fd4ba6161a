#pragma once
// The network mode's page for one frame, in the same regions as the landscape's (ui/layout.h):
// desktop, the control column (playback, data and network controls, runs, hyperparameters), the
// main view (ui/net_view.h) and the chart below it (ui/net_chart.h); phone, the view on top and
// a tabbed sheet with the chart and the controls; embed, the view with a toolbar and the chart
// where it has room. Reads the NetScene as const and queues NetScene commands.
#include <string>

#include "imgui.h"
#include "ui/commands.h"
#include "ui/layout.h"
#include "ui/mode_switch.h"
#include "ui/net_chart.h"
#include "ui/net_controls.h"
#include "ui/net_diagram.h"
#include "ui/net_lessons.h"
#include "ui/net_view.h"
#include "ui/paste_box.h"
#include "ui/run_panels.h"
#include "ui/sweep_panel.h"
#include "ui/ui_state.h"

namespace adamlab {
class NetScene;
}

namespace adamlab::ui {

class NetPlayground {
 public:
  void draw(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ScreenLayout& layout, ShareState& share,
            UiRequests& requests, ModeSwitchBoxes& mode_boxes);
  // The exported figure (ui/playground.h set_figure): the main view and the loss chart in
  // `figure`'s regions, no controls, toolbar, diagram, hover read-out or input.
  void draw_figure(const NetScene& scene, const ScreenLayout& figure);
  int selected() const { return selected_; }
  void select(int id) { selected_ = id; }
  const PasteBox& paste_box() const { return paste_box_; }
  NetControls& controls() { return controls_; }
  const NetMainView& view() const { return view_; }
  const NetChart& chart() const { return chart_; }
  const RunPanel& run_panel() const { return run_panel_; }
  bool chart_shown() const { return chart_shown_; }
  const Box& toolbar_box() const { return view_.overlays().toolbar; }
  // The network mode's sweep (a tab beside the chart); Playground updates it before the layout.
  SweepPanel& sweep() { return sweep_; }
  const SweepPanel& sweep() const { return sweep_; }
  // The run a sweep is for: the selected run, else the first.
  int sweep_run(const NetScene& scene) const;
  const NetLessonBoxes& lesson_boxes() const { return lesson_boxes_; }

 private:
  void draw_controls(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ShareState& share,
                     UiRequests& requests, bool touch);
  void draw_toolbar(const NetScene& scene, NetCommandQueue& commands, const ShareState& share, UiRequests& requests, bool phone);
  // The chart's tabs and the Sweep tab in the current window.
  void draw_chart_tabs(const NetScene& scene, NetCommandQueue& commands);
  // The Sweep tab item; true while it shows.
  bool draw_sweep_tab(const NetScene& scene, NetCommandQueue& commands, bool select);
  void draw_phone_sheet(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ScreenLayout& layout,
                        const ShareState& share, UiRequests& requests);

  NetControls controls_;
  RunPanel run_panel_;
  PasteBox paste_box_;  // "Paste PyTorch", under the runs
  NetMainView view_;
  NetChart chart_;
  NetLessonBoxes lesson_boxes_;  // where the lesson menu was drawn (ui/net_lessons.h)
  NetDiagramState diagram_;  // the network diagram's cache and hover (ui/net_diagram_panel.h)
  SweepPanel sweep_{true};
  int selected_ = 0;
  bool chart_shown_ = false;
  bool phone_chart_tab_ = true;
  bool sheet_scrolling_ = false;
  ImVec2 toolbar_size_{0, 0};
  ModeSwitchBoxes* mode_boxes_ = nullptr;  // this frame's (the playground's)
  float map_width_ = 0;                    // this frame's main view width
};

}  // namespace adamlab::ui
