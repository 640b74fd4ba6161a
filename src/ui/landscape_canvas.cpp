#include "ui/landscape_canvas.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

#include "core/spec.h"
#include "sim/colormap.h"
#include "sim/palette.h"
#include "sim/scene.h"
#include "ui/draw_util.h"
#include "ui/legend_text.h"
#include "ui/option_meta.h"

namespace adamlab::ui {
namespace {

constexpr float kStartGrabRadius = 14;
constexpr float kTouchGrabRadius = 26;  // a fingertip, not a cursor
constexpr float kDragThreshold = 4;
constexpr int kMaxRasterCells = 480;  // along the longer side; linear filtering smooths the rest

// Far-away points (a diverging run) must not overflow float vertex coordinates.
ImVec2 clamp_pixel(const Point& p) {
  return ImVec2(static_cast<float>(std::clamp(p.x, -1e6, 1e6)), static_cast<float>(std::clamp(p.y, -1e6, 1e6)));
}

}  // namespace

void LandscapeCanvas::ensure_raster(const Scene& scene, const ViewTransform& view, double pixels_per_point) {
  const Rect v = view.visible();
  const double px_w = view.screen().w * pixels_per_point, px_h = view.screen().h * pixels_per_point;
  const double cell = std::max({2.0, px_w / kMaxRasterCells, px_h / kMaxRasterCells});
  const int cw = std::max(2, static_cast<int>(std::ceil(px_w / cell)));
  const int ch = std::max(2, static_cast<int>(std::ceil(px_h / cell)));
  char key[256];
  std::snprintf(key, sizeof key, "|%.17g|%.17g|%.17g|%.17g|%d|%d", v.xmin, v.xmax, v.ymin, v.ymax, cw, ch);
  const std::string full_key = scene.problem_spec() + key;
  if (full_key == raster_key_ && texture_.valid()) return;
  raster_ = landscape_raster(scene.problem(), v, cw, ch);
  texture_.upload(raster_.width, raster_.height, raster_.rgba.data());
  raster_key_ = full_key;
  ++raster_builds_;
}

void LandscapeCanvas::draw_axes(ImDrawList* dl, const ViewTransform& view) const {
  const Rect v = view.visible();
  const PixelRect& s = view.screen();
  const float right = static_cast<float>(s.x + s.w), bottom = static_cast<float>(s.y + s.h);
  const float x0 = static_cast<float>(s.x), y0 = static_cast<float>(s.y);
  const int xticks = std::max(2, static_cast<int>(s.w / 90)), yticks = std::max(2, static_cast<int>(s.h / 70));
  const ImU32 grid = IM_COL32(255, 255, 255, 28), tick = IM_COL32(255, 255, 255, 200), text = IM_COL32(235, 235, 235, 255);
  for (double t : nice_ticks(v.xmin, v.xmax, xticks)) {
    const float px = static_cast<float>(view.to_pixel(t, 0).x);
    if (px > right - 28) continue;  // leave room for the axis name
    dl->AddLine(ImVec2(px, y0), ImVec2(px, bottom), grid);
    dl->AddLine(ImVec2(px, bottom - 6), ImVec2(px, bottom), tick, 1.5f);
    const std::string label = axis_number(t);
    const float w = ImGui::CalcTextSize(label.c_str()).x;
    label_with_backdrop(dl, ImVec2(px - w / 2, bottom - 8 - ImGui::GetTextLineHeight()), text, label.c_str());
  }
  for (double t : nice_ticks(v.ymin, v.ymax, yticks)) {
    const float py = static_cast<float>(view.to_pixel(0, t).y);
    // Leave room for the axis name at the top and the x tick labels at the bottom.
    if (py < y0 + 2 * ImGui::GetTextLineHeight() + 6 || py > bottom - 2 * ImGui::GetTextLineHeight() - 8) continue;
    dl->AddLine(ImVec2(x0, py), ImVec2(right, py), grid);
    dl->AddLine(ImVec2(x0, py), ImVec2(x0 + 6, py), tick, 1.5f);
    const std::string label = axis_number(t);
    label_with_backdrop(dl, ImVec2(x0 + 9, py - ImGui::GetTextLineHeight() / 2), text, label.c_str());
  }
  label_with_backdrop(dl, ImVec2(right - 16, bottom - 8 - ImGui::GetTextLineHeight()), IM_COL32(255, 255, 255, 255), "x");
  label_with_backdrop(dl, ImVec2(x0 + 9, y0 + 6), IM_COL32(255, 255, 255, 255), "y");
}

void LandscapeCanvas::handle_input(const Scene& scene, const ViewTransform& view, CommandQueue& commands) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 mouse = io.MousePos;
  if (ImGui::IsItemActivated()) {
    press_pos_ = mouse;
    const Point sp = view.to_pixel(scene.start().x(), scene.start().y());
    const float dx = mouse.x - static_cast<float>(sp.x), dy = mouse.y - static_cast<float>(sp.y);
    const float grab = options_.touch ? kTouchGrabRadius : kStartGrabRadius;
    dragging_start_ = ImGui::IsMouseDown(ImGuiMouseButton_Left) && dx * dx + dy * dy <= grab * grab;
    panning_ = false;
    moved_ = false;
  }
  if (ImGui::IsItemActive()) {
    const float mx = mouse.x - press_pos_.x, my = mouse.y - press_pos_.y;
    const bool moved = mx * mx + my * my > kDragThreshold * kDragThreshold;
    moved_ = moved_ || moved;
    if (ImGui::IsMouseDown(ImGuiMouseButton_Left) && dragging_start_) {
      if (moved && (io.MouseDelta.x != 0 || io.MouseDelta.y != 0)) {
        const Point p = view.to_plot(mouse.x, mouse.y);
        commands.push([p](Scene& s) { s.set_start(p.x, p.y); });
      }
    } else if (moved || panning_ || ImGui::IsMouseDown(ImGuiMouseButton_Right) || ImGui::IsMouseDown(ImGuiMouseButton_Middle)) {
      if (moved) panning_ = true;
      if (io.MouseDelta.x != 0 || io.MouseDelta.y != 0) view_.pan(io.MouseDelta.x, io.MouseDelta.y);
    }
  }
  // Under touch (phone, embed) a tap is too easily accidental: only a drag of the marker moves it.
  if (ImGui::IsItemDeactivated() && !moved_ && !options_.touch && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
    // A click (or a tap) without a drag: the start point moves there.
    const Point p = view.to_plot(press_pos_.x, press_pos_.y);
    commands.push([p](Scene& s) { s.set_start(p.x, p.y); });
  }
  if (ImGui::IsItemDeactivated()) {
    dragging_start_ = false;
    panning_ = false;
  }
  if (ImGui::IsItemHovered() && io.MouseWheel != 0 && std::isfinite(io.MouseWheel))
    zoom_at(std::pow(1.2, std::clamp(io.MouseWheel, -50.0f, 50.0f)), mouse.x, mouse.y);
}

