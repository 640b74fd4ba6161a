#pragma once
// The scene's gradient noise in the control column: off or Gaussian, std (log slider), relative
// or absolute, seed. Every run sees the same noise sequence; a change restarts the runs.
#include "ui/commands.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

void draw_noise_controls(const Scene& scene, CommandQueue& commands);

}  // namespace adamlab::ui
