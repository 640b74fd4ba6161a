#include "ui/ui_state.h"

#include <algorithm>

namespace adamlab::ui {

bool ShareState::shows(const char* panel) const {
  return !panels || std::find(panels->begin(), panels->end(), panel) != panels->end();
}

const char* to_string(Mode mode) { return mode == Mode::network ? "network" : "landscape"; }

const char* to_string(UiAction action) {
  switch (action) {
    case UiAction::copy_link: return "copyLink";
    case UiAction::copy_embed: return "copyEmbed";
    case UiAction::export_csv: return "exportCsv";
    case UiAction::export_json: return "exportJson";
    case UiAction::export_png: return "exportPng";
    case UiAction::open_full: return "openFull";
    case UiAction::open_tutorial: return "openTutorial";
  }
  return "";
}

}  // namespace adamlab::ui
