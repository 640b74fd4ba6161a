// The view invariant (sim/view_rect.h) and the one class every view change goes through
// (ui/map_view.h): no link, zoom, pan or resize, however extreme, leaves a view that is
// non-finite, zero-sized or that the page's own link cannot load back.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "core/error.h"
#include "sim/link.h"
#include "sim/view_rect.h"
#include "ui/map_view.h"

namespace adamlab::ui {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMax = std::numeric_limits<double>::max();

// The invariant, checked from the outside: finite, spans in range, centre in range, and the
// view loads back through a link.
void expect_valid(const MapView& m) {
  ASSERT_TRUE(m.transform().has_value());
  const Rect v = m.transform()->visible();
  for (double e : {v.xmin, v.xmax, v.ymin, v.ymax}) ASSERT_TRUE(std::isfinite(e));
  EXPECT_GT(v.xmax - v.xmin, 0);
  EXPECT_GT(v.ymax - v.ymin, 0);
  if (m.requested()) {
    EXPECT_EQ(view_rect_problem(*m.requested()), "");
    SceneLink L;
    L.view = *m.requested();
    const ParsedLink back = parse_link(to_link(L));
    EXPECT_TRUE(back.errors.empty()) << to_link(L) << ": " << (back.errors.empty() ? "" : back.errors[0]);
  }
  const Point a = m.transform()->to_pixel(v.xmin, v.ymin), b = m.transform()->to_pixel(v.xmax, v.ymax);
  EXPECT_GT(b.x - a.x, 0.5);  // distinct pixels: the view did not collapse in floating point
}

MapView on_screen(double w = 800, double h = 600) {
  MapView m;
  m.set_default(Rect{-2, 2, -1, 3});
  m.set_screen(PixelRect{0, 0, w, h});
  return m;
}

TEST(ViewRect, RefusesWhatALinkMustNotLoadNamingTheValue) {
  EXPECT_NE(view_rect_problem(Rect{0, kMax, 0, 1}).find("view width"), std::string::npos);
  EXPECT_NE(view_rect_problem(Rect{1e308, kMax, 0, 1}).find("view width"), std::string::npos);
  EXPECT_EQ(view_rect_problem(Rect{0, 0, 0, 1}), "view width must be positive, not 0");
  EXPECT_NE(view_rect_problem(Rect{1e301, 1e301 * (1 + 1e-6), 0, 1}).find("view centre"), std::string::npos);
  EXPECT_NE(view_rect_problem(Rect{1e11, 1e11 + 1e-3, 0, 1}).find("too small at"), std::string::npos);
  EXPECT_NE(view_rect_problem(Rect{0, 1, -kInf, 1}).find("view height edges must be finite"), std::string::npos);
  EXPECT_EQ(view_rect_problem(Rect{-2, 2, -1, 3}), "");
}

TEST(ViewRect, ClampKeepsTheCentreAndBoundsEachSpan) {
  const Rect r = *clamp_view_rect(Rect{0, kMax, 0, 1e-300});
  EXPECT_EQ(view_rect_problem(r), "");
  EXPECT_DOUBLE_EQ(r.xmax - r.xmin, ViewLimits::kMaxSpan);
  EXPECT_GE(r.ymax - r.ymin, ViewLimits::kMinSpan);
  EXPECT_FALSE(clamp_view_rect(Rect{0, kInf, 0, 1}).has_value());
  EXPECT_FALSE(clamp_view_rect(Rect{0, 1, std::nan(""), 1}).has_value());
}

TEST(ViewRect, AViewClampedToTheMinimumSpanFarOutLoadsBackFromItsLink) {
  for (double c : {0.0, 1.0, -3e5, 7e11, 1e12, -1e300}) {
    const Rect r = *clamp_view_rect(Rect{c, c, c, c});
    EXPECT_EQ(view_rect_problem(r), "") << c;
    SceneLink L;
    L.view = r;
    EXPECT_TRUE(parse_link(to_link(L)).errors.empty()) << to_link(L);
  }
}

TEST(ViewRect, AViewInsideTheInvariantIsKeptToTheLastBit) {
  // A link's view must come back exactly: recomputing edges from centre and span moved them.
  const Rect r{-2.5420875420875424, 0.8922558922558923, -0.5084175084175085, 2.1582491582491583};
  const Rect c = *clamp_view_rect(r);
  EXPECT_EQ(c.xmin, r.xmin);
  EXPECT_EQ(c.xmax, r.xmax);
  EXPECT_EQ(c.ymin, r.ymin);
  EXPECT_EQ(c.ymax, r.ymax);
}

TEST(MapView, ARefusedZoomNamesTheValueAndChangesNothing) {
  MapView m = on_screen();
  m.request(Rect{-1, 1, -1, 1});
  const Rect before = *m.requested();
  for (double f : {0.0, -2.0, kInf, std::nan("")}) {
    try {
      m.zoom_at(f, 100, 100);
      ADD_FAILURE() << "zoom factor " << f << " was accepted";
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find("invalid zoom factor"), std::string::npos) << e.what();
    }
  }
  EXPECT_THROW(m.zoom_at(2, kInf, 0), Error);
  EXPECT_EQ(m.requested()->xmin, before.xmin);
  EXPECT_EQ(m.requested()->xmax, before.xmax);
  MapView undrawn;
  EXPECT_THROW(undrawn.zoom_at(2, 0, 0), Error);
}

