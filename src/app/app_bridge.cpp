// The JS bridge: extern "C" functions that web/adamlab.js calls through cwrap. Every one returns
// JSON and catches every exception here: an exception escaping to JS would leak wasm stack and
// reach JS as a bare number (WEB_PITFALLS section 4). adamlab.js turns {"error": m} into
// `throw new Error(m)`. Natively these compile too (handy for tests), with no export attribute.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <exception>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/bridge_json.h"
#include "core/error.h"
#include "expr/syntax.h"
#include "imgui.h"
#include "sim/anatomy.h"
#include "sim/update_equations.h"
#include "sim/presets.h"
#include "sim/next_optimizer.h"
#include "sim/scene_json.h"
#include "ui/fonts.h"

#if defined(__EMSCRIPTEN__)
#include <emscripten/heap.h>
#endif

namespace {

using adamlab::Error;
using adamlab::Scene;
using adamlab::app::App;
using adamlab::app::run_id;
using adamlab::app::text;

// The atlas as built (ui/fonts.h): CSS px and raster px (x DPR), the texture, the faces' names and
// whether each is proportional (measured: ten i's against ten M's).
std::string font_stats() {
  const ImGuiIO& io = ImGui::GetIO();
  const ImFont* ui = adamlab::ui::ui_font();
  const ImFont* mono = adamlab::ui::mono_font();
  if (!ui || !mono) return "null";  // no atlas built (the native bridge fuzz target draws no frames)
  auto width = [](const ImFont* f, const char* s) { return f->CalcTextSizeA(f->FontSize, 1e9f, 0, s).x; };
  auto name = [](const ImFont* f) { return std::string(f->ConfigData ? f->ConfigData->Name : ""); };
  return "{\"px\":" + adamlab::json_number(ui->FontSize * io.FontGlobalScale) + ",\"rasterPx\":" + adamlab::json_number(ui->FontSize) +
         ",\"globalScale\":" + adamlab::json_number(io.FontGlobalScale) + ",\"atlasWidth\":" + std::to_string(io.Fonts->TexWidth) +
         ",\"atlasHeight\":" + std::to_string(io.Fonts->TexHeight) + ",\"ui\":" + adamlab::json_string(name(ui)) +
         ",\"mono\":" + adamlab::json_string(name(mono)) + ",\"uiProportional\":" +
         (width(ui, "iiiiiiiiii") < 0.6f * width(ui, "MMMMMMMMMM") ? "true" : "false") + ",\"monoFixed\":" +
         (width(mono, "iiiiiiiiii") == width(mono, "MMMMMMMMMM") ? "true" : "false") + "}";
}

std::string next_optimizer(const App& app) {
  std::vector<adamlab::Spec> on_map;
  if (app.network())
    for (const auto& r : app.net_scene().runs()) on_map.push_back(r.optimizer);
  else
    for (const auto& r : app.scene().runs()) on_map.push_back(r.optimizer);
  return adamlab::next_optimizer_spec(on_map);
}
using adamlab::app::kNotGiven;
using adamlab::app::link_too_long;
using adamlab::app::whole;

std::string g_result;  // the returned pointer stays valid until the next call

template <class F>
const char* respond(F&& body, bool record = true) {
  return adamlab::app::respond_json(g_result, std::forward<F>(body), record);
}

std::string ok() { return "{\"ok\":true}"; }

// The WebAssembly memory's current size (it only grows); 0 natively.
std::size_t heap_bytes() {
#if defined(__EMSCRIPTEN__)
  return emscripten_get_heap_size();
#else
  return 0;
#endif
}

std::string json_strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? "," : "") + adamlab::json_string(items[i]);
  return out + "]";
}

std::string json_vec(const Eigen::Vector2d& v) {
  return "[" + adamlab::json_number(v.x()) + "," + adamlab::json_number(v.y()) + "]";
}

