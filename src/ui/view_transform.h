#pragma once
// Plot <-> pixel mapping for the landscape canvas (ImPlot's PlotToPixels idea), pure and
// header-only so tests/view_transform_test.cpp checks it without a GL context.
// The view keeps equal units per pixel on both axes (circles stay circles): the requested plot
// rectangle is fitted inside the pixel rectangle and centred, so resizing the window keeps the
// same region in view.
#include <algorithm>
#include <cmath>
#include <vector>

#include "problems/problem.h"

namespace adamlab::ui {

struct PixelRect {
  double x = 0, y = 0, w = 1, h = 1;  // top-left corner and size, pixels grow right and down
};

struct Point {
  double x = 0, y = 0;
};

class ViewTransform {
 public:
  ViewTransform(const Rect& requested, const PixelRect& screen) : screen_(screen) {
    const double w = std::max(screen.w, 1.0), h = std::max(screen.h, 1.0);
    const double rw = std::max(requested.xmax - requested.xmin, 1e-300);
    const double rh = std::max(requested.ymax - requested.ymin, 1e-300);
    upp_ = std::max(rw / w, rh / h);
    cx_ = 0.5 * (requested.xmin + requested.xmax);
    cy_ = 0.5 * (requested.ymin + requested.ymax);
  }

  Point to_pixel(double x, double y) const {
    return {screen_.x + 0.5 * screen_.w + (x - cx_) / upp_, screen_.y + 0.5 * screen_.h - (y - cy_) / upp_};
  }
  Point to_plot(double px, double py) const {
    return {cx_ + (px - screen_.x - 0.5 * screen_.w) * upp_, cy_ - (py - screen_.y - 0.5 * screen_.h) * upp_};
  }
  double units_per_pixel() const { return upp_; }
  const PixelRect& screen() const { return screen_; }
  Rect visible() const {
    const double hw = 0.5 * screen_.w * upp_, hh = 0.5 * screen_.h * upp_;
    return {cx_ - hw, cx_ + hw, cy_ - hh, cy_ + hh};
  }
  bool contains_pixel(double px, double py) const {
    return px >= screen_.x && px < screen_.x + screen_.w && py >= screen_.y && py < screen_.y + screen_.h;
  }

  // The requested rectangle that shows the content dragged by (dpx, dpy) pixels.
  Rect panned(double dpx, double dpy) const {
    Rect v = visible();
    const double dx = -dpx * upp_, dy = dpy * upp_;
    return {v.xmin + dx, v.xmax + dx, v.ymin + dy, v.ymax + dy};
  }
  // The requested rectangle after zooming in by `factor` (> 1 zooms in) keeping the plot point
  // under pixel (px, py) fixed. The scale stays within [min_upp, max_upp] units per pixel.
  Rect zoomed(double factor, double px, double py, double min_upp = 1e-9, double max_upp = 1e9) const {
    const double new_upp = std::clamp(upp_ / factor, min_upp, max_upp);
    const double f = upp_ / new_upp;
    const Point p = to_plot(px, py);
    const Rect v = visible();
    return {p.x - (p.x - v.xmin) / f, p.x + (v.xmax - p.x) / f, p.y - (p.y - v.ymin) / f, p.y + (v.ymax - p.y) / f};
  }

 private:
  PixelRect screen_;
  double upp_ = 1, cx_ = 0, cy_ = 0;
};

// "Nice" tick positions (1, 2, 5 x 10^k steps) covering [lo, hi], about `target` of them.
inline std::vector<double> nice_ticks(double lo, double hi, int target = 6) {
  std::vector<double> ticks;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi) || target < 1) return ticks;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / mag;
  const double step = (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
  for (double k = std::ceil(lo / step); k * step <= hi + 1e-9 * step; k += 1) {
    double t = k * step;
    if (std::abs(t) < 1e-12 * step) t = 0;  // print 0, not 1e-17
    ticks.push_back(t);
    if (ticks.size() > 1000) break;
  }
  return ticks;
}

}  // namespace adamlab::ui
