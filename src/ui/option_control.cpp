#include "ui/option_control.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/round_text.h"
#include "core/spec.h"
#include "imgui.h"
#include "ui/fonts.h"

namespace adamlab::ui {
namespace {

bool parse_double(const std::string& text, double& v) {
  char* end = nullptr;
  v = std::strtod(text.c_str(), &end);
  return !text.empty() && end == text.c_str() + text.size();
}

// Where ImGui 1.86's slider puts value v (0..1 along the track), its logarithmic mapping
// included (SliderBehaviorT: a zero bound is nudged to 10^-precision, 3 for our format).
float slider_ratio(double v, const OptionMeta& m) {
  if (!(m.max > m.min)) return 0;
  v = std::clamp(v, m.min, m.max);
  if (!m.logarithmic) return static_cast<float>((v - m.min) / (m.max - m.min));
  const double eps = 1e-3;
  const double lo = std::fabs(m.min) < eps ? eps : m.min, hi = std::fabs(m.max) < eps ? eps : m.max;
  if (v <= lo) return 0;
  if (v >= hi) return 1;
  return static_cast<float>(std::log(v / lo) / std::log(hi / lo));
}

void enter_text_mode(FieldEdit& edit, unsigned id, const std::string& value) {
  edit.id = id;
  std::snprintf(edit.typed, sizeof edit.typed, "%s", value.c_str());
  edit.error.clear();
  edit.focus = true;
}

std::string trimmed(const char* s) {
  std::string t = s;
  const auto a = t.find_first_not_of(" \t"), b = t.find_last_not_of(" \t");
  return a == std::string::npos ? std::string() : t.substr(a, b - a + 1);
}

}  // namespace

void floating_error(const char* window_id, const std::string& message, const char* hint, float x, float y, float width) {
  width = std::max(width, 160.0f);
  ImGui::SetNextWindowPos(ImVec2(x, y));
  ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(width, 1e6f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, IM_COL32(92, 24, 24, 245));
  ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(235, 95, 85, 255));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(6, 3));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
  // The tooltip layer draws over the panel; the panel's own layout never sees this window.
  const ImGuiWindowFlags flags = ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoInputs |
                                 ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_AlwaysAutoResize;
  if (ImGui::Begin(window_id, nullptr, flags)) {
    ImGui::PushTextWrapPos(width - 12);
    ImGui::TextUnformatted(message.c_str());
    if (hint && hint[0]) ImGui::TextDisabled("%s", hint);
    ImGui::PopTextWrapPos();
  }
  ImGui::End();
  ImGui::PopStyleVar(2);
  ImGui::PopStyleColor(2);
}

