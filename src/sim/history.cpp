#include "sim/history.h"

#include <algorithm>

namespace adamlab {

History::History(std::size_t capacity) : capacity_(std::max<std::size_t>(capacity, 4)) {}

void History::clear() {
  rows_.clear();
  stride_ = 1;
}

void History::append(const TraceRow& row) {
  if (row.step % stride_ != 0) return;
  if (rows_.size() >= capacity_) {
    // Halve the resolution: keep the rows on the doubled stride (row 0 always is).
    stride_ *= 2;
    auto kept = std::remove_if(rows_.begin(), rows_.end(),
                               [this](const TraceRow& r) { return r.step % stride_ != 0; });
    rows_.erase(kept, rows_.end());
    if (row.step % stride_ != 0) return;
  }
  rows_.push_back(row);
}

}  // namespace adamlab
