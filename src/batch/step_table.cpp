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

StepTable::StepTable(const std::vector<double>& values, Function f, const std::vector<double>& numerators)
    : f_(f), quotient_(true) {
  std::map<double, int> vpos;
  std::vector<int> run_value(values.size());
  for (std::size_t r = 0; r < values.size(); ++r) {
    const auto inserted = vpos.emplace(values[r], static_cast<int>(distinct_values_.size()));
    if (inserted.second) distinct_values_.push_back(values[r]);
    run_value[r] = inserted.first->second;
  }
  std::map<std::pair<double, double>, int> ppos;
  std::vector<int> run_pair(values.size());
  std::vector<double> pair_num;
  std::vector<int> pair_value;
  for (std::size_t r = 0; r < values.size(); ++r) {
    const auto inserted = ppos.emplace(std::make_pair(numerators[r], values[r]), static_cast<int>(pair_num.size()));
    if (inserted.second) pair_num.push_back(numerators[r]), pair_value.push_back(run_value[r]);
    run_pair[r] = inserted.first->second;
  }
  const std::size_t chunks = values.size() / kChunk;
  // Pair mode when each pair is shared by 8 runs or more on average (and the rows stay small).
  per_pair_ = pair_num.size() * 8 <= values.size() && pair_num.size() <= 4096;
  if (per_pair_) {
    numerators_ = pair_num;
    value_index_ = pair_value;
    index_ = run_pair;
    distinct_.assign(pair_num.size(), 0.0);
    uniform_.assign(chunks, -1);
    for (std::size_t c = 0; c < chunks; ++c) {
      const auto begin = index_.begin() + static_cast<std::ptrdiff_t>(c * kChunk);
      if (std::all_of(begin, begin + kChunk, [&](int i) { return i == *begin; })) uniform_[c] = *begin;
    }
  } else {
    numerators_ = numerators;
    value_index_ = run_value;
  }
}

void StepTable::fill(std::int64_t first, std::int64_t count) {
  if (first == first_ && count <= count_) return;
  first_ = first;
  count_ = count;
  if (quotient_) {
    const std::size_t dv = distinct_values_.size();
    value_rows_.resize(static_cast<std::size_t>(count + 1) * dv);
    for (std::int64_t k = 0; k <= count; ++k)
      for (std::size_t j = 0; j < dv; ++j)
        value_rows_[static_cast<std::size_t>(k) * dv + j] = f_(distinct_values_[j], static_cast<double>(first + k));
    if (!per_pair_) return;
    const std::size_t d = numerators_.size();
    rows_.resize(static_cast<std::size_t>(count + 1) * d);
    for (std::int64_t k = 0; k <= count; ++k)
      for (std::size_t j = 0; j < d; ++j)
        rows_[static_cast<std::size_t>(k) * d + j] =
            numerators_[j] / value_rows_[static_cast<std::size_t>(k) * dv + static_cast<std::size_t>(value_index_[j])];
    return;
  }
  const std::size_t d = distinct_.size();
  rows_.resize(static_cast<std::size_t>(count + 1) * d);
  for (std::int64_t k = 0; k <= count; ++k)
    for (std::size_t j = 0; j < d; ++j)
      rows_[static_cast<std::size_t>(k) * d + j] = f_(distinct_[j], static_cast<double>(first + k));
}

void StepTable::gather(std::size_t chunk, std::int64_t step, Chunk& out) const {
  if (quotient_ && !per_pair_) {
    const double* vrow = value_rows_.data() + static_cast<std::size_t>(step - first_) * distinct_values_.size();
    const double* num = numerators_.data() + chunk * kChunk;
    const int* idx = value_index_.data() + chunk * kChunk;
    for (int i = 0; i < kChunk; ++i) out[i] = num[i] / vrow[idx[i]];
    return;
  }
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