void LandscapeCanvas::draw(const Scene& scene, CommandQueue& commands, const Overlay& overlay) {
  if (shown_problem_ != scene.problem_spec()) {
    shown_problem_ = scene.problem_spec();
    view_.reset();
  }
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 32.0f);
  size.y = std::max(size.y, 32.0f);
  view_.set_default(scene.problem().view());
  view_.set_screen(PixelRect{origin.x, origin.y, size.x, size.y});
  const ViewTransform view = *view_.transform();

  ImGui::InvisibleButton("landscape", size,
                         ImGuiButtonFlags_MouseButtonLeft | ImGuiButtonFlags_MouseButtonRight | ImGuiButtonFlags_MouseButtonMiddle);
  // The figure's frame takes no input, and the next normal frame places its overlays from the
  // last normal frame's spots (they stay put), as if the figure had not been drawn.
  const MapOverlayReport kept_report = report_, kept_last = last_;
  if (!options_.figure) handle_input(scene, view, commands);

  ensure_raster(scene, view, ImGui::GetIO().DisplayFramebufferScale.x);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 end(origin.x + size.x, origin.y + size.y);
  dl->PushClipRect(origin, end, true);
  // The raster was built for the visible rectangle of this view (the cache key includes it).
  dl->AddImage(texture_.id(), origin, end);

  for (const auto& seg : raster_.contours) {
    const Point a = view.to_pixel(seg.x0, seg.y0), b = view.to_pixel(seg.x1, seg.y1);
    dl->AddLine(clamp_pixel(a), clamp_pixel(b), IM_COL32(255, 255, 255, 70), 1.0f);
  }
  draw_axes(dl, view);

  // Keep-clear marks for the overlays: the start (ring and label) and every minimum in view.
  const PixelRect& sr = view.screen();
  const float line = ImGui::GetTextLineHeight();
  const Box map_box{static_cast<float>(sr.x), static_cast<float>(sr.y), static_cast<float>(sr.w), static_cast<float>(sr.h)};
  OverlayPlacer placer(map_box, {6, 6, 6, line + 12});  // the bottom margin keeps the x tick labels readable
  last_ = report_;
  report_ = MapOverlayReport{};
  report_.map = map_box;
  const ImVec2 sc = clamp_pixel(view.to_pixel(scene.start().x(), scene.start().y()));
  const float start_label_w = ImGui::CalcTextSize("start").x;
  report_.start = Box{sc.x - 10, sc.y - 10, 20, 20};
  placer.keep_clear(sc.x, sc.y, 16);
  placer.keep_clear(sc.x + 11 + start_label_w / 2, sc.y - 20 + line / 2, start_label_w / 2 + 4);
  for (const auto& m : scene.problem().minima()) {
    const ImVec2 c = clamp_pixel(view.to_pixel(m.x(), m.y()));
    if (!view.contains_pixel(c.x, c.y)) continue;
    report_.minima.push_back(Box{c.x - 8, c.y - 8, 16, 16});
    placer.keep_clear(c.x, c.y, 14);
    const float r = 6;
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), IM_COL32(0, 0, 0, 255), 4.0f);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), IM_COL32(0, 0, 0, 255), 4.0f);
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), IM_COL32(255, 255, 255, 255), 2.0f);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), IM_COL32(255, 255, 255, 255), 2.0f);
  }

  draw_paths(dl, scene, view, placer);

  dl->AddCircle(sc, 8, IM_COL32(0, 0, 0, 255), 20, 4.0f);
  dl->AddCircle(sc, 8, IM_COL32(255, 255, 255, 255), 20, 2.0f);
  label_with_backdrop(dl, ImVec2(sc.x + 11, sc.y - 20), IM_COL32(255, 255, 255, 255), "start");

  // The toolbar (an ImGui window the playground draws after the map) is placed first: it is
  // the one overlay a reader must reach. Then the anatomy view's own legend, the run legend (a
  // figure must name its runs), the colour bar and the hover read-out, each clear of everything
  // placed before.
  if (options_.toolbar.x > 0) {
    const Placement t = placer.place(options_.toolbar.x, options_.toolbar.y,
                                     {Anchor::top_left, Anchor::top_right, Anchor::bottom_left, Anchor::bottom_right, Anchor::top_centre},
                                     last_.toolbar);
    report_.toolbar = t.box;
    report_.toolbar_clear = t.clear;
  }
  if (overlay) overlay(dl, view, placer);
  place_and_draw_overlays(dl, scene, view, placer);
  dl->PopClipRect();
  if (options_.figure) report_ = kept_report, last_ = kept_last;
}

