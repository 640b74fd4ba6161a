#include "ui/sweep_panel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "batch/batch_runs.h"
#include "core/error.h"
#include "sim/colormap.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

// Compute budget per frame: what fits a 30 fps frame beside the rest of the frame's work (drawing,
// the browser), kept between kMinBudgetMs and kMaxBudgetMs. Where the rest alone already takes
// longer (software WebGL), about a quarter of the frame, so a sweep still moves on.
constexpr double kFrameTargetMs = 31, kShareOfSlowFrame = 0.35, kMaxBudgetMs = 20, kMinBudgetMs = 6;
constexpr int kTextureSide = 256;  // small grids are upscaled so linear filtering keeps cells sharp
constexpr ImU32 kPendingColour = IM_COL32(44, 47, 56, 255);
constexpr ImU32 kNanColour = IM_COL32(214, 48, 56, 255);
const char* const kScales[] = {"lin", "log", "log1m"};
const char* const kScaleLabels[] = {"linear", "log", "1-x log"};
// Indexed by SweepMetric::Kind; the landscape shows the first four (it has no test set).
const char* const kMetrics[] = {"final_loss", "best_loss", "steps_to", "diverged", "test_loss"};
const char* const kMetricLabels[] = {"final loss", "best loss", "steps to loss <=", "diverged", "final test loss"};
const char* const kNetMetricLabels[] = {"final train loss", "best train loss", "steps to train loss <=", "diverged",
                                        "final test loss"};
constexpr int kStepsToMetric = 2;

void tooltip(const char* text) {
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", text);
}

std::uint32_t abgr(ImU32 c) { return c; }  // IM_COL32 is already 0xAABBGGRR

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

// Tick values along an axis in its own scale: decades on log axes, 0.9, 0.99, ... on 1-x log.
std::vector<double> axis_ticks(const SweepAxis& a, int target) {
  const double lo = std::min(a.lo, a.hi), hi = std::max(a.lo, a.hi);
  if (!a.log && !a.log1m) return nice_ticks(lo, hi, target);
  // Work on u = v (log) or u = 1 - v (log1m), both positive.
  const double ulo = a.log ? lo : 1 - hi, uhi = a.log ? hi : 1 - lo;
  std::vector<double> us;
  const int e0 = static_cast<int>(std::ceil(std::log10(ulo) - 1e-9)), e1 = static_cast<int>(std::floor(std::log10(uhi) + 1e-9));
  const int every = std::max(1, (e1 - e0 + 1 + target - 1) / std::max(target, 1));
  for (int e = e0; e <= e1; e += every) us.push_back(std::pow(10.0, e));
  if (us.size() < 2) {  // less than two decades: 1, 2, 5 within them
    us.clear();
    for (int e = e0 - 1; e <= e1; ++e)
      for (double m : {1.0, 2.0, 5.0}) {
        const double u = m * std::pow(10.0, e);
        if (u >= ulo * (1 - 1e-9) && u <= uhi * (1 + 1e-9)) us.push_back(u);
      }
  }
  std::vector<double> out;
  for (double u : us) out.push_back(a.log ? u : 1 - u);
  return out;
}

std::string metric_label(const SweepMetric& m, bool network) {
  char buf[64];
  switch (m.kind) {
    case SweepMetric::kFinalLoss: return network ? "final train loss" : "final loss";
    case SweepMetric::kBestLoss: return network ? "best train loss" : "best loss";
    case SweepMetric::kStepsTo:
      std::snprintf(buf, sizeof buf, network ? "steps to train loss <= %g" : "steps to loss <= %g", m.threshold);
      return buf;
    case SweepMetric::kDiverged: return "diverged";
    case SweepMetric::kTestLoss: return "final test loss";
  }
  return "";
}

const char* nan_label(const SweepMetric& m) {
  return m.kind == SweepMetric::kStepsTo ? "not reached" : "diverged";
}

std::string spec_value(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return kv.second;
  return "";
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
    if (session_.compute_ms() > 0 && run_steps > 0) {
      if (network_)  // a training step is ~1000 landscape steps: thousands a second, not millions
        ImGui::TextDisabled("computing %.2f s of it%s (%.0f k training steps/s)", session_.compute_ms() / 1000,
                            session_.remote() ? " in a worker" : "", run_steps / session_.compute_ms());
      else
        ImGui::TextDisabled("computing %.2f s of it%s (%.0f M run-steps/s)", session_.compute_ms() / 1000,
                            session_.remote() ? " in a worker" : "", run_steps / session_.compute_ms() / 1000);
    }
    ImGui::PopTextWrapPos();
  }
  if (!error_.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, IM_COL32(255, 110, 100, 255));
    ImGui::TextWrapped("%s", error_.c_str());
    ImGui::PopStyleColor();
  }
  ImGui::EndChild();
}

