#pragma once
// Placing overlays on the map (toolbar, colour bar, legend, hover read-out, anatomy legend) so
// they never hide what the figure is about: pure and header-only (tests/layout_test.cpp).
// Each overlay tries the map's corners and edge midpoints in its preferred order and takes the
// first spot clear of the hard points (the start marker, the minima) and of overlays placed
// before it, preferring spots that cover fewer soft points (path samples, run heads). When no
// spot is clear the caller collapses or fades the overlay: the figure wins.
#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "ui/layout.h"

namespace adamlab::ui {

enum class Anchor { top_left, top_right, bottom_left, bottom_right, top_centre, bottom_centre, left_centre, right_centre };

struct Placement {
  Box box;
  bool clear = false;  // covers no hard point and no earlier overlay
  int soft_hits = 0;   // soft points under it
  int hard_hits = 0;   // hard points under it
  int overlaps = 0;    // earlier overlays it overlaps
};

class OverlayPlacer {
 public:
  // `area`: the map; `inset`: the margins of the map kept for axis labels (left, top, right, bottom).
  OverlayPlacer(Box area, std::array<float, 4> inset) : area_(area), inset_(inset) {}

  // A circle of radius r that no overlay may cover (start marker, minimum).
  void keep_clear(float x, float y, float r) { hard_.push_back({x, y, r}); }
  // A point better left visible (a path sample, a run's head).
  void prefer_clear(float x, float y) { soft_.push_back({x, y, 0}); }
  // An overlay already on the map (placed elsewhere).
  void reserve(const Box& b) { if (!b.empty()) taken_.push_back(b); }

  Box box_at(Anchor a, float w, float h) const {
    const float l = area_.x + inset_[0], t = area_.y + inset_[1];
    const float r = area_.right() - inset_[2] - w, b = area_.bottom() - inset_[3] - h;
    const float cx = area_.x + (area_.w - w) / 2, cy = area_.y + (area_.h - h) / 2;
    switch (a) {
      case Anchor::top_left: return {l, t, w, h};
      case Anchor::top_right: return {r, t, w, h};
      case Anchor::bottom_left: return {l, b, w, h};
      case Anchor::bottom_right: return {r, b, w, h};
      case Anchor::top_centre: return {cx, t, w, h};
      case Anchor::bottom_centre: return {cx, b, w, h};
      case Anchor::left_centre: return {l, cy, w, h};
      case Anchor::right_centre: return {r, cy, w, h};
    }
    return {l, t, w, h};
  }

  // The best spot for a w x h overlay: the first of `prefs` that is clear with the fewest soft
  // points (ties go to the earlier preference), else the least bad of every anchor. The chosen
  // box is reserved, so later overlays avoid it.
  // `sticky`: last frame's box for this overlay; staying there is worth a few soft points, so
  // an overlay does not jump back and forth while a path grows under its candidates.
  Placement place(float w, float h, const std::vector<Anchor>& prefs, const Box& sticky = Box{}) {
    static constexpr Anchor kAll[] = {Anchor::top_left,      Anchor::top_right,     Anchor::bottom_left,  Anchor::bottom_right,
                                      Anchor::top_centre,    Anchor::bottom_centre, Anchor::left_centre, Anchor::right_centre};
    Placement best;
    double best_score = std::numeric_limits<double>::infinity();
    auto consider = [&](Anchor a, double order) {
      const Box b = box_at(a, w, h);
      if (b.x < area_.x - 0.5f || b.y < area_.y - 0.5f || b.right() > area_.right() + 0.5f || b.bottom() > area_.bottom() + 0.5f)
        return;  // does not fit this map at all
      const Placement p = evaluate(b);
      // Covering the start or a minimum is worst, then covering another overlay; either outweighs
      // any number of soft points; order breaks ties.
      const bool same = !sticky.empty() && std::abs(b.x - sticky.x) < 0.5f && std::abs(b.y - sticky.y) < 0.5f;
      const double score = 1e6 * p.hard_hits + 1e5 * p.overlaps + 10.0 * p.soft_hits + order - (same ? 5.0 : 0.0);
      if (score < best_score) best_score = score, best = p;
    };
    for (std::size_t i = 0; i < prefs.size(); ++i) consider(prefs[i], static_cast<double>(i));
    if (!best.clear)
      for (Anchor a : kAll) consider(a, 100.0);
    if (best_score == std::numeric_limits<double>::infinity()) best.box = box_at(prefs.empty() ? Anchor::top_left : prefs[0], w, h);
    reserve(best.box);
    return best;
  }

  // How `b` fares: clear of hard points and earlier overlays, and its soft points.
  Placement evaluate(const Box& b) const {
    Placement p{b, true, 0};
    for (const auto& c : hard_)
      if (b.distance(c.x, c.y) < c.r) ++p.hard_hits;
    for (const auto& t : taken_)
      if (b.overlaps(t)) ++p.overlaps;
    p.clear = p.hard_hits == 0 && p.overlaps == 0;
    for (const auto& c : soft_)
      if (b.contains(c.x, c.y)) ++p.soft_hits;
    return p;
  }

 private:
  struct Circle {
    float x, y, r;
  };
  Box area_;
  std::array<float, 4> inset_;
  std::vector<Circle> hard_, soft_;
  std::vector<Box> taken_;
};

}  // namespace adamlab::ui
