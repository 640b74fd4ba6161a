#pragma once
// The mode switch, "Landscape | Network": two buttons, the current mode's lit. It only asks
// (UiRequests::mode); the app switches between frames. Drawn at the top of the desktop control
// column, above the phone sheet's tabs and in an embed's toolbar, so every layout has it.
#include "ui/layout.h"
#include "ui/ui_state.h"

namespace adamlab::ui {

// Where the switch's two buttons were drawn this frame (CSS px; the JS layout read-out).
struct ModeSwitchBoxes {
  Box landscape, network;
};

void draw_mode_switch(Mode current, UiRequests& requests, ModeSwitchBoxes& boxes);

}  // namespace adamlab::ui
