#pragma once
// Loss (or distance to the nearest minimum) against step for every visible run, drawn by hand
// on the draw list: log scale by default, a hover read-out of (step, value) per run.
namespace adamlab {
class Scene;
}

namespace adamlab::ui {

enum class ChartQuantity { Loss, DistanceToMinimum };

class LossChart {
 public:
  void draw(const Scene& scene);  // toolbar + chart in the current window's remaining region

 private:
  ChartQuantity quantity_ = ChartQuantity::Loss;
  bool log_scale_ = true;
};

}  // namespace adamlab::ui
