#include "ui/net_diagram.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "core/spec.h"
#include "sim/diverging.h"
#include "ui/draw_util.h"
#include "ui/net_diagram_cache.h"

namespace adamlab::ui {
namespace {

constexpr ImU32 kNodeBorder = IM_COL32(110, 116, 128, 255);  // visible around a map near zero (dark)
constexpr ImU32 kHoverBorder = IM_COL32(255, 255, 255, 255);

// The cells of a node as rectangles, reserved in one block (PrimRect: no path building per cell).
void draw_cells(ImDrawList* dl, const NodeCells& cells, ImVec2 a, float side) {
  if (!cells.curve.empty()) {
    // One-input data: the node's output over x on a neutral background, with its zero line.
    dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), rgb_to_imu32(kDivergingMiddle));
    if (cells.curve_zero >= 0) {
      const float y0 = a.y + side * (1 - cells.curve_zero);
      dl->AddLine(ImVec2(a.x, y0), ImVec2(a.x + side, y0), IM_COL32(110, 116, 128, 255));
    }
    const float step = side / static_cast<float>(std::max<std::size_t>(cells.curve.size() - 1, 1));
    for (std::size_t i = 1; i < cells.curve.size(); ++i) {
      if (std::isnan(cells.curve[i - 1]) || std::isnan(cells.curve[i])) continue;
      dl->AddLine(ImVec2(a.x + step * (i - 1), a.y + side * (1 - cells.curve[i - 1])),
                  ImVec2(a.x + step * i, a.y + side * (1 - cells.curve[i])), IM_COL32(235, 235, 235, 255), side > 60 ? 2.0f : 1.0f);
    }
    return;
  }
  if (cells.runs.empty() || cells.cols <= 0 || cells.rows <= 0) {
    dl->AddRectFilled(a, ImVec2(a.x + side, a.y + side), rgb_to_imu32(kDivergingMiddle));
    return;
  }
  const float cw = side / cells.cols, ch = side / cells.rows;
  const int n = static_cast<int>(cells.runs.size());
  dl->PrimReserve(6 * n, 4 * n);
  for (const NodeCells::Run& r : cells.runs)
    dl->PrimRect(ImVec2(a.x + cw * r.first, a.y + ch * r.row), ImVec2(a.x + cw * (r.last + 1), a.y + ch * (r.row + 1)), r.colour);
}

// A link's colour shows its sign (blue positive, orange negative), its width and opacity |w|.
// TFP's width is linear (1..10 px over 0..5), which lets a trained network's links bury its
// nodes; a square root keeps small weights visible and large ones under a node's third.
void draw_link(ImDrawList* dl, ImVec2 from, ImVec2 to, double w, float scale) {
  const double a = std::isfinite(w) ? std::abs(w) : 0;
  const std::uint32_t rgb = !std::isfinite(w) ? 0x808080 : w < 0 ? kDivergingNegative : kDivergingPositive;
  const int alpha = static_cast<int>(70 + 185 * std::min(a, 1.0));
  const float width = scale * static_cast<float>(0.5 + 1.5 * std::sqrt(std::min(a, 4.0)));
  const float dx = 0.5f * (to.x - from.x);
  dl->AddBezierCubic(from, ImVec2(from.x + dx, from.y), ImVec2(to.x - dx, to.y), to, rgb_to_imu32(rgb, alpha), width, 10);
}

std::string short_number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

std::string shown_list(const std::vector<int>& shown) {
  std::string s;
  for (std::size_t i = 0; i < shown.size(); ++i) s += (i ? ", " : "") + std::to_string(shown[i] + 1);
  return s;
}

void summary(ImDrawList* dl, ImVec2 origin, ImVec2 size, const NetDiagramInput& in) {
  std::string text;
  for (int s : in.mlp->sizes()) text += (text.empty() ? "" : "-") + std::to_string(s);
  text += " " + to_string(in.mlp->activation()) + ", " + std::to_string(in.mlp->parameter_count()) + " parameters";
  const ImVec2 t = ImGui::CalcTextSize(text.c_str());
  dl->AddText(ImVec2(origin.x + std::max(0.0f, 0.5f * (size.x - t.x)), origin.y + std::max(0.0f, 0.5f * (size.y - t.y))),
              ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
}

// The hovered node's map large, with its name, bias and what its colours mean.
void tooltip(const NetDiagramInput& in, NetDiagramState& state, int column, int unit) {
  refresh_big_map(in, column, unit, state);
  const NodeMap& map = state.big_map;
  if (map.label.empty()) return;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  const float side = std::clamp(0.4f * std::min(display.x, display.y), 96.0f, 180.0f);
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(map.label.c_str());
  if (!map.values.empty()) {
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    draw_cells(dl, state.big_cells, p, side);
    dl->AddRect(p, ImVec2(p.x + side, p.y + side), kNodeBorder);
    ImGui::Dummy(ImVec2(side, side));
  }
  if (map.has_bias) ImGui::Text("bias %s", short_number(map.bias).c_str());
  if (map.scale == MapScale::classes) {
    ImGui::TextUnformatted("colour: the class with the largest output");
  } else if (map.scale == MapScale::probability) {
    ImGui::TextUnformatted("dark 0 .. class colour 1");
  } else if (!map.values.empty() && state.big_cells.curve.empty()) {
    ImGui::Text("orange %s .. dark %s .. blue %s", short_number(map.lo).c_str(), short_number(0.5 * (map.lo + map.hi)).c_str(),
                short_number(map.hi).c_str());
  } else if (!map.values.empty()) {
    ImGui::Text("from %s to %s", short_number(map.lo).c_str(), short_number(map.hi).c_str());
  }
  ImGui::EndTooltip();
}

}  // namespace

