#include "ui/net_chart.h"

#include <vector>

#include "imgui.h"
#include "nn/net_scene.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"

namespace adamlab::ui {
namespace {

const NetRow& row(const ChartSeries& s, std::size_t i) { return (*static_cast<const std::vector<NetRow>*>(s.rows))[i]; }
ChartPoint train_loss(const ChartSeries& s, std::size_t i) { return {static_cast<double>(row(s, i).step), row(s, i).train_loss}; }
ChartPoint test_loss(const ChartSeries& s, std::size_t i) { return {static_cast<double>(row(s, i).step), row(s, i).test_loss}; }
ChartPoint train_accuracy(const ChartSeries& s, std::size_t i) { return {static_cast<double>(row(s, i).step), row(s, i).train_accuracy}; }
ChartPoint test_accuracy(const ChartSeries& s, std::size_t i) { return {static_cast<double>(row(s, i).step), row(s, i).test_accuracy}; }

// "train ──  test - -": what the two line styles mean, drawn after the toolbar's widgets.
void line_key() {
  ImGui::SameLine();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  const float mid = p.y + ImGui::GetFrameHeight() / 2;
  const ImU32 c = IM_COL32(200, 200, 200, 255);
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("train");
  ImGui::SameLine(0, 4);
  const float x0 = ImGui::GetCursorScreenPos().x;
  dl->AddLine(ImVec2(x0, mid), ImVec2(x0 + 22, mid), c, 1.6f);
  ImGui::Dummy(ImVec2(24, 1));
  ImGui::SameLine();
  ImGui::TextDisabled("test");
  ImGui::SameLine(0, 4);
  const float x1 = ImGui::GetCursorScreenPos().x;
  const ImVec2 dash[] = {ImVec2(x1, mid), ImVec2(x1 + 22, mid)};
  draw_dashed_polyline(dl, dash, 2, c, 1.3f);
  ImGui::Dummy(ImVec2(24, 1));
  (void)p;
}

}  // namespace

std::vector<ChartSeries> NetChart::series(const NetScene& scene, bool accuracy) {
  std::vector<ChartSeries> out;
  if (label_cache_.size() > 64) label_cache_.clear();
  for (const auto& r : scene.runs()) {
    if (!r.visible) continue;
    const std::string key = to_string(r.optimizer) + "@" + r.scheduler;
    auto cached = label_cache_.find(key);
    if (cached == label_cache_.end()) cached = label_cache_.emplace(key, run_label(r.optimizer, r.scheduler)).first;
    for (int test = 0; test < 2; ++test) {
      ChartSeries s;
      s.label = cached->second + (test ? " (test)" : " (train)");
      s.rgb = run_colour_rgb(r.colour);
      s.dashed = test == 1;
      s.rows = &r.history.rows();
      s.count = r.history.rows().size();
      s.at = accuracy ? (test ? test_accuracy : train_accuracy) : (test ? test_loss : train_loss);
      out.push_back(std::move(s));
    }
  }
  return out;
}

void NetChart::draw_loss(const NetScene& scene, bool compact) {
  accuracy_shown_ = false;
  ImGui::PushID("netloss");
  ImGui::Checkbox(compact ? "log" : "log scale", &loss_.log_scale());
  line_key();
  ChartPlot options;
  options.scale = chart_scale_kind(loss_.log_scale(), 0.0);
  options.last_step = static_cast<double>(scene.step_count());
  options.quantity = scene.task().data().regression() ? "MSE" : "cross-entropy";
  options.compact = compact;
  options.min_log_span = 0.3;  // a loss creeping from 0.69 to 0.6 is the race at its start: show it
  loss_.plot(series(scene, false), options);
  ImGui::PopID();
}

void NetChart::draw_accuracy(const NetScene& scene) {
  accuracy_shown_ = true;
  ImGui::PushID("netaccuracy");
  if (scene.task().data().regression()) {
    ImGui::TextDisabled("Regression has no accuracy: see the loss (mean squared error).");
    ImGui::PopID();
    return;
  }
  ImGui::AlignTextToFramePadding();
  ImGui::TextDisabled("fraction of points classified right");
  line_key();
  ChartPlot options;
  options.scale = chart_scale_kind(false, 0.0);
  options.last_step = static_cast<double>(scene.step_count());
  options.quantity = "accuracy";
  options.value_format = "%.4f";
  accuracy_.plot(series(scene, true), options);
  ImGui::PopID();
}

void NetChart::draw_tabs(const NetScene& scene) {
  if (!ImGui::BeginTabBar("##nettabs")) return;
  draw_tab_items(scene);
  ImGui::EndTabBar();
}

void NetChart::draw_tab_items(const NetScene& scene) {
  if (ImGui::BeginTabItem("Loss")) {
    draw_loss(scene, false);
    ImGui::EndTabItem();
  }
  if (ImGui::BeginTabItem("Accuracy")) {
    draw_accuracy(scene);
    ImGui::EndTabItem();
  }
}

}  // namespace adamlab::ui
