#include "ui/function_editor.h"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "core/error.h"
#include "core/spec.h"
#include "expr/definition.h"
#include "expr/examples.h"
#include "expr/syntax.h"
#include "imgui.h"
#include "imgui_internal.h"  // the active field's horizontal scroll, to keep the caret under its character
#include "problems/expr_problem.h"
#include "sim/scene.h"
#include "ui/fonts.h"
#include "ui/draw_util.h"

namespace adamlab::ui {
namespace {

// The text with its body as the user wrote it (spacing kept) and the parts after ';' as
// expr::to_text writes them.
std::string compose(const expr::Definition& d) {
  expr::Definition parts = d;
  parts.body.clear();
  return d.body + expr::to_text(parts);
}

// The scene's typed text (canonical), or "" when its problem is not typed.
std::string scene_text(const Scene& scene) {
  const Spec spec = scene.problem().spec();
  if (spec.name != kExprProblemName || spec.params.size() != 1) return "";
  return spec.params[0].second;
}

// A pair of numbers on one row under a label of fixed width; true when either was edited.
bool number_pair(const char* label, const char* id, double (&v)[2], float label_w) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(label_w);
  ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
  return ImGui::InputScalarN(id, ImGuiDataType_Double, v, 2, nullptr, nullptr, "%.6g");
}

}  // namespace

std::string FunctionEditor::entry_spec() const {
  return std::string(kExprProblemName) + ":" + (last_valid_.empty() ? expr::default_text() : last_valid_);
}

void FunctionEditor::sync(const Scene& scene) {
  const std::string spec = scene.problem_spec();
  if (spec == loaded_spec_) return;
  // The scene changed from elsewhere (a link, undo, a preset, the JS API): show its text.
  loaded_spec_ = spec;
  text_ = scene_text(scene);
  last_valid_ = text_;
  error_.clear();
  column_ = 0;
  ++generation_;
  std::snprintf(buffer_, sizeof buffer_, "%s", text_.c_str());
  split_parts(scene);
}

void FunctionEditor::split_parts(const Scene& scene) {
  // From the field's text when it splits, else (a bad directive) from the scene's text, shown but
  // not editable until the field is fixed.
  parts_editable_ = true;
  try {
    parts_ = expr::parse_definition(text_);
    return;
  } catch (const Error&) {
    parts_editable_ = false;
  }
  try {
    parts_ = expr::parse_definition(scene_text(scene));
  } catch (const Error&) {
    parts_.reset();
  }
}

void FunctionEditor::edit(const std::string& text, const Scene& scene, CommandQueue& commands) {
  text_ = text;
  if (text_ != buffer_) std::snprintf(buffer_, sizeof buffer_, "%s", text_.c_str());
  split_parts(scene);
  try {
    const ExprProblem problem(text_);  // the parser on the UI's own copy: the scene is untouched
    error_.clear();
    column_ = 0;
    last_valid_ = text_;
    const std::string spec = to_string(problem.spec());
    if (spec == scene.problem_spec()) return;  // only spacing changed
    loaded_spec_ = spec;  // the scene's spec once the command applies: no reload of our own edit
    commands.push([spec](Scene& s) { s.set_problem(spec); });
  } catch (const expr::ExprError& e) {
    error_ = e.what();
    column_ = e.column();
  } catch (const Error& e) {
    error_ = e.what();
    column_ = 0;
  }
}

void FunctionEditor::draw(const Scene& scene, CommandQueue& commands, bool touch) {
  sync(scene);
  boxes_ = FunctionEditorBoxes{};
  boxes_.shown = true;
  ImGui::PushID("function_editor");

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("f(x, y) =");
  ImGui::SameLine();
  ImGui::TextDisabled("(?)");
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", expr::help_text().c_str());

  // The whole text in the monospace face, so the caret under a message lines up with characters.
  ImGui::PushFont(mono_font());
  ImGui::PushID(generation_);
  ImGui::SetNextItemWidth(-1.0f);
  const bool changed = ImGui::InputText("##function", buffer_, sizeof buffer_);
  boxes_.field = item_box();
  float scroll_x = 0;
  if (ImGui::IsItemActive())
    if (const ImGuiInputTextState* st = ImGui::GetInputTextState(ImGui::GetItemID())) scroll_x = st->ScrollX;
  ImGui::PopID();
  if (changed) edit(buffer_, scene, commands);

  // Caret row: '^' under the offending column, measured in the mono face from the field's text.
  const float caret_h = ImGui::GetTextLineHeight() * 0.8f;
  const ImVec2 row = ImGui::GetCursorScreenPos();
  if (!error_.empty() && column_ > 0) {
    const std::size_t upto = std::min<std::size_t>(static_cast<std::size_t>(column_ - 1), text_.size());
    const float prefix_w = ImGui::CalcTextSize(text_.c_str(), text_.c_str() + upto).x;
    const float char_w = upto < text_.size() ? ImGui::CalcTextSize(text_.c_str() + upto, text_.c_str() + upto + 1).x
                                             : ImGui::CalcTextSize("m").x;
    const float inner_l = boxes_.field.x + ImGui::GetStyle().FramePadding.x;
    const float inner_r = boxes_.field.right() - ImGui::GetStyle().FramePadding.x;
    const float x = std::clamp(inner_l + prefix_w - scroll_x, inner_l, inner_r - char_w);
    boxes_.column_x = x;
    const float caret_w = ImGui::CalcTextSize("^").x;
    const ImVec2 at(x + (char_w - caret_w) / 2, row.y - ImGui::GetStyle().ItemSpacing.y / 2);
    ImGui::GetWindowDrawList()->AddText(at, kRefusalColour, "^");
    boxes_.caret = Box{at.x, at.y, caret_w, ImGui::GetTextLineHeight()};
  }
  ImGui::PopFont();
  ImGui::Dummy(ImVec2(1, caret_h));
  draw_message();
  draw_parts(scene, commands);

  // Examples, one click away.
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted("try:");
  for (const auto& ex : expr::examples()) {
    const float w = ImGui::CalcTextSize(ex.name).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine();
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    if (touch ? ImGui::Button(ex.name) : ImGui::SmallButton(ex.name)) edit(ex.text, scene, commands);
    boxes_.examples.emplace_back(ex.name, item_box());
    tooltip(ex.about);
  }
  ImGui::PopID();
}

