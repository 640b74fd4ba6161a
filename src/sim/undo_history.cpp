#include "sim/undo_history.h"

#include <algorithm>
#include <utility>

#include "core/split.h"

namespace adamlab {

UndoHistory::UndoHistory(std::vector<std::string> quiet_keys, Limits limits)
    : quiet_keys_(std::move(quiet_keys)), limits_(limits) {}

std::string UndoHistory::significant(const std::string& link) const {
  if (quiet_keys_.empty()) return link;
  std::string out;
  for (const std::string& piece : split_at(link, '&')) {
    // The first piece may carry the link's '#' (or '?'): its key starts after it.
    const std::size_t skip = !piece.empty() && (piece[0] == '#' || piece[0] == '?') ? 1 : 0;
    const std::string key = piece.substr(skip, piece.find('=') == std::string::npos ? std::string::npos : piece.find('=') - skip);
    if (std::find(quiet_keys_.begin(), quiet_keys_.end(), key) != quiet_keys_.end()) continue;
    out += piece.substr(skip);
    out += '&';
  }
  return out;
}

void UndoHistory::reset(UndoState now) {
  undo_.clear();
  redo_.clear();
  held_bytes_ = 0;
  open_gesture_ = 0;
  current_key_ = significant(now.link);
  current_ = std::move(now);
  started_ = true;
}

bool UndoHistory::record(UndoState now, std::uint64_t gesture) {
  if (!started_) {
    reset(std::move(now));
    return false;
  }
  std::string key = significant(now.link);
  if (key == current_key_) {
    // The view or the selection moved: keep them for the next step, make none.
    current_ = std::move(now);
    return false;
  }
  const bool coalesce = gesture != 0 && gesture == open_gesture_ && !undo_.empty();
  if (!coalesce) {
    held_bytes_ += current_.bytes();
    undo_.push_back(std::move(current_));
  }
  for (const auto& r : redo_) held_bytes_ -= r.bytes();
  redo_.clear();
  current_ = std::move(now);
  current_key_ = std::move(key);
  open_gesture_ = gesture;
  if (coalesce && significant(undo_.back().link) == current_key_) {
    // The gesture came back to where it began (a slider dragged away and back): no step at all.
    held_bytes_ -= undo_.back().bytes();
    undo_.pop_back();
    open_gesture_ = 0;
    return false;
  }
  trim();
  return true;
}

std::optional<UndoState> UndoHistory::undo() {
  if (undo_.empty()) return std::nullopt;
  UndoState target = std::move(undo_.back());
  undo_.pop_back();
  held_bytes_ -= target.bytes();
  held_bytes_ += current_.bytes();
  redo_.push_back(std::move(current_));
  current_ = target;
  current_key_ = significant(current_.link);
  open_gesture_ = 0;  // a gesture still held after an undo starts a new step
  return target;
}

std::optional<UndoState> UndoHistory::redo() {
  if (redo_.empty()) return std::nullopt;
  UndoState target = std::move(redo_.back());
  redo_.pop_back();
  held_bytes_ -= target.bytes();
  held_bytes_ += current_.bytes();
  undo_.push_back(std::move(current_));
  current_ = target;
  current_key_ = significant(current_.link);
  open_gesture_ = 0;
  trim();
  return target;
}

void UndoHistory::sync(UndoState now) {
  current_key_ = significant(now.link);
  current_ = std::move(now);
  started_ = true;
}

std::size_t UndoHistory::bytes() const { return held_bytes_ + current_.bytes(); }

void UndoHistory::trim() {
  // The oldest undo steps go first; the redo list only ever shrinks by a new step, and is bounded
  // by what undo held before.
  while (!undo_.empty() && (undo_.size() > limits_.depth || held_bytes_ + current_.bytes() > limits_.bytes)) {
    held_bytes_ -= undo_.front().bytes();
    undo_.pop_front();
    if (undo_.empty()) open_gesture_ = 0;
  }
}

}  // namespace adamlab
