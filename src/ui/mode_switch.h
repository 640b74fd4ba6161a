#pragma once
// The mode switch, "Landscape | Network": two buttons, the current mode's lit (in an embed's
// toolbar only the other mode's). It only asks
// (UiRequests::mode); the app switches between frames. Drawn at the top of the desktop control
// column, above the phone sheet's tabs and in an embed's toolbar, so every layout has it.
#include "ui/layout.h"
#include "ui/ui_state.h"

namespace adamlab::ui {

// Where the switch's two buttons were drawn this frame (CSS px; the JS layout read-out).
struct ModeSwitchBoxes {
  Box landscape, network;
};

// `compact` (a small embed's toolbar): one button, for the other mode, so the toolbar stays
// narrow enough to leave the figure its legend.
void draw_mode_switch(Mode current, UiRequests& requests, ModeSwitchBoxes& boxes, bool compact = false);

// An embed's map narrower than this has no room for the switch beside Play, Reset, the counter
// and Open (its legend would lose its corner): there "Open" leads to the full page, which has it.
constexpr float kMinEmbedWidthForSwitch = 420;

}  // namespace adamlab::ui
