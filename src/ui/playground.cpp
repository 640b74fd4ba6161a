#include "ui/playground.h"

#include <algorithm>
#include <optional>
#include <type_traits>
#include <utility>

#include "core/error.h"
#include "imgui.h"
#include "nn/net_scene.h"
#include "sim/scene.h"
#include "ui/draw_util.h"
#include "ui/mode_switch.h"
#include "ui/noise_controls.h"
#include "ui/playback_controls.h"
#include "ui/undo_buttons.h"

namespace adamlab::ui {
namespace {

constexpr ImGuiWindowFlags kFixed = kFixedWindowFlags;

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

int Playground::begin_frame(bool sweep_open) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  LayoutInput in;
  in.width = display.x;
  in.height = display.y;
  in.embed = share_.embed;
  // An embed keeps the control column only when panels= asks for runs or params.
  in.column = share_.panels && (share_.shows("runs") || share_.shows("params"));
  in.chart = share_.shows("loss");
  in.sweep_open = sweep_open;
  layout_ = figure_ ? compute_figure_layout(in.width, in.height, in.chart) : compute_layout(in);
  const bool phone = layout_.mode == LayoutMode::phone;
  panel_.set_touch(layout_.touch);

  // Finger-sized targets on a phone: taller frames, more room between items. (An embed is
  // touch-safe too, but stays compact: it is a figure, not a control surface.)
  int pushed = 0;
  if (phone) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(9, 7)), ++pushed;
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(8, 8)), ++pushed;
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, 22.0f), ++pushed;
    ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, 18.0f), ++pushed;
  }
  return pushed;
}

template <class SceneT>
void Playground::draw_code_window(const SceneT& scene) {
  if (const auto request = std::exchange(requests_.show_code, std::nullopt)) {
    const std::string title = request->whole_scene ? "PyTorch code: the whole scene"
                                                   : "PyTorch code: run " + std::to_string(request->run_id);
    try {
      const auto run = request->whole_scene ? std::nullopt : std::optional<int>(request->run_id);
      torch_export::CodeExport code;
      if constexpr (std::is_same_v<SceneT, Scene>)
        code = torch_export::landscape_code(scene, run);
      else
        code = torch_export::network_code(scene, run);
      // A whole scene's Copy-constructor button copies the selected run's line.
      for (const auto& r : code.runs)
        if (r.id == request->run_id) code.run = r;
      code_window_.open(std::move(code), title);
    } catch (const Error& e) {
      code_window_.open_error(title, e.what());
    }
  }
  code_window_.draw(ImGui::GetIO().DisplaySize, layout_.touch);
}

void Playground::draw_network(const NetScene& scene, NetCommandQueue& commands, const std::string& error) {
  if (figure_) {
    // The figure: nothing computes, nothing is reported; the next frame is drawn as before.
    const ScreenLayout normal = layout_;
    const int pushed = begin_frame(false);
    net_.draw_figure(scene, layout_);
    ImGui::PopStyleVar(pushed);
    layout_ = normal;
    return;
  }
  // The network sweep computes a slice every frame (or the worker does), shown or not.
  net_.sweep().update(scene, net_.sweep_run(scene));
  if (auto e = net_.sweep().take_request_error()) share_.link_errors.push_back(*e), share_.errors_dismissed = false;
  const int pushed = begin_frame(net_.sweep().open());
  mode_boxes_ = ModeSwitchBoxes{};
  net_.draw(scene, commands, error, layout_, share_, requests_, mode_boxes_);
  chart_shown_ = net_.chart_shown();
  const Box& map = layout_.map;
  const Box& bar = net_.toolbar_box();
  if (!share_.link_errors.empty() && !share_.errors_dismissed)
    draw_link_errors(map.x + 8, bar.empty() ? map.y + 8 : bar.bottom() + 6, map.w - 16);
  draw_code_window(scene);
  ImGui::PopStyleVar(pushed);
  end_frame(Mode::network, commands);
}

template <class Q>
void Playground::end_frame(Mode mode, Q& commands) {
  if (requests_.toggle_help) help_.toggle();
  requests_.toggle_help = false;
  help_.handle_keys();
  help_.draw(mode, layout_.touch, requests_);
  handle_undo_keys(requests_);
  handle_playback_keys(commands);
}

