#pragma once
// The help overlay: the keyboard and mouse shortcuts, what the map and the chart show, and a link
// to the tutorial. Opened by the `?` key or the "?" button, closed by Esc, its Close button or a
// click outside it. A modal card sized to the display (a phone or a 480 x 320 embed scrolls it).
#include "ui/layout.h"
#include "ui/ui_state.h"

namespace adamlab::ui {

class HelpOverlay {
 public:
  bool open() const { return open_; }
  void show() { open_ = true; }
  void toggle() { open_ = !open_; }
  // `?` opens or closes it, Esc closes it; not while a text field has the keyboard.
  void handle_keys();
  // Draws it while open, over everything else (call after every other window). The tutorial
  // link asks the page to open web/tutorial.html in a new tab (UiAction::open_tutorial).
  void draw(Mode mode, bool touch, UiRequests& requests);
  // Where the card was drawn last frame (CSS px; empty when closed): the JS layout read-out.
  const Box& card() const { return card_; }

 private:
  bool open_ = false;
  bool popup_open_ = false;  // ImGui's modal is open (it opens the frame after open_ is set)
  Box card_;
};

}  // namespace adamlab::ui
