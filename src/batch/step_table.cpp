#include "batch/step_table.h"

#include <algorithm>
#include <map>

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

StepTable::StepTable(const std::vector<double>& values, Function f) : f_(f) {
  std::map<double, int> position;
  index_.reserve(values.size());
  for (double v : values) {
    const auto inserted = position.emplace(v, static_cast<int>(distinct_.size()));
    if (inserted.second) distinct_.push_back(v);
    index_.push_back(inserted.first->second);
  }
  const std::size_t chunks = values.size() / kChunk;
  uniform_.assign(chunks, -1);
  for (std::size_t c = 0; c < chunks; ++c) {
    const auto begin = index_.begin() + static_cast<std::ptrdiff_t>(c * kChunk);
    if (std::all_of(begin, begin + kChunk, [&](int i) { return i == *begin; })) uniform_[c] = *begin;
  }
}

void StepTable::fill(std::int64_t first, std::int64_t count) {
  if (first == first_ && count <= count_) return;
  first_ = first;
  count_ = count;
  const std::size_t d = distinct_.size();
  rows_.resize(static_cast<std::size_t>(count + 1) * d);
  for (std::int64_t k = 0; k <= count; ++k)
    for (std::size_t j = 0; j < d; ++j)
      rows_[static_cast<std::size_t>(k) * d + j] = f_(distinct_[j], static_cast<double>(first + k));
}

void StepTable::gather(std::size_t chunk, std::int64_t step, Chunk& out) const {
  const double* row = rows_.data() + static_cast<std::size_t>(step - first_) * distinct_.size();
  if (uniform_[chunk] >= 0) {
    out.setConstant(row[uniform_[chunk]]);
    return;
  }
  const int* idx = index_.data() + chunk * kChunk;
  for (int i = 0; i < kChunk; ++i) out[i] = row[idx[i]];
}

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
