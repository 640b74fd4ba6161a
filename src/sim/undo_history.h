#pragma once
// Undo and redo over a scene, kept as the scene's own link text (sim/link.h, nn/net_link.h): a
// snapshot is what "Copy link" would share, so restoring one is loading a link, and nothing new
// has to learn to serialise a scene.
//
// The caller records the state after anything that may have changed it; the history decides
// whether that was a step:
//  - Only the link's significant pieces count. Pieces whose key is "quiet" (the view, the
//    selection: where the reader looks, not what the scene is) are kept in the snapshot, and
//    restored with it, but changing only them makes no step.
//  - A gesture (a slider drag, dragging the start across the map) is one step: consecutive
//    changes recorded with the same non-zero gesture id coalesce into the step the first made.
//  - A new step clears the redo list.
//  - At most `depth` undo steps and about `bytes` of text (the current state always stays,
//    however large); the oldest steps go first.
// Playback (playing or paused, the step counter) is not in a snapshot at all: the caller leaves
// at= and autoplay= out, and undo keeps the playback as it is.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace adamlab {

struct UndoState {
  std::string link;     // the scene as a link, without playback pieces
  std::string context;  // restored with the link, never compared (the app's lesson, say)
  std::size_t bytes() const { return link.size() + context.size(); }
  bool operator==(const UndoState& o) const { return link == o.link && context == o.context; }
};

struct UndoLimits {
  std::size_t depth = 100;
  std::size_t bytes = std::size_t{8} << 20;
};

class UndoHistory {
 public:
  using Limits = UndoLimits;

  explicit UndoHistory(std::vector<std::string> quiet_keys = {}, Limits limits = Limits());

  // Starts over from `now`: nothing to undo or redo.
  void reset(UndoState now);
  // The state after a possible change. Returns true when it made (or extended) an undo step.
  // gesture: 0 = a change of its own; the same non-zero id as the previous step's = the same
  // gesture, coalesced into it.
  bool record(UndoState now, std::uint64_t gesture = 0);
  // The state to restore, or nullopt with nothing to undo (redo). The history moves at once:
  // current() is the returned state. After restoring, the caller may sync() what it really got.
  std::optional<UndoState> undo();
  std::optional<UndoState> redo();
  // Replaces the current state without a step (e.g. the restored scene as read back).
  void sync(UndoState now);

  bool can_undo() const { return !undo_.empty(); }
  bool can_redo() const { return !redo_.empty(); }
  std::size_t undo_depth() const { return undo_.size(); }
  std::size_t redo_depth() const { return redo_.size(); }
  std::size_t bytes() const;  // text held, current state included
  const UndoState& current() const { return current_; }
  bool started() const { return started_; }
  const Limits& limits() const { return limits_; }

  // The link without its quiet pieces: two states with the same significant text are one scene.
  std::string significant(const std::string& link) const;

 private:
  void trim();

  std::vector<std::string> quiet_keys_;
  Limits limits_;
  UndoState current_;
  std::string current_key_;  // significant(current_.link)
  bool started_ = false;
  std::deque<UndoState> undo_;  // oldest first
  std::vector<UndoState> redo_;  // next redo last
  std::uint64_t open_gesture_ = 0;  // the gesture whose step is on top of undo_, 0 = none
  std::size_t held_bytes_ = 0;      // undo_ + redo_
};

}  // namespace adamlab
