#pragma once
// Play, step, reset, the step counter, speed and step limit: one set of widgets for both scene
// kinds (Scene and NetScene share the playback commands), so the two modes play alike.
#include "ui/commands.h"

namespace adamlab::ui {

// The control column's playback block. Explicitly instantiated for Scene and NetScene.
template <class S>
void draw_playback_controls(const S& scene, BasicCommandQueue<S>& commands, bool touch);

// The map toolbar's buttons (Play/Pause, Step on a phone, Reset) and the step counter.
template <class S>
void draw_toolbar_playback(const S& scene, BasicCommandQueue<S>& commands, bool phone);

// Space plays or pauses, Right steps once, R resets (not while a text field has the keyboard).
template <class S>
void handle_playback_keys(BasicCommandQueue<S>& commands);

}  // namespace adamlab::ui
