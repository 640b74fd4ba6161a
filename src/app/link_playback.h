#pragma once
// The part of a page link both modes write the same way (app_link.cpp, app_network_link.cpp):
// panels, embed and loop from the share state, playing -> autoplay, paused -> at=STEP, an untouched
// preset -> autoplay=0, an embed always playing and looping, and the selected run unless it is
// the first. UiState is sim/link.h's UiLinkState or nn/net_link.h's NetUiLinkState.
#include "ui/ui_state.h"

namespace adamlab::app {

template <class UiState, class SceneT>
void fill_playback_link(UiState& ui, const ui::ShareState& share, const SceneT& scene, int selected, bool embed) {
  ui.panels = share.panels;
  if (share.embed) ui.embed = true;
  if (share.loop) ui.loop = true;
  if (scene.playing())
    ui.autoplay = true;
  else if (scene.step_count() > 0)
    ui.at = scene.step_count();
  else if (share.preset)
    ui.autoplay = false;  // a preset link plays unless told otherwise
  if (embed) {
    ui.embed = ui.loop = ui.autoplay = true;
    ui.at.reset();
  }
  if (!scene.runs().empty() && scene.find(selected) && selected != scene.runs().front().id) ui.selected_run_id = selected;
}

}  // namespace adamlab::app
