#pragma once
// The network mode's lesson menu, as the landscape's (ui/panels.cpp draw_lessons): the network
// presets (nn/net_presets.h) by title, the chosen one's caption, and "Back to the lesson" once
// the reader has changed its figure. Choosing a preset asks the app to load it (UiRequests).
#include <vector>

#include "ui/layout.h"
#include "ui/ui_state.h"

namespace adamlab::ui {

// Where this frame drew the menu (CSS px), for the layout read-out (adamlab.layout().lessonMenu)
// so a test can click it as a reader does. Empty boxes when not drawn.
struct NetLessonBoxes {
  Box combo;
  std::vector<Box> items;  // one per preset, in menu order, while the menu is open
  Box caption;             // the chosen preset's caption
};

void draw_net_lessons(const ShareState& share, UiRequests& requests, NetLessonBoxes& boxes);

}  // namespace adamlab::ui
