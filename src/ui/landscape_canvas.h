#pragma once
// The landscape view: cached heat map + contours of the problem, axes, colour bar, minima, the
// shared start point and every visible run's trail. Input: click sets the start, dragging the
// start marker moves it, drag elsewhere (or right/middle drag) pans, wheel zooms, pinch zooms
// through zoom_at() from the page.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <unordered_map>

#include "imgui.h"
#include "problems/problem.h"
#include "sim/landscape.h"
#include "ui/commands.h"
#include "ui/gl_texture.h"
#include "ui/map_overlays.h"
#include "ui/map_view.h"
#include "ui/overlay_layout.h"
#include "ui/view_transform.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class LandscapeCanvas {
 public:
  // Draws into the current window's remaining content region; `overlay` (optional) draws on the
  // map, clipped to it, above the paths and below the colour bar; it places any box of its own
  // through the placer (and marks what must stay visible), so later overlays avoid it.
  using Overlay = std::function<void(ImDrawList*, const ViewTransform&, OverlayPlacer&)>;
  // What the page around the map needs this frame (set by the playground before draw()).
  struct FrameOptions {
    ImVec2 toolbar{0, 0};        // size of the toolbar window to place on the map (0 = none)
    bool loss_readout = false;   // no readable chart: the legend prints each run's loss
    bool touch = false;          // finger input: a tap never moves the start (drag the marker)
    bool hover_on_press = false; // phone: a lifted finger leaves no hover, so read out only while pressed
    bool figure = false;         // the exported figure: no input, no hover read-out, placements not kept
  };
  void set_frame_options(const FrameOptions& options) { options_ = options; }
  // Where this frame's overlays went (CSS px).
  const MapOverlayReport& overlays() const { return report_; }
  void draw(const Scene& scene, CommandQueue& commands, const Overlay& overlay = {});
  void reset_view() { view_.reset(); }
  // The user's view (nullopt = the problem's default), and setting it for `problem_spec` (a link
  // loads the problem and its view together).
  const std::optional<Rect>& requested_view() const { return view_.requested(); }
  void set_view(const std::optional<Rect>& view, const std::string& problem_spec) {
    view_.reset();
    if (view) view_.request(*view);
    shown_problem_ = problem_spec;
  }
  // Zoom, pan and screen changes, all keeping the view invariant (ui/map_view.h).
  MapView& map_view() { return view_; }
  // factor > 1 zooms in about (x, y) in ImGui display coordinates: MapView::zoom_at.
  void zoom_at(double factor, double x, double y) { view_.zoom_at(factor, x, y); }
  // Rebuilds of the raster so far (tests/diagnostics: must not grow every frame).
  std::uint64_t raster_builds() const { return raster_builds_; }
  // Plot coordinates <-> display coordinates of the last drawn frame.
  const std::optional<ViewTransform>& last_view() const { return view_.transform(); }

 private:
  void ensure_raster(const Scene& scene, const ViewTransform& view, double pixels_per_point);
  void draw_axes(ImDrawList* dl, const ViewTransform& view) const;
  void draw_paths(ImDrawList* dl, const Scene& scene, const ViewTransform& view, OverlayPlacer& placer) const;
  void place_and_draw_overlays(ImDrawList* dl, const Scene& scene, const ViewTransform& view, OverlayPlacer& placer);
  void handle_input(const Scene& scene, const ViewTransform& view, CommandQueue& commands);

  MapView view_;
  std::string shown_problem_;           // problem spec the view belongs to
  LandscapeRaster raster_;
  RgbaTexture texture_;
  std::string raster_key_;
  std::uint64_t raster_builds_ = 0;
  FrameOptions options_;
  MapOverlayReport report_;
  MapOverlayReport last_;
  std::unordered_map<std::string, std::string> label_cache_;  // legend label by "optimizer@scheduler"  // last frame's placements (overlays stay put unless they must move)
  bool dragging_start_ = false;
  bool panning_ = false;
  bool moved_ = false;
  ImVec2 press_pos_{0, 0};
};

}  // namespace adamlab::ui
