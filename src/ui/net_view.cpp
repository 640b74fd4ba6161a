#include "ui/net_view.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "nn/net_scene.h"
#include "sim/palette.h"
#include "ui/draw_util.h"
#include "ui/option_meta.h"
#include "ui/view_transform.h"

namespace adamlab::ui {
namespace {

constexpr std::uint32_t kClassColours[] = {0xf59322, 0x0877bd, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x17becf};
constexpr float kCellPixels = 4;  // the raster's cell, CSS px (linear filtering smooths it)
constexpr float kDim = 0.72f;     // the regions are dimmed so the points keep their full colour

std::uint32_t pack(float r, float g, float b) {
  auto byte = [](float v) { return static_cast<std::uint32_t>(std::clamp(v, 0.0f, 255.0f) + 0.5f); };
  return 0xff000000u | byte(b) << 16 | byte(g) << 8 | byte(r);  // 0xAABBGGRR, as GL_RGBA bytes
}

float channel(std::uint32_t rgb, int shift) { return static_cast<float>((rgb >> shift) & 0xff); }

// One cell's colour: two classes on a diverging scale of P(class 1) through a dark middle; more
// classes as the probability-weighted blend of their colours; discretized, the likeliest class.
std::uint32_t cell_colour(const ClassMap& map, int i, int j, bool discretize) {
  const float mid[3] = {34, 37, 44};
  int best = 0;
  for (int k = 1; k < map.classes; ++k)
    if (map.at(k, i, j) > map.at(best, i, j)) best = k;
  if (std::isnan(map.at(0, i, j))) return pack(70, 70, 70);  // a diverged network: no prediction
  float rgb[3] = {0, 0, 0};
  if (map.classes == 2) {
    const float t = discretize ? (map.at(1, i, j) > 0.5f ? 1.0f : -1.0f) : 2 * map.at(1, i, j) - 1;
    const std::uint32_t c = kClassColours[t < 0 ? 0 : 1];
    const float a = std::abs(t) * kDim;
    for (int ch = 0; ch < 3; ++ch) rgb[ch] = mid[ch] + a * (channel(c, 16 - 8 * ch) - mid[ch]);
  } else {
    for (int k = 0; k < map.classes; ++k) {
      const float p = discretize ? (k == best ? 1.0f : 0.0f) : map.at(k, i, j);
      for (int ch = 0; ch < 3; ++ch) rgb[ch] += p * channel(kClassColours[k % 8], 16 - 8 * ch);
    }
    for (int ch = 0; ch < 3; ++ch) rgb[ch] = mid[ch] + kDim * (rgb[ch] - mid[ch]);
  }
  return pack(rgb[0], rgb[1], rgb[2]);
}

// Ticks along the bottom and the left edge of a plot, labels on a backdrop (as the landscape's).
template <class ToPixel>
void draw_axes(ImDrawList* dl, const Box& box, const DataBounds& b, ToPixel to_px) {
  const float line = ImGui::GetTextLineHeight();
  const ImU32 grid = IM_COL32(255, 255, 255, 22), text = IM_COL32(235, 235, 235, 255);
  for (double t : nice_ticks(b.xmin, b.xmax, std::max(2, static_cast<int>(box.w / 90)))) {
    const float px = to_px(t, b.ymin).x;
    if (px < box.x + 4 || px > box.right() - 24) continue;
    dl->AddLine(ImVec2(px, box.y), ImVec2(px, box.bottom()), grid);
    const std::string s = axis_number(t);
    label_with_backdrop(dl, ImVec2(px - ImGui::CalcTextSize(s.c_str()).x / 2, box.bottom() - 8 - line), text, s.c_str());
  }
  for (double t : nice_ticks(b.ymin, b.ymax, std::max(2, static_cast<int>(box.h / 70)))) {
    const float py = to_px(b.xmin, t).y;
    if (py < box.y + 2 * line + 6 || py > box.bottom() - 2 * line - 8) continue;
    dl->AddLine(ImVec2(box.x, py), ImVec2(box.right(), py), grid);
    const std::string s = axis_number(t);
    label_with_backdrop(dl, ImVec2(box.x + 6, py - line / 2), text, s.c_str());
  }
}

void draw_point(ImDrawList* dl, ImVec2 c, std::uint32_t rgb, bool hollow, float r) {
  if (hollow) {
    // A ring in the class colour with a dark rim (train points have a white one), empty inside.
    dl->AddCircle(c, r + 1.3f, IM_COL32(0, 0, 0, 220), 12, 1.2f);
    dl->AddCircle(c, r, rgb_to_imu32(rgb), 12, 2.2f);
  } else {
    dl->AddCircleFilled(c, r + 1.2f, IM_COL32(255, 255, 255, 210), 12);
    dl->AddCircleFilled(c, r, rgb_to_imu32(rgb), 12);
  }
}

}  // namespace

std::uint32_t class_colour(int k) { return kClassColours[((k % 8) + 8) % 8]; }

bool NetMainView::due(const std::string& key, std::uint64_t version) {
  if (key != built_key_) return true;
  return version != built_version_ && since_build_ >= 1.0 / kMaxRebuildsPerSecond;
}

const std::string& NetMainView::label_of(const NetSceneRun& run) {
  // Cached by spec: building a label constructs the optimizer, too slow for every run every frame.
  const std::string key = to_string(run.optimizer) + "@" + run.scheduler;
  auto it = label_cache_.find(key);
  if (it == label_cache_.end()) {
    if (label_cache_.size() > 64) label_cache_.clear();
    it = label_cache_.emplace(key, run_label(run.optimizer, run.scheduler)).first;
  }
  return it->second;
}

void NetMainView::draw(const NetScene& scene, int selected_id, const NetViewOptions& view, const FrameOptions& frame) {
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  ImVec2 size = ImGui::GetContentRegionAvail();
  size.x = std::max(size.x, 32.0f);
  size.y = std::max(size.y, 32.0f);
  ImGui::InvisibleButton("netview", size);
  // A lifted finger leaves no hover: under touch, read out only while pressed.
  hovering_ = !frame.figure && ImGui::IsItemHovered() && (!frame.touch || ImGui::IsMouseDown(ImGuiMouseButton_Left));
  hover_.clear();
  loss_readout_ = frame.loss_readout;
  since_build_ += std::max(0.0f, ImGui::GetIO().DeltaTime);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Box box{origin.x, origin.y, size.x, size.y};
  const MapOverlayReport kept_report = report_, kept_last = last_;  // the figure's frame keeps them
  last_ = report_;
  report_ = MapOverlayReport{};
  report_.map = box;
  dl->PushClipRect(origin, ImVec2(box.right(), box.bottom()), true);
  dl->AddRectFilled(origin, ImVec2(box.right(), box.bottom()), IM_COL32(24, 26, 32, 255));

  const NetSceneRun* run = scene.find(selected_id);
  if (!run && !scene.runs().empty()) run = &scene.runs().front();
  const Dataset& data = scene.task().data();
  kind_ = data.planar() && !data.regression() ? NetViewKind::boundary : data.input_dim == 1 ? NetViewKind::curve : NetViewKind::features;

  const float line = ImGui::GetTextLineHeight();
  OverlayPlacer placer(box, {6, 6, 6, line + 12});
  if (frame.toolbar.x > 0) {
    const Placement t = placer.place(frame.toolbar.x, frame.toolbar.y, {Anchor::top_left, Anchor::top_right, Anchor::bottom_left, Anchor::top_centre},
                                     last_.toolbar);
    report_.toolbar = t.box;
    report_.toolbar_clear = t.clear;
  }
  switch (kind_) {
    case NetViewKind::boundary: draw_boundary(dl, scene, run, view, placer); break;
    case NetViewKind::curve: draw_curves(dl, scene, view, placer); break;
    case NetViewKind::features: {
      // The bars take the view below the toolbar's row; the legend goes over them.
      const float top = report_.toolbar.empty() ? box.y : report_.toolbar.bottom() + 4;
      draw_features(dl, scene, run, Box{box.x, top, box.w, box.bottom() - top});
      break;
    }
  }
  draw_legend_and_title(dl, scene, run, frame, placer);
  if (!hover_.empty()) {
    // Beside the pointer, on the first side clear of the toolbar and the legend.
    const ImVec2 m = ImGui::GetIO().MousePos;
    const ImVec2 ts = ImGui::CalcTextSize(hover_.c_str());
    const float xs[] = {m.x + 14, m.x + 14, m.x - 14 - ts.x, m.x - 14 - ts.x};
    const float ys[] = {m.y + 18, m.y - 18 - ts.y, m.y + 18, m.y - 18 - ts.y};
    Box at;
    for (int k = 0; k < 4; ++k) {
      at = Box{std::clamp(xs[k], box.x + 2, box.right() - ts.x - 4), std::clamp(ys[k], box.y + 2, box.bottom() - ts.y - 4), ts.x, ts.y};
      if (!at.overlaps(report_.toolbar) && !at.overlaps(report_.legend)) break;
    }
    report_.hover = at;
    label_with_backdrop(dl, ImVec2(at.x, at.y), IM_COL32(255, 255, 255, 255), hover_.c_str());
  }
  dl->PopClipRect();
  if (frame.figure) report_ = kept_report, last_ = kept_last;
}

void NetMainView::draw_boundary(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const NetViewOptions& view,
                                OverlayPlacer& placer) {
  const Box& box = report_.map;
  const Dataset& data = scene.task().data();
  const DataBounds b = data_bounds(data);
  // Equal units on both axes (a circle stays a circle); the raster fills the whole view.
  const ViewTransform vt(Rect{b.xmin, b.xmax, b.ymin, b.ymax}, PixelRect{box.x, box.y, box.w, box.h});
  const Rect v = vt.visible();
  plot_ = DataBounds{v.xmin, v.xmax, v.ymin, v.ymax};
  auto to_px = [&](double x, double y) {
    const Point p = vt.to_pixel(x, y);
    return ImVec2(static_cast<float>(p.x), static_cast<float>(p.y));
  };
  const int cw = std::clamp(static_cast<int>(box.w / kCellPixels), 16, 200);
  const int ch = std::clamp(static_cast<int>(box.h / kCellPixels), 16, 200);
  if (run) {
    char key[256];
    std::snprintf(key, sizeof key, "b|%p|%d|%d|%d|%d|%.9g|%.9g|%.9g|%.9g", static_cast<const void*>(&scene.task()), run->id,
                  view.discretize ? 1 : 0, cw, ch, v.xmin, v.xmax, v.ymin, v.ymax);
    // A diverged run keeps the last boundary it had (its weights are no longer numbers).
    const bool frozen = run->run.diverged() && built_key_ == key && texture_.valid();
    if (!frozen && due(key, scene.version())) {
      map_ = class_map(scene.task(), run->run.parameters(), plot_, cw, ch);
      pixels_.resize(static_cast<std::size_t>(cw) * ch);
      for (int i = 0; i < ch; ++i)
        for (int j = 0; j < cw; ++j) pixels_[static_cast<std::size_t>(i) * cw + j] = cell_colour(map_, i, j, view.discretize);
      texture_.upload(cw, ch, pixels_.data());
      built_key_ = key;
      built_version_ = scene.version();
      since_build_ = 0;
      ++raster_builds_;
    }
    if (texture_.valid() && built_key_ == key) dl->AddImage(texture_.id(), to_px(v.xmin, v.ymax), to_px(v.xmax, v.ymin));
  }
  draw_axes(dl, box, plot_, to_px);
  const float r = box.w < 420 ? 2.6f : 3.4f;
  auto draw_set = [&](const Eigen::MatrixXd& x, const Eigen::VectorXd& y, bool hollow) {
    const Eigen::Index every = std::max<Eigen::Index>(1, x.cols() / 300);  // soft marks: a sample suffices
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const ImVec2 c = to_px(x(0, j), x(1, j));
      draw_point(dl, c, class_colour(static_cast<int>(y[j])), hollow, r);
      if (j % every == 0) placer.prefer_clear(c.x, c.y);
    }
  };
  draw_set(data.train_x, data.train_y, false);
  if (view.show_test) draw_set(data.test_x, data.test_y, true);

