#include "app/app_platform.h"

#include <algorithm>
#include <cfloat>

#include <GLFW/glfw3.h>

#include "imgui.h"
#include "imgui_impl_glfw.h"
#include "imgui_impl_opengl3.h"
#include "ui/fonts.h"
#include "ui/playground.h"

namespace adamlab::app {
namespace {

// ImGui 1.86 samples io.KeysDown once per frame, so a tap shorter than a frame would vanish:
// hold the release back until the next frame has seen the press (WEB_PITFALLS section 3).
void key_callback(GLFWwindow* w, int key, int scancode, int action, int mods) {
  auto* p = static_cast<Platform*>(glfwGetWindowUserPointer(w));
  ImGuiIO& io = ImGui::GetIO();
  const bool imgui_key = key >= 0 && key < IM_ARRAYSIZE(io.KeysDown);
  // Browsers on macOS send no keyup for a key released while Cmd is held (Cmd+Z): when Cmd goes
  // up, every other key it held goes up too (a frame later, so its press is still seen) ...
  if (p && action == GLFW_RELEASE && (key == GLFW_KEY_LEFT_SUPER || key == GLFW_KEY_RIGHT_SUPER)) {
    for (int k = 0; k < IM_ARRAYSIZE(io.KeysDown); ++k)
      if (io.KeysDown[k] && k != key && (k < GLFW_KEY_LEFT_SHIFT || k > GLFW_KEY_RIGHT_SUPER)) p->deferred_releases.push_back(k);
  }
  // ... and the next keydown of such a key, which the browser reports as a repeat, is a press.
  if (action == GLFW_REPEAT && imgui_key && !io.KeysDown[key]) action = GLFW_PRESS;
  if (p && key >= 0 && key <= GLFW_KEY_LAST) {
    if (action == GLFW_PRESS) {
      p->key_down_seen[key] = true;
    } else if (action == GLFW_RELEASE && p->key_down_seen[key]) {
      p->deferred_releases.push_back(key);
      return;
    }
  }
  ImGui_ImplGlfw_KeyCallback(w, key, scancode, action, mods);
}

}  // namespace

bool platform_init(Platform& p, int width, int height, const char* title, const char* glsl_version) {
  if (!glfwInit()) return false;
#if !defined(__EMSCRIPTEN__)
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
#endif
  p.window = glfwCreateWindow(width, height, title, nullptr, nullptr);
  if (!p.window) return false;
  glfwMakeContextCurrent(p.window);
  glfwSwapInterval(1);
  p.key_down_seen.assign(GLFW_KEY_LAST + 1, false);
  glfwSetWindowUserPointer(p.window, &p);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.LogFilename = nullptr;
  ui::apply_style();
  ImGui_ImplGlfw_InitForOpenGL(p.window, true);
  glfwSetKeyCallback(p.window, key_callback);
  ImGui_ImplOpenGL3_Init(glsl_version);
  return true;
}

void platform_build_fonts(Platform& p, float font_px, float dpr) {
  ImGuiIO& io = ImGui::GetIO();
  const bool had_texture = p.font_px > 0;
  ui::build_fonts(*io.Fonts, font_px, dpr);
  io.FontGlobalScale = 1.0f / dpr;
  p.font_px = font_px;
  p.font_dpr = dpr;
  if (had_texture) {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
  }
}

void platform_new_frame(Platform& p, bool pointer) {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplGlfw_NewFrame();
  // A second frame in one display frame (the exported figure) may find the clock unchanged;
  // ImGui requires time to pass.
  if (ImGui::GetIO().DeltaTime <= 0) ImGui::GetIO().DeltaTime = 1e-4f;
  if (p.css_pixels) {
    // Emscripten 3.1.6's GLFW knows nothing of devicePixelRatio: its window size is the
    // backing store in device pixels. Run ImGui in CSS pixels and scale at render time.
    ImGuiIO& io = ImGui::GetIO();
    int fw = 0, fh = 0;
    glfwGetFramebufferSize(p.window, &fw, &fh);
    io.DisplaySize = ImVec2(fw / p.dpr, fh / p.dpr);
    io.DisplayFramebufferScale = ImVec2(p.dpr, p.dpr);
    if (io.MousePos.x > -FLT_MAX) io.MousePos = ImVec2(io.MousePos.x / p.dpr, io.MousePos.y / p.dpr);
  }
  if (!pointer) ImGui::GetIO().MousePos = ImVec2(-FLT_MAX, -FLT_MAX);
  ImGui::NewFrame();
  std::fill(p.key_down_seen.begin(), p.key_down_seen.end(), false);
  for (int key : p.deferred_releases) ImGui_ImplGlfw_KeyCallback(p.window, key, 0, GLFW_RELEASE, 0);
  p.deferred_releases.clear();
}

void platform_render(Platform& p, bool swap) {
  ImGui::Render();
  int fw = 0, fh = 0;
  glfwGetFramebufferSize(p.window, &fw, &fh);
  glViewport(0, 0, fw, fh);
  glClearColor(0.09f, 0.10f, 0.12f, 1.0f);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
#if !defined(__EMSCRIPTEN__)
  if (swap) glfwSwapBuffers(p.window);
#else
  (void)swap;  // the browser presents the canvas after the frame callback returns
#endif
}

void platform_shutdown(Platform& p) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  if (p.window) glfwDestroyWindow(p.window);
  glfwTerminate();
}

}  // namespace adamlab::app
