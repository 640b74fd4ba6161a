// Reading network links (nn/net_link.h): every piece under attempt(), so a link never throws.
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "data/dataset.h"
#include "nn/model.h"
#include "nn/net_link.h"
#include "nn/net_link_detail.h"
#include "nn/net_preset_link.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/noise.h"

namespace adamlab {

using namespace net_link_detail;

namespace {

class NetLinkParser {
 public:
  ParsedNetLink parse(const std::string& fragment) {
    std::vector<Piece> pieces;
    for (const std::string& raw : split_at(fragment, '&')) {
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
        for (const std::string& name : split_at(v, ',')) {
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
        for (const std::string& item : split_at(p.value, ','))
          attempt(out_.errors, "hide=" + item, [&] { L.runs[run_index(item, "hide")].visible = false; });
      } else if (p.key == "colours") {
        const auto items = split_at(p.value, ',');
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
  for (const std::string& raw : split_at(fragment_of(hash_or_url), '&')) {
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
  for (const std::string& raw : split_at(fragment_of(hash_or_url), '&'))
    if (is_mode_piece(raw)) return true;
  return false;
}

std::string without_mode(const std::string& hash_or_url) {
  std::vector<std::string> kept;
  for (const std::string& raw : split_at(fragment_of(hash_or_url), '&'))
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

}  // namespace adamlab
