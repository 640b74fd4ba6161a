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
#include "problems/problem.h"
#include "sched/scheduler.h"
#include "sim/palette.h"
#include "sim/presets.h"
#include "sim/scene.h"
#include "ui/draw_util.h"
#include "ui/map_overlays.h"
#include "ui/option_meta.h"

namespace adamlab::ui {
namespace {

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

// A spec that builds with PyTorch's defaults: the name alone, or (SGD) the name with an lr.
std::string default_optimizer_spec(const std::string& name, const std::string& lr) {
  try {
    make_optimizer(Spec{name, {}});
    return name;
  } catch (const Error&) {
    return name + ":lr=" + lr;
  }
}

// A scheduler spec that builds: the name alone if torch has defaults for everything, else a
// starting point sized to the step limit.
std::string default_scheduler_spec(const std::string& name, std::int64_t step_limit) {
  const std::string n = std::to_string(std::max<std::int64_t>(step_limit, 1));
  const std::vector<std::string> candidates = {
      name, name + ":step_size=" + std::to_string(std::max<std::int64_t>(step_limit / 5, 1)),
      name + ":gamma=0.999", name + ":T_max=" + n, name + ":T_0=" + std::to_string(std::max<std::int64_t>(step_limit / 4, 1)),
      name + ":total_iters=" + n};
  for (const auto& c : candidates) {
    try {
      make_scheduler(parse_spec(c));
      return c;
    } catch (const Error&) {
    }
  }
  return name;
}

std::string spec_value(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return kv.second;
  return "";
}

bool is_bool_text(const std::string& v) { return v == "true" || v == "false"; }

// One exact-entry box: shows the spec's own text; Enter applies whatever was typed.
bool exact_entry(const char* id, const std::string& value, std::string& typed) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  if (ImGui::InputText(id, buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll)) {
    typed = buf;
    return typed != value;
  }
  return false;
}

}  // namespace

void ControlPanel::draw(const Scene& scene, CommandQueue& commands, const std::string& error, PanelContext& context) {
  if (!scene.runs().empty() && !scene.find(selected_)) selected_ = scene.runs().front().id;
  draw_playback(scene, commands);
  // A refused edit's message sits near the top, where it is seen without scrolling.
  if (!error.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
    ImGui::TextWrapped("%s", error.c_str());
    ImGui::PopStyleColor();
    ImGui::TextDisabled("(nothing changed)");
    ImGui::SameLine();
    if (ImGui::SmallButton("Start over")) context.requests.reset_to_defaults = true;
    tooltip("Back to the default scene (the playground as it opens with no link).");
  }
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
    ImGui::Separator();
  }
  draw_share(context);
}

void ControlPanel::draw_playback(const Scene& scene, CommandQueue& commands) {
  const float w = ImGui::GetContentRegionAvail().x;
  const float bw = (w - 2 * ImGui::GetStyle().ItemSpacing.x) / 3;
  if (ImGui::Button(scene.playing() ? "Pause" : "Play", ImVec2(bw, 0))) commands.push([](Scene& s) { s.toggle_play(); });
  tooltip("Play or pause the race (Space).");
  ImGui::SameLine();
  if (ImGui::Button("Step", ImVec2(bw, 0))) commands.push([](Scene& s) { s.pause(); s.step(1); });
  tooltip("One optimizer step for every run (Right arrow).");
  ImGui::SameLine();
  if (ImGui::Button("Reset", ImVec2(bw, 0))) commands.push([](Scene& s) { s.reset(); });
  tooltip("Every run back to the start point, step 0 (R).");

  ImGui::Text("step %lld / %lld", static_cast<long long>(scene.step_count()), static_cast<long long>(scene.step_limit()));
  float speed = static_cast<float>(scene.speed());
  ImGui::SetNextItemWidth(w);
  if (ImGui::SliderFloat("##speed", &speed, static_cast<float>(Scene::kMinSpeed), static_cast<float>(Scene::kMaxSpeed),
                         speed < 10 ? "speed %.2g steps/s" : "speed %.0f steps/s", ImGuiSliderFlags_Logarithmic)) {
    const double v = speed;
    commands.push([v](Scene& s) { s.set_speed(v); });
  }
  tooltip("Optimizer steps per second while playing: 1 to follow single steps, thousands to see where runs end up.");
  int limit = static_cast<int>(scene.step_limit());
  ImGui::SetNextItemWidth(w - ImGui::CalcTextSize("step limit").x - ImGui::GetStyle().ItemInnerSpacing.x);
  if (ImGui::InputInt("step limit", &limit, 0, 0, ImGuiInputTextFlags_EnterReturnsTrue)) {
    commands.push([limit](Scene& s) { s.set_step_limit(limit); });
  }
  tooltip("Playback stops at this step (type a number, then Enter).");
  if (!touch_) ImGui::TextDisabled("Space: play  Right: step  R: reset");
}

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
  tooltip("A picture of the whole canvas.");
  if (touch_) ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("Scene");
  ImGui::SameLine();
  if (small_button("Reset to defaults")) context.requests.reset_to_defaults = true;
  tooltip("Back to the default scene: four optimizers on Rosenbrock, default view, no preset (always works).");
}

