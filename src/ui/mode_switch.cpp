#include "ui/mode_switch.h"

#include "imgui.h"

namespace adamlab::ui {

void draw_mode_switch(Mode current, UiRequests& requests, ModeSwitchBoxes& boxes) {
  ImGui::PushID("modeswitch");
  const ImVec4 lit = ImGui::GetStyle().Colors[ImGuiCol_ButtonActive];
  const struct {
    Mode mode;
    const char* label;
    const char* tip;
  } items[] = {{Mode::landscape, "Landscape", "Optimizers racing on 2D test functions (the loss landscape)."},
               {Mode::network, "Network", "Optimizers training a small neural network on data, exactly as torch.optim would."}};
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(1, ImGui::GetStyle().ItemSpacing.y));
  for (int i = 0; i < 2; ++i) {
    if (i) ImGui::SameLine();
    const bool on = items[i].mode == current;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, lit);
    if (ImGui::Button(items[i].label) && !on) requests.mode = items[i].mode;
    if (on) ImGui::PopStyleColor();
    const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
    (items[i].mode == Mode::landscape ? boxes.landscape : boxes.network) = Box{a.x, a.y, b.x - a.x, b.y - a.y};
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", items[i].tip);
  }
  ImGui::PopStyleVar();
  ImGui::PopID();
}

}  // namespace adamlab::ui
