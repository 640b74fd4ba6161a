#pragma once
// The network diagram in the page: the selected run's network (ui/net_diagram.h) in a fixed
// window of its own. On a desktop it takes the right part of the chart's region when that is wide
// enough for both to stay readable; elsewhere (phone, embed, a narrow window) the caller gives it
// a region of its own or leaves it out.
#include "imgui.h"
#include "ui/layout.h"
#include "ui/net_diagram.h"
#include "ui/net_diagram_layout.h"

namespace adamlab {
class NetScene;
}

namespace adamlab::ui {

// Draws the selected run's network in a fixed window at `box` (nothing for an empty box).
void draw_net_diagram_panel(const NetScene& scene, int selected_id, const Box& box, NetDiagramState& state, bool touch);
// The same into the current window's remaining region (a tab of the phone's sheet).
void draw_net_diagram_contents(const NetScene& scene, int selected_id, NetDiagramState& state, bool touch);

}  // namespace adamlab::ui
