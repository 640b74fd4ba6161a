#pragma once
// Where the playground's regions go for a given display, pure and header-only so
// tests/layout_test.cpp checks it without ImGui. Three designs (issue 10):
//   desktop  control column on the left, the map, the chart (or sweep) below the map;
//   phone    narrow screens: the map on top at full width, below it one tabbed sheet holding
//            the chart, the controls and the sweep (a finger reaches all of it, nothing squeezed);
//   embed    a figure in a page: the map first; the chart only where it has room to be read,
//            otherwise the map's legend carries a compact loss read-out.
#include <algorithm>
#include <cmath>

namespace adamlab::ui {

struct Box {
  float x = 0, y = 0, w = 0, h = 0;  // CSS px, top-left corner and size
  float right() const { return x + w; }
  float bottom() const { return y + h; }
  bool empty() const { return !(w > 0 && h > 0); }
  bool overlaps(const Box& o) const {
    return !empty() && !o.empty() && x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
  }
  bool contains(float px, float py) const { return px >= x && px <= right() && py >= y && py <= bottom(); }
  // Distance from (px, py) to the box (0 inside).
  float distance(float px, float py) const {
    const float dx = std::max({x - px, 0.0f, px - right()}), dy = std::max({y - py, 0.0f, py - bottom()});
    return dx * dx + dy * dy > 0 ? std::sqrt(dx * dx + dy * dy) : 0.0f;
  }
};

enum class LayoutMode { desktop, phone, embed };

struct LayoutInput {
  float width = 0, height = 0;  // display, CSS px
  bool embed = false;
  bool column = true;       // embed only: panels= asks for runs or params
  bool chart = true;        // panels= keeps the loss chart
  bool sweep_open = false;  // the sweep tab is showing (it wants more height)
};

struct ScreenLayout {
  LayoutMode mode = LayoutMode::desktop;
  Box controls;  // desktop: the column; phone: the sheet below the map (tabs: chart, controls, sweep)
  Box map;
  Box chart;     // desktop/embed: the chart window; phone: equals `controls` (the shared sheet)
  bool chart_readable = false;  // a plot of at least kMinPlotHeight fits; else the legend reads out the loss
  bool touch = false;           // finger-sized targets, no tap-to-move-start
};

// Below this plot height a loss chart is a smear of lines: show numbers instead.
constexpr float kMinPlotHeight = 70;
// Tab bar + toolbar row + x tick labels above and below the plot itself.
constexpr float kChartChrome = 62;
constexpr float kEmbedChartChrome = 44;  // no tab bar in an embed
// Narrower than this (and not an embed) is a phone: the column would crush the map.
constexpr float kPhoneWidth = 600;

inline ScreenLayout compute_layout(const LayoutInput& in) {
  ScreenLayout out;
  const float W = std::max(in.width, 1.0f), H = std::max(in.height, 1.0f);
  if (in.embed) {
    out.mode = LayoutMode::embed;
    out.touch = true;  // a figure in an article: a stray click must not break it
    // A column only where the map keeps at least 300 px of width.
    const float col_w = in.column && W >= 560 ? std::clamp(W * 0.3f, 220.0f, 320.0f) : 0.0f;
    if (col_w > 0) out.controls = Box{0, 0, col_w, H};
    const float right_w = W - col_w;
    float chart_h = 0;
    if (in.chart) {
      // The map keeps at least 60% of the height and 160 px; the chart gets the rest up to 30%.
      const float want = std::min(H * 0.32f, 220.0f);
      const float room = std::min(want, H - std::max(160.0f, H * 0.6f));
      if (room - kEmbedChartChrome >= kMinPlotHeight) chart_h = room;
    }
    out.map = Box{col_w, 0, right_w, H - chart_h};
    if (chart_h > 0) out.chart = Box{col_w, H - chart_h, right_w, chart_h};
    out.chart_readable = chart_h > 0;
    return out;
  }
  if (W < kPhoneWidth) {
    out.mode = LayoutMode::phone;
    out.touch = true;
    // A square-ish map on top (taller phones give the sheet the rest), never under 45% of the
    // height, so landscape, controls and chart each have a readable share.
    const float map_h = std::clamp(std::min(W * 1.1f, H * 0.56f), std::min(H * 0.45f, 200.0f), H * 0.62f);
    out.map = Box{0, 0, W, map_h};
    out.controls = Box{0, map_h, W, H - map_h};
    out.chart = out.controls;
    out.chart_readable = in.chart && out.chart.h - kChartChrome >= kMinPlotHeight;
    return out;
  }
  out.mode = LayoutMode::desktop;
  const float col_w = std::clamp(W * 0.27f, std::min(290.0f, W * 0.45f), 400.0f);
  out.controls = Box{0, 0, col_w, H};
  const float right_w = W - col_w;
  float chart_h = 0;
  if (in.chart) {
    // A readable plot (kMinPlotHeight + chrome, more on tall screens), but the map stays the
    // largest region: at most 45% of the height (55% while the sweep's heat map shows).
    const float lo = kChartChrome + kMinPlotHeight + 60;  // about 130 px of plot
    chart_h = std::clamp(H * 0.34f, std::min(lo, H * 0.45f), 360.0f);
    if (in.sweep_open) chart_h = std::clamp(H * 0.48f, std::min(260.0f, H * 0.55f), 540.0f);
  }
  out.map = Box{col_w, 0, right_w, H - chart_h};
  if (chart_h > 0) out.chart = Box{col_w, H - chart_h, right_w, chart_h};
  out.chart_readable = chart_h - kChartChrome >= kMinPlotHeight;
  return out;
}

// The exported figure (the PNG): the map across the whole display, the loss chart below it where
// a readable plot fits (about a third of the height, at most 320 px), no control column, no
// toolbar. Drawn for one frame only (ui/playground.h set_figure).
inline ScreenLayout compute_figure_layout(float width, float height, bool chart) {
  ScreenLayout out;
  const float W = std::max(width, 1.0f), H = std::max(height, 1.0f);
  out.mode = LayoutMode::embed;
  out.touch = true;
  float chart_h = 0;
  if (chart) {
    const float lo = kEmbedChartChrome + kMinPlotHeight;
    const float want = std::clamp(H * 0.3f, lo, 320.0f);
    if (H - want >= std::max(160.0f, H * 0.5f)) chart_h = want;
  }
  out.map = Box{0, 0, W, H - chart_h};
  if (chart_h > 0) out.chart = Box{0, H - chart_h, W, chart_h};
  out.chart_readable = chart_h > 0;
  return out;
}

inline const char* to_string(LayoutMode m) {
  return m == LayoutMode::desktop ? "desktop" : m == LayoutMode::phone ? "phone" : "embed";
}

}  // namespace adamlab::ui
