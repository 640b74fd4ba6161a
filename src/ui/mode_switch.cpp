#include "ui/mode_switch.h"

#include "imgui.h"
#include "ui/draw_util.h"

namespace adamlab::ui {

void draw_mode_switch(Mode current, UiRequests& requests, ModeSwitchBoxes& boxes, bool compact) {
  ImGui::PushID("modeswitch");
  const ImVec4 lit = ImGui::GetStyle().Colors[ImGuiCol_ButtonActive];
  const struct {
    Mode mode;
    const char* label;
    const char* tip;
  } items[] = {{Mode::landscape, "Landscape", "Optimizers racing on 2D test functions (the loss landscape)."},
               {Mode::network, "Network", "Optimizers training a small neural network on data, exactly as torch.optim would."}};
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(1, ImGui::GetStyle().ItemSpacing.y));
  bool first = true;
  for (int i = 0; i < 2; ++i) {
    const bool on = items[i].mode == current;
    if (compact && on) continue;
    if (!first) ImGui::SameLine();
    first = false;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, lit);
    if (ImGui::Button(items[i].label) && !on) requests.mode = items[i].mode;
    if (on) ImGui::PopStyleColor();
    (items[i].mode == Mode::landscape ? boxes.landscape : boxes.network) = item_box();
    tooltip(items[i].tip);
  }
  ImGui::PopStyleVar();
  ImGui::PopID();
}

}  // namespace adamlab::ui
