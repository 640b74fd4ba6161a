#include "ui/sweep_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "batch/batch_runs.h"
#include "core/error.h"
#include "sim/colormap.h"
#include "sim/palette.h"
#include "ui/details.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

// Compute budget per frame: what fits a 30 fps frame beside the rest of the frame's work (drawing,
// the browser), kept between kMinBudgetMs and kMaxBudgetMs. Where the rest alone already takes
// longer (software WebGL), about a quarter of the frame, so a sweep still moves on.
constexpr double kFrameTargetMs = 31, kShareOfSlowFrame = 0.35, kMaxBudgetMs = 20, kMinBudgetMs = 6;
const char* const kScales[] = {"lin", "log", "log1m"};
const char* const kScaleLabels[] = {"linear", "log", "1-x log"};
// Indexed by SweepMetric::Kind; the landscape shows the first four (it has no test set).
const char* const kMetrics[] = {"final_loss", "best_loss", "steps_to", "diverged", "test_loss"};
const char* const kMetricLabels[] = {"final loss", "best loss", "steps to loss <=", "diverged", "final test loss"};
const char* const kNetMetricLabels[] = {"final train loss", "best train loss", "steps to train loss <=", "diverged",
                                        "final test loss"};
constexpr int kStepsToMetric = 2;

// Useful ranges per option: decay rates on 1-x log, step sizes and small constants on log.
void default_range(const std::string& key, double& lo, double& hi, int& scale) {
  struct Range {
    const char* key;
    double lo, hi;
    int scale;
  };
  static const Range ranges[] = {
      {"lr", 1e-4, 1, 1},          {"beta1", 0, 0.99, 0},       {"momentum", 0, 0.99, 0},
      {"beta2", 0.9, 0.9999, 2},   {"alpha", 0.9, 0.9999, 2},   {"rho", 0.5, 0.9999, 2},
      {"eps", 1e-10, 0.1, 1},      {"weight_decay", 1e-5, 1, 1}, {"lr_decay", 1e-5, 1, 1},
      {"dampening", 0, 0.99, 0},   {"initial_accumulator_value", 1e-3, 10, 1},
      {"momentum_decay", 1e-4, 0.1, 1}};
  for (const Range& r : ranges) {
    if (key == r.key) {
      lo = r.lo, hi = r.hi, scale = r.scale;
      return;
    }
  }
  const OptionMeta meta = option_meta(key);
  lo = meta.min, hi = meta.max;
  scale = meta.logarithmic && meta.min > 0 ? 1 : 0;
}

std::string thousands(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.0f", v);
  std::string s = buf, out;
  const int n = static_cast<int>(s.size());
  for (int i = 0; i < n; ++i) {
    out += s[static_cast<std::size_t>(i)];
    if ((n - 1 - i) % 3 == 0 && i != n - 1 && s[0] != '-') out += ',';
  }
  return out;
}

}  // namespace

// --- requests and the per-frame slice ---

// A network panel starts where a network sweep is cheap and telling: a 32 x 32 grid of 300-step
// trainings (about a second in the worker), coloured by the test loss.
SweepPanel::SweepPanel(bool network)
    : network_(network), session_(network ? kNetworkSerialBase : 0) {
  if (!network) return;
  steps_ = 300;
  metric_ = SweepMetric::kTestLoss;
  threshold_ = 0.3;
  x_.n = y_.n = 32;
}

void SweepPanel::request(const SweepRequest& request) {
  pending_ = request;
  load_edits(request);
  set_open(true);
}

void SweepPanel::set_open(bool open) {
  if (open && !open_) select_tab_ = true;
  open_ = open;
}

std::optional<std::string> SweepPanel::take_request_error() {
  auto e = std::move(request_error_);
  request_error_.reset();
  return e;
}

void SweepPanel::start(const SweepRequest& request, const SweepHost& host, int run_id) {
  const SweepHost::Run* run = host.find(run_id);
  if (!run) throw Error(host.runs.empty() ? "no run to sweep: add a run first" : "no run with id " + std::to_string(run_id));
  host.start(session_, request, *run);
  load_edits(request);
  edits_for_ = run->optimizer->name;
  error_.clear();
  texture_version_ = ~0ull;
  set_open(true);
}

std::optional<SweepPanel::MapRect> SweepPanel::last_map() const {
  if (map_frame_ < 0 || map_frame_ != ImGui::GetFrameCount() || !session_.has_job()) return std::nullopt;
  return map_;
}

