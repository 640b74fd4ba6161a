#include "sim/view_rect.h"

#include <algorithm>
#include <cmath>

#include "core/spec.h"

namespace adamlab {
namespace {

constexpr double kSlack = 1e-9;

double min_span_at(double centre) {
  return std::max(ViewLimits::kMinSpan, std::abs(centre) * ViewLimits::kMinRelativeSpan);
}

std::string span_problem(const char* what, double lo, double hi) {
  const double span = hi - lo, centre = 0.5 * lo + 0.5 * hi;
  const std::string range = " (" + format_number(ViewLimits::kMinSpan) + " to " + format_number(ViewLimits::kMaxSpan) + ")";
  if (!std::isfinite(lo) || !std::isfinite(hi)) return std::string("view ") + what + " edges must be finite";
  if (!std::isfinite(span) || span > ViewLimits::kMaxSpan * (1 + kSlack))
    return std::string("view ") + what + " " + format_number(span) + " is too large" + range;
  if (!(span > 0)) return std::string("view ") + what + " must be positive, not " + format_number(span);
  if (std::abs(centre) > ViewLimits::kMaxCentre * (1 + kSlack))
    return std::string("view centre ") + format_number(centre) + " is too far out (at most " +
           format_number(ViewLimits::kMaxCentre) + " from 0)";
  if (span < min_span_at(centre) * (1 - kSlack))
    return std::string("view ") + what + " " + format_number(span) + " is too small at " + format_number(centre) +
           " (at least " + format_number(min_span_at(centre)) + ")";
  return "";
}

// [lo, hi] with its centre within kMaxCentre and its span within [min_span_at(centre), kMaxSpan].
// An axis already inside is left exactly as it is (recomputing it from centre and span would
// move its edges by an ulp, and a link would no longer load back to the same view).
void clamp_axis(double& lo, double& hi) {
  if (span_problem("", lo, hi).empty()) return;
  const double centre = std::clamp(0.5 * lo + 0.5 * hi, -ViewLimits::kMaxCentre, ViewLimits::kMaxCentre);
  const double half = 0.5 * std::clamp(hi - lo, min_span_at(centre), ViewLimits::kMaxSpan);
  lo = centre - half;
  hi = centre + half;
  // Rounding can leave hi - lo a hair under the minimum: widen by whole ulps until it is not.
  while (hi - lo < min_span_at(centre)) {
    lo = std::nextafter(lo, -INFINITY);
    hi = std::nextafter(hi, INFINITY);
  }
}

}  // namespace

std::string view_rect_problem(const Rect& r) {
  std::string p = span_problem("width", r.xmin, r.xmax);
  return p.empty() ? span_problem("height", r.ymin, r.ymax) : p;
}

std::optional<Rect> clamp_view_rect(const Rect& r) {
  if (!std::isfinite(r.xmin) || !std::isfinite(r.xmax) || !std::isfinite(r.ymin) || !std::isfinite(r.ymax)) return std::nullopt;
  Rect out = r;
  if (out.xmax < out.xmin) std::swap(out.xmin, out.xmax);
  if (out.ymax < out.ymin) std::swap(out.ymin, out.ymax);
  clamp_axis(out.xmin, out.xmax);
  clamp_axis(out.ymin, out.ymax);
  return out;
}

}  // namespace adamlab
