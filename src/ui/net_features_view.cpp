// The main view for data that is not planar (the sparse-features task): per input feature, how
// often it is on, the selected run's last gradient on its first-layer weights, and the second
// moment its optimizer keeps for them (Adam's exp_avg_sq, RMSprop's square_avg, Adagrad's sum).
// A rare feature gets a gradient only in the batches where it is on: beta2 near 1 keeps
// exp_avg_sq from forgetting it in between, so its steps stay small and steady (the article's
// claim the beta2 preset checks).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "nn/net_scene.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/net_view.h"

namespace adamlab::ui {
namespace {

// The first of these buffers the optimizer keeps is the second moment shown.
const char* const kMomentBuffers[] = {"exp_avg_sq", "square_avg", "sum"};

// Bars for values[j] in `area`: log scale from the largest value down 8 decades (zero: no bar).
void draw_bars(ImDrawList* dl, const Box& area, const std::vector<double>& values, ImU32 colour, bool log_scale) {
  dl->AddRectFilled(ImVec2(area.x, area.y), ImVec2(area.right(), area.bottom()), IM_COL32(14, 16, 20, 255));
  if (values.empty()) return;
  double top = 0;
  for (double v : values)
    if (std::isfinite(v)) top = std::max(top, std::abs(v));
  if (!(top > 0)) return;
  const double floor = top * 1e-8;
  const float w = area.w / static_cast<float>(values.size());
  for (std::size_t j = 0; j < values.size(); ++j) {
    const double v = std::abs(values[j]);
    if (!std::isfinite(v) || v <= (log_scale ? floor : 0.0)) continue;
    const double f = log_scale ? (std::log10(v) - std::log10(floor)) / (std::log10(top) - std::log10(floor)) : v / top;
    const float x0 = area.x + w * static_cast<float>(j), h = static_cast<float>(std::clamp(f, 0.02, 1.0)) * area.h;
    dl->AddRectFilled(ImVec2(x0 + (w > 3 ? 0.5f : 0.0f), area.bottom() - h), ImVec2(x0 + std::max(w - 0.5f, 1.0f), area.bottom()), colour);
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "max %.3g%s", top, log_scale ? " (log)" : "");
  label_with_backdrop(dl, ImVec2(area.right() - ImGui::CalcTextSize(buf).x - 4, area.y + 2), IM_COL32(200, 200, 200, 255), buf);
}

}  // namespace

void NetMainView::draw_features(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const Box& box) {
  const Dataset& data = scene.task().data();
  const Mlp& mlp = scene.task().mlp();
  char key[128];
  std::snprintf(key, sizeof key, "f|%p|%d", static_cast<const void*>(&scene.task()), run ? run->id : -1);
  if (due(key, scene.version())) {
    feature_on_.assign(static_cast<std::size_t>(data.input_dim), 0.0);
    for (int j = 0; j < data.input_dim; ++j) feature_on_[static_cast<std::size_t>(j)] = data.train_x.row(j).mean();
    feature_grad_.clear();
    feature_moment_.clear();
    moment_name_.clear();
    if (run && !run->run.diverged()) {
      if (run->run.last_gradient().size() == mlp.parameter_count()) feature_grad_ = first_layer_column_norms(mlp, run->run.last_gradient());
      const OptimizerState state = run->run.optimizer().state();
      for (const char* name : kMomentBuffers) {
        for (const auto& b : state.buffers)
          if (b.first == name && moment_name_.empty()) {
            moment_name_ = name;
            feature_moment_ = first_layer_column_means(mlp, b.second);
          }
      }
    }
    built_key_ = key;
    built_version_ = scene.version();
    since_build_ = 0;
    ++raster_builds_;
  }
  const float line = ImGui::GetTextLineHeight();
  const float pad = 8;
  float y = box.y + pad;
  const ImU32 text = IM_COL32(220, 220, 220, 255), dim = IM_COL32(150, 150, 150, 255);
  if (run) {
    char title[200];
    std::snprintf(title, sizeof title, "per-feature view of %s, step %lld", label_of(*run).c_str(), static_cast<long long>(run->run.steps_taken()));
    dl->AddText(ImVec2(box.x + pad, y), rgb_to_imu32(run_colour_rgb(run->colour)), title);
    y += line + 4;
    if (run->run.diverged()) {
      char d[80];
      std::snprintf(d, sizeof d, "diverged at step %lld", static_cast<long long>(run->run.diverged_at()));
      dl->AddText(ImVec2(box.x + pad, y), IM_COL32(255, 120, 110, 255), d);
      y += line + 4;
    }
  }
  const float caption_h = 3 * (line + 2);
  const float strip_h = std::max(24.0f, (box.bottom() - y - caption_h - 3 * (line + 6) - pad) / 3);
  const Box inner{box.x + pad, 0, box.w - 2 * pad, strip_h};
  const ImU32 run_colour = run ? rgb_to_imu32(run_colour_rgb(run->colour)) : IM_COL32(200, 200, 200, 255);
  auto strip = [&](const char* label, const std::vector<double>& values, ImU32 colour, bool log_scale, const char* empty) {
    dl->AddText(ImVec2(inner.x, y), text, label);
    y += line + 3;
    const Box area{inner.x, y, inner.w, strip_h};
    draw_bars(dl, area, values, colour, log_scale);
    if (values.empty()) dl->AddText(ImVec2(area.x + 6, area.y + (area.h - line) / 2), dim, empty);
    y += strip_h + 3;
    return area;
  };
  char moment_label[120];
  std::snprintf(moment_label, sizeof moment_label, "%s of its first-layer weights (mean), per feature",
                moment_name_.empty() ? "second moment" : moment_name_.c_str());
  const Box a0 = strip("how often each input feature is on (training points)", feature_on_, IM_COL32(160, 160, 170, 255), false, "");
  const Box a1 = strip("|gradient| of its first-layer weights, last step", feature_grad_, run_colour, true, "no step taken yet");
  const Box a2 = strip(moment_label, feature_moment_, run_colour, true,
                       run && !run->run.diverged() ? "this optimizer keeps no second moment: a rare feature moves only when its gradient comes"
                                                   : "");
  ImGui::PushClipRect(ImVec2(box.x, y), ImVec2(box.right(), box.bottom()), true);
  dl->AddText(nullptr, 0, ImVec2(inner.x, y + 2), dim,
              "A rare feature's gradient is zero in most batches. With beta2 near 1, exp_avg_sq remembers its rare large "
              "gradients, so its steps stay small and steady; a small beta2 forgets them between batches, and the next one "
              "takes a large step.",
              nullptr, inner.w);
  ImGui::PopClipRect();
  // Hover: the feature under the pointer and its three numbers.
  if (ImGui::IsItemHovered() && !feature_on_.empty()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    if (m.x >= inner.x && m.x < inner.right() && m.y >= a0.y && m.y <= a2.bottom()) {
      const std::size_t j = std::min(feature_on_.size() - 1, static_cast<std::size_t>((m.x - inner.x) / inner.w * feature_on_.size()));
      char buf[200];
      std::snprintf(buf, sizeof buf, "feature %zu: on %.3g, |grad| %.3g, %s %.3g", j, feature_on_[j],
                    j < feature_grad_.size() ? feature_grad_[j] : 0.0, moment_name_.empty() ? "moment" : moment_name_.c_str(),
                    j < feature_moment_.size() ? feature_moment_[j] : 0.0);
      const ImVec2 ts = ImGui::CalcTextSize(buf);
      label_with_backdrop(dl, ImVec2(std::clamp(m.x + 12, box.x, box.right() - ts.x - 4), std::clamp(m.y + 16, box.y, box.bottom() - ts.y - 2)),
                          IM_COL32(255, 255, 255, 255), buf);
    }
  }
  (void)a1;
}

}  // namespace adamlab::ui
