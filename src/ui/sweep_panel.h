#pragma once
// The sweep panel: two hyperparameter axes of a run, grid size, steps and metric on the left; the
// heat map on the right (cells computed so far, the rest pending), with a colour bar, axes in
// their own scale, a hover read-out, the run's current setting marked, and click-to-apply:
// a click sets the sweep's run to that cell's setting, shift+click adds a run with it.
// The network mode has its own panel (network = true) over its NetScene: cells are whole
// trainings (nn/net_sweep.h), the metric menu adds the test loss, and a click adds a run.
//
// The sweep computes a slice every frame (update()), within a time budget that keeps the page
// at 30+ frames per second, whether or not the panel is on screen; in the browser a Web Worker
// computes it instead (app_sweep_bridge.cpp, web/sweep_client.js) and the panel only draws.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "imgui.h"
#include "sim/sweep_state.h"
#include "ui/commands.h"
#include "ui/details.h"
#include "ui/gl_texture.h"
#include "ui/sweep_host.h"

namespace adamlab {
class Scene;
class NetScene;
}  // namespace adamlab

namespace adamlab::ui {

class SweepPanel {
 public:
  // A network panel's sweep serials start at kNetworkSerialBase, so the worker's messages for a
  // landscape sweep and for a network sweep can never be taken for each other.
  static constexpr std::uint64_t kNetworkSerialBase = 1'000'000'000;
  explicit SweepPanel(bool network = false);
  bool network() const { return network_; }

  // Every frame, before draw: starts a sweep a link or the API asked for, computes a slice.
  void update(const Scene& scene, int selected_run_id) { update(landscape_sweep_host(scene, nullptr), selected_run_id); }
  void update(const NetScene& scene, int selected_run_id) { update(network_sweep_host(scene, nullptr), selected_run_id); }
  // Controls and heat map in the current window's remaining region.
  void draw(const Scene& scene, CommandQueue& commands, int selected_run_id) {
    draw(landscape_sweep_host(scene, &commands), selected_run_id);
  }
  void draw(const NetScene& scene, NetCommandQueue& commands, int selected_run_id) {
    draw(network_sweep_host(scene, &commands), selected_run_id);
  }

  // Starts `request` for the selected run at the next update() and opens the panel (links).
  void request(const SweepRequest& request);
  // Starts now for `run_id` (the JS API); throws Error naming the bad token.
  void start(const SweepRequest& request, const Scene& scene, int run_id) {
    start(request, landscape_sweep_host(scene, nullptr), run_id);
  }
  void start(const SweepRequest& request, const NetScene& scene, int run_id) {
    start(request, network_sweep_host(scene, nullptr), run_id);
  }
  void cancel() { session_.cancel(); }
  void clear(const std::string& why = "cleared") { session_.clear(why); }
  // An error of the last requested start (a link's sweep= the selected run cannot take); cleared.
  std::optional<std::string> take_request_error();

  const SweepSession& session() const { return session_; }
  // For the bridge that hands the sweep to a Web Worker and its results back (SweepSession's
  // set_remote, receive, compute_here).
  SweepSession& session() { return session_; }
  // The link's sweep= value while a sweep is shown.
  std::optional<std::string> link_value() const;
  bool open() const { return open_; }
  void set_open(bool open);
  bool take_select_tab() { bool r = select_tab_; select_tab_ = false; return r; }
  double frame_budget_ms() const { return budget_ms_; }
  // Where the heat map's cells were drawn in the last frame (display coordinates); nullopt if
  // the panel was not drawn then. For the JS API, so a page or a test can click a cell.
  struct MapRect {
    float left = 0, top = 0, width = 0, height = 0;
  };
  std::optional<MapRect> last_map() const;

  // The compute-time figures' disclosure (collapsed by default).
  const DetailsState& details() const { return details_; }

 private:
  DetailsState details_;
  struct AxisEdit {
    std::string key;
    double lo = 0, hi = 1;
    int scale = 0;  // 0 lin, 1 log, 2 log1m
    int n = 128;
  };
  void update(const SweepHost& host, int selected_run_id);
  void draw(const SweepHost& host, int selected_run_id);
  void start(const SweepRequest& request, const SweepHost& host, int run_id);
  void draw_controls(const SweepHost& host, const SweepHost::Run* run, float width, float height);
  void draw_axis_edit(const char* label, AxisEdit& axis, const std::vector<std::string>& keys, const std::string& other);
  void draw_heat_map(const SweepHost& host, ImVec2 origin, ImVec2 size);
  void ensure_texture(const SweepHost& host);
  void fit_edits_to(const std::string& optimizer);
  SweepRequest edited_request() const;
  void load_edits(const SweepRequest& request);

  bool network_ = false;
  SweepSession session_;
  AxisEdit x_, y_;
  int steps_ = 500;
  int metric_ = 0;  // final_loss, best_loss, steps_to, diverged, test_loss (SweepMetric::Kind)
  double threshold_ = 1e-3;
  int seeds_ = 1;
  std::string edits_for_;  // optimizer name the axis edits belong to
  std::optional<SweepRequest> pending_;
  std::optional<std::string> request_error_;
  std::string error_;
  bool open_ = false;
  bool select_tab_ = false;
  double budget_ms_ = 12;
  double other_ms_ = 10;        // the frame's work besides the sweep (moving average)
  double last_compute_ms_ = 0;  // the last slice's time
  MapRect map_;
  int map_frame_ = -1;

  RgbaTexture texture_;
  std::vector<std::uint32_t> pixels_;
  std::uint64_t texture_version_ = ~0ull;
  SweepColourScale scale_;
};

}  // namespace adamlab::ui
