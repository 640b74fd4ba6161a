#pragma once
// A run's trajectory, kept compactly: every row while it fits, then every 2nd, 4th, ... row.
// Memory stays bounded however long a session runs, row 0 (the start) is always kept, and
// what is kept is exactly what the CLI would print for those steps, so the trace, the trail,
// the loss chart and (later) a timeline scrubber all read the same rows. One template serves the
// landscape's rows (TraceRow) and the network's (nn/net_run.h NetRow): any row with a `step`.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/run.h"

namespace adamlab {

template <class Row>
class BasicHistory {
 public:
  explicit BasicHistory(std::size_t capacity = 16384) : capacity_(std::max<std::size_t>(capacity, 4)) {}

  void clear() {
    rows_.clear();
    stride_ = 1;
  }
  // Whether a row for `step` would be kept now (so a caller can skip computing the others).
  bool keeps(std::int64_t step) const { return step % stride_ == 0; }
  // A row off the current stride, kept until the next halving (e.g. the step a paused user
  // stepped to). Steps must still increase.
  void append_anyway(const Row& row) {
    if (!rows_.empty() && rows_.back().step == row.step) return;
    if (keeps(row.step)) return append(row);
    rows_.push_back(row);
  }
  // Rows must come in increasing step order, starting with step 0.
  void append(const Row& row) {
    if (!keeps(row.step)) return;
    if (rows_.size() >= capacity_) {
      // Halve the resolution: keep the rows on the doubled stride (row 0 always is).
      stride_ *= 2;
      rows_.erase(std::remove_if(rows_.begin(), rows_.end(), [this](const Row& r) { return !keeps(r.step); }),
                  rows_.end());
      if (!keeps(row.step)) return;
    }
    rows_.push_back(row);
  }

  const std::vector<Row>& rows() const { return rows_; }
  // Kept rows are the steps divisible by stride(); 1 means the history is complete.
  std::int64_t stride() const { return stride_; }
  std::size_t capacity() const { return capacity_; }

 private:
  std::size_t capacity_;
  std::int64_t stride_ = 1;
  std::vector<Row> rows_;
};

using History = BasicHistory<TraceRow>;

}  // namespace adamlab
