#pragma once
// The whole playground UI for one frame: the control column on the left, the landscape (the
// largest region) and the loss chart on the right. Layout follows the display size every frame.
#include <string>

#include "ui/anatomy_view.h"
#include "ui/commands.h"
#include "ui/landscape_canvas.h"
#include "ui/loss_chart.h"
#include "ui/panels.h"
#include "ui/sweep_panel.h"
#include "ui/ui_state.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class Playground {
 public:
  void draw(const Scene& scene, CommandQueue& commands, const std::string& error);
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

 private:
  void handle_keys(CommandQueue& commands) const;
  void draw_link_errors(float x, float y, float w);
  void draw_embed_bar(const Scene& scene, CommandQueue& commands, float x, float y);

  ControlPanel panel_;
  LandscapeCanvas landscape_;
  LossChart chart_;
  ShareState share_;
  AnatomyCursor anatomy_;
  AnatomyView anatomy_view_;
  SweepPanel sweep_;  // a tab beside the loss chart
  UiRequests requests_;
};

// Dark theme with the playground's spacing (call once after ImGui::CreateContext()).
void apply_style();

}  // namespace adamlab::ui
