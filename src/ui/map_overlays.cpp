#include "ui/map_overlays.h"

#include <algorithm>
#include <cmath>

#include "sim/colormap.h"
#include "ui/draw_util.h"

namespace adamlab::ui {
namespace {

constexpr float kPad = 5;        // inside an overlay's backdrop
constexpr float kBarW = 12;      // the colour bar's gradient
constexpr float kTickGap = 9;    // gradient to decade labels
constexpr const char* kNanNote = "undefined (NaN)";

ImU32 with_alpha(ImU32 c, float alpha) {
  const int a = static_cast<int>(((c >> IM_COL32_A_SHIFT) & 0xff) * std::clamp(alpha, 0.0f, 1.0f));
  return (c & ~IM_COL32_A_MASK) | (static_cast<ImU32>(a) << IM_COL32_A_SHIFT);
}

}  // namespace

void draw_marker(ImDrawList* dl, ImVec2 c, int shape, ImU32 colour, float r) {
  const ImU32 outline = IM_COL32(0, 0, 0, (colour >> IM_COL32_A_SHIFT) & 0xff);
  const float o = 1.6f;  // the dark rim that keeps a marker visible on any colour
  switch (((shape % 4) + 4) % 4) {
    case 0:
      dl->AddCircleFilled(c, r + o, outline, 16);
      dl->AddCircleFilled(c, r, colour, 16);
      break;
    case 1:
      dl->AddRectFilled(ImVec2(c.x - r - o, c.y - r - o), ImVec2(c.x + r + o, c.y + r + o), outline);
      dl->AddRectFilled(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), colour);
      break;
    case 2: {
      const float R = r * 1.3f;
      dl->AddTriangleFilled(ImVec2(c.x, c.y - R - 2 * o), ImVec2(c.x - R - 1.7f * o, c.y + R * 0.75f + o),
                            ImVec2(c.x + R + 1.7f * o, c.y + R * 0.75f + o), outline);
      dl->AddTriangleFilled(ImVec2(c.x, c.y - R), ImVec2(c.x - R, c.y + R * 0.75f), ImVec2(c.x + R, c.y + R * 0.75f), colour);
      break;
    }
    default: {
      const float R = r * 1.35f;
      dl->AddQuadFilled(ImVec2(c.x, c.y - R - o), ImVec2(c.x + R + o, c.y), ImVec2(c.x, c.y + R + o), ImVec2(c.x - R - o, c.y), outline);
      dl->AddQuadFilled(ImVec2(c.x, c.y - R), ImVec2(c.x + R, c.y), ImVec2(c.x, c.y + R), ImVec2(c.x - R, c.y), colour);
    }
  }
}

ImVec2 legend_size(const std::vector<LegendEntry>& entries, const std::string& heading) {
  const float line = ImGui::GetTextLineHeight();
  float label_w = 0, value_w = 0;
  for (const auto& e : entries) {
    label_w = std::max(label_w, ImGui::CalcTextSize(e.label.c_str()).x);
    if (!e.value.empty()) value_w = std::max(value_w, ImGui::CalcTextSize(e.value.c_str()).x);
  }
  float w = kPad * 2 + 16 + label_w + (value_w > 0 ? 10 + value_w : 0);
  float h = kPad * 2 + static_cast<float>(entries.size()) * (line + 2) - 2;
  if (!heading.empty()) {
    w = std::max(w, kPad * 2 + ImGui::CalcTextSize(heading.c_str()).x);
    h += line + 2;
  }
  return ImVec2(w, h);
}

void draw_legend(ImDrawList* dl, const std::vector<LegendEntry>& entries, const Box& box, float alpha, const std::string& heading,
                 bool see_through) {
  const float line = ImGui::GetTextLineHeight();
  float label_w = 0;
  for (const auto& e : entries) label_w = std::max(label_w, ImGui::CalcTextSize(e.label.c_str()).x);
  dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), with_alpha(IM_COL32(10, 12, 16, see_through ? 130 : 200), alpha), 4);
  float y = box.y + kPad;
  if (!heading.empty()) {
    dl->AddText(ImVec2(box.x + kPad, y), with_alpha(IM_COL32(170, 175, 185, 255), alpha), heading.c_str());
    y += line + 2;
  }
  for (const auto& e : entries) {
    draw_marker(dl, ImVec2(box.x + kPad + 6, y + line / 2), e.shape, with_alpha(e.colour, alpha), 4.0f);
    dl->AddText(ImVec2(box.x + kPad + 16, y), with_alpha(IM_COL32(240, 240, 240, 255), alpha), e.label.c_str());
    if (!e.value.empty()) {
      const ImU32 vc = e.diverged ? IM_COL32(255, 120, 105, 255) : IM_COL32(200, 205, 215, 255);
      dl->AddText(ImVec2(box.x + kPad + 16 + label_w + 10, y), with_alpha(vc, alpha), e.value.c_str());
    }
    y += line + 2;
  }
}