TEST(MapView, ExtremeZoomStopsAtTheSpanLimitsAndStaysValid) {
  MapView m = on_screen();
  m.zoom_at(1e-300, 1e308, 1e308);  // the page-killing call
  expect_valid(m);
  EXPECT_LE(m.transform()->visible().xmax - m.transform()->visible().xmin, ViewLimits::kMaxSpan * 1.000001);
  m.zoom_at(1e300, 400, 300);
  expect_valid(m);
  for (int i = 0; i < 200; ++i) m.zoom_at(1e3, 123, 456);
  expect_valid(m);
  for (int i = 0; i < 200; ++i) m.zoom_at(1e-3, 700, 10);
  expect_valid(m);
}

TEST(MapView, ZoomingFarInFarOutDoesNotCollapseTheView) {
  MapView m = on_screen();
  m.request(Rect{1e12 - 1, 1e12 + 1, -1, 1});  // far out, as a pan to 1e12 leaves it
  for (int i = 0; i < 100; ++i) m.zoom_at(10, 400, 300);
  expect_valid(m);
  const Rect v = m.transform()->visible();
  EXPECT_GE(v.xmax - v.xmin, 1e12 * ViewLimits::kMinRelativeSpan * 0.999);
}

TEST(MapView, ZoomKeepsThePointUnderTheCursorUntilTheLimit) {
  MapView m = on_screen();
  const Point before = m.transform()->to_plot(200, 150);
  m.zoom_at(4, 200, 150);
  const Point after = m.transform()->to_plot(200, 150);
  EXPECT_NEAR(after.x, before.x, 1e-12);
  EXPECT_NEAR(after.y, before.y, 1e-12);
}

TEST(MapView, HugeLinkViewThenDragStaysFinite) {
  // #view=0,1.7e308,0,1 then one drag used to make the view inf/nan and kill the page.
  MapView m = on_screen();
  m.request(Rect{0, 1.7e308, 0, 1});
  expect_valid(m);
  m.pan(250, -40);
  expect_valid(m);
  for (int i = 0; i < 1000; ++i) m.pan(1e5, -1e5);
  expect_valid(m);
  m.pan(kInf, 0);
  expect_valid(m);
}

TEST(MapView, NonFiniteRequestsAndScreensLeaveAValidView) {
  MapView m = on_screen();
  m.request(Rect{-1, 1, -1, 1});
  m.request(Rect{std::nan(""), 1, 0, 1});
  EXPECT_EQ(m.requested()->xmin, -1);
  for (double w : {0.0, -5.0, kInf, std::nan(""), 1e300}) {
    m.set_screen(PixelRect{0, 0, w, 300});
    expect_valid(m);
  }
}

}  // namespace
}  // namespace adamlab::ui
