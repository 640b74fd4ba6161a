#include "ui/panels.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "imgui.h"
#include "optim/optimizer.h"
#include "problems/expr_problem.h"
#include "problems/problem.h"
#include "sched/scheduler.h"
#include "sim/palette.h"
#include "sim/presets.h"
#include "sim/scene.h"
#include "ui/code_window.h"
#include "ui/draw_util.h"
#include "ui/map_overlays.h"
#include "ui/option_control.h"
#include "ui/option_meta.h"
#include "ui/playback_controls.h"

namespace adamlab::ui {
namespace {

// The scene's runs as the shared run panels (ui/run_panels.h) show them, and its edits as commands.
std::vector<RunView> run_views(const Scene& scene) {
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
    } else {
      char buf[48];
      std::snprintf(buf, sizeof buf, "loss %.4g", r.run.row().loss);
      v.status = buf;
    }
    views.push_back(std::move(v));
  }
  return views;
}

RunEdits scene_edits(CommandQueue& commands) {
  RunEdits e;
  e.set_visible = [&commands](int id, bool visible) { commands.push([id, visible](Scene& s) { s.set_visible(id, visible); }); };
  e.duplicate = [&commands](int id) { commands.push([id](Scene& s) { s.duplicate_run(id); }); };
  e.remove = [&commands](int id) { commands.push([id](Scene& s) { s.remove_run(id); }); };
  e.add = [&commands](const std::string& spec) { commands.push([spec](Scene& s) { s.add_run(spec); }); };
  e.update = [&commands](int id, const std::string& opt, const std::string& sched) {
    commands.push([id, opt, sched](Scene& s) { s.update_run(id, opt, sched); });
  };
  return e;
}

}  // namespace

void ControlPanel::draw(const Scene& scene, CommandQueue& commands, const std::string& error, PanelContext& context) {
  if (!scene.runs().empty() && !scene.find(selected_)) selected_ = scene.runs().front().id;
  draw_playback(scene, commands);
  // A refused command's message (fields show their own beside them) floats over the top of the
  // panel, where it is seen without scrolling, and moves nothing; the next click dismisses it.
  if (!error.empty())
    floating_error("##panelerror", error, "Nothing changed.", ImGui::GetCursorScreenPos().x, ImGui::GetCursorScreenPos().y,
                   ImGui::GetContentRegionAvail().x);
  ImGui::Separator();
  draw_lessons(context);
  ImGui::Separator();
  draw_problem(scene, commands);
  ImGui::Separator();
  if (context.share.shows("runs")) {
    draw_runs(scene, commands);
    ImGui::Separator();
  }
  draw_anatomy(scene, commands, context);
  ImGui::Separator();
  if (context.share.shows("params")) {
    draw_hyperparameters(scene, commands);
    draw_code_buttons(scene.find(selected_) || scene.runs().empty() ? selected_ : scene.runs().front().id,
                      context.requests, touch_);
    ImGui::Separator();
  }
  draw_share(context);
}

void ControlPanel::draw_playback(const Scene& scene, CommandQueue& commands) { draw_playback_controls(scene, commands, touch_); }

void ControlPanel::draw_lessons(PanelContext& context) {
  const Preset* current = context.share.preset ? find_preset(*context.share.preset) : nullptr;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  if (ImGui::BeginCombo("##lesson", current ? ("lesson: " + current->title).c_str() : "lesson: choose a preset...")) {
    for (const auto& p : presets())
      if (ImGui::Selectable(p.title.c_str(), current == &p)) context.requests.load_preset = p.name;
    ImGui::EndCombo();
  }
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Scenes that each show one lesson of the Adam tutorial (URL: #preset=NAME).");
  if (context.share.lesson_changed) {
    if (ImGui::Button("Back to the lesson")) context.requests.restore_lesson = true;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("Undo your changes: the lesson's start, view and runs as it opened.");
  }
  if (current) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(225, 215, 170, 255));
    ImGui::TextWrapped("%s", current->caption.c_str());
    ImGui::PopStyleColor();
  }
}

void ControlPanel::draw_anatomy(const Scene& scene, CommandQueue& commands, PanelContext& context) {
  bool on = context.anatomy.run_id.has_value();
  if (ImGui::Checkbox("Anatomy of a step", &on)) {
    if (on && scene.find(selected_)) {
      context.anatomy.run_id = selected_;
      context.anatomy.step.reset();
      commands.push([](Scene& s) { s.pause(); });
    } else {
      context.anatomy = AnatomyCursor{};
    }
  }
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Pause and take apart the selected run's next update: gradient, moments, per-coordinate scaling, step.");
  if (!on) return;
  // The anatomy follows the run selected in the list above.
  if (scene.find(selected_) && context.anatomy.run_id != selected_) {
    context.anatomy.run_id = selected_;
    context.anatomy.step.reset();
  }
  context.anatomy_view.draw_panel(scene, context.anatomy, commands);
}

