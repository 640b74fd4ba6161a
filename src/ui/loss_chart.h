#pragma once
// Loss (or distance to the nearest minimum) against step for every visible run, drawn by hand
// on the draw list: log scale by default, a hover read-out of (step, value) per run.
#include <cstdint>
#include <optional>

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

enum class ChartQuantity { Loss, DistanceToMinimum };

class LossChart {
 public:
  // Toolbar + chart in the current window's remaining region. `cursor`: a step to mark with a
  // vertical line (the anatomy view's inspected step).
  void draw(const Scene& scene, std::optional<std::int64_t> cursor = std::nullopt);

 private:
  ChartQuantity quantity_ = ChartQuantity::Loss;
  bool log_scale_ = true;
};

}  // namespace adamlab::ui
