#include "ui/net_lessons.h"
#include "ui/draw_util.h"

#include <string>

#include "imgui.h"
#include "nn/net_presets.h"

namespace adamlab::ui {
void draw_net_lessons(const ShareState& share, UiRequests& requests, NetLessonBoxes& boxes) {
  boxes = NetLessonBoxes{};
  const NetPreset* current = share.preset ? find_net_preset(*share.preset) : nullptr;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  const bool open = ImGui::BeginCombo("##netlesson", current ? ("lesson: " + current->title).c_str() : "lesson: choose a preset...");
  boxes.combo = item_box();
  if (open) {
    for (const auto& p : net_presets()) {
      if (ImGui::Selectable(p.title.c_str(), current == &p)) requests.load_preset = p.name;
      boxes.items.push_back(item_box());
    }
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Networks that each show one claim of the Adam tutorial, measured (URL: #preset=NAME).");
  if (share.lesson_changed) {
    if (ImGui::Button("Back to the lesson")) requests.restore_lesson = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Undo your changes: the lesson's data, network and runs as it opened.");
  }
  if (current) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(225, 215, 170, 255));
    ImGui::TextWrapped("%s", current->caption.c_str());
    ImGui::PopStyleColor();
    boxes.caption = item_box();
  }
}

}  // namespace adamlab::ui
