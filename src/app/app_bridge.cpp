// The JS bridge: extern "C" functions that web/adamlab.js calls through cwrap. Every one returns
// JSON and catches every exception here: an exception escaping to JS would leak wasm stack and
// reach JS as a bare number (WEB_PITFALLS section 4). adamlab.js turns {"error": m} into
// `throw new Error(m)`. Natively these compile too (handy for tests), with no export attribute.
#include <cmath>
#include <exception>
#include <string>

#include "app/app.h"
#include "core/error.h"
#include "sim/scene_json.h"

#if defined(__EMSCRIPTEN__)
#include <emscripten/emscripten.h>
#define AL_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define AL_EXPORT extern "C"
#endif

namespace {

using adamlab::Error;
using adamlab::Scene;
using adamlab::app::App;

std::string g_result;  // the returned pointer stays valid until the next call

template <class F>
const char* respond(F&& body) {
  try {
    App* app = adamlab::app::app_instance();
    if (!app) throw Error("AdamLab is not running");
    g_result = body(*app);
  } catch (const std::exception& e) {
    g_result = "{\"error\":" + adamlab::json_string(e.what()) + "}";
  } catch (...) {
    g_result = "{\"error\":\"unknown error\"}";
  }
  return g_result.c_str();
}

std::string ok() { return "{\"ok\":true}"; }

// JS numbers arrive as doubles: a step count or id must be a whole, finite, non-negative number.
long long whole(double v, const char* what) {
  if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v > 9e15)
    throw Error(std::string("invalid ") + what + ": " + adamlab::json_number(v));
  return static_cast<long long>(v);
}

std::string text(const char* s) { return s ? std::string(s) : std::string(); }

}  // namespace

AL_EXPORT const char* al_get_state() {
  return respond([](App& app) {
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
    s.insert(s.size() - 1, extra);
    return s;
  });
}

AL_EXPORT const char* al_play() { return respond([](App& app) { app.scene().play(); return ok(); }); }
AL_EXPORT const char* al_pause() { return respond([](App& app) { app.scene().pause(); return ok(); }); }
AL_EXPORT const char* al_reset() { return respond([](App& app) { app.scene().reset(); return ok(); }); }

AL_EXPORT const char* al_step(double n) {
  return respond([n](App& app) {
    app.scene().step(whole(n, "step count"));
    return ok();
  });
}

AL_EXPORT const char* al_set_problem(const char* spec) {
  return respond([spec](App& app) {
    app.scene().set_problem(text(spec));
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
    const int id = app.scene().add_run(text(optimizer), text(scheduler));
    return "{\"id\":" + std::to_string(id) + "}";
  });
}

AL_EXPORT const char* al_remove_run(double id) {
  return respond([id](App& app) {
    app.scene().remove_run(static_cast<int>(whole(id, "run id")));
    return ok();
  });
}

AL_EXPORT const char* al_update_run(double id, const char* optimizer, const char* scheduler) {
  return respond([id, optimizer, scheduler](App& app) {
    app.scene().update_run(static_cast<int>(whole(id, "run id")), text(optimizer), text(scheduler));
    return ok();
  });
}

AL_EXPORT const char* al_duplicate_run(double id) {
  return respond([id](App& app) {
    const int fresh = app.scene().duplicate_run(static_cast<int>(whole(id, "run id")));
    return "{\"id\":" + std::to_string(fresh) + "}";
  });
}

AL_EXPORT const char* al_set_visible(double id, int visible) {
  return respond([id, visible](App& app) {
    app.scene().set_visible(static_cast<int>(whole(id, "run id")), visible != 0);
    return ok();
  });
}

AL_EXPORT const char* al_select_run(double id) {
  return respond([id](App& app) {
    const int rid = static_cast<int>(whole(id, "run id"));
    if (!app.scene().find(rid)) throw Error("no run with id " + std::to_string(rid));
    app.ui().panel().select(rid);
    return ok();
  });
}

AL_EXPORT const char* al_set_speed(double steps_per_second) {
  return respond([steps_per_second](App& app) {
    app.scene().set_speed(steps_per_second);
    return ok();
  });
}

AL_EXPORT const char* al_set_step_limit(double limit) {
  return respond([limit](App& app) {
    app.scene().set_step_limit(whole(limit, "step limit"));
    return ok();
  });
}

AL_EXPORT const char* al_trace(double id) {
  return respond([id](App& app) {
    const int rid = static_cast<int>(whole(id, "run id"));
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
           ",\"uiFrameMs\":" + adamlab::json_number(s.ui_average_ms) + ",\"lastFrameMs\":" + adamlab::json_number(s.last_ms) + ",\"maxFrameMs\":" + adamlab::json_number(s.max_ms) +
           ",\"firstFrameCpuMs\":" + adamlab::json_number(s.first_frame_ms) +
           ",\"rasterBuilds\":" + std::to_string(app.ui().landscape().raster_builds()) + "}";
  });
}