std::optional<std::string> SweepPanel::link_value() const {
  if (!session_.has_job()) return std::nullopt;
  return to_string(session_.request());
}

void SweepPanel::update(const SweepHost& host, int selected_run_id) {
  if (pending_) {
    const SweepRequest r = *pending_;
    pending_.reset();
    try {
      start(r, host, selected_run_id);
    } catch (const std::exception& e) {
      error_ = e.what();
      request_error_ = "sweep=" + to_string(r) + ": " + e.what();
    }
  }
  // A sweep belongs to its run: gone with it (a removed run, a link or preset replacing the runs),
  // so the link never names a sweep the scene cannot show.
  if (session_.has_job() && !host.find(session_.run_id())) session_.clear("cleared: the swept run was removed");
  if (!session_.running() || session_.remote()) {
    last_compute_ms_ = 0;
    return;
  }
  // The rest of the frame: the time since the last frame minus what the last slice took.
  const double dt_ms = 1000.0 * ImGui::GetIO().DeltaTime;
  if (last_compute_ms_ > 0) other_ms_ = 0.7 * other_ms_ + 0.3 * std::max(0.0, dt_ms - last_compute_ms_);
  budget_ms_ = std::clamp(std::max(kFrameTargetMs - other_ms_, kShareOfSlowFrame * other_ms_), kMinBudgetMs, kMaxBudgetMs);
  const double before = session_.compute_ms();
  session_.tick(budget_ms_);
  last_compute_ms_ = session_.compute_ms() - before;
}

// --- edits ---

void SweepPanel::fit_edits_to(const std::string& optimizer) {
  edits_for_ = optimizer;
  std::vector<std::string> keys;
  try {
    keys = batch::batch_numeric_keys(optimizer);
  } catch (const Error&) {
    return;
  }
  if (keys.empty()) return;
  auto has = [&](const std::string& k) { return std::find(keys.begin(), keys.end(), k) != keys.end(); };
  const int n = x_.n > 0 ? x_.n : 128;
  if (!has(x_.key)) {
    x_ = AxisEdit{has("lr") ? "lr" : keys.front(), 0, 1, 0, n};
    default_range(x_.key, x_.lo, x_.hi, x_.scale);
  }
  if (!has(y_.key) || y_.key == x_.key) {
    std::string pick;
    for (const char* k : {"beta1", "momentum", "alpha", "rho", "beta2", "eps"})
      if (has(k) && k != x_.key) {
        pick = k;
        break;
      }
    if (pick.empty())
      for (const auto& k : keys)
        if (k != x_.key) {
          pick = k;
          break;
        }
    y_ = AxisEdit{pick, 0, 1, 0, y_.n > 0 ? y_.n : n};
    default_range(y_.key, y_.lo, y_.hi, y_.scale);
  }
}

SweepRequest SweepPanel::edited_request() const {
  auto axis = [](const AxisEdit& a) {
    return a.key + "=" + format_number(a.lo) + ":" + format_number(a.hi) + ":" + kScales[a.scale] + ":" + std::to_string(a.n);
  };
  SweepRequest r;
  r.x = axis(x_);
  r.y = axis(y_);
  r.steps = steps_;
  r.metric = metric_ == kStepsToMetric ? "steps_to:" + format_number(threshold_) : kMetrics[metric_];
  r.seeds = seeds_;
  return r;
}

void SweepPanel::load_edits(const SweepRequest& r) {
  auto edit = [](const std::string& text, AxisEdit& out) {
    try {
      const SweepAxis a = parse_sweep_axis(text, "axis");
      out = AxisEdit{a.key, a.lo, a.hi, a.log ? 1 : a.log1m ? 2 : 0, a.n};
    } catch (const Error&) {
    }
  };
  edit(r.x, x_);
  edit(r.y, y_);
  steps_ = static_cast<int>(std::clamp<std::int64_t>(r.steps, 1, 10'000'000));
  seeds_ = r.seeds;
  try {
    const SweepMetric m = parse_sweep_metric(r.metric);
    metric_ = static_cast<int>(m.kind);
    if (m.kind == SweepMetric::kStepsTo) threshold_ = m.threshold;
  } catch (const Error&) {
  }
}

// --- drawing ---

