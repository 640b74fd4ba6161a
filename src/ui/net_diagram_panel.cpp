#include "ui/net_diagram_panel.h"

#include <algorithm>

#include "nn/net_map.h"
#include "nn/net_scene.h"
#include "sim/palette.h"
#include "ui/draw_util.h"

namespace adamlab::ui {

void draw_net_diagram_panel(const NetScene& scene, int selected_id, const Box& box, NetDiagramState& state, bool touch) {
  if (box.empty()) return;
  ImGui::SetNextWindowPos(ImVec2(box.x, box.y));
  ImGui::SetNextWindowSize(ImVec2(box.w, box.h));
  if (ImGui::Begin("##netdiagram", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
    draw_net_diagram_contents(scene, selected_id, state, touch);
  ImGui::End();
}

void draw_net_diagram_contents(const NetScene& scene, int selected_id, NetDiagramState& state, bool touch) {
  const NetSceneRun* run = scene.find(selected_id);
  if (!run) {
    ImGui::TextDisabled("No run to show.");
  } else {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float line = ImGui::GetTextLineHeight();
    dl->AddRectFilled(ImVec2(at.x, at.y + 2), ImVec2(at.x + line - 4, at.y + line - 2), rgb_to_imu32(run_colour_rgb(run->colour)), 2);
    ImGui::SetCursorScreenPos(ImVec2(at.x + line, at.y));
    ImGui::TextDisabled("selected run's network, step %lld", static_cast<long long>(run->run.steps_taken()));
    if (ImGui::IsItemHovered() && !touch) ImGui::SetTooltip("Hover a node to see its output over the plane large.");
    const NetTask& task = scene.task();
    // The maps cover the data's box made square (about its centre), so a node's map is the
    // plane undistorted, as TensorFlow Playground's square [-6, 6] view.
    const DataBounds b = data_bounds(task.data());
    const double half = 0.5 * std::max(b.xmax - b.xmin, b.ymax - b.ymin);
    const double cx = 0.5 * (b.xmin + b.xmax), cy = 0.5 * (b.ymin + b.ymax);
    NetDiagramInput in;
    in.mlp = &task.mlp();
    in.model = &task.model();
    in.input_dim = task.data().input_dim;
    in.params = &run->run.parameters();
    in.area = PlaneGrid{cx - half, cx + half, cy - half, cy + half, 16, 16};
    // The scene's version changes with every step and task; the selected run is mixed in.
    in.version = scene.version() * 1000003u + static_cast<std::uint64_t>(selected_id);
    in.touch = touch;
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 avail = ImGui::GetContentRegionAvail();
    draw_net_diagram(dl, origin, avail, in, state);
  }
}

}  // namespace adamlab::ui
