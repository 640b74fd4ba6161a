// Links in and out of the App: the scene parts go through sim/link.h (apply_link,
// link_from_scene); the UI parts (view, panels, embed, loop, selection, anatomy) live here.
#include <optional>

#include "app/app.h"
#include "sim/link.h"
#include "sim/presets.h"
#include "sim/sweep_state.h"

namespace adamlab::app {
namespace {

bool same_view(const std::optional<Rect>& a, const std::optional<Rect>& b) {
  if (a.has_value() != b.has_value()) return false;
  return !a || (a->xmin == b->xmin && a->xmax == b->xmax && a->ymin == b->ymin && a->ymax == b->ymax);
}

// True when `scene` (and `view`) are exactly what loading preset `name` gives.
bool matches_preset(const Scene& scene, const std::optional<Rect>& view, const std::string& name) {
  if (!find_preset(name)) return false;
  const ParsedLink parsed = parse_link("#preset=" + name);
  if (!parsed.errors.empty()) return false;
  Scene fresh;
  if (!adamlab::apply_link(parsed.link, fresh).errors.empty()) return false;
  return same_view(view, parsed.link.view) && link_from_scene(fresh) == link_from_scene(scene);
}

}  // namespace

std::vector<std::string> App::apply_link(const std::string& text) {
  const ParsedLink parsed = parse_link(text);
  const AppliedLink applied = adamlab::apply_link(parsed.link, scene_);
  std::vector<std::string> errors = parsed.errors;
  errors.insert(errors.end(), applied.errors.begin(), applied.errors.end());
  errors = summarize_link_errors(errors);
  const SceneLink& L = parsed.link;

  ui::ShareState& share = ui_.share();
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
  if (L.sweep) ui_.sweep().request(parse_sweep_request(*L.sweep));
  error_.clear();
  loop_hold_ = 0;
  return errors;
}

std::vector<std::string> App::refuse_link(const std::string& why) {
  ui_.share().link_errors = {why};
  ui_.share().errors_dismissed = false;
  return {why};
}

std::string App::link() const { return build_link(false); }
std::string App::embed_link() const { return build_link(true); }

std::string App::build_link(bool embed) const {
  UiLinkState ui;
  const auto& share = ui_.share();
  ui.view = ui_.landscape().requested_view();
  ui.panels = share.panels;
  if (share.embed) ui.embed = true;
  if (share.loop) ui.loop = true;
  if (scene_.playing())
    ui.autoplay = true;
  else if (scene_.step_count() > 0)
    ui.at = scene_.step_count();
  if (embed) {
    ui.embed = ui.loop = ui.autoplay = true;
    ui.at.reset();
  }
  if (!scene_.runs().empty() && scene_.find(ui_.panel().selected()) && ui_.panel().selected() != scene_.runs().front().id)
    ui.selected_run_id = ui_.panel().selected();
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