// [{text, segments: [{text, term, role}]}]: role is the term's vector's (its colour), "" for plain text.
std::string equations_json(const std::vector<adamlab::EquationLine>& lines, const adamlab::StepAnatomy& a) {
  std::string s = "[";
  for (std::size_t i = 0; i < lines.size(); ++i) {
    s += std::string(i ? "," : "") + "{\"text\":" + adamlab::json_string(lines[i].text()) + ",\"segments\":[";
    for (std::size_t k = 0; k < lines[i].segments.size(); ++k) {
      const auto& seg = lines[i].segments[k];
      const adamlab::NamedVector* v = seg.term.empty() ? nullptr : a.vector(seg.term);
      s += std::string(k ? "," : "") + "{\"text\":" + adamlab::json_string(seg.text) + ",\"term\":" + adamlab::json_string(seg.term) +
           ",\"role\":" + adamlab::json_string(v ? adamlab::to_string(v->role) : "") + "}";
    }
    s += "]}";
  }
  return s + "]";
}

std::string anatomy_json(const adamlab::StepAnatomy& a, long long inspected, long long last, const std::string& diagnosis,
                         const std::vector<adamlab::EquationLine>& equations, const std::string& symbols) {
  std::string s = "{\"optimizer\":" + adamlab::json_string(a.optimizer) + ",\"t\":" + std::to_string(a.t) +
                  ",\"step\":" + std::to_string(inspected) + ",\"lastStep\":" + std::to_string(last) +
                  ",\"position\":" + json_vec(a.position) + ",\"nextPosition\":" + json_vec(a.next_position) +
                  ",\"update\":" + json_vec(a.step) + ",\"torchExact\":" + (a.torch_exact ? "true" : "false") +
                  ",\"note\":" + adamlab::json_string(a.note) + ",\"diagnosis\":" + adamlab::json_string(diagnosis) +
                  ",\"vectors\":{";
  for (std::size_t i = 0; i < a.vectors.size(); ++i)
    s += (i ? "," : "") + adamlab::json_string(a.vectors[i].name) + ":{\"value\":" + json_vec(a.vectors[i].value) +
         ",\"role\":" + adamlab::json_string(adamlab::to_string(a.vectors[i].role)) + "}";
  s += "},\"scalars\":{";
  for (std::size_t i = 0; i < a.scalars.size(); ++i)
    s += (i ? "," : "") + adamlab::json_string(a.scalars[i].name) + ":" + adamlab::json_number(a.scalars[i].value);
  return s + "},\"equations\":" + equations_json(equations, a) + ",\"symbols\":" + adamlab::json_string(symbols) + "}";
}

}  // namespace

namespace adamlab::app {

std::string ui_state_json(App& app) {
  const auto& share = app.ui().share();
  std::string s = ",\"link\":" + adamlab::json_string(app.link());
  s += ",\"linkErrors\":" + json_strings(share.errors_dismissed ? std::vector<std::string>{} : share.link_errors);
  s += ",\"preset\":" + (share.preset ? adamlab::json_string(*share.preset) : std::string("null"));
  // The lesson Reset returns to (App::lesson_link), and whether the figure was changed since.
  s += ",\"lesson\":" + (app.lesson_link() ? adamlab::json_string(*app.lesson_link()) : std::string("null"));
  s += std::string(",\"lessonChanged\":") + (app.lesson_changed() ? "true" : "false");
  s += undo_state_json(app);
  s += std::string(",\"embed\":") + (share.embed ? "true" : "false");
  s += std::string(",\"loop\":") + (share.loop ? "true" : "false");
  s += ",\"panels\":" + (share.panels ? json_strings(*share.panels) : std::string("null"));
  app.ui().refresh_anatomy(app.scene());
  const auto& view = app.ui().anatomy_view();
  if (view.active()) {
    s += ",\"anatomy\":{\"run\":" + std::to_string(view.run_id()) + ",\"step\":" + std::to_string(view.inspected_step()) +
         ",\"lastStep\":" + std::to_string(view.last_step()) + ",\"following\":" +
         (app.ui().anatomy().step ? "false" : "true") + ",\"biasCorrection\":" +
         (app.ui().anatomy().bias_correction ? "true" : "false");
    // The equations the panel shows (their text), so a test sees what the user reads.
    std::vector<std::string> lines;
    for (const auto& l : view.equations()) lines.push_back(l.text());
    s += ",\"equations\":" + json_strings(lines) + "}";
  } else {
    s += ",\"anatomy\":null";
  }
  return s;
}

}  // namespace adamlab::app

using adamlab::app::ui_state_json;

