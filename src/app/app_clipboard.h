#pragma once
// ImGui's clipboard in the page: Emscripten 3.1.6's GLFW has none (glfwSetClipboardString drops
// the text, glfwGetClipboardString returns nothing), and the page's clipboard cannot be read
// synchronously. So copies go out to the page (web/adamlab.js) and Ctrl+V reads one buffer: the
// text of the last DOM paste event (al_set_clipboard), else what the app copied last.
#include <string>

namespace adamlab::app {

// Routes ImGui's clipboard through the buffer; `copy_out` hands each copy to the page.
void use_page_clipboard(void (*copy_out)(const char* text));
// What the next paste in an ImGui text field inserts.
void set_pasted_text(std::string text);

}  // namespace adamlab::app