void SweepPanel::draw(const SweepHost& host, int selected_run_id) {
  const SweepHost::Run* run = host.find(selected_run_id);
  const ImVec2 avail = ImGui::GetContentRegionAvail();
  const float controls_w = std::clamp(avail.x * 0.34f, std::min(200.0f, avail.x * 0.5f), 330.0f);
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  draw_controls(host, run, controls_w, avail.y);
  const ImVec2 map_origin(origin.x + controls_w + 8, origin.y);
  const ImVec2 map_size(std::max(avail.x - controls_w - 8, 40.0f), std::max(avail.y, 40.0f));
  ImGui::SetCursorScreenPos(map_origin);
  draw_heat_map(host, map_origin, map_size);
}

void SweepPanel::draw_axis_edit(const char* label, AxisEdit& a, const std::vector<std::string>& keys, const std::string& other) {
  ImGui::PushID(label);
  const float w = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(22);
  const float half = (w - 22 - spacing) / 2;
  ImGui::SetNextItemWidth(half);
  if (ImGui::BeginCombo("##key", a.key.c_str())) {
    for (const auto& k : keys) {
      if (k == other) continue;
      if (ImGui::Selectable(k.c_str(), k == a.key)) {
        a.key = k;
        default_range(k, a.lo, a.hi, a.scale);
      }
    }
    ImGui::EndCombo();
  }
  tooltip("The hyperparameter along this axis (every other option stays at the run's value).");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(half);
  ImGui::Combo("##scale", &a.scale, kScaleLabels, 3);
  tooltip("Spacing of the cells: linear, log (lr, eps) or 1-x log (beta2: 0.9, 0.99, 0.999 equally apart).");
  ImGui::SetCursorPosX(ImGui::GetCursorPosX() + 22);
  const float n_w = ImGui::CalcTextSize("2560").x + 2 * ImGui::GetStyle().FramePadding.x;
  const float range_w = (w - 22 - n_w - 2 * spacing) / 2;
  ImGui::SetNextItemWidth(range_w);
  ImGui::InputDouble("##lo", &a.lo, 0, 0, "%.4g");
  tooltip("First value (the left or bottom cell).");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(range_w);
  ImGui::InputDouble("##hi", &a.hi, 0, 0, "%.4g");
  tooltip("Last value (the right or top cell).");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(n_w);
  ImGui::InputInt("##n", &a.n, 0, 0);
  a.n = std::clamp(a.n, 1, kMaxSweepAxisCells);
  tooltip("Cells along this axis (1 to 256).");
  ImGui::PopID();
}

