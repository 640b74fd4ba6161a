// adamlab.undo() and adamlab.redo() (web/adamlab.js): the state after the step, as getState()
// gives it, with "changed": false when there was nothing to undo (redo), which is no error.
#include <string>

#include "app/app.h"
#include "app/bridge_json.h"

namespace adamlab::app {
namespace {

std::string g_undo_result;

std::string stepped(bool changed) {
  std::string s = al_get_state();  // copies the reply before anything else writes it
  if (s.size() < 2 || s.rfind("{\"error\"", 0) == 0) return s;
  s.insert(s.size() - 1, std::string(",\"changed\":") + (changed ? "true" : "false"));
  return s;
}

// The help overlay: open, and its card (CSS px, as drawn last frame; null when closed).
std::string help_json(App& app) {
  const ui::HelpOverlay& help = app.ui().help();
  const ui::Box& c = help.card();
  std::string card = "null";
  if (help.open() && c.w > 0)
    card = "{\"left\":" + json_number(c.x) + ",\"top\":" + json_number(c.y) + ",\"width\":" + json_number(c.w) +
           ",\"height\":" + json_number(c.h) + "}";
  return std::string(",\"help\":{\"open\":") + (help.open() ? "true" : "false") + ",\"card\":" + card + "}";
}

}  // namespace

std::string undo_state_json(App& app) {
  const UndoHistory& h = app.undo_history(app.mode());
  return std::string(",\"undo\":{\"canUndo\":") + (h.can_undo() ? "true" : "false") +
         ",\"canRedo\":" + (h.can_redo() ? "true" : "false") + ",\"undoDepth\":" + std::to_string(h.undo_depth()) +
         ",\"redoDepth\":" + std::to_string(h.redo_depth()) + ",\"bytes\":" + std::to_string(h.bytes()) + "}" +
         help_json(app);
}

}  // namespace adamlab::app

AL_EXPORT const char* al_undo() {
  return adamlab::app::respond_json(adamlab::app::g_undo_result,
                                    [](adamlab::app::App& app) { return adamlab::app::stepped(app.undo()); });
}

AL_EXPORT const char* al_redo() {
  return adamlab::app::respond_json(adamlab::app::g_undo_result,
                                    [](adamlab::app::App& app) { return adamlab::app::stepped(app.redo()); });
}