AL_EXPORT const char* al_get_state() {
  return respond([](App& app) {
    if (app.network()) return adamlab::app::network_state_json(app);
    std::string s = adamlab::scene_state_json(app.scene());
    // UI-side state an embedding page may want: which run the panel edits.
    std::string extra = ",\"selected\":" + std::to_string(app.ui().panel().selected());
    // Where the landscape is on the page (CSS px) and which plot rectangle it shows, so a test or
    // an embedding page can map plot points to clicks.
    if (auto view = app.ui().landscape().last_view()) {
      const adamlab::Rect v = view->visible();
      const auto& px = view->screen();
      extra += ",\"view\":{\"xmin\":" + adamlab::json_number(v.xmin) + ",\"xmax\":" + adamlab::json_number(v.xmax) +
               ",\"ymin\":" + adamlab::json_number(v.ymin) + ",\"ymax\":" + adamlab::json_number(v.ymax) +
               ",\"left\":" + adamlab::json_number(px.x) + ",\"top\":" + adamlab::json_number(px.y) +
               ",\"width\":" + adamlab::json_number(px.w) + ",\"height\":" + adamlab::json_number(px.h) + "}";
    }
    // The message the control column shows for the last refused UI edit ("" = none).
    extra += ",\"uiError\":" + adamlab::json_string(app.error());
    // Whether a text field has the keyboard (a test typing into the UI checks it got there).
    extra += std::string(",\"uiTyping\":") + (ImGui::GetCurrentContext() && ImGui::GetIO().WantTextInput ? "true" : "false");
    extra += ui_state_json(app);
    // The mode, and the network scene waiting beside the landscape (the same part as in network mode).
    extra += ",\"mode\":\"landscape\",\"network\":" + adamlab::app::network_part_json(app);
    s.insert(s.size() - 1, extra);
    return s;
  }, /*record=*/false);
}

AL_EXPORT const char* al_reset_to_defaults() {
  return respond([](App& app) {
    app.reset_to_defaults();
    return ok();
  });
}

AL_EXPORT const char* al_play() {
  return respond([](App& app) { app.network() ? app.net_scene().play() : app.scene().play(); return ok(); });
}
AL_EXPORT const char* al_pause() {
  return respond([](App& app) { app.network() ? app.net_scene().pause() : app.scene().pause(); return ok(); });
}
AL_EXPORT const char* al_reset() { return respond([](App& app) { app.reset(); return ok(); }); }

AL_EXPORT const char* al_step(double n) {
  return respond([n](App& app) {
    const long long count = whole(n, "step count");
    app.network() ? app.net_scene().step(count) : app.scene().step(count);
    return ok();
  });
}

AL_EXPORT const char* al_set_problem(const char* spec) {
  return respond([spec](App& app) {
    try {
      app.scene().set_problem(text(spec, "problem spec"));
    } catch (const adamlab::expr::ExprError& e) {
      // A typed function's mistake also gives its column (1-based in the text after "expr:"), which
      // web/adamlab.js puts on the thrown Error as .column. Nothing changed: set_problem builds first.
      return "{\"error\":" + adamlab::json_string(e.what()) + ",\"column\":" + std::to_string(e.column()) + "}";
    }
    return ok();
  });
}

AL_EXPORT const char* al_set_start(double x, double y) {
  return respond([x, y](App& app) {
    app.scene().set_start(x, y);
    return ok();
  });
}

AL_EXPORT const char* al_add_run(const char* optimizer, const char* scheduler) {
  return respond([optimizer, scheduler](App& app) {
    std::string opt = text(optimizer, "optimizer spec");
    const std::string sched = text(scheduler, "scheduler spec");
    if (opt.empty()) opt = next_optimizer(app);  // addRun() with no optimizer: what "Add run" offers
    const int id = app.network() ? app.net_scene().add_run(opt, sched) : app.scene().add_run(opt, sched);
    return "{\"id\":" + std::to_string(id) + "}";
  });
}

AL_EXPORT const char* al_remove_run(double id) {
  return respond([id](App& app) {
    app.network() ? app.net_scene().remove_run(run_id(id)) : app.scene().remove_run(run_id(id));
    return ok();
  });
}

AL_EXPORT const char* al_update_run(double id, const char* optimizer, const char* scheduler) {
  return respond([id, optimizer, scheduler](App& app) {
    const int rid = run_id(id);
    const std::string opt = text(optimizer, "optimizer spec"), sched = text(scheduler, "scheduler spec");
    app.network() ? app.net_scene().update_run(rid, opt, sched) : app.scene().update_run(rid, opt, sched);
    return ok();
  });
}