void Playground::draw(const Scene& scene, CommandQueue& commands, const std::string& error) {
  if (figure_) return draw_figure(scene, commands);
  anatomy_view_.update(scene, anatomy_);
  // The sweep computes a slice every frame, shown or not; a link's sweep the run refuses is reported.
  const int sweep_run = scene.find(panel_.selected()) ? panel_.selected() : (scene.runs().empty() ? 0 : scene.runs().front().id);
  sweep_.update(scene, sweep_run);
  if (auto e = sweep_.take_request_error()) share_.link_errors.push_back(*e), share_.errors_dismissed = false;
  const int pushed = begin_frame(sweep_.open());
  mode_boxes_ = ModeSwitchBoxes{};
  const bool phone = layout_.mode == LayoutMode::phone;

  // The map's toolbar: embeds (play, reset, open) and phones (play, step, reset without opening
  // the controls). The map places it clear of the start; it is drawn after the map, on top.
  const bool toolbar = share_.embed || phone;
  if (toolbar && toolbar_size_.x <= 0) toolbar_size_ = ImVec2(phone ? 260.0f : 300.0f, ImGui::GetFrameHeight() + 8);
  chart_shown_ = layout_.chart_readable && (!phone || phone_chart_tab_);
  LandscapeCanvas::FrameOptions options;
  options.toolbar = toolbar ? toolbar_size_ : ImVec2(0, 0);
  options.loss_readout = !chart_shown_;
  options.touch = layout_.touch;
  options.hover_on_press = phone;
  landscape_.set_frame_options(options);

  if (!layout_.controls.empty() && !phone) {
    ImGui::SetNextWindowPos(ImVec2(layout_.controls.x, layout_.controls.y));
    ImGui::SetNextWindowSize(ImVec2(layout_.controls.w, layout_.controls.h));
    if (ImGui::Begin("##controls", nullptr, kFixed)) draw_controls(scene, commands, error);
    ImGui::End();
  }

  const Box& map = layout_.map;
  draw_map_window(scene, commands);

  if (phone) {
    draw_phone_sheet(scene, commands, error, sweep_run);
  } else if (!layout_.chart.empty()) {
    ImGui::SetNextWindowPos(ImVec2(layout_.chart.x, layout_.chart.y));
    ImGui::SetNextWindowSize(ImVec2(layout_.chart.w, layout_.chart.h));
    if (ImGui::Begin("##chart", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
      if (share_.embed && !sweep_.open()) {
        // An embed's chart has no tabs: every pixel goes to the plot.
        draw_chart(scene, true);
      } else {
        draw_chart_tabs(scene, commands, sweep_run);
      }
    }
    ImGui::End();
  }

  // Overlays last: later windows sit on top and take the mouse before the map does.
  if (toolbar) draw_map_toolbar(scene, commands, ImVec2(landscape_.overlays().toolbar.x, landscape_.overlays().toolbar.y));
  if (!share_.link_errors.empty() && !share_.errors_dismissed)
    draw_link_errors(map.x + 8, map.y + (toolbar ? toolbar_size_.y + 14 : 8.0f), map.w - 16);
  draw_code_window(scene);

  ImGui::PopStyleVar(pushed);
  if (panel_.reset_view_requested()) landscape_.reset_view();
  end_frame(Mode::landscape, commands);
}

// The landscape with its paths (and the anatomy's vectors when that view is on), in layout_.map.
void Playground::draw_map_window(const Scene& scene, CommandQueue& commands) {
  const Box& map = layout_.map;
  ImGui::SetNextWindowPos(ImVec2(map.x, map.y));
  ImGui::SetNextWindowSize(ImVec2(map.w, map.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin("##landscape", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    anatomy_view_.update(scene, anatomy_);  // the panel may have moved the cursor this frame
    if (anatomy_view_.active())
      landscape_.draw(scene, commands, [&](ImDrawList* dl, const ViewTransform& view, OverlayPlacer& placer) {
        anatomy_view_.draw_overlay(dl, view, scene, placer);
      });
    else
      landscape_.draw(scene, commands);
  }
  ImGui::End();
  ImGui::PopStyleVar();
}

void Playground::draw_figure(const Scene& scene, CommandQueue& commands) {
  const ScreenLayout normal = layout_;
  const bool chart_shown = chart_shown_;
  const int pushed = begin_frame(false);
  LandscapeCanvas::FrameOptions options;
  options.loss_readout = !layout_.chart_readable;
  options.touch = true;
  options.figure = true;
  landscape_.set_frame_options(options);
  draw_map_window(scene, commands);
  if (layout_.chart_readable) {
    ImGui::SetNextWindowPos(ImVec2(layout_.chart.x, layout_.chart.y));
    ImGui::SetNextWindowSize(ImVec2(layout_.chart.w, layout_.chart.h));
    if (ImGui::Begin("##chart", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) draw_chart(scene, true);
    ImGui::End();
  }
  ImGui::PopStyleVar(pushed);
  // What the page reads (layout(), the legend's read-out) stays the normal frame's.
  layout_ = normal;
  chart_shown_ = chart_shown;
}

void Playground::draw_controls(const Scene& scene, CommandQueue& commands, const std::string& error) {
  ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1), "AdamLab");
  ImGui::SameLine();
  draw_mode_switch(Mode::landscape, requests_, mode_boxes_);
  ImGui::SameLine();
  draw_undo_buttons(share_, requests_);
  PanelContext context{share_, anatomy_, anatomy_view_, requests_};
  panel_.draw(scene, commands, error, context);
  ImGui::Separator();
  draw_noise_controls(scene, commands);
}

void Playground::draw_chart(const Scene& scene, bool compact) {
  chart_.draw(scene, anatomy_view_.active() ? std::optional<std::int64_t>(anatomy_view_.inspected_step()) : std::nullopt, compact);
}

bool Playground::draw_sweep_tab(const Scene& scene, CommandQueue& commands, int sweep_run, bool select) {
  if (!ImGui::BeginTabItem("Sweep", nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) return false;
  sweep_.draw(scene, commands, sweep_run);
  ImGui::EndTabItem();
  return true;
}

void Playground::draw_chart_tabs(const Scene& scene, CommandQueue& commands, int sweep_run) {
  // Tabs: the loss chart, and the hyperparameter sweep (which takes more height while open).
  const bool select_sweep = sweep_.take_select_tab();
  bool sweep_open = false;
  if (ImGui::BeginTabBar("##charttabs")) {
    if (ImGui::BeginTabItem("Loss chart")) {
      draw_chart(scene);
      ImGui::EndTabItem();
    }
    sweep_open = draw_sweep_tab(scene, commands, sweep_run, select_sweep);
    ImGui::EndTabBar();
  }
  sweep_.set_open(sweep_open || select_sweep);
  if (sweep_open) chart_shown_ = false;
}

void Playground::draw_phone_sheet(const Scene& scene, CommandQueue& commands, const std::string& error, int sweep_run) {
  const Box& sheet = layout_.controls;
  ImGui::SetNextWindowPos(ImVec2(sheet.x, sheet.y));
  ImGui::SetNextWindowSize(ImVec2(sheet.w, sheet.h));
  if (ImGui::Begin("##sheet", nullptr, kFixed | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    draw_mode_switch(Mode::landscape, requests_, mode_boxes_);
    ImGui::SameLine();
    draw_undo_buttons(share_, requests_);
    const bool select_sweep = sweep_.take_select_tab();
    bool chart_tab = false, sweep_open = false;
    if (ImGui::BeginTabBar("##sheettabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
      if (share_.shows("loss") && ImGui::BeginTabItem("Chart")) {
        chart_tab = true;
        draw_chart(scene);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Controls")) {
        // Its own scrolling region, scrolled by dragging with a finger as well as by the bar.
        ImGui::BeginChild("##controlsscroll", ImVec2(0, 0), false);
        draw_controls(scene, commands, error);
        finger_scroll(sheet_scrolling_);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
      sweep_open = draw_sweep_tab(scene, commands, sweep_run, select_sweep);
      ImGui::EndTabBar();
    }
    sweep_.set_open(sweep_open || select_sweep);
    phone_chart_tab_ = chart_tab;
  }
  ImGui::End();
}

void Playground::draw_map_toolbar(const Scene& scene, CommandQueue& commands, ImVec2 pos) {
  ImGui::SetNextWindowPos(pos);
  ImGui::SetNextWindowBgAlpha(0.78f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(5, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 4);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(5, 4));
  if (ImGui::Begin("##embedbar", nullptr, flags)) {
    draw_toolbar_playback(scene, commands, layout_.mode == LayoutMode::phone);
    if (share_.lesson_changed) {
      ImGui::SameLine();
      if (ImGui::Button("Lesson")) requests_.restore_lesson = true;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Back to the lesson: its start, view and runs as it opened.");
    }
    if (share_.embed) {
      ImGui::SameLine();
      if (ImGui::Button("Open")) requests_.actions.push_back(UiAction::open_full);
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("Open this scene in the full playground (new tab), where every setting can change.");
      if (layout_.map.w >= kMinEmbedWidthForSwitch) {
        ImGui::SameLine();
        draw_mode_switch(Mode::landscape, requests_, mode_boxes_, true);
      }
    }
    toolbar_size_ = ImGui::GetWindowSize();
  }
  ImGui::End();
  ImGui::PopStyleVar(3);
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
