#pragma once
// What the landscape draws on top of the heat map besides paths: the colour bar, the legend
// that names every run (with a compact loss read-out where the chart has no room), head markers
// and the placement report a test reads. Placement itself is ui/overlay_layout.h.
#include <string>
#include <vector>

#include "imgui.h"
#include "sim/landscape.h"
#include "ui/layout.h"

namespace adamlab::ui {

// Where the map's overlays went this frame (CSS px), for the JS layout read-out and tests.
struct MapOverlayReport {
  Box map;
  Box toolbar;          // empty when the page shows none
  bool toolbar_clear = true;
  Box colour_bar;
  bool colour_bar_compact = false;  // collapsed to a thin bar without ticks' room
  bool colour_bar_faded = false;    // no clear spot: drawn translucent
  Box legend;
  bool legend_faded = false;
  bool legend_has_values = false;   // the legend carries each run's current loss
  bool legend_short = false;        // shared words moved to a heading to fit a small map
  bool legend_over_paths = false;   // no spot free of paths: a lighter backdrop lets them show
  int legend_entries = 0;
  Box hover;            // where the hover read-out prints (reserved even when not hovering)
  Box anatomy_legend;   // empty unless the anatomy view is on
  Box start;            // the start marker (ring)
  std::vector<Box> minima;  // markers of the minima inside the map
};

// One run in the legend: its colour, head marker, name and (optionally) current value.
struct LegendEntry {
  ImU32 colour = 0;
  int shape = 0;
  std::string label;
  std::string value;  // "" = none
  bool diverged = false;
};

// Head markers by shape index (0 circle, 1 square, 2 triangle, 3 diamond, repeating): runs that
// end in the same place stay distinguishable, and the legend shows the same shape.
void draw_marker(ImDrawList* dl, ImVec2 centre, int shape, ImU32 colour, float radius);

// `heading` (may be empty): a first line, the words every entry shares (ui/legend_text.h).
ImVec2 legend_size(const std::vector<LegendEntry>& entries, const std::string& heading = {});
// `see_through`: a lighter backdrop, for a legend that had to go over paths (they show through).
void draw_legend(ImDrawList* dl, const std::vector<LegendEntry>& entries, const Box& box, float alpha, const std::string& heading = {},
                 bool see_through = false);

// The colour bar's footprint for a map `map_h` tall; compact = short, without the title.
ImVec2 colour_bar_size(const LandscapeRaster& raster, float map_h, bool compact);
void draw_colour_bar(ImDrawList* dl, const LandscapeRaster& raster, const Box& box, bool compact, float alpha);

}  // namespace adamlab::ui
