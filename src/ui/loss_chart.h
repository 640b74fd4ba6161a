#pragma once
// A chart of values against step, drawn by hand on the draw list, for any list of series: log
// scale by default, the wheel zooms the step axis (the y range follows what is in view), a double
// click shows every step again, and a hover read-out of (step, value) per series uses the same
// mapping as the curves. The landscape's chart (loss, distance to the nearest minimum or the
// learning rate of every visible run) is draw(scene); the network mode builds its own series
// (train and test loss, accuracy) and calls plot().
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "imgui.h"
#include "ui/chart_scale.h"
#include "ui/layout.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

enum class ChartQuantity { Loss, DistanceToMinimum, LearningRate };
const char* to_string(ChartQuantity quantity);  // "loss", "distance", "lr" (read-out, JS layout)

struct ChartPoint {
  double step = 0, value = 0;
};

// One curve: `count` points in step order, read through `at` (a plain function over the
// caller's own rows, so no copy is made each frame). Non-finite values leave a gap.
struct ChartSeries {
  std::string label;       // the hover read-out's name for it
  std::uint32_t rgb = 0;   // 0xRRGGBB (sim/palette.h)
  bool dashed = false;     // a second curve of the same run (the test loss): dashed and lighter
  std::size_t count = 0;
  const void* rows = nullptr;
  const void* context = nullptr;
  ChartPoint (*at)(const ChartSeries& series, std::size_t index) = nullptr;
  ChartPoint point(std::size_t i) const { return at(*this, i); }
};

struct ChartPlot {
  ChartScale scale;                    // chart_scale_kind(log, f*): kind and offset; the range is fitted
  double last_step = 0;                // the step axis runs 0 .. max(last_step, 10) unless zoomed
  const char* quantity = "loss";       // the read-out's name for the values
  const char* value_format = "%.6g";   // the read-out's number format
  std::optional<std::int64_t> cursor;  // a step to mark with a vertical line
  bool compact = false;                // no hints (embeds)
};

class LossChart {
 public:
  // The landscape's chart: toolbar + plot in the current window's remaining region. `cursor`: a
  // step to mark (the anatomy view's inspected step). `compact`: a shorter toolbar (embeds).
  void draw(const Scene& scene, std::optional<std::int64_t> cursor = std::nullopt, bool compact = false);
  // The plot alone, in the current window's remaining region.
  void plot(const std::vector<ChartSeries>& series, const ChartPlot& options);
  // The plot area of the last frame drawn (CSS px), and what it showed.
  const Box& plot_box() const { return plot_; }
  ChartQuantity quantity() const { return quantity_; }
  bool zoomed() const { return steps_.has_value(); }
  bool& log_scale() { return log_scale_; }

 private:
  ChartQuantity quantity_ = ChartQuantity::Loss;
  bool log_scale_ = true;
  std::optional<std::pair<double, double>> steps_;  // zoomed step range; nullopt = 0 .. current step
  Box plot_;
  std::unordered_map<std::string, std::string> label_cache_;  // run label by "optimizer@scheduler"
};

// Draws a polyline dashed (dash and gap in pixels along the line).
void draw_dashed_polyline(ImDrawList* dl, const ImVec2* points, int count, ImU32 colour, float width,
                          float dash = 6, float gap = 4);

}  // namespace adamlab::ui
