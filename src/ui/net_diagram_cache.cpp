#include "ui/net_diagram_cache.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "sim/diverging.h"
#include "ui/draw_util.h"

namespace adamlab::ui {
namespace {

// The tooltip's large map: 32 x 32 cells (5 px each at its largest); 48 x 48 cost 12 ms for the
// output of a 64 x 64 network, too much to redo ten times a second while training.
constexpr int kBigMapCells = 32;
constexpr int kCurvePoints = 96;

// Everything that, when it changes, makes the cached maps meaningless (not just stale).
std::string structure_key(const NetDiagramInput& in, const DiagramLayout& layout, int cells) {
  std::string key;
  for (int s : in.mlp->sizes()) key += std::to_string(s) + "-";
  key += to_string(in.mlp->activation()) + "/" + std::to_string(in.mlp->classes()) + "/" + std::to_string(in.input_dim) + "/";
  for (Feature f : in.model->features) key += to_string(f) + "+";
  char area[160];
  std::snprintf(area, sizeof area, "/%.17g,%.17g,%.17g,%.17g/%d/%d/%d", in.area.xmin, in.area.xmax, in.area.ymin,
                in.area.ymax, cells, layout.max_shown, in.links_per_node);
  return key + area;
}

// Value quantised to kNodeShades steps of the node's range (class indices stay as they are).
double quantised(const NodeMap& map, double v) {
  if (map.scale == MapScale::classes || !std::isfinite(v) || !(map.hi > map.lo)) return v;
  const double t = std::clamp((v - map.lo) / (map.hi - map.lo), 0.0, 1.0);
  return map.lo + std::round(t * 2 * kNodeShades) / (2 * kNodeShades) * (map.hi - map.lo);
}

PlaneGrid grid_with(const PlaneGrid& area, int cols, int rows) {
  PlaneGrid g = area;
  g.cols = cols, g.rows = rows;
  return g;
}

}  // namespace

ImU32 node_colour(const NodeMap& node, double value) {
  std::uint32_t rgb = 0;
  switch (node.scale) {
    case MapScale::diverging:
      rgb = diverging_rgb(node.hi > node.lo ? (value - node.lo) / (node.hi - node.lo) : 0.5);
      break;
    case MapScale::probability: rgb = probability_rgb(value, std::max(node.class_index, 0)); break;
    case MapScale::classes:
      rgb = std::isfinite(value) ? class_colour_rgb(static_cast<int>(value)) : diverging_rgb(std::nan(""));
      break;
  }
  return rgb_to_imu32(rgb);
}

NodeCells build_node_cells(const NodeMap& map, int cols, int rows) {
  NodeCells out;
  out.cols = cols, out.rows = rows;
  if (map.values.size() != static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows)) return out;
  if (rows == 1) {
    // One-input data: a curve over x on the node's range.
    const double span = map.hi > map.lo ? map.hi - map.lo : 1.0;
    out.curve.reserve(map.values.size());
    for (float v : map.values) out.curve.push_back(std::isfinite(v) ? static_cast<float>(std::clamp((v - map.lo) / span, 0.0, 1.0)) : NAN);
    const double zero = (0 - map.lo) / span;
    out.curve_zero = zero >= 0 && zero <= 1 ? static_cast<float>(zero) : -1;
    return out;
  }
  for (int r = 0; r < rows; ++r) {
    int first = 0;
    ImU32 colour = node_colour(map, quantised(map, map.values[static_cast<std::size_t>(r) * cols]));
    for (int c = 1; c <= cols; ++c) {
      const ImU32 next = c < cols ? node_colour(map, quantised(map, map.values[static_cast<std::size_t>(r) * cols + c])) : 0;
      if (c == cols || next != colour) {
        out.runs.push_back({static_cast<std::uint16_t>(r), static_cast<std::uint16_t>(first), static_cast<std::uint16_t>(c - 1), colour});
        first = c, colour = next;
      }
    }
  }
  return out;
}

