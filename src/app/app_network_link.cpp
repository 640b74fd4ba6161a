// Network links in and out of the App: the scene parts go through nn/net_link.h
// (load_net_link, net_link_from_scene); the UI parts (embed, loop, panels, selection) live here.
#include "app/app.h"
#include "app/link_playback.h"
#include "nn/net_link.h"
#include "sim/link.h"

namespace adamlab::app {

std::vector<std::string> App::apply_network_link(const std::string& text) {
  const ParsedNetLink parsed = parse_net_link(text);
  const AppliedLink applied = load_net_link(parsed.link, net_scene_);
  ui_.net().sweep().clear("cleared: a link replaced the network scene");  // its run ids start over
  std::vector<std::string> errors = parsed.errors;
  errors.insert(errors.end(), applied.errors.begin(), applied.errors.end());
  errors = summarize_link_errors(errors);
  const NetLink& L = parsed.link;

  ui::ShareState& share = ui_.share();
  share.mode = ui::Mode::network;
  scene_.pause();  // the landscape waits, as after the mode switch
  share.preset = L.preset;
  share.panels = L.panels;
  share.embed = L.embed.value_or(false);
  share.loop = L.loop.value_or(false);
  share.link_errors = errors;
  share.errors_dismissed = false;
  if (applied.selected_run_id) ui_.net().select(*applied.selected_run_id);
  // A preset or an embed is the lesson "Back to the lesson" returns to (as App::apply_link; the
  // network's Reset is the scene's own: step 0 of the same task and runs).
  lesson_link_.reset();
  if (L.preset || L.embed.value_or(false)) {
    NetLink lesson = L;
    lesson.at.reset();
    lesson.autoplay.reset();
    lesson_link_ = to_link(lesson);
    lesson_mode_ = ui::Mode::network;
  }
  lesson_state_ = lesson_link_ ? lesson_fingerprint() : std::string();
  error_.clear();
  loop_hold_ = 0;
  return errors;
}

std::string App::build_network_link(bool embed) const {
  NetUiLinkState ui;
  const auto& share = ui_.share();
  fill_playback_link(ui, share, net_scene_, ui_.net().selected(), embed);
  NetLink L = net_link_from_scene(net_scene_, ui);
  if (share.preset && matches_net_preset(*share.preset)) {
    // Unchanged since the preset loaded: its name says it all.
    NetLink short_link;
    short_link.preset = share.preset;
    short_link.at = L.at;
    short_link.autoplay = L.autoplay;
    short_link.loop = L.loop;
    short_link.embed = L.embed;
    short_link.panels = L.panels;
    short_link.selected = L.selected;
    return to_link(short_link);
  }
  return to_link(L);
}

}  // namespace adamlab::app
