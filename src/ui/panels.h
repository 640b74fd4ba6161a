#pragma once
// The control column: playback, problem, the runs legend (colour, visibility, duplicate,
// remove, status) and the selected run's hyperparameters. Reads the scene as const and queues
// commands.
#include <string>

#include "ui/anatomy_view.h"
#include "ui/commands.h"
#include "ui/function_editor.h"
#include "ui/layout.h"
#include "ui/paste_box.h"
#include "ui/run_panels.h"
#include "ui/ui_state.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

// The combo entry that opens the function editor.
inline constexpr const char* kOwnFunctionEntry = "f(x, y) = your own...";

// Where the problem combo and (while it is open) its "your own" entry were drawn, for real clicks.
struct ProblemComboBoxes {
  Box combo;
  Box own_entry;  // empty while the combo is closed
};

// What the panel edits besides the scene: the link state, the anatomy cursor (and its view, which
// draws its own section) and one-shot requests for the app.
struct PanelContext {
  ShareState& share;
  AnatomyCursor& anatomy;
  AnatomyView& anatomy_view;
  UiRequests& requests;
};

class ControlPanel {
 public:
  void draw(const Scene& scene, CommandQueue& commands, const std::string& error, PanelContext& context);
  int selected() const { return selected_; }
  void select(int id) { selected_ = id; }
  bool reset_view_requested() { bool r = reset_view_; reset_view_ = false; return r; }
  // Touch layouts: framed buttons instead of small ones, hints for fingers instead of keys.
  void set_touch(bool touch) { touch_ = touch; }
  const PasteBox& paste_box() const { return paste_box_; }
  const RunPanel& run_panel() const { return run_panel_; }
  const FunctionEditor& function_editor() const { return function_editor_; }
  const ProblemComboBoxes& problem_combo() const { return problem_combo_; }

 private:
  void draw_playback(const Scene& scene, CommandQueue& commands);
  void draw_problem(const Scene& scene, CommandQueue& commands);
  void draw_runs(const Scene& scene, CommandQueue& commands);
  void draw_hyperparameters(const Scene& scene, CommandQueue& commands);
  void draw_lessons(PanelContext& context);
  void draw_anatomy(const Scene& scene, CommandQueue& commands, PanelContext& context);
  void draw_share(PanelContext& context);

  int selected_ = 0;  // run id; 0 = the first run
  RunPanel run_panel_;
  PasteBox paste_box_;  // "Paste PyTorch", under the runs
  FunctionEditor function_editor_;  // under the problem combo while the problem is a typed function
  ProblemComboBoxes problem_combo_;
  bool reset_view_ = false;
  bool touch_ = false;
};

}  // namespace adamlab::ui