void LandscapeCanvas::draw_paths(ImDrawList* dl, const Scene& scene, const ViewTransform& view, OverlayPlacer& placer) const {
  int visible_count = 0;
  for (const auto& r : scene.runs()) visible_count += r.visible ? 1 : 0;
  std::vector<ImVec2> points;
  int order = 0;
  int shape = -1;
  for (const auto& r : scene.runs()) {
    ++shape;  // by position in the run list, so the legend and the head agree
    if (!r.visible) continue;
    const ImU32 colour = rgb_to_imu32(run_colour_rgb(r.colour));
    points.clear();
    ImVec2 last(-1e9f, -1e9f);
    auto add = [&](double x, double y, bool force) {
      if (!std::isfinite(x) || !std::isfinite(y)) return;  // a diverged row is never drawn
      const ImVec2 q = clamp_pixel(view.to_pixel(x, y));
      const float dx = q.x - last.x, dy = q.y - last.y;
      if (!force && dx * dx + dy * dy < 0.6f) return;  // sub-pixel moves add nothing visible
      points.push_back(q);
      last = q;
    };
    const auto& rows = r.history.rows();
    for (std::size_t i = 0; i < rows.size(); ++i) add(rows[i].x, rows[i].y, i == 0);
    const TraceRow now = r.run.row();
    add(now.x, now.y, true);
    const float width = stacked_line_width(1.8f, 1.0f, visible_count, order);
    ++order;
    if (points.size() >= 2) {
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(0, 0, 0, 110), ImDrawFlags_None, width + 2.0f);
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, width);
    }
    if (!points.empty()) {
      // Overlays prefer to leave paths visible: points every few pixels along each path (long
      // straight segments included) are soft keep-clear marks, at most about 150 per run (the
      // placer tests each against every candidate spot, every frame).
      float length = 0;
      for (std::size_t i = 1; i < points.size(); ++i) length += std::abs(points[i].x - points[i - 1].x) + std::abs(points[i].y - points[i - 1].y);
      const float spacing = std::max(16.0f, length / 150.0f);
      float carry = 0;
      placer.prefer_clear(points.front().x, points.front().y);
      for (std::size_t i = 1; i < points.size(); ++i) {
        const ImVec2 a = points[i - 1], b = points[i];
        const float seg = std::abs(b.x - a.x) + std::abs(b.y - a.y);  // L1: no sqrt per point, spacing is rough anyway
        for (float t = spacing - carry; t <= seg; t += spacing) placer.prefer_clear(a.x + (b.x - a.x) * t / seg, a.y + (b.y - a.y) * t / seg);
        carry = std::fmod(carry + seg, spacing);
      }
      for (int k = 0; k < 5; ++k) placer.prefer_clear(points.back().x, points.back().y);  // the head counts more
    }
  }
  // Head markers last, on top of every path, each with its run's shape (the legend's key). Heads
  // that land on one spot (runs that reach the same minimum) fan out in a row above it, each
  // tied to the spot by a thin line, so no run's head hides another's.
  struct Head {
    ImVec2 at;
    int shape;
    ImU32 colour;
  };
  std::vector<Head> heads;
  shape = -1;
  for (const auto& r : scene.runs()) {
    ++shape;
    if (!r.visible) continue;
    const TraceRow now = r.run.row();
    if (!std::isfinite(now.x) || !std::isfinite(now.y)) continue;
    heads.push_back({clamp_pixel(view.to_pixel(now.x, now.y)), shape, rgb_to_imu32(run_colour_rgb(r.colour))});
  }
  std::vector<bool> done(heads.size(), false);
  for (std::size_t i = 0; i < heads.size(); ++i) {
    if (done[i]) continue;
    std::vector<std::size_t> group{i};
    for (std::size_t j = i + 1; j < heads.size(); ++j) {
      const float dx = heads[j].at.x - heads[i].at.x, dy = heads[j].at.y - heads[i].at.y;
      if (!done[j] && dx * dx + dy * dy < 8.0f * 8.0f) group.push_back(j);
    }
    for (std::size_t k = 0; k < group.size(); ++k) {
      const Head& h = heads[group[k]];
      done[group[k]] = true;
      ImVec2 c = h.at;
      if (group.size() > 1) {
        c = ImVec2(h.at.x + (static_cast<float>(k) - 0.5f * static_cast<float>(group.size() - 1)) * 14.0f, h.at.y - 16.0f);
        dl->AddLine(h.at, c, IM_COL32(0, 0, 0, 200), 3.0f);
        dl->AddLine(h.at, c, h.colour, 1.2f);
        placer.prefer_clear(c.x, c.y);
      }
      draw_marker(dl, c, h.shape, h.colour, 4.5f);
    }
  }
}

