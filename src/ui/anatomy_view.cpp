#include "ui/anatomy_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/error.h"
#include "sim/palette.h"
#include "sim/scene.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"

namespace adamlab::ui {
namespace {

std::uint32_t mix_rgb(std::uint32_t a, std::uint32_t b, float t) {
  auto ch = [&](int shift) {
    const float x = static_cast<float>((a >> shift) & 0xff), y = static_cast<float>((b >> shift) & 0xff);
    return static_cast<std::uint32_t>(std::lround(x + (y - x) * t)) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

// The one colour of each kind of vector, from the run's colour: its arrow, the scaling box and
// its terms in the equations all use it.
ImU32 role_colour(VectorRole role, std::uint32_t base) {
  switch (role) {
    case VectorRole::gradient: return rgb_to_imu32(mix_rgb(base, 0xffffff, 0.65f));
    case VectorRole::moment: return rgb_to_imu32(mix_rgb(base, 0xffffff, 0.3f));
    case VectorRole::scaling: return rgb_to_imu32(mix_rgb(base, 0xffffff, 0.5f), 230);
    case VectorRole::step: return rgb_to_imu32(base);
    case VectorRole::decay: return rgb_to_imu32(mix_rgb(base, 0xff33cc, 0.6f));
  }
  return IM_COL32(255, 255, 255, 255);
}

// A power of ten times 1, 2 or 5, at most `raw`: the arrow scale the legend can state exactly.
double nice_scale(double raw) {
  if (!(raw > 0) || !std::isfinite(raw)) return 1;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  const double r = raw / mag;
  return (r >= 5 ? 5 : r >= 2 ? 2 : 1) * mag;
}

std::string scale_text(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "x%g", s);
  return buf;
}

void arrow(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 colour, float thickness) {
  const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
  if (!(len > 0.5f)) return;
  const float ux = dx / len, uy = dy / len, head = std::min(len * 0.45f, 6.0f + 2.0f * thickness);
  const ImVec2 base(b.x - ux * head, b.y - uy * head);
  const ImVec2 l(base.x - uy * head * 0.5f, base.y + ux * head * 0.5f), r(base.x + uy * head * 0.5f, base.y - ux * head * 0.5f);
  dl->AddLine(a, base, IM_COL32(0, 0, 0, 200), thickness + 2.5f);
  dl->AddTriangleFilled(ImVec2(b.x + ux * 1.5f, b.y + uy * 1.5f), ImVec2(l.x - ux, l.y - uy), ImVec2(r.x - ux, r.y - uy), IM_COL32(0, 0, 0, 200));
  dl->AddLine(a, base, colour, thickness);
  dl->AddTriangleFilled(b, l, r, colour);
}

ImVec2 to_px(const ViewTransform& view, const Eigen::Vector2d& p) {
  const Point q = view.to_pixel(p.x(), p.y());
  return ImVec2(static_cast<float>(std::clamp(q.x, -1e6, 1e6)), static_cast<float>(std::clamp(q.y, -1e6, 1e6)));
}

struct Arrow {
  std::string label;
  Eigen::Vector2d value;
  int group;  // 0: gradient units, 1: parameter units (steps)
  ImU32 colour;
  float thickness;
};

std::string vec_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

}  // namespace

bool AnatomyView::update(const Scene& scene, AnatomyCursor& cursor) {
  if (!cursor.run_id) return valid_ = false;
  const SceneRun* r = scene.find(*cursor.run_id);
  if (!r) {
    cursor = AnatomyCursor{};
    return valid_ = false;
  }
  const std::int64_t max_step = r->run.diverged() ? std::max<std::int64_t>(0, r->run.diverged_at() - 1) : r->run.steps_taken();
  const std::int64_t k = std::clamp<std::int64_t>(cursor.step.value_or(max_step), 0, max_step);
  char tail[96];
  std::snprintf(tail, sizeof tail, "|%lld|%lld|%d|%d|%.17g|%.17g", static_cast<long long>(k), static_cast<long long>(max_step),
                cursor.bias_correction ? 1 : 0, r->run.diverged() ? 1 : 0, scene.start().x(), scene.start().y());
  const std::string key = scene.problem_spec() + "|" + to_string(r->optimizer) + "|" + r->scheduler + "|" +
                          to_string(noise_spec(scene.noise())) + std::to_string(scene.noise().seed) + "|" +
                          std::to_string(r->id) + tail;
  run_id_ = r->id;
  colour_ = r->colour;
  step_ = k;
  max_step_ = max_step;
  if (key == key_ && valid_) return true;
  key_ = key;
  const bool live = k == r->run.steps_taken() && !r->run.diverged();
  const Run at = live ? r->run : replay_run(scene, *r, k);
  AnatomyOptions options;
  options.bias_correction = cursor.bias_correction;
  anatomy_ = explain_next_step(at, options);
  EquationOptions eq;
  eq.t = anatomy_.t;
  eq.bias_correction = cursor.bias_correction;
  try {
    equations_ = update_equations(r->optimizer, eq);
    symbols_ = adamlab::equation_symbols(r->optimizer);
  } catch (const Error&) {
    equations_.clear();
    symbols_.clear();
  }
  diagnosis_ = r->run.diverged() && k == max_step ? diagnose_divergence(at) : std::string();
  nobc_path_.clear();
  if (!cursor.bias_correction && (r->optimizer.name == "adam" || r->optimizer.name == "adamw")) {
    try {
      nobc_path_ = simulate_without_bias_correction(scene.problem(), scene.start(), r->optimizer,
                                                    std::max<std::int64_t>(max_step, k + 1), scene.noise());
    } catch (const Error&) {
    }
  }
  return valid_ = true;
}

void AnatomyView::draw_panel(const Scene& scene, AnatomyCursor& cursor, CommandQueue& commands) {
  if (!valid_) return;
  const SceneRun* r = scene.find(run_id_);
  if (!r) return;
  ImGui::PushID("anatomy");
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(r->colour))), "%s",
                     optimizer_label(r->optimizer).c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("step %lld -> %lld", static_cast<long long>(step_), static_cast<long long>(step_ + 1));

