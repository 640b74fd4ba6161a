#include "nn/net_link.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "core/error.h"
#include "data/dataset.h"
#include "nn/model.h"
#include "nn/net_preset_link.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/noise.h"
#include "sim/palette.h"

namespace adamlab {
namespace {

// A user's CSV without test_fraction= splits as the generators do by default.
constexpr double kCsvTestFraction = 0.3;

struct Piece {
  std::string key, value;
  std::string text() const { return key + "=" + value; }
};

std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    const auto at = text.find(sep, begin);
    out.push_back(text.substr(begin, at == std::string::npos ? std::string::npos : at - begin));
    if (at == std::string::npos) return out;
    begin = at + 1;
  }
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

// The part of a URL that holds the link, as sim/link.h reads it: the hash, else the query, else all.
std::string fragment_of(const std::string& input) {
  const auto hash = input.find('#');
  if (hash != std::string::npos) return input.substr(hash + 1);
  const auto query = input.find('?');
  if (query != std::string::npos) return input.substr(query + 1);
  return input;
}

bool attempt(std::vector<std::string>& errors, const std::string& piece, const std::function<void()>& f) {
  try {
    f();
    return true;
  } catch (const std::exception& e) {
    errors.push_back(piece + ": " + e.what());
  } catch (...) {
    errors.push_back(piece + ": rejected");
  }
  return false;
}

bool is_mode_piece(const std::string& raw) { return percent_decode(raw).rfind("mode=", 0) == 0; }

// "csv" or "csv:test_fraction=F": the fraction, validated.
double csv_test_fraction(const Spec& spec) {
  SpecReader reader(spec, "data");
  const double f = reader.number("test_fraction", kCsvTestFraction);
  reader.finish();
  if (!(f >= 0.0 && f < 1.0)) throw Error("invalid test_fraction for csv: " + format_number(f) + " (at least 0 and below 1)");
  return f;
}

int parse_run_number(const std::string& text, const std::string& what) {
  const std::int64_t n = parse_integer(text, what);
  if (n < 1 || n > 1000) throw Error("invalid " + what + " '" + text + "' (a run number from 1)");
  return static_cast<int>(n);
}

class NetLinkParser {
 public:
  ParsedNetLink parse(const std::string& fragment) {
    std::vector<Piece> pieces;
    for (const std::string& raw : split(fragment, '&')) {
      if (raw.empty()) continue;
      const std::string text = percent_decode(raw);
      const auto eq = text.find('=');
      if (eq == std::string::npos) {
        error(text, "missing '=' (expected key=value)");
        continue;
      }
      pieces.push_back({text.substr(0, eq), text.substr(eq + 1)});
    }
    // The preset first, wherever it is written, so every other key overrides it (as sim/link.h).
    for (const Piece& p : pieces)
      if (p.key == "preset") expand_preset(p);
    for (const Piece& p : pieces)
      if (p.key != "preset") one(p);
    resolve_csv();
    resolve_runs();
    resolve_references();
    NetLink& L = out_.link;
    if (L.at) {
      const std::int64_t limit = L.limit.value_or(NetScene::kMaxStepLimit);
      if (*L.at > limit) {
        error("at=" + std::to_string(*L.at), "step " + std::to_string(*L.at) + " is past the step limit " + std::to_string(limit));
        L.at.reset();
      }
    }
    // A preset link opens as the menu opens it, playing, unless a valid at=K or autoplay= says otherwise.
    if (L.preset && !L.autoplay && !L.at) L.autoplay = true;
    return std::move(out_);
  }

 private:
  void error(const std::string& piece, const std::string& why) { out_.errors.push_back(piece + ": " + why); }

  bool first_time(const Piece& p) {
    if (seen_.insert(p.key).second) return true;
    error(p.text(), "duplicate key '" + p.key + "' (the first one is used)");
    return false;
  }

  void expand_preset(const Piece& p) {
    if (!first_time(p)) return;
    const NetPreset* preset = find_net_preset(p.value);
    if (!preset) {
      error(p.text(), "unknown network preset '" + p.value + "' (known: " + net_preset_names() + ")");
      return;
    }
    out_.link = net_preset_link(*preset);
  }

