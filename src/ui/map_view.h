#pragma once
// What the landscape shows: the user's requested rectangle (or the problem's default), the
// screen rectangle it is drawn in, and the transform between them. Every change goes through
// here (links, zoom, pan, drag, wheel, resize, the JS API), and every result keeps
// sim/view_rect.h's invariant, so no input can make the view non-finite, zero-sized or stuck.
// Header-only and headless, like view_transform.h, so tests/map_view_test.cpp checks it.
#include <algorithm>
#include <cmath>
#include <optional>

#include "core/error.h"
#include "core/spec.h"
#include "sim/view_rect.h"
#include "ui/view_transform.h"

namespace adamlab::ui {

class MapView {
 public:
  // The user's view; nullopt = the problem's default.
  const std::optional<Rect>& requested() const { return requested_; }
  void reset() { requested_.reset(); refresh(); }
  // Clamped into the invariant; a rectangle with a non-finite edge leaves the view as it was.
  void request(const Rect& view) {
    if (auto v = clamp_view_rect(view)) requested_ = *v;
    refresh();
  }
  // The problem's default view (shown while nothing is requested).
  void set_default(const Rect& view) {
    fallback_ = clamp_view_rect(view).value_or(Rect{-1, 1, -1, 1});
    refresh();
  }
  // Sizes outside 1..1e5 px and positions beyond 1e6 px are clamped (no window is that).
  void set_screen(const PixelRect& screen) {
    const auto within = [](double v, double lo, double hi) { return std::isfinite(v) ? std::clamp(v, lo, hi) : lo; };
    screen_ = PixelRect{within(screen.x, -1e6, 1e6), within(screen.y, -1e6, 1e6), within(screen.w, 1, 1e5),
                        within(screen.h, 1, 1e5)};
    refresh();
  }
  // nullopt until a screen was set (the map has not been drawn).
  const std::optional<ViewTransform>& transform() const { return transform_; }

  // Drags the content by (dpx, dpy) pixels.
  void pan(double dpx, double dpy) {
    if (transform_ && std::isfinite(dpx) && std::isfinite(dpy)) request(transform_->panned(dpx, dpy));
  }
  // factor > 1 zooms in about pixel (x, y), clamped to the map. The zoom stops where a side
  // would leave the invariant's spans, so the point under the cursor stays put. Throws Error
  // for a factor that is not a positive finite number, a non-finite point, or no screen yet.
  void zoom_at(double factor, double x, double y) {
    if (!(factor > 0) || !std::isfinite(factor)) throw Error("invalid zoom factor: " + format_number(factor) + " (must be > 0)");
    if (!std::isfinite(x) || !std::isfinite(y)) throw Error("invalid zoom point: " + format_number(x) + ", " + format_number(y));
    if (!transform_) throw Error("the map has not been drawn yet");
    const ViewTransform& view = *transform_;
    const PixelRect& s = view.screen();
    const double px = std::clamp(x, s.x, s.x + s.w), py = std::clamp(y, s.y, s.y + s.h);
    const Rect v = view.visible();
    const double centre = std::max(std::abs(0.5 * v.xmin + 0.5 * v.xmax), std::abs(0.5 * v.ymin + 0.5 * v.ymax));
    const double min_span = std::max(ViewLimits::kMinSpan, centre * ViewLimits::kMinRelativeSpan);
    const double min_upp = min_span / std::min(s.w, s.h), max_upp = ViewLimits::kMaxSpan / std::max(s.w, s.h);
    request(view.zoomed(factor, px, py, min_upp, std::max(min_upp, max_upp)));
  }

 private:
  void refresh() {
    if (screen_) transform_ = ViewTransform(requested_ ? *requested_ : fallback_, *screen_);
  }
  std::optional<Rect> requested_;
  Rect fallback_{-1, 1, -1, 1};
  std::optional<PixelRect> screen_;
  std::optional<ViewTransform> transform_;
};

}  // namespace adamlab::ui
