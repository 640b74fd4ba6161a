#pragma once
// What the JS bridges (app_bridge.cpp, app_sweep_bridge.cpp) share: the export attribute and the
// JSON contract. Every bridge function returns JSON and catches every exception: an exception
// escaping to JS would leak wasm stack and reach JS as a bare number (WEB_PITFALLS section 4).
#include <exception>
#include <string>
#include <utility>

#include "app/app.h"
#include "core/error.h"
#include "sim/scene_json.h"

#if defined(__EMSCRIPTEN__)
#include <emscripten/emscripten.h>
#define AL_EXPORT extern "C" EMSCRIPTEN_KEEPALIVE
#else
#define AL_EXPORT extern "C"
#endif

namespace adamlab::app {

// Stores body(app)'s JSON in `result`, or {"error": message} for any exception (also when the
// app is not running), and returns result.c_str(): valid until `result` is next written.
template <class F>
const char* respond_json(std::string& result, F&& body) {
  try {
    App* app = app_instance();
    if (!app) throw Error("AdamLab is not running");
    result = body(*app);
  } catch (const std::exception& e) {
    result = "{\"error\":" + json_string(e.what()) + "}";
  } catch (...) {
    result = "{\"error\":\"unknown error\"}";
  }
  return result.c_str();
}

}  // namespace adamlab::app
