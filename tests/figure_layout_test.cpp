// The exported figure's layout (ui/layout.h compute_figure_layout): the map and the chart fill
// the display, no control column, the chart only where its plot is readable.
#include <gtest/gtest.h>

#include "ui/layout.h"

namespace adamlab::ui {
namespace {

TEST(FigureLayout, MapAndChartFillTheDisplayWithoutAColumn) {
  for (auto [w, h] : {std::pair{1280.0f, 800.0f}, {1920.0f, 1080.0f}, {390.0f, 844.0f}, {900.0f, 600.0f}}) {
    const ScreenLayout f = compute_figure_layout(w, h, true);
    EXPECT_TRUE(f.controls.empty()) << w << "x" << h;
    EXPECT_EQ(f.map.x, 0);
    EXPECT_EQ(f.map.y, 0);
    EXPECT_EQ(f.map.w, w);
    ASSERT_TRUE(f.chart_readable) << w << "x" << h;
    EXPECT_EQ(f.chart.w, w);
    EXPECT_EQ(f.map.bottom(), f.chart.y);
    EXPECT_EQ(f.chart.bottom(), h);
    EXPECT_GE(f.chart.h - kEmbedChartChrome, kMinPlotHeight);
    EXPECT_GT(f.map.h, f.chart.h) << "the map stays the larger part";
  }
}

TEST(FigureLayout, NoChartWhenHiddenOrTooShort) {
  const ScreenLayout hidden = compute_figure_layout(1280, 800, false);
  EXPECT_TRUE(hidden.chart.empty());
  EXPECT_FALSE(hidden.chart_readable);
  EXPECT_EQ(hidden.map.h, 800);
  const ScreenLayout shallow = compute_figure_layout(600, 200, true);
  EXPECT_TRUE(shallow.chart.empty());
  EXPECT_EQ(shallow.map.h, 200);
}

}  // namespace
}  // namespace adamlab::ui
