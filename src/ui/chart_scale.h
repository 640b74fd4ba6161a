#pragma once
// The loss chart's vertical scale, pure and header-only so tests/chart_scale_test.cpp checks it
// without ImGui. Three kinds:
//   linear  the loss itself;
//   log     log10(loss - f*) when the problem has a finite minimum value f* (styblinski_tang's
//           negative losses are fine: loss - f* >= 0);
//   symlog  sign(loss) * log10(1 + |loss|) when f* = -inf (saddle): the loss has no floor to
//           measure from, goes negative and runs off to -inf, and a log of it would be empty.
// Ranges ignore non-finite values, and a run that blows up cannot squash the others: the range
// stops at a thousand times the largest |value| a run started from, and a curve beyond it leaves
// through the edge.
#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

namespace adamlab::ui {

enum class ChartScaleKind { linear, log, symlog };

struct ChartScale {
  ChartScaleKind kind = ChartScaleKind::linear;
  double offset = 0;     // subtracted before the log (f*); 0 otherwise
  double lo = 0, hi = 1;  // visible range in transformed units, hi > lo

  // The transformed value, or NaN where it cannot be plotted (non-finite, or <= f* on a log scale).
  double to_unit(double v) const {
    if (!std::isfinite(v)) return std::numeric_limits<double>::quiet_NaN();
    switch (kind) {
      case ChartScaleKind::linear: return v;
      case ChartScaleKind::log: {
        const double gap = v - offset;
        return gap > 0 && std::isfinite(gap) ? std::log10(gap) : std::numeric_limits<double>::quiet_NaN();
      }
      case ChartScaleKind::symlog: return (v < 0 ? -1.0 : 1.0) * std::log10(1.0 + std::abs(v));
    }
    return std::numeric_limits<double>::quiet_NaN();
  }
  double from_unit(double u) const {
    switch (kind) {
      case ChartScaleKind::linear: return u;
      case ChartScaleKind::log: return offset + std::pow(10.0, u);
      case ChartScaleKind::symlog: return (u < 0 ? -1.0 : 1.0) * (std::pow(10.0, std::abs(u)) - 1.0);
    }
    return u;
  }
  // 0 at the bottom of the plot, 1 at the top; clamped a plot height beyond either edge so far
  // values never overflow float pixel coordinates.
  double fraction(double v) const {
    const double u = std::clamp(to_unit(v), lo - (hi - lo), hi + (hi - lo));
    return (u - lo) / (hi - lo);
  }
};

// linear unless a log scale is asked for; then log from a finite f*, symlog without one.
inline ChartScale chart_scale_kind(bool log_scale, double fstar) {
  ChartScale s;
  if (!log_scale) return s;
  if (std::isfinite(fstar)) {
    s.kind = ChartScaleKind::log;
    s.offset = fstar;
  } else {
    s.kind = ChartScaleKind::symlog;
  }
  return s;
}

// Accumulates the plotted values (and each run's first value), then fits the range.
class ChartRange {
 public:
  explicit ChartRange(ChartScale scale) : scale_(scale) {}
  void add(double v) {
    const double u = scale_.to_unit(v);
    if (std::isnan(u)) return;
    umin_ = std::min(umin_, u);
    umax_ = std::max(umax_, u);
  }
  void add_start(double v) {
    if (!std::isfinite(v)) return;
    const double a = scale_.kind == ChartScaleKind::log ? v - scale_.offset : std::abs(v);
    if (a > 0 && std::isfinite(a)) start_ = std::max(start_, a);
  }
  // `min_log_span`: the fewest decades a log scale shows (a flat curve gets that much room).
  ChartScale fit(double min_log_span = 1) const {
    ChartScale s = scale_;
    double lo = umin_, hi = umax_;
    if (!(hi >= lo)) {  // nothing plottable yet
      s.lo = s.kind == ChartScaleKind::log ? -3 : 0;
      s.hi = s.kind == ChartScaleKind::log ? 0 : 1;
      return s;
    }
    if (start_ > 0) {
      const double cap = 1e3 * start_;
      switch (s.kind) {
        case ChartScaleKind::linear:
          hi = std::min(hi, std::max(lo, cap));
          lo = std::max(lo, std::min(hi, -cap));
          break;
        case ChartScaleKind::log: hi = std::min(hi, std::max(lo, std::log10(cap))); break;
        case ChartScaleKind::symlog: {
          const double u = std::log10(1.0 + cap);
          hi = std::min(hi, std::max(lo, u));
          lo = std::max(lo, std::min(hi, -u));
          break;
        }
      }
    }
    if (s.kind == ChartScaleKind::log) {
      lo = std::max(lo, hi - 16);  // double precision floor: nothing below is a real difference
      if (hi - lo < min_log_span) { lo -= min_log_span / 2; hi += min_log_span / 2; }
      // A little room above and below, so a flat curve at the extremes (a constant lr, a run
      // that has converged) is not drawn on the plot's frame.
      const double pad = 0.04 * (hi - lo);
      lo -= pad;
      hi += pad;
    } else {
      if (s.kind == ChartScaleKind::linear && hi - lo < 1e-12 * std::max(1.0, std::abs(hi))) { lo -= 0.5; hi += 0.5; }
      if (s.kind == ChartScaleKind::symlog && hi - lo < 0.5) { lo -= 0.25; hi += 0.25; }
      const double pad = 0.05 * (hi - lo);
      lo -= pad;
      hi += pad;
    }
    s.lo = lo;
    s.hi = hi;
    return s;
  }

 private:
  ChartScale scale_;
  double umin_ = std::numeric_limits<double>::infinity(), umax_ = -std::numeric_limits<double>::infinity();
  double start_ = 0;
};

// Tick values for a symlog axis over [lo, hi] (transformed units): 0 and +-10^e, e >= 0, every
// `every`-th decade so at most about max_ticks remain.
inline std::vector<double> symlog_ticks(double lo, double hi, int max_ticks) {
  std::vector<double> out;
  if (!(hi > lo) || !std::isfinite(lo) || !std::isfinite(hi)) return out;
  const double m = std::max(std::abs(lo), std::abs(hi));
  const int top = static_cast<int>(std::floor(m)) + 1;
  int count = 1;
  for (int e = 0; e <= top; ++e) {
    const double u = std::log10(1.0 + std::pow(10.0, e));
    count += (u <= hi) + (-u >= lo);
  }
  const int every = std::max(1, (count + std::max(max_ticks, 1) - 1) / std::max(max_ticks, 1));
  if (lo <= 0 && hi >= 0) out.push_back(0);
  for (int e = 0; e <= top; e += every) {
    const double v = std::pow(10.0, e), u = std::log10(1.0 + v);
    if (u <= hi) out.push_back(v);
    if (-u >= lo) out.push_back(-v);
  }
  return out;
}

}  // namespace adamlab::ui
