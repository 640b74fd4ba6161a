#pragma once
// The UI's typefaces as bytes, subset and generated at build time by scripts/embed_fonts.py
// (cmake/fonts.cmake) from Debian's font packages: Roboto for text, a few DejaVu Sans signs merged
// into it, DejaVu Sans Mono for numbers that must line up.
namespace adamlab::ui::font_data {

extern const unsigned char kUiFont[];
extern const unsigned int kUiFontSize;
extern const unsigned char kSymbolFont[];
extern const unsigned int kSymbolFontSize;
extern const unsigned char kMonoFont[];
extern const unsigned int kMonoFontSize;

}  // namespace adamlab::ui::font_data
