#pragma once
// The control column: playback, problem, the runs legend (colour, visibility, duplicate,
// remove, status) and the selected run's hyperparameters. Reads the scene as const and queues
// commands.
#include <string>

#include "ui/commands.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class ControlPanel {
 public:
  void draw(const Scene& scene, CommandQueue& commands, const std::string& error);
  int selected() const { return selected_; }
  void select(int id) { selected_ = id; }
  bool reset_view_requested() { bool r = reset_view_; reset_view_ = false; return r; }

 private:
  void draw_playback(const Scene& scene, CommandQueue& commands);
  void draw_problem(const Scene& scene, CommandQueue& commands);
  void draw_runs(const Scene& scene, CommandQueue& commands);
  void draw_hyperparameters(const Scene& scene, CommandQueue& commands);

  int selected_ = 0;  // run id; 0 = the first run
  int add_choice_ = 0;
  bool reset_view_ = false;
};

}  // namespace adamlab::ui