void LandscapeCanvas::place_and_draw_overlays(ImDrawList* dl, const Scene& scene, const ViewTransform& view, OverlayPlacer& placer) {
  const float map_h = report_.map.h;
  // Legend: every visible run by name (and shape), with its loss where the chart is not shown.
  std::vector<LegendEntry> entries;
  int shape = -1;
  for (const auto& r : scene.runs()) {
    ++shape;
    if (!r.visible) continue;
    LegendEntry e;
    e.colour = rgb_to_imu32(run_colour_rgb(r.colour));
    e.shape = shape;
    // Labels are cached by spec: optimizer_label builds the optimizer's defaults (and for SGD,
    // which has none for lr, catches an exception), too slow to redo for every run every frame.
    const std::string key = to_string(r.optimizer) + "@" + r.scheduler;
    auto cached = label_cache_.find(key);
    if (cached == label_cache_.end()) {
      if (label_cache_.size() > 64) label_cache_.clear();
      cached = label_cache_.emplace(key, run_label(r.optimizer, r.scheduler)).first;
    }
    e.label = cached->second;
    if (options_.loss_readout) {
      char buf[48];
      if (r.run.diverged())
        std::snprintf(buf, sizeof buf, "diverged @%lld", static_cast<long long>(r.run.diverged_at()));
      else
        std::snprintf(buf, sizeof buf, "%.3g", r.run.row().loss);
      e.value = buf;
      e.diverged = r.run.diverged();
    }
    entries.push_back(std::move(e));
  }
  if (!entries.empty()) {
    const std::vector<Anchor> prefs = {Anchor::bottom_left, Anchor::top_left, Anchor::bottom_right, Anchor::top_right,
                                       Anchor::bottom_centre, Anchor::top_centre};
    // Full labels, or (several runs) the short form whose shared words are a heading: the full
    // form wins unless only the short one is clear, it covers clearly fewer path points, or the
    // full one is wider than half the map.
    ImVec2 size = legend_size(entries);
    OverlayPlacer trial = placer;
    Placement p = trial.place(size.x, size.y, prefs, last_.legend);
    std::string heading;
    if (entries.size() > 1) {
      std::vector<std::string> full;
      for (const auto& e : entries) full.push_back(e.label);
      ShortLabels s = short_labels(full);
      std::vector<LegendEntry> shorter = entries;
      for (std::size_t i = 0; i < shorter.size(); ++i) shorter[i].label = s.labels[i];
      const ImVec2 short_size = legend_size(shorter, s.common);
      OverlayPlacer second = placer;
      const Placement q = second.place(short_size.x, short_size.y, prefs, last_.legend);
      // On a small map a legend wider than half of it hides too much: shared words move up.
      const bool wide = size.x > 0.5f * report_.map.w;
      const bool take_short = (q.clear && !p.clear) || (q.clear == p.clear && (wide || q.soft_hits + 3 < p.soft_hits)) ||
                              (!q.clear && !p.clear && q.hard_hits + q.overlaps < p.hard_hits + p.overlaps);
      if (take_short) {
        entries = std::move(shorter), heading = s.common, size = short_size, p = q, trial = second;
        report_.legend_short = true;
      }
    }
    placer = trial;
    report_.legend = p.box;
    report_.legend_faded = !p.clear;
    report_.legend_entries = static_cast<int>(entries.size());
    report_.legend_has_values = options_.loss_readout;
    report_.legend_over_paths = p.soft_hits > 3;
    draw_legend(dl, entries, p.box, p.clear ? 1.0f : 0.45f, heading, report_.legend_over_paths);
  }
  // Colour bar: full size where a clear spot exists, else compact, else faded.
  {
    // Small maps (embeds, phones) start with the compact bar: a full one would take a third of them.
    bool compact = map_h < 300 || report_.map.w < 520;
    ImVec2 size = colour_bar_size(raster_, map_h, compact);
    const std::vector<Anchor> prefs = {Anchor::top_right, Anchor::bottom_right, Anchor::right_centre, Anchor::top_left, Anchor::bottom_left};
    OverlayPlacer trial = placer;  // a trial copy: a full-size bar that fits nowhere is not kept
    Placement p = trial.place(size.x, size.y, prefs, last_.colour_bar);
    if (!p.clear && !compact) {
      compact = true;
      size = colour_bar_size(raster_, map_h, compact);
      trial = placer;
      p = trial.place(size.x, size.y, prefs, last_.colour_bar);
    }
    placer = trial;
    report_.colour_bar = p.box;
    report_.colour_bar_compact = compact;
    // Over the start, a minimum or many path points (a small map has no empty corner): faded.
    report_.colour_bar_faded = !p.clear || p.soft_hits > 3;
    draw_colour_bar(dl, raster_, p.box, compact, report_.colour_bar_faded ? 0.35f : 1.0f);
  }
  // Hover read-out: a spot reserved every frame (so it never jumps onto the toolbar); on a map too
  // small for a clear spot it follows the pointer instead, beside it, where nothing else prints.
  const char* widest = "x=-0.0000  y=-0.0000  loss=-0.000e+00";
  const ImVec2 hs(ImGui::CalcTextSize(widest).x + 4, ImGui::GetTextLineHeight() + 2);
  OverlayPlacer hover_trial = placer;
  const Placement hp = hover_trial.place(hs.x, hs.y, {Anchor::top_left, Anchor::top_centre, Anchor::top_right, Anchor::bottom_centre}, last_.hover);
  if (hp.clear) placer = hover_trial, report_.hover = hp.box;
  if (!options_.figure && ImGui::IsItemHovered() && (!options_.hover_on_press || ImGui::IsMouseDown(ImGuiMouseButton_Left))) {
    // The view this frame's input left (a wheel zoom this frame is already in it), so the
    // numbers describe the point under the mouse in the picture the next frame shows.
    const ViewTransform& now = *view_.transform();
    const ImVec2 m = ImGui::GetIO().MousePos;
    const Point p = now.to_plot(m.x, m.y);
    Box at = hp.box;
    if (!hp.clear) {
      // Beside the pointer: the first of four sides clear of the toolbar, start and minima.
      const Box& map = report_.map;
      const float xs[] = {m.x + 14, m.x + 14, m.x - 14 - hs.x, m.x - 14 - hs.x};
      const float ys[] = {m.y + 18, m.y - 18 - hs.y, m.y + 18, m.y - 18 - hs.y};
      for (int k = 0; k < 4; ++k) {
        at = Box{std::clamp(xs[k], map.x + 2, map.right() - hs.x - 2), std::clamp(ys[k], map.y + 2, map.bottom() - hs.y - 2), hs.x, hs.y};
        if (placer.evaluate(at).clear) break;
      }
      report_.hover = at;
    }
    char buf[128];
    const double loss = scene.problem().value(p.x, p.y);
    if (std::isnan(loss))
      std::snprintf(buf, sizeof buf, "x=%.4g  y=%.4g  loss=undefined", p.x, p.y);
    else
      std::snprintf(buf, sizeof buf, "x=%.4g  y=%.4g  loss=%.4g", p.x, p.y, loss);
    label_with_backdrop(dl, ImVec2(at.x + 2, at.y + 1), IM_COL32(255, 255, 255, 255), buf);
  }
}

}  // namespace adamlab::ui
