// Network links in and out of the App: the scene parts go through nn/net_link.h
// (load_net_link, net_link_from_scene); the UI parts (embed, loop, panels, selection) live here.
#include "app/app.h"
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
  share.preset.reset();
  share.panels = L.panels;
  share.embed = L.embed.value_or(false);
  share.loop = L.loop.value_or(false);
  share.link_errors = errors;
  share.errors_dismissed = false;
  if (applied.selected_run_id) ui_.net().select(*applied.selected_run_id);
  // Lessons (Reset back to a preset's start and view) are the landscape's; a network link is
  // reset by the scene's own Reset.
  lesson_link_.reset();
  lesson_state_.clear();
  error_.clear();
  loop_hold_ = 0;
  return errors;
}

std::string App::build_network_link(bool embed) const {
  NetUiLinkState ui;
  const auto& share = ui_.share();
  ui.panels = share.panels;
  if (share.embed) ui.embed = true;
  if (share.loop) ui.loop = true;
  if (net_scene_.playing())
    ui.autoplay = true;
  else if (net_scene_.step_count() > 0)
    ui.at = net_scene_.step_count();
  if (embed) {
    ui.embed = ui.loop = ui.autoplay = true;
    ui.at.reset();
  }
  if (!net_scene_.runs().empty() && net_scene_.find(ui_.net().selected()) && ui_.net().selected() != net_scene_.runs().front().id)
    ui.selected_run_id = ui_.net().selected();
  return to_link(net_link_from_scene(net_scene_, ui));
}

}  // namespace adamlab::app