void draw_net_diagram(ImDrawList* dl, ImVec2 origin, ImVec2 size, const NetDiagramInput& given, NetDiagramState& state) {
  NetDiagramInput in = given;
  if (in.time < 0) in.time = ImGui::GetTime();
  state.hovered_column = state.hovered_unit = state.clicked_column = state.clicked_unit = -1;
  state.compact = true;
  if (!dl || !in.mlp || !in.model || !in.params || size.x < 1 || size.y < 1) return;

  DiagramLayoutInput li;
  li.width = size.x, li.height = size.y;
  li.text_height = ImGui::GetTextLineHeight();
  const std::vector<int>& sizes = in.mlp->sizes();
  li.column_sizes.assign(sizes.begin(), sizes.end());
  if (in.mlp->classes() == 2) li.column_sizes.back() = 1;  // P(class 1) stands for both logits
  li.prediction = in.mlp->classes() >= 3;
  for (const std::string& l : feature_labels(*in.model, in.input_dim))
    li.label_width = std::max(li.label_width, ImGui::CalcTextSize(l.c_str()).x);
  const DiagramLayout layout = compute_diagram_layout(li);
  if (layout.compact) {
    summary(dl, origin, size, in);
    return;
  }
  std::string error;
  if (!refresh_diagram_cache(in, layout, state, error)) {
    dl->AddText(origin, ImGui::GetColorU32(ImGuiCol_TextDisabled), error.c_str());
    return;
  }
  state.compact = false;
  const NeuronMaps& maps = state.maps;
  const int columns = static_cast<int>(maps.columns.size());
  const float s = layout.node;
  const auto node_min = [&](int c, int slot) {
    return ImVec2(origin.x + layout.column_x[static_cast<std::size_t>(c)],
                  origin.y + layout.node_y(slot, static_cast<int>(state.shown[static_cast<std::size_t>(c)].size())));
  };
  const auto prediction_min = [&]() { return ImVec2(origin.x + layout.column_x.back(), origin.y + layout.node_y(0, 1)); };

  dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
  // Links under the nodes, weakest first.
  const float link_scale = std::clamp(s / 30.0f, 0.4f, 1.3f);
  for (int c = 0; c + 1 < columns; ++c)
    for (const DrawnLink& l : state.links[static_cast<std::size_t>(c)]) {
      const ImVec2 a = node_min(c, l.from), b = node_min(c + 1, l.to);
      // Incoming links meet the node spread over its middle half, in source order (as TFP), so
      // each stays traceable to its end.
      const float sources = static_cast<float>(state.shown[static_cast<std::size_t>(c)].size());
      const float spread = sources > 1 ? 0.5f * s * (l.from / (sources - 1) - 0.5f) : 0;
      draw_link(dl, ImVec2(a.x + s, a.y + 0.5f * s), ImVec2(b.x, b.y + 0.5f * s + spread), l.weight, link_scale);
    }
  if (maps.has_prediction) {
    const ImVec2 p = prediction_min();
    for (int slot = 0; slot < static_cast<int>(state.shown.back().size()); ++slot) {
      const ImVec2 a = node_min(columns - 1, slot);
      dl->AddLine(ImVec2(a.x + s, a.y + 0.5f * s), ImVec2(p.x, p.y + 0.5f * s), ImGui::GetColorU32(ImGuiCol_TextDisabled), 1.0f);
    }
  }

  // Nodes, labels, hover.
  const bool window_hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
  const bool pointer_ok = window_hovered && (!in.touch || ImGui::IsMouseDown(ImGuiMouseButton_Left));
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const auto under_mouse = [&](ImVec2 a) { return pointer_ok && mouse.x >= a.x && mouse.x < a.x + s && mouse.y >= a.y && mouse.y < a.y + s; };
  int hover_column = -1, hover_unit = -1;
  // A text's left edge, kept inside the diagram (the last column sits at the right edge).
  const auto within = [&](float x, float width) { return std::max(origin.x, std::min(x, origin.x + size.x - width)); };
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), faint = ImGui::GetColorU32(ImGuiCol_TextDisabled);
  for (int c = 0; c < columns; ++c) {
    const std::vector<int>& shown = state.shown[static_cast<std::size_t>(c)];
    for (int slot = 0; slot < static_cast<int>(shown.size()); ++slot) {
      const ImVec2 a = node_min(c, slot);
      const NodeMap& node = maps.columns[static_cast<std::size_t>(c)][static_cast<std::size_t>(shown[static_cast<std::size_t>(slot)])];
      if (node.values.empty() && node.has_bias) {
        // No plane (the sparse task): the node shows its bias.
        dl->AddRectFilled(a, ImVec2(a.x + s, a.y + s), rgb_to_imu32(diverging_rgb(0.5 + 0.5 * std::clamp(node.bias, -1.0, 1.0))));
      } else {
        draw_cells(dl, state.cells[static_cast<std::size_t>(c)][static_cast<std::size_t>(slot)], a, s);
      }
      const bool hovered = under_mouse(a);
      dl->AddRect(a, ImVec2(a.x + s, a.y + s), hovered ? kHoverBorder : kNodeBorder, 0, 0, hovered ? 2.0f : 1.0f);
      if (hovered) hover_column = c, hover_unit = shown[static_cast<std::size_t>(slot)];
      if (c == 0) {
        const ImVec2 t = ImGui::CalcTextSize(node.label.c_str());
        dl->AddText(ImVec2(a.x - 6 - t.x, a.y + 0.5f * (s - t.y)), text, node.label.c_str());
      }
    }
    const int total = static_cast<int>(maps.columns[static_cast<std::size_t>(c)].size());
    const float centre = origin.x + layout.column_x[static_cast<std::size_t>(c)] + 0.5f * s;
    if (layout.header_y >= 0) {
      std::string header = c == 0 ? "inputs" : c + 1 == columns ? "output" : std::to_string(total) + " units";
      // Between two columns there is at least one node's width: fall back to the bare count.
      const float room = c + 1 < columns ? layout.column_x[static_cast<std::size_t>(c) + 1] - layout.column_x[static_cast<std::size_t>(c)] : 2 * s;
      if (ImGui::CalcTextSize(header.c_str()).x > room && c > 0 && c + 1 < columns) header = std::to_string(total);
      const ImVec2 t = ImGui::CalcTextSize(header.c_str());
      dl->AddText(ImVec2(within(centre - 0.5f * t.x, t.x), origin.y + layout.header_y), faint, header.c_str());
    }
    if (total > static_cast<int>(shown.size()) && layout.note_y >= 0) {
      std::string note = "+" + std::to_string(total - static_cast<int>(shown.size())) + " more";
      const float room = c + 1 < columns ? layout.column_x[static_cast<std::size_t>(c) + 1] - layout.column_x[static_cast<std::size_t>(c)] : 2 * s;
      if (ImGui::CalcTextSize(note.c_str()).x > room - 10) note = "+" + std::to_string(total - static_cast<int>(shown.size()));
      const ImVec2 t = ImGui::CalcTextSize(note.c_str());
      const ImVec2 p(within(centre - 0.5f * t.x, t.x), origin.y + layout.note_y);
      dl->AddText(p, faint, note.c_str());
      if (pointer_ok && mouse.x >= p.x && mouse.x < p.x + t.x && mouse.y >= p.y && mouse.y < p.y + t.y)
        ImGui::SetTooltip("%d of %d shown (the units the next layer weighs most): %s", static_cast<int>(shown.size()), total,
                          shown_list(shown).c_str());
    }
  }
  if (maps.has_prediction) {
    const ImVec2 a = prediction_min();
    draw_cells(dl, state.prediction_cells, a, s);
    const bool hovered = under_mouse(a);
    dl->AddRect(a, ImVec2(a.x + s, a.y + s), hovered ? kHoverBorder : kNodeBorder, 0, 0, hovered ? 2.0f : 1.0f);
    if (hovered) hover_column = columns, hover_unit = 0;
  }
  dl->PopClipRect();

  if (hover_column >= 0) {
    state.hovered_column = hover_column, state.hovered_unit = hover_unit;
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) state.clicked_column = hover_column, state.clicked_unit = hover_unit;
    tooltip(in, state, hover_column, hover_unit);
  }
}

}  // namespace adamlab::ui
