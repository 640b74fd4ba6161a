// The landscape canvas's pure pieces: plot <-> pixel mapping, pan, zoom, ticks, colour map,
// raster and contours.
#include <gtest/gtest.h>

#include <cmath>

#include "problems/problem.h"
#include "sim/colormap.h"
#include "sim/landscape.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

const Rect kSquare{-1, 1, -1, 1};

TEST(ViewTransform, MapsTheRequestedRectangleIntoTheScreenCentred) {
  ViewTransform v(kSquare, PixelRect{10, 20, 200, 100});  // wider than tall: fit the height
  const Point top_left = v.to_pixel(-1, 1), centre = v.to_pixel(0, 0);
  EXPECT_DOUBLE_EQ(centre.x, 110);
  EXPECT_DOUBLE_EQ(centre.y, 70);
  EXPECT_DOUBLE_EQ(top_left.y, 20);    // y grows upwards in plot space
  EXPECT_DOUBLE_EQ(top_left.x, 60);    // equal units per pixel: the square stays square
  EXPECT_DOUBLE_EQ(v.units_per_pixel(), 0.02);
}

TEST(ViewTransform, ToPlotInvertsToPixel) {
  ViewTransform v(Rect{-2, 2, -1, 3}, PixelRect{0, 0, 640, 480});
  const Point p = v.to_plot(123.5, 456.25);
  const Point q = v.to_pixel(p.x, p.y);
  EXPECT_NEAR(q.x, 123.5, 1e-9);
  EXPECT_NEAR(q.y, 456.25, 1e-9);
}

TEST(ViewTransform, PanningMovesContentWithTheMouse) {
  ViewTransform v(kSquare, PixelRect{0, 0, 100, 100});
  const Point before = v.to_plot(30, 40);
  ViewTransform moved(v.panned(10, -5), PixelRect{0, 0, 100, 100});
  const Point after = moved.to_plot(40, 35);
  EXPECT_NEAR(after.x, before.x, 1e-12);
  EXPECT_NEAR(after.y, before.y, 1e-12);
}

TEST(ViewTransform, ZoomKeepsThePointUnderTheMouseFixed) {
  ViewTransform v(kSquare, PixelRect{0, 0, 100, 100});
  const Point anchor = v.to_plot(25, 75);
  ViewTransform zoomed(v.zoomed(2, 25, 75), PixelRect{0, 0, 100, 100});
  EXPECT_NEAR(zoomed.units_per_pixel(), v.units_per_pixel() / 2, 1e-15);
  const Point same = zoomed.to_plot(25, 75);
  EXPECT_NEAR(same.x, anchor.x, 1e-12);
  EXPECT_NEAR(same.y, anchor.y, 1e-12);
}

TEST(ViewTransform, ZoomIsClampedToSaneScales) {
  ViewTransform v(kSquare, PixelRect{0, 0, 100, 100});
  ViewTransform deep(v.zoomed(1e30, 50, 50), PixelRect{0, 0, 100, 100});
  EXPECT_GE(deep.units_per_pixel(), 1e-9 * 0.999);
}

TEST(NiceTicks, AreRoundNumbersCoveringTheRange) {
  const auto t = nice_ticks(-2, 2, 4);
  ASSERT_FALSE(t.empty());
  EXPECT_DOUBLE_EQ(t.front(), -2);
  EXPECT_DOUBLE_EQ(t.back(), 2);
  const auto fine = nice_ticks(0.1, 0.35, 5);
  const std::vector<double> want{0.1, 0.15, 0.2, 0.25, 0.3, 0.35};
  ASSERT_EQ(fine.size(), want.size());
  for (std::size_t i = 0; i < want.size(); ++i) EXPECT_NEAR(fine[i], want[i], 1e-12);
  EXPECT_TRUE(nice_ticks(1, 1, 5).empty());
}

TEST(Colormap, ViridisRunsFromDarkPurpleToYellowWithRisingLightness) {
  const Rgb lo = viridis(0), hi = viridis(1);
  EXPECT_NEAR(lo.r, 0.267, 0.02);
  EXPECT_NEAR(lo.b, 0.329, 0.02);
  EXPECT_NEAR(hi.r, 0.993, 0.02);
  EXPECT_NEAR(hi.g, 0.906, 0.02);
  double last = -1;
  for (int i = 0; i <= 64; ++i) {
    const Rgb c = viridis(i / 64.0);
    const double luma = 0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b;
    EXPECT_GT(luma, last) << i;
    last = luma;
  }
}

TEST(Landscape, RasterIsFiniteAndDarkestNearTheMinimum) {
  auto problem = make_problem(parse_spec("rosenbrock"));
  const LandscapeRaster r = landscape_raster(*problem, Rect{-2, 2, -1, 3}, 80, 80);
  ASSERT_EQ(r.rgba.size(), 6400u);
  for (float v : r.log_gap) ASSERT_TRUE(std::isfinite(v));
  EXPECT_LT(landscape_colour_position(r, problem->value(1, 1)), 0.05);
  EXPECT_GT(landscape_colour_position(r, problem->value(-2, -1)), 0.9);
  EXPECT_FALSE(r.contours.empty());
}

TEST(Landscape, ContourSegmentsLieInsideTheRaster) {
  auto problem = make_problem(parse_spec("himmelblau"));
  const Rect rect{-5, 5, -5, 5};
  const LandscapeRaster r = landscape_raster(*problem, rect, 60, 40);
  for (const auto& s : r.contours) {
    ASSERT_GE(s.x0, rect.xmin);
    ASSERT_LE(s.x0, rect.xmax);
    ASSERT_GE(s.y1, rect.ymin);
    ASSERT_LE(s.y1, rect.ymax);
    ASSERT_GE(s.level, 0);
    ASSERT_LT(s.level, static_cast<int>(r.levels.size()));
  }
}

}  // namespace
}  // namespace adamlab::ui