void FunctionEditor::draw_message() {
  // Two lines kept for the message whether or not there is one: typing never moves the panel.
  const float line = ImGui::GetTextLineHeight();
  const float h = line * 2 + ImGui::GetStyle().ItemSpacing.y;
  ImGui::BeginChild("##function_status", ImVec2(-1.0f, h), false, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoBackground);
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kRefusalColour);
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
    boxes_.message = item_box();
    if (ImGui::IsWindowHovered()) ImGui::SetTooltip("%s\nThe map keeps the last valid function.", error_.c_str());
  } else {
    ImGui::TextDisabled("%s", "Valid: the map shows it. Edit to redraw.");
  }
  ImGui::EndChild();
}

void FunctionEditor::draw_parts(const Scene& scene, CommandQueue& commands) {
  if (!parts_) return;
  expr::Definition d = *parts_;  // edited below; a change rewrites the text
  const bool editable = parts_editable_;
  // One label column for every row; the widest is the minimum's checkbox with its label.
  const ImGuiStyle& style = ImGui::GetStyle();
  float label_w = ImGui::GetFrameHeight() + style.ItemInnerSpacing.x + ImGui::CalcTextSize("minimum").x;
  for (const auto& c : d.constants) label_w = std::max(label_w, ImGui::CalcTextSize(c.first.c_str()).x);
  label_w += style.WindowPadding.x + style.ItemSpacing.x;
  ImGui::BeginDisabled(!editable);
  bool changed = false;

  for (auto& c : d.constants) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(c.first.c_str());
    ImGui::SameLine(label_w);
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    // Drag to scale (speed proportional to the value), double-click or Ctrl+click to type.
    const float speed = static_cast<float>(std::max(std::abs(c.second), 0.01) * 0.01);
    if (ImGui::DragScalar(("##const_" + c.first).c_str(), ImGuiDataType_Double, &c.second, speed, nullptr, nullptr, "%.6g"))
      changed = true;
    boxes_.constants.emplace_back(c.first, item_box());
    tooltip("A constant of your function: drag to change it (the map follows), double-click to type.");
  }

  // Left out, the view and start are ExprProblem's defaults: shown as such, written when edited.
  const Rect view = d.view_or_default();
  double xs[2] = {view.xmin, view.xmax}, ys[2] = {view.ymin, view.ymax};
  const bool x_changed = number_pair("x range", "##view_x", xs, label_w);
  tooltip("The view's x range (view=XMIN,XMAX,... in the text); Reset view comes back to it.");
  const bool y_changed = number_pair("y range", "##view_y", ys, label_w);
  tooltip("The view's y range.");
  if (x_changed || y_changed) {
    d.view = Rect{xs[0], xs[1], ys[0], ys[1]};
    changed = true;
  }

  const Point2 start = d.start_or_default();
  double st[2] = {start.x, start.y};
  if (number_pair("start", "##start", st, label_w)) {
    d.start = Point2{st[0], st[1]};
    changed = true;
  }
  tooltip("Where the runs start (start=X,Y); clicking the map moves it for this scene only.");

  bool has_min = d.minimum.has_value();
  if (ImGui::Checkbox("minimum", &has_min)) {
    d.minimum = has_min ? std::optional<Point2>(Point2{0, 0}) : std::nullopt;
    changed = true;
  }
  tooltip("The known global minimum (minimum=X,Y): drawn on the map, and f there is the colour scale's floor.");
  if (d.minimum) {
    ImGui::SameLine(label_w);
    double m[2] = {d.minimum->x, d.minimum->y};
    ImGui::SetNextItemWidth(ImGui::GetContentRegionAvail().x);
    if (ImGui::InputScalarN("##minimum", ImGuiDataType_Double, m, 2, nullptr, nullptr, "%.6g")) {
      d.minimum = Point2{m[0], m[1]};
      changed = true;
    }
  }
  ImGui::EndDisabled();
  if (changed && editable) edit(compose(d), scene, commands);
}

}  // namespace adamlab::ui
