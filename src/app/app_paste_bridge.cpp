// "PyTorch in" for the page (web/adamlab.js pastePyTorch) and the clipboard text a DOM paste
// event brings to ImGui's text fields. As app_bridge.cpp: JSON out, every exception caught, and a
// refused call changes nothing (the paste is parsed and validated whole before the scene is touched).
#include <string>

#include "app/app.h"
#include "app/app_clipboard.h"
#include "app/bridge_json.h"
#include "core/error.h"
#include "export/torch_parse.h"
#include "ui/paste_box.h"

namespace {

using adamlab::Error;
using adamlab::app::App;

std::string g_result;

}  // namespace

AL_EXPORT const char* al_paste_pytorch(const char* text, double id) {
  return adamlab::app::respond_json(g_result, [text, id](App& app) {
    const std::string pasted = adamlab::app::text(text, "paste", adamlab::kMaxTorchPasteChars);
    const bool update = id != adamlab::app::kNotGiven;
    const int rid = update ? adamlab::app::run_id(id) : 0;
    const adamlab::TorchPaste paste = adamlab::parse_torch_paste(pasted);
    const std::string opt = paste.optimizer_spec(), sched = paste.scheduler_spec();
    int result_id = rid;
    if (app.network()) {
      if (update) app.net_scene().update_run(rid, opt, sched);
      else result_id = app.net_scene().add_run(opt, sched);
      app.ui().net().select(result_id);
    } else {
      if (update) app.scene().update_run(rid, opt, sched);
      else result_id = app.scene().add_run(opt, sched);
      app.ui().panel().select(result_id);
    }
    std::string notes = "[";
    for (const auto& n : paste.notes) notes += (notes.size() > 1 ? "," : "") + adamlab::json_string(n);
    return "{\"id\":" + std::to_string(result_id) + ",\"optimizer\":" + adamlab::json_string(opt) +
           ",\"scheduler\":" + adamlab::json_string(sched) + ",\"notes\":" + notes + "],\"mode\":\"" +
           (app.network() ? "network" : "landscape") + "\"}";
  });
}

AL_EXPORT const char* al_set_clipboard(const char* text) {
  return adamlab::app::respond_json(g_result, [text](App&) {
    adamlab::app::set_pasted_text(adamlab::app::text(text, "clipboard text", adamlab::kMaxLinkChars));
    return std::string("{\"ok\":true}");
  });
}

// The "Paste PyTorch" field of the mode shown: where it is (CSS px), its text and its message.
AL_EXPORT const char* al_paste_field() {
  return adamlab::app::respond_json(g_result, [](App& app) {
    const adamlab::ui::PasteBox& box = app.network() ? app.ui().net().paste_box() : app.ui().panel().paste_box();
    const auto rect = [](const float (&r)[4]) {
      return "{\"left\":" + adamlab::json_number(r[0]) + ",\"top\":" + adamlab::json_number(r[1]) +
             ",\"width\":" + adamlab::json_number(r[2]) + ",\"height\":" + adamlab::json_number(r[3]) + "}";
    };
    const auto& r = box.rects();
    return std::string("{\"drawn\":") + (r.drawn ? "true" : "false") + ",\"field\":" + rect(r.field) +
           ",\"add\":" + rect(r.add) + ",\"update\":" + rect(r.update) + ",\"text\":" + adamlab::json_string(box.text()) +
           ",\"refusal\":" + adamlab::json_string(box.error()) + ",\"status\":" + adamlab::json_string(box.status()) + "}";
  });
}
