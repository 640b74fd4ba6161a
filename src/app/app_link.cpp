// Links in and out of the App: the scene parts go through sim/link.h (apply_link,
// link_from_scene); the UI parts (view, panels, embed, loop, selection, anatomy) live here.
#include <map>
#include <optional>

#include "app/app.h"
#include "app/link_playback.h"
#include "nn/net_link.h"
#include "sim/link.h"
#include "sim/noise.h"
#include "sim/presets.h"
#include "sim/sweep_state.h"

namespace adamlab::app {
namespace {

bool same_view(const std::optional<Rect>& a, const std::optional<Rect>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->xmin == b->xmin && a->xmax == b->xmax && a->ymin == b->ymin && a->ymax == b->ymax);
}

// What loading preset `name` gives (its scene's link and its view), or nullopt if it does not
// load. Presets are constants, so each is loaded once: the page's link is built several times a
// second (address bar, getState, embed events), and loading a scene to compare costs milliseconds.
struct PresetScene {
  SceneLink link;
  std::optional<Rect> view;
};
const std::optional<PresetScene>& preset_scene(const std::string& name) {
  static std::map<std::string, std::optional<PresetScene>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return it->second;
  std::optional<PresetScene> loaded;
  const ParsedLink parsed = parse_link("#preset=" + name);
  Scene fresh;
  if (find_preset(name) && parsed.errors.empty() && adamlab::load_link(parsed.link, fresh).errors.empty())
    loaded = PresetScene{link_from_scene(fresh), parsed.link.view};
  return cache.emplace(name, std::move(loaded)).first->second;
}

// True when `scene` (and `view`) are exactly what loading preset `name` gives.
bool matches_preset(const Scene& scene, const std::optional<Rect>& view, const std::string& name) {
  const auto& preset = preset_scene(name);
  return preset && same_view(view, preset->view) && preset->link == link_from_scene(scene);
}

}  // namespace

std::vector<std::string> App::apply_link(const std::string& text) {
  // mode=network is read by nn/net_link.h (app_network_link.cpp); any other link is a landscape
  // link, read as it always was (a mode=landscape piece is dropped first).
  std::vector<std::string> mode_errors;
  if (link_mode(text, &mode_errors) == LinkMode::network) return apply_network_link(text);
  const ParsedLink parsed = parse_link(has_mode_piece(text) ? without_mode(text) : text);
  const AppliedLink applied = adamlab::load_link(parsed.link, scene_);
  std::vector<std::string> errors = mode_errors;
  errors.insert(errors.end(), parsed.errors.begin(), parsed.errors.end());
  errors.insert(errors.end(), applied.errors.begin(), applied.errors.end());
  errors = summarize_link_errors(errors);
  const SceneLink& L = parsed.link;

  ui::ShareState& share = ui_.share();
  share.mode = ui::Mode::landscape;
  net_scene_.pause();
  share.preset = L.preset;
  share.panels = L.panels;
  share.embed = L.embed.value_or(false);
  share.loop = L.loop.value_or(false);
  share.link_errors = errors;
  share.errors_dismissed = false;
  ui_.landscape().set_view(L.view, scene_.problem_spec());
  if (applied.selected_run_id)
    ui_.panel().select(*applied.selected_run_id);
  else if (!L.runs.empty() && !scene_.runs().empty())
    ui_.panel().select(scene_.runs().front().id);
  ui::AnatomyCursor& anatomy = ui_.anatomy();
  anatomy = ui::AnatomyCursor{};
  if (applied.anatomy_run_id) {
    anatomy.run_id = *applied.anatomy_run_id;
    anatomy.bias_correction = L.anatomy_bias_correction;
    ui_.panel().select(*applied.anatomy_run_id);
  }
  // A sweep starts at the next frame for the selected run (a refusal joins the link's errors then).
  ui_.sweep().cancel();
  ui_.sweep().clear();
  if (L.sweep) ui_.sweep().request(parse_sweep_request(*L.sweep));
  error_.clear();
  loop_hold_ = 0;
  // A tutorial figure or a lesson: what Reset and "back to the lesson" return to. The link is kept
  // whole (the preset expanded), so it restores exactly what was loaded; without at= and
  // autoplay=, so the same lesson opened paused at step 40 or playing is the same lesson.
  lesson_link_.reset();
  if (L.preset || L.embed.value_or(false)) {
    SceneLink lesson = L;
    lesson.at.reset();
    lesson.autoplay.reset();
    lesson_link_ = to_link(lesson);
    lesson_mode_ = ui::Mode::landscape;
    lesson_problem_ = scene_.problem_spec();
    lesson_start_ = scene_.start();
    lesson_view_ = L.view;
  }
  lesson_state_ = lesson_link_ ? lesson_fingerprint() : std::string();
  return errors;
}