AL_EXPORT const char* al_duplicate_run(double id) {
  return respond([id](App& app) {
    const int fresh = app.network() ? app.net_scene().duplicate_run(run_id(id)) : app.scene().duplicate_run(run_id(id));
    return "{\"id\":" + std::to_string(fresh) + "}";
  });
}

AL_EXPORT const char* al_set_visible(double id, int visible) {
  return respond([id, visible](App& app) {
    app.network() ? app.net_scene().set_visible(run_id(id), visible != 0) : app.scene().set_visible(run_id(id), visible != 0);
    return ok();
  });
}

AL_EXPORT const char* al_select_run(double id) {
  return respond([id](App& app) {
    const int rid = run_id(id);
    if (app.network()) {
      if (!app.net_scene().find(rid)) throw Error("no run with id " + std::to_string(rid));
      app.ui().net().select(rid);
      return ok();
    }
    if (!app.scene().find(rid)) throw Error("no run with id " + std::to_string(rid));
    app.ui().panel().select(rid);
    return ok();
  });
}

AL_EXPORT const char* al_set_speed(double steps_per_second) {
  return respond([steps_per_second](App& app) {
    app.network() ? app.net_scene().set_speed(steps_per_second) : app.scene().set_speed(steps_per_second);
    return ok();
  });
}

AL_EXPORT const char* al_set_step_limit(double limit) {
  return respond([limit](App& app) {
    const long long n = whole(limit, "step limit");
    app.network() ? app.net_scene().set_step_limit(n) : app.scene().set_step_limit(n);
    return ok();
  });
}

AL_EXPORT const char* al_trace(double id) {
  return respond([id](App& app) {
    const int rid = run_id(id);
    const adamlab::SceneRun* run = app.scene().find(rid);
    if (!run) throw Error("no run with id " + std::to_string(rid));
    return "{\"csv\":" + adamlab::json_string(adamlab::run_trace_csv(*run)) + "}";
  });
}

// Pinch zoom from the page's touch handler; x, y in CSS pixels of the canvas.
AL_EXPORT const char* al_zoom_at(double factor, double x, double y) {
  return respond([factor, x, y](App& app) {
    app.ui().landscape().zoom_at(factor, x, y);
    return ok();
  });
}

AL_EXPORT const char* al_stats() {
  return respond([](App& app) {
    const auto& s = app.stats();
    return "{\"frames\":" + std::to_string(s.frames) + ",\"frameMs\":" + adamlab::json_number(s.average_ms) +
           ",\"uiFrameMs\":" + adamlab::json_number(s.ui_average_ms) + ",\"simFrameMs\":" + adamlab::json_number(s.sim_average_ms) + ",\"lastFrameMs\":" + adamlab::json_number(s.last_ms) + ",\"maxFrameMs\":" + adamlab::json_number(s.max_ms) +
           ",\"firstFrameCpuMs\":" + adamlab::json_number(s.first_frame_ms) +
           ",\"rasterBuilds\":" + std::to_string(app.ui().landscape().raster_builds()) +
           ",\"netRasterBuilds\":" + std::to_string(app.ui().net().view().raster_builds()) + ",\"mode\":\"" + adamlab::ui::to_string(app.mode()) + "\"" +
           ",\"heapBytes\":" + std::to_string(heap_bytes()) + ",\"font\":" + font_stats() + "}";
  });
}

// --- links, presets, anatomy, export ---

AL_EXPORT const char* al_get_link(int embed) {
  return respond([embed](App& app) {
    return "{\"link\":" + adamlab::json_string(embed ? app.embed_link() : app.link()) + "}";
  });
}

// Never an error: a link's bad parts come back in "errors" and the rest is applied; a link
// longer than kMaxLinkChars is refused whole (and shown in the banner).
AL_EXPORT const char* al_set_link(const char* link) {
  return respond([link](App& app) {
    const std::size_t n = link ? strnlen(link, adamlab::kMaxLinkChars + 1) : 0;
    if (n > adamlab::kMaxLinkChars) return "{\"errors\":" + json_strings(app.refuse_link(link_too_long(static_cast<double>(n)))) + "}";
    return "{\"errors\":" + json_strings(app.apply_link(std::string(link ? link : "", n))) + "}";
  });
}

