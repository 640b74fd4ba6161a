#include "ui/run_panels.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"
#include "imgui.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/next_optimizer.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/map_overlays.h"
#include "ui/option_control.h"
#include "ui/option_meta.h"

namespace adamlab::ui {
namespace {

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

}  // namespace

std::string default_optimizer_spec(const std::string& name, const std::string& lr) {
  try {
    make_optimizer(Spec{name, {}});
    return name;
  } catch (const Error&) {
    return name + ":lr=" + lr;
  }
}

void RunPanel::draw_list(const std::vector<RunView>& runs, int& selected, const RunEdits& edits, const RunListOptions& options) {
  ImGui::TextUnformatted("Runs");
  ImGui::SameLine();
  ImGui::TextDisabled("(click a name to edit it)");
  const float button_w = ImGui::CalcTextSize("dup").x + ImGui::GetStyle().FramePadding.x * 2 + 4;
  int shape = -1;
  for (const RunView& r : runs) {
    ++shape;  // the run's head marker on the map (by list position, as the map draws it)
    ImGui::PushID(r.id);
    bool visible = r.visible;
    const ImU32 colour = rgb_to_imu32(run_colour_rgb(r.colour));
    ImGui::PushStyleColor(ImGuiCol_CheckMark, colour);
    if (ImGui::Checkbox("##visible", &visible)) edits.set_visible(r.id, visible);
    ImGui::PopStyleColor();
    tooltip(options.visible_tooltip);
    ImGui::SameLine();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float row = ImGui::GetFrameHeight();  // centred on the checkbox's row (taller on a phone)
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + row / 2 - 1.5f), ImVec2(p.x + 16, p.y + row / 2 + 1.5f), colour);
    if (options.markers) draw_marker(ImGui::GetWindowDrawList(), ImVec2(p.x + 8, p.y + row / 2), shape, colour, 4.0f);
    ImGui::Dummy(ImVec2(16, row));
    ImGui::SameLine();
    const float indent = ImGui::GetCursorPosX() - ImGui::GetWindowContentRegionMin().x;
    // Name, then dup and x on the same line at the right edge; the name gets what is left (and
    // is clipped there), so it never runs under the buttons. The status goes on its own line.
    const float buttons_w = 2 * button_w + ImGui::GetStyle().ItemSpacing.x;
    const float name_w = std::max(40.0f, ImGui::GetWindowContentRegionMax().x - ImGui::GetCursorPosX() - buttons_w -
                                             ImGui::GetStyle().ItemSpacing.x);
    const std::string label = run_label(*r.optimizer, *r.scheduler);
    if (ImGui::Selectable(label.c_str(), r.id == selected, 0, ImVec2(name_w, 0))) selected = r.id;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s%s%s", to_string(*r.optimizer).c_str(), r.scheduler->empty() ? "" : "\nscheduler: ", r.scheduler->c_str());
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - buttons_w);
    if (options.touch ? ImGui::Button("dup", ImVec2(button_w, 0)) : ImGui::SmallButton("dup")) edits.duplicate(r.id);
    tooltip("Duplicate this run (same optimizer and scheduler).");
    ImGui::SameLine();
    if (options.touch ? ImGui::Button(" x ", ImVec2(button_w, 0)) : ImGui::SmallButton(" x ")) edits.remove(r.id);
    tooltip("Remove this run.");
    ImGui::Indent(indent);
    if (r.diverged_at >= 0)
      ImGui::TextColored(ImVec4(1.0f, 0.42f, 0.38f, 1), "diverged at step %lld", static_cast<long long>(r.diverged_at));
    else
      ImGui::TextDisabled("%s", r.status.c_str());
    ImGui::Unindent(indent);
    ImGui::PopID();
  }
  const auto names = optimizer_names();
  add_box_ = Box{};
  if (!names.empty() && static_cast<int>(runs.size()) < options.max_runs) {
    // Offer what the map lacks (Adam first, then SGD with momentum, RMSprop, ...) until the
    // user picks another kind.
    std::vector<Spec> on_map;
    for (const RunView& r : runs) on_map.push_back(*r.optimizer);
    const std::string suggested = next_optimizer_spec(on_map);
    if (add_choice_ >= static_cast<int>(names.size())) add_choice_ = -1;
    const std::string chosen = add_choice_ < 0 ? suggested : default_optimizer_spec(names[add_choice_], "0.01");
    const std::string preview = optimizer_label(parse_spec(chosen));
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x * 0.62f);
    if (ImGui::BeginCombo("##addkind", preview.c_str())) {
      for (int i = 0; i < static_cast<int>(names.size()); ++i)
        if (ImGui::Selectable(optimizer_title(names[i]).c_str(), add_choice_ >= 0 ? i == add_choice_ : parse_spec(suggested).name == names[i]))
          add_choice_ = i;
      ImGui::EndCombo();
    }
    tooltip("The optimizer the next run uses: by default one not on the map yet.");
    ImGui::SameLine();
    if (ImGui::Button("+ Add run")) {
      edits.add(chosen);
      add_choice_ = -1;  // the next suggestion follows the map again
    }
    add_box_ = Box{ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectSize().x, ImGui::GetItemRectSize().y};
    tooltip("Add a run of this optimizer with PyTorch's defaults.");
  }
}

