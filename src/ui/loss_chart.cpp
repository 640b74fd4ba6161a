#include "ui/loss_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "imgui.h"
#include "sim/palette.h"
#include "sim/scene.h"
#include "ui/chart_scale.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

double nearest_minimum_distance(const Problem& problem, double x, double y) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& m : problem.minima()) best = std::min(best, std::hypot(x - m.x(), y - m.y()));
  return best;
}

}  // namespace

void LossChart::draw(const Scene& scene, std::optional<std::int64_t> cursor) {
  const Problem& problem = scene.problem();
  const double fstar = problem.min_value();
  const bool has_minima = !problem.minima().empty();
  if (!has_minima) quantity_ = ChartQuantity::Loss;

  // Toolbar.
  const char* items[] = {"loss", "distance to nearest minimum"};
  int q = quantity_ == ChartQuantity::Loss ? 0 : 1;
  ImGui::SetNextItemWidth(std::min(230.0f, ImGui::GetContentRegionAvail().x * 0.45f));
  if (ImGui::Combo("##quantity", &q, items, has_minima ? 2 : 1)) quantity_ = q == 0 ? ChartQuantity::Loss : ChartQuantity::DistanceToMinimum;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the chart plots against the step.");
  ImGui::SameLine();
  ImGui::Checkbox("log scale", &log_scale_);
  ImGui::SameLine();
  // Loss on a log scale: log10(loss - f*), or a symmetric log when f* = -inf (ui/chart_scale.h).
  const ChartScale kind = chart_scale_kind(log_scale_, quantity_ == ChartQuantity::Loss ? fstar : 0.0);
  if (kind.kind == ChartScaleKind::log && kind.offset != 0)
    ImGui::TextDisabled("(plots loss - f*, f* = %.6g)", fstar);
  else if (kind.kind == ChartScaleKind::symlog)
    ImGui::TextDisabled("(f* = -inf: symmetric log, sign(loss) log10(1+|loss|))");
  else
    ImGui::TextDisabled("step %lld", static_cast<long long>(scene.step_count()));

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 40.0f);
  size.y = std::max(size.y, 40.0f);
  ImGui::InvisibleButton("chart", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  const float left = origin.x + 58, right = origin.x + size.x - 10, top = origin.y + 6, bottom = origin.y + size.y - line - 8;
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(22, 24, 30, 255));
  if (right - left < 20 || bottom - top < 20) return;

  auto value_of = [&](const TraceRow& r) {
    return quantity_ == ChartQuantity::Loss ? r.loss : nearest_minimum_distance(problem, r.x, r.y);
  };
  auto usable = [&](double v) { return !std::isnan(kind.to_unit(v)); };

  // Ranges over every visible run's kept rows (bounded by the history cap).
  const double xmax = static_cast<double>(std::max<std::int64_t>(scene.step_count(), 10));
  ChartRange range(kind);
  for (const auto& r : scene.runs()) {
    if (!r.visible || r.history.rows().empty()) continue;
    range.add_start(value_of(r.history.rows().front()));
    for (const auto& row : r.history.rows()) range.add(value_of(row));
  }
  const ChartScale scale = range.fit();
  const double lo = scale.lo, hi = scale.hi;
  auto to_y = [&](double v) { return static_cast<float>(bottom - scale.fraction(v) * (bottom - top)); };
  auto to_x = [&](double step) { return static_cast<float>(left + step / xmax * (right - left)); };

  // Grid, ticks, labels.
  const ImU32 grid = IM_COL32(255, 255, 255, 22), text = IM_COL32(200, 200, 200, 255);
  for (double t : nice_ticks(0, xmax, std::max(2, static_cast<int>((right - left) / 90)))) {
    const float px = to_x(t);
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), grid);
    const std::string s = axis_number(t);
    dl->AddText(ImVec2(px - ImGui::CalcTextSize(s.c_str()).x / 2, bottom + 3), text, s.c_str());
  }
  if (scale.kind == ChartScaleKind::log) {
    const int e0 = static_cast<int>(std::ceil(lo)), e1 = static_cast<int>(std::floor(hi));
    const int every = std::max(1, static_cast<int>(std::ceil((e1 - e0 + 1) * (line + 4) / (bottom - top))));
    for (int e = e0; e <= e1; ++e) {
      const float py = to_y(scale.from_unit(e));
      dl->AddLine(ImVec2(left, py), ImVec2(right, py), grid);
      if ((e - e0) % every == 0) {
        const std::string s = decade_label(e);
        dl->AddText(ImVec2(left - 6 - ImGui::CalcTextSize(s.c_str()).x, py - line / 2), text, s.c_str());
      }
    }
  } else if (scale.kind == ChartScaleKind::symlog) {
    for (double t : symlog_ticks(lo, hi, std::max(2, static_cast<int>((bottom - top) / (line + 6))))) {
      const float py = to_y(t);
      dl->AddLine(ImVec2(left, py), ImVec2(right, py), grid);
      const std::string s = t == 0 ? std::string("0") : (t < 0 ? "-" : "") + decade_label(static_cast<int>(std::lround(std::log10(std::abs(t)))));
      dl->AddText(ImVec2(left - 6 - ImGui::CalcTextSize(s.c_str()).x, py - line / 2), text, s.c_str());
    }
  } else {
    for (double t : nice_ticks(lo, hi, std::max(2, static_cast<int>((bottom - top) / 40)))) {
      const float py = to_y(t);
      dl->AddLine(ImVec2(left, py), ImVec2(right, py), grid);
      const std::string s = axis_number(t);
      dl->AddText(ImVec2(left - 6 - ImGui::CalcTextSize(s.c_str()).x, py - line / 2), text, s.c_str());
    }
  }
  dl->AddRect(ImVec2(left, top), ImVec2(right, bottom), IM_COL32(255, 255, 255, 60));
  dl->AddText(ImVec2(right - ImGui::CalcTextSize("step").x, bottom + 3 - line - 4), IM_COL32(150, 150, 150, 255), "step");

  // Curves: per pixel column keep the first, min, max and last value so spikes survive.
  dl->PushClipRect(ImVec2(left, top - 2), ImVec2(right + 2, bottom + 2), true);
  std::vector<ImVec2> pts;
  for (const auto& r : scene.runs()) {
    if (!r.visible) continue;
    pts.clear();
    int column = -1;
    float cmin = 0, cmax = 0, clast = 0, cx = 0;
    auto flush = [&] {
      if (column < 0) return;
      if (cmin != clast || cmax != clast) {
        pts.push_back(ImVec2(cx, cmin));
        pts.push_back(ImVec2(cx, cmax));
      }
      pts.push_back(ImVec2(cx, clast));
    };
    for (const auto& row : r.history.rows()) {
      const double v = value_of(row);
      if (!usable(v)) continue;
      const float px = to_x(static_cast<double>(row.step)), py = to_y(v);
      const int col = static_cast<int>(px);
      if (col != column) {
        flush();
        column = col;
        cx = px;
        cmin = cmax = py;
        pts.push_back(ImVec2(px, py));
      }
      cmin = std::min(cmin, py);
      cmax = std::max(cmax, py);
      clast = py;
    }
    flush();
    if (pts.size() >= 2)
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), rgb_to_imu32(run_colour_rgb(r.colour)), ImDrawFlags_None, 2.0f);
  }
  if (cursor) {
    const float px = to_x(static_cast<double>(*cursor));
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), IM_COL32(255, 255, 255, 210), 1.5f);
    char label[32];
    std::snprintf(label, sizeof label, "k=%lld", static_cast<long long>(*cursor));
    label_with_backdrop(dl, ImVec2(std::min(px + 4, right - ImGui::CalcTextSize(label).x - 4), top + 2), IM_COL32(255, 255, 255, 255), label);
  }
  dl->PopClipRect();

  // Hover read-out: the row nearest the mouse's step, for every visible run.
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx >= left && mx <= right) {
      const double step = std::round((mx - left) / (right - left) * xmax);
      dl->AddLine(ImVec2(mx, top), ImVec2(mx, bottom), IM_COL32(255, 255, 255, 120));
      ImGui::BeginTooltip();
      ImGui::Text("step %.0f", step);
      for (const auto& r : scene.runs()) {
        if (!r.visible) continue;
        const auto& rows = r.history.rows();
        auto it = std::lower_bound(rows.begin(), rows.end(), static_cast<std::int64_t>(step),
                                   [](const TraceRow& a, std::int64_t s) { return a.step < s; });
        if (it == rows.end()) {
          if (rows.empty()) continue;
          it = rows.end() - 1;
        }
        const double v = quantity_ == ChartQuantity::Loss ? it->loss : nearest_minimum_distance(problem, it->x, it->y);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(r.colour))), "%s: step %lld, %s %.6g",
                           optimizer_label(r.optimizer).c_str(), static_cast<long long>(it->step),
                           quantity_ == ChartQuantity::Loss ? "loss" : "distance", v);
      }
      ImGui::EndTooltip();
    }
  }
}

}  // namespace adamlab::ui
