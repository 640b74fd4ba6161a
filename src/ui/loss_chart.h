#pragma once
// Loss, distance to the nearest minimum, or the learning rate against step for every visible
// run, drawn by hand on the draw list: log scale by default, the wheel zooms the step axis (the
// y range follows what is in view), a double click shows every step again, and a hover
// read-out of (step, value) per run uses the same mapping as the curves.
#include <cstdint>
#include <optional>

#include "ui/layout.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

enum class ChartQuantity { Loss, DistanceToMinimum, LearningRate };
const char* to_string(ChartQuantity quantity);  // "loss", "distance", "lr" (read-out, JS layout)

class LossChart {
 public:
  // Toolbar + chart in the current window's remaining region. `cursor`: a step to mark with a
  // vertical line (the anatomy view's inspected step). `compact`: a shorter toolbar (embeds).
  void draw(const Scene& scene, std::optional<std::int64_t> cursor = std::nullopt, bool compact = false);
  // The plot area of the last frame drawn (CSS px), and what it showed.
  const Box& plot_box() const { return plot_; }
  ChartQuantity quantity() const { return quantity_; }
  bool zoomed() const { return steps_.has_value(); }

 private:
  ChartQuantity quantity_ = ChartQuantity::Loss;
  bool log_scale_ = true;
  std::optional<std::pair<double, double>> steps_;  // zoomed step range; nullopt = 0 .. current step
  Box plot_;
};

}  // namespace adamlab::ui
