#pragma once
// An RGBA8 GL texture for ImGui::Image / AddImage (the landscape raster). GL ES 3 on the web,
// desktop GL natively: the only GL calls outside ImGui's backend.
#include <cstdint>

#include "imgui.h"

namespace adamlab::ui {

class RgbaTexture {
 public:
  RgbaTexture() = default;
  RgbaTexture(const RgbaTexture&) = delete;
  RgbaTexture& operator=(const RgbaTexture&) = delete;
  ~RgbaTexture();

  // pixels: width*height 0xAABBGGRR values, row 0 at the top. Smooth (linear) filtering.
  void upload(int width, int height, const std::uint32_t* pixels);
  bool valid() const { return id_ != 0; }
  ImTextureID id() const { return reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(id_)); }

 private:
  unsigned int id_ = 0;
};

}  // namespace adamlab::ui
