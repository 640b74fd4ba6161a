#pragma once
// GLFW + Dear ImGui (OpenGL 3 / WebGL2) setup shared by both mains, with the input fixes from
// shared/WEB_PITFALLS.md: a key latch so a press and release within one frame still reach
// ImGui, and (web) ImGui in CSS pixels with a device-pixel-ratio framebuffer.
#include <vector>

struct GLFWwindow;

namespace adamlab::app {

struct Platform {
  GLFWwindow* window = nullptr;
  float dpr = 1;           // web: device pixels per CSS pixel; ImGui works in CSS pixels
  bool css_pixels = false;  // true on the web: DisplaySize = framebuffer / dpr
  float font_px = 0;        // base font size (CSS px) the atlas was built for
  float font_dpr = 0;       // dpr the atlas was built for
  std::vector<bool> key_down_seen;  // latched presses, indexed by GLFW key
  std::vector<int> deferred_releases;
};

// Creates the window, the ImGui context and both backends. Returns false on failure.
bool platform_init(Platform& p, int width, int height, const char* title, const char* glsl_version);
// (Re)builds the font atlas for font_px at dpr: crisp text at any pixel ratio.
void platform_build_fonts(Platform& p, float font_px, float dpr);
// pointer = false: this frame sees no pointer (the exported figure: no hover, no tooltip).
void platform_new_frame(Platform& p, bool pointer = true);
void platform_render(Platform& p, bool swap = true);  // swap: natively, present the frame
void platform_shutdown(Platform& p);

}  // namespace adamlab::app