// The page measured a link too long to pass (`chars` characters): shows why in the banner,
// loads nothing.
AL_EXPORT const char* al_refuse_link(double chars) {
  return respond([chars](App& app) { return "{\"errors\":" + json_strings(app.refuse_link(link_too_long(chars))) + "}"; });
}

AL_EXPORT const char* al_dismiss_link_errors() {
  return respond([](App& app) {
    app.ui().share().errors_dismissed = true;
    return ok();
  });
}

AL_EXPORT const char* al_presets() {
  return respond([](App&) {
    std::string s = "{\"presets\":[";
    bool first = true;
    for (const auto& p : adamlab::presets()) {
      s += std::string(first ? "" : ",") + "{\"name\":" + adamlab::json_string(p.name) + ",\"title\":" +
           adamlab::json_string(p.title) + ",\"caption\":" + adamlab::json_string(p.caption) + ",\"link\":" +
           adamlab::json_string(p.link) + "}";
      first = false;
    }
    return s + "]}";
  });
}

// The anatomy of run `id`'s next step from step k (k == -1: its current step), computed directly.
AL_EXPORT const char* al_anatomy(double id, double k, int bias_correction) {
  return respond([id, k, bias_correction](App& app) {
    const int rid = run_id(id);
    const adamlab::SceneRun* run = app.scene().find(rid);
    if (!run) throw Error("no run with id " + std::to_string(rid));
    const long long last = run->run.diverged() ? std::max<long long>(0, run->run.diverged_at() - 1) : run->run.steps_taken();
    const long long step = k == kNotGiven ? last : whole(k, "step");
    if (step > last) throw Error("invalid step: " + std::to_string(step) + " (the run has " + std::to_string(last) + " finite steps)");
    const adamlab::Run at = adamlab::replay_run(app.scene(), *run, step);
    adamlab::AnatomyOptions options;
    options.bias_correction = bias_correction != 0;
    const std::string diagnosis = run->run.diverged() && step == last ? adamlab::diagnose_divergence(at) : std::string();
    const adamlab::StepAnatomy a = adamlab::explain_next_step(at, options);
    adamlab::EquationOptions eq;
    eq.t = a.t;
    eq.bias_correction = options.bias_correction;
    return anatomy_json(a, step, last, diagnosis, adamlab::update_equations(run->optimizer, eq),
                        adamlab::equation_symbols(run->optimizer));
  });
}

// The anatomy mode of the UI: id == -1 turns it off; k == -1 follows the run's current step.
// Every argument is checked before anything changes: a refused call leaves the UI as it was.
AL_EXPORT const char* al_set_anatomy(double id, double k, int bias_correction) {
  return respond([id, k, bias_correction](App& app) {
    auto& cursor = app.ui().anatomy();
    if (id == kNotGiven) {
      cursor = adamlab::ui::AnatomyCursor{};
      return ok();
    }
    const int rid = run_id(id);
    if (!app.scene().find(rid)) throw Error("no run with id " + std::to_string(rid));
    adamlab::ui::AnatomyCursor next;
    next.run_id = rid;
    next.bias_correction = bias_correction != 0;
    if (k != kNotGiven) next.step = whole(k, "step");
    cursor = next;
    app.ui().panel().select(rid);
    app.scene().pause();
    return ok();
  });
}

AL_EXPORT const char* al_export_csv() {
  return respond([](App& app) { return "{\"csv\":" + adamlab::json_string(adamlab::scene_traces_csv(app.scene())) + "}"; });
}

// The next display frame first draws the exported figure (App::figure_frame) and tells the page
// (Module.onFigureRendered), which reads the canvas then.
AL_EXPORT const char* al_request_figure() {
  return respond([](App& app) {
    app.request_figure();
    return ok();
  });
}

// The scene as JSON: its link (which rebuilds it) and its state.
AL_EXPORT const char* al_export_json() {
  return respond([](App& app) {
    return "{\"format\":\"adamlab-scene-1\",\"link\":" + adamlab::json_string(app.link()) +
           ",\"state\":" + adamlab::scene_state_json(app.scene()) + "}";
  });
}
