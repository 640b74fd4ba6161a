#pragma once
// The runs legend (colour, visibility, duplicate, remove, status) and the selected run's
// hyperparameters (every torch option with its tooltip, the scheduler and its options), shared
// by the landscape and the network mode: each scene describes its runs as RunViews and takes the
// edits through RunEdits, which queue that scene's commands.
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "core/spec.h"
#include "ui/layout.h"
#include "ui/option_control.h"

namespace adamlab::ui {

// One run as the panels show it. The pointers refer to the scene's run and live for the frame.
struct RunView {
  int id = 0;
  int colour = 0;  // sim/palette.h index
  bool visible = true;
  const Spec* optimizer = nullptr;        // full spec
  const std::string* scheduler = nullptr;  // full spec, "" = none
  std::string status;                      // the line under the name ("loss 0.0123")
  std::int64_t diverged_at = -1;           // >= 0: the status says "diverged at step K" instead
};

// What the panels may ask of the scene; each queues a command (nothing changes while drawing).
struct RunEdits {
  std::function<void(int id, bool visible)> set_visible;
  std::function<void(int id)> duplicate;
  std::function<void(int id)> remove;
  std::function<void(const std::string& optimizer)> add;
  std::function<void(int id, const std::string& optimizer, const std::string& scheduler)> update;
};

struct RunListOptions {
  int max_runs = 12;
  bool touch = false;    // framed buttons for fingers
  bool markers = true;   // the map draws head markers by list position: show their shapes
  const char* visible_tooltip = "Show or hide this run's path and loss curve.";
};

class RunPanel {
 public:
  // `selected` is the run id the hyperparameter panel edits; a click on a name changes it.
  void draw_list(const std::vector<RunView>& runs, int& selected, const RunEdits& edits, const RunListOptions& options);
  // The run's optimizer and scheduler; `step_limit` sizes a new scheduler's defaults.
  void draw_hyperparameters(const RunView* run, std::int64_t step_limit, const RunEdits& edits);
  // Where this frame drew each option's field ("lr", "sched.gamma", ...), CSS px.
  const std::vector<std::pair<std::string, Box>>& field_boxes() const { return field_boxes_; }
  const FieldEdit& field_edit() const { return field_edit_; }
  const Box& add_box() const { return add_box_; }  // the "+ Add run" button

 private:
  int add_choice_ = -1;  // the optimizer picked in "Add run"; -1 = the suggestion (sim/next_optimizer.h)
  FieldEdit field_edit_;
  std::string refusal_;  // a checkbox edit torch refused (nesterov without momentum, ...)
  std::vector<std::pair<std::string, Box>> field_boxes_;
  Box add_box_;
};

// A spec that builds with PyTorch's defaults: the name alone, or (SGD) the name with an lr.
std::string default_optimizer_spec(const std::string& name, const std::string& lr);

}  // namespace adamlab::ui
