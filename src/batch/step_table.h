#pragma once
// Per-run quantities that torch computes with libm once per step, e.g. beta1**step. Calling
// std::pow per run and step would cost more than the whole update, so the values are computed
// once per distinct hyperparameter value for a window of steps (a sweep axis has at most a few
// hundred distinct values) and gathered into each chunk: the same std::pow call as the scalar
// kernel, hence the same bits.
#include <cstdint>
#include <vector>

#include "batch/chunk.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

class StepTable {
 public:
  using Function = double (*)(double value, double step);
  StepTable() = default;
  // values: one per run (padded runs included).
  StepTable(const std::vector<double>& values, Function f);
  // A quotient table: numerators[run] / f(values[run], step), the division the kernel would do
  // per run and step, done once per distinct (numerator, value) pair and step when pairs are
  // few (one lr axis: Adam's lr / bias_correction1), per run in gather otherwise (same bits).
  StepTable(const std::vector<double>& values, Function f, const std::vector<double>& numerators);

  // Makes rows for steps first .. first + count available (count + 1 rows).
  void fill(std::int64_t first, std::int64_t count);
  // f(value of run, step) for the runs of chunk `chunk`, step in the filled window.
  void gather(std::size_t chunk, std::int64_t step, Chunk& out) const;

 private:
  Function f_ = nullptr;
  std::vector<double> distinct_;
  std::vector<int> index_;          // per run: position in distinct_
  std::vector<int> uniform_;        // per chunk: distinct index if all runs share it, else -1
  std::vector<double> rows_;        // (count + 1) x distinct_
  std::int64_t first_ = 0, count_ = -1;
  // Quotient tables only.
  bool quotient_ = false, per_pair_ = false;
  std::vector<double> numerators_;   // per run (direct mode) or per pair (pair mode)
  std::vector<double> distinct_values_;
  std::vector<int> value_index_;     // per run (direct mode) or per pair (pair mode): position in distinct_values_
  std::vector<double> value_rows_;   // (count + 1) x distinct_values_
};

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
