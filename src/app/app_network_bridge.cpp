// The JS bridge's network mode (web/adamlab.js setMode, setNetwork, newSeed, loadCsv, and
// getState in network mode). As app_bridge.cpp: JSON out, every exception caught, and a refused
// call changes nothing.
#include <cmath>
#include <cstdio>
#include <string>

#include "app/app.h"
#include "app/bridge_json.h"
#include "core/error.h"
#include "imgui.h"
#include "nn/net_link.h"
#include "nn/net_presets.h"
#include "sim/palette.h"
#include "sim/scene_json.h"
#include "ui/net_controls.h"

namespace adamlab::app {
namespace {

std::string g_result;

const char* boolean(bool v) { return v ? "true" : "false"; }

std::string colour_hex(int index) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(run_colour_rgb(index)));
  return buf;
}

// Every run with its last row (the history's newest: the current step while the history holds
// every step, else the last kept one; "step" says which).
std::string runs_json(const NetScene& scene) {
  std::string s = "[";
  bool first = true;
  for (const auto& r : scene.runs()) {
    const NetRow row = r.history.rows().empty() ? NetRow{} : r.history.rows().back();
    s += first ? "{" : ",{";
    first = false;
    s += "\"id\":" + std::to_string(r.id);
    s += ",\"optimizer\":" + json_string(to_string(r.optimizer));
    s += ",\"scheduler\":" + json_string(r.scheduler);
    s += ",\"colour\":" + json_string(colour_hex(r.colour));
    s += std::string(",\"visible\":") + boolean(r.visible);
    s += ",\"step\":" + std::to_string(r.run.steps_taken()) + ",\"rowStep\":" + std::to_string(row.step);
    s += ",\"trainLoss\":" + json_number(row.train_loss) + ",\"testLoss\":" + json_number(row.test_loss);
    s += ",\"trainAccuracy\":" + json_number(row.train_accuracy) + ",\"testAccuracy\":" + json_number(row.test_accuracy);
    s += ",\"loss\":" + json_number(row.train_loss) + ",\"lr\":" + json_number(row.lr);
    s += std::string(",\"diverged\":") + boolean(r.run.diverged());
    s += ",\"divergedAt\":" + (r.run.diverged() ? std::to_string(r.run.diverged_at()) : std::string("null"));
    s += "}";
  }
  return s + "]";
}

const char* view_kind(ui::NetViewKind k) {
  return k == ui::NetViewKind::boundary ? "boundary" : k == ui::NetViewKind::curve ? "curve" : "features";
}

}  // namespace

std::string network_part_json(App& app) {
  const NetScene& scene = app.net_scene();
  const NetTask& task = scene.task();
  const Dataset& d = task.data();
  std::string layers;
  for (int n : task.mlp().sizes()) layers += (layers.empty() ? "" : ",") + std::to_string(n);
  std::string s = "{\"data\":" + json_string(task.config().data);
  s += std::string(",\"csv\":") + boolean(!scene.csv().empty());
  s += ",\"model\":" + json_string(task.config().model);
  s += ",\"batchSize\":" + std::to_string(task.config().batch_size);
  s += ",\"seed\":" + std::to_string(task.config().seed);
  s += ",\"parameters\":" + std::to_string(task.mlp().parameter_count());
  s += ",\"layers\":[" + layers + "]";
  s += ",\"inputs\":" + std::to_string(d.input_dim) + ",\"classes\":" + std::to_string(d.classes);
  s += ",\"trainSize\":" + std::to_string(d.train_size()) + ",\"testSize\":" + std::to_string(d.test_size());
  s += ",\"step\":" + std::to_string(scene.step_count()) + ",\"epoch\":" + std::to_string(scene.epoch());
  s += ",\"batchesPerEpoch\":" + std::to_string(task.batches_per_epoch());
  s += std::string(",\"playing\":") + boolean(scene.playing());
  s += ",\"speed\":" + json_number(scene.speed()) + ",\"stepLimit\":" + std::to_string(scene.step_limit());
  s += ",\"selected\":" + std::to_string(app.ui().net().selected());
  s += ",\"runs\":" + runs_json(scene);
  // Where the main view is on the page (CSS px) and which plane rectangle it shows.
  const auto& view = app.ui().net().view();
  const ui::Box& px = view.plot_box();
  const DataBounds& b = view.plot_bounds();
  s += ",\"view\":{\"kind\":\"" + std::string(view_kind(view.kind())) + "\",\"rasterBuilds\":" + std::to_string(view.raster_builds()) +
       ",\"left\":" + json_number(px.x) + ",\"top\":" + json_number(px.y) + ",\"width\":" + json_number(px.w) +
       ",\"height\":" + json_number(px.h) + ",\"xmin\":" + json_number(b.xmin) + ",\"xmax\":" + json_number(b.xmax) +
       ",\"ymin\":" + json_number(b.ymin) + ",\"ymax\":" + json_number(b.ymax) + "}";
  return s + "}";
}

