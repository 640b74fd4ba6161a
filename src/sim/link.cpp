#include "sim/link.h"

#include <algorithm>
#include <cmath>
#include <exception>
#include <functional>
#include <map>
#include <set>
#include <utility>

#include "core/error.h"
#include "core/percent.h"
#include "core/split.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/noise.h"
#include "sim/palette.h"
#include "sim/link_pieces.h"
#include "sim/presets.h"
#include "sim/sweep_state.h"
#include "sim/view_rect.h"

namespace adamlab {
namespace {

using link_pieces::attempt;
using link_pieces::fragment_of;
using link_pieces::join;
using link_pieces::Piece;

std::string canonical_spec(const std::string& kind, const Spec& spec) {
  if (kind == "optimizer") return to_string(make_optimizer(spec)->spec());
  if (kind == "scheduler") return to_string(make_scheduler(spec)->spec());
  if (kind == "problem") return to_string(make_problem(spec)->spec());
  if (kind == "noise") return to_string(noise_spec(parse_noise(to_string(spec))));
  throw Error("unknown spec kind '" + kind + "'");
}

const std::vector<std::string> kPanels = {"landscape", "loss", "lr", "params", "runs", "anatomy"};

std::string preset_names() {
  std::vector<std::string> names;
  for (const auto& p : presets()) names.push_back(p.name);
  return join(names, ", ");
}

// A 1-based run number as written in hide/colours/select/anatomy.
int parse_run_number(const std::string& text, const std::string& what) {
  const std::int64_t n = parse_integer(text, what);
  if (n < 1 || n > 1000) throw Error("invalid " + what + " '" + text + "' (a run number from 1)");
  return static_cast<int>(n);
}

class LinkParser {
 public:
  explicit LinkParser(bool allow_preset) : allow_preset_(allow_preset) {}

  ParsedLink parse(const std::string& fragment) {
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
    // The preset first, wherever it is written, so every other key overrides it.
    for (const Piece& p : pieces)
      if (p.key == "preset") expand_preset(p);
    for (const Piece& p : pieces)
      if (p.key != "preset") one(p);
    resolve_runs();
    resolve_references();
    if (out_.link.at) {
      const std::int64_t limit = out_.link.limit.value_or(Scene::kMaxStepLimit);
      if (*out_.link.at > limit) {
        error("at=" + std::to_string(*out_.link.at),
              "step " + std::to_string(*out_.link.at) + " is past the step limit " + std::to_string(limit));
        out_.link.at.reset();
      }
    }
    // A preset link opens as the menu opens it, playing; a valid at=K (a paused moment) or
    // autoplay= says otherwise (a refused one is as if absent, so the canonical link, which
    // leaves it out, parses back the same).
    if (out_.link.preset && !out_.link.autoplay && !out_.link.at) out_.link.autoplay = true;
    return std::move(out_);
  }

 private:
  struct WrittenRun {
    std::optional<LinkRun> run;  // empty if rejected
  };
  struct Reference {
    Piece piece;
  };

  void error(const std::string& piece, const std::string& why) { out_.errors.push_back(piece + ": " + why); }

  bool first_time(const Piece& p) {
    if (seen_.insert(p.key).second) return true;
    error(p.text(), "duplicate key '" + p.key + "' (the first one is used)");
    return false;
  }

  void expand_preset(const Piece& p) {
    if (!first_time(p)) return;
    if (!allow_preset_) {
      error(p.text(), "a preset cannot name another preset");
      return;
    }
    const Preset* preset = find_preset(p.value);
    if (!preset) {
      error(p.text(), "unknown preset '" + p.value + "' (known: " + preset_names() + ")");
      return;
    }
    ParsedLink base = LinkParser(false).parse(preset->link);
    for (const auto& e : base.errors) out_.errors.push_back(p.text() + ": " + e);
    out_.link = std::move(base.link);
    out_.link.preset = preset->name;
  }

