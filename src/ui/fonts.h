#pragma once
// The UI's two faces: a proportional one for text (Roboto, with a few math signs from DejaVu Sans)
// and a monospace one (DejaVu Sans Mono) for numbers that must line up. The atlas is rasterised at
// the device pixel ratio, so text stays crisp on a HiDPI screen, and the size follows the viewport
// (font_px_for): larger on a 1920 px screen, readable on a phone.
struct ImFont;
struct ImFontAtlas;

namespace adamlab::ui {

// CSS px of the text face for a display (CSS px) of this size.
float font_px_for(float css_width, float css_height);
// Clears the atlas and adds the text face (first: ImGui's default) and the mono face at px CSS px,
// rasterised at px * dpr. The caller rebuilds the GPU texture and sets FontGlobalScale = 1 / dpr.
void build_fonts(ImFontAtlas& atlas, float px, float dpr);
// The faces of the current ImGui context's atlas (the default font until build_fonts ran).
ImFont* ui_font();
ImFont* mono_font();

}  // namespace adamlab::ui