void RunPanel::draw_hyperparameters(const RunView* run, std::int64_t step_limit, const RunEdits& edits) {
  field_boxes_.clear();
  if (!run) {
    ImGui::TextDisabled("No run selected: add one above.");
    return;
  }
  const int id = run->id;
  const Spec& spec = *run->optimizer;
  const std::string sched = *run->scheduler;
  ImGui::PushID("hyper");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(run->colour))), "%s", optimizer_label(spec).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("(edits restart the run)");

  const float w = ImGui::GetContentRegionAvail().x;
  const float label_w = std::min(ImGui::CalcTextSize("weight_decay").x + ImGui::GetStyle().ItemSpacing.x * 2, w * 0.4f);
  auto label = [&](const std::string& text, const char* tip) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(text.c_str());
    tooltip(tip);
    if (ImGui::CalcTextSize(text.c_str()).x < label_w - 4) ImGui::SameLine(label_w);
    else ImGui::SetCursorPosX(ImGui::GetCursorPosX() + label_w);
  };

  // Optimizer kind. Labels align with the frames beside them (taller on a phone).
  label("optimizer", "The torch.optim class; a new one starts from PyTorch's defaults.");
  ImGui::SetNextItemWidth(w - label_w);
  if (ImGui::BeginCombo("##kind", optimizer_title(spec.name).c_str())) {
    for (const auto& name : optimizer_names()) {
      if (ImGui::Selectable(optimizer_title(name).c_str(), name == spec.name))
        edits.update(id, default_optimizer_spec(name, spec_value(spec, "lr")), sched);
    }
    ImGui::EndCombo();
  }

  for (const auto& kv : spec.params) {
    const std::string& key = kv.first;
    const std::string& value = kv.second;
    const OptionMeta meta = option_meta(key);
    label(key, meta.tooltip);
    if (is_bool_text(value)) {
      bool b = value == "true";
      ImGui::PushID(key.c_str());
      if (ImGui::Checkbox("##b", &b)) {
        Spec next = spec;
        next.set(key, format_bool(b));
        try {
          make_optimizer(next);
          edits.update(id, to_string(next), sched);
        } catch (const Error& e) {
          refusal_ = e.what();  // e.g. nesterov without momentum: said below the options
        }
      }
      tooltip(meta.tooltip);
      ImGui::PopID();
      continue;
    }
    OptionInput in;
    in.value = value;
    in.default_value = option_default(spec, key, false);
    in.meta = meta;
    in.width = w - label_w;
    const auto validate = [&spec, &key](const std::string& text) {
      Spec next = spec;
      next.set(key, text);
      try {
        make_optimizer(next);
        return std::string();
      } catch (const Error& e) {
        return std::string(e.what());
      }
    };
    std::string typed;
    Box box;
    if (option_control(key.c_str(), in, field_edit_, validate, typed, &box)) {
      Spec next = spec;
      next.set(key, typed);
      edits.update(id, to_string(next), sched);
      refusal_.clear();
    }
    field_boxes_.emplace_back(key, box);
  }
  if (ImGui::Button("Reset to PyTorch defaults")) {
    edits.update(id, default_optimizer_spec(spec.name, spec_value(spec, "lr")), sched);
    refusal_.clear();
  }
  tooltip("Every option back to torch.optim's default (SGD keeps its lr: torch has no default for it).");
  if (!refusal_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 105, 255));
    ImGui::TextWrapped("%s", refusal_.c_str());
    ImGui::PopStyleColor();
  }

  // Scheduler.
  ImGui::Spacing();
  const std::string sched_name = sched.empty() ? std::string() : parse_spec(sched).name;
  label("scheduler", "An LR scheduler stepped after every optimizer step, as in a torch training loop.");
  ImGui::SetNextItemWidth(w - label_w);
  const std::string opt_text = to_string(spec);
  if (ImGui::BeginCombo("##sched", sched.empty() ? "none" : scheduler_title(sched_name).c_str())) {
    if (ImGui::Selectable("none", sched.empty())) edits.update(id, opt_text, "");
    for (const auto& name : scheduler_names()) {
      if (ImGui::Selectable(scheduler_title(name).c_str(), name == sched_name))
        edits.update(id, opt_text, default_scheduler_spec(name, step_limit));
    }
    ImGui::EndCombo();
  }
  if (!sched.empty()) {
    const Spec sspec = parse_spec(sched);
    for (const auto& kv : sspec.params) {
      const std::string& key = kv.first;
      const OptionMeta meta = option_meta(key);
      label(key, meta.tooltip);
      OptionInput in;
      in.value = kv.second;
      in.default_value = option_default(sspec, key, true);
      in.meta = meta;
      in.width = w - label_w;
      const auto validate = [&sspec, &key](const std::string& text) {
        Spec next = sspec;
        next.set(key, text);
        try {
          make_scheduler(next);
          return std::string();
        } catch (const Error& e) {
          return std::string(e.what());
        }
      };
      std::string typed;
      Box box;
      const std::string field = "sched." + key;
      if (option_control(field.c_str(), in, field_edit_, validate, typed, &box)) {
        Spec next = sspec;
        next.set(key, typed);
        edits.update(id, opt_text, to_string(next));
      }
      field_boxes_.emplace_back(field, box);
    }
  }
  ImGui::PopID();
}

}  // namespace adamlab::ui
