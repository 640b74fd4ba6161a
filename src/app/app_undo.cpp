// Undo and redo in the App: each mode's scene as its link (sim/link.h, nn/net_link.h) in a
// sim/undo_history.h, recorded after every edit and restored by loading the link.
#include <algorithm>

#include "app/app.h"
#include "app/link_playback.h"
#include "imgui.h"
#include "nn/net_link.h"
#include "sim/link.h"

namespace adamlab::app {
namespace {

// Pieces that say where the reader looks or what the page shows, not what the scene is: restored
// with a step, never a step of their own. Playback (at=, autoplay=) is not in a snapshot at all.
const std::vector<std::string>& quiet_keys() {
  static const std::vector<std::string> keys{"view", "select", "anatomy", "sweep", "panels", "embed", "loop"};
  return keys;
}

// Enough for a few steps of a large user CSV (a link is at most kMaxLinkChars) and any number of
// ordinary links (a few hundred bytes each).
constexpr UndoHistory::Limits kLimits{100, std::size_t{4} << 20};

// The context: the preset the scene came from and the lesson, each "1text" or "0".
std::string context_of(const std::optional<std::string>& preset, const std::optional<std::string>& lesson) {
  return (preset ? "1" + *preset : std::string("0")) + "\n" + (lesson ? "1" + *lesson : std::string("0"));
}
void read_context(const std::string& context, std::optional<std::string>& preset, std::optional<std::string>& lesson) {
  const std::size_t nl = context.find('\n');
  const std::string p = context.substr(0, nl), l = nl == std::string::npos ? "0" : context.substr(nl + 1);
  preset = !p.empty() && p[0] == '1' ? std::optional<std::string>(p.substr(1)) : std::nullopt;
  lesson = !l.empty() && l[0] == '1' ? std::optional<std::string>(l.substr(1)) : std::nullopt;
}

}  // namespace

UndoState App::undo_state(ui::Mode mode) const {
  const auto& share = ui_.share();
  // The lesson belongs to the mode it was loaded in, and so does the preset name.
  const bool own = lesson_mode_ == mode;
  const std::optional<std::string> lesson = own ? lesson_link_ : std::nullopt;
  const std::optional<std::string> preset = share.mode == mode ? share.preset : std::nullopt;
  if (mode == ui::Mode::network) {
    NetUiLinkState ui;
    fill_playback_link(ui, share, net_scene_, ui_.net().selected(), false);
    ui.at.reset();
    ui.autoplay.reset();
    return UndoState{to_link(net_link_from_scene(net_scene_, ui)), context_of(preset, lesson)};
  }
  UiLinkState ui;
  ui.view = ui_.landscape().requested_view();
  fill_playback_link(ui, share, scene_, ui_.panel().selected(), false);
  ui.at.reset();
  ui.autoplay.reset();
  if (ui_.anatomy().run_id) {
    ui.anatomy_run_id = ui_.anatomy().run_id;
    ui.anatomy_bias_correction = ui_.anatomy().bias_correction;
  }
  ui.sweep = ui_.sweep().link_value();
  return UndoState{to_link(link_from_scene(scene_, ui)), context_of(preset, lesson)};
}

void App::forget_undo() {
  for (ui::Mode m : {ui::Mode::landscape, ui::Mode::network}) {
    UndoHistory& h = undo_[m == ui::Mode::network ? 1 : 0];
    h = UndoHistory(quiet_keys(), kLimits);
    h.reset(undo_state(m));
  }
  undo_dirty_ = false;
}

void App::record_undo() {
  undo_dirty_ = false;
  if (!undo_[0].started()) return;  // before the first frame: the page is still opening
  // The shown mode first; the other one changes only by a reset to defaults or a link.
  undo_[network() ? 1 : 0].record(undo_state(mode()), gesture_);
  const ui::Mode other = network() ? ui::Mode::landscape : ui::Mode::network;
  undo_[network() ? 0 : 1].record(undo_state(other), 0);
}

bool App::can_undo() const { return undo_[network() ? 1 : 0].can_undo(); }
bool App::can_redo() const { return undo_[network() ? 1 : 0].can_redo(); }

bool App::undo() {
  if (!undo_[0].started()) return false;
  record_undo();  // an edit not recorded yet is the step to undo
  const auto target = undo_[network() ? 1 : 0].undo();
  if (!target) return false;
  restore_undo_state(*target);
  return true;
}

bool App::redo() {
  if (!undo_[0].started()) return false;
  record_undo();
  const auto target = undo_[network() ? 1 : 0].redo();
  if (!target) return false;
  restore_undo_state(*target);
  return true;
}

void App::restore_undo_state(const UndoState& state) {
  const ui::Mode shown = mode();
  const bool net = shown == ui::Mode::network;
  std::optional<std::string> preset, lesson;
  read_context(state.context, preset, lesson);

  // The lesson as it is (or as the step had it): apply_link() below would make the restored scene
  // itself the lesson, so the lesson's own fields are set aside and put back.
  if (lesson != (lesson_mode_ == shown ? lesson_link_ : std::nullopt)) {
    if (lesson) {
      apply_link(*lesson);  // the lesson as it loads: what Reset and "back to the lesson" compare with
    } else if (lesson_mode_ == shown) {
      lesson_link_.reset();
      lesson_state_.clear();
    }
  }
  const std::optional<std::string> lesson_link = lesson_link_;
  const ui::Mode lesson_mode = lesson_mode_;
  const std::string lesson_state = lesson_state_, lesson_problem = lesson_problem_;
  const Eigen::Vector2d lesson_start = lesson_start_;
  const std::optional<Rect> lesson_view = lesson_view_;

  // Playback is not undone: the restored scene plays on, or stays paused at the same step.
  std::string text;
  if (net) {
    ParsedNetLink parsed = parse_net_link(state.link);
    NetLink& L = parsed.link;
    if (net_scene_.playing())
      L.autoplay = true;
    else if (net_scene_.step_count() > 0)
      L.at = net_scene_.step_count();
    if (L.at && L.limit) L.at = std::min(*L.at, *L.limit);
    text = to_link(L);
  } else {
    ParsedLink parsed = parse_link(state.link);
    SceneLink& L = parsed.link;
    // The same landscape keeps the view the reader has now: undo changes the scene, not where
    // one looks at it. Another landscape comes back with the view it had.
    if (L.problem == link_from_scene(scene_).problem) L.view = ui_.landscape().requested_view();
    if (scene_.playing())
      L.autoplay = true;
    else if (scene_.step_count() > 0)
      L.at = std::min<std::int64_t>(scene_.step_count(), L.limit.value_or(Scene().step_limit()));
    text = to_link(L);
  }
  // The scene shown waits paused or plays as before; a link load would pause the other one.
  const bool other_playing = net ? scene_.playing() : net_scene_.playing();
  apply_link(text);
  if (other_playing) net ? scene_.play() : net_scene_.play();
  ui_.share().preset = preset;
  ui_.share().link_errors.clear();
  lesson_link_ = lesson_link;
  lesson_mode_ = lesson_mode;
  lesson_state_ = lesson_state;
  lesson_problem_ = lesson_problem;
  lesson_start_ = lesson_start;
  lesson_view_ = lesson_view;
  // What the link gave back is the step's state now (identical unless a spec was canonicalised).
  undo_[net ? 1 : 0].sync(undo_state(shown));
}

void App::update_mouse_gesture() {
  if (!ImGui::GetCurrentContext()) return;
  if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) ++gesture_serial_;
  // The release frame still belongs to the gesture: a drag's last move may land there. Typing in
  // a text field (the function editor applies each valid edit as you type) continues the gesture
  // of the click that focused it: one undo step per editing session, not one per keystroke.
  const bool held = ImGui::IsMouseDown(ImGuiMouseButton_Left) || ImGui::IsMouseReleased(ImGuiMouseButton_Left) ||
                    ImGui::GetIO().WantTextInput;
  gesture_ = held ? gesture_serial_ : 0;
}

}  // namespace adamlab::app
