#include "ui/loss_chart.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "problems/expr_problem.h"
#include "sim/palette.h"
#include "sim/scene.h"
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

const TraceRow& trace_row(const ChartSeries& s, std::size_t i) { return (*static_cast<const std::vector<TraceRow>*>(s.rows))[i]; }
ChartPoint loss_at(const ChartSeries& s, std::size_t i) {
  const TraceRow& r = trace_row(s, i);
  return {static_cast<double>(r.step), r.loss};
}
ChartPoint lr_at(const ChartSeries& s, std::size_t i) {
  const TraceRow& r = trace_row(s, i);
  return {static_cast<double>(r.step), r.lr};
}
ChartPoint distance_at(const ChartSeries& s, std::size_t i) {
  const TraceRow& r = trace_row(s, i);
  return {static_cast<double>(r.step), nearest_minimum_distance(*static_cast<const Problem*>(s.context), r.x, r.y)};
}

}  // namespace

const char* to_string(ChartQuantity q) {
  return q == ChartQuantity::Loss ? "loss" : q == ChartQuantity::DistanceToMinimum ? "distance" : "lr";
}

void draw_dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 colour, float width, float dash, float gap) {
  // Walks the polyline and emits the "on" stretches as their own polylines, so the pattern runs
  // on across vertices (per-column points are a pixel apart: per-segment dashes would be solid).
  const float period = dash + gap;
  float phase = 0;  // distance into the current period
  std::vector<ImVec2> on;
  for (int i = 1; i < count; ++i) {
    const ImVec2 a = points[i - 1], b = points[i];
    const float len = std::hypot(b.x - a.x, b.y - a.y);
    float t = 0;
    while (t < len) {
      const bool drawing = phase < dash;
      const float left = (drawing ? dash : period) - phase;
      const float step = std::min(left, len - t);
      const float f0 = t / len, f1 = (t + step) / len;
      if (drawing) {
        if (on.empty()) on.push_back(ImVec2(a.x + (b.x - a.x) * f0, a.y + (b.y - a.y) * f0));
        on.push_back(ImVec2(a.x + (b.x - a.x) * f1, a.y + (b.y - a.y) * f1));
      }
      t += step;
      phase += step;
      if (phase >= period) phase -= period;
      if (drawing && phase >= dash) {
        if (on.size() >= 2) dl->AddPolyline(on.data(), static_cast<int>(on.size()), colour, ImDrawFlags_None, width);
        on.clear();
      }
    }
  }
  if (on.size() >= 2) dl->AddPolyline(on.data(), static_cast<int>(on.size()), colour, ImDrawFlags_None, width);
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
      // A typed function without `minimum=` has no known floor, which is not the same as -inf.
      const bool typed = problem.spec().name == kExprProblemName;
      ImGui::TextDisabled(typed ? "(f* unknown: symmetric log)" : "(f* = -inf: symmetric log)");
    }
    if (steps_) {
      ImGui::SameLine();
      if (ImGui::SmallButton("all steps")) steps_.reset();
    }
  }

  std::vector<ChartSeries> series;
  if (label_cache_.size() > 64) label_cache_.clear();
  for (const auto& r : scene.runs()) {
    if (!r.visible) continue;
    ChartSeries s;
    // Labels are cached by spec: building one constructs the optimizer, too slow for every frame.
    const std::string key = to_string(r.optimizer) + "@" + r.scheduler;
    auto cached = label_cache_.find(key);
    if (cached == label_cache_.end()) cached = label_cache_.emplace(key, optimizer_label(r.optimizer)).first;
    s.label = cached->second;
    s.rgb = run_colour_rgb(r.colour);
    s.rows = &r.history.rows();
    s.count = r.history.rows().size();
    s.context = &problem;
    s.at = quantity_ == ChartQuantity::Loss ? loss_at : quantity_ == ChartQuantity::LearningRate ? lr_at : distance_at;
    series.push_back(std::move(s));
  }
  ChartPlot options;
  options.scale = kind;
  options.last_step = static_cast<double>(scene.step_count());
  options.quantity = to_string(quantity_);
  options.cursor = cursor;
  options.compact = compact;
  plot(series, options);
}

