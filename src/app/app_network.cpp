// The network mode in the App: its frame (the same order as the landscape's: the clock, the UI
// reading one const scene, then the queued commands) and the switch between modes.
#include <chrono>

#include "app/app.h"
#include "imgui.h"

namespace adamlab::app {

void App::frame_network(double dt_seconds) {
  const auto t0 = std::chrono::steady_clock::now();
  net_scene_.advance(dt_seconds);
  last_sim_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ui_.share().lesson_changed = lesson_changed();
  ui_.share().can_undo = can_undo();
  ui_.share().can_redo = can_redo();
  ui_.draw_network(net_scene_, net_commands_, error_);
  if (!net_commands_.empty()) undo_dirty_ = true;
  const std::string err = net_commands_.apply(net_scene_);
  if (!err.empty())
    error_ = err;
  else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
    error_.clear();  // the next successful interaction dismisses an old message
  after_frame(dt_seconds);
}

void App::set_mode(ui::Mode mode) {
  if (mode == this->mode()) return;
  ui_.share().mode = mode;
  error_.clear();
  loop_hold_ = 0;
  // The scene left behind waits where it was; the one shown plays on if it was playing.
  if (mode == ui::Mode::network && !net_scene_.runs().empty() && !net_scene_.find(ui_.net().selected()))
    ui_.net().select(net_scene_.runs().front().id);
}

void App::reset_network_to_defaults() {
  net_scene_ = NetScene::with_default_runs();
  ui_.net().sweep().clear("cleared: the network scene was reset to defaults");
  net_scene_.play();
  if (!net_scene_.runs().empty()) ui_.net().select(net_scene_.runs().front().id);
  if (lesson_mode_ == ui::Mode::network) {  // the network lesson and its preset are left behind
    lesson_link_.reset();
    lesson_state_.clear();
    ui_.share().preset.reset();
  }
  error_.clear();
  loop_hold_ = 0;
}

}  // namespace adamlab::app
