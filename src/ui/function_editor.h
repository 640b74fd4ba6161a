#pragma once
// "f(x, y) = your own...": the editor under the problem combo while the scene's problem is a typed
// function (spec expr:TEXT, expr/definition.h). The field holds the whole text; every edit is
// checked with the expr parser on the UI's own copy, and only a valid one is sent to the scene as
// a command (the landscape follows each valid edit); an invalid one leaves the scene as it was and
// shows the parser's message with a caret under the column it names. The named constants, the
// view, the start and the known minimum have their own fields, which rewrite the text's parts
// after ';'. The field keeps the user's own text (spacing included) and reloads only when the
// scene's problem changes from elsewhere (a link, undo, a preset, the JS API).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "expr/definition.h"
#include "ui/commands.h"
#include "ui/layout.h"

namespace adamlab {
class Scene;
}

namespace adamlab::ui {

// Where the editor drew its parts (CSS px), for adamlab.layout() and real clicks in tests.
struct FunctionEditorBoxes {
  bool shown = false;
  Box field;                // the text field
  Box message;              // the error message (empty box when there is none)
  Box caret;                // the '^' under the offending column (empty when none)
  float column_x = 0;       // where the caret points: the left edge of the offending character
  std::vector<std::pair<std::string, Box>> examples;  // example buttons by name
  std::vector<std::pair<std::string, Box>> constants;  // constant fields by name
};

class FunctionEditor {
 public:
  // Draws the editor for the scene's typed problem (call only while it is one).
  void draw(const Scene& scene, CommandQueue& commands, bool touch);
  // The spec the combo entry sets: the editor's last valid text, else the default.
  std::string entry_spec() const;

  const FunctionEditorBoxes& boxes() const { return boxes_; }
  const std::string& text() const { return text_; }
  const std::string& error() const { return error_; }
  int error_column() const { return column_; }  // 1-based in text(); 0 = no error or no column
  void forget_boxes() { boxes_ = FunctionEditorBoxes{}; }

 private:
  void sync(const Scene& scene);
  // Checks `text` as the user's; when valid and different from the scene's, queues it.
  void edit(const std::string& text, const Scene& scene, CommandQueue& commands);
  // The parts after ';' for the fields, split once per change of the text, not per frame.
  void split_parts(const Scene& scene);
  void draw_parts(const Scene& scene, CommandQueue& commands);
  void draw_message();

  std::string text_;          // the field's text, as typed
  char buffer_[1024] = {};    // the field's edit buffer (a definition is at most 1000 characters)
  std::string loaded_spec_;   // the scene spec text_ was last loaded from or sent as
  std::string last_valid_;    // the last text that parsed, for the combo entry
  std::string error_;
  int column_ = 0;
  int generation_ = 0;        // bumped on reload: a new field id drops ImGui's copy of the old text
  std::optional<expr::Definition> parts_;  // split_parts(); empty when neither text splits
  bool parts_editable_ = true;             // false: parts_ came from the scene's text
  FunctionEditorBoxes boxes_;
};

}  // namespace adamlab::ui
