#pragma once
// The whole playground UI for one frame: the control column on the left, the landscape (the
// largest region) and the loss chart on the right. Layout follows the display size every frame.
#include <string>

#include "ui/commands.h"
#include "ui/landscape_canvas.h"
#include "ui/loss_chart.h"
#include "ui/panels.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class Playground {
 public:
  void draw(const Scene& scene, CommandQueue& commands, const std::string& error);
  LandscapeCanvas& landscape() { return landscape_; }
  ControlPanel& panel() { return panel_; }

 private:
  void handle_keys(CommandQueue& commands) const;

  ControlPanel panel_;
  LandscapeCanvas landscape_;
  LossChart chart_;
};

// Dark theme with the playground's spacing (call once after ImGui::CreateContext()).
void apply_style();

}  // namespace adamlab::ui