void SweepPanel::ensure_texture(const SweepHost& host) {
  if (texture_version_ == session_.version() && texture_.valid()) return;
  const SweepJob& job = session_.job();
  const SweepSummary& summary = session_.summary();
  const double fstar = host.min_value(job.config());
  scale_ = sweep_colour_scale(job.config(), session_.metric(), summary, fstar);
  const int nx = static_cast<int>(job.x_values().size()), ny = static_cast<int>(job.y_values().size());
  const int k = std::max(1, kTextureSide / std::max(nx, ny));
  const int w = nx * k, h = ny * k;
  pixels_.assign(static_cast<std::size_t>(w) * h, abgr(kPendingColour));
  const auto& table = viridis_table();
  const auto& m = session_.metric();
  const std::size_t done = session_.cells_done();
  for (int iy = 0; iy < ny; ++iy) {
    for (int ix = 0; ix < nx; ++ix) {
      const std::size_t cell = static_cast<std::size_t>(iy) * nx + ix;
      if (cell >= done) continue;
      const double v = m[cell];
      const std::uint32_t c = std::isnan(v) ? abgr(kNanColour) : table[static_cast<std::size_t>(std::lround(scale_.position(v) * 255))];
      // Row 0 of the texture is the top: the largest y index.
      for (int dy = 0; dy < k; ++dy) {
        std::uint32_t* row = &pixels_[static_cast<std::size_t>((ny - 1 - iy) * k + dy) * w + static_cast<std::size_t>(ix) * k];
        std::fill(row, row + k, c);
      }
    }
  }
  texture_.upload(w, h, pixels_.data());
  texture_version_ = session_.version();
}

