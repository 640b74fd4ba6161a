// The "PyTorch code" part of the JS bridge: the script that reproduces a run (or the whole scene)
// with torch.optim, in the mode shown, and the run's constructor lines (src/export/scene_export.h).
#include <optional>
#include <string>
#include <utility>

#include "app/app.h"
#include "app/bridge_json.h"
#include "export/scene_export.h"
#include "ui/code_window.h"

namespace {

std::string g_result;  // the returned pointer stays valid until the next call

std::string run_code_json(const adamlab::torch_export::RunCode& r) {
  return "{\"id\":" + std::to_string(r.id) + ",\"constructor\":" + adamlab::json_string(r.constructor) +
         ",\"scheduler\":" + adamlab::json_string(r.scheduler) + "}";
}

}  // namespace

// id: a run of the mode shown (ignored when whole_scene is non-zero). Reads only: a refused call
// and an accepted one both leave the app as it was.
AL_EXPORT const char* al_pytorch_code(double id, int whole_scene) {
  return adamlab::app::respond_json(g_result, [id, whole_scene](adamlab::app::App& app) {
    const std::optional<int> run = whole_scene ? std::nullopt : std::optional<int>(adamlab::app::run_id(id));
    const adamlab::torch_export::CodeExport code = app.network()
                                                       ? adamlab::torch_export::network_code(app.net_scene(), run)
                                                       : adamlab::torch_export::landscape_code(app.scene(), run);
    std::string runs = "[";
    for (std::size_t i = 0; i < code.runs.size(); ++i) runs += (i ? "," : "") + run_code_json(code.runs[i]);
    return "{\"script\":" + adamlab::json_string(code.script) + ",\"constructor\":" +
           adamlab::json_string(code.run.constructor) + ",\"scheduler\":" + adamlab::json_string(code.run.scheduler) +
           ",\"mode\":\"" + (app.network() ? "network" : "landscape") + "\",\"runs\":" + runs + "]}";
  });
}

// The code window: show = 0 the run's code, 1 the whole scene's, 2 close it. Returns
// {"open", "title", "lines"}; a refused call leaves the window as it was.
AL_EXPORT const char* al_show_pytorch_code(double id, int show) {
  return adamlab::app::respond_json(g_result, [id, show](adamlab::app::App& app) {
    adamlab::ui::CodeWindow& window = app.ui().code_window();
    if (show == 2) {
      window.close();
    } else if (show == 0 || show == 1) {
      const std::optional<int> run = show == 1 ? std::nullopt : std::optional<int>(adamlab::app::run_id(id));
      adamlab::torch_export::CodeExport code = app.network()
                                                   ? adamlab::torch_export::network_code(app.net_scene(), run)
                                                   : adamlab::torch_export::landscape_code(app.scene(), run);
      window.open(std::move(code), run ? "PyTorch code: run " + std::to_string(*run) : "PyTorch code: the whole scene");
    } else {
      throw adamlab::Error("invalid code window request: " + std::to_string(show) + " (0 run, 1 scene, 2 close)");
    }
    std::size_t lines = 0;
    for (const char c : window.code().script) lines += c == '\n';
    return std::string("{\"open\":") + (window.is_open() ? "true" : "false") +
           ",\"lines\":" + std::to_string(window.is_open() ? lines : 0) + "}";
  });
}