  // The timeline: the inspect cursor, separate from the scene's step counter.
  const float w = ImGui::GetContentRegionAvail().x;
  const float bw = ImGui::GetFrameHeight();
  const float live_w = ImGui::CalcTextSize("live").x + ImGui::GetStyle().FramePadding.x * 2;
  if (ImGui::Button("<", ImVec2(bw, 0)) && step_ > 0) cursor.step = step_ - 1;
  ImGui::SameLine();
  long long k = step_;
  const long long lo = 0, hi = std::max<long long>(max_step_, 1);
  ImGui::SetNextItemWidth(w - 2 * bw - live_w - 3 * ImGui::GetStyle().ItemSpacing.x);
  if (ImGui::SliderScalar("##inspect", ImGuiDataType_S64, &k, &lo, &hi, "inspect step %lld"))
    cursor.step = std::min<long long>(k, max_step_);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("Scrub through the run: the arrows, the ring on the path and the cursor on the loss chart show step k.\n"
                      "The scene's own step counter (and the other runs) stay where they are.");
  ImGui::SameLine();
  if (ImGui::Button(">", ImVec2(bw, 0)) && step_ < max_step_) cursor.step = step_ + 1;
  ImGui::SameLine();
  const bool following = !cursor.step.has_value();
  if (following) ImGui::BeginDisabled();
  if (ImGui::Button("live")) cursor.step.reset();
  if (following) ImGui::EndDisabled();
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Follow the run's current step.");

  if (r->optimizer.name == "adam" || r->optimizer.name == "adamw") {
    bool bc = cursor.bias_correction;
    if (ImGui::Checkbox("bias correction", &bc)) cursor.bias_correction = bc;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("Turn it off to see why Adam divides m and v by 1 - beta^t.\nOff is a teaching view: NOT what PyTorch computes.");
    if (!bc) {
      ImGui::SameLine();
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.4f, 1), "OFF: NOT PyTorch");
    }
  }
  details_.drawn = false;  // an implementation note ("The kernel uses grad as is."): under details
  if (!anatomy_.note.empty() && details_begin("anatomydetails", details_)) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("%s", anatomy_.note.c_str());
    ImGui::PopStyleColor();
    details_end();
  }
  if (!diagnosis_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 120, 105, 255));
    ImGui::TextWrapped("Why it diverged: %s", diagnosis_.c_str());
    ImGui::PopStyleColor();
  }

  draw_equations();

  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_SizingStretchProp;
  if (ImGui::BeginTable("##numbers", 3, flags)) {
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch, 1.25f);
    ImGui::TableSetupColumn("x", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("y", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableHeadersRow();
    auto row_name = [](const std::string& name, const std::string& meaning) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(name.c_str());
      if (!meaning.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", meaning.c_str());
    };
    row_name("p", "the run's point after step k");
    ImGui::TableSetColumnIndex(1);
    ImGui::TextUnformatted(vec_text(anatomy_.position.x()).c_str());
    ImGui::TableSetColumnIndex(2);
    ImGui::TextUnformatted(vec_text(anatomy_.position.y()).c_str());
    for (const auto& v : anatomy_.vectors) {
      row_name(v.name, v.meaning);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(vec_text(v.value.x()).c_str());
      ImGui::TableSetColumnIndex(2);
      ImGui::TextUnformatted(vec_text(v.value.y()).c_str());
    }
    for (const auto& s : anatomy_.scalars) {
      row_name(s.name, s.meaning);
      ImGui::TableSetColumnIndex(1);
      ImGui::TextUnformatted(vec_text(s.value).c_str());
    }
    ImGui::EndTable();
  }
  (void)commands;
  ImGui::PopID();
}

