// The browser playground: Emscripten's GLFW on a full-window WebGL2 canvas (web/index.html).
// Canvas sizing, HiDPI and wheel handling follow shared/WEB_PITFALLS.md (sections 1, 2, extra).
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string>

#include "app/app.h"
#include "app/app_clipboard.h"
#include "app/app_platform.h"
#include "app/bridge_json.h"
#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "ui/fonts.h"

namespace {

using adamlab::app::App;
using adamlab::app::Platform;

Platform g_platform;
App* g_app = nullptr;
double g_last_time = 0;
bool g_embed_timing = false;

// Tells the page (web/adamlab.js) that the first frame is on screen: window.adamlab.ready.
EM_JS(void, notify_first_frame, (), { if (Module.onFirstFrame) Module.onFirstFrame(); });
// After every rendered frame, while the drawing buffer still holds it (a PNG export reads it here).
EM_JS(void, notify_frame_rendered, (), { if (Module.onFrameRendered) Module.onFrameRendered(); });
// The exported figure is in the drawing buffer (App::figure_frame): the page reads it now.
EM_JS(void, notify_figure_rendered, (), { if (Module.onFigureRendered) Module.onFigureRendered(); });
// A button the page must handle (copy link, export, open in a new tab): web/adamlab.js.
EM_JS(void, notify_ui_action, (const char* name), { if (Module.onUiAction) Module.onUiAction(UTF8ToString(name)); });
// ImGui's clipboard through the page (web/adamlab.js): 3.1.6's glfwSetClipboardString is empty.
EM_JS(void, web_copy_text, (const char* text), { if (Module.onCopyText) Module.onCopyText(UTF8ToString(text)); });
// The link the page was opened with: the hash, else the query ("" if neither). Its length is
// read first, so an oversized link is refused before it is copied into the heap.
EM_JS(double, initial_link_chars, (), {
  var s = location.hash && location.hash.length > 1 ? location.hash : (location.search && location.search.length > 1 ? location.search : "");
  return s.length;
});
EM_JS(char*, initial_link_js, (), {
  var s = location.hash && location.hash.length > 1 ? location.hash : (location.search && location.search.length > 1 ? location.search : "");
  var n = lengthBytesUTF8(s) + 1, p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});

// Backing store = CSS size x devicePixelRatio, through Browser.setCanvasSize so GLFW's window
// (and ImGui's display) follow. Never glfwSetWindowSize: at screen size 3.1.6 goes fullscreen.
void fit() {
  double cw = 0, ch = 0;
  emscripten_get_element_css_size("#canvas", &cw, &ch);
  const double dpr = emscripten_get_device_pixel_ratio();
  g_platform.dpr = static_cast<float>(dpr);
  // Deprecated but the one call that goes through Browser.setCanvasSize, which GLFW listens to;
  // emscripten_set_canvas_element_size alone leaves GLFW at 640x480.
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wdeprecated-declarations"
  emscripten_set_canvas_size(static_cast<int>(cw * dpr + 0.5), static_cast<int>(ch * dpr + 0.5));
#pragma clang diagnostic pop
}

EM_BOOL on_resize(int, const EmscriptenUiEvent*, void*) {
  fit();
  return EM_FALSE;
}

void frame() {
  const double t0 = emscripten_get_now();
  // devicePixelRatio changes (browser zoom, moving to another screen) fire no event: poll.
  if (emscripten_get_device_pixel_ratio() != g_platform.dpr) fit();
  double cw = 0, ch = 0;
  emscripten_get_element_css_size("#canvas", &cw, &ch);
  const float want_font = adamlab::ui::font_px_for(static_cast<float>(cw), static_cast<float>(ch));
  if (want_font != g_platform.font_px || g_platform.dpr != g_platform.font_dpr)
    adamlab::app::platform_build_fonts(g_platform, want_font, g_platform.dpr);

  // An embed (a tutorial may hold a dozen, all on one page's thread) draws every second display
  // frame: 30 fps is plenty for a figure, and it halves the page's load.
  if (g_app->ui().share().embed != g_embed_timing) {
    g_embed_timing = g_app->ui().share().embed;
    emscripten_set_main_loop_timing(EM_TIMING_RAF, g_embed_timing ? 2 : 1);
  }
  if (g_app->take_figure_request()) {
    // Drawn, read and then drawn over within this callback: the browser composites only the
    // normal frame below, so the figure never flashes on screen.
    adamlab::app::platform_new_frame(g_platform, false);
    g_app->figure_frame();
    adamlab::app::platform_render(g_platform);
    notify_figure_rendered();
  }
  const double now = glfwGetTime();
  const double dt = g_last_time > 0 ? now - g_last_time : 0;
  g_last_time = now;
  adamlab::app::platform_new_frame(g_platform);
  g_app->frame(dt);
  const double t_ui = emscripten_get_now();
  adamlab::app::platform_render(g_platform);
  const bool first = g_app->stats().frames == 0;
  g_app->record_frame_time(emscripten_get_now() - t0, t_ui - t0);
  notify_frame_rendered();
  if (first) notify_first_frame();
  for (auto action : g_app->take_actions()) notify_ui_action(adamlab::ui::to_string(action));
}

}  // namespace

int main() {
  if (!adamlab::app::platform_init(g_platform, 800, 600, "AdamLab", "#version 300 es")) return 1;
  g_platform.css_pixels = true;
  fit();
  emscripten_set_resize_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, nullptr, EM_FALSE, on_resize);
  // 3.1.6 passes the DOM's deltaY (pixels, down = positive): one notch is about -1 in ImGui.
  glfwSetScrollCallback(g_platform.window, [](GLFWwindow* w, double x, double y) {
    ImGui_ImplGlfw_ScrollCallback(w, -x / 100, -y / 100);
  });
  adamlab::app::use_page_clipboard(web_copy_text);
  double cw = 0, ch = 0;
  emscripten_get_element_css_size("#canvas", &cw, &ch);
  adamlab::app::platform_build_fonts(g_platform, adamlab::ui::font_px_for(static_cast<float>(cw), static_cast<float>(ch)),
                                     g_platform.dpr);
  g_app = new App();
  adamlab::app::set_app_instance(g_app);
  // A shared link opens as its scene from the very first frame.
  if (const double chars = initial_link_chars(); chars > adamlab::kMaxLinkChars) {
    g_app->refuse_link(adamlab::app::link_too_long(chars));
  } else if (char* link = initial_link_js()) {
    if (link[0]) g_app->apply_link(link);
    free(link);
  }
  emscripten_set_main_loop(frame, 0, true);
  return 0;
}
