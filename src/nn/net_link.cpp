// Writing network links and loading them into a NetScene (nn/net_link.h); reading them is
// nn/net_link_parse.cpp.
#include <map>
#include <utility>

#include "data/dataset.h"
#include "nn/model.h"
#include "nn/net_link.h"
#include "nn/net_link_detail.h"
#include "optim/optimizer.h"
#include "sim/palette.h"

namespace adamlab {

using namespace net_link_detail;

namespace {

std::string run_text(const LinkRun& r) { return r.scheduler.empty() ? r.optimizer : r.optimizer + "@" + r.scheduler; }

// Automatic colours for the link's runs all at once (as sim/link.cpp does), explicit ones kept.
std::vector<int> link_colours(const std::vector<LinkRun>& runs) {
  std::vector<Spec> optimizers;
  std::vector<int> explicit_colours;
  for (const LinkRun& r : runs) {
    Spec spec;
    try {
      spec = parse_spec(r.optimizer);
    } catch (const Error&) {
    }
    optimizers.push_back(std::move(spec));
    explicit_colours.push_back(r.colour);
  }
  return assign_colours(optimizers, explicit_colours, NetScene::kMaxRuns);
}

std::string compute_shortest(const std::string& kind, const std::string& text) {
  auto full = [&kind](const Spec& spec) {
    if (kind == "model") return to_string(model_spec(parse_model(spec)));
    return make_dataset(spec, 0).spec;
  };
  try {
    Spec spec = parse_spec(text);
    const std::string whole = full(spec);
    for (std::size_t i = 0; i < spec.params.size();) {
      Spec without = spec;
      without.params.erase(without.params.begin() + static_cast<std::ptrdiff_t>(i));
      bool same = false;
      try {
        same = full(without) == whole;
      } catch (const Error&) {
      }
      if (same)
        spec = std::move(without);
      else
        ++i;
    }
    return to_string(spec);
  } catch (const std::exception&) {
    return text;
  }
}

}  // namespace

std::string percent_encode(const std::string& text) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto u = static_cast<unsigned char>(c);
    const bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || c == '-' || c == '.' ||
                       c == '_' || c == ',' || c == '+' || c == ':';
    if (plain) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string to_link(const NetLink& L) {
  std::vector<std::string> parts{"mode=network"};
  auto put = [&](const std::string& key, const std::string& value) { parts.push_back(key + "=" + value); };
  auto flag = [](bool b) { return std::string(b ? "1" : "0"); };
  if (L.preset) put("preset", *L.preset);
  if (L.data) put("data", *L.data);
  if (L.csv) put("csv", percent_encode(*L.csv));
  if (L.model) put("model", *L.model);
  if (L.batch) put("batch", std::to_string(*L.batch));
  if (L.seed) put("seed", std::to_string(*L.seed));
  std::vector<std::string> hidden, colours;
  bool any_colour = false;
  for (std::size_t i = 0; i < L.runs.size(); ++i) {
    put("run", run_text(L.runs[i]));
    if (!L.runs[i].visible) hidden.push_back(std::to_string(i + 1));
    colours.push_back(L.runs[i].colour < 0 ? "auto" : std::to_string(L.runs[i].colour));
    any_colour = any_colour || L.runs[i].colour >= 0;
  }
  if (!hidden.empty()) put("hide", join(hidden, ","));
  if (any_colour) put("colours", join(colours, ","));
  if (L.speed) put("speed", format_number(*L.speed));
  if (L.limit) put("limit", std::to_string(*L.limit));
  if (L.at) put("at", std::to_string(*L.at));
  if (L.autoplay) put("autoplay", flag(*L.autoplay));
  if (L.loop) put("loop", flag(*L.loop));
  if (L.embed) put("embed", flag(*L.embed));
  if (L.panels && !L.panels->empty()) put("panels", join(*L.panels, ","));
  if (L.selected) put("select", std::to_string(*L.selected + 1));
  return "#" + join(parts, "&");
}

std::string shortest_net_spec(const std::string& kind, const std::string& text) {
  // The page builds its link several times a second: remembered, bounded (as shortest_spec).
  static std::map<std::pair<std::string, std::string>, std::string> memo;
  auto key = std::make_pair(kind, text);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  std::string result = compute_shortest(kind, text);
  if (memo.size() >= 256) memo.clear();
  memo.emplace(std::move(key), result);
  return result;
}

NetLink net_link_from_scene(const NetScene& scene, const NetUiLinkState& ui) {
  NetLink L;
  // A default NetScene builds its data and network (milliseconds): read its defaults once.
  static const double default_speed = NetScene().speed();
  static const std::int64_t default_limit = NetScene().step_limit();
  const NetTask& task = scene.task();
  if (!scene.csv().empty()) {
    const Dataset& d = task.data();
    const double f = static_cast<double>(d.test_size()) / static_cast<double>(d.train_size() + d.test_size());
    L.data = f == kCsvTestFraction ? std::string("csv") : "csv:test_fraction=" + format_number(f);
    L.csv = scene.csv();
  } else {
    L.data = shortest_net_spec("data", task.config().data);
  }
  L.model = shortest_net_spec("model", task.config().model);
  L.batch = task.config().batch_size;
  L.seed = task.config().seed;
  std::vector<Spec> optimizers;
  std::vector<int> colours;
  for (std::size_t i = 0; i < scene.runs().size(); ++i) {
    const NetSceneRun& r = scene.runs()[i];
    LinkRun run;
    run.optimizer = shortest_spec("optimizer", to_string(r.optimizer));
    run.scheduler = r.scheduler.empty() ? "" : shortest_spec("scheduler", r.scheduler);
    run.visible = r.visible;
    run.colour = r.colour;
    optimizers.push_back(r.optimizer);
    colours.push_back(r.colour);
    L.runs.push_back(std::move(run));
    if (ui.selected_run_id && *ui.selected_run_id == r.id) L.selected = static_cast<int>(i);
  }
  // Colours a link would give anyway are left out.
  if (assign_colours(optimizers, {}, NetScene::kMaxRuns) == colours)
    for (auto& run : L.runs) run.colour = -1;
  if (scene.speed() != default_speed) L.speed = scene.speed();
  if (scene.step_limit() != default_limit) L.limit = scene.step_limit();
  L.at = ui.at;
  L.autoplay = ui.autoplay;
  L.loop = ui.loop;
  L.embed = ui.embed;
  L.panels = ui.panels;
  return L;
}

AppliedLink load_net_link(const NetLink& L, NetScene& scene) {
  AppliedLink out;
  out.run_ids.assign(L.runs.size(), -1);
  auto& errors = out.errors;
  try {
    // The defaults first (no runs yet, so nothing replays), then the link's parts one by one:
    // a refused part is reported and keeps its default.
    const NetScene defaults = NetScene::with_default_runs();
    scene.pause();
    std::vector<int> ids;
    for (const auto& r : scene.runs()) ids.push_back(r.id);
    for (int id : ids) scene.remove_run(id);
    scene.set_task(defaults.task().config());
    scene.set_step_limit(defaults.step_limit());
    scene.set_speed(defaults.speed());
    scene.reset();
    if (L.seed) attempt(errors, "seed=" + std::to_string(*L.seed), [&] { scene.set_seed(*L.seed); });
    if (L.data && L.csv) {
      attempt(errors, "csv=" + *L.csv, [&] { scene.set_csv(*L.csv, csv_test_fraction(parse_spec(*L.data))); });
    } else if (L.data) {
      attempt(errors, "data=" + *L.data, [&] { scene.set_data(*L.data); });
    }
    if (L.model) attempt(errors, "model=" + *L.model, [&] { scene.set_model(*L.model); });
    if (L.batch) attempt(errors, "batch=" + std::to_string(*L.batch), [&] { scene.set_batch_size(*L.batch); });
    if (L.limit) attempt(errors, "limit=" + std::to_string(*L.limit), [&] { scene.set_step_limit(*L.limit); });
    if (L.speed) attempt(errors, "speed=" + format_number(*L.speed), [&] { scene.set_speed(*L.speed); });
    if (!L.runs.empty()) {
      const std::vector<int> colours = link_colours(L.runs);
      for (std::size_t i = 0; i < L.runs.size(); ++i) {
        const LinkRun& r = L.runs[i];
        attempt(errors, "run=" + run_text(r), [&] {
          const int id = scene.add_run(r.optimizer, r.scheduler);
          if (colours[i] >= 0 && scene.find(id)->colour != colours[i]) {
            try {
              scene.set_colour(id, colours[i]);
            } catch (...) {
              scene.remove_run(id);
              throw;
            }
          }
          scene.set_visible(id, r.visible);
          out.run_ids[i] = id;
        });
      }
    } else {
      for (const auto& r : defaults.runs()) {
        try {
          scene.add_run(to_string(r.optimizer), r.scheduler);
        } catch (const std::exception& e) {
          errors.push_back("run=" + to_string(r.optimizer) + ": " + e.what());
        }
      }
    }
    if (L.at) {
      attempt(errors, "at=" + std::to_string(*L.at), [&] {
        if (*L.at > scene.step_limit())
          throw Error("step " + std::to_string(*L.at) + " is past the step limit " + std::to_string(scene.step_limit()));
        scene.step(*L.at);
      });
    }
    if (L.autoplay.value_or(false))
      scene.play();
    else
      scene.pause();
    if (L.selected && *L.selected >= 0 && *L.selected < static_cast<int>(out.run_ids.size()) && out.run_ids[*L.selected] >= 0)
      out.selected_run_id = out.run_ids[*L.selected];
    else if (!scene.runs().empty())
      out.selected_run_id = scene.runs().front().id;
  } catch (const std::exception& e) {
    errors.push_back(std::string("link: ") + e.what());
  }
  return out;
}

}  // namespace adamlab