void AnatomyView::draw_equations() const {
  if (equations_.empty()) return;
  const std::uint32_t base = run_colour_rgb(colour_);
  const ImU32 plain = ImGui::GetColorU32(ImGuiCol_Text);
  ImGui::TextDisabled("The update, as torch computes it:");
  ImGui::Indent(6);
  for (const auto& line : equations_) {
    // Segments side by side; one that would cross the column's edge starts a new row.
    const float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    bool first = true;
    for (const auto& seg : line.segments) {
      const NamedVector* v = seg.term.empty() ? nullptr : anatomy_.vector(seg.term);
      if (!first) {
        ImGui::SameLine(0, 0);
        if (ImGui::GetCursorScreenPos().x + ImGui::CalcTextSize(seg.text.c_str()).x > right) ImGui::NewLine();
      }
      first = false;
      ImGui::PushStyleColor(ImGuiCol_Text, v ? role_colour(v->role, base) : plain);
      ImGui::TextUnformatted(seg.text.c_str());
      ImGui::PopStyleColor();
      if (v && !v->meaning.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s", v->name.c_str(), v->meaning.c_str());
    }
  }
  ImGui::Unindent(6);
  if (!symbols_.empty()) ImGui::TextDisabled("%s", symbols_.c_str());
}

void AnatomyView::draw_overlay(ImDrawList* dl, const ViewTransform& view, const Scene& scene, OverlayPlacer& placer) const {
  if (!valid_) return;
  const std::uint32_t base = run_colour_rgb(colour_);
  (void)scene;

  // The teaching-only path without bias correction, under everything else.
  if (nobc_path_.size() >= 2) {
    std::vector<ImVec2> pts;
    for (const auto& p : nobc_path_)
      if (p.allFinite()) pts.push_back(to_px(view, p));
    if (pts.size() >= 2) {
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(0, 0, 0, 140), ImDrawFlags_None, 3.5f);
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(255, 255, 255, 200), ImDrawFlags_None, 1.5f);
      label_with_backdrop(dl, ImVec2(pts.back().x + 8, pts.back().y + 4), IM_COL32(255, 150, 140, 255),
                          "without bias correction (NOT PyTorch)");
    }
  }

  const StepAnatomy& a = anatomy_;
  const ImVec2 origin = to_px(view, a.position);
  const ImU32 c_grad = role_colour(VectorRole::gradient, base);
  const ImU32 c_moment = role_colour(VectorRole::moment, base);
  const ImU32 c_step = role_colour(VectorRole::step, base);
  const ImU32 c_decay = role_colour(VectorRole::decay, base);
  const ImU32 c_scaling = role_colour(VectorRole::scaling, base);

  std::vector<Arrow> arrows;
  if (const NamedVector* g = a.vector("grad")) arrows.push_back({"gradient", g->value, 0, c_grad, 2.0f});
  const char* moments[] = {"m_hat", "nesterov", "exp_avg", "grad_avg"};
  const NamedVector* moment = nullptr;
  if (a.optimizer == "sgd") moment = a.vector("nesterov") ? a.vector("nesterov") : a.vector("momentum_buffer");
  else if (a.optimizer != "rmsprop" && a.optimizer != "adadelta" && a.optimizer != "adagrad")
    for (const char* name : moments)
      if (!moment) moment = a.vector(name);
  if (moment) arrows.push_back({moment->name == "exp_avg" ? "m (exp_avg)" : moment->name, moment->value, 0, c_moment, 2.5f});
  if (const NamedVector* d = a.vector("weight_decay*p")) arrows.push_back({"weight_decay*p", d->value, 0, c_decay, 2.0f});
  if (const NamedVector* d = a.vector("decoupled_decay")) arrows.push_back({"decoupled decay", d->value, 1, c_decay, 2.0f});
  if (const NamedVector* s = a.vector("step")) arrows.push_back({a.torch_exact ? "step" : "step (NOT PyTorch)", s->value, 1, c_step, 3.5f});

  // One scale per unit: gradient-like vectors share one, parameter steps another, so arrows
  // within a group compare honestly. The longest arrow of a group gets about a fifth of the map.
  const double target = 0.2 * std::min(view.screen().w, view.screen().h);
  double scale[2] = {1, 1};
  for (int group = 0; group < 2; ++group) {
    double longest = 0;
    for (const auto& ar : arrows)
      if (ar.group == group && ar.value.allFinite()) longest = std::max(longest, ar.value.norm() / view.units_per_pixel());
    if (longest > 0) scale[group] = nice_scale(target / longest);
  }

  // Per-coordinate scaling: a box whose half-sides are proportional to the two factors.
  if (const NamedVector* s = a.vector("scaling")) {
    const double m = std::max(std::abs(s->value.x()), std::abs(s->value.y()));
    if (m > 0 && std::isfinite(m)) {
      const float hx = static_cast<float>(28 * std::abs(s->value.x()) / m), hy = static_cast<float>(28 * std::abs(s->value.y()) / m);
      dl->AddRect(ImVec2(origin.x - hx, origin.y - hy), ImVec2(origin.x + hx, origin.y + hy), IM_COL32(0, 0, 0, 160), 0, 0, 3.5f);
      dl->AddRect(ImVec2(origin.x - hx, origin.y - hy), ImVec2(origin.x + hx, origin.y + hy), c_scaling, 0, 0, 1.5f);
    }
  }
  // Arrows first, then their labels, each moved down until it clears the ones placed before
  // (the gradient and m_hat often point the same way).
  std::vector<std::pair<ImVec2, const Arrow*>> tips;
  for (const auto& ar : arrows) {
    if (!ar.value.allFinite()) continue;
    const ImVec2 end = to_px(view, a.position + scale[ar.group] * ar.value);
    arrow(dl, origin, end, ar.colour, ar.thickness);
    tips.push_back({end, &ar});
    // The vectors are the point of this view: no overlay may cover their tips.
    placer.keep_clear(end.x, end.y, 10);
    placer.keep_clear((origin.x + end.x) / 2, (origin.y + end.y) / 2, 8);
  }
  placer.keep_clear(origin.x, origin.y, 30);
  std::vector<ImVec4> placed;
  const float lh = ImGui::GetTextLineHeight() + 3;
  for (const auto& [end, ar] : tips) {
    const ImVec2 size = ImGui::CalcTextSize(ar->label.c_str());
    ImVec2 pos(end.x + 5, end.y - 7);
    for (int tries = 0; tries < 8; ++tries) {
      bool clash = false;
      for (const ImVec4& r : placed)
        clash = clash || (pos.x < r.z && pos.x + size.x > r.x && pos.y < r.w && pos.y + lh > r.y);
      if (!clash) break;
      pos.y += lh;
    }
    placed.push_back(ImVec4(pos.x, pos.y, pos.x + size.x, pos.y + lh));
    label_with_backdrop(dl, pos, ar->colour, ar->label.c_str());
  }
  // The inspected point: a ring on the path.
  dl->AddCircle(origin, 9, IM_COL32(0, 0, 0, 255), 24, 4.0f);
  dl->AddCircle(origin, 9, IM_COL32(255, 255, 255, 255), 24, 2.0f);

  // Legend, bottom left of the map.
  std::vector<std::pair<ImU32, std::string>> lines;
  char head[96];
  std::snprintf(head, sizeof head, "anatomy: %s, step %lld -> %lld", a.optimizer.c_str(), static_cast<long long>(step_),
                static_cast<long long>(step_ + 1));
  lines.push_back({IM_COL32(255, 255, 255, 255), head});
  for (const auto& ar : arrows) lines.push_back({ar.colour, ar.label + " " + scale_text(scale[ar.group])});
  if (a.vector("scaling")) lines.push_back({c_scaling, "box: per-coordinate 1/(sqrt(v)+eps), x : y"});
  if (!a.torch_exact) lines.push_back({IM_COL32(255, 120, 105, 255), "bias correction OFF: NOT PyTorch"});
  const float line_h = ImGui::GetTextLineHeight() + 4;  // not ItemSpacing: a phone widens that for fingers
  float width = 0;
  for (const auto& l : lines) width = std::max(width, ImGui::CalcTextSize(l.second.c_str()).x);
  // Placed clear of the vectors, the start and the minima (ui/overlay_layout.h), bottom left first.
  const float legend_h = line_h * static_cast<float>(lines.size()) + 12;
  const Placement spot = placer.place(width + 30, legend_h, {Anchor::bottom_left, Anchor::top_left, Anchor::bottom_right, Anchor::top_right});
  legend_box_ = spot.box;
  const float x0 = spot.box.x + 6, y0 = spot.box.y + 2, y1 = spot.box.bottom() - 2;
  dl->AddRectFilled(ImVec2(x0 - 6, y0 - 2), ImVec2(x0 + width + 24, y1 + 2), IM_COL32(0, 0, 0, 175), 4);
  float y = y0 + 3;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) dl->AddLine(ImVec2(x0, y + line_h * 0.45f), ImVec2(x0 + 12, y + line_h * 0.45f), lines[i].first, 3.0f);
    dl->AddText(ImVec2(x0 + (i > 0 ? 16.0f : 0.0f), y), lines[i].first, lines[i].second.c_str());
    y += line_h;
  }
}

}  // namespace adamlab::ui
