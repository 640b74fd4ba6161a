#pragma once
// Run colours, shared by the canvas and the JS state so a legend and an embedding page agree.
// Tableau-10 order: distinct hues that stay apart on the viridis-like landscape.
#include <cstdint>

namespace adamlab {

constexpr std::uint32_t kRunPalette[] = {0xff7f0e, 0x1f77b4, 0x2ca02c, 0xd62728, 0x9467bd,
                                         0x8c564b, 0xe377c2, 0x17becf, 0xbcbd22, 0x7f7f7f};
constexpr int kRunPaletteSize = sizeof(kRunPalette) / sizeof(kRunPalette[0]);

inline std::uint32_t run_colour_rgb(int index) {
  return kRunPalette[((index % kRunPaletteSize) + kRunPaletteSize) % kRunPaletteSize];
}

}  // namespace adamlab
