#pragma once
// The UI's own state that a scene link carries besides the Scene (sim/link.h): where the scene
// came from, embed mode, which panels show, looping, the anatomy cursor, and the errors of the
// last link applied. Plain data: the app writes it when a link loads, the panels edit it, and
// the link is rebuilt from it.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace adamlab::ui {

// What the page trains: the 2D landscapes, or neural networks on data (issue 11).
enum class Mode { landscape, network };
const char* to_string(Mode mode);  // "landscape", "network"

struct ShareState {
  std::optional<std::string> preset;                 // preset loaded last (its name)
  std::optional<std::vector<std::string>> panels;    // nullopt = every panel
  Mode mode = Mode::landscape;  // the scene the page shows (a link's mode=)
  bool embed = false;  // tutorial mode: no control column, a small play bar on the map
  bool loop = false;   // at the step limit, hold a moment, then reset and play again
  std::vector<std::string> link_errors;  // "<piece>: <why>" per ignored part of the last link
  bool errors_dismissed = false;
  bool lesson_changed = false;  // the reader changed the lesson's figure (App sets it every frame)
  bool can_undo = false, can_redo = false;  // the mode shown has a step to undo / redo (App sets them)

  bool shows(const char* panel) const;  // true when panels is unset or lists it
};

// "Inspect step" cursor of the anatomy view. The scene's shared step counter is untouched: the
// cursor picks a step k <= the run's current step and shows the state after k steps.
struct AnatomyCursor {
  std::optional<int> run_id;          // nullopt = anatomy off
  bool bias_correction = true;        // false: the teaching view, NOT PyTorch (adam/adamw)
  std::optional<std::int64_t> step;   // nullopt = follow the run's current step
};

// One-shot requests from the UI that need the app (links, the page): read and cleared per frame.
enum class UiAction { copy_link, copy_embed, export_csv, export_json, export_png, open_full, open_tutorial };

// "PyTorch code" (ui/code_window.h): the run whose code to show, or every run of the scene.
struct CodeRequest {
  int run_id = 0;
  bool whole_scene = false;
};

struct UiRequests {
  std::optional<std::string> load_preset;
  std::vector<UiAction> actions;
  bool dismiss_errors = false;
  bool reset_to_defaults = false;  // "Start over": the default scene (App::reset_to_defaults)
  bool restore_lesson = false;     // "Back to the lesson" (App::restore_lesson)
  std::optional<Mode> mode;        // the mode switch: show this mode (App::set_mode)
  std::optional<CodeRequest> show_code;  // handled by the Playground itself (its code window)
  bool undo = false, redo = false;  // Ctrl+Z, Ctrl+Shift+Z / Ctrl+Y and the buttons (App::undo)
  bool toggle_help = false;         // the "?" button (the Playground's own: ui/help_overlay.h)
};

const char* to_string(UiAction action);  // "copyLink", "copyEmbed", "exportCsv", ...

}  // namespace adamlab::ui