  // Hover: the point under the pointer and the selected run's probabilities there (drawn last).
  if (hovering_ && map_.width > 0 && built_key_.rfind("b|", 0) == 0) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    const Point p = vt.to_plot(m.x, m.y);
    const int j = std::clamp(static_cast<int>((p.x - v.xmin) / (v.xmax - v.xmin) * map_.width), 0, map_.width - 1);
    const int i = std::clamp(static_cast<int>((v.ymax - p.y) / (v.ymax - v.ymin) * map_.height), 0, map_.height - 1);
    char buf[160];
    if (map_.classes == 2) {
      std::snprintf(buf, sizeof buf, "x=%.3g  y=%.3g  P(class 1)=%.3f", p.x, p.y, map_.at(1, i, j));
    } else {
      int best = 0;
      for (int k = 1; k < map_.classes; ++k)
        if (map_.at(k, i, j) > map_.at(best, i, j)) best = k;
      std::snprintf(buf, sizeof buf, "x=%.3g  y=%.3g  class %d (p=%.3f)", p.x, p.y, best, map_.at(best, i, j));
    }
    hover_ = buf;
  }
}

void NetMainView::draw_curves(ImDrawList* dl, const NetScene& scene, const NetViewOptions& view, OverlayPlacer& placer) {
  const Box& box = report_.map;
  const Dataset& data = scene.task().data();
  const DataBounds xb = data_bounds(data);
  double ylo = 1e300, yhi = -1e300;
  for (const Eigen::VectorXd* y : {&data.train_y, &data.test_y})
    for (Eigen::Index j = 0; j < y->size(); ++j)
      if (std::isfinite((*y)[j])) ylo = std::min(ylo, (*y)[j]), yhi = std::max(yhi, (*y)[j]);
  if (!(yhi >= ylo)) ylo = -1, yhi = 1;
  const double pad = std::max(0.15 * (yhi - ylo), 1e-3);
  plot_ = DataBounds{xb.xmin, xb.xmax, ylo - pad, yhi + pad};
  // Independent scales: a 1D function is read against its own x and y ranges.
  const float left = box.x + 4, right = box.right() - 4, top = box.y + 4, bottom = box.bottom() - 4;
  auto to_px = [&](double x, double y) {
    return ImVec2(static_cast<float>(left + (x - plot_.xmin) / (plot_.xmax - plot_.xmin) * (right - left)),
                  static_cast<float>(bottom - (std::clamp(y, plot_.ymin - (plot_.ymax - plot_.ymin), plot_.ymax + (plot_.ymax - plot_.ymin)) - plot_.ymin) /
                                                  (plot_.ymax - plot_.ymin) * (bottom - top)));
  };
  draw_axes(dl, box, plot_, to_px);
  const int count = std::clamp(static_cast<int>(box.w / 3), 64, 400);
  char key[160];
  std::snprintf(key, sizeof key, "c|%p|%d|%.9g|%.9g", static_cast<const void*>(&scene.task()), count, plot_.xmin, plot_.xmax);
  if (due(key, scene.version())) {
    std::vector<std::pair<int, std::vector<double>>> next;
    for (const auto& r : scene.runs()) {
      if (r.run.diverged()) {
        // Stops where it diverged: the last curve it had, if any.
        for (auto& old : curves_)
          if (old.first == r.id && built_key_ == key) next.push_back(std::move(old));
        continue;
      }
      next.emplace_back(r.id, prediction_curve(scene.task(), r.run.parameters(), plot_.xmin, plot_.xmax, count));
    }
    curves_ = std::move(next);
    built_key_ = key;
    built_version_ = scene.version();
    since_build_ = 0;
    ++raster_builds_;
  }
  const float r = box.w < 420 ? 2.4f : 3.0f;
  auto draw_set = [&](const Eigen::MatrixXd& x, const Eigen::VectorXd& y, bool hollow) {
    for (Eigen::Index j = 0; j < x.cols(); ++j) {
      const ImVec2 c = to_px(x(0, j), y[j]);
      draw_point(dl, c, 0xd8d8d8, hollow, r);
      placer.prefer_clear(c.x, c.y);
    }
  };
  draw_set(data.train_x, data.train_y, false);
  if (view.show_test) draw_set(data.test_x, data.test_y, true);
  if (hovering_) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    char buf[96];
    std::snprintf(buf, sizeof buf, "x=%.3g  y=%.3g", plot_.xmin + (m.x - left) / (right - left) * (plot_.xmax - plot_.xmin),
                  plot_.ymin + (bottom - m.y) / (bottom - top) * (plot_.ymax - plot_.ymin));
    hover_ = buf;
  }
  std::vector<ImVec2> pts;
  for (const auto& r : scene.runs()) {
    if (!r.visible) continue;
    for (const auto& c : curves_) {
      if (c.first != r.id) continue;
      pts.clear();
      for (std::size_t k = 0; k < c.second.size(); ++k)
        if (std::isfinite(c.second[k])) pts.push_back(to_px(plot_.xmin + (plot_.xmax - plot_.xmin) * k / (c.second.size() - 1), c.second[k]));
      if (pts.size() < 2) continue;
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), IM_COL32(0, 0, 0, 140), ImDrawFlags_None, 4.0f);
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), rgb_to_imu32(run_colour_rgb(r.colour)), ImDrawFlags_None, 2.0f);
      for (std::size_t k = 0; k < pts.size(); k += 8) placer.prefer_clear(pts[k].x, pts[k].y);
    }
  }
}