void SweepPanel::draw_heat_map(const SweepHost& host, ImVec2 origin, ImVec2 size) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float line = ImGui::GetTextLineHeight();
  if (!session_.has_job()) {
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y), IM_COL32(22, 24, 30, 255));
    const char* text = network_ ? "Pick two hyperparameters and press Run sweep:\n"
                                  "every cell trains the network with that pair,\n"
                                  "and clicking a cell adds that run to the scene."
                                : "Pick two hyperparameters and press Run sweep:\n"
                                  "the heat map shows the metric for every pair,\n"
                                  "and clicking a cell puts that run on the landscape.";
    dl->AddText(ImVec2(origin.x + 16, origin.y + 16), IM_COL32(170, 170, 180, 255), text);
    ImGui::Dummy(size);
    return;
  }
  ensure_texture(host);
  const SweepJob& job = session_.job();
  const SweepConfig& config = job.config();
  const int nx = static_cast<int>(job.x_values().size()), ny = static_cast<int>(job.y_values().size());

  // Plot rectangle: y tick labels on the left, x ticks and the x key below, colour bar right.
  const float bar_w = std::max(80.0f, 26 + ImGui::CalcTextSize(nan_label(config.metric)).x);
  float left = origin.x + 48, right = origin.x + size.x - bar_w;
  const float top = origin.y + line + 10, bottom = origin.y + size.y - 2 * line - 10;
  if (right - left > 1.8f * (bottom - top)) right = left + 1.8f * (bottom - top);  // not a thin strip
  if (right - left < 20 || bottom - top < 20) {
    ImGui::Dummy(size);
    return;
  }
  const float pw = right - left, ph = bottom - top;
  map_ = MapRect{left, top, pw, ph};
  map_frame_ = ImGui::GetFrameCount();

  // Title: the metric and the sweep's run.
  const SweepHost::Run* run = host.find(session_.run_id());
  char title[200];
  std::snprintf(title, sizeof title, "%s, %lld steps%s", metric_label(config.metric, network_).c_str(),
                static_cast<long long>(config.steps),
                config.seeds > 1 ? (", mean of " + std::to_string(config.seeds) + " seeds").c_str() : "");
  const float y_name_w = ImGui::CalcTextSize(config.y.key.c_str()).x + 16;
  const float title_x = std::max(left + (pw - ImGui::CalcTextSize(title).x) / 2, origin.x + y_name_w);
  dl->AddText(ImVec2(title_x, origin.y + 3), IM_COL32(235, 235, 235, 255), title);
  if (host.stale(config)) {
    const float tw = ImGui::CalcTextSize(title).x;
    dl->AddText(ImVec2(title_x + tw + 12, origin.y + 3), IM_COL32(255, 190, 90, 255), "(data or network changed: sweep again)");
  } else if (run && to_string(*run->optimizer) != to_string(session_.optimizer())) {
    // The run's other options changed since: say so (the axes' keys follow clicks, that is fine).
    Spec now = *run->optimizer, then = session_.optimizer();
    now.set(config.x.key, ""), now.set(config.y.key, ""), then.set(config.x.key, ""), then.set(config.y.key, "");
    if (to_string(now) != to_string(then)) {
      const float tw = ImGui::CalcTextSize(title).x;
      dl->AddText(ImVec2(title_x + tw + 12, origin.y + 3), IM_COL32(255, 190, 90, 255), "(run changed: sweep again)");
    }
  }

  ImGui::SetCursorScreenPos(ImVec2(left, top));
  const bool clicked = ImGui::InvisibleButton("heatmap", ImVec2(pw, ph));
  const bool hovered = ImGui::IsItemHovered();
  dl->AddImage(texture_.id(), ImVec2(left, top), ImVec2(right, bottom));
  dl->AddRect(ImVec2(left - 1, top - 1), ImVec2(right + 1, bottom + 1), IM_COL32(255, 255, 255, 60));

  auto x_pixel = [&](double t) { return left + static_cast<float>((t * (nx - 1) + 0.5) / nx) * pw; };
  auto y_pixel = [&](double t) { return bottom - static_cast<float>((t * (ny - 1) + 0.5) / ny) * ph; };
  const ImU32 tick = IM_COL32(255, 255, 255, 200), text = IM_COL32(225, 225, 225, 255);
  for (double v : axis_ticks(config.x, std::max(2, static_cast<int>(pw / 70)))) {
    const double t = axis_fraction(config.x, v);
    if (!(t >= -1e-9 && t <= 1 + 1e-9)) continue;
    const float px = x_pixel(t);
    dl->AddLine(ImVec2(px, bottom), ImVec2(px, bottom + 4), tick);
    const std::string label = axis_number(v);
    dl->AddText(ImVec2(px - ImGui::CalcTextSize(label.c_str()).x / 2, bottom + 5), text, label.c_str());
  }
  for (double v : axis_ticks(config.y, std::max(2, static_cast<int>(ph / 34)))) {
    const double t = axis_fraction(config.y, v);
    if (!(t >= -1e-9 && t <= 1 + 1e-9)) continue;
    const float py = y_pixel(t);
    dl->AddLine(ImVec2(left - 4, py), ImVec2(left, py), tick);
    const std::string label = axis_number(v);
    dl->AddText(ImVec2(left - 6 - ImGui::CalcTextSize(label.c_str()).x, py - line / 2), text, label.c_str());
  }
  const std::string xname = config.x.key + (config.x.log ? " (log)" : config.x.log1m ? " (1-x log)" : "");
  const std::string& yname = config.y.key;  // its scale shows in the ticks; the title needs the room
  dl->AddText(ImVec2(left + pw / 2 - ImGui::CalcTextSize(xname.c_str()).x / 2, bottom + line + 7), IM_COL32(255, 255, 255, 255),
              xname.c_str());
  dl->AddText(ImVec2(origin.x + 2, origin.y + 3), IM_COL32(255, 255, 255, 255), yname.c_str());

  // The sweep's run: a marker at its current setting.
  if (run && run->optimizer->name == session_.optimizer().name) {
    const double xv = std::strtod(spec_value(*run->optimizer, config.x.key).c_str(), nullptr);
    const double yv = std::strtod(spec_value(*run->optimizer, config.y.key).c_str(), nullptr);
    const double tx = axis_fraction(config.x, xv), ty = axis_fraction(config.y, yv);
    if (tx >= 0 && tx <= 1 && ty >= 0 && ty <= 1) {
      const ImVec2 c(x_pixel(tx), y_pixel(ty));
      const ImU32 colour = rgb_to_imu32(run_colour_rgb(run->colour));
      dl->AddCircle(c, 7, IM_COL32(0, 0, 0, 255), 16, 4);
      dl->AddCircle(c, 7, colour, 16, 2);
      dl->AddLine(ImVec2(c.x - 11, c.y), ImVec2(c.x - 5, c.y), IM_COL32(255, 255, 255, 255), 1.5f);
      dl->AddLine(ImVec2(c.x + 5, c.y), ImVec2(c.x + 11, c.y), IM_COL32(255, 255, 255, 255), 1.5f);
    }
  }

  // Hover read-out and click.
  if (hovered || clicked) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const int ix = std::clamp(static_cast<int>((m.x - left) / pw * nx), 0, nx - 1);
    const int iy = std::clamp(static_cast<int>((bottom - m.y) / ph * ny), 0, ny - 1);
    const std::size_t cell = static_cast<std::size_t>(iy) * nx + ix;
    const float cx0 = left + pw * ix / nx, cx1 = left + pw * (ix + 1) / nx;
    const float cy1 = bottom - ph * iy / ny, cy0 = bottom - ph * (iy + 1) / ny;
    dl->AddRect(ImVec2(cx0 - 1, cy0 - 1), ImVec2(cx1 + 1, cy1 + 1), IM_COL32(255, 255, 255, 230), 0, 0, 1.5f);
    const double xv = job.x_values()[static_cast<std::size_t>(ix)], yv = job.y_values()[static_cast<std::size_t>(iy)];
    // A network click adds a run (the scene holds several to compare); shift+click sets the swept run.
    const bool add = network_ ? !ImGui::GetIO().KeyShift || !run : ImGui::GetIO().KeyShift || !run;
    if (hovered) {
      ImGui::BeginTooltip();
      ImGui::Text("%s = %s", config.x.key.c_str(), format_number(xv).c_str());
      ImGui::Text("%s = %s", config.y.key.c_str(), format_number(yv).c_str());
      if (cell >= session_.cells_done()) {
        ImGui::TextDisabled("pending");
      } else if (std::isnan(session_.metric()[cell])) {
        ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.45f, 1), "%s", nan_label(config.metric));
      } else {
        ImGui::Text("%s = %.6g", metric_label(config.metric, network_).c_str(), session_.metric()[cell]);
      }
      ImGui::TextDisabled(add ? (network_ ? "click: add a run with this setting; shift+click: set the run to this"
                                          : "click: add a run with this setting")
                              : "click: set the run to this; shift+click: add a run");
      ImGui::EndTooltip();
    }
    if (clicked && host.apply_cell)
      host.apply_cell(to_string(session_.cell_spec(static_cast<std::size_t>(ix), static_cast<std::size_t>(iy))), run, add,
                      config.steps);
  }

  // Colour bar and legend.
  const float bx0 = right + 14, bx1 = bx0 + 12;
  const float by0 = top + line + 4, by1 = std::max(by0 + 20, bottom - 2 * (line + 4));
  const char* bar_title = config.metric.kind == SweepMetric::kStepsTo ? "steps"
                          : config.metric.kind == SweepMetric::kDiverged ? "diverged"
                          : scale_.offset != 0                           ? "loss - f*"
                                                                         : "loss";
  dl->AddText(ImVec2(bx0, top), IM_COL32(255, 255, 255, 255), bar_title);
  const int pieces = 24;
  for (int i = 0; i < pieces; ++i) {
    const float ya = by1 - (by1 - by0) * i / pieces, yb = by1 - (by1 - by0) * (i + 1) / pieces;
    const Rgb a = viridis(static_cast<double>(i) / pieces), b = viridis(static_cast<double>(i + 1) / pieces);
    const ImU32 ca = ImGui::ColorConvertFloat4ToU32(ImVec4(a.r, a.g, a.b, 1));
    const ImU32 cb = ImGui::ColorConvertFloat4ToU32(ImVec4(b.r, b.g, b.b, 1));
    dl->AddRectFilledMultiColor(ImVec2(bx0, yb), ImVec2(bx1, ya), cb, cb, ca, ca);
  }
  const float bar_h = by1 - by0;
  if (scale_.log) {
    const int lo = static_cast<int>(std::ceil(scale_.lo - 1e-9)), hi = static_cast<int>(std::floor(scale_.hi + 1e-9));
    const int every = std::max(1, static_cast<int>(std::ceil((hi - lo + 1) * (line + 2) / bar_h)));
    for (int e = lo; e <= hi; ++e) {
      const float py = by1 - bar_h * static_cast<float>((e - scale_.lo) / (scale_.hi - scale_.lo));
      dl->AddLine(ImVec2(bx1, py), ImVec2(bx1 + 4, py), tick);
      if ((e - lo) % every == 0) dl->AddText(ImVec2(bx1 + 7, py - line / 2), text, decade_label(e).c_str());
    }
  } else {
    for (double v : nice_ticks(scale_.lo, scale_.hi, std::max(2, static_cast<int>(bar_h / (2 * line))))) {
      const float py = by1 - bar_h * static_cast<float>((v - scale_.lo) / (scale_.hi - scale_.lo));
      dl->AddLine(ImVec2(bx1, py), ImVec2(bx1 + 4, py), tick);
      dl->AddText(ImVec2(bx1 + 7, py - line / 2), text, axis_number(v).c_str());
    }
  }
  const float ly = by1 + 6;
  dl->AddRectFilled(ImVec2(bx0, ly + 2), ImVec2(bx1, ly + line - 2), kNanColour);
  dl->AddText(ImVec2(bx1 + 5, ly), text, nan_label(config.metric));
  dl->AddRectFilled(ImVec2(bx0, ly + line + 4), ImVec2(bx1, ly + 2 * line), kPendingColour);
  dl->AddRect(ImVec2(bx0, ly + line + 4), ImVec2(bx1, ly + 2 * line), IM_COL32(255, 255, 255, 60));
  dl->AddText(ImVec2(bx1 + 5, ly + line + 2), text, "pending");
}

}  // namespace adamlab::ui
