#pragma once
// The network mode's chart: train loss (solid) and test loss (dashed) of every visible run
// against the step on a log scale, and on a second tab their accuracies. One LossChart per tab
// (ui/loss_chart.h) fed with series over the runs' own history rows: no copy per frame.
#include <string>
#include <unordered_map>

#include "ui/loss_chart.h"

namespace adamlab {
class NetScene;
}

namespace adamlab::ui {

class NetChart {
 public:
  // With tabs (Loss, Accuracy) in the current window's remaining region.
  void draw_tabs(const NetScene& scene);
  // Only the tab items (Loss, Accuracy), inside a tab bar the caller owns (beside its Sweep tab).
  void draw_tab_items(const NetScene& scene);
  // The loss plot alone, with a shorter toolbar (embeds).
  void draw_loss(const NetScene& scene, bool compact);
  // The plot the last frame drew, and which tab it was.
  const Box& plot_box() const { return accuracy_shown_ ? accuracy_.plot_box() : loss_.plot_box(); }
  bool accuracy_shown() const { return accuracy_shown_; }
  bool zoomed() const { return accuracy_shown_ ? accuracy_.zoomed() : loss_.zoomed(); }

 private:
  void draw_accuracy(const NetScene& scene);
  std::vector<ChartSeries> series(const NetScene& scene, bool accuracy);
  LossChart loss_, accuracy_;
  bool accuracy_shown_ = false;
  std::unordered_map<std::string, std::string> label_cache_;
};

}  // namespace adamlab::ui
