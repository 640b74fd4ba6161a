#pragma once
// The network diagram's cache (ui/net_diagram.h): the maps, the units each column shows, their
// cells as runs of colour and the links drawn, rebuilt only when the network, the area or the
// layout change, or (throttled) when the parameters do. Split from the drawing so each file
// holds one job.
#include <string>

#include "ui/net_diagram.h"

namespace adamlab::ui {

// Colours are quantised to this many steps per side of the scale before runs are merged
// (TensorFlow Playground uses 30 shades): invisible at node size, and far fewer rectangles.
constexpr int kNodeShades = 32;

// The cells of a map of cols x rows values as runs of equal colour per row; for a one-row map
// (one-input data) the curve instead.
NodeCells build_node_cells(const NodeMap& map, int cols, int rows);

// Makes state's cache match in + layout. Returns false (and leaves a message) if the maps
// cannot be computed (bad area or parameters): the caller draws the message instead.
bool refresh_diagram_cache(const NetDiagramInput& in, const DiagramLayout& layout, NetDiagramState& state,
                           std::string& error);

// The large map of node (column, unit) for the tooltip (column == columns: the prediction).
void refresh_big_map(const NetDiagramInput& in, int column, int unit, NetDiagramState& state);

}  // namespace adamlab::ui
