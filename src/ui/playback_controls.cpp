#include "ui/playback_controls.h"
#include "ui/draw_util.h"

#include <algorithm>

#include "imgui.h"
#include "nn/net_scene.h"
#include "sim/scene.h"

namespace adamlab::ui {
template <class S>
void draw_playback_controls(const S& scene, BasicCommandQueue<S>& commands, bool touch) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float bw = (w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (ImGui::Button(scene.playing() ? "Pause" : "Play", ImVec2(bw, 0))) commands.push([](S& s) { s.toggle_play(); });
  tooltip("Play or pause the race (Space).");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(bw, 0))) commands.push([](S& s) { s.pause(); s.step(1); });
  tooltip("One optimizer step for every run (Right arrow).");
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(bw, 0))) commands.push([](S& s) { s.reset(); });
  tooltip("Every run back to the start, step 0 (R).");

  ImGui::Text("step %lld / %lld", static_cast<long long>(scene.step_count()), static_cast<long long>(scene.step_limit()));
  // Label, track, value: the value sits beside the slider, never under its grab.
  const float label_w = ImGui::CalcTextSize("step limit").x + ImGui::GetStyle().ItemSpacing.x * 2;
  const float value_w = ImGui::CalcTextSize("10000 steps/s").x;
  float speed = static_cast<float>(scene.speed());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("speed");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(std::max(40.0f, w - label_w - value_w - ImGui::GetStyle().ItemInnerSpacing.x));
  if (ImGui::SliderFloat("##speed", &speed, static_cast<float>(S::kMinSpeed), static_cast<float>(S::kMaxSpeed), "",
                         ImGuiSliderFlags_Logarithmic)) {
    const double v = speed;
    commands.push([v](S& s) { s.set_speed(v); });
  }
  tooltip("Optimizer steps per second while playing: 1 to follow single steps, thousands to see where runs end up.");
  ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
  ImGui::Text(speed < 10 ? "%.2g steps/s" : "%.0f steps/s", speed);
  int limit = static_cast<int>(scene.step_limit());
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("step limit");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(w - label_w);
  if (ImGui::InputInt("##limit", &limit, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) {
    commands.push([limit](S& s) { s.set_step_limit(limit); });
  }
  tooltip("Playback stops at this step (type a number, then Enter).");
  if (!touch) ImGui::TextDisabled("Space: play  Right: step  R: reset");
}

template <class S>
void draw_toolbar_playback(const S& scene, BasicCommandQueue<S>& commands, bool phone) {
  // Buttons with frames (not SmallButton): a finger needs the height.
  if (ImGui::Button(scene.playing() ? "Pause" : "Play")) commands.push([](S& s) { s.toggle_play(); });
  if (phone) {
    ImGui::SameLine();
    if (ImGui::Button("Step")) commands.push([](S& s) { s.pause(); s.step(1); });
  }
  ImGui::SameLine();
  if (ImGui::Button("Reset")) commands.push([](S& s) { s.reset(); });
  ImGui::SameLine();
  ImGui::AlignTextToFramePadding();
  ImGui::Text("%lld/%lld", static_cast<long long>(scene.step_count()), static_cast<long long>(scene.step_limit()));
}

template <class S>
void handle_playback_keys(BasicCommandQueue<S>& commands) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // typing a value must not play, step or reset
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) commands.push([](S& s) { s.toggle_play(); });
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true)) commands.push([](S& s) { s.pause(); s.step(1); });
  if (ImGui::IsKeyPressed('R', false)) commands.push([](S& s) { s.reset(); });  // GLFW_KEY_R == 'R'
}

template void handle_playback_keys<Scene>(CommandQueue&);
template void handle_playback_keys<NetScene>(NetCommandQueue&);
template void draw_playback_controls<Scene>(const Scene&, CommandQueue&, bool);
template void draw_playback_controls<NetScene>(const NetScene&, NetCommandQueue&, bool);
template void draw_toolbar_playback<Scene>(const Scene&, CommandQueue&, bool);
template void draw_toolbar_playback<NetScene>(const NetScene&, NetCommandQueue&, bool);

}  // namespace adamlab::ui
