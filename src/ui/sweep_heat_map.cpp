// The sweep's heat map: the texture of its cells, axes, the swept run's marker, hover read-outs and
// the click that adds a cell's run. Split from sweep_panel.cpp, which keeps requests and editing.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/error.h"
#include "sim/colormap.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/sweep_panel.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

constexpr int kTextureSide = 256;  // small grids are upscaled so linear filtering keeps cells sharp
constexpr ImU32 kPendingColour = IM_COL32(44, 47, 56, 255);
constexpr ImU32 kNanColour = IM_COL32(214, 48, 56, 255);

std::uint32_t abgr(ImU32 c) { return c; }  // IM_COL32 is already 0xAABBGGRR

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

}  // namespace

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
