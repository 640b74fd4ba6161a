#pragma once
// Anatomy of a step in the UI: for one run at an inspected step k, the vectors that make its next
// update (sim/anatomy.h) drawn as arrows at the run's point on the map, a timeline slider, the
// teaching-only bias-correction switch and the table of numbers. Recomputed only when the run,
// k or the switch change (a replay from the start costs O(k)).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "imgui.h"
#include "sim/anatomy.h"
#include "sim/update_equations.h"
#include "ui/commands.h"
#include "ui/details.h"
#include "ui/ui_state.h"
#include "ui/overlay_layout.h"
#include "ui/view_transform.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

class AnatomyView {
 public:
  // Brings the cache up to date; false when anatomy is off or its run is gone (cursor cleared).
  bool update(const Scene& scene, AnatomyCursor& cursor);
  // The panel section: run picker, timeline, switch, table. Edits the cursor directly.
  void draw_panel(const Scene& scene, AnatomyCursor& cursor, CommandQueue& commands);
  // Arrows, the inspected-point marker, the no-bias-correction path and a legend on the map.
  void draw_overlay(ImDrawList* dl, const ViewTransform& view, const Scene& scene, OverlayPlacer& placer) const;

  bool active() const { return valid_; }
  const StepAnatomy& anatomy() const { return anatomy_; }
  std::int64_t inspected_step() const { return step_; }
  std::int64_t last_step() const { return max_step_; }  // the slider's end
  const std::string& diagnosis() const { return diagnosis_; }
  int run_id() const { return run_id_; }
  // The selected optimizer's update equations for the inspected step (sim/update_equations.h),
  // and the values of their symbols.
  const std::vector<EquationLine>& equations() const { return equations_; }
  const std::string& equation_symbols() const { return symbols_; }
  // Where the last draw_overlay() put its legend on the map (CSS px).
  const Box& legend_box() const { return legend_box_; }
  const DetailsState& details() const { return details_; }  // the implementation note's disclosure

 private:
  void draw_equations() const;
  bool valid_ = false;
  std::string key_;
  int run_id_ = 0;
  int colour_ = 0;
  std::int64_t step_ = 0, max_step_ = 0;
  StepAnatomy anatomy_;
  std::string diagnosis_;           // why the run diverged ("" if it did not)
  std::vector<EquationLine> equations_;
  std::string symbols_;
  std::vector<Eigen::Vector2d> nobc_path_;  // Adam without bias correction (teaching view only)
  DetailsState details_;
  mutable Box legend_box_;                  // a drawing result, reported like the map's overlays
};

}  // namespace adamlab::ui
