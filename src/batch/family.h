#pragma once
// What a batched optimizer family declares (see families_adam.h, families_other.h):
//   Algorithm                  the optim/ Algorithm (Options, read(), validate() via ADL)
//   keys                       every numeric option, which may differ per run (a sweep axis)
//   tables                     per-run libm quantities of (option value, step), see StepTable
//   State                      torch's buffers for both coordinates, one lane per run
//   init(options, h, state)    the buffers torch creates at the first step
//   step<P>(options, h, t, state, p, g, step)
//                              one torch step for a chunk: h = option values per key,
//                              t = table values for this step, p/g = x and y lanes.
// Flags (amsgrad, maximize, nesterov, centered) come from the base options: shared by all runs.
// Every line mirrors a line of the scalar kernel in optim/<name>.h, same operations, same order.
#include <array>
#include <cmath>

#include "batch/chunk.h"
#include "batch/step_table.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

template <class Options>
struct NumericKey {
  const char* name;
  double Options::*member;
};

struct TableDef {
  int key;                     // which numeric key the table is a function of
  StepTable::Function f;       // f(value, step)
  int step_offset;             // 1: the value for the next step (NAdam's mu_next)
  int numerator = -1;          // >= 0: a quotient table, value of that key / f(value, step)
};

inline double pow_step(double beta, double step) { return std::pow(beta, step); }

// grad.add_(param, alpha=weight_decay) for the runs whose weight_decay != 0, as torch's `if`.
template <class P>
void add_weight_decay(Chunk& grad, const Chunk& param, const Chunk& weight_decay) {
  const auto on = weight_decay != 0.0;
  if (on.any()) grad = on.select(P::fma(weight_decay, param, grad), grad);
}

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