ImVec2 colour_bar_size(const LandscapeRaster& raster, float map_h, bool compact) {
  const float line = ImGui::GetTextLineHeight();
  const float bar_h = compact ? std::clamp(map_h * 0.28f, 40.0f, 90.0f) : std::min(map_h * 0.45f, 300.0f);
  float labels_w = 0;
  for (int e : {static_cast<int>(std::ceil(raster.lo)), static_cast<int>(std::floor(raster.hi))})
    labels_w = std::max(labels_w, ImGui::CalcTextSize(decade_label(e).c_str()).x);
  float w = kPad * 2 + kBarW + kTickGap + labels_w;
  float h = kPad * 2 + bar_h + line / 2 + line / 2;  // half a label above and below the bar
  if (!compact) {
    w = std::max(w, kPad * 2 + ImGui::CalcTextSize(landscape_scale_title(raster).c_str()).x);
    h += line + 4;
    if (raster.nonfinite_cells > raster.nan_cells) h += line + 2;
    if (raster.nan_cells) {
      h += line + 2;
      w = std::max(w, kPad * 2 + kBarW + 4 + ImGui::CalcTextSize(kNanNote).x);
    }
  }
  return ImVec2(w, h);
}

void draw_colour_bar(ImDrawList* dl, const LandscapeRaster& raster, const Box& box, bool compact, float alpha) {
  const float line = ImGui::GetTextLineHeight();
  const ImU32 white = with_alpha(IM_COL32(255, 255, 255, 255), alpha);
  dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.right(), box.bottom()), with_alpha(IM_COL32(0, 0, 0, 150), alpha), 4);
  float y0 = box.y + kPad + line / 2;
  // The title says what the log scale measures from (f*, or the lowest loss in view when the
  // landscape is unbounded below); a compact bar drops it (the hover read-out gives values).
  if (!compact) {
    dl->AddText(ImVec2(box.x + kPad, box.y + kPad), white, landscape_scale_title(raster).c_str());
    y0 += line + 4;
  }
  const char* overflow_note = !compact && raster.nonfinite_cells > raster.nan_cells ? "top: overflow" : nullptr;
  // The NaN colour's own swatch: a grey region on the map is where f is undefined, not a value.
  const bool nan_note = !compact && raster.nan_cells;
  const float notes_h = (overflow_note ? line + 2 : 0) + (nan_note ? line + 2 : 0);
  const float y1 = box.bottom() - kPad - line / 2 - notes_h;
  const float bar_h = y1 - y0;
  const float x0 = box.x + kPad, x1 = x0 + kBarW;
  float note_y = y1 + line / 2 + 2;
  if (overflow_note) {
    dl->AddText(ImVec2(box.x + kPad, note_y), with_alpha(IM_COL32(255, 200, 160, 255), alpha), overflow_note);
    note_y += line + 2;
  }
  if (nan_note) {
    const ImU32 nan = with_alpha(kNanRgba, alpha);  // 0xAABBGGRR is ImGui's packing too
    dl->AddRectFilled(ImVec2(x0, note_y + 2), ImVec2(x1, note_y + line - 2), nan);
    dl->AddRect(ImVec2(x0, note_y + 2), ImVec2(x1, note_y + line - 2), with_alpha(IM_COL32(255, 255, 255, 160), alpha));
    dl->AddText(ImVec2(x1 + 4, note_y), white, kNanNote);
  }
  const int pieces = 24;
  for (int i = 0; i < pieces; ++i) {
    const float ya = y1 - bar_h * i / pieces, yb = y1 - bar_h * (i + 1) / pieces;
    const Rgb a = viridis(static_cast<double>(i) / pieces), b = viridis(static_cast<double>(i + 1) / pieces);
    const ImU32 ca = ImGui::ColorConvertFloat4ToU32(ImVec4(a.r, a.g, a.b, alpha));
    const ImU32 cb = ImGui::ColorConvertFloat4ToU32(ImVec4(b.r, b.g, b.b, alpha));
    dl->AddRectFilledMultiColor(ImVec2(x0, yb), ImVec2(x1, ya), cb, cb, ca, ca);
  }
  if (!(raster.hi > raster.lo)) return;
  // Decade ticks; with many decades, label every k-th so labels never collide.
  const int lo = static_cast<int>(std::ceil(raster.lo)), hi = static_cast<int>(std::floor(raster.hi));
  const int decades = std::max(1, hi - lo + 1);
  const int every = std::max(1, static_cast<int>(std::ceil(decades * (line + 2) / std::max(bar_h, 1.0f))));
  for (int e = lo; e <= hi; ++e) {
    const float py = y1 - bar_h * static_cast<float>((e - raster.lo) / (raster.hi - raster.lo));
    dl->AddLine(ImVec2(x1, py), ImVec2(x1 + 4, py), with_alpha(IM_COL32(255, 255, 255, 220), alpha));
    if ((e - lo) % every == 0) dl->AddText(ImVec2(x1 + kTickGap, py - line / 2), white, decade_label(e).c_str());
  }
  // Contour levels as faint marks on the bar, tying the lines to the scale.
  for (double level : raster.levels) {
    const float py = y1 - bar_h * static_cast<float>((level - raster.lo) / (raster.hi - raster.lo));
    dl->AddLine(ImVec2(x0, py), ImVec2(x1, py), with_alpha(IM_COL32(255, 255, 255, 90), alpha));
  }
}

}  // namespace adamlab::ui
