#pragma once
// A run's trajectory, kept compactly: every row while it fits, then every 2nd, 4th, ... row.
// Memory stays bounded however long a session runs, row 0 (the start) is always kept, and
// what is kept is exactly what the CLI would print for those steps, so the trace, the trail,
// the loss chart and (later) a timeline scrubber all read the same rows.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "sim/run.h"

namespace adamlab {

class History {
 public:
  explicit History(std::size_t capacity = 16384);

  void clear();
  // Rows must come in increasing step order, starting with step 0.
  void append(const TraceRow& row);

  const std::vector<TraceRow>& rows() const { return rows_; }
  // Kept rows are the steps divisible by stride(); 1 means the history is complete.
  std::int64_t stride() const { return stride_; }
  std::size_t capacity() const { return capacity_; }

 private:
  std::size_t capacity_;
  std::int64_t stride_ = 1;
  std::vector<TraceRow> rows_;
};

}  // namespace adamlab
