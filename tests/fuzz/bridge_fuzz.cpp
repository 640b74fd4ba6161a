// libFuzzer target: the C++ side of every function the page calls (src/app/bridge.h), with the
// App and its UI state built natively and headless (an ImGui context, no frames, no GL), as the
// JS API and postMessage reach them: any double (NaN, inf, 2^32 + 1, -0, 1e308) and any string.
// Properties checked after every call:
//   - the reply is JSON: an object, {"error": ...} for a refused call;
//   - a refused call leaves the whole app state exactly as it was: scene, selection, playback,
//     links and their messages, panels, anatomy, view, sweep (snapshot() below);
//   - the view keeps sim/view_rect.h's invariant, and the page's own link loads back without
//     errors.
// Step limits are lowered to kFuzzStepCap (as in scene_fuzz) so one execution stays fast.
#include <fuzzer/FuzzedDataProvider.h>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <vector>

#include "app/app.h"
#include "app/bridge.h"
#include "imgui.h"
#include "nn/net_link.h"
#include "sim/link.h"
#include "sim/view_rect.h"

namespace {

using adamlab::app::App;
constexpr double kFuzzStepCap = 400;

double number(FuzzedDataProvider& in) {
  static const double kEdges[] = {-1, 0, -0.0, 1, 2, 3, 0.5, 2.5, 4294967297.0, 2147483648.0, 2147483647.0, 9e15, 1e16,
                                  1e308, -1e308, 1e-300, 5e-324, std::numeric_limits<double>::infinity(),
                                  -std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
  if (in.ConsumeBool()) return kEdges[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kEdges) - 1)];
  return in.ConsumeFloatingPoint<double>();
}

std::string text(FuzzedDataProvider& in) {
  static const char* const kSeeds[] = {"adam", "sgd:lr=0.1", "adam:lr=0.05,amsgrad=true", "rosenbrock", "beale", "",
                                       "step:step_size=3", "lr=1e-4:1:log:4", "beta1=0:0.99:lin:3", "final_loss",
                                       "gaussian:std=0.5", "#preset=adam", "#view=0,1.7e308,0,1",
                                       "#problem=beale&run=sgd:lr=-1", "#run=adam&run=sgd:lr=0.01&select=2&anatomy=2",
                                       "network", "landscape", "moons:n=50", "mlp:hidden=3", "x,y,label\n0,0,0\n1,1,1\n",
                                       "#mode=network&data=xor:n=40&model=mlp:hidden=2&run=adam&select=1",
                                       "torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98), amsgrad=True)",
                                       "opt = optim.SGD(p, lr=0.1, momentum=0.9)\nStepLR(opt, step_size=30, gamma=0.1)",
                                       "torch.optim.Adam(p, lr=-1)"};
  if (in.ConsumeBool()) return kSeeds[in.ConsumeIntegralInRange<std::size_t>(0, std::size(kSeeds) - 1)];
  return in.ConsumeRandomLengthString(256);
}

// Everything a refused call must leave alone. The sweep's timings move by themselves, so the
// sweep is compared by what it is, not by al_sweep_state's clock fields.
std::string snapshot(App& app) {
  std::string s = al_get_state();
  const auto& sweep = app.ui().sweep().session();
  s += "|sweep " + std::to_string(sweep.serial()) + " " + std::to_string(sweep.has_job()) + " " +
       std::to_string(sweep.cancelled()) + " " + std::to_string(sweep.run_id()) + " " + std::to_string(sweep.ended().size());
  if (sweep.has_job()) s += " " + adamlab::to_string(sweep.request()) + " " + std::to_string(sweep.cells_done());
  s += "|open " + std::to_string(app.ui().sweep().open()) + "|remote " + std::to_string(sweep.prefers_remote());
  if (const auto& v = app.ui().landscape().requested_view()) {
    char buf[128];
    std::snprintf(buf, sizeof buf, "|view %a %a %a %a", v->xmin, v->xmax, v->ymin, v->ymax);
    s += buf;
  }
  return s;
}

void check_view(App& app) {
  const auto& t = app.ui().landscape().last_view();
  if (!t) std::abort();
  const adamlab::Rect v = t->visible();
  for (double e : {v.xmin, v.xmax, v.ymin, v.ymax})
    if (!std::isfinite(e)) std::abort();
  if (const auto& r = app.ui().landscape().requested_view(); r && !adamlab::view_rect_problem(*r).empty()) std::abort();
}