bool refresh_diagram_cache(const NetDiagramInput& in, const DiagramLayout& layout, NetDiagramState& state,
                           std::string& error) {
  // Two screen pixels per cell at most: finer cells on a small node cost rectangles, show nothing.
  const int cells = std::clamp(static_cast<int>(std::lround(layout.node / 2)), 4, std::max(4, std::max(in.area.cols, in.area.rows)));
  const std::string key = structure_key(in, layout, cells);
  const bool new_structure = key != state.structure;
  // A clock that went back (a caller's reset) counts as time passed, so the maps never freeze.
  const bool stale = in.version != state.built_version &&
                     (in.time - state.built_time >= in.min_rebuild_seconds || in.time < state.built_time);
  if (!new_structure && !stale) return !state.maps.columns.empty();
  try {
    const int cols = std::min(cells, in.area.cols), rows = std::min(cells, in.area.rows);
    const int curve_cols = in.input_dim == 1 ? std::max(cols, std::min(kCurvePoints, in.area.cols * 4)) : cols;
    state.maps = neuron_maps(*in.mlp, *in.model, in.input_dim, *in.params, grid_with(in.area, curve_cols, rows));
  } catch (const Error& e) {
    error = e.what();
    state.maps = NeuronMaps{};
    state.structure.clear();
    return false;
  }
  if (new_structure) state.shown.clear();
  state.structure = key;
  state.built_version = in.version;
  state.built_time = in.time;
  state.built_cells = cells;
  ++state.builds;

  const NeuronMaps& maps = state.maps;
  const std::size_t columns = maps.columns.size();
  state.shown.resize(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    const int n = static_cast<int>(maps.columns[c].size());
    // Importance: the size of a unit's outgoing weights (the output column has none: all equal).
    const Eigen::VectorXd importance =
        c + 1 < columns ? Eigen::VectorXd(maps.links[c].colwise().norm().transpose()) : Eigen::VectorXd::Ones(n);
    state.shown[c] = choose_shown(importance, layout.max_shown, state.shown[c]);
  }
  state.cells.assign(columns, {});
  for (std::size_t c = 0; c < columns; ++c)
    for (int unit : state.shown[c])
      state.cells[c].push_back(build_node_cells(maps.columns[c][static_cast<std::size_t>(unit)], maps.grid.cols, maps.grid.rows));
  state.prediction_cells = maps.has_prediction ? build_node_cells(maps.prediction, maps.grid.cols, maps.grid.rows) : NodeCells{};
  state.links.clear();
  for (std::size_t c = 0; c + 1 < columns; ++c) {
    // Up to 8 sources every link is drawn (as TFP); past that a tangle: the strongest few.
    const int sources = static_cast<int>(state.shown[c].size());
    state.links.push_back(strongest_links(maps.links[c], state.shown[c], state.shown[c + 1], sources <= 8 ? sources : in.links_per_node));
  }
  return true;
}

void refresh_big_map(const NetDiagramInput& in, int column, int unit, NetDiagramState& state) {
  const bool same = column == state.big_column && unit == state.big_index && !state.big_map.label.empty();
  if (same && (in.version == state.big_version || (in.time - state.big_time < in.min_rebuild_seconds && in.time >= state.big_time))) return;
  state.big_column = column, state.big_index = unit;
  state.big_version = in.version, state.big_time = in.time;
  ++state.big_builds;
  try {
    const int rows = in.input_dim == 1 ? 1 : kBigMapCells;
    const int cols = in.input_dim == 1 ? kCurvePoints : kBigMapCells;
    state.big_map = node_map(*in.mlp, *in.model, in.input_dim, *in.params, grid_with(in.area, cols, rows), column, unit);
    state.big_cells = build_node_cells(state.big_map, cols, rows);
  } catch (const Error&) {
    // The small maps were built from the same input, so this is a node that vanished this frame.
    state.big_map = NodeMap{};
    state.big_cells = NodeCells{};
  }
}

}  // namespace adamlab::ui