  void one(const Piece& p) {
    SceneLink& L = out_.link;
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
        written_runs_.back().run = std::move(run);
      });
      return;
    }
    if (p.key == "hide" || p.key == "colours" || p.key == "select" || p.key == "anatomy") {
      if (first_time(p)) references_.push_back({p});
      return;
    }
    static const std::set<std::string> known = {"problem", "view",     "start", "speed",  "limit",
                                                "at",      "autoplay", "loop",  "embed",  "panels",
                                                "noise",   "seed",     "sweep"};
    if (!known.count(p.key)) {
      error(piece, "unknown key '" + p.key + "'");
      return;
    }
    if (!first_time(p)) return;
    attempt(out_.errors, piece, [&] {
      if (p.key == "problem") {
        make_problem(parse_spec(v));
        L.problem = v;
      } else if (p.key == "view") {
        const auto parts = split_at(v, ',');
        if (parts.size() != 4) throw Error("expected XMIN,XMAX,YMIN,YMAX");
        const Rect r{parse_number(parts[0], "view xmin"), parse_number(parts[1], "view xmax"),
                     parse_number(parts[2], "view ymin"), parse_number(parts[3], "view ymax")};
        if (const std::string why = view_rect_problem(r); !why.empty()) throw Error(why);
        L.view = r;
      } else if (p.key == "start") {
        const Point2 s = parse_point(v, "start");
        L.start = Eigen::Vector2d(s.x, s.y);
      } else if (p.key == "speed") {
        const double s = parse_number(v, "speed");
        if (!(s >= Scene::kMinSpeed && s <= Scene::kMaxSpeed))
          throw Error("speed must be " + format_number(Scene::kMinSpeed) + " to " + format_number(Scene::kMaxSpeed) +
                      " steps per second");
        L.speed = s;
      } else if (p.key == "limit") {
        const std::int64_t n = parse_integer(v, "limit");
        if (n < 1 || n > Scene::kMaxStepLimit)
          throw Error("step limit must be 1 to " + std::to_string(Scene::kMaxStepLimit));
        L.limit = n;
      } else if (p.key == "at") {
        const std::int64_t n = parse_integer(v, "at");
        if (n < 0 || n > Scene::kMaxStepLimit) throw Error("step must be 0 to " + std::to_string(Scene::kMaxStepLimit));
        L.at = n;
      } else if (p.key == "autoplay") {
        L.autoplay = parse_bool(v, "autoplay");
      } else if (p.key == "loop") {
        L.loop = parse_bool(v, "loop");
      } else if (p.key == "embed") {
        L.embed = parse_bool(v, "embed");
      } else if (p.key == "panels") {
        std::vector<std::string> names;
        for (const std::string& name : split_at(v, ',')) {
          if (std::find(kPanels.begin(), kPanels.end(), name) == kPanels.end())
            throw Error("unknown panel '" + name + "' (known: " + join(kPanels, ", ") + ")");
          if (std::find(names.begin(), names.end(), name) != names.end())
            throw Error("panel '" + name + "' listed twice");
          names.push_back(name);
        }
        L.panels = std::move(names);
      } else if (p.key == "noise") {
        parse_noise(v);
        L.noise = v;
      } else if (p.key == "seed") {
        L.seed = parse_seed(v, "seed");
      } else if (p.key == "sweep") {
        L.sweep = to_string(parse_sweep_request(v));
      }
    });
  }

  // Valid written runs replace the preset's; run numbers as written map to indices in link.runs.
  void resolve_runs() {
    SceneLink& L = out_.link;
    bool any_valid = false;
    for (const auto& w : written_runs_) any_valid = any_valid || w.run.has_value();
    if (written_runs_.empty()) {
      for (std::size_t i = 0; i < L.runs.size(); ++i) number_to_index_[static_cast<int>(i) + 1] = static_cast<int>(i);
      return;
    }
    if (!any_valid) return;  // nothing replaces the preset's runs; references to written runs fail
    L.runs.clear();
    // The preset's references named its own runs.
    L.selected.reset();
    L.anatomy.reset();
    L.anatomy_bias_correction = true;
    for (std::size_t i = 0; i < written_runs_.size(); ++i) {
      if (!written_runs_[i].run) continue;
      if (static_cast<int>(L.runs.size()) >= Scene::kMaxRuns) {
        error("run=" + spec_of(*written_runs_[i].run),
              "too many runs (at most " + std::to_string(Scene::kMaxRuns) + "); this one is dropped");
        continue;
      }
      number_to_index_[static_cast<int>(i) + 1] = static_cast<int>(L.runs.size());
      L.runs.push_back(*written_runs_[i].run);
    }
  }

  static std::string spec_of(const LinkRun& r) {
    return r.scheduler.empty() ? r.optimizer : r.optimizer + "@" + r.scheduler;
  }

  int run_index(const std::string& text, const std::string& what) {
    const int n = parse_run_number(text, what);
    const auto it = number_to_index_.find(n);
    if (it == number_to_index_.end()) throw Error("no run " + std::to_string(n) + " was loaded");
    return it->second;
  }

  void resolve_references() {
    SceneLink& L = out_.link;
    for (const Reference& ref : references_) {
      const Piece& p = ref.piece;
      const std::string piece = p.text();
      if (p.key == "hide") {
        for (const std::string& item : split_at(p.value, ','))
          attempt(out_.errors, "hide=" + item, [&] { L.runs[run_index(item, "hide")].visible = false; });
      } else if (p.key == "colours") {
        const auto items = split_at(p.value, ',');
        std::size_t written = written_runs_.empty() ? L.runs.size() : written_runs_.size();
        if (items.size() != written) {
          error(piece, "expected one colour per run (" + std::to_string(written) + "), got " +
                           std::to_string(items.size()));
          continue;
        }
        for (std::size_t i = 0; i < items.size(); ++i) {
          attempt(out_.errors, "colours=" + items[i], [&] {
            const int n = static_cast<int>(i) + 1;
            const auto it = number_to_index_.find(n);
            if (items[i] == "auto") {
              if (it != number_to_index_.end()) L.runs[it->second].colour = -1;
              return;
            }
            const std::int64_t c = parse_integer(items[i], "colour");
            if (c < 0 || c >= Scene::kMaxRuns)
              throw Error("colour must be auto or 0 to " + std::to_string(Scene::kMaxRuns - 1));
            if (it == number_to_index_.end()) throw Error("no run " + std::to_string(n) + " was loaded");
            for (const LinkRun& other : L.runs)
              if (&other != &L.runs[it->second] && other.colour == c)
                throw Error("colour " + std::to_string(c) + " is already used by another run");
            L.runs[it->second].colour = static_cast<int>(c);
          });
        }
      } else if (p.key == "select") {
        attempt(out_.errors, piece, [&] { L.selected = run_index(p.value, "select"); });
      } else if (p.key == "anatomy") {
        attempt(out_.errors, piece, [&] {
          const auto parts = split_at(p.value, ',');
          if (parts.size() > 2 || (parts.size() == 2 && parts[1] != "nobc"))
            throw Error("expected N or N,nobc");
          L.anatomy = run_index(parts[0], "anatomy");
          L.anatomy_bias_correction = parts.size() == 1;
        });
      }
    }
  }

  bool allow_preset_;
  ParsedLink out_;
  std::set<std::string> seen_;
  std::vector<WrittenRun> written_runs_;
  std::vector<Reference> references_;
  std::map<int, int> number_to_index_;
};