std::vector<std::string> App::refuse_link(const std::string& why) {
  ui_.share().link_errors = {why};
  ui_.share().errors_dismissed = false;
  return {why};
}

// Everything a reader would call "the figure": problem, start, view, runs as configured, speed,
// limit, noise. Not the step or whether it plays.
std::string App::lesson_fingerprint() const {
  if (network()) return net_lesson_fingerprint();
  std::string s = scene_.problem_spec() + "|" + format_number(scene_.start()[0]) + "," +
                  format_number(scene_.start()[1]) + "|";
  if (const auto& v = ui_.landscape().requested_view())
    s += format_number(v->xmin) + "," + format_number(v->xmax) + "," + format_number(v->ymin) + "," +
         format_number(v->ymax);
  for (const auto& r : scene_.runs())
    s += "|" + to_string(r.optimizer) + "@" + r.scheduler + (r.visible ? "" : ",hidden") + ",c" +
         std::to_string(r.colour);
  s += "|" + format_number(scene_.speed()) + "|" + std::to_string(scene_.step_limit()) + "|" +
       to_string(noise_spec(scene_.noise())) + "," + std::to_string(scene_.noise().seed);
  return s;
}

bool App::lesson_changed() const { return in_lesson() && lesson_fingerprint() != lesson_state_; }

void App::restore_lesson() {
  if (!lesson_link_) return;
  const std::string link = *lesson_link_;  // apply_link() replaces lesson_link_ with the same text
  apply_link(link);
  network() ? net_scene_.play() : scene_.play();  // a figure is there to be watched
}

void App::reset() {
  if (network()) return net_scene_.reset();
  if (in_lesson() && scene_.problem_spec() != lesson_problem_) {
    // Another landscape altogether: the lesson's start means nothing on it, so the whole lesson.
    const bool playing = scene_.playing();
    restore_lesson();
    if (!playing) scene_.pause();
    return;
  }
  if (in_lesson()) {
    // The lesson's start and view; the reader's own edits to the runs stay (the "back to the
    // lesson" affordance, restore_lesson, undoes those too).
    if (scene_.start() != lesson_start_) scene_.set_start(lesson_start_[0], lesson_start_[1]);
    ui_.landscape().set_view(lesson_view_, scene_.problem_spec());
  }
  scene_.reset();
}

std::string App::link() const { return build_link(false); }
std::string App::embed_link() const { return build_link(true); }

std::string App::build_link(bool embed) const {
  if (network()) return build_network_link(embed);
  UiLinkState ui;
  const auto& share = ui_.share();
  ui.view = ui_.landscape().requested_view();
  fill_playback_link(ui, share, scene_, ui_.panel().selected(), embed);
  if (ui_.anatomy().run_id) {
    ui.anatomy_run_id = ui_.anatomy().run_id;
    ui.anatomy_bias_correction = ui_.anatomy().bias_correction;
  }
  ui.sweep = ui_.sweep().link_value();
  SceneLink L = link_from_scene(scene_, ui);
  if (share.preset && matches_preset(scene_, ui.view, *share.preset)) {
    // Unchanged since the preset loaded: its name says it all.
    SceneLink short_link;
    short_link.preset = share.preset;
    short_link.at = L.at;
    short_link.autoplay = L.autoplay;
    short_link.loop = L.loop;
    short_link.embed = L.embed;
    short_link.panels = L.panels;
    short_link.selected = L.selected;
    short_link.anatomy = L.anatomy;
    short_link.anatomy_bias_correction = L.anatomy_bias_correction;
    short_link.sweep = L.sweep;
    return to_link(short_link);
  }
  return to_link(L);
}

}  // namespace adamlab::app
