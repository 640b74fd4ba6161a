#include "sim/landscape.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "sim/colormap.h"

namespace adamlab {
namespace {

// One marching-squares cell: corners v00 (x0,y0) v10 (x1,y0) v11 (x1,y1) v01 (x0,y1).
void march_cell(double x0, double y0, double x1, double y1, double v00, double v10, double v11, double v01,
                double level, int level_index, std::vector<ContourSegment>& out) {
  const int code = (v00 > level) | ((v10 > level) << 1) | ((v11 > level) << 2) | ((v01 > level) << 3);
  if (code == 0 || code == 15) return;
  auto lerp = [level](double a, double b) { return (level - a) / (b - a); };
  // Crossing points on the four edges: bottom (00-10), right (10-11), top (01-11), left (00-01).
  auto bottom = [&] { double t = lerp(v00, v10); return std::pair<double, double>{x0 + t * (x1 - x0), y0}; };
  auto right = [&] { double t = lerp(v10, v11); return std::pair<double, double>{x1, y0 + t * (y1 - y0)}; };
  auto top = [&] { double t = lerp(v01, v11); return std::pair<double, double>{x0 + t * (x1 - x0), y1}; };
  auto left = [&] { double t = lerp(v00, v01); return std::pair<double, double>{x0, y0 + t * (y1 - y0)}; };
  auto seg = [&](std::pair<double, double> a, std::pair<double, double> b) {
    out.push_back({static_cast<float>(a.first), static_cast<float>(a.second), static_cast<float>(b.first),
                   static_cast<float>(b.second), level_index});
  };
  const bool centre_above = (v00 + v10 + v11 + v01) / 4 > level;  // resolves the saddle cases
  switch (code) {
    case 1: case 14: seg(left(), bottom()); break;
    case 2: case 13: seg(bottom(), right()); break;
    case 3: case 12: seg(left(), right()); break;
    case 4: case 11: seg(right(), top()); break;
    case 6: case 9: seg(bottom(), top()); break;
    case 7: case 8: seg(left(), top()); break;
    case 5:
      if (centre_above) { seg(left(), top()); seg(bottom(), right()); }
      else { seg(left(), bottom()); seg(right(), top()); }
      break;
    case 10:
      if (centre_above) { seg(left(), bottom()); seg(right(), top()); }
      else { seg(left(), top()); seg(bottom(), right()); }
      break;
    default: break;
  }
}

}  // namespace

double landscape_colour_position(const LandscapeRaster& raster, double loss) {
  if (std::isnan(loss)) return 0;
  const double gap = std::max(loss - raster.base, 0.0) + raster.floor;
  const double u = std::log10(gap);  // +inf for an overflowed loss: the top of the scale
  if (!(raster.hi > raster.lo)) return 0;
  return std::clamp((u - raster.lo) / (raster.hi - raster.lo), 0.0, 1.0);
}

std::string landscape_scale_title(const LandscapeRaster& raster) {
  if (!raster.base_is_fstar) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "loss - m, m = %.4g", raster.base);
    return buf;
  }
  return raster.base == 0 ? "loss" : "loss - f*";
}