void NetMainView::draw_legend_and_title(ImDrawList* dl, const NetScene& scene, const NetSceneRun* run, const FrameOptions& frame,
                                        OverlayPlacer& placer) {
  std::vector<LegendEntry> entries;
  int shape = -1;
  for (const auto& r : scene.runs()) {
    ++shape;
    if (!r.visible) continue;
    LegendEntry e;
    e.colour = rgb_to_imu32(run_colour_rgb(r.colour));
    e.shape = shape;
    e.label = label_of(r);
    e.diverged = r.run.diverged();
    char buf[64];
    if (e.diverged) {
      std::snprintf(buf, sizeof buf, "diverged at step %lld", static_cast<long long>(r.run.diverged_at()));
      e.value = buf;
    } else if (frame.loss_readout && !r.history.rows().empty()) {
      std::snprintf(buf, sizeof buf, "loss %.3g", r.history.rows().back().train_loss);
      e.value = buf;
    }
    entries.push_back(std::move(e));
  }
  if (entries.empty() || kind_ == NetViewKind::features) return;  // the bars draw their legend in line
  // The heading says whose boundary this is (the map shows one run; the legend names them all).
  std::string heading;
  if (run && kind_ == NetViewKind::boundary) {
    char buf[200];
    std::snprintf(buf, sizeof buf, "boundary: %s, step %lld", label_of(*run).c_str(), static_cast<long long>(run->run.steps_taken()));
    heading = buf;
  }
  const ImVec2 size = legend_size(entries, heading);
  // Corners only: the middle of the plane is where the data is.
  const Placement p = placer.place(size.x, size.y, {Anchor::bottom_left, Anchor::bottom_right, Anchor::top_right, Anchor::top_left}, last_.legend);
  report_.legend = p.box;
  report_.legend_entries = static_cast<int>(entries.size());
  report_.legend_faded = !p.clear;
  report_.legend_has_values = frame.loss_readout;
  report_.legend_over_paths = p.soft_hits > 3;
  draw_legend(dl, entries, p.box, p.clear ? 1.0f : 0.6f, heading, report_.legend_over_paths);
}

}  // namespace adamlab::ui
