// libFuzzer target: the scene's command surface, which the JS API, the postMessage bridge and the
// UI all reach (src/app/app_bridge.cpp passes their numbers and strings straight to these
// commands; a link goes through apply_link). Built headless: no ImGui, no GL.
// The input is a program of commands with fuzzed arguments (any double, including NaN, inf and
// huge values; any string). Properties checked after every command:
//   - a command either applies or throws adamlab::Error, and a throwing one leaves the scene's
//     state (scene_state_json) exactly as it was;
//   - invariants: step <= limit, at most kMaxRuns runs with distinct colours, every run at the
//     scene's step unless diverged, trails within their capacity;
//   - the scene's own link parses back without errors.
// Beside the scene, the map's view (ui/map_view.h, what the canvas and the JS API's zoomAt use)
// takes zoom, pan, requested rectangles, screen sizes and links' view= with any doubles: after
// every command it keeps sim/view_rect.h's invariant (finite, spans in range, distinct pixels),
// a refused zoom leaves it unchanged, and the link that carries it loads back.
// Step limits above kFuzzStepCap are lowered to it so one execution stays fast; the bounds
// themselves (1..kMaxStepLimit) are still checked with the value as given.
#include <fuzzer/FuzzedDataProvider.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <set>
#include <string>

#include "core/error.h"
#include "sim/link.h"
#include "sim/noise.h"
#include "sim/scene.h"
#include "sim/scene_json.h"
#include "sim/view_rect.h"
#include "ui/map_view.h"

namespace {

using adamlab::Scene;
constexpr std::int64_t kFuzzStepCap = 400;

void check_invariants(const Scene& s) {
  if (s.step_count() < 0 || s.step_count() > s.step_limit()) std::abort();
  if (s.runs().size() > static_cast<std::size_t>(Scene::kMaxRuns)) std::abort();
  std::set<int> colours, ids;
  for (const auto& r : s.runs()) {
    if (!colours.insert(r.colour).second || !ids.insert(r.id).second) std::abort();
    if (r.colour < 0 || r.colour >= Scene::kMaxRuns) std::abort();
    if (!r.run.diverged() && r.run.steps_taken() != s.step_count()) std::abort();
    if (r.run.diverged() && r.run.steps_taken() > s.step_count()) std::abort();
    if (r.history.rows().size() > r.history.capacity()) std::abort();
  }
  if (!std::isfinite(s.start().x()) || !std::isfinite(s.start().y())) std::abort();
  if (!(s.speed() >= Scene::kMinSpeed && s.speed() <= Scene::kMaxSpeed)) std::abort();
}

// A string argument: sometimes a plausible spec (so the fuzzer gets past the grammar quickly),
// sometimes raw bytes.
std::string text(FuzzedDataProvider& in) {
  static const char* const kSeeds[] = {"adam", "sgd:lr=0.1", "adam:lr=0.05,amsgrad=true", "rmsprop:lr=0.01,centered=true",
                                       "rosenbrock", "saddle", "goldstein_price", "quadratic:a=0.01", "step:step_size=3",
                                       "cosine:T_max=10", "", "gaussian:std=0.5"};
  if (in.ConsumeBool()) return kSeeds[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kSeeds) - 1)];
  return in.ConsumeRandomLengthString(256);
}

using adamlab::ui::MapView;

// Extreme doubles more often than uniform bytes would give them.
double number(FuzzedDataProvider& in) {
  static const double kEdges[] = {0.0, -0.0, 1e-300, -1e-300, 1e300, -1e300, 1.7e308, -1.7e308, 1e12, 1e-12, 5e-324,
                                  std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
  if (in.ConsumeBool()) return kEdges[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kEdges) - 1)];
  return in.ConsumeFloatingPoint<double>();
}

void check_view(const MapView& m) {
  if (!m.transform()) std::abort();
  const adamlab::Rect v = m.transform()->visible();
  for (double e : {v.xmin, v.xmax, v.ymin, v.ymax})
    if (!std::isfinite(e)) std::abort();
  const auto a = m.transform()->to_pixel(v.xmin, v.ymin), b = m.transform()->to_pixel(v.xmax, v.ymax);
  if (!(b.x - a.x > 0.5) || !(a.y - b.y > 0.5)) std::abort();  // collapsed in floating point
  if (m.requested() && !adamlab::view_rect_problem(*m.requested()).empty()) {
    std::fprintf(stderr, "view breaks the invariant: %s\n", adamlab::view_rect_problem(*m.requested()).c_str());
    std::abort();
  }
}