  void one(const Piece& p) {
    NetLink& L = out_.link;
    const std::string piece = p.text();
    const std::string& v = p.value;
    if (p.key == "run") {
      written_runs_.push_back({});
      attempt(out_.errors, piece, [&] {
        LinkRun run;
        const auto at = v.find('@');
        run.optimizer = v.substr(0, at);
        make_optimizer(parse_spec(run.optimizer));
        if (at != std::string::npos) {
          run.scheduler = v.substr(at + 1);
          if (run.scheduler.empty()) throw Error("missing scheduler after '@'");
          make_scheduler(parse_spec(run.scheduler));
        }
        written_runs_.back() = std::move(run);
      });
      return;
    }
    if (p.key == "hide" || p.key == "colours" || p.key == "select") {
      if (first_time(p)) references_.push_back(p);
      return;
    }
    static const std::set<std::string> known = {"mode", "data", "csv", "model", "batch", "seed", "speed", "limit",
                                                "at",   "autoplay", "loop", "embed", "panels"};
    if (!known.count(p.key)) {
      error(piece, "unknown key '" + p.key + "' (not a network link's)");
      return;
    }
    if (!first_time(p)) return;
    attempt(out_.errors, piece, [&] {
      if (p.key == "mode") {
        if (v != "network") throw Error("a network link says mode=network");
      } else if (p.key == "data") {
        const Spec spec = parse_spec(v);
        if (spec.name == "csv")
          csv_test_fraction(spec);
        else
          make_dataset(spec, 0);
        L.data = v;
      } else if (p.key == "csv") {
        csv_piece_ = p;  // judged once data= is known (resolve_csv)
      } else if (p.key == "model") {
        parse_model(v);
        L.model = v;
      } else if (p.key == "batch") {
        const std::int64_t b = parse_integer(v, "batch");
        if (b < 1 || b > kMaxBatchSize) throw Error("invalid batch size: " + v + " (1 to " + std::to_string(kMaxBatchSize) + ")");
        L.batch = b;
      } else if (p.key == "seed") {
        L.seed = parse_seed(v, "seed");
      } else if (p.key == "speed") {
        const double s = parse_number(v, "speed");
        if (!(s >= NetScene::kMinSpeed && s <= NetScene::kMaxSpeed))
          throw Error("speed must be " + format_number(NetScene::kMinSpeed) + " to " + format_number(NetScene::kMaxSpeed) +
                      " steps per second");
        L.speed = s;
      } else if (p.key == "limit") {
        const std::int64_t n = parse_integer(v, "limit");
        if (n < 1 || n > NetScene::kMaxStepLimit) throw Error("step limit must be 1 to " + std::to_string(NetScene::kMaxStepLimit));
        L.limit = n;
      } else if (p.key == "at") {
        const std::int64_t n = parse_integer(v, "at");
        if (n < 0 || n > NetScene::kMaxStepLimit) throw Error("step must be 0 to " + std::to_string(NetScene::kMaxStepLimit));
        L.at = n;
      } else if (p.key == "autoplay") {
        L.autoplay = parse_bool(v, "autoplay");
      } else if (p.key == "loop") {
        L.loop = parse_bool(v, "loop");
      } else if (p.key == "embed") {
        L.embed = parse_bool(v, "embed");
      } else if (p.key == "panels") {
        const auto& known_panels = link_panel_names();
        std::vector<std::string> names;
        for (const std::string& name : split(v, ',')) {
          if (std::find(known_panels.begin(), known_panels.end(), name) == known_panels.end())
            throw Error("unknown panel '" + name + "' (known: " + join(known_panels, ", ") + ")");
          if (std::find(names.begin(), names.end(), name) != names.end()) throw Error("panel '" + name + "' listed twice");
          names.push_back(name);
        }
        L.panels = std::move(names);
      }
    });
  }

  // csv= goes with data=csv and nothing else; data=csv without a valid csv= is refused too.
  void resolve_csv() {
    NetLink& L = out_.link;
    const bool csv_data = L.data && parse_spec(*L.data).name == "csv";
    if (csv_piece_) {
      attempt(out_.errors, csv_piece_->text(), [&] {
        if (!csv_data) throw Error("a csv= part goes with data=csv");
        parse_csv_dataset(csv_piece_->value, csv_test_fraction(parse_spec(*L.data)), 0);
        L.csv = csv_piece_->value;
      });
    }
    if (csv_data && !L.csv) {
      error("data=" + *L.data, csv_piece_ ? "its csv= part was refused" : "data=csv needs a csv= part with the rows");
      L.data.reset();
    }
  }

  // Valid written runs replace the preset's; without run= keys, run numbers name the preset's runs.
  void resolve_runs() {
    NetLink& L = out_.link;
    bool any_valid = false;
    for (const auto& w : written_runs_) any_valid = any_valid || w.has_value();
    if (written_runs_.empty()) {
      for (std::size_t i = 0; i < L.runs.size(); ++i) number_to_index_[static_cast<int>(i) + 1] = static_cast<int>(i);
      return;
    }
    if (!any_valid) return;  // nothing replaces the preset's runs; references to written runs fail
    L.runs.clear();
    for (std::size_t i = 0; i < written_runs_.size(); ++i) {
      if (!written_runs_[i]) continue;
      if (static_cast<int>(L.runs.size()) >= NetScene::kMaxRuns) {
        error("run=" + written_runs_[i]->optimizer, "too many runs (at most " + std::to_string(NetScene::kMaxRuns) + "); this one is dropped");
        continue;
      }
      number_to_index_[static_cast<int>(i) + 1] = static_cast<int>(L.runs.size());
      L.runs.push_back(*written_runs_[i]);
    }
  }

