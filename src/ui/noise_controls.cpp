#include "ui/noise_controls.h"
#include "ui/draw_util.h"

#include <algorithm>
#include <cstdint>

#include "imgui.h"
#include "sim/noise.h"
#include "sim/scene.h"

namespace adamlab::ui {
namespace {

constexpr double kMinStd = 1e-3, kMaxStd = 10, kDefaultStd = 1;

void push_noise(CommandQueue& commands, const GradientNoise& noise) {
  commands.push([noise](Scene& s) { s.set_noise(noise); });
}

}  // namespace

void draw_noise_controls(const Scene& scene, CommandQueue& commands) {
  const GradientNoise& current = scene.noise();
  ImGui::PushID("noise");
  ImGui::TextUnformatted("Gradient noise");
  tooltip("Gaussian noise added to every gradient, as minibatches would: the same sequence for every run\n"
          "(seeded, so a link reproduces it). Sweeps use it too.");
  ImGui::SameLine();
  const float w = ImGui::GetContentRegionAvail().x;
  ImGui::SetNextItemWidth(w);
  int kind = current.enabled() ? 1 : 0;
  const char* kinds[] = {"off", "Gaussian"};
  if (ImGui::Combo("##kind", &kind, kinds, 2)) {
    GradientNoise next = current;
    next.std = kind == 1 ? (current.enabled() ? current.std : kDefaultStd) : 0.0;
    push_noise(commands, next);
  }
  if (current.enabled()) {
    const float full = ImGui::GetContentRegionAvail().x;
    double sd = current.std;
    ImGui::SetNextItemWidth(full * 0.6f);
    if (ImGui::SliderScalar("##std", ImGuiDataType_Double, &sd, &kMinStd, &kMaxStd,
                            current.relative ? "std %.3g x |g|" : "std %.3g", ImGuiSliderFlags_Logarithmic)) {
      GradientNoise next = current;
      next.std = std::clamp(sd, kMinStd, kMaxStd);
      push_noise(commands, next);
    }
    tooltip("Standard deviation of the noise (log scale; ctrl+click to type a value).");
    ImGui::SameLine();
    bool relative = current.relative;
    if (ImGui::Checkbox("relative", &relative)) {
      GradientNoise next = current;
      next.relative = relative;
      push_noise(commands, next);
    }
    tooltip("Relative: noise std is a fraction of each gradient coordinate's size (g + std*z*g).\n"
            "Absolute: g + std*z.");
    int seed = static_cast<int>(std::min<std::uint64_t>(current.seed, 2147483647));
    ImGui::SetNextItemWidth(full * 0.6f);
    if (ImGui::InputInt("seed", &seed, 1, 10)) {
      GradientNoise next = current;
      next.seed = static_cast<std::uint64_t>(std::max(seed, 0));
      push_noise(commands, next);
    }
    tooltip("The noise sequence: the same seed gives the same noise, so a link reproduces the paths.");
  }
  ImGui::PopID();
}

}  // namespace adamlab::ui
