// Numeric edges of what the playground draws: the landscape raster and the loss chart's scale on
// problems unbounded below (saddle), with negative losses (styblinski_tang), and far out where
// the loss overflows (goldstein_price). Nothing may paint garbage: no NaN colours, no denormal
// colour-bar labels, no contour through a non-finite cell, no empty chart.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <memory>
#include <set>

#include "core/spec.h"
#include "problems/problem.h"
#include "sim/colormap.h"
#include "sim/landscape.h"
#include "sim/scene.h"
#include "ui/chart_scale.h"

namespace adamlab {
namespace {

std::unique_ptr<Problem> problem(const std::string& spec) { return make_problem(parse_spec(spec)); }

std::size_t distinct_colours(const LandscapeRaster& r) {
  return std::set<std::uint32_t>(r.rgba.begin(), r.rgba.end()).size();
}

void expect_sane_scale(const LandscapeRaster& r) {
  EXPECT_TRUE(std::isfinite(r.lo) && std::isfinite(r.hi)) << r.lo << " " << r.hi;
  EXPECT_GT(r.hi, r.lo);
  EXPECT_TRUE(std::isfinite(r.floor));
  EXPECT_GT(r.floor, 1e-250);  // never a denormal scale ("1e-311 .. 1e-312")
  EXPECT_TRUE(std::isfinite(r.base));
  for (const auto& c : r.contours)
    EXPECT_TRUE(std::isfinite(c.x0) && std::isfinite(c.y0) && std::isfinite(c.x1) && std::isfinite(c.y1));
}

TEST(LandscapeNumerics, SaddleWithInfiniteFStarIsShiftedByTheLowestLossInView) {
  auto p = problem("saddle");
  ASSERT_EQ(p->min_value(), -std::numeric_limits<double>::infinity());
  const LandscapeRaster r = landscape_raster(*p, p->view(), 120, 90);
  expect_sane_scale(r);
  EXPECT_FALSE(r.base_is_fstar);
  EXPECT_LT(r.base, 0);  // x^2 - y^2 is negative along the y axis
  EXPECT_GT(distinct_colours(r), 100u) << "one flat colour";
  EXPECT_GT(r.contours.size(), 100u);
  EXPECT_EQ(r.nonfinite_cells, 0u);
  EXPECT_EQ(landscape_scale_title(r).rfind("loss - m, m = -", 0), 0u) << landscape_scale_title(r);
  // Higher loss, higher colour.
  EXPECT_LT(landscape_colour_position(r, p->value(0, p->view().ymax)), landscape_colour_position(r, p->value(p->view().xmax, 0)));
}

TEST(LandscapeNumerics, StyblinskiTangNegativeLossesMeasureFromFStar) {
  auto p = problem("styblinski_tang");
  ASSERT_LT(p->min_value(), 0);
  const LandscapeRaster r = landscape_raster(*p, p->view(), 120, 90);
  expect_sane_scale(r);
  EXPECT_TRUE(r.base_is_fstar);
  EXPECT_EQ(r.base, p->min_value());
  EXPECT_EQ(landscape_scale_title(r), "loss - f*");
  EXPECT_GT(distinct_colours(r), 100u);
}

TEST(LandscapeNumerics, GoldsteinPriceFarOutOverflowsToTheTopColourNotGarbage) {
  auto p = problem("goldstein_price");
  // Far enough out that the loss (degree 8) overflows to inf in the corners.
  const Rect far{-1e40, 1e40, -1e40, 1e40};
  ASSERT_FALSE(std::isfinite(p->value(1e40, 1e40)));
  const LandscapeRaster r = landscape_raster(*p, far, 64, 64);
  expect_sane_scale(r);
  EXPECT_GT(r.nonfinite_cells, 0u);
  const auto top = viridis_table()[255];
  for (std::size_t k = 0; k < r.rgba.size(); ++k)
    if (std::isinf(r.log_gap[k])) EXPECT_EQ(r.rgba[k], top);
  EXPECT_EQ(landscape_colour_position(r, std::numeric_limits<double>::infinity()), 1.0);
  EXPECT_EQ(landscape_colour_position(r, std::numeric_limits<double>::quiet_NaN()), 0.0);
  // Zoomed out in steps from the default view: the scale stays finite all the way.
  for (double half = 2; half < 1e200; half *= 1e6) {
    const LandscapeRaster z = landscape_raster(*p, Rect{-half, half, -half, half}, 40, 40);
    expect_sane_scale(z);
  }
}

TEST(LandscapeNumerics, AFlatViewIsOneHonestDecadeNotDenormals) {
  // Zoomed into a single point of the quadratic's minimum: every cell is ~0.
  auto p = problem("quadratic");
  const LandscapeRaster r = landscape_raster(*p, Rect{-1e-200, 1e-200, -1e-200, 1e-200}, 16, 16);
  expect_sane_scale(r);
}

TEST(ChartScale, SaddleLossChartUsesASymmetricLogThatShowsNegativeLosses) {
  const ui::ChartScale kind = ui::chart_scale_kind(true, -std::numeric_limits<double>::infinity());
  EXPECT_EQ(kind.kind, ui::ChartScaleKind::symlog);
  ui::ChartRange range(kind);
  range.add_start(24.0);
  for (double v : {24.0, 10.0, 0.0, -5.0, -300.0, -std::numeric_limits<double>::infinity()}) range.add(v);
  const ui::ChartScale s = range.fit();
  EXPECT_TRUE(std::isfinite(s.lo) && std::isfinite(s.hi));
  EXPECT_LT(s.lo, kind.to_unit(-300.0));
  EXPECT_GT(s.hi, kind.to_unit(24.0));
  // Every finite value is plottable, in order.
  EXPECT_LT(s.fraction(-300), s.fraction(-5));
  EXPECT_LT(s.fraction(-5), s.fraction(0));
  EXPECT_LT(s.fraction(0), s.fraction(10));
  EXPECT_NEAR(s.from_unit(s.to_unit(-300)), -300, 1e-9);
  const auto ticks = ui::symlog_ticks(s.lo, s.hi, 8);
  EXPECT_NE(std::find(ticks.begin(), ticks.end(), 0.0), ticks.end());
  EXPECT_NE(std::find(ticks.begin(), ticks.end(), -100.0), ticks.end());
  EXPECT_LE(ticks.size(), 10u);
}

TEST(ChartScale, SaddleRunFallingToMinusInfinityLeavesThroughTheBottom) {
  ui::ChartRange range(ui::chart_scale_kind(true, -std::numeric_limits<double>::infinity()));
  range.add_start(1.0);
  for (double v : {1.0, -1e5, -1e300}) range.add(v);
  const ui::ChartScale s = range.fit();
  EXPECT_GT(s.lo, s.to_unit(-1e300));  // capped: 1e3 times the start
  EXPECT_GE(s.fraction(-1e300), -1.0 - 1e-9);  // clamped, never a huge pixel
}

TEST(ChartScale, StyblinskiTangLogScaleMeasuresFromFStar) {
  const double fstar = -78.33233140754282;
  const ui::ChartScale kind = ui::chart_scale_kind(true, fstar);
  EXPECT_EQ(kind.kind, ui::ChartScaleKind::log);
  ui::ChartRange range(kind);
  range.add_start(-20.0);
  for (double v : {-20.0, -60.0, -78.0, -78.332}) range.add(v);
  const ui::ChartScale s = range.fit();
  EXPECT_LE(s.lo, std::log10(-78.332 - fstar));
  EXPECT_GE(s.hi, std::log10(-20.0 - fstar));
  EXPECT_TRUE(std::isnan(kind.to_unit(fstar)));  // the minimum itself is below every log scale
}

TEST(ChartScale, NothingPlottableGivesAUsableDefaultRange) {
  for (bool log : {false, true}) {
    ui::ChartRange range(ui::chart_scale_kind(log, 0.0));
    range.add(std::numeric_limits<double>::quiet_NaN());
    const ui::ChartScale s = range.fit();
    EXPECT_GT(s.hi, s.lo);
  }
}

TEST(ChartScale, LinearScaleSurvivesNegativeAndHugeValues) {
  ui::ChartRange range(ui::chart_scale_kind(false, 0.0));
  range.add_start(-20);
  for (double v : {-20.0, -78.0, 1e300}) range.add(v);
  const ui::ChartScale s = range.fit();
  EXPECT_TRUE(std::isfinite(s.lo) && std::isfinite(s.hi));
  EXPECT_LT(s.lo, -78.0);
  EXPECT_LE(s.hi, 1e3 * 20 * 1.2);
}

// A scene on saddle played at the limit: the run escapes to -inf loss and is reported diverged,
// never a crash; the history stays bounded.
TEST(SceneNumerics, SaddleRunsEscapeAndStopAtTheirDivergence) {
  Scene scene("saddle");
  scene.add_run("sgd:lr=0.5");
  scene.add_run("adam:lr=0.1");
  scene.set_step_limit(Scene::kMaxStepLimit);
  scene.step(Scene::kMaxStepLimit);
  EXPECT_EQ(scene.step_count(), Scene::kMaxStepLimit);
  for (const auto& r : scene.runs()) {
    EXPECT_LE(r.history.rows().size(), r.history.capacity());
    EXPECT_LT(r.run.row().loss, 0);
  }
  EXPECT_TRUE(scene.runs()[0].run.diverged());
}

}  // namespace
}  // namespace adamlab
