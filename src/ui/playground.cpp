#include "ui/playground.h"

#include <algorithm>

#include "imgui.h"
#include "sim/scene.h"

namespace adamlab::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.ItemSpacing = ImVec2(7, 5);
  style.FramePadding = ImVec2(6, 3);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
}

void Playground::handle_keys(CommandQueue& commands) const {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // typing a value must not play, step or reset
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) commands.push([](Scene& s) { s.toggle_play(); });
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true)) commands.push([](Scene& s) { s.pause(); s.step(1); });
  if (ImGui::IsKeyPressed('R', false)) commands.push([](Scene& s) { s.reset(); });  // GLFW_KEY_R == 'R'
}

void Playground::draw(const Scene& scene, CommandQueue& commands, const std::string& error) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float panel_w = std::clamp(display.x * 0.27f, std::min(290.0f, display.x * 0.45f), 400.0f);
  const float right_w = std::max(display.x - panel_w, 1.0f);
  const float chart_h = std::clamp(display.y * 0.32f, std::min(150.0f, display.y * 0.4f), 340.0f);
  const float land_h = std::max(display.y - chart_h, 1.0f);

  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(panel_w, display.y));
  if (ImGui::Begin("##controls", nullptr, kFixed)) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1), "AdamLab");
    ImGui::SameLine();
    ImGui::TextDisabled("PyTorch optimizers, live");
    panel_.draw(scene, commands, error);
  }
  ImGui::End();
  if (panel_.reset_view_requested()) landscape_.reset_view();

  ImGui::SetNextWindowPos(ImVec2(panel_w, 0));
  ImGui::SetNextWindowSize(ImVec2(right_w, land_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin("##landscape", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
    landscape_.draw(scene, commands);
  ImGui::End();
  ImGui::PopStyleVar();

  ImGui::SetNextWindowPos(ImVec2(panel_w, land_h));
  ImGui::SetNextWindowSize(ImVec2(right_w, chart_h));
  if (ImGui::Begin("##chart", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
    chart_.draw(scene);
  ImGui::End();

  handle_keys(commands);
}

}  // namespace adamlab::ui
