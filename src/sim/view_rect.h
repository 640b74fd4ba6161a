#pragma once
// The landscape's view rectangle and the invariant every path that changes it keeps (links, zoom,
// pan, drag, resize, the JS API): finite edges, width and height within [kMinSpan, kMaxSpan] and
// at least kMinRelativeSpan of the centre's magnitude (so xmax - xmin stays a representable,
// positive number of pixels apart, however far out the view is), and the centre within
// kMaxCentre of the origin. Headless: the link parser and the UI share it.
#include <optional>
#include <string>

#include "problems/problem.h"

namespace adamlab {

struct ViewLimits {
  static constexpr double kMinSpan = 1e-9;
  // Far enough out to see a landscape overflow (Goldstein-Price passes 1e308 near 1e38), near
  // enough that the visible rectangle on any screen (aspect up to 1e5) stays finite.
  static constexpr double kMaxSpan = 1e300;
  static constexpr double kMaxCentre = 1e300;
  // A span of 1e-9 of |centre| leaves ~10^6 ulps per span: pixels stay distinct at 8k px.
  static constexpr double kMinRelativeSpan = 1e-9;
};

// Why `r` breaks the invariant ("" = it keeps it), naming the offending value. Links are checked
// with this; a tiny relative slack (1e-9) lets a clamped view written at %.17g load back.
std::string view_rect_problem(const Rect& r);

// The nearest rectangle that keeps the invariant: the centre clamped, then each span clamped
// about it. nullopt when an edge is not finite (the caller keeps the view it had).
std::optional<Rect> clamp_view_rect(const Rect& r);

}  // namespace adamlab
