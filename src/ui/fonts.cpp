#include "ui/fonts.h"

#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/font_data.h"

namespace adamlab::ui {
namespace {

// ImGui rasterises only the codepoints listed here (and only those the face has), so these match
// what scripts/embed_fonts.py keeps: Latin-1, Greek, punctuation, super/subscripts, math, arrows,
// and the geometric shapes used as play/pause marks.
const ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2010, 0x203A, 0x2070, 0x209F,
                               0x2190, 0x21FF, 0x2200, 0x22FF, 0x25A0, 0x25FF, 0x2713, 0x2717, 0};
const ImWchar kMonoRanges[] = {0x0020, 0x00FF, 0x0370, 0x03FF, 0x2026, 0x2026, 0x2212, 0x2212, 0x22C5, 0x22C5, 0};

ImFont* add(ImFontAtlas& atlas, const unsigned char* data, unsigned size, float px, const ImWchar* ranges, bool merge,
            const char* name) {
  ImFontConfig c;
  c.FontDataOwnedByAtlas = false;  // static bytes: the atlas must not free them
  c.MergeMode = merge;
  // Horizontal oversampling places a proportional face's glyphs at sub-pixel positions; large
  // (HiDPI) glyphs need none, and it would triple an already large atlas.
  c.OversampleH = px >= 30 ? 1 : 2;
  c.OversampleV = 1;
  c.PixelSnapH = false;
  std::snprintf(c.Name, sizeof c.Name, "%s", name);
  // ImGui takes non-const data but only reads it when FontDataOwnedByAtlas is false.
  return atlas.AddFontFromMemoryTTF(const_cast<unsigned char*>(data), static_cast<int>(size), px, &c, ranges);
}

}  // namespace

float font_px_for(float css_width, float css_height) {
  // A small figure (an embed) keeps room for its map; a phone reads at arm's length; a desktop
  // grows with the screen: 15 px at 1280, 17 at 1920, 19 from 2400 up.
  if (css_height < 420) return 13.5f;
  if (css_width < 600) return 15.0f;
  return std::clamp(15.0f + (css_width - 1280.0f) / 320.0f, 15.0f, 19.0f);
}

void build_fonts(ImFontAtlas& atlas, float px, float dpr) {
  atlas.Clear();
  const float raster_px = px * dpr;
  add(atlas, font_data::kUiFont, font_data::kUiFontSize, raster_px, kTextRanges, false, "Roboto");
  add(atlas, font_data::kSymbolFont, font_data::kSymbolFontSize, raster_px, kTextRanges, true, "DejaVu Sans (signs)");
  add(atlas, font_data::kMonoFont, font_data::kMonoFontSize, raster_px, kMonoRanges, false, "DejaVu Sans Mono");
}

ImFont* ui_font() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 0 ? atlas->Fonts[0] : ImGui::GetFont();
}

ImFont* mono_font() {
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  return atlas->Fonts.Size > 1 ? atlas->Fonts[1] : ui_font();
}

}  // namespace adamlab::ui
