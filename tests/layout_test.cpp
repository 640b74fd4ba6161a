// The playground's layout rules (ui/layout.h), overlay placement (ui/overlay_layout.h), short
// legend labels (ui/legend_text.h) and the chart's log range padding (ui/chart_scale.h), checked
// at the sizes issue 10 names: desktops, a phone, embeds from 320 x 240 up.
#include <gtest/gtest.h>

#include "ui/chart_scale.h"
#include "ui/layout.h"
#include "ui/legend_text.h"
#include "ui/overlay_layout.h"

namespace adamlab::ui {
namespace {

ScreenLayout desktop(float w, float h) { return compute_layout({w, h, false, true, true, false}); }
ScreenLayout embed(float w, float h) { return compute_layout({w, h, true, false, true, false}); }

TEST(Layout, DesktopKeepsTheColumnLeftAndTheMapLargest) {
  for (auto [w, h] : {std::pair{1280.0f, 800.0f}, {1920.0f, 1080.0f}, {1024.0f, 768.0f}}) {
    const ScreenLayout l = desktop(w, h);
    EXPECT_EQ(l.mode, LayoutMode::desktop);
    EXPECT_FLOAT_EQ(l.controls.x, 0);
    EXPECT_FLOAT_EQ(l.map.x, l.controls.right());
    EXPECT_GT(l.map.w * l.map.h, l.chart.w * l.chart.h);
    EXPECT_FLOAT_EQ(l.map.bottom(), l.chart.y);
    EXPECT_FLOAT_EQ(l.chart.bottom(), h);
    EXPECT_TRUE(l.chart_readable);
  }
}

TEST(Layout, ShortDesktopStillGetsAReadablePlot) {
  // Issue 10: at 1024 x 440 the plot was about 25 px tall.
  const ScreenLayout l = desktop(1024, 440);
  EXPECT_GE(l.chart.h - kChartChrome, 120);
  EXPECT_GT(l.map.h, l.chart.h);
}

TEST(Layout, PhonePutsTheMapOnTopAtFullWidthAndTheSheetBelow) {
  const ScreenLayout l = compute_layout({390, 844, false, true, true, false});
  EXPECT_EQ(l.mode, LayoutMode::phone);
  EXPECT_TRUE(l.touch);
  EXPECT_FLOAT_EQ(l.map.w, 390);
  EXPECT_FLOAT_EQ(l.map.y, 0);
  EXPECT_FLOAT_EQ(l.controls.y, l.map.bottom());
  EXPECT_FLOAT_EQ(l.controls.bottom(), 844);
  EXPECT_GE(l.map.h, 844 * 0.45f);
  EXPECT_TRUE(l.chart_readable);
}

TEST(Layout, SmallEmbedsGiveTheMapEverythingAndNoUnreadableChart) {
  for (auto [w, h] : {std::pair{480.0f, 320.0f}, {360.0f, 240.0f}, {320.0f, 240.0f}}) {
    const ScreenLayout l = embed(w, h);
    EXPECT_EQ(l.mode, LayoutMode::embed);
    EXPECT_FALSE(l.chart_readable) << w << "x" << h;
    EXPECT_TRUE(l.chart.empty());
    EXPECT_FLOAT_EQ(l.map.w, w);
    EXPECT_FLOAT_EQ(l.map.h, h);
  }
}

TEST(Layout, LargerEmbedsShowAReadableChartUnderALargerMap) {
  const ScreenLayout l = embed(720, 440);
  EXPECT_TRUE(l.chart_readable);
  EXPECT_GE(l.chart.h - kEmbedChartChrome, kMinPlotHeight);
  EXPECT_GE(l.map.h, 440 * 0.6f - 0.5f);
}

TEST(Layout, EmbedWithoutTheLossPanelHasNoChart) {
  const ScreenLayout l = compute_layout({720, 440, true, false, false, false});
  EXPECT_TRUE(l.chart.empty());
  EXPECT_FALSE(l.chart_readable);
}

TEST(OverlayPlacer, TakesTheFirstPreferredCornerWhenClear) {
  OverlayPlacer p(Box{0, 0, 400, 300}, {10, 10, 10, 10});
  const Placement a = p.place(100, 40, {Anchor::top_right, Anchor::top_left});
  EXPECT_TRUE(a.clear);
  EXPECT_FLOAT_EQ(a.box.x, 290);
  EXPECT_FLOAT_EQ(a.box.y, 10);
}

TEST(OverlayPlacer, MovesAwayFromTheStartMarker) {
  OverlayPlacer p(Box{0, 0, 400, 300}, {10, 10, 10, 10});
  p.keep_clear(330, 25, 14);  // the start sits in the top-right corner
  const Placement a = p.place(100, 40, {Anchor::top_right, Anchor::top_left});
  EXPECT_TRUE(a.clear);
  EXPECT_FLOAT_EQ(a.box.x, 10);
}

TEST(OverlayPlacer, LaterOverlaysAvoidEarlierOnes) {
  OverlayPlacer p(Box{0, 0, 400, 300}, {0, 0, 0, 0});
  const Placement a = p.place(150, 40, {Anchor::top_left});
  const Placement b = p.place(150, 40, {Anchor::top_left, Anchor::bottom_left});
  EXPECT_TRUE(a.clear && b.clear);
  EXPECT_FALSE(a.box.overlaps(b.box));
  EXPECT_FLOAT_EQ(b.box.y, 260);
}

TEST(OverlayPlacer, PrefersTheSpotCoveringFewerPathPoints) {
  OverlayPlacer p(Box{0, 0, 400, 300}, {0, 0, 0, 0});
  for (int i = 0; i < 20; ++i) p.prefer_clear(20 + i, 20 + i);  // a path through the top-left
  const Placement a = p.place(100, 60, {Anchor::top_left, Anchor::bottom_right});
  EXPECT_EQ(a.soft_hits, 0);
  EXPECT_FLOAT_EQ(a.box.x, 300);
}

TEST(OverlayPlacer, ReportsWhenNoSpotIsClear) {
  OverlayPlacer p(Box{0, 0, 100, 100}, {0, 0, 0, 0});
  p.keep_clear(50, 50, 80);  // covers the whole map
  const Placement a = p.place(40, 40, {Anchor::top_left});
  EXPECT_FALSE(a.clear);  // the caller fades or collapses it
}

}  // namespace
}  // namespace adamlab::ui

