// The network diagram's geometry and choices (ui/net_diagram_layout.h): every node inside the
// space given at desktop, phone and embed sizes, readable node sizes or a compact summary, wide
// layers showing their strongest units without flicker, and links limited per node.
#include <gtest/gtest.h>

#include <set>

#include "ui/net_diagram_layout.h"

namespace adamlab::ui {
namespace {

DiagramLayout layout_for(float w, float h, std::vector<int> columns, bool prediction = false) {
  DiagramLayoutInput in;
  in.width = w, in.height = h;
  in.column_sizes = std::move(columns);
  in.prediction = prediction;
  in.label_width = 35;  // "sin x" in the 13 px font
  in.text_height = 13;
  return compute_diagram_layout(in);
}

// Every shown node lies inside the box, clear of the labels, columns apart by at least a node.
void expect_fits(const DiagramLayout& l, float w, float h, const std::vector<int>& columns, bool prediction = false) {
  ASSERT_FALSE(l.compact);
  EXPECT_GE(l.node, kMinNodeSide);
  EXPECT_LE(l.node, kMaxNodeSide);
  ASSERT_EQ(l.column_x.size(), columns.size() + (prediction ? 1 : 0));
  EXPECT_GE(l.column_x.front(), 35.0f);
  EXPECT_LE(l.column_x.back() + l.node, w);
  for (std::size_t c = 1; c < l.column_x.size(); ++c) EXPECT_GE(l.column_x[c] - l.column_x[c - 1], 2 * l.node - 0.01f);
  for (int n : columns) {
    const int shown = std::min(n, l.max_shown);
    EXPECT_GE(l.node_y(0, shown), 0.0f);
    EXPECT_LE(l.node_y(shown - 1, shown) + l.node, l.nodes_bottom + 0.01f);
    if (shown > 1) EXPECT_GE(l.node_y(1, shown) - l.node_y(0, shown), l.node);
  }
  EXPECT_LE(l.nodes_bottom, h);
  if (l.note_y >= 0) {
    EXPECT_GE(l.note_y, l.nodes_bottom);
    EXPECT_LE(l.note_y + 13, h);
  }
}

TEST(NetDiagramLayout, DesktopPanelShowsEveryUnitOfSmallLayers) {
  const std::vector<int> net = {2, 8, 8, 1};
  const DiagramLayout l = layout_for(600, 400, net);
  expect_fits(l, 600, 400, net);
  EXPECT_EQ(l.max_shown, 8);
  EXPECT_GE(l.node, 28);
  EXPECT_EQ(l.note_y, -1);
  EXPECT_GE(l.header_y, 0);
}

TEST(NetDiagramLayout, WideLayersShowAtMostTwelveWithANote) {
  const std::vector<int> net = {7, 64, 64, 64, 64, 1};
  const DiagramLayout l = layout_for(600, 400, net);
  expect_fits(l, 600, 400, net);
  EXPECT_EQ(l.max_shown, kMaxShownPerColumn);
  EXPECT_GE(l.note_y, 0);
}

TEST(NetDiagramLayout, SmallSizesKeepNodesReadable) {
  for (auto [w, h] : {std::pair{300.0f, 180.0f}, {360.0f, 220.0f}, {480.0f, 320.0f}, {320.0f, 240.0f}}) {
    for (const std::vector<int>& net : {std::vector<int>{2, 8, 8, 1}, {2, 64, 64, 1}, {7, 64, 64, 64, 64, 1}}) {
      SCOPED_TRACE(testing::Message() << w << "x" << h << " columns " << net.size());
      const DiagramLayout l = layout_for(w, h, net);
      expect_fits(l, w, h, net);
      EXPECT_GE(l.max_shown, std::min(8, kMinShownPerColumn));
    }
  }
  // 300 x 180 shows all of an 8-wide layer, and fewer of a 64-wide one.
  EXPECT_EQ(layout_for(300, 180, {2, 8, 8, 1}).max_shown, 8);
  EXPECT_LT(layout_for(300, 180, {2, 64, 64, 1}).max_shown, kMaxShownPerColumn);
}

TEST(NetDiagramLayout, ThePredictionNodeGetsItsOwnColumn) {
  const std::vector<int> net = {2, 8, 8, 5};
  expect_fits(layout_for(480, 320, net, true), 480, 320, net, true);
}

TEST(NetDiagramLayout, TooSmallCollapsesToASummary) {
  EXPECT_TRUE(layout_for(120, 30, {2, 8, 8, 1}).compact);
  EXPECT_TRUE(layout_for(60, 300, {7, 64, 64, 64, 64, 1}).compact);
  EXPECT_TRUE(layout_for(600, 400, {}).compact);
}

TEST(NetDiagramLayout, ChooseShownKeepsTheStrongestInUnitOrder) {
  Eigen::VectorXd importance(6);
  importance << 0.1, 0.9, 0.3, 0.8, 0.05, 0.5;
  EXPECT_EQ(choose_shown(importance, 3, {}), (std::vector<int>{1, 3, 5}));
  EXPECT_EQ(choose_shown(importance, 6, {}), (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_EQ(choose_shown(importance, 10, {}), (std::vector<int>{0, 1, 2, 3, 4, 5}));
  EXPECT_TRUE(choose_shown(importance, 0, {}).empty());
}

TEST(NetDiagramLayout, ChooseShownSwapsOnlyForAClearlyStrongerUnit) {
  Eigen::VectorXd importance(5);
  importance << 1.0, 1.1, 1.2, 0.2, 1.0;
  // Unit 2 is stronger than unit 0 but by less than 25%: the previous choice stays.
  EXPECT_EQ(choose_shown(importance, 2, {0, 1}), (std::vector<int>{0, 1}));
  importance[2] = 1.3;
  EXPECT_EQ(choose_shown(importance, 2, {0, 1}), (std::vector<int>{1, 2}));
  // A previous choice of another size, out of range or repeated is ignored.
  EXPECT_EQ(choose_shown(importance, 2, {0}), (std::vector<int>{1, 2}));
  EXPECT_EQ(choose_shown(importance, 2, {0, 9}), (std::vector<int>{1, 2}));
  EXPECT_EQ(choose_shown(importance, 2, {0, 0}), (std::vector<int>{1, 2}));
  // NaN ranks last.
  importance[1] = std::nan("");
  EXPECT_EQ(choose_shown(importance, 2, {}), (std::vector<int>{0, 2}));
}

TEST(NetDiagramLayout, StrongestLinksKeepTheLargestWeightsPerNodeWeakestFirst) {
  Eigen::MatrixXd w(3, 5);  // 3 destinations x 5 sources
  w << 0.1, -0.9, 0.3, 0.2, 0.0,
       0.5, 0.4, -0.6, 0.0, 0.1,
       -2.0, 0.0, 0.0, 0.0, 1.0;
  const std::vector<DrawnLink> links = strongest_links(w, {0, 1, 2, 3, 4}, {0, 2}, 2);
  ASSERT_EQ(links.size(), 4u);
  std::set<std::pair<int, int>> drawn;
  for (const DrawnLink& l : links) drawn.insert({l.to, l.from});
  // Destination 0 (row 0): -0.9 and 0.3; destination 1 in the shown list is row 2: -2 and 1.
  EXPECT_EQ(drawn, (std::set<std::pair<int, int>>{{0, 1}, {0, 2}, {1, 0}, {1, 4}}));
  for (std::size_t i = 1; i < links.size(); ++i) EXPECT_LE(std::abs(links[i - 1].weight), std::abs(links[i].weight));
  EXPECT_DOUBLE_EQ(links.back().weight, -2.0);
  // Only among shown sources: positions refer to the shown lists.
  const std::vector<DrawnLink> some = strongest_links(w, {2, 3}, {1}, 5);
  ASSERT_EQ(some.size(), 2u);
  EXPECT_DOUBLE_EQ(some.back().weight, -0.6);
  EXPECT_EQ(some.back().from, 0);
}

TEST(NetDiagramLayout, AWideChartRegionSharesItsRightPartWithTheDiagram) {
  const Box chart{335, 530, 945, 270};  // 1280 x 800 desktop
  const ChartDiagramSplit s = split_chart_for_diagram(chart);
  ASSERT_FALSE(s.diagram.empty());
  EXPECT_FLOAT_EQ(s.chart.x, chart.x);
  EXPECT_FLOAT_EQ(s.chart.right(), s.diagram.x);
  EXPECT_FLOAT_EQ(s.diagram.right(), chart.right());
  EXPECT_FLOAT_EQ(s.diagram.h, chart.h);
  EXPECT_GE(s.diagram.w, 300);
  EXPECT_GE(s.chart.w, 400);  // the chart stays readable
  EXPECT_FALSE(compute_diagram_layout({s.diagram.w, s.diagram.h - 20, {6, 8, 8, 1}, false, 35, 13}).compact);
  EXPECT_LE(split_chart_for_diagram(Box{0, 0, 2400, 300}).diagram.w, 560);
  // Narrow: the chart keeps its region.
  const ChartDiagramSplit narrow = split_chart_for_diagram(Box{0, 0, 600, 270});
  EXPECT_TRUE(narrow.diagram.empty());
  EXPECT_FLOAT_EQ(narrow.chart.w, 600);
}

}  // namespace
}  // namespace adamlab::ui