std::string view_text(const MapView& m) {
  if (!m.requested()) return "default";
  const adamlab::Rect& r = *m.requested();
  char buf[128];
  std::snprintf(buf, sizeof buf, "%a %a %a %a", r.xmin, r.xmax, r.ymin, r.ymax);
  return buf;
}

int run_id(FuzzedDataProvider& in, const Scene& s) {
  if (!s.runs().empty() && in.ConsumeBool())
    return s.runs()[in.ConsumeIntegralInRange<std::size_t>(0, s.runs().size() - 1)].id;
  return in.ConsumeIntegral<int>();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  Scene scene = in.ConsumeBool() ? Scene::with_default_runs() : Scene();
  MapView view;
  view.set_default(scene.problem().view());
  view.set_screen({0, 0, 800, 600});
  for (int n = 0; n < 48 && in.remaining_bytes() > 0; ++n) {
    const std::string before = adamlab::scene_state_json(scene), view_before = view_text(view);
    bool link_command = false;
    try {
      switch (in.ConsumeIntegralInRange<int>(0, 21)) {
        case 0: scene.set_problem(text(in)); break;
        case 1: scene.set_start(in.ConsumeFloatingPoint<double>(), in.ConsumeFloatingPoint<double>()); break;
        case 2: scene.add_run(text(in), in.ConsumeBool() ? text(in) : std::string()); break;
        case 3: scene.remove_run(run_id(in, scene)); break;
        case 4: {
          const int id = run_id(in, scene);
          scene.update_run(id, text(in), in.ConsumeBool() ? text(in) : std::string());
          break;
        }
        case 5: scene.duplicate_run(run_id(in, scene)); break;
        case 6: scene.set_visible(run_id(in, scene), in.ConsumeBool()); break;
        case 7: {
          const int id = run_id(in, scene);
          scene.set_colour(id, in.ConsumeIntegral<int>() % 16);
          break;
        }
        case 8: {
          adamlab::GradientNoise noise = adamlab::parse_noise(text(in));
          noise.seed = in.ConsumeIntegral<std::uint64_t>();
          scene.set_noise(noise);
          break;
        }
        case 9: scene.step(in.ConsumeIntegral<std::int64_t>()); break;
        case 10: scene.reset(); break;
        case 11: scene.set_speed(in.ConsumeFloatingPoint<double>()); break;
        case 12: {
          std::int64_t limit = in.ConsumeIntegral<std::int64_t>();
          if (limit > kFuzzStepCap && limit <= Scene::kMaxStepLimit) limit = kFuzzStepCap;
          scene.set_step_limit(limit);
          break;
        }
        case 13: scene.play(); break;
        case 14: scene.pause(); break;
        case 15: scene.advance(in.ConsumeFloatingPoint<double>()); break;
        case 16:
        case 17: {
          link_command = true;
          const adamlab::ParsedLink parsed = adamlab::parse_link(text(in));
          adamlab::SceneLink link = parsed.link;
          if (link.limit && *link.limit > kFuzzStepCap) link.limit = kFuzzStepCap;
          if (link.at && *link.at > kFuzzStepCap) link.at = kFuzzStepCap;
          adamlab::apply_link(link, scene);  // never throws
          view.set_default(scene.problem().view());
          view.reset();
          if (link.view) view.request(*link.view);
          break;
        }
        case 18: view.zoom_at(number(in), number(in), number(in)); break;
        case 19: view.pan(number(in), number(in)); break;
        case 20: view.request({number(in), number(in), number(in), number(in)}); break;
        case 21: view.set_screen({number(in), number(in), number(in), number(in)}); break;
      }
    } catch (const adamlab::Error&) {
      if (link_command) std::abort();
      if (adamlab::scene_state_json(scene) != before) std::abort();  // a refused command changed the scene
      if (view_text(view) != view_before) std::abort();             // ... or the view
    }
    check_invariants(scene);
    check_view(view);
  }
  adamlab::UiLinkState ui;
  ui.view = view.requested();
  const std::string own = adamlab::to_link(adamlab::link_from_scene(scene, ui));
  const adamlab::ParsedLink back = adamlab::parse_link(own);
  if (!back.errors.empty()) {
    std::fprintf(stderr, "scene link %s does not parse back: %s\n", own.c_str(), back.errors.front().c_str());
    std::abort();
  }
  return 0;
}
