#include "ui/net_playground.h"

#include <algorithm>
#include <cstdio>

#include "nn/net_scene.h"
#include "ui/code_window.h"
#include "ui/draw_util.h"
#include "ui/mode_switch.h"
#include "ui/net_diagram_panel.h"
#include "ui/net_lessons.h"
#include "ui/option_control.h"
#include "ui/playback_controls.h"
#include "ui/undo_buttons.h"

namespace adamlab::ui {
namespace {

// The NetScene's runs as the shared run panels show them, and its edits as NetScene commands.
std::vector<RunView> run_views(const NetScene& scene) {
  std::vector<RunView> views;
  for (const auto& r : scene.runs()) {
    RunView v;
    v.id = r.id;
    v.colour = r.colour;
    v.visible = r.visible;
    v.optimizer = &r.optimizer;
    v.scheduler = &r.scheduler;
    if (r.run.diverged()) {
      v.diverged_at = r.run.diverged_at();
    } else if (!r.history.rows().empty()) {
      const NetRow& last = r.history.rows().back();
      char buf[96];
      if (std::isnan(last.test_accuracy))
        std::snprintf(buf, sizeof buf, "train %.4g  test %.4g", last.train_loss, last.test_loss);
      else
        std::snprintf(buf, sizeof buf, "train %.3g  test %.3g  acc %.1f%%", last.train_loss, last.test_loss, 100 * last.test_accuracy);
      v.status = buf;
    }
    views.push_back(std::move(v));
  }
  return views;
}

RunEdits net_edits(NetCommandQueue& commands) {
  RunEdits e;
  e.set_visible = [&commands](int id, bool visible) { commands.push([id, visible](NetScene& s) { s.set_visible(id, visible); }); };
  e.duplicate = [&commands](int id) { commands.push([id](NetScene& s) { s.duplicate_run(id); }); };
  e.remove = [&commands](int id) { commands.push([id](NetScene& s) { s.remove_run(id); }); };
  e.add = [&commands](const std::string& spec) { commands.push([spec](NetScene& s) { s.add_run(spec); }); };
  e.update = [&commands](int id, const std::string& opt, const std::string& sched) {
    commands.push([id, opt, sched](NetScene& s) { s.update_run(id, opt, sched); });
  };
  return e;
}

}  // namespace

void NetPlayground::draw(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ScreenLayout& layout,
                         ShareState& share, UiRequests& requests, ModeSwitchBoxes& mode_boxes) {
  mode_boxes_ = &mode_boxes;
  map_width_ = layout.map.w;
  lesson_boxes_ = NetLessonBoxes{};  // drawn again below if the controls are shown
  if (!scene.runs().empty() && !scene.find(selected_)) selected_ = scene.runs().front().id;
  const bool phone = layout.mode == LayoutMode::phone;
  const bool toolbar = share.embed || phone;
  if (toolbar && toolbar_size_.x <= 0) toolbar_size_ = ImVec2(phone ? 260.0f : 300.0f, ImGui::GetFrameHeight() + 8);
  chart_shown_ = layout.chart_readable && (!phone || phone_chart_tab_);

  if (!layout.controls.empty() && !phone) {
    ImGui::SetNextWindowPos(ImVec2(layout.controls.x, layout.controls.y));
    ImGui::SetNextWindowSize(ImVec2(layout.controls.w, layout.controls.h));
    if (ImGui::Begin("##netcontrols", nullptr, kFixedWindowFlags)) {
      ImGui::TextColored(ImVec4(1.0f, 0.75f, 0.35f, 1), "AdamLab");
      ImGui::SameLine();
      draw_mode_switch(Mode::network, requests, *mode_boxes_);
      ImGui::SameLine();
      draw_undo_buttons(share, requests);
      draw_controls(scene, commands, error, share, requests, layout.touch);
    }
    ImGui::End();
  }

  const Box& map = layout.map;
  ImGui::SetNextWindowPos(ImVec2(map.x, map.y));
  ImGui::SetNextWindowSize(ImVec2(map.w, map.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin("##netview", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    NetMainView::FrameOptions options;
    options.toolbar = toolbar ? toolbar_size_ : ImVec2(0, 0);
    options.loss_readout = !chart_shown_;
    options.touch = layout.touch;
    view_.draw(scene, selected_, controls_.view_options(), options);
  }
  ImGui::End();
  ImGui::PopStyleVar();

  if (phone) {
    draw_phone_sheet(scene, commands, error, layout, share, requests);
  } else if (!layout.chart.empty()) {
    // A wide desktop chart region shares its right part with the network diagram.
    const ChartDiagramSplit split = share.embed ? ChartDiagramSplit{layout.chart, Box{}} : split_chart_for_diagram(layout.chart);
    draw_net_diagram_panel(scene, selected_, split.diagram, diagram_, layout.touch);
    ImGui::SetNextWindowPos(ImVec2(split.chart.x, split.chart.y));
    ImGui::SetNextWindowSize(ImVec2(split.chart.w, split.chart.h));
    if (ImGui::Begin("##netchart", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
      if (share.embed)
        chart_.draw_loss(scene, true);  // an embed's chart has no tabs: every pixel goes to the plot
      else
        draw_chart_tabs(scene, commands);
    }
    ImGui::End();
  }
  if (toolbar) draw_toolbar(scene, commands, share, requests, phone);
}

void NetPlayground::draw_figure(const NetScene& scene, const ScreenLayout& figure) {
  const Box& map = figure.map;
  ImGui::SetNextWindowPos(ImVec2(map.x, map.y));
  ImGui::SetNextWindowSize(ImVec2(map.w, map.h));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  if (ImGui::Begin("##netview", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    NetMainView::FrameOptions options;
    options.loss_readout = !figure.chart_readable;
    options.touch = true;
    options.figure = true;
    view_.draw(scene, selected_, controls_.view_options(), options);
  }
  ImGui::End();
  ImGui::PopStyleVar();
  if (figure.chart_readable) {
    ImGui::SetNextWindowPos(ImVec2(figure.chart.x, figure.chart.y));
    ImGui::SetNextWindowSize(ImVec2(figure.chart.w, figure.chart.h));
    if (ImGui::Begin("##netchart", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse))
      chart_.draw_loss(scene, true);
    ImGui::End();
  }
}

void NetPlayground::draw_controls(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ShareState& share,
                                  UiRequests& requests, bool touch) {
  draw_playback_controls(scene, commands, touch);
  // A refused command's message (fields show their own beside them) floats over the top of the
  // panel, where it is seen without scrolling, and moves nothing; the next click dismisses it.
  if (!error.empty())
    floating_error("##panelerror", error, "Nothing changed.", ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y,
                   ImGui::GetContentRegionAvail().x);
  ImGui::Separator();
  draw_net_lessons(share, requests, lesson_boxes_);
  ImGui::Separator();
  controls_.draw(scene, commands, touch);
  ImGui::Separator();
  const std::vector<RunView> views = run_views(scene);
  if (share.shows("runs")) {
    RunListOptions options;
    options.max_runs = NetScene::kMaxRuns;
    options.touch = touch;
    options.visible_tooltip = "Show or hide this run's loss curves (and its prediction curve on 1D data).";
    run_panel_.draw_list(views, selected_, net_edits(commands), options);
    paste_box_.draw(commands, selected_, scene.find(selected_) != nullptr, touch);
    ImGui::Separator();
  }
  if (share.shows("params")) {
    const RunView* run = nullptr;
    for (const auto& v : views)
      if (v.id == selected_) run = &v;
    run_panel_.draw_hyperparameters(run, scene.step_limit(), net_edits(commands));
    draw_code_buttons(run ? run->id : 0, requests, touch);
    ImGui::Separator();
  }
  auto small_button = [touch](const char* label) { return touch ? ImGui::Button(label) : ImGui::SmallButton(label); };
  if (touch) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Share");
  ImGui::SameLine();
  if (small_button("Copy link")) requests.actions.push_back(UiAction::copy_link);
  tooltip("Copy a link that reproduces this network scene (the address bar always holds it too).");
  ImGui::SameLine();
  if (small_button("Copy embed code")) requests.actions.push_back(UiAction::copy_embed);
  tooltip("Copy an <iframe> snippet that embeds this scene in a page.");
  ImGui::SameLine();
  if (small_button("PNG")) requests.actions.push_back(UiAction::export_png);
  tooltip("The figure as a PNG: the view, its legend and the loss chart (no controls), at the screen's full resolution.");
  if (touch) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Scene");
  ImGui::SameLine();
  if (small_button("Reset to defaults")) requests.reset_to_defaults = true;
  tooltip("Back to the default network scene: spirals, Adam against SGD and momentum.");
}

void NetPlayground::draw_toolbar(const NetScene& scene, NetCommandQueue& commands, const ShareState& share, UiRequests& requests,
                                 bool phone) {
  const Box& at = view_.overlays().toolbar;
  ImGui::SetNextWindowPos(ImVec2(at.x, at.y));
  ImGui::SetNextWindowBgAlpha(0.78f);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(5, 4));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 4);
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(5, 4));
  if (ImGui::Begin("##netbar", nullptr, flags)) {
    draw_toolbar_playback(scene, commands, phone);
    if (share.lesson_changed) {
      ImGui::SameLine();
      if (ImGui::Button("Lesson")) requests.restore_lesson = true;
      tooltip("Back to the lesson: its data, network and runs as it opened.");
    }
    if (share.embed) {
      ImGui::SameLine();
      if (ImGui::Button("Open")) requests.actions.push_back(UiAction::open_full);
      tooltip("Open this scene in the full playground (new tab), where every setting can change.");
      if (map_width_ >= kMinEmbedWidthForSwitch) {
        ImGui::SameLine();
        draw_mode_switch(Mode::network, requests, *mode_boxes_, true);
      }
    }
    toolbar_size_ = ImGui::GetWindowSize();
  }
  ImGui::End();
  ImGui::PopStyleVar(3);
}

int NetPlayground::sweep_run(const NetScene& scene) const {
  if (scene.find(selected_)) return selected_;
  return scene.runs().empty() ? 0 : scene.runs().front().id;
}

bool NetPlayground::draw_sweep_tab(const NetScene& scene, NetCommandQueue& commands, bool select) {
  if (!ImGui::BeginTabItem("Sweep", nullptr, select ? ImGuiTabItemFlags_SetSelected : 0)) return false;
  sweep_.draw(scene, commands, sweep_run(scene));
  ImGui::EndTabItem();
  return true;
}

void NetPlayground::draw_chart_tabs(const NetScene& scene, NetCommandQueue& commands) {
  // Tabs: loss, accuracy and the hyperparameter sweep (which takes more height while open).
  const bool select_sweep = sweep_.take_select_tab();
  bool sweep_open = false;
  if (ImGui::BeginTabBar("##nettabs")) {
    chart_.draw_tab_items(scene);
    sweep_open = draw_sweep_tab(scene, commands, select_sweep);
    ImGui::EndTabBar();
  }
  sweep_.set_open(sweep_open || select_sweep);
  if (sweep_open) chart_shown_ = false;
}

void NetPlayground::draw_phone_sheet(const NetScene& scene, NetCommandQueue& commands, const std::string& error, const ScreenLayout& layout,
                                     const ShareState& share, UiRequests& requests) {
  const Box& sheet = layout.controls;
  ImGui::SetNextWindowPos(ImVec2(sheet.x, sheet.y));
  ImGui::SetNextWindowSize(ImVec2(sheet.w, sheet.h));
  if (ImGui::Begin("##netsheet", nullptr, kFixedWindowFlags | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse)) {
    draw_mode_switch(Mode::network, requests, *mode_boxes_);
    ImGui::SameLine();
    draw_undo_buttons(share, requests);
    bool chart_tab = false, sweep_open = false;
    const bool select_sweep = sweep_.take_select_tab();
    if (ImGui::BeginTabBar("##netsheettabs", ImGuiTabBarFlags_FittingPolicyResizeDown)) {
      if (share.shows("loss") && ImGui::BeginTabItem("Chart")) {
        chart_tab = true;
        chart_.draw_tabs(scene);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem("Controls")) {
        // Its own scrolling region, scrolled by dragging with a finger as well as by the bar.
        ImGui::BeginChild("##netcontrolsscroll", ImVec2(0, 0), false);
        draw_controls(scene, commands, error, share, requests, true);
        finger_scroll(sheet_scrolling_);
        ImGui::EndChild();
        ImGui::EndTabItem();
      }
      // The phone has no room beside the chart: the network diagram gets the sheet to itself.
      if (ImGui::BeginTabItem("Network")) {
        draw_net_diagram_contents(scene, selected_, diagram_, true);
        ImGui::EndTabItem();
      }
      sweep_open = draw_sweep_tab(scene, commands, select_sweep);
      ImGui::EndTabBar();
    }
    sweep_.set_open(sweep_open || select_sweep);
    phone_chart_tab_ = chart_tab;
  }
  ImGui::End();
}

}  // namespace adamlab::ui