  int run_index(const std::string& text, const std::string& what) {
    const int n = parse_run_number(text, what);
    const auto it = number_to_index_.find(n);
    if (it == number_to_index_.end()) throw Error("no run " + std::to_string(n) + " was loaded");
    return it->second;
  }

  void resolve_references() {
    NetLink& L = out_.link;
    for (const Piece& p : references_) {
      if (p.key == "hide") {
        for (const std::string& item : split(p.value, ','))
          attempt(out_.errors, "hide=" + item, [&] { L.runs[run_index(item, "hide")].visible = false; });
      } else if (p.key == "colours") {
        const auto items = split(p.value, ',');
        const std::size_t numbered = written_runs_.empty() ? L.runs.size() : written_runs_.size();
        if (items.size() != numbered) {
          error(p.text(), "expected one colour per run (" + std::to_string(numbered) + "), got " + std::to_string(items.size()));
          continue;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
          attempt(out_.errors, "colours=" + items[i], [&] {
            const auto it = number_to_index_.find(static_cast<int>(i) + 1);
            if (items[i] == "auto") {
              if (it != number_to_index_.end()) L.runs[it->second].colour = -1;
              return;
            }
            const std::int64_t c = parse_integer(items[i], "colour");
            if (c < 0 || c >= NetScene::kMaxRuns) throw Error("colour must be auto or 0 to " + std::to_string(NetScene::kMaxRuns - 1));
            if (it == number_to_index_.end()) throw Error("no run " + std::to_string(i + 1) + " was loaded");
            for (const LinkRun& other : L.runs)
              if (&other != &L.runs[it->second] && other.colour == c) throw Error("colour " + std::to_string(c) + " is already used by another run");
            L.runs[it->second].colour = static_cast<int>(c);
          });
        }
      } else if (p.key == "select") {
        attempt(out_.errors, p.text(), [&] { L.selected = run_index(p.value, "select"); });
      }
    }
  }

  ParsedNetLink out_;
  std::set<std::string> seen_;
  std::vector<std::optional<LinkRun>> written_runs_;
  std::vector<Piece> references_;
  std::optional<Piece> csv_piece_;
  std::map<int, int> number_to_index_;
};

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

bool NetLink::operator==(const NetLink& o) const {
  return preset == o.preset && data == o.data && csv == o.csv && model == o.model && batch == o.batch && seed == o.seed && runs == o.runs &&
         speed == o.speed && limit == o.limit && at == o.at && autoplay == o.autoplay && loop == o.loop && embed == o.embed &&
         panels == o.panels && selected == o.selected;
}

LinkMode link_mode(const std::string& hash_or_url, std::vector<std::string>* errors) {
  LinkMode mode = LinkMode::landscape;
  bool seen = false;
  bool network_preset = false;  // the first preset= names a network preset
  bool preset_seen = false;
  for (const std::string& raw : split(fragment_of(hash_or_url), '&')) {
    if (!preset_seen && percent_decode(raw).rfind("preset=", 0) == 0) {
      preset_seen = true;
      network_preset = find_net_preset(percent_decode(raw).substr(7)) != nullptr;
    }
    if (!is_mode_piece(raw)) continue;
    const std::string value = percent_decode(raw).substr(5);
    if (seen) continue;  // the first mode= decides (a duplicate is reported by the parser)
    seen = true;
    if (value == "network")
      mode = LinkMode::network;
    else if (value != "landscape" && errors)
      errors->push_back("mode=" + value + ": unknown mode '" + value + "' (landscape or network)");
  }
  return seen ? mode : network_preset ? LinkMode::network : LinkMode::landscape;
}

bool has_mode_piece(const std::string& hash_or_url) {
  for (const std::string& raw : split(fragment_of(hash_or_url), '&'))
    if (is_mode_piece(raw)) return true;
  return false;
}

std::string without_mode(const std::string& hash_or_url) {
  std::vector<std::string> kept;
  for (const std::string& raw : split(fragment_of(hash_or_url), '&'))
    if (!is_mode_piece(raw)) kept.push_back(raw);
  return "#" + join(kept, "&");
}

ParsedNetLink parse_net_link(const std::string& hash_or_url) {
  try {
    return NetLinkParser().parse(fragment_of(hash_or_url));
  } catch (const std::exception& e) {
    // Unreachable by design (every part is parsed under attempt()); a link never crashes the app.
    ParsedNetLink out;
    out.errors.push_back(std::string("link: ") + e.what());
    return out;
  }
}

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
  const NetScene defaults;
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
  if (scene.speed() != defaults.speed()) L.speed = scene.speed();
  if (scene.step_limit() != defaults.step_limit()) L.limit = scene.step_limit();
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