App& app() {
  static App* instance = [] {
    ImGui::CreateContext();  // the bridge reads ImGui's IO and frame count; no frame is drawn
    auto* a = new App();
    adamlab::app::set_app_instance(a);
    a->forget_undo();  // as the first frame does: undo and redo have a history to walk
    return a;
  }();
  return *instance;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider in(data, size);
  App& a = app();
  al_reset_to_defaults();
  a.scene().set_step_limit(static_cast<std::int64_t>(kFuzzStepCap));
  a.ui().landscape().map_view().set_default(a.scene().problem().view());
  a.ui().landscape().map_view().set_screen({0, 0, 800, 600});
  std::vector<double> cells(64);
  std::string after = snapshot(a);
  for (int n = 0; n < 32 && in.remaining_bytes() > 0; ++n) {
    const std::string before = after;  // snapshots build the page's link: take one per call
    const int op = in.ConsumeIntegralInRange<int>(0, 49);
    std::string x, y, z;  // string arguments outlive the call
    const char* reply = nullptr;
    switch (op) {
      case 0: reply = al_get_state(); break;
      case 1: reply = al_reset_to_defaults(); break;
      case 2: reply = al_play(); break;
      case 3: reply = al_pause(); break;
      case 4: reply = al_reset(); break;
      case 5: reply = al_step(number(in)); break;
      case 6: x = text(in); reply = al_set_problem(x.c_str()); break;
      case 7: reply = al_set_start(number(in), number(in)); break;
      case 8: x = text(in), y = in.ConsumeBool() ? text(in) : ""; reply = al_add_run(x.c_str(), y.c_str()); break;
      case 9: reply = al_remove_run(number(in)); break;
      case 10: {
        const double id = number(in);
        x = text(in), y = in.ConsumeBool() ? text(in) : "";
        reply = al_update_run(id, x.c_str(), y.c_str());
        break;
      }
      case 11: reply = al_duplicate_run(number(in)); break;
      case 12: reply = al_set_visible(number(in), in.ConsumeIntegral<int>()); break;
      case 13: reply = al_select_run(number(in)); break;
      case 14: reply = al_set_speed(number(in)); break;
      case 15: {
        double limit = number(in);
        if (limit > kFuzzStepCap && limit <= 200000) limit = kFuzzStepCap;
        reply = al_set_step_limit(limit);
        break;
      }
      case 16: reply = al_trace(number(in)); break;
      case 17: reply = al_zoom_at(number(in), number(in), number(in)); break;
      case 18: reply = al_stats(); break;
      case 19: reply = al_get_link(in.ConsumeIntegral<int>()); break;
      case 20: x = text(in); reply = al_set_link(x.c_str()); break;
      case 21: reply = al_refuse_link(number(in)); break;
      case 22: reply = al_dismiss_link_errors(); break;
      case 23: reply = al_presets(); break;
      case 24: reply = al_anatomy(number(in), number(in), in.ConsumeIntegral<int>()); break;
      case 25: reply = al_set_anatomy(number(in), number(in), in.ConsumeIntegral<int>()); break;
      case 26: reply = al_export_csv(); break;
      case 27: reply = al_export_json(); break;
      case 28: {
        x = text(in), y = text(in), z = text(in);
        const double steps = number(in), seeds = number(in), id = number(in);
        reply = al_sweep_start(x.c_str(), y.c_str(), steps, z.c_str(), seeds, id);
        break;
      }
      case 29: reply = al_sweep_state(); break;
      case 30: reply = al_sweep_cancel(); break;
      case 31: reply = al_sweep_clear(); break;
      case 32: reply = al_sweep_cell(number(in), number(in)); break;
      case 33: reply = al_sweep_metric(); break;
      case 34: reply = al_sweep_use_worker(number(in)); break;
      case 35: reply = al_sweep_remote(number(in)); break;
      case 36: {
        // As the worker calls it: count doubles at `values` (the fuzzer never lies about the buffer).
        const double serial = number(in), begin = number(in);
        const double count = in.ConsumeIntegralInRange<int>(0, static_cast<int>(cells.size()));
        for (double& c : cells) c = number(in);
        reply = al_sweep_receive(serial, begin, count, cells.data(), number(in), number(in));
        break;
      }
      case 37: reply = al_sweep_compute_here(number(in)); break;
      case 38: x = text(in); reply = al_set_noise(x.c_str(), number(in)); break;
      case 39: a.ui().landscape().map_view().set_screen({number(in), number(in), number(in), number(in)}); break;
      case 40: x = text(in); reply = al_set_mode(x.c_str()); break;
      case 41: x = text(in), y = text(in); reply = al_set_network(x.c_str(), y.c_str(), number(in), number(in)); break;
      case 42: reply = al_new_seed(); break;
      case 43: x = text(in); reply = al_load_csv(x.c_str(), number(in)); break;
      case 44: reply = al_pytorch_code(number(in), in.ConsumeIntegral<int>()); break;
      case 45: x = text(in); reply = al_paste_pytorch(x.c_str(), in.ConsumeBool() ? -1 : number(in)); break;
      case 46: x = text(in); reply = al_set_clipboard(x.c_str()); break;
      case 47: reply = al_paste_field(); break;
      case 48: reply = al_undo(); break;
      case 49: reply = al_redo(); break;
    }
    if (reply) {
      const std::string r = reply;
      if (r.empty() || r.front() != '{' || r.back() != '}') {
        std::fprintf(stderr, "op %d replied with something other than a JSON object: %s\n", op, r.c_str());
        std::abort();
      }
      after = snapshot(a);
      if (r.rfind("{\"error\":", 0) == 0 && after != before) {
        std::fprintf(stderr, "op %d was refused (%s) but changed the state:\n  before %s\n  after  %s\n", op, r.c_str(),
                     before.c_str(), after.c_str());
        std::abort();
      }
    }
    const bool capped = a.scene().step_limit() > kFuzzStepCap || a.net_scene().step_limit() > kFuzzStepCap;
    if (capped) a.scene().set_step_limit(static_cast<std::int64_t>(std::min<double>(a.scene().step_limit(), kFuzzStepCap)));
    if (capped) a.net_scene().set_step_limit(static_cast<std::int64_t>(std::min<double>(a.net_scene().step_limit(), kFuzzStepCap)));
    if (!reply || capped) after = snapshot(a);
    check_view(a);
  }
  const std::string own = a.link();
  const std::vector<std::string> errors = a.network() ? adamlab::parse_net_link(own).errors : adamlab::parse_link(own).errors;
  if (!errors.empty()) {
    std::fprintf(stderr, "the page's link %s does not parse back: %s\n", own.c_str(), errors.front().c_str());
    std::abort();
  }
  return 0;
}
