#include "ui/undo_buttons.h"

#include "imgui.h"

namespace adamlab::ui {
namespace {

// GLFW's key codes for letters are their ASCII capitals, and ImGui 1.86 indexes KeysDown by them.
constexpr int kKeyY = 'Y';
constexpr int kKeyZ = 'Z';

bool button(const char* label, bool enabled, const char* tip) {
  ImGui::BeginDisabled(!enabled);
  const bool pressed = ImGui::Button(label);
  ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("%s", tip);
  return pressed;
}

}  // namespace

void draw_undo_buttons(const ShareState& share, UiRequests& requests) {
  const ImGuiStyle& style = ImGui::GetStyle();
  const float gap = 3.0f;
  auto width = [&](const char* label) { return ImGui::CalcTextSize(label).x + 2 * style.FramePadding.x; };
  const float needed = width("Undo") + width("Redo") + width(" ? ") + 2 * gap;
  const float avail = ImGui::GetContentRegionAvail().x;
  if (avail < needed)
    ImGui::NewLine();
  else
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + avail - needed);
  ImGui::PushID("undobuttons");
  if (button("Undo", share.can_undo, "Undo the last change to the scene (Ctrl+Z, Cmd+Z on a Mac).")) requests.undo = true;
  ImGui::SameLine(0, gap);
  if (button("Redo", share.can_redo, "Redo what was undone (Ctrl+Shift+Z or Ctrl+Y).")) requests.redo = true;
  ImGui::SameLine(0, gap);
  if (button(" ? ", true, "Help: shortcuts, what the map and the chart show, the tutorial (? key).")) requests.toggle_help = true;
  ImGui::PopID();
}

void handle_undo_keys(UiRequests& requests) {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;
  const bool command = io.KeyCtrl || io.KeySuper;
  if (!command || io.KeyAlt) return;
  if (ImGui::IsKeyPressed(kKeyZ, true)) (io.KeyShift ? requests.redo : requests.undo) = true;
  if (ImGui::IsKeyPressed(kKeyY, true) && !io.KeyShift) requests.redo = true;
}

}  // namespace adamlab::ui
