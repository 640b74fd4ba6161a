#include "ui/details.h"

#include "imgui.h"

namespace adamlab::ui {

bool details_begin(const char* id, DetailsState& state) {
  ImGui::PushID(id);
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  state.open = ImGui::TreeNodeEx("details", ImGuiTreeNodeFlags_SpanAvailWidth | ImGuiTreeNodeFlags_NoTreePushOnOpen);
  ImGui::PopStyleColor();
  ImGui::PopID();
  state.drawn = true;
  if (state.open) ImGui::Indent();
  return state.open;
}

void details_end() { ImGui::Unindent(); }

}  // namespace adamlab::ui
