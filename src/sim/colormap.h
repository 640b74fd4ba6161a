#pragma once
// A perceptual colour map (viridis: lightness rises monotonically, readable in greyscale and by
// most colour-blind viewers). Computed, not copied: a degree-6 polynomial fit of viridis per
// channel (evaluated once into a 256-entry table), within ~1% of the published table.
#include <array>
#include <cstdint>

namespace adamlab {

struct Rgb {
  float r, g, b;
};

Rgb viridis(double t);  // t in [0, 1], clamped
// 256 entries packed 0xAABBGGRR (the byte order R, G, B, A in memory on little-endian: ready
// for a GL_RGBA / GL_UNSIGNED_BYTE upload and for ImGui's IM_COL32).
const std::array<std::uint32_t, 256>& viridis_table();

}  // namespace adamlab