void ControlPanel::draw_problem(const Scene& scene, CommandQueue& commands) {
  const std::string current = scene.problem().spec().name;
  const float button_w = ImGui::CalcTextSize("Reset view").x + ImGui::GetStyle().FramePadding.x * 2;
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x - button_w - ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::BeginCombo("##problem", ("problem: " + current).c_str())) {
    for (const auto& name : problem_names()) {
      if (ImGui::Selectable(name.c_str(), name == current)) commands.push([name](Scene& s) { s.set_problem(name); });
    }
    ImGui::EndCombo();
  }
  tooltip(("The loss landscape: " + scene.problem_spec()).c_str());
  ImGui::SameLine();
  if (ImGui::Button("Reset view")) reset_view_ = true;
  tooltip("Back to the problem's default view (drag to pan, wheel or pinch to zoom).");
  ImGui::Text("start (%.4g, %.4g)", scene.start().x(), scene.start().y());
  ImGui::SameLine();
  // Under touch a tap never moves the start (too easy by accident): the marker is dragged.
  ImGui::TextDisabled(touch_ ? "drag its ring" : "click the map");
}

void ControlPanel::draw_runs(const Scene& scene, CommandQueue& commands) {
  ImGui::TextUnformatted("Runs");
  ImGui::SameLine();
  ImGui::TextDisabled("(click a name to edit it)");
  const float button_w = ImGui::CalcTextSize("dup").x + ImGui::GetStyle().FramePadding.x * 2 + 4;
  int shape = -1;
  for (const auto& r : scene.runs()) {
    ++shape;  // the run's head marker on the map (by list position, as the map draws it)
    ImGui::PushID(r.id);
    bool visible = r.visible;
    const ImU32 colour = rgb_to_imu32(run_colour_rgb(r.colour));
    ImGui::PushStyleColor(ImGuiCol_CheckMark, colour);
    if (ImGui::Checkbox("##visible", &visible)) {
      const int id = r.id;
      commands.push([id, visible](Scene& s) { s.set_visible(id, visible); });
    }
    ImGui::PopStyleColor();
    tooltip("Show or hide this run's path and loss curve.");
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float row = ImGui::GetFrameHeight();  // centred on the checkbox's row (taller on a phone)
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + row / 2 - 1.5f), ImVec2(p.x + 16, p.y + row / 2 + 1.5f), colour);
    draw_marker(ImGui::GetWindowDrawList(), ImVec2(p.x + 8, p.y + row / 2), shape, colour, 4.0f);
    ImGui::Dummy(ImVec2(16, row));
    ImGui::SameLine();
    const float indent = ImGui::GetCursorPosX() - ImGui::GetWindowContentRegionMin().x;
    // Name, then dup and x on the same line at the right edge; the name gets what is left (and
    // is clipped there), so it never runs under the buttons. The loss goes on its own line.
    const float buttons_w = 2 * button_w + ImGui::GetStyle().ItemSpacing.x;
    const float name_w = std::max(40.0f, ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - buttons_w -
                                             ImGui::GetStyle().ItemSpacing.x);
    const std::string label = run_label(r.optimizer, r.scheduler);
    if (ImGui::Selectable(label.c_str(), r.id == selected_, 0, ImVec2(name_w, 0))) selected_ = r.id;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s%s%s", to_string(r.optimizer).c_str(), r.scheduler.empty() ? "" : "\nscheduler: ",
                                                  r.scheduler.c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons_w);
    if (touch_ ? ImGui::Button("dup", ImVec2(button_w, 0)) : ImGui::SmallButton("dup")) {
      const int id = r.id;
      commands.push([id](Scene& s) { s.duplicate_run(id); });
    }
    tooltip("Duplicate this run (same optimizer and scheduler).");
    ImGui::SameLine();
    if (touch_ ? ImGui::Button(" x ", ImVec2(button_w, 0)) : ImGui::SmallButton(" x ")) {
      const int id = r.id;
      commands.push([id](Scene& s) { s.remove_run(id); });
    }
    tooltip("Remove this run.");
    ImGui::Indent(indent);
    if (r.run.diverged()) {
      ImGui::TextColored(ImVec4(1.0f, 0.42f, 0.38f, 1), "diverged at step %lld", static_cast<long long>(r.run.diverged_at()));
    } else {
      const TraceRow row = r.run.row();
      ImGui::TextDisabled("loss %.4g", row.loss);
    }
    ImGui::Unindent(indent);
    ImGui::PopID();
  }
  const auto names = optimizer_names();
  if (!names.empty() && static_cast<int>(scene.runs().size()) < Scene::kMaxRuns) {
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.62f);
    add_choice_ = std::clamp(add_choice_, 0, static_cast<int>(names.size()) - 1);
    if (ImGui::BeginCombo("##addkind", optimizer_title(names[add_choice_]).c_str())) {
      for (int i = 0; i < static_cast<int>(names.size()); ++i)
        if (ImGui::Selectable(optimizer_title(names[i]).c_str(), i == add_choice_)) add_choice_ = i;
      ImGui::EndCombo();
    }
    ImGui::SameLine();
    if (ImGui::Button("+ Add run")) {
      const std::string spec = default_optimizer_spec(names[add_choice_], "0.001");
      commands.push([spec](Scene& s) { s.add_run(spec); });
    }
    tooltip("Add a run of the chosen optimizer with PyTorch's defaults.");
  }
}