void LossChart::plot(const std::vector<ChartSeries>& series, const ChartPlot& options) {
  const ChartScale kind = options.scale;
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

  auto usable = [&](double v) { return !std::isnan(kind.to_unit(v)); };

  // Steps in view: every step so far, or the zoomed range. The wheel zooms about the mouse.
  const double all_hi = std::max(options.last_step, 10.0);
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

  // The y range follows the curves in view: only points inside the step range count.
  ChartRange range(kind);
  for (const auto& s : series) {
    if (s.count == 0) continue;
    range.add_start(s.point(0).value);
    for (std::size_t i = 0; i < s.count; ++i) {
      const ChartPoint p = s.point(i);
      if (p.step >= xlo && p.step <= xhi) range.add(p.value);
    }
  }
  const ChartScale scale = range.fit(options.min_log_span);
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
    // Less than two decades in view (a loss settling between 0.5 and 0.7): label 2x and 5x too,
    // so the axis still says what the values are.
    if (e1 - e0 < 1) {
      for (int e = static_cast<int>(std::floor(lo)); e <= static_cast<int>(std::ceil(hi)); ++e)
        for (double k : {2.0, 3.0, 5.0}) {
          const double v = k * std::pow(10.0, e), u = std::log10(v);
          if (u < lo || u > hi) continue;
          const float py = to_y(scale.from_unit(u));
          dl->AddLine(ImVec2(left, py), ImVec2(right, py), grid);
          const std::string s = axis_number(v);
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
  // series are drawn wider underneath, as on the map, so equal curves show as nested lines.
  dl->PushClipRect(ImVec2(left, top - 2), ImVec2(right + 2, bottom + 2), true);
  int solid_count = 0, order = 0;
  for (const auto& s : series) solid_count += s.dashed ? 0 : 1;
  std::vector<ImVec2> pts;
  for (const auto& s : series) {
    const float width = s.dashed ? 1.3f : stacked_line_width(1.5f, 0.8f, solid_count, order);
    if (!s.dashed) ++order;
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
    for (std::size_t i = 0; i < s.count; ++i) {
      const ChartPoint p = s.point(i);
      // Points just outside the step range keep the line running to the plot's edges.
      const bool inside = p.step >= xlo && p.step <= xhi;
      const bool edge = (i + 1 < s.count && s.point(i + 1).step >= xlo && p.step < xlo) || (i > 0 && s.point(i - 1).step <= xhi && p.step > xhi);
      if (!inside && !edge) continue;
      if (!usable(p.value)) continue;
      const float px = to_x(p.step), py = to_y(p.value);
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
    if (pts.size() < 2) continue;
    if (s.dashed)
      draw_dashed_polyline(dl, pts.data(), static_cast<int>(pts.size()), rgb_to_imu32(s.rgb, 200), width);
    else
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), rgb_to_imu32(s.rgb), ImDrawFlags_None, width);
  }
  if (options.cursor && *options.cursor >= xlo && *options.cursor <= xhi) {
    const float px = to_x(static_cast<double>(*options.cursor));
    dl->AddLine(ImVec2(px, top), ImVec2(px, bottom), IM_COL32(255, 255, 255, 210), 1.5f);
    char label[32];
    std::snprintf(label, sizeof label, "k=%lld", static_cast<long long>(*options.cursor));
    label_with_backdrop(dl, ImVec2(std::min(px + 4, right - ImGui::CalcTextSize(label).x - 4), top + 2), IM_COL32(255, 255, 255, 255), label);
  }
  dl->PopClipRect();

  // Hover read-out: the point nearest the mouse's step for every series, through the same
  // (possibly just zoomed) step mapping the curves used this frame.
  if (hovered) {
    const float mx = ImGui::GetIO().MousePos.x;
    if (mx >= left && mx <= right) {
      const double step = std::round(step_at(mx));
      dl->AddLine(ImVec2(mx, top), ImVec2(mx, bottom), IM_COL32(255, 255, 255, 120));
      ImGui::BeginTooltip();
      ImGui::Text("step %.0f", step);
      char number[48];
      for (const auto& s : series) {
        if (s.count == 0) continue;
        // The first point at or after the step (points are in step order), else the last.
        std::size_t a = 0, b = s.count;
        while (a < b) {
          const std::size_t m = (a + b) / 2;
          if (s.point(m).step < step) a = m + 1;
          else b = m;
        }
        const ChartPoint p = s.point(std::min(a, s.count - 1));
        std::snprintf(number, sizeof number, options.value_format, p.value);
        ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(s.rgb, s.dashed ? 200 : 255)), "%s: step %.0f, %s %s", s.label.c_str(),
                           p.step, options.quantity, number);
      }
      if (!options.compact) ImGui::TextDisabled("wheel: zoom steps, double click: all steps");
      ImGui::EndTooltip();
    }
  }
}

}  // namespace adamlab::ui
