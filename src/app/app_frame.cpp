#include <algorithm>
#include <chrono>

#include "app/app.h"
#include "imgui.h"

namespace adamlab::app {

namespace {
constexpr double kLoopHoldSeconds = 1.5;
}

App::App() : scene_(Scene::with_default_runs()), net_scene_(NetScene::with_default_runs()) {
  scene_.play();
  net_scene_.play();
}

void App::frame(double dt_seconds) {
  if (!undo_[0].started()) forget_undo();  // the page as it opened (its link loaded) is not undoable
  if (network()) return frame_network(dt_seconds);
  // The clock first, so this frame draws the state it shows the step counter for.
  const auto t0 = std::chrono::steady_clock::now();
  scene_.advance(dt_seconds);
  last_sim_ms_ = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  ui_.share().lesson_changed = lesson_changed();
  ui_.share().can_undo = can_undo();
  ui_.share().can_redo = can_redo();
  ui_.draw(scene_, commands_, error_);
  // Queued edits apply after drawing: the UI read one consistent const scene all frame.
  const std::uint64_t resets = scene_.reset_count();
  if (!commands_.empty()) undo_dirty_ = true;
  const std::string err = commands_.apply(scene_);
  // The R key and the Reset buttons queue Scene::reset(); in a lesson, Reset means the lesson.
  if (scene_.reset_count() != resets && in_lesson()) reset();
  if (!err.empty())
    error_ = err;
  else if (ImGui::IsMouseClicked(ImGuiMouseButton_Left))
    error_.clear();  // the next successful interaction dismisses an old message
  after_frame(dt_seconds);
}

void App::after_frame(double dt_seconds) {
  ui::UiRequests requests = ui_.take_requests();
  update_mouse_gesture();
  if (requests.load_preset || requests.reset_to_defaults || requests.restore_lesson || requests.mode) undo_dirty_ = true;
  if (requests.undo) undo();
  if (requests.redo) redo();
  if (requests.dismiss_errors) ui_.share().errors_dismissed = true;
  if (requests.reset_to_defaults) network() ? reset_network_to_defaults() : reset_to_defaults();
  if (requests.mode) set_mode(*requests.mode);
  if (requests.restore_lesson) restore_lesson();
  if (requests.load_preset) {
    const bool embed = ui_.share().embed;
    apply_link("#preset=" + *requests.load_preset + "&autoplay=1" + (embed ? "&embed=1" : ""));
  }
  for (auto a : requests.actions) actions_.push_back(a);
  // Every edit is recorded in the frame it applied; a mouse release closes a gesture's step.
  if (undo_dirty_ || ImGui::IsMouseReleased(ImGuiMouseButton_Left)) record_undo();
  // Loop: hold the finished picture a moment, then play it again from the start.
  const bool finished = network() ? !net_scene_.playing() && net_scene_.step_count() >= net_scene_.step_limit()
                                  : !scene_.playing() && scene_.step_count() >= scene_.step_limit();
  if (ui_.share().loop && finished) {
    loop_hold_ += std::max(dt_seconds, 0.0);
    if (loop_hold_ >= kLoopHoldSeconds) {
      loop_hold_ = 0;
      if (network()) {
        net_scene_.reset();
        net_scene_.play();
      } else {
        scene_.reset();
        scene_.play();
      }
    }
  } else {
    loop_hold_ = 0;
  }
}

void App::reset_to_defaults() {
  scene_ = Scene::with_default_runs();
  scene_.play();
  net_scene_ = NetScene::with_default_runs();
  net_scene_.play();
  if (!net_scene_.runs().empty()) ui_.net().select(net_scene_.runs().front().id);
  lesson_link_.reset();
  lesson_state_.clear();
  ui_.share() = ui::ShareState{};
  ui_.anatomy() = ui::AnatomyCursor{};
  ui_.landscape().reset_view();
  ui_.sweep().clear("cleared: the playground was reset to defaults");
  ui_.net().sweep().clear("cleared: the playground was reset to defaults");
  if (!scene_.runs().empty()) ui_.panel().select(scene_.runs().front().id);
  error_.clear();
  loop_hold_ = 0;
}

std::vector<ui::UiAction> App::take_actions() {
  std::vector<ui::UiAction> out;
  out.swap(actions_);
  return out;
}

void App::record_frame_time(double ms, double ui_ms) {
  stats_.last_ms = ms;
  if (stats_.frames == 0)
    stats_.first_frame_ms = ms;
  else
    stats_.max_ms = std::max(stats_.max_ms, ms);
  const int slot = static_cast<int>(stats_.frames % FrameStats::kWindow);
  stats_.window_ms[slot] = ms;
  stats_.window_ui_ms[slot] = ui_ms;
  stats_.window_sim_ms[slot] = last_sim_ms_;
  ++stats_.frames;
  const int n = static_cast<int>(std::min<std::uint64_t>(stats_.frames, FrameStats::kWindow));
  double total = 0, ui_total = 0, sim_total = 0;
  for (int k = 0; k < n; ++k) {
    total += stats_.window_ms[k];
    ui_total += stats_.window_ui_ms[k];
    sim_total += stats_.window_sim_ms[k];
  }
  stats_.average_ms = total / n;
  stats_.ui_average_ms = ui_total / n;
  stats_.sim_average_ms = sim_total / n;
}

namespace {
App* g_instance = nullptr;
}

void set_app_instance(App* app) { g_instance = app; }
App* app_instance() { return g_instance; }

}  // namespace adamlab::app
