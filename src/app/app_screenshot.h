#pragma once
// Saves the current GL read buffer (width x height) as an RGB PNG: the native smoke test's
// evidence that the app draws. No image library: stored (uncompressed) deflate blocks.
#include <string>

namespace adamlab::app {

bool save_screenshot_png(const std::string& path, int width, int height);

}  // namespace adamlab::app
