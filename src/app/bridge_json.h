#pragma once
// What the JS bridges (app_bridge.cpp, app_sweep_bridge.cpp) share: the JSON contract and the
// checks every argument passes before it is used. Every bridge function returns JSON and catches every exception: an exception
// escaping to JS would leak wasm stack and reach JS as a bare number (WEB_PITFALLS section 4).
#include <cmath>
#include <cstring>
#include <exception>
#include <limits>
#include <string>
#include <utility>

#include "app/app.h"
#include "app/bridge.h"
#include "core/error.h"
#include "core/limits.h"
#include "sim/scene_json.h"

namespace adamlab::app {

// JS numbers arrive as doubles: a count or index must be a whole, finite, non-negative number
// (up to 9e15, where doubles stop counting exactly). Checked before any cast.
inline long long whole(double v, const char* what) {
  if (!std::isfinite(v) || v != std::floor(v) || v < 0 || v > 9e15)
    throw Error(std::string("invalid ") + what + ": " + json_number(v));
  return static_cast<long long>(v);
}

// The JS API's "not given" for an optional step or run (web/adamlab.js sends -1; any other
// negative number is refused).
constexpr double kNotGiven = -1;

// A run id: a whole number an int holds (ids never wrap: 2^32 + 1 is not run 1).
inline int run_id(double v) {
  const long long id = whole(v, "run id");
  if (id > std::numeric_limits<int>::max()) throw Error("invalid run id: " + json_number(v) + " (no run has an id that large)");
  return static_cast<int>(id);
}

// Strings reach C++ already measured and NUL-checked by web/adamlab.js (null = ""); measured
// again here, before the copy, for any other caller.
inline std::string text(const char* s, const char* what = "spec", std::size_t max_chars = kMaxSpecChars) {
  if (!s) return std::string();
  const std::size_t n = strnlen(s, max_chars + 1);
  if (n > max_chars)
    throw Error(std::string("invalid ") + what + ": longer than " + std::to_string(max_chars) + " characters");
  return std::string(s, n);
}

// The message for a link refused as a whole for its length (nothing of it is loaded).
inline std::string link_too_long(double chars) {
  return "link too long: " + json_number(chars) + " characters (at most " + std::to_string(kMaxLinkChars) +
         "); nothing was loaded";
}

// The UI state a page or test reads beside the scene: link, link errors, embed flags, anatomy
// (app_bridge.cpp), as ",\"key\":value" pieces to append to an object.
std::string ui_state_json(App& app);
// The mode shown's undo history, ,"undo":{canUndo, canRedo, undoDepth, redoDepth, bytes}, and
// the help overlay, ,"help":{open, card} (app_undo_bridge.cpp).
std::string undo_state_json(App& app);
// getState() in network mode, and its "network" part (app_network_bridge.cpp).
std::string network_state_json(App& app);
std::string network_part_json(App& app);

// Stores body(app)'s JSON in `result`, or {"error": message} for any exception (also when the
// app is not running), and returns result.c_str(): valid until `result` is next written. A call
// that succeeded is recorded as an undo step if it changed the scene; a pure read (getState)
// passes record = false, so reading the state never changes the history it reports.
template <class F>
const char* respond_json(std::string& result, F&& body, bool record = true) {
  try {
    App* app = app_instance();
    if (!app) throw Error("AdamLab is not running");
    result = body(*app);
    if (record) app->record_undo();  // each call that changed a scene is one undo step
  } catch (const std::exception& e) {
    result = "{\"error\":" + json_string(e.what()) + "}";
  } catch (...) {
    result = "{\"error\":\"unknown error\"}";
  }
  return result.c_str();
}

}  // namespace adamlab::app