LandscapeRaster landscape_raster(const Problem& problem, const Rect& rect, int width, int height,
                                 int contour_levels) {
  LandscapeRaster r;
  r.width = std::max(width, 2);
  r.height = std::max(height, 2);
  r.rect = rect;
  r.min_value = problem.min_value();
  const std::size_t n = static_cast<std::size_t>(r.width) * r.height;
  const double dx = (rect.xmax - rect.xmin) / r.width, dy = (rect.ymax - rect.ymin) / r.height;

  // The whole grid through the problem's batch interface (bit-identical to value(x, y)): a typed
  // function runs its compiled program, computing what depends on x or y alone once per column
  // or row.
  std::vector<double> loss(n);
  Eigen::ArrayXd xs(r.width), ys(r.height);
  for (int i = 0; i < r.width; ++i) xs[i] = rect.xmin + (i + 0.5) * dx;
  for (int j = 0; j < r.height; ++j) ys[j] = rect.ymax - (j + 0.5) * dy;
  problem.grid_values(xs, ys, loss.data());
  double lowest = std::numeric_limits<double>::infinity();
  for (const double v : loss)
    if (std::isfinite(v)) lowest = std::min(lowest, v);
  // The base of the log scale: f* if the problem has a finite one, else the lowest loss in view.
  r.base_is_fstar = std::isfinite(r.min_value);
  r.base = r.base_is_fstar ? r.min_value : (std::isfinite(lowest) ? lowest : 0.0);

  // gap = loss - base >= 0: +inf where the loss (or the subtraction) overflows, NaN where the
  // loss is NaN. Only finite gaps set the scale, so an overflowing corner of the view (e.g.
  // goldstein_price far from the origin) cannot turn the whole range into garbage.
  std::vector<double> gap(n);
  double gmax = 0;
  bool any_finite = false;
  for (std::size_t k = 0; k < n; ++k) {
    double g = loss[k] - r.base;
    if (std::isnan(g)) {
      gap[k] = std::numeric_limits<double>::quiet_NaN();
      ++r.nonfinite_cells;
      ++r.nan_cells;
      continue;
    }
    if (std::isinf(g)) {
      // +inf: an overflow, drawn at the top colour. -inf: a typed function's pole below every
      // finite loss (log(0)), drawn at the bottom colour and not counted as an overflow.
      gap[k] = g > 0 ? g : 0.0;
      if (g > 0) ++r.nonfinite_cells;
      continue;
    }
    g = std::max(g, 0.0);
    gap[k] = g;
    gmax = std::max(gmax, g);
    any_finite = true;
  }
  // The floor keeps log10 finite at the minimum; 12 decades below the largest value in view is
  // below anything a double-precision path can resolve relative to it. A flat view (gmax = 0)
  // gets floor 1: one honest decade around 0, not a scale of denormals.
  r.floor = gmax > 0 ? gmax * 1e-12 : 1.0;
  r.log_gap.resize(n);
  std::vector<float> sorted;
  sorted.reserve(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double u = std::isnan(gap[k]) ? gap[k] : std::log10(gap[k] + r.floor);
    r.log_gap[k] = static_cast<float>(u);
    if (std::isfinite(u) && std::isfinite(gap[k])) sorted.push_back(static_cast<float>(u));
  }
  // Colour range: the 0.5th percentile to the maximum, so one cell that happens to sit on the
  // minimum does not stretch the scale over many empty decades.
  if (any_finite && !sorted.empty()) {
    const std::size_t p = sorted.size() / 200;
    std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(p), sorted.end());
    r.lo = sorted[p];
    r.hi = std::log10(gmax + r.floor);
  } else {
    r.lo = 0;
    r.hi = 1;
  }
  if (!(r.hi > r.lo)) r.hi = r.lo + 1;

  const auto& table = viridis_table();
  r.rgba.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    if (std::isnan(r.log_gap[k])) {
      r.rgba[k] = kNanRgba;
      continue;
    }
    const double t = std::clamp((r.log_gap[k] - r.lo) / (r.hi - r.lo), 0.0, 1.0);  // +inf -> 1
    r.rgba[k] = table[static_cast<std::size_t>(std::lround(t * 255))];
  }

  for (int l = 0; l < contour_levels; ++l)
    r.levels.push_back(r.lo + (r.hi - r.lo) * (l + 0.5) / contour_levels);
  for (int j = 0; j + 1 < r.height; ++j) {
    const double ytop = rect.ymax - (j + 0.5) * dy, ybot = ytop - dy;
    for (int i = 0; i + 1 < r.width; ++i) {
      const double xl = rect.xmin + (i + 0.5) * dx, xr = xl + dx;
      const auto at = [&](int ii, int jj) { return static_cast<double>(r.log_gap[static_cast<std::size_t>(jj) * r.width + ii]); };
      const double v00 = at(i, j + 1), v10 = at(i + 1, j + 1), v11 = at(i + 1, j), v01 = at(i, j);
      if (!std::isfinite(v00) || !std::isfinite(v10) || !std::isfinite(v11) || !std::isfinite(v01)) continue;
      const double cmin = std::min({v00, v10, v11, v01}), cmax = std::max({v00, v10, v11, v01});
      for (int l = 0; l < contour_levels; ++l) {
        const double level = r.levels[l];
        if (level < cmin || level > cmax) continue;
        march_cell(xl, ybot, xr, ytop, v00, v10, v11, v01, level, l, r.contours);
      }
    }
  }
  return r;
}

}  // namespace adamlab