// The scene's noise command, if this build's Scene has one: a Scene gaining
// `void set_noise(const GradientNoise&)` makes links carry noise with no change here.
template <class S>
auto set_scene_noise(S& scene, const GradientNoise& noise, int) -> decltype(scene.set_noise(noise), void()) {
  scene.set_noise(noise);
}
template <class S>
void set_scene_noise(S&, const GradientNoise&, long) {
  throw Error("this build's scene does not take gradient noise yet");
}

// The colours a link's runs get: explicit ones kept, the others by optimizer (sim/palette.h), all
// the runs seen at once so the result does not depend on the order they are added in.
std::vector<int> link_colours(const std::vector<LinkRun>& runs) {
  std::vector<Spec> optimizers;
  std::vector<int> explicit_colours;
  for (const LinkRun& r : runs) {
    Spec spec;
    try {
      spec = parse_spec(r.optimizer);
    } catch (const Error&) {
      // Refused when the run is added; a name-less spec claims no colour meanwhile.
    }
    optimizers.push_back(std::move(spec));
    explicit_colours.push_back(r.colour);
  }
  return assign_colours(optimizers, explicit_colours, Scene::kMaxRuns);
}

// The run is added (taking a colour of its own) and recoloured; refused, it is removed again.
int add_run_with_colour(Scene& scene, const LinkRun& run, int colour) {
  const int id = scene.add_run(run.optimizer, run.scheduler);
  if (colour < 0 || scene.find(id)->colour == colour) return id;
  try {
    scene.set_colour(id, colour);
  } catch (...) {
    scene.remove_run(id);
    throw;
  }
  return id;
}

}  // namespace

