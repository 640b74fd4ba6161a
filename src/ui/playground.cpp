#include "ui/playground.h"

#include <algorithm>
#include <optional>

#include "imgui.h"
#include "sim/scene.h"
#include "ui/noise_controls.h"

namespace adamlab::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove |
                                    ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings |
                                    ImGuiWindowFlags_NoBringToFrontOnFocus;

}  // namespace

void apply_style() {
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  style.WindowRounding = 0;
  style.WindowBorderSize = 0;
  style.FrameRounding = 3;
  style.GrabRounding = 3;
  style.ItemSpacing = ImVec2(7, 5);
  style.FramePadding = ImVec2(6, 3);
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.09f, 0.10f, 0.12f, 1.0f);
}

void Playground::handle_keys(CommandQueue& commands) const {
  const ImGuiIO& io = ImGui::GetIO();
  if (io.WantTextInput) return;  // typing a value must not play, step or reset
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Space), false)) commands.push([](Scene& s) { s.toggle_play(); });
  if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow), true)) commands.push([](Scene& s) { s.pause(); s.step(1); });
  if (ImGui::IsKeyPressed('R', false)) commands.push([](Scene& s) { s.reset(); });  // GLFW_KEY_R == 'R'
}

void Playground::draw(const Scene& scene, CommandQueue& commands, const std::string& error) {
  anatomy_view_.update(scene, anatomy_);
  // The sweep computes a slice every frame, shown or not; a link's sweep the run refuses is reported.
  const int sweep_run = scene.find(panel_.selected()) ? panel_.selected() : (scene.runs().empty() ? 0 : scene.runs().front().id);
  sweep_.update(scene, sweep_run);
  if (auto e = sweep_.take_request_error()) share_.link_errors.push_back(*e), share_.errors_dismissed = false;
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  // Embed mode keeps the map (and the loss chart unless panels= leaves it out); the control
  // column only when panels= asks for runs or params.
  const bool column = !share_.embed || (share_.panels && (share_.shows("runs") || share_.shows("params")));
  const bool chart = share_.shows("loss");
  const float panel_w = column ? std::clamp(display.x * 0.27f, std::min(290.0f, display.x * 0.45f), 400.0f) : 0.0f;
  const float right_w = std::max(display.x - panel_w, 1.0f);
  float chart_h = 0;
  if (chart)
    chart_h = share_.embed ? std::clamp(display.y * 0.27f, std::min(110.0f, display.y * 0.35f), 220.0f)
                           : std::clamp(display.y * 0.32f, std::min(150.0f, display.y * 0.4f), 340.0f);
  if (chart && sweep_.open()) chart_h = std::clamp(display.y * 0.45f, std::min(240.0f, display.y * 0.5f), 520.0f);
  const float land_h = std::max(display.y - chart_h, 1.0f);

  if (column) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(panel_w, display.y));
    if (ImGui::Begin("##controls", nullptr, kFixed)) {
      ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1), "AdamLab");
      ImGui::SameLine();
      ImGui::TextDisabled("PyTorch optimizers, live");
      PanelContext context{share_, anatomy_, anatomy_view_, requests_};
      panel_.draw(scene, commands, error, context);
      ImGui::Separator();
      draw_noise_controls(scene, commands);
    }
    ImGui::End();
    if (panel_.reset_view_requested()) landscape_.reset_view();
  }

  ImGui::SetNextWindowPos(ImVec2(panel_w, 0));
  ImGui::SetNextWindowSize(ImVec2(right_w, land_h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin("##landscape", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    anatomy_view_.update(scene, anatomy_);  // the panel may have moved the cursor this frame
    if (anatomy_view_.active())
      landscape_.draw(scene, commands, [&](ImDrawList* dl, const ViewTransform& view) { anatomy_view_.draw_overlay(dl, view, scene); });
    else
      landscape_.draw(scene, commands);
  }
  ImGui::End();
  ImGui::PopStyleVar();

  if (chart) {
    ImGui::SetNextWindowPos(ImVec2(panel_w, land_h));
    ImGui::SetNextWindowSize(ImVec2(right_w, chart_h));
    if (ImGui::Begin("##chart", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
      // Tabs: the loss chart, and the hyperparameter sweep (which takes more height while open).
      const bool select_sweep = sweep_.take_select_tab();
      bool sweep_open = false;
      if (ImGui::BeginTabBar("##charttabs")) {
        if (ImGui::BeginTabItem("Loss chart")) {
          chart_.draw(scene, anatomy_view_.active() ? std::optional<std::int64_t>(anatomy_view_.inspected_step()) : std::nullopt);
          ImGui::EndTabItem();
        }
        if (ImGui::BeginTabItem("Sweep", nullptr, select_sweep ? ImGuiTabItemFlags_SetSelected : 0)) {
          sweep_open = true;
          sweep_.draw(scene, commands, sweep_run);
          ImGui::EndTabItem();
        }
        ImGui::EndTabBar();
      }
      sweep_.set_open(sweep_open || select_sweep);
    }
    ImGui::End();
  }

  // Overlays last: later windows sit on top and take the mouse before the map does.
  if (share_.embed) draw_embed_bar(scene, commands, panel_w + 34, 6);
  if (!share_.link_errors.empty() && !share_.errors_dismissed) draw_link_errors(panel_w + 34, share_.embed ? 42.0f : 8.0f, right_w - 160);

  handle_keys(commands);
}

void Playground::draw_embed_bar(const Scene& scene, CommandQueue& commands, float x, float y) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowBgAlpha(0.72f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 4);
  if (ImGui::Begin("##embedbar", nullptr, flags)) {
    if (ImGui::SmallButton(scene.playing() ? "Pause" : "Play")) commands.push([](Scene& s) { s.toggle_play(); });
    ImGui::SameLine();
    if (ImGui::SmallButton("Reset")) commands.push([](Scene& s) { s.reset(); });
    ImGui::SameLine();
    ImGui::Text("step %lld / %lld", static_cast<long long>(scene.step_count()), static_cast<long long>(scene.step_limit()));
    ImGui::SameLine();
    if (ImGui::SmallButton("Open in AdamLab")) requests_.actions.push_back(UiAction::open_full);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this scene in the full playground (new tab), where every setting can change.");
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
}

void Playground::draw_link_errors(float x, float y, float w) {
  ImGui::SetNextWindowPos(ImVec2(x, y));
  w = std::max(w, 200.0f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(w, 0), ImVec2(w, 1e6f));
  ImGui::SetNextWindowBgAlpha(0.9f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize;
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(70, 18, 18, 235));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 4);
  if (ImGui::Begin("##linkerrors", nullptr, flags)) {
    ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.7f, 1), "Parts of this link were ignored (the rest loaded):");
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - ImGui::CalcTextSize(" x ").x - 6);
    if (ImGui::SmallButton(" x ")) requests_.dismiss_errors = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Dismiss");
    ImGui::PushTextWrapPos(0);
    for (const auto& e : share_.link_errors) ImGui::BulletText("%s", e.c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::SmallButton("Start over with the default scene")) requests_.reset_to_defaults = true;
  }
  ImGui::End();
  ImGui::PopStyleVar();
  ImGui::PopStyleColor();
}

}  // namespace adamlab::ui
