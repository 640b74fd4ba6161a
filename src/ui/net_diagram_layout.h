#pragma once
// Where the network diagram's nodes go in a given size, which units a wide layer shows, and which
// links are drawn: pure and header-only (no ImGui), so tests/net_diagram_layout_test.cpp checks
// it at the sizes the page has (a desktop panel, a phone at 360 px, a 480 x 320 embed).
//
// Columns left to right: the features, the hidden layers, the output (and for 3+ classes the
// predicted class). A column shows at most kMaxShownPerColumn nodes; a wider layer shows those
// the next layer listens to most and says how many it leaves out. When even a few nodes per
// column would be smaller than kMinNodeSide, the diagram collapses to a one-line summary.
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "ui/layout.h"

namespace adamlab::ui {

constexpr int kMaxShownPerColumn = 12;
constexpr int kMinShownPerColumn = 3;
constexpr float kMinNodeSide = 10;  // below this a heat map is a smudge
constexpr float kMaxNodeSide = 40;
constexpr float kNodeGapRatio = 0.45f;  // vertical gap between nodes, in node sides

struct DiagramLayoutInput {
  float width = 0, height = 0;    // the space available, px
  std::vector<int> column_sizes;  // nodes per column: features, hidden layers, output
  bool prediction = false;        // a predicted-class node right of the output column
  float label_width = 0;          // the widest feature label, drawn left of the first column
  float text_height = 13;         // one line of text
};

struct DiagramLayout {
  bool compact = false;       // no room for maps: draw a one-line summary in `summary`
  float node = 0;             // node side, px
  int max_shown = 0;          // nodes per column at most
  std::vector<float> column_x;  // left edge of each column (and of the prediction column last)
  float nodes_top = 0, nodes_bottom = 0;  // the band the nodes are centred in
  float header_y = -1;        // the column headers' line (-1 = no room for headers)
  float note_y = -1;          // the "+N more" line (-1 = every column fits)
  Box summary;

