#include "app/app_clipboard.h"

#include <utility>

#include "imgui.h"

namespace adamlab::app {
namespace {

std::string g_clipboard;
void (*g_copy_out)(const char*) = nullptr;

}  // namespace

void use_page_clipboard(void (*copy_out)(const char* text)) {
  g_copy_out = copy_out;
  ImGuiIO& io = ImGui::GetIO();
  io.SetClipboardTextFn = [](void*, const char* text) {
    g_clipboard = text ? text : "";
    if (g_copy_out) g_copy_out(g_clipboard.c_str());
  };
  io.GetClipboardTextFn = [](void*) { return g_clipboard.c_str(); };
  io.ClipboardUserData = nullptr;
}

void set_pasted_text(std::string text) { g_clipboard = std::move(text); }

}  // namespace adamlab::app