namespace adamlab::ui {
namespace {

TEST(ShortLabels, SharedWordsBecomeTheHeadingAndEntriesKeepTheirDifferences) {
  const ShortLabels s = short_labels({"SGD lr=0.99", "SGD lr=0.99 + StepLR", "SGD lr=0.99 + CosineAnnealingLR"});
  EXPECT_EQ(s.common, "SGD lr=0.99");
  ASSERT_EQ(s.labels.size(), 3u);
  EXPECT_EQ(s.labels[0], "SGD");  // nothing of its own: keeps the optimizer's name
  EXPECT_EQ(s.labels[1], "+ StepLR");
  EXPECT_EQ(s.labels[2], "+ CosineAnnealingLR");
}

TEST(ShortLabels, DistinctOptimizersKeepTheirNames) {
  const ShortLabels s = short_labels({"Adam lr=0.05 weight_decay=0.5", "AdamW lr=0.05 weight_decay=0.5", "Adam lr=0.05"});
  EXPECT_EQ(s.common, "lr=0.05");
  EXPECT_EQ(s.labels[0], "Adam weight_decay=0.5");
  EXPECT_EQ(s.labels[1], "AdamW weight_decay=0.5");
  EXPECT_EQ(s.labels[2], "Adam");
}

TEST(ShortLabels, OneRunIsLeftAlone) {
  const ShortLabels s = short_labels({"Adam lr=0.05"});
  EXPECT_EQ(s.common, "");
  EXPECT_EQ(s.labels[0], "Adam lr=0.05");
}

}  // namespace
}  // namespace adamlab::ui

namespace adamlab::ui {
namespace {

TEST(ChartRangeFit, LogRangeLeavesRoomAboveAndBelowTheCurves) {
  // A constant lr of 0.99 falling to 1e-4: neither end may sit on the plot's frame.
  ChartRange range(chart_scale_kind(true, 0.0));
  range.add_start(0.99);
  for (double v : {0.99, 0.5, 0.01, 1e-4}) range.add(v);
  const ChartScale s = range.fit();
  EXPECT_GT(s.fraction(0.99), 0.0);
  EXPECT_LT(s.fraction(0.99), 0.99);
  EXPECT_GT(s.fraction(1e-4), 0.01);
}

}  // namespace
}  // namespace adamlab::ui