  float pitch() const { return node * (1 + kNodeGapRatio); }
  // Top edge of the i-th of `shown` nodes of a column, centred in the band.
  float node_y(int i, int shown) const {
    const float used = shown * node + (shown - 1) * node * kNodeGapRatio;
    return nodes_top + 0.5f * (nodes_bottom - nodes_top - used) + i * pitch();
  }
};

inline DiagramLayout compute_diagram_layout(const DiagramLayoutInput& in) {
  DiagramLayout out;
  const float margin = 4;
  const float W = std::max(in.width, 1.0f), H = std::max(in.height, 1.0f);
  out.summary = Box{0, 0, W, H};
  const int columns = static_cast<int>(in.column_sizes.size()) + (in.prediction ? 1 : 0);
  if (in.column_sizes.empty()) {
    out.compact = true;
    return out;
  }
  const int widest = *std::max_element(in.column_sizes.begin(), in.column_sizes.end());
  const float label = in.label_width > 0 ? in.label_width + 6 : 0;
  // Headers only where they leave the nodes most of the height.
  const float header = H >= 10 * in.text_height ? in.text_height + 4 : 0;
  // Horizontally: every gap between columns at least one node wide, so links stay readable.
  const float side_h = (W - 2 * margin - label) / (columns + (columns - 1) * 1.0f);
  for (int shown = std::min(widest, kMaxShownPerColumn); shown >= std::min(widest, kMinShownPerColumn); --shown) {
    const float note = widest > shown ? in.text_height + 2 : 0;
    const float band = H - 2 * margin - header - note;
    const float side_v = band / (shown + (shown - 1) * kNodeGapRatio);
    const float side = std::floor(std::min({side_v, side_h, kMaxNodeSide}));
    if (side < kMinNodeSide) continue;
    out.node = side;
    out.max_shown = shown;
    out.header_y = header > 0 ? margin : -1;
    out.nodes_top = margin + header;
    out.nodes_bottom = H - margin - note;
    out.note_y = note > 0 ? H - margin - in.text_height : -1;
    // Columns spread over the width; the last column's right edge at the margin.
    const float left = margin + label, span = W - 2 * margin - label - side;
    for (int c = 0; c < columns; ++c) out.column_x.push_back(columns > 1 ? left + span * c / (columns - 1) : left);
    return out;
  }
  out.compact = true;
  return out;
}

// The units a column shows when it has more than max_shown: those with the largest importance
// (here the size of their outgoing weights), listed in unit order. A unit shown before stays
// unless another's importance beats it by 25%, so the choice does not flicker as training
// nudges the weights. `previous` of another size (a resize) is ignored.
inline std::vector<int> choose_shown(const Eigen::VectorXd& importance, int max_shown, const std::vector<int>& previous) {
  const int n = static_cast<int>(importance.size());
  std::vector<int> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  if (max_shown <= 0) return {};
  if (n <= max_shown) return all;
  // NaN ranks lowest (a diverged unit is shown only if nothing else is left).
  const auto score = [&](int i) { return std::isnan(importance[i]) ? -1.0 : importance[i]; };
  const auto stronger = [&](int a, int b) { return score(a) > score(b) || (score(a) == score(b) && a < b); };
  std::vector<int> shown;
  bool valid = static_cast<int>(previous.size()) == max_shown;
  for (int p : previous) valid = valid && p >= 0 && p < n;
  if (valid) {
    shown = previous;
    std::sort(shown.begin(), shown.end());
    valid = std::adjacent_find(shown.begin(), shown.end()) == shown.end();
  }
  if (!valid) {
    std::partial_sort(all.begin(), all.begin() + max_shown, all.end(), stronger);
    shown.assign(all.begin(), all.begin() + max_shown);
  } else {
    std::vector<char> in(static_cast<std::size_t>(n), 0);
    for (int s : shown) in[static_cast<std::size_t>(s)] = 1;
    std::vector<int> out_units;
    for (int i = 0; i < n; ++i)
      if (!in[static_cast<std::size_t>(i)]) out_units.push_back(i);
    std::sort(out_units.begin(), out_units.end(), stronger);
    // Swap the weakest shown for the strongest left out while the newcomer is clearly stronger.
    for (int candidate : out_units) {
      auto weakest = std::min_element(shown.begin(), shown.end(), [&](int a, int b) { return stronger(b, a); });
      if (!(score(candidate) > 1.25 * score(*weakest))) break;
      *weakest = candidate;
    }
  }
  std::sort(shown.begin(), shown.end());
  return shown;
}

struct DrawnLink {
  int from = 0, to = 0;  // positions in the shown lists of the two columns
  double weight = 0;
};

// The links drawn between two columns: for each shown destination, its `per_node` strongest
// incoming weights from shown sources. Weakest first, so the strong ones are drawn on top.
// weights: destinations x sources (a layer's weight matrix).
inline std::vector<DrawnLink> strongest_links(const Eigen::MatrixXd& weights, const std::vector<int>& from_shown,
                                              const std::vector<int>& to_shown, int per_node) {
  std::vector<DrawnLink> links;
  std::vector<DrawnLink> incoming;
  for (int t = 0; t < static_cast<int>(to_shown.size()); ++t) {
    incoming.clear();
    for (int f = 0; f < static_cast<int>(from_shown.size()); ++f)
      incoming.push_back({f, t, weights(to_shown[static_cast<std::size_t>(t)], from_shown[static_cast<std::size_t>(f)])});
    const auto size = [](const DrawnLink& l) { return std::isnan(l.weight) ? HUGE_VAL : std::abs(l.weight); };
    const int keep = std::min(per_node, static_cast<int>(incoming.size()));
    std::partial_sort(incoming.begin(), incoming.begin() + keep, incoming.end(),
                      [&](const DrawnLink& a, const DrawnLink& b) { return size(a) > size(b); });
    links.insert(links.end(), incoming.begin(), incoming.begin() + keep);
  }
  std::stable_sort(links.begin(), links.end(), [](const DrawnLink& a, const DrawnLink& b) {
    const double sa = std::isnan(a.weight) ? HUGE_VAL : std::abs(a.weight);
    const double sb = std::isnan(b.weight) ? HUGE_VAL : std::abs(b.weight);
    return sa < sb;
  });
  return links;
}

// The desktop page's chart region shared with the diagram: the chart on the left, the diagram
// (about 42%, 300..560 px) on the right; narrower than kMinSplitChartWidth the chart keeps it all.
constexpr float kMinSplitChartWidth = 720;

struct ChartDiagramSplit {
  Box chart;
  Box diagram;  // empty: no diagram
};

inline ChartDiagramSplit split_chart_for_diagram(const Box& chart) {
  if (chart.empty() || chart.w < kMinSplitChartWidth) return {chart, Box{}};
  const float w = std::floor(std::clamp(0.42f * chart.w, 300.0f, 560.0f));
  return {Box{chart.x, chart.y, chart.w - w, chart.h}, Box{chart.x + chart.w - w, chart.y, w, chart.h}};
}

}  // namespace adamlab::ui
