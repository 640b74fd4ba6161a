#pragma once
// The network mode's main view. For planar classification: the data points (test points hollow
// when asked) over the selected run's decision boundary, a raster of its class probabilities
// (2 classes: a diverging map of P(class 1); more: one colour per class, blended by probability;
// "discretize": the likeliest class only). For 1D regression: the points and every visible run's
// prediction curve. For data with more inputs (the sparse task): per-feature bars of the selected
// run's last gradient and of its optimizer's second moment (ui/net_features_view.cpp).
// The raster is cached: rebuilt when the task, the selected run, the toggles or the size change,
// and while training at most kMaxRebuildsPerSecond times a second (a run at 1000 steps/s must not
// cost a raster per step). A legend names every visible run (with its loss where no chart shows).
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "nn/net_map.h"
#include "ui/gl_texture.h"
#include "ui/layout.h"
#include "ui/map_overlays.h"
#include "ui/net_controls.h"
#include "ui/overlay_layout.h"

namespace adamlab {
class NetScene;
struct NetSceneRun;
}

namespace adamlab::ui {

enum class NetViewKind { boundary, curve, features };

class NetMainView {
 public:
  static constexpr double kMaxRebuildsPerSecond = 15;
  struct FrameOptions {
    ImVec2 toolbar{0, 0};        // a toolbar window to place on the view (0 = none)
    bool loss_readout = false;   // no chart on screen: the legend carries each run's loss
    bool touch = false;          // finger input: the hover read-out shows only while pressed
    bool figure = false;         // the exported figure: no hover read-out, placements not kept
  };
  // Draws into the current window's remaining region.
  void draw(const NetScene& scene, int selected_id, const NetViewOptions& view, const FrameOptions& frame);

  NetViewKind kind() const { return kind_; }
  std::uint64_t raster_builds() const { return raster_builds_; }
  const MapOverlayReport& overlays() const { return report_; }
  // The plot rectangle of the data plane and the pixels it covers (CSS px), last frame.
  const DataBounds& plot_bounds() const { return plot_; }
  const Box& plot_box() const { return report_.map; }

 private:
  void draw_boundary(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const NetViewOptions& view, OverlayPlacer& placer);
  void draw_curves(ImDrawList* dl, const NetScene& scene, const NetViewOptions& view, OverlayPlacer& placer);
  void draw_features(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const Box& box);
  void draw_legend_and_title(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const FrameOptions& frame, OverlayPlacer& placer);
  // True when the cached pictures must be rebuilt this frame (see the class comment).
  bool due(const std::string& structural_key, std::uint64_t version);
  const std::string& label_of(const NetSceneRun& run);

  NetViewKind kind_ = NetViewKind::boundary;
  DataBounds plot_;
  // The cache: what was built, for which key and scene version, and how long ago.
  std::string built_key_;
  std::uint64_t built_version_ = 0;
  double since_build_ = 1e9;
  std::uint64_t raster_builds_ = 0;
  ClassMap map_;
  RgbaTexture texture_;
  std::vector<std::uint32_t> pixels_;
  std::vector<std::pair<int, std::vector<double>>> curves_;  // run id, prediction per x
  std::vector<double> feature_on_, feature_grad_, feature_moment_;
  std::string moment_name_;
  std::unordered_map<std::string, std::string> label_cache_;
  MapOverlayReport report_, last_;
  bool hovering_ = false;  // this frame: the pointer is over the view (pressed, under touch)
  std::string hover_;      // this frame's read-out at the pointer ("" = none)
  bool loss_readout_ = false;  // this frame's FrameOptions::loss_readout (the in-line legend of the bars)
};

// Class k's colour (TensorFlow Playground's orange and blue first), 0xRRGGBB.
std::uint32_t class_colour(int k);

}  // namespace adamlab::ui
