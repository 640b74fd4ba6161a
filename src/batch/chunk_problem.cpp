#include "batch/chunk_problem.h"

#include "problems/expr_problem.h"
#include "problems/function_problem.h"
#include "problems/functions.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {
namespace {

template <class F>
class FunctionChunkProblem final : public ChunkProblem {
 public:
  explicit FunctionChunkProblem(const F& f) : f_(f) {}
  void value(const Chunk& x, const Chunk& y, Chunk& out) const override {
    const F f = f_;
    const double* ADAMLAB_RESTRICT xs = x.data();
    const double* ADAMLAB_RESTRICT ys = y.data();
    double* ADAMLAB_RESTRICT vs = out.data();
    ADAMLAB_LANES
    for (int i = 0; i < kChunk; ++i) vs[i] = f.template value<double>(xs[i], ys[i]);
  }
  void gradient(const Chunk& x, const Chunk& y, Chunk& gx, Chunk& gy) const override {
    const F f = f_;
    const double* ADAMLAB_RESTRICT xs = x.data();
    const double* ADAMLAB_RESTRICT ys = y.data();
    double* ADAMLAB_RESTRICT gxs = gx.data();
    double* ADAMLAB_RESTRICT gys = gy.data();
    ADAMLAB_LANES
    for (int i = 0; i < kChunk; ++i) {
      double a, b;
      f.template gradient<double>(xs[i], ys[i], a, b);
      gxs[i] = a;
      gys[i] = b;
    }
  }
  void value_and_gradient(const Chunk& x, const Chunk& y, Chunk& value, Chunk& gx, Chunk& gy) const override {
    const F f = f_;
    const double* ADAMLAB_RESTRICT xs = x.data();
    const double* ADAMLAB_RESTRICT ys = y.data();
    double* ADAMLAB_RESTRICT vs = value.data();
    double* ADAMLAB_RESTRICT gxs = gx.data();
    double* ADAMLAB_RESTRICT gys = gy.data();
    ADAMLAB_LANES
    for (int i = 0; i < kChunk; ++i) {
      double a, b;
      vs[i] = f.template value<double>(xs[i], ys[i]);
      f.template gradient<double>(xs[i], ys[i], a, b);
      gxs[i] = a;
      gys[i] = b;
    }
  }

 private:
  F f_;
};

// Any other Problem: its ArrayXd interface (bit-identical to its scalar calls by contract).
class GenericChunkProblem final : public ChunkProblem {
 public:
  explicit GenericChunkProblem(const Problem& p) : p_(p) {}
  void value(const Chunk& x, const Chunk& y, Chunk& out) const override {
    out = p_.values(Eigen::ArrayXd(x), Eigen::ArrayXd(y));
  }
  void gradient(const Chunk& x, const Chunk& y, Chunk& gx, Chunk& gy) const override {
    Eigen::ArrayXd ax, ay;
    p_.gradients(Eigen::ArrayXd(x), Eigen::ArrayXd(y), ax, ay);
    gx = ax;
    gy = ay;
  }

 private:
  const Problem& p_;
};

// A typed function: its compiled program straight on the chunk's memory (no copy, no
// allocation), value and gradient from one forward pass.
class ExprChunkProblem final : public ChunkProblem {
 public:
  explicit ExprChunkProblem(const ExprProblem& p) : program_(p.program()) {}
  void value(const Chunk& x, const Chunk& y, Chunk& out) const override {
    program_.evaluate(x.data(), y.data(), kChunk, out.data(), nullptr, nullptr);
  }
  void gradient(const Chunk& x, const Chunk& y, Chunk& gx, Chunk& gy) const override {
    program_.evaluate(x.data(), y.data(), kChunk, nullptr, gx.data(), gy.data());
  }
  void value_and_gradient(const Chunk& x, const Chunk& y, Chunk& value, Chunk& gx, Chunk& gy) const override {
    program_.evaluate(x.data(), y.data(), kChunk, value.data(), gx.data(), gy.data());
  }

 private:
  const expr::Program& program_;
};

template <class F, class... Rest>
std::unique_ptr<ChunkProblem> match(const Problem& problem) {
  if (const auto* fp = dynamic_cast<const FunctionProblem<F>*>(&problem))
    return std::make_unique<FunctionChunkProblem<F>>(fp->function());
  if constexpr (sizeof...(Rest) > 0) {
    return match<Rest...>(problem);
  } else {
    return std::make_unique<GenericChunkProblem>(problem);
  }
}

}  // namespace

std::unique_ptr<ChunkProblem> make_chunk_problem(const Problem& problem) {
  if (const auto* typed = dynamic_cast<const ExprProblem*>(&problem)) return std::make_unique<ExprChunkProblem>(*typed);
  return match<Rosenbrock, Beale, Himmelblau, Booth, Rastrigin, Ackley, Quadratic, Saddle, StyblinskiTang,
               GoldsteinPrice, Matyas, ThreeHumpCamel>(problem);
}

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
