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

namespace adamlab::ui {
namespace {

constexpr float kStartGrabRadius = 14;
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

void LandscapeCanvas::draw_colour_bar(ImDrawList* dl, const ViewTransform& view) const {
  const PixelRect& s = view.screen();
  const float line = ImGui::GetTextLineHeight();
  const float bar_w = 12, bar_h = static_cast<float>(std::min(s.h * 0.55, 320.0));
  const float x1 = static_cast<float>(s.x + s.w) - 64, x0 = x1 - bar_w;
  const float y0 = static_cast<float>(s.y) + line * 2 + 10, y1 = y0 + bar_h;
  // The title says what the log scale measures from (f*, or the lowest loss in view when the
  // landscape is unbounded below); it may be wider than the bar, so it grows to the left.
  const std::string title = landscape_scale_title(raster_);
  const char* overflow_note = raster_.nonfinite_cells ? "top: overflow" : nullptr;
  const float title_w = ImGui::CalcTextSize(title.c_str()).x;
  const float note_w = overflow_note ? ImGui::CalcTextSize(overflow_note).x : 0.0f;
  const float tx = std::min(x0, x1 + 54 - std::max(title_w, note_w));
  dl->AddRectFilled(ImVec2(std::min(x0, tx) - 4, y0 - line - 8), ImVec2(x1 + 58, y1 + 6 + (overflow_note ? line + 2 : 0)),
                    IM_COL32(0, 0, 0, 130), 4);
  dl->AddText(ImVec2(tx, y0 - line - 5), IM_COL32(255, 255, 255, 255), title.c_str());
  if (overflow_note) dl->AddText(ImVec2(std::min(x0, x1 + 54 - note_w), y1 + 4), IM_COL32(255, 200, 160, 255), overflow_note);
  const int pieces = 24;
  for (int i = 0; i < pieces; ++i) {
    const float ya = y1 - bar_h * i / pieces, yb = y1 - bar_h * (i + 1) / pieces;
    const Rgb a = viridis(static_cast<double>(i) / pieces), b = viridis(static_cast<double>(i + 1) / pieces);
    const ImU32 ca = ImGui::ColorConvertFloat4ToU32(ImVec4(a.r, a.g, a.b, 1));
    const ImU32 cb = ImGui::ColorConvertFloat4ToU32(ImVec4(b.r, b.g, b.b, 1));
    dl->AddRectFilledMultiColor(ImVec2(x0, yb), ImVec2(x1, ya), cb, cb, ca, ca);
  }
  // Decade ticks; with many decades, label every k-th so labels never collide.
  const int lo = static_cast<int>(std::ceil(raster_.lo)), hi = static_cast<int>(std::floor(raster_.hi));
  const int decades = std::max(1, hi - lo + 1);
  const int every = std::max(1, static_cast<int>(std::ceil(decades * (line + 2) / bar_h)));
  for (int e = lo; e <= hi; ++e) {
    const float t = static_cast<float>((e - raster_.lo) / (raster_.hi - raster_.lo));
    const float py = y1 - bar_h * t;
    dl->AddLine(ImVec2(x1, py), ImVec2(x1 + 4, py), IM_COL32(255, 255, 255, 220));
    if ((e - lo) % every == 0)
      dl->AddText(ImVec2(x1 + 9, py - line / 2), IM_COL32(255, 255, 255, 255), decade_label(e).c_str());
  }
  // Contour levels as faint marks on the bar, tying the lines to the scale.
  for (double level : raster_.levels) {
    const float py = y1 - bar_h * static_cast<float>((level - raster_.lo) / (raster_.hi - raster_.lo));
    dl->AddLine(ImVec2(x0, py), ImVec2(x1, py), IM_COL32(255, 255, 255, 90));
  }
}

void LandscapeCanvas::handle_input(const Scene& scene, const ViewTransform& view, CommandQueue& commands) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 mouse = io.MousePos;
  if (ImGui::IsItemActivated()) {
    press_pos_ = mouse;
    const Point sp = view.to_pixel(scene.start().x(), scene.start().y());
    const float dx = mouse.x - static_cast<float>(sp.x), dy = mouse.y - static_cast<float>(sp.y);
    dragging_start_ = ImGui::IsMouseDown(ImGuiMouseButton_Left) && dx * dx + dy * dy <= kStartGrabRadius * kStartGrabRadius;
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
  if (ImGui::IsItemDeactivated() && !moved_ && ImGui::IsMouseReleased(ImGuiMouseButton_Left)) {
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
  handle_input(scene, view, commands);

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

  for (const auto& m : scene.problem().minima()) {
    const Point p = view.to_pixel(m.x(), m.y());
    const ImVec2 c = clamp_pixel(p);
    const float r = 6;
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), IM_COL32(0, 0, 0, 255), 4.0f);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), IM_COL32(0, 0, 0, 255), 4.0f);
    dl->AddLine(ImVec2(c.x - r, c.y - r), ImVec2(c.x + r, c.y + r), IM_COL32(255, 255, 255, 255), 2.0f);
    dl->AddLine(ImVec2(c.x - r, c.y + r), ImVec2(c.x + r, c.y - r), IM_COL32(255, 255, 255, 255), 2.0f);
  }

  std::vector<ImVec2> points;
  for (const auto& r : scene.runs()) {
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
    if (points.size() >= 2) {
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), IM_COL32(0, 0, 0, 110), ImDrawFlags_None, 4.0f);
      dl->AddPolyline(points.data(), static_cast<int>(points.size()), colour, ImDrawFlags_None, 2.0f);
    }
    if (!points.empty()) {
      dl->AddCircleFilled(points.back(), 5.5f, IM_COL32(0, 0, 0, 255));
      dl->AddCircleFilled(points.back(), 4.0f, colour);
    }
  }

  const Point sp = view.to_pixel(scene.start().x(), scene.start().y());
  const ImVec2 sc = clamp_pixel(sp);
  dl->AddCircle(sc, 8, IM_COL32(0, 0, 0, 255), 20, 4.0f);
  dl->AddCircle(sc, 8, IM_COL32(255, 255, 255, 255), 20, 2.0f);
  label_with_backdrop(dl, ImVec2(sc.x + 11, sc.y - 20), IM_COL32(255, 255, 255, 255), "start");

  if (overlay) overlay(dl, view);
  draw_colour_bar(dl, view);

  if (ImGui::IsItemHovered()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const Point p = view.to_plot(m.x, m.y);
    char buf[128];
    std::snprintf(buf, sizeof buf, "x=%.4g  y=%.4g  loss=%.4g", p.x, p.y, scene.problem().value(p.x, p.y));
    label_with_backdrop(dl, ImVec2(origin.x + 40, origin.y + 6), IM_COL32(255, 255, 255, 255), buf);
  }
  dl->PopClipRect();
}

}  // namespace adamlab::ui
