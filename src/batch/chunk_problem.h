#pragma once
// A problem evaluated on one chunk of runs. The built-in test functions are templates over the
// number type (problems/functions.h), so they are instantiated here on the fixed-size Chunk: the
// same source lines as the scalar path, no allocation, one virtual call per chunk and step.
// They are called on one lane's doubles inside a lane loop (chunk.h), so value and gradient are
// the scalar path's very instantiations and the whole evaluation vectorises as one loop.
// A typed function (problems/expr_problem.h) runs its compiled program on the chunk; any other
// Problem goes through its ArrayXd batch interface.
#include <memory>

#include "batch/chunk.h"
#include "problems/problem.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

class ChunkProblem {
 public:
  virtual ~ChunkProblem() = default;
  virtual void value(const Chunk& x, const Chunk& y, Chunk& out) const = 0;
  virtual void gradient(const Chunk& x, const Chunk& y, Chunk& gx, Chunk& gy) const = 0;
  // Both at one point, in one pass: the loss of a step's new point is taken where the next
  // step's gradient is, so the engine asks for the two together.
  virtual void value_and_gradient(const Chunk& x, const Chunk& y, Chunk& value, Chunk& gx, Chunk& gy) const {
    this->value(x, y, value);
    gradient(x, y, gx, gy);
  }
};

// Keeps a reference to `problem`; it must outlive the result.
std::unique_ptr<ChunkProblem> make_chunk_problem(const Problem& problem);

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