std::string network_state_json(App& app) {
  const NetScene& scene = app.net_scene();
  std::string s = "{\"mode\":\"network\"";
  s += ",\"step\":" + std::to_string(scene.step_count()) + ",\"epoch\":" + std::to_string(scene.epoch());
  s += std::string(",\"playing\":") + boolean(scene.playing());
  s += ",\"speed\":" + json_number(scene.speed()) + ",\"stepLimit\":" + std::to_string(scene.step_limit());
  s += ",\"runs\":" + runs_json(scene);
  s += ",\"network\":" + network_part_json(app);
  s += ",\"selected\":" + std::to_string(app.ui().net().selected());
  s += ",\"uiError\":" + json_string(app.error());
  s += std::string(",\"uiTyping\":") + boolean(ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput);
  s += ui_state_json(app);
  return s + "}";
}

}  // namespace adamlab::app

using adamlab::Error;
using adamlab::app::App;
using adamlab::app::kNotGiven;
using adamlab::app::text;
using adamlab::app::whole;

AL_EXPORT const char* al_set_mode(const char* mode) {
  return adamlab::app::respond_json(adamlab::app::g_result, [mode](App& app) {
    const std::string m = text(mode, "mode");
    if (m != "network" && m != "landscape") throw Error("invalid mode: '" + m + "' (landscape or network)");
    app.set_mode(m == "network" ? adamlab::ui::Mode::network : adamlab::ui::Mode::landscape);
    return std::string("{\"mode\":\"") + m + "\"}";
  });
}

// Every given part at once: a refused one leaves the whole network scene as it was.
AL_EXPORT const char* al_set_network(const char* data, const char* model, double batch_size, double seed) {
  return adamlab::app::respond_json(adamlab::app::g_result, [=](App& app) {
    const std::string d = text(data, "data spec"), m = text(model, "model spec");
    const long long b = batch_size == kNotGiven ? -1 : whole(batch_size, "batch size");
    const long long s = seed == kNotGiven ? -1 : whole(seed, "seed");
    adamlab::NetScene& scene = app.net_scene();
    if (scene.csv().empty() || !d.empty()) {
      // One new task (data, model, batch and seed together): validated whole before anything changes.
      adamlab::NetTaskConfig config = scene.task().config();
      if (!d.empty()) config.data = d;
      if (!m.empty()) config.model = m;
      if (b >= 0) config.batch_size = b;
      if (s >= 0) config.seed = static_cast<std::uint64_t>(s);
      scene.set_task(config);
    } else {
      // The user's CSV stays: the parts apply one by one to a copy, which replaces the scene at the end.
      adamlab::NetScene next = scene;
      if (!m.empty()) next.set_model(m);
      if (b >= 0) next.set_batch_size(b);
      if (s >= 0) next.set_seed(static_cast<std::uint64_t>(s));
      scene = std::move(next);
    }
    return std::string("{\"ok\":true}");
  });
}

AL_EXPORT const char* al_new_seed() {
  return adamlab::app::respond_json(adamlab::app::g_result, [](App& app) {
    const std::uint64_t seed = adamlab::ui::next_seed(app.net_scene().task().config().seed);
    app.net_scene().set_seed(seed);
    return "{\"seed\":" + std::to_string(seed) + "}";
  });
}

AL_EXPORT const char* al_net_presets() {
  return adamlab::app::respond_json(adamlab::app::g_result, [](App&) {
    std::string s = "{\"presets\":[";
    for (const auto& p : adamlab::net_presets())
      s += std::string(s.back() == '[' ? "" : ",") + "{\"name\":" + adamlab::json_string(p.name) + ",\"title\":" +
           adamlab::json_string(p.title) + ",\"caption\":" + adamlab::json_string(p.caption) + ",\"link\":" +
           adamlab::json_string("#preset=" + p.name) + "}";
    return s + "]}";
  });
}

AL_EXPORT const char* al_load_csv(const char* csv, double test_fraction) {
  return adamlab::app::respond_json(adamlab::app::g_result, [=](App& app) {
    const std::string rows = text(csv, "csv", adamlab::kMaxLinkChars);
    if (!std::isfinite(test_fraction)) throw Error("invalid test_fraction for csv: " + adamlab::json_number(test_fraction));
    app.net_scene().set_csv(rows, test_fraction);
    return std::string("{\"ok\":true}");
  });
}