void SweepPanel::draw_controls(const SweepHost& host, const SweepHost::Run* run, float width, float height) {
  ImGui::BeginChild("##sweepcontrols", ImVec2(width, height), false);
  if (!run) {
    ImGui::TextWrapped("Select a run (or add one) to sweep two of its hyperparameters.");
    ImGui::EndChild();
    return;
  }
  if (edits_for_ != run->optimizer->name) fit_edits_to(run->optimizer->name);
  std::vector<std::string> keys;
  try {
    keys = batch::batch_numeric_keys(run->optimizer->name);
  } catch (const Error&) {
  }
  ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(rgb_to_imu32(run_colour_rgb(run->colour))), "Sweep %s",
                     optimizer_label(*run->optimizer).c_str());
  if (network_)
    tooltip("Trains the network once per cell of a grid of two hyperparameters of the selected run (the same data,\n"
            "initial weights and batches, the run's scheduler) and colours each cell by the metric.\n"
            "Select another run in the list to sweep it.");
  else
    tooltip("Runs every cell of a grid of two hyperparameters of the selected run (same problem, start and noise,\n"
            "no scheduler) and colours each cell by the metric. Select another run in the list to sweep it.");
  draw_axis_edit("x", x_, keys, y_.key);
  draw_axis_edit("y", y_, keys, x_.key);

  const float w = ImGui::GetContentRegionAvail().x;
  const float spacing = ImGui::GetStyle().ItemSpacing.x;
  const float number_w = ImGui::CalcTextSize("1000000").x + 2 * ImGui::GetStyle().FramePadding.x;
  const float line_x = ImGui::GetCursorScreenPos().x;
  ImGui::SetNextItemWidth(number_w);
  ImGui::InputInt("steps", &steps_, 0, 0);
  steps_ = std::max(steps_, 1);
  tooltip(network_ ? "Training steps per cell (minibatches, as the runs take them)." : "Optimizer steps per cell.");
  const bool noisy = host.noisy;
  const float seeds_w = ImGui::CalcTextSize("64").x + 2 * ImGui::GetStyle().FramePadding.x;
  const float needed = noisy ? seeds_w + ImGui::GetStyle().ItemInnerSpacing.x + ImGui::CalcTextSize("seeds").x
                              : ImGui::CalcTextSize("(no noise)").x;
  if (w - (ImGui::GetItemRectMax().x - line_x) - spacing >= needed) ImGui::SameLine();
  if (network_) {
    seeds_ = 1;
    ImGui::TextDisabled("(one seed)");
    tooltip("Every cell starts from the task's initial weights and takes its batches in the same order.");
  } else if (noisy) {
    ImGui::SetNextItemWidth(seeds_w);
    ImGui::InputInt("seeds", &seeds_, 0, 0);
    seeds_ = std::clamp(seeds_, 1, kMaxSweepSeeds);
    tooltip("Average the metric over this many noise seeds (seed, seed+1, ...).");
  } else {
    ImGui::TextDisabled("(no noise)");
    tooltip("Turn gradient noise on (control column) to average sweeps over several seeds.");
  }
  if (!network_ && metric_ == SweepMetric::kTestLoss) metric_ = SweepMetric::kFinalLoss;
  ImGui::SetNextItemWidth(metric_ == kStepsToMetric ? (w - spacing) * 0.62f : w);
  ImGui::Combo("##metric", &metric_, network_ ? kNetMetricLabels : kMetricLabels, network_ ? 5 : 4);
  if (network_)
    tooltip("Losses on the whole training set (train) or the test set, after the last step, on a log colour scale;\n"
            "best train loss and steps to train loss <= T read the training loss every 5 steps (steps: a multiple\n"
            "of 5, red: never). diverged: 1 if a weight or the loss became non-finite; diverged runs are red.");
  else
    tooltip("final loss / best loss: log colour scale, diverged runs in red. steps to loss <= T: the first step\n"
            "reaching T (red: never). diverged: 1 if x, y or the loss became non-finite (fraction over seeds).");
  if (metric_ == kStepsToMetric) {
    ImGui::SameLine();
    ImGui::SetNextItemWidth(-1);
    ImGui::InputDouble("##threshold", &threshold_, 0, 0, "%.3g");
    tooltip("The loss threshold T.");
  }

  const float bw = (w - spacing) / 2;
  if (session_.running()) {
    if (ImGui::Button("Cancel", ImVec2(bw, 0))) session_.cancel();
    tooltip("Stop the sweep; the cells computed so far stay.");
  } else {
    if (ImGui::Button("Run sweep", ImVec2(bw, 0))) {
      try {
        start(edited_request(), host, run->id);
      } catch (const std::exception& e) {
        error_ = e.what();
      }
    }
    tooltip("Compute the grid (in the browser in a background worker, else spread over frames: the page stays responsive).");
  }
  ImGui::SameLine();
  ImGui::BeginDisabled(!session_.has_job() || session_.running());
  if (ImGui::Button("Clear", ImVec2(bw, 0))) session_.clear();
  ImGui::EndDisabled();
  tooltip("Remove the heat map (and the sweep from the link).");

  details_.drawn = false;
  if (session_.has_job()) {
    const SweepJob& job = session_.job();
    char buf[96];
    std::snprintf(buf, sizeof buf, "%.0f%%  %.2f s", 100 * session_.progress(), session_.elapsed_ms() / 1000);
    ImGui::ProgressBar(static_cast<float>(session_.progress()), ImVec2(-1, 0), buf);
    const double cells = static_cast<double>(job.cells());
    const double run_steps = static_cast<double>(session_.cells_done()) * job.config().steps * job.config().seeds;
    ImGui::PushTextWrapPos(0);
    ImGui::TextDisabled("%s / %s cells x %lld steps%s", thousands(static_cast<double>(session_.cells_done())).c_str(),
                        thousands(cells).c_str(), static_cast<long long>(job.config().steps),
                        session_.cancelled() ? " (cancelled)" : "");
    if (session_.compute_ms() > 0 && run_steps > 0 && details_begin("sweepdetails", details_)) {
      if (network_)  // a training step is ~1000 landscape steps: thousands a second, not millions
        ImGui::TextDisabled("computing %.2f s of it%s (%.0f k training steps/s)", session_.compute_ms() / 1000,
                            session_.remote() ? " in a worker" : "", run_steps / session_.compute_ms());
      else
        ImGui::TextDisabled("computing %.2f s of it%s (%.0f M run-steps/s)", session_.compute_ms() / 1000,
                            session_.remote() ? " in a worker" : "", run_steps / session_.compute_ms() / 1000);
      details_end();
    }
    ImGui::PopTextWrapPos();
  }
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, kRefusalColour);
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

}  // namespace adamlab::ui
