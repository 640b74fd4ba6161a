// The desktop playground: the same App in a GLFW window with OpenGL 3.
//   adamlab_app [--width W] [--height H] [--frames N] [--screenshot out.png] [--link '#preset=adam']
// --frames stops after N frames (smoke tests); --screenshot saves the last frame as a PNG.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include <GLFW/glfw3.h>

#include "app/app.h"
#include "app/app_platform.h"
#include "app/app_screenshot.h"
#include "ui/fonts.h"

int main(int argc, char** argv) {
  int width = 1280, height = 800;
  long frames = -1;
  std::string screenshot;
  std::string link;  // a scene link, e.g. "#preset=adam" (sim/link.h)
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> const char* {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "adamlab_app: %s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--width") width = std::atoi(next());
    else if (a == "--height") height = std::atoi(next());
    else if (a == "--frames") frames = std::atol(next());
    else if (a == "--screenshot") screenshot = next();
    else if (a == "--link") link = next();
    else {
      std::fprintf(stderr, "usage: adamlab_app [--width W] [--height H] [--frames N] [--screenshot out.png] [--link '#preset=adam']\n");
      return 2;
    }
  }
  adamlab::app::Platform platform;
  if (!adamlab::app::platform_init(platform, width, height, "AdamLab", "#version 130")) {
    std::fprintf(stderr, "adamlab_app: could not create an OpenGL 3 window\n");
    return 1;
  }
  adamlab::app::platform_build_fonts(platform, adamlab::ui::font_px_for(static_cast<float>(width), static_cast<float>(height)), 1.0f);
  adamlab::app::App app;
  adamlab::app::set_app_instance(&app);
  if (!link.empty()) {
    for (const auto& e : app.apply_link(link)) std::fprintf(stderr, "adamlab_app: link: %s\n", e.c_str());
  }
  double last = glfwGetTime();
  for (long n = 0; !glfwWindowShouldClose(platform.window) && (frames < 0 || n < frames); ++n) {
    glfwPollEvents();
    const auto t0 = std::chrono::steady_clock::now();
    const double now = glfwGetTime();
    adamlab::app::platform_new_frame(platform);
    app.frame(now - last);
    last = now;
    // No page here: the share buttons print what a browser would copy; exports are web-only.
    for (auto action : app.take_actions()) {
      if (action == adamlab::ui::UiAction::copy_link) std::printf("link: %s\n", app.link().c_str());
      if (action == adamlab::ui::UiAction::copy_embed) std::printf("embed link: %s\n", app.embed_link().c_str());
    }
    const auto t_ui = std::chrono::steady_clock::now();
    const bool last_frame = frames >= 0 && n + 1 == frames;
    const bool capture = last_frame && !screenshot.empty();
    adamlab::app::platform_render(platform, /*swap=*/!capture);
    app.record_frame_time(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count(),
                          std::chrono::duration<double, std::milli>(t_ui - t0).count());
    if (capture) {
      // Read the back buffer of the frame just rendered, before it is swapped away.
      int fw = 0, fh = 0;
      glfwGetFramebufferSize(platform.window, &fw, &fh);
      if (!adamlab::app::save_screenshot_png(screenshot, fw, fh)) {
        std::fprintf(stderr, "adamlab_app: could not write %s\n", screenshot.c_str());
        return 1;
      }
      glfwSwapBuffers(platform.window);
    }
  }
  std::printf("adamlab_app: %llu frames, %.2f ms average frame (%.2f ms simulation + UI)\n",
              static_cast<unsigned long long>(app.stats().frames), app.stats().average_ms, app.stats().ui_average_ms);
  adamlab::app::platform_shutdown(platform);
  return 0;
}
