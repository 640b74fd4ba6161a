#pragma once
// K independent runs of one optimizer family on one 2D problem, stepped together: the batched
// counterpart of sim/Run. Each run has its own numeric hyperparameters (lr, beta1, ...); flags
// (amsgrad, nesterov, ...), the problem, the start point and the gradient noise are shared.
// State is structure-of-arrays in fixed-size chunks of runs (batch/chunk.h); a step costs one
// virtual call per chunk, none per run.
//
// Every run follows exactly the loop of sim/Run without a scheduler: with Arithmetic::kFused its
// x, y and loss equal a Run's bit for bit; with kUnfused they agree to ~1e-12 relative.
#include <Eigen/Core>
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "batch/chunk.h"
#include "core/error.h"
#include "core/spec.h"
#include "problems/problem.h"
#include "sim/noise.h"

namespace adamlab::batch {
inline namespace ADAMLAB_BATCH_ABI {

enum class Arithmetic { kFused, kUnfused };
// kFused natively (bit-identical to the scalar path); kUnfused under WebAssembly, which has no
// fma instruction (std::fma there is a software routine ~50x slower than the whole update).
Arithmetic default_arithmetic();

struct BatchConfig {
  std::shared_ptr<const Problem> problem;
  Eigen::Vector2d start{0.0, 0.0};
  Spec optimizer;  // name and the options shared by every run
  // Per-run values of numeric options, each of length `runs`; they override the spec's value.
  std::vector<std::pair<std::string, Eigen::ArrayXd>> per_run;
  Eigen::Index runs = 1;
  GradientNoise noise;
  // steps_to metric: reached_at() is the first step whose loss <= threshold (-1 if none yet).
  double threshold = -std::numeric_limits<double>::infinity();
  Arithmetic arithmetic = default_arithmetic();
};

// A run whose options torch would reject; `run` is its index, what() torch's message.
class RunOptionsError : public Error {
 public:
  RunOptionsError(Eigen::Index run, const std::string& message) : Error(message), run(run) {}
  Eigen::Index run;
};

// Numeric option keys of an optimizer (the keys a sweep may vary). Throws Error on an unknown name.
std::vector<std::string> batch_numeric_keys(const std::string& optimizer);

// Parses the spec (unknown keys, bad numbers: Error) and validates every run with the
// optimizer's validate() (RunOptionsError for the first run torch would reject). No state.
void validate_batch(const BatchConfig& config);

namespace detail {
class Engine {
 public:
  virtual ~Engine() = default;
  virtual void advance(std::int64_t steps) = 0;
  virtual std::int64_t steps_taken() const = 0;
  enum Quantity { kX, kY, kLoss, kBestLoss, kDivergedAt, kReachedAt };
  virtual Eigen::ArrayXd read(Quantity q) const = 0;
};
}  // namespace detail

class BatchRuns {
 public:
  explicit BatchRuns(const BatchConfig& config);  // validate_batch(config), then row 0
  BatchRuns(BatchRuns&&) noexcept;
  BatchRuns& operator=(BatchRuns&&) noexcept;
  ~BatchRuns();

  void advance(std::int64_t steps);  // every run takes `steps` steps
  std::int64_t steps_taken() const;
  Eigen::Index size() const { return runs_; }

  Eigen::ArrayXd x() const;
  Eigen::ArrayXd y() const;
  Eigen::ArrayXd loss() const;
  Eigen::ArrayXd best_loss() const;    // min over rows 0..steps_taken() of the loss (NaNs skipped)
  Eigen::ArrayXd diverged_at() const;  // Run::diverged_at(): first non-finite row, -1 while finite
  Eigen::ArrayXd reached_at() const;   // first row with loss <= threshold, -1 if none

 private:
  std::unique_ptr<detail::Engine> engine_;
  Eigen::Index runs_ = 0;
};

}  // namespace ADAMLAB_BATCH_ABI
}  // namespace adamlab::batch
