#pragma once
// Undo, Redo and "?" (help): three buttons beside the mode switch, and their keys. They only ask
// (UiRequests::undo / redo); the app undoes between frames (App::undo).
#include "ui/ui_state.h"

namespace adamlab::ui {

// Undo and Redo greyed out when there is nothing to undo (redo), then "?" (UiRequests::
// toggle_help). Call after ImGui::SameLine(): right-aligned on that line when they fit, else on
// the next.
void draw_undo_buttons(const ShareState& share, UiRequests& requests);

// Ctrl+Z / Cmd+Z undo; Ctrl+Shift+Z, Cmd+Shift+Z and Ctrl+Y redo. Never while a text field has
// the keyboard (its own Ctrl+Z undoes the typing).
void handle_undo_keys(UiRequests& requests);

}  // namespace adamlab::ui
