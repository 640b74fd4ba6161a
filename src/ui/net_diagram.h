#pragma once
// The network drawn as TensorFlow Playground draws it: the features, every hidden neuron and the
// output as columns of nodes, each a small heat map of its output over the plane; links whose
// width shows |weight| and whose colour shows its sign (blue positive, orange negative); hovering
// a node shows its map large with its name, bias and colour range. Reads only const state; the
// maps are cached in the caller's NetDiagramState and rebuilt at most ~10 times a second.
//
// Fits any size it is given: nodes shrink with the space, a layer of up to 64 units shows at most
// 12 (those the next layer listens to most; "+N more" says how many are left out and a hover on
// it which are shown), links are limited to the strongest few per node, and where even small
// nodes do not fit it collapses to a one-line summary of the network.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "imgui.h"
#include "nn/mlp.h"
#include "nn/model.h"
#include "nn/neuron_maps.h"
#include "ui/net_diagram_layout.h"

namespace adamlab::ui {

struct NetDiagramInput {
  const Mlp* mlp = nullptr;             // the network (null: nothing is drawn)
  const ModelConfig* model = nullptr;   // its features
  int input_dim = 2;                    // the data's raw inputs (2 planar, 1 sine, F sparse)
  const Vec* params = nullptr;          // the parameters to show (e.g. the selected run's)
  // The plane the maps cover (usually the main view's data rectangle); cols x rows is the finest
  // map a node gets (small nodes use fewer cells).
  PlaneGrid area{-1, 1, -1, 1, 16, 16};
  // Must change whenever *params, the network or the area change: the widget rebuilds its maps
  // only then, and at most every min_rebuild_seconds (the newest parameters always show within
  // that time; a new network or area shows at once).
  std::uint64_t version = 0;
  double time = -1;  // seconds, for the rebuild throttle; < 0 = ImGui::GetTime()
  double min_rebuild_seconds = 0.1;
  int links_per_node = 5;  // incoming links drawn per node when more than 8 sources show: the strongest
  bool touch = false;      // finger input: the large map shows only while pressed
};

// One shown node's cached drawing: horizontal runs of equal colour per row of cells (a smooth
// map has few), so a frame emits few rectangles.
struct NodeCells {
  struct Run {
    std::uint16_t row, first, last;
    ImU32 colour;
  };
  int cols = 0, rows = 0;
  std::vector<Run> runs;
  std::vector<float> curve;  // one-input data: the values over x, scaled to 0..1 (empty otherwise)
  float curve_zero = -1;     // where 0 falls on the curve's scale (-1: outside)
};

// Owned by the caller (one per diagram on screen); the widget keeps its cache and hover here.
struct NetDiagramState {
  // --- cache (the widget's) ---
  std::string structure;  // network, features and area the cache was built for
  std::uint64_t built_version = std::numeric_limits<std::uint64_t>::max();
  double built_time = -1e300;
  int built_cells = 0;
  NeuronMaps maps;
  std::vector<std::vector<int>> shown;               // per column, the units drawn
  std::vector<std::vector<NodeCells>> cells;         // per column, per shown unit
  NodeCells prediction_cells;
  std::vector<std::vector<DrawnLink>> links;         // per gap between columns
  // The hovered node's large map (computed at a finer resolution, for that node only).
  int big_column = -1, big_index = -1;
  std::uint64_t big_version = 0;
  double big_time = -1e300;
  NodeMap big_map;
  NodeCells big_cells;
  std::uint64_t builds = 0;      // cache rebuilds so far (must not grow every frame)
  std::uint64_t big_builds = 0;  // large-map rebuilds so far

  // --- this frame's result (for the caller) ---
  int hovered_column = -1, hovered_unit = -1;  // unit index in its layer (-1 = none)
  int clicked_column = -1, clicked_unit = -1;  // a click on a node this frame (e.g. toggle a feature)
  bool compact = false;                        // drawn as a one-line summary
};

// Draws into dl inside [origin, origin + size]. Hover and clicks need the current ImGui window to
// be the one drawn in (it is tested with IsWindowHovered).
void draw_net_diagram(ImDrawList* dl, ImVec2 origin, ImVec2 size, const NetDiagramInput& in, NetDiagramState& state);

// The colour of a value on a node's scale (shared with tooltips and any legend).
ImU32 node_colour(const NodeMap& node, double value);

}  // namespace adamlab::ui
