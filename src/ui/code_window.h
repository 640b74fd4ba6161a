#pragma once
// The "PyTorch code" window: shows a script that src/export generated (scene_export.h) with
// simple Python highlighting, scrollable, with Copy and Copy-constructor-line buttons. It owns
// no generation: the playground hands it a finished CodeExport.
#include <string>
#include <vector>

#include "export/scene_export.h"
#include "imgui.h"
#include "ui/ui_state.h"

namespace adamlab::ui {

// A piece of one line of Python and how it is coloured.
enum class CodeTokenKind { plain, keyword, number, string, comment };
struct CodeToken {
  CodeTokenKind kind;
  std::size_t begin, end;  // [begin, end) in the line
};
// Splits one line into tokens (a display aid, not a Python parser: no multi-line strings).
std::vector<CodeToken> highlight_python_line(const std::string& line);

// The "PyTorch code" and "Whole scene" buttons under a run's hyperparameters: they ask for the
// window through requests.show_code (the playground generates the code and opens it).
void draw_code_buttons(int run_id, UiRequests& requests, bool touch);

class CodeWindow {
 public:
  // Shows `code` (replacing what was shown) under `title`; an `error` instead says why there is none.
  void open(torch_export::CodeExport code, std::string title);
  void open_error(std::string title, std::string error);
  void close() { open_ = false; }
  bool is_open() const { return open_; }
  const torch_export::CodeExport& code() const { return code_; }
  // Draws the window while open, fitted to the display (phone and embed sizes included).
  void draw(ImVec2 display, bool touch);

 private:
  torch_export::CodeExport code_;
  std::string title_, error_;
  std::vector<std::string> lines_;
  std::vector<std::vector<CodeToken>> tokens_;
  bool open_ = false;
  bool place_ = false;  // position and size the window on its next frame
  float copied_until_ = -1;  // show "copied" until this time (ImGui::GetTime())
  const char* copied_what_ = "";
};

}  // namespace adamlab::ui
