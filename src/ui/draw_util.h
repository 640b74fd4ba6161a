#pragma once
// Small drawing helpers shared by the canvases.
#include <algorithm>
#include <cstdint>
#include <string>

#include "imgui.h"
#include "ui/layout.h"

namespace adamlab::ui {

// The colour of a refusal's message beside the field it refuses (paste box, sweep, function editor).
inline constexpr ImU32 kRefusalColour = IM_COL32(255, 110, 100, 255);

// The last item's tooltip while it is hovered.
inline void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// Where the last item was drawn (screen px), for layout() read-outs and real clicks in tests.
inline Box item_box() {
  const ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
  return Box{a.x, a.y, b.x - a.x, b.y - a.y};
}

// 0xRRGGBB (the palette's form) -> ImGui's packed colour with alpha.
inline ImU32 rgb_to_imu32(std::uint32_t rgb, int alpha = 255) {
  return IM_COL32((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, alpha);
}

// Text with a translucent dark box behind it, readable on any part of the heat map.
inline void label_with_backdrop(ImDrawList* dl, ImVec2 pos, ImU32 colour, const char* text) {
  const ImVec2 size = ImGui::CalcTextSize(text);
  dl->AddRectFilled(ImVec2(pos.x - 2, pos.y - 1), ImVec2(pos.x + size.x + 2, pos.y + size.y + 1), IM_COL32(0, 0, 0, 150), 2);
  dl->AddText(pos, colour, text);
}

// Line width of the `order`-th of `visible` lines drawn in run order (map paths, chart curves):
// earlier ones are up to three steps wider underneath, so lines that coincide show as nested
// rims instead of one colour hiding the rest.
inline float stacked_line_width(float base, float step, int visible, int order) {
  return base + step * static_cast<float>(std::min(visible - 1 - order, 3));
}

// The page's regions: windows placed by ui/layout.h, never moved, resized or brought to front.
constexpr ImGuiWindowFlags kFixedWindowFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                               ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                               ImGuiWindowFlags_NoBringToFrontOnFocus;

// Inside a scrolling child: a press on no widget starts a finger scroll (ImGui would make it a
// window move, which a fixed region refuses); it lasts until the release. `scrolling` persists.
inline void finger_scroll(bool& scrolling) {
  if (ImGui::IsWindowHovered() && ImGui::IsMouseClicked(ImGuiMouseButton_Left) && !ImGui::IsAnyItemHovered()) scrolling = true;
  if (!ImGui::IsMouseDown(ImGuiMouseButton_Left)) scrolling = false;
  if (scrolling) ImGui::SetScrollY(ImGui::GetScrollY() - ImGui::GetIO().MouseDelta.y);
}

// Short, readable number for axis labels: 0.5, 12, 1e-06 (at most 4 significant digits).
std::string axis_number(double value);
// A power of ten as a label: 0.01, 1, 1000, 1e+06 (plain from 1e-3 to 1e4).
std::string decade_label(int exponent);

}  // namespace adamlab::ui
