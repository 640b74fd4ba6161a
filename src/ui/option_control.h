#pragma once
// One control per hyperparameter: a slider with its value beside it (never under the grab), the
// torch default marked on the track, and typing for exact values (double-click or Ctrl+click the
// slider, or click the value; right-click offers "reset to default"). A typed value is checked
// before it is sent: a refused one shows its message in a small box under the field, which keeps
// the typed text to fix, while the run keeps its last valid value; the panel does not move.
#include <functional>
#include <string>
#include <vector>

#include "ui/layout.h"
#include "ui/option_meta.h"

namespace adamlab::ui {

// The one field being typed into (or just refused), kept by the panel across frames.
struct FieldEdit {
  unsigned id = 0;          // ImGui id of the field in text mode; 0 = none
  char typed[64] = {};      // what the user typed
  std::string error;        // the refusal of the last Enter ("" = none)
  bool focus = false;       // give the text box keyboard focus next frame
  unsigned press_id = 0;    // the slider a press started on, and its value before the press (a
  std::string press_value;  // double-click's first click moved it: the second restores this)
};

struct OptionInput {
  std::string value;          // the spec's exact text
  std::string default_value;  // torch's default ("" = none, e.g. SGD's lr)
  OptionMeta meta;
  float width = 0;            // slider + value, CSS px
};

// "" = accepted, else the message (torch's where torch has one).
using Validator = std::function<std::string(const std::string& text)>;

// A refusal drawn over the panel at (x, y) (screen CSS px), at most `width` wide: the panel's
// layout does not move when it appears or goes.
void floating_error(const char* window_id, const std::string& message, const char* hint, float x, float y, float width);

// Draws the field; returns true with `out` set when a valid new value was chosen. `box` receives
// the field's rectangle (for adamlab.layout()).
bool option_control(const char* id, const OptionInput& in, FieldEdit& edit, const Validator& validate, std::string& out,
                    Box* box = nullptr);

}  // namespace adamlab::ui