void ControlPanel::draw_hyperparameters(const Scene& scene, CommandQueue& commands) {
  const SceneRun* run = scene.find(selected_);
  if (!run) {
    ImGui::TextDisabled("No run selected: add one above.");
    return;
  }
  const int id = run->id;
  const Spec& spec = run->optimizer;
  const std::string sched = run->scheduler;
  ImGui::PushID("hyper");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(run->colour))), "%s",
                     optimizer_label(spec).c_str());
  ImGui::TextDisabled("edits restart the run");

  const float w = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(110.0f, w * 0.36f);
  const float slider_w = (w - label_w) * 0.55f;

  // Optimizer kind. Labels align with the frames beside them (taller on a phone).
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("optimizer");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(w - label_w);
  if (ImGui::BeginCombo("##kind", optimizer_title(spec.name).c_str())) {
    for (const auto& name : optimizer_names()) {
      if (ImGui::Selectable(optimizer_title(name).c_str(), name == spec.name)) {
        const std::string next = default_optimizer_spec(name, spec_value(spec, "lr"));
        commands.push([id, next, sched](Scene& s) { s.update_run(id, next, sched); });
      }
    }
    ImGui::EndCombo();
  }

  for (const auto& kv : spec.params) {
    const std::string& key = kv.first;
    const std::string& value = kv.second;
    const OptionMeta meta = option_meta(key);
    ImGui::PushID(key.c_str());
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(key.c_str());
    tooltip(meta.tooltip);
    if (ImGui::CalcTextSize(key.c_str()).x < label_w - 4) ImGui::SameLine(label_w);
    else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w);
    Spec next = spec;
    bool changed = false;
    if (is_bool_text(value)) {
      bool b = value == "true";
      if (ImGui::Checkbox("##b", &b)) {
        next.set(key, format_bool(b));
        changed = true;
      }
      tooltip(meta.tooltip);
    } else {
      double v = std::strtod(value.c_str(), nullptr);
      ImGui::SetNextItemWidth(slider_w);
      const double lo = meta.min, hi = meta.max;
      if (ImGui::SliderScalar("##s", ImGuiDataType_Double, &v, &lo, &hi, "%.3g",
                              meta.logarithmic ? ImGuiSliderFlags_Logarithmic : ImGuiSliderFlags_None)) {
        next.set(key, format_number(v));
        changed = true;
      }
      tooltip(meta.tooltip);
      ImGui::SameLine();
      ImGui::SetNextItemWidth(-1);
      std::string typed;
      if (exact_entry("##x", value, typed)) {
        next.set(key, typed);
        changed = true;
      }
      tooltip("Exact value: type it and press Enter.");
    }
    if (changed) {
      const std::string text = to_string(next);
      commands.push([id, text, sched](Scene& s) { s.update_run(id, text, sched); });
    }
    ImGui::PopID();
  }
  if (ImGui::Button("Reset to PyTorch defaults")) {
    const std::string def = default_optimizer_spec(spec.name, spec_value(spec, "lr"));
    commands.push([id, def, sched](Scene& s) { s.update_run(id, def, sched); });
  }
  tooltip("Every option back to torch.optim's default (SGD keeps its lr: torch has no default for it).");

  // Scheduler.
  ImGui::Spacing();
  const std::string sched_name = sched.empty() ? std::string() : parse_spec(sched).name;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("scheduler");
  tooltip("An LR scheduler stepped after every optimizer step, as in a torch training loop.");
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(w - label_w);
  const std::string opt_text = to_string(spec);
  if (ImGui::BeginCombo("##sched", sched.empty() ? "none" : scheduler_title(sched_name).c_str())) {
    if (ImGui::Selectable("none", sched.empty())) commands.push([id, opt_text](Scene& s) { s.update_run(id, opt_text, ""); });
    for (const auto& name : scheduler_names()) {
      if (ImGui::Selectable(scheduler_title(name).c_str(), name == sched_name)) {
        const std::string next = default_scheduler_spec(name, scene.step_limit());
        commands.push([id, opt_text, next](Scene& s) { s.update_run(id, opt_text, next); });
      }
    }
    ImGui::EndCombo();
  }
  if (!sched.empty()) {
    const Spec sspec = parse_spec(sched);
    for (const auto& kv : sspec.params) {
      ImGui::PushID(kv.first.c_str());
      ImGui::AlignTextToFramePadding();
      ImGui::TextUnformatted(kv.first.c_str());
      tooltip(option_meta(kv.first).tooltip);
      if (ImGui::CalcTextSize(kv.first.c_str()).x < label_w - 4) ImGui::SameLine(label_w);
      else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w);
      ImGui::SetNextItemWidth(-1);
      std::string typed;
      if (exact_entry("##sx", kv.second, typed)) {
        Spec next = sspec;
        next.set(kv.first, typed);
        const std::string text = to_string(next);
        commands.push([id, opt_text, text](Scene& s) { s.update_run(id, opt_text, text); });
      }
      tooltip(option_meta(kv.first).tooltip);
      ImGui::PopID();
    }
  }
  ImGui::PopID();
}

}  // namespace adamlab::ui