bool SceneLink::operator==(const SceneLink& o) const {
  auto same_rect = [](const std::optional<Rect>& a, const std::optional<Rect>& b) {
    if (a.has_value() != b.has_value()) return false;
    return !a || (a->xmin == b->xmin && a->xmax == b->xmax && a->ymin == b->ymin && a->ymax == b->ymax);
  };
  return preset == o.preset && problem == o.problem && same_rect(view, o.view) && start == o.start &&
         runs == o.runs && speed == o.speed && limit == o.limit && at == o.at && autoplay == o.autoplay &&
         loop == o.loop && embed == o.embed && panels == o.panels && noise == o.noise && seed == o.seed &&
         selected == o.selected && anatomy == o.anatomy && anatomy_bias_correction == o.anatomy_bias_correction &&
         sweep == o.sweep;
}

const std::vector<std::string>& link_panel_names() { return kPanels; }

ParsedLink parse_link(const std::string& hash_or_url) {
  try {
    return LinkParser(true).parse(fragment_of(hash_or_url));
  } catch (const std::exception& e) {
    // Unreachable by design (every part is parsed under attempt()); never let a link crash the app.
    ParsedLink out;
    out.errors.push_back(std::string("link: ") + e.what());
    return out;
  }
}

std::vector<std::string> summarize_link_errors(const std::vector<std::string>& errors) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < errors.size() && i < kMaxLinkErrors; ++i) {
    // Control characters (a decoded %00 or %0A) go back to their escapes: a message stays one
    // readable line, and a NUL cannot end it early in C strings or ImGui.
    std::string e = percent_encode(errors[i], [](unsigned char u) { return u < 0x20 || u == 0x7f; });
    if (e.size() > kMaxLinkErrorChars) {
      std::size_t cut = kMaxLinkErrorChars - 3;
      while (cut > 0 && (static_cast<unsigned char>(e[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
      e = e.substr(0, cut) + "...";
    }
    out.push_back(std::move(e));
  }
  if (errors.size() > kMaxLinkErrors)
    out.push_back("... and " + std::to_string(errors.size() - kMaxLinkErrors) + " more");
  return out;
}

std::string to_link(const SceneLink& L) {
  std::vector<std::string> parts;
  auto put = [&](const std::string& key, const std::string& value) {
    parts.push_back(key + "=" + link_pieces::escape_value(value));
  };
  auto flag = [](bool b) { return std::string(b ? "1" : "0"); };
  if (L.preset) put("preset", *L.preset);
  if (L.problem) put("problem", *L.problem);
  if (L.view)
    put("view", format_number(L.view->xmin) + "," + format_number(L.view->xmax) + "," + format_number(L.view->ymin) +
                    "," + format_number(L.view->ymax));
  if (L.start) put("start", format_number((*L.start)[0]) + "," + format_number((*L.start)[1]));
  std::vector<std::string> hidden, colours;
  bool any_colour = false;
  for (std::size_t i = 0; i < L.runs.size(); ++i) {
    const LinkRun& r = L.runs[i];
    put("run", r.scheduler.empty() ? r.optimizer : r.optimizer + "@" + r.scheduler);
    if (!r.visible) hidden.push_back(std::to_string(i + 1));
    colours.push_back(r.colour < 0 ? "auto" : std::to_string(r.colour));
    any_colour = any_colour || r.colour >= 0;
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
  if (L.noise) put("noise", *L.noise);
  if (L.seed) put("seed", std::to_string(*L.seed));
  if (L.selected) put("select", std::to_string(*L.selected + 1));
  if (L.anatomy) put("anatomy", std::to_string(*L.anatomy + 1) + (L.anatomy_bias_correction ? "" : ",nobc"));
  if (L.sweep) put("sweep", *L.sweep);
  return "#" + join(parts, "&");
}

namespace {

std::string compute_shortest_spec(const std::string& kind, const std::string& text) {
  try {
    Spec spec = parse_spec(text);
    const std::string full = canonical_spec(kind, spec);
    for (std::size_t i = 0; i < spec.params.size();) {
      Spec without = spec;
      without.params.erase(without.params.begin() + static_cast<std::ptrdiff_t>(i));
      bool same = false;
      try {
        same = canonical_spec(kind, without) == full;
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

std::string shortest_spec(const std::string& kind, const std::string& text) {
  // A pure function the page calls for every run whenever it builds its link (several times a
  // second per embed), and each call builds the optimizer once per key: remembered. Bounded, so
  // a hostile stream of specs cannot grow it.
  static std::map<std::pair<std::string, std::string>, std::string> memo;
  auto key = std::make_pair(kind, text);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  std::string result = compute_shortest_spec(kind, text);
  if (memo.size() >= 512) memo.clear();
  memo.emplace(std::move(key), result);
  return result;
}

SceneLink link_from_scene(const Scene& scene, const UiLinkState& ui) {
  SceneLink L;
  const bool full = ui.preset.has_value();
  const Scene defaults;
  L.preset = ui.preset;
  L.problem = shortest_spec("problem", scene.problem_spec());
  const Eigen::Vector2d default_start = scene.problem().start();
  if (full || scene.start() != default_start) L.start = scene.start();
  L.view = ui.view;
  std::vector<Spec> optimizers;
  std::vector<int> colours;
  for (std::size_t i = 0; i < scene.runs().size(); ++i) {
    const SceneRun& r = scene.runs()[i];
    LinkRun run;
    run.optimizer = shortest_spec("optimizer", to_string(r.optimizer));
    run.scheduler = r.scheduler.empty() ? "" : shortest_spec("scheduler", r.scheduler);
    run.visible = r.visible;
    run.colour = r.colour;
    optimizers.push_back(r.optimizer);
    colours.push_back(r.colour);
    L.runs.push_back(std::move(run));
    if (ui.selected_run_id && *ui.selected_run_id == r.id) L.selected = static_cast<int>(i);
    if (ui.anatomy_run_id && *ui.anatomy_run_id == r.id) {
      L.anatomy = static_cast<int>(i);
      L.anatomy_bias_correction = ui.anatomy_bias_correction;
    }
  }
  // Colours a link would give anyway are left out (the link stays short and readable).
  if (assign_colours(optimizers, {}, Scene::kMaxRuns) == colours)
    for (auto& run : L.runs) run.colour = -1;
  if (full || scene.speed() != defaults.speed()) L.speed = scene.speed();
  if (full || scene.step_limit() != defaults.step_limit()) L.limit = scene.step_limit();
  L.at = ui.at;
  L.autoplay = ui.autoplay;
  L.loop = ui.loop;
  L.embed = ui.embed;
  L.panels = ui.panels;
  L.sweep = ui.sweep;
  // Runs carry the scene's noise (all share it), so no Scene accessor is needed.
  if (!scene.runs().empty()) {
    const GradientNoise& n = scene.runs().front().run.noise();
    if (n.enabled()) {
      L.noise = shortest_spec("noise", to_string(noise_spec(n)));
      L.seed = n.seed;
    }
  }
  return L;
}

AppliedLink apply_link(const SceneLink& L, Scene& scene) {
  AppliedLink out;
  out.run_ids.assign(L.runs.size(), -1);
  auto& errors = out.errors;
  try {
    if (L.problem) attempt(errors, "problem=" + *L.problem, [&] { scene.set_problem(*L.problem); });
    if (L.start)
      attempt(errors, "start=" + format_number((*L.start)[0]) + "," + format_number((*L.start)[1]),
              [&] { scene.set_start((*L.start)[0], (*L.start)[1]); });
    if (L.limit) attempt(errors, "limit=" + std::to_string(*L.limit), [&] { scene.set_step_limit(*L.limit); });
    if (L.speed) attempt(errors, "speed=" + format_number(*L.speed), [&] { scene.set_speed(*L.speed); });
    if (L.noise) {
      attempt(errors, "noise=" + *L.noise, [&] {
        GradientNoise noise = parse_noise(*L.noise);
        noise.seed = L.seed.value_or(0);
        set_scene_noise(scene, noise, 0);
      });
    }
    if (!L.runs.empty()) {
      scene.pause();
      std::vector<int> ids;
      for (const auto& r : scene.runs()) ids.push_back(r.id);
      for (int id : ids) scene.remove_run(id);
      scene.reset();
      const std::vector<int> colours = link_colours(L.runs);
      for (std::size_t i = 0; i < L.runs.size(); ++i) {
        const LinkRun& r = L.runs[i];
        const int colour = colours[i];
        attempt(errors, "run=" + (r.scheduler.empty() ? r.optimizer : r.optimizer + "@" + r.scheduler), [&] {
          const int id = add_run_with_colour(scene, r, colour);
          scene.set_visible(id, r.visible);
          out.run_ids[i] = id;
        });
      }
    }
    if (L.at) {
      attempt(errors, "at=" + std::to_string(*L.at), [&] {
        if (*L.at > scene.step_limit())
          throw Error("step " + std::to_string(*L.at) + " is past the step limit " +
                      std::to_string(scene.step_limit()));
        scene.pause();
        scene.reset();
        scene.step(*L.at);
      });
    }
    if (L.autoplay) {
      if (*L.autoplay)
        scene.play();
      else
        scene.pause();
    }
    auto resolve = [&](const std::optional<int>& index) -> std::optional<int> {
      if (!index || *index < 0 || *index >= static_cast<int>(out.run_ids.size()) || out.run_ids[*index] < 0)
        return std::nullopt;
      return out.run_ids[*index];
    };
    out.selected_run_id = resolve(L.selected);
    out.anatomy_run_id = resolve(L.anatomy);
  } catch (const std::exception& e) {
    errors.push_back(std::string("link: ") + e.what());
  }
  return out;
}

AppliedLink load_link(const SceneLink& L, Scene& scene) {
  const Scene defaults = Scene::with_default_runs();
  try {
    // Runs go first, so the default parts below replay nothing.
    scene.pause();
    std::vector<int> ids;
    for (const auto& r : scene.runs()) ids.push_back(r.id);
    for (int id : ids) scene.remove_run(id);
    scene.set_noise(GradientNoise{});
    scene.set_problem(defaults.problem_spec());
    scene.set_step_limit(defaults.step_limit());
    scene.set_speed(defaults.speed());
    scene.reset();
  } catch (const std::exception& e) {
    // Unreachable: the defaults are valid by construction. Never let a link crash the app.
    AppliedLink out;
    out.errors.push_back(std::string("link: defaults: ") + e.what());
    return out;
  }
  AppliedLink out = apply_link(L, scene);
  if (L.runs.empty()) {
    // No runs named: the default page's runs, on whatever problem and start the link chose (each
    // replays to the scene's step, so at= holds for them too).
    for (const auto& r : defaults.runs()) {
      try {
        scene.add_run(to_string(r.optimizer), r.scheduler);
      } catch (const std::exception& e) {
        out.errors.push_back("run=" + to_string(r.optimizer) + ": " + e.what());
      }
    }
    if (!scene.runs().empty() && !out.selected_run_id) out.selected_run_id = scene.runs().front().id;
  }
  if (!L.autoplay.value_or(false)) scene.pause();
  return out;
}

}  // namespace adamlab