bool option_control(const char* id, const OptionInput& in, FieldEdit& edit, const Validator& validate, std::string& out,
                    Box* box) {
  ImGui::PushID(id);
  const unsigned field_id = ImGui::GetID("##field");
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float w = std::max(in.width, 60.0f);
  ImVec2 field_end = origin;  // bottom-right of the field's last widget
  bool changed = false;
  auto accept = [&](const std::string& text) {
    const std::string message = validate(text);
    if (!message.empty()) return message;
    if (text != in.value) {
      out = text;
      changed = true;
    }
    return std::string();
  };

  if (edit.id == field_id) {
    // Text mode: the exact value, selected, ready to be replaced.
    if (edit.focus) {
      ImGui::SetKeyboardFocusHere();
      edit.focus = false;
    }
    const bool refused = !edit.error.empty();
    if (refused) {
      ImGui::PushStyleColor(ImGuiCol_Border, IM_COL32(235, 95, 85, 255));
      ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 1.5f);
    }
    ImGui::SetNextItemWidth(w);
    ImGui::PushFont(mono_font());
    const bool enter = ImGui::InputText("##text", edit.typed, sizeof edit.typed,
                                        ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll |
                                            ImGuiInputTextFlags_CharsNoBlank);
    ImGui::PopFont();
    if (refused) {
      ImGui::PopStyleVar();
      ImGui::PopStyleColor();
    }
    if (enter) {
      const std::string text = trimmed(edit.typed);
      double v = 0;
      std::string message = text.empty() ? "Type a value (the current one is " + in.value + ")." : accept(text);
      if (!text.empty() && message.empty() && in.meta.integer && parse_double(text, v) && v != std::floor(v))
        message = text + " is not a whole number.";
      if (message.empty()) {
        edit = FieldEdit{};
      } else {
        edit.error = message;
        edit.focus = true;  // Enter took the focus away; give it back to fix the typo
      }
    } else if (ImGui::IsItemDeactivated() && !edit.focus) {
      edit = FieldEdit{};  // Esc or a click elsewhere: the value stays as it was
    }
    field_end = ImGui::GetItemRectMax();
    if (edit.id == field_id && !edit.error.empty())
      floating_error("##fielderror", edit.error, "Enter another value, or Esc to keep the current one.",
                     ImGui::GetItemRectMin().x, ImGui::GetItemRectMax().y + 2, w);
  } else if (in.meta.max > in.meta.min) {
    // Slider mode: the track, then the value beside it.
    ImGui::PushFont(mono_font());
    const float value_w = ImGui::CalcTextSize("0.00000").x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::PopFont();
    const float slider_w = std::max(40.0f, w - value_w - ImGui::GetStyle().ItemInnerSpacing.x);
    double current = 0;
    const bool numeric = parse_double(in.value, current);
    double v = current;
    ImGui::SetNextItemWidth(slider_w);
    const ImGuiSliderFlags flags = ImGuiSliderFlags_NoInput | (in.meta.logarithmic ? ImGuiSliderFlags_Logarithmic : 0);
    const bool moved = ImGui::SliderScalar("##field", ImGuiDataType_Double, &v, &in.meta.min, &in.meta.max, "", flags);
    const ImVec2 track_min = ImGui::GetItemRectMin(), track_max = ImGui::GetItemRectMax();
    // ImGui's double-click (two presses within 0.3 s). Ctrl+click and a click on the value
    // beside the track also type, at any frame rate.
    const bool activated = ImGui::IsItemActivated();
    const bool double_click = ImGui::IsItemHovered() && ImGui::IsMouseDoubleClicked(0);
    if (activated && !double_click) {
      edit.press_id = field_id;
      edit.press_value = in.value;
    }
    const bool type_now = double_click || (ImGui::IsItemHovered() && ImGui::GetIO().KeyCtrl && ImGui::IsMouseClicked(0));
    if (type_now) {
      // The double-click's first click moved the slider: put the value back, then type.
      const std::string before = edit.press_id == field_id ? edit.press_value : in.value;
      if (before != in.value) {
        out = before;
        changed = true;
      }
      enter_text_mode(edit, field_id, before);
    } else if (moved && numeric) {
      // Dragging picks values a person would type (3 significant digits), whole numbers for counts.
      const std::string text = in.meta.integer ? format_number(std::round(v)) : format_rounded(v, 3);
      if (!accept(text).empty()) changed = false;  // a slider end torch refuses: keep the value
    }
    ImGui::OpenPopupOnItemClick("##menu", ImGuiPopupFlags_MouseButtonRight);
    // The torch default as a tick on the track.
    double def = 0;
    const bool has_default = parse_double(in.default_value, def);
    if (has_default) {
      const float pad = 2.0f, grab = ImGui::GetStyle().GrabMinSize;
      const float usable = (track_max.x - track_min.x) - 2 * pad - grab;
      const float x = std::floor(track_min.x + pad + grab / 2 + slider_ratio(def, in.meta) * usable) + 0.5f;
      // Notches at the top and bottom edge: visible beside the grab, and not hidden under it.
      const float notch = std::max(4.0f, (track_max.y - track_min.y) * 0.3f);
      const ImU32 colour = IM_COL32(240, 210, 120, 255);
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x, track_min.y), ImVec2(x, track_min.y + notch), colour, 2.0f);
      ImGui::GetWindowDrawList()->AddLine(ImVec2(x, track_max.y - notch), ImVec2(x, track_max.y), colour, 2.0f);
    }
    if (ImGui::IsItemHovered() && !ImGui::IsItemActive())
      ImGui::SetTooltip("%s\n\ntorch default: %s (the tick)\nClick the value, double-click or Ctrl+click the track to type an exact value; right-click to reset.",
                        in.meta.tooltip, has_default ? in.default_value.c_str() : "none");
    // The value, rounded for reading; a click types the exact one.
    ImGui::SameLine(0, ImGui::GetStyle().ItemInnerSpacing.x);
    const bool is_default = has_default && numeric && current == def;
    const std::string shown = numeric ? rounded_value_text(in.value) : in.value;
    ImGui::PushFont(mono_font());
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(is_default ? ImGuiCol_TextDisabled : ImGuiCol_Text));
    ImGui::PushStyleColor(ImGuiCol_Button, IM_COL32(0, 0, 0, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_ButtonTextAlign, ImVec2(0, 0.5f));
    if (ImGui::Button(shown.c_str(), ImVec2(value_w, 0))) enter_text_mode(edit, field_id, in.value);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    ImGui::PopFont();
    field_end = ImGui::GetItemRectMax();
    ImGui::OpenPopupOnItemClick("##menu", ImGuiPopupFlags_MouseButtonRight);
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s%s\nClick to type an exact value.", in.value.c_str(), is_default ? " (torch default)" : "");
    if (ImGui::BeginPopup("##menu")) {
      const std::string reset = "Reset to torch default" + (has_default ? " (" + in.default_value + ")" : std::string(": none"));
      if (ImGui::MenuItem(reset.c_str(), nullptr, false, has_default && !is_default)) accept(in.default_value);
      if (ImGui::MenuItem("Type a value...")) enter_text_mode(edit, field_id, in.value);
      ImGui::EndPopup();
    }
  } else {
    // No range known: a plain entry box.
    ImGui::SetNextItemWidth(w);
    ImGui::PushFont(mono_font());
    if (ImGui::Button(in.value.c_str(), ImVec2(w, 0))) enter_text_mode(edit, field_id, in.value);
    ImGui::PopFont();
    field_end = ImGui::GetItemRectMax();
  }
  if (box) *box = Box{origin.x, origin.y, field_end.x - origin.x, field_end.y - origin.y};
  ImGui::PopID();
  return changed;
}

}  // namespace adamlab::ui
