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

const char* to_string(ChartQuantity q) {
  return q == ChartQuantity::Loss ? "loss" : q == ChartQuantity::DistanceToMinimum ? "distance" : "lr";
}

void LossChart::draw(const Scene& scene, std::optional<std::int64_t> cursor, bool compact) {
  const Problem& problem = scene.problem();
  const double fstar = problem.min_value();
  const bool has_minima = !problem.minima().empty();
  if (!has_minima && quantity_ == ChartQuantity::DistanceToMinimum) quantity_ = ChartQuantity::Loss;

  // Toolbar: what to plot (the learning rate shows a schedule at work), and the scale.
  const char* items_all[] = {"loss", "learning rate", "distance to nearest minimum"};
  const ChartQuantity kinds[] = {ChartQuantity::Loss, ChartQuantity::LearningRate, ChartQuantity::DistanceToMinimum};
  int q = quantity_ == ChartQuantity::Loss ? 0 : quantity_ == ChartQuantity::LearningRate ? 1 : 2;
  ImGui::SetNextItemWidth(std::min(compact ? 130.0f : 230.0f, ImGui::GetContentRegionAvail().x * 0.45f));
  if (ImGui::Combo("##quantity", &q, items_all, has_minima ? 3 : 2)) quantity_ = kinds[q];
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("What the chart plots against the step: loss, the lr each step used, or distance.");
  ImGui::SameLine();
  ImGui::Checkbox(compact ? "log" : "log scale", &log_scale_);
  // Loss on a log scale: log10(loss - f*), or a symmetric log when f* = -inf (ui/chart_scale.h).
  const bool is_loss = quantity_ == ChartQuantity::Loss;
  const ChartScale kind = chart_scale_kind(log_scale_, is_loss ? fstar : 0.0);
  if (!compact) {
    if (is_loss && kind.kind == ChartScaleKind::log && kind.offset != 0) {
      ImGui::SameLine();
      ImGui::TextDisabled("(plots loss - f*, f* = %.6g)", fstar);
    } else if (is_loss && kind.kind == ChartScaleKind::symlog) {
      ImGui::SameLine();
      ImGui::TextDisabled("(f* = -inf: symmetric log)");
    }
    if (steps_) {
      ImGui::SameLine();
      if (ImGui::SmallButton("all steps")) steps_.reset();
    }
  }

  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 40.0f);
  size.y = std::max(size.y, 40.0f);
  ImGui::InvisibleButton("chart", size);
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  // Tick labels sit outside the plot (left and below), and so does the axis name.
  const float left = origin.x + 58, right = origin.x + size.x - 10, top = origin.y + 6, bottom = origin.y + size.y - line - 8;
  plot_ = Box{left, top, right - left, bottom - top};
  dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(22, 24, 30, 255));
  if (right - left < 20 || bottom - top < 20) return;

  auto value_of = [&](const TraceRow& r) {
    switch (quantity_) {
      case ChartQuantity::Loss: return r.loss;
      case ChartQuantity::LearningRate: return r.lr;
      case ChartQuantity::DistanceToMinimum: return nearest_minimum_distance(problem, r.x, r.y);
    }
    return r.loss;
  };
  auto usable = [&](double v) { return !std::isnan(kind.to_unit(v)); };

  // Steps in view: every step so far, or the zoomed range. The wheel zooms about the mouse.
  const double all_hi = static_cast<double>(std::max<std::int64_t>(scene.step_count(), 10));
  if (steps_ && steps_->first >= all_hi - 4) steps_.reset();  // a reset left the zoomed range empty
  double xlo = steps_ ? steps_->first : 0.0, xhi = steps_ ? steps_->second : all_hi;
  auto step_at = [&](float px) { return xlo + (px - left) / (right - left) * (xhi - xlo); };
  if (hovered && ImGui::GetIO().MouseWheel != 0) {
    const double at = std::clamp(step_at(ImGui::GetIO().MousePos.x), xlo, xhi);
    const double f = std::pow(1.25, -ImGui::GetIO().MouseWheel);
    double lo = at - (at - xlo) * f, hi = at + (xhi - at) * f;
    lo = std::max(lo, 0.0);
    hi = std::min(hi, all_hi);
    if (hi - lo >= 4 && !(lo <= 0 && hi >= all_hi)) steps_ = std::make_pair(lo, hi);
    else if (hi - lo >= 4) steps_.reset();
    xlo = steps_ ? steps_->first : 0.0;
    xhi = steps_ ? steps_->second : all_hi;
  }
  if (hovered && ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
    steps_.reset();
    xlo = 0;
    xhi = all_hi;
  }

  // The y range follows the curves in view: only rows inside the step range count.
  ChartRange range(kind);
  for (const auto& r : scene.runs()) {
    if (!r.visible || r.history.rows().empty()) continue;
    range.add_start(value_of(r.history.rows().front()));
    for (const auto& row : r.history.rows())
      if (row.step >= xlo && row.step <= xhi) range.add(value_of(row));
  }
  const ChartScale scale = range.fit();
  const double lo = scale.lo, hi = scale.hi;
  // Values past the fitted range (a blow-up beyond the cap, a floor below 1e-16 of the top) are
  // pinned to the edge rather than leaving the plot: a curve never vanishes off the chart.
  auto to_y = [&](double v) { return std::clamp(static_cast<float>(bottom - scale.fraction(v) * (bottom - top)), top, bottom); };
  auto to_x = [&](double step) { return static_cast<float>(left + (step - xlo) / (xhi - xlo) * (right - left)); };

  // Grid, ticks, labels. The axis name "step" ends the x label row; ticks that would touch it
  // are skipped, so no label prints over a curve or another label.
  const ImU32 grid = IM_COL32(255, 255, 255, 22), text = IM_COL32(200, 200, 200, 255);
  const char* x_name = "step";
  const float x_name_w = ImGui::CalcTextSize(x_name).x;
  dl->AddText(ImVec2(right - x_name_w, bottom + 3), IM_COL32(150, 150, 150, 255), x_name);
  for (double t : nice_ticks(xlo, xhi, std::max(2, static_cast<int>((right - left) / 90)))) {
    const float px = to_x(t);
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), grid);
    const std::string s = axis_number(t);
    const float w = ImGui::CalcTextSize(s.c_str()).x;
    const float x = std::max(px - w / 2, left - 6);
    if (x + w > right - x_name_w - 8) continue;
    dl->AddText(ImVec2(x, bottom + 3), text, s.c_str());
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

  // Curves: per pixel column keep the first, min, max and last value so spikes survive. Earlier
  // runs are drawn wider underneath, as on the map, so equal curves show as nested lines.
  dl->PushClipRect(ImVec2(left, top - 2), ImVec2(right + 2, bottom + 2), true);
  int visible_count = 0, order = 0;
  for (const auto& r : scene.runs()) visible_count += r.visible ? 1 : 0;
  std::vector<ImVec2> pts;
  for (const auto& r : scene.runs()) {
    if (!r.visible) continue;
    const float width = stacked_line_width(1.5f, 0.8f, visible_count, order);
    ++order;
    pts.clear();
    int column = std::numeric_limits<int>::min();
    float cmin = 0, cmax = 0, clast = 0, cx = 0;
    auto flush = [&] {
      if (column == std::numeric_limits<int>::min()) return;
      if (cmin != clast || cmax != clast) {
        pts.push_back(ImVec2(cx, cmin));
        pts.push_back(ImVec2(cx, cmax));
      }
      pts.push_back(ImVec2(cx, clast));
    };
    const auto& rows = r.history.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const auto& row = rows[i];
      // Rows just outside the step range keep the line running to the plot's edges.
      const bool inside = row.step >= xlo && row.step <= xhi;
      const bool edge = (i + 1 < rows.size() && rows[i + 1].step >= xlo && row.step < xlo) || (i > 0 && rows[i - 1].step <= xhi && row.step > xhi);
      if (!inside && !edge) continue;
      const double v = value_of(row);
      if (!usable(v)) continue;
      const float px = to_x(static_cast<double>(row.step)), py = to_y(v);
      const int col = static_cast<int>(std::floor(px));
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
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), rgb_to_imu32(run_colour_rgb(r.colour)), ImDrawFlags_None, width);
  }
  if (cursor && *cursor >= xlo && *cursor <= xhi) {
    const float px = to_x(static_cast<double>(*cursor));
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), IM_COL32(255, 255, 255, 210), 1.5f);
    char label[32];
    std::snprintf(label, sizeof label, "k=%lld", static_cast<long long>(*cursor));
    label_with_backdrop(dl, ImVec2(std::min(px + 4, right - ImGui::CalcTextSize(label).x - 4), top + 2), IM_COL32(255, 255, 255, 255), label);
  }
  dl->PopClipRect();

  // Hover read-out: the row nearest the mouse's step for every visible run, through the same
  // (possibly just zoomed) step mapping the curves used this frame.
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx >= left && mx <= right) {
      const double step = std::round(step_at(mx));
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
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(r.colour))), "%s: step %lld, %s %.6g",
                           optimizer_label(r.optimizer).c_str(), static_cast<long long>(it->step), to_string(quantity_), value_of(*it));
      }
      if (!compact) ImGui::TextDisabled("wheel: zoom steps, double click: all steps");
      ImGui::EndTooltip();
    }
  }
}

}  // namespace adamlab::ui