void ControlPanel::draw_share(PanelContext& context) {
  // Framed buttons under touch: a SmallButton is a few pixels tall, too small for a finger.
  auto small_button = [this](const char* label) { return touch_ ? ImGui::Button(label) : ImGui::SmallButton(label); };
  if (touch_) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Share");
  ImGui::SameLine();
  if (small_button("Copy link")) context.requests.actions.push_back(UiAction::copy_link);
  tooltip("Copy a link that reproduces this scene (the address bar always holds it too).");
  ImGui::SameLine();
  if (small_button("Copy embed code")) context.requests.actions.push_back(UiAction::copy_embed);
  tooltip("Copy an <iframe> snippet that embeds this scene in a page (no menus, autoplay, loop).");
  if (touch_) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Export");
  ImGui::SameLine();
  if (small_button("CSV")) context.requests.actions.push_back(UiAction::export_csv);
  tooltip("Every run's trace: run,step,x,y,loss,lr (the CLI's columns plus the run id).");
  ImGui::SameLine();
  if (small_button("JSON")) context.requests.actions.push_back(UiAction::export_json);
  tooltip("The scene as JSON: its link and its state.");
  ImGui::SameLine();
  if (small_button("PNG")) context.requests.actions.push_back(UiAction::export_png);
  tooltip("The figure as a PNG: the map, its paths and legend, and the loss chart (no controls), at the screen's full resolution.");
  if (touch_) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Scene");
  ImGui::SameLine();
  if (small_button("Reset to defaults")) context.requests.reset_to_defaults = true;
  tooltip("Back to the default scene: four optimizers on Rosenbrock, default view, no preset (always works).");
}

void ControlPanel::draw_problem(const Scene& scene, CommandQueue& commands) {
  const std::string current = scene.problem().spec().name;
  const bool typed = current == kExprProblemName;
  const float button_w = ImGui::CalcTextSize("Reset view").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x);
  problem_combo_ = ProblemComboBoxes{};
  // A typed function reads as "f(x, y)" here: its text is in the editor below, not in the label.
  // Tall enough for every entry: the last one, "your own", must not hide behind a scroll.
  if (ImGui::BeginCombo("##problem", typed ? "problem: f(x, y)" : ("problem: " + current).c_str(), ImGuiComboFlags_HeightLargest)) {
    for (const auto& name : problem_names()) {
      if (ImGui::Selectable(name.c_str(), name == current)) commands.push([name](Scene& s) { s.set_problem(name); });
    }
    ImGui::Separator();
    if (ImGui::Selectable(kOwnFunctionEntry, typed) && !typed) {
      const std::string spec = function_editor_.entry_spec();
      commands.push([spec](Scene& s) { s.set_problem(spec); });
    }
    problem_combo_.own_entry = item_box();
    tooltip("Type your own function of x and y; the map redraws as you type.");
    ImGui::EndCombo();
  }
  problem_combo_.combo = item_box();
  tooltip(typed ? "Your own function: edit it below." : ("The loss landscape: " + scene.problem_spec()).c_str());
  ImGui::SameLine();
  if (ImGui::Button("Reset view")) reset_view_ = true;
  tooltip("Back to the problem's default view (drag to pan, wheel or pinch to zoom).");
  if (typed)
    function_editor_.draw(scene, commands, touch_);
  else
    function_editor_.forget_boxes();
  ImGui::Text("start (%.4g, %.4g)", scene.start().x(), scene.start().y());
  ImGui::SameLine();
  // Under touch a tap never moves the start (too easy by accident): the marker is dragged.
  ImGui::TextDisabled(touch_ ? "drag its ring" : "click the map");
}

void ControlPanel::draw_runs(const Scene& scene, CommandQueue& commands) {
  RunListOptions options;
  options.max_runs = Scene::kMaxRuns;
  options.touch = touch_;
  run_panel_.draw_list(run_views(scene), selected_, scene_edits(commands), options);
  paste_box_.draw(commands, selected_, scene.find(selected_) != nullptr, touch_);
}

void ControlPanel::draw_hyperparameters(const Scene& scene, CommandQueue& commands) {
  const std::vector<RunView> views = run_views(scene);
  const RunView* run = nullptr;
  for (const auto& v : views)
    if (v.id == selected_) run = &v;
  run_panel_.draw_hyperparameters(run, scene.step_limit(), scene_edits(commands));
}

}  // namespace adamlab::ui
