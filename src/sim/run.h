#pragma once
// One optimizer following the gradient of one problem from a start point, with an optional
// LR scheduler: exactly the loop a PyTorch user writes
//   for k in 1..N: opt.zero_grad(); loss(p).backward(); opt.step(); sched.step()
// Headless: the CLI, the tests and the playground all advance runs through this class.
#include <Eigen/Core>
#include <cstdint>
#include <memory>

#include "optim/optimizer.h"
#include "problems/problem.h"
#include "sim/noise.h"
#include "sched/scheduler.h"

namespace adamlab {

// One row of a trace, the CLI's csv columns. Row 0 is the start (lr = configured lr); row k is
// the point after k steps and the lr that step k used (param_groups[0]['lr'] read before it).
struct TraceRow {
  std::int64_t step;
  double x, y, loss, lr;
};

class Run {
 public:
  // scheduler may be null. The problem is shared because many runs race on one landscape.
  // noise (default: none) perturbs the gradient of step k with draws that depend only on
  // (noise.seed, k, coordinate), so the same seed reproduces the same path anywhere.
  Run(std::shared_ptr<const Problem> problem, Eigen::Vector2d start, std::unique_ptr<Optimizer> optimizer,
      std::unique_ptr<Scheduler> scheduler, GradientNoise noise = {});
  Run(const Run& other);
  Run& operator=(const Run& other);

  // Advances one optimizer step (and one scheduler step) and returns its row. Keeps stepping
  // through NaN/Inf exactly as torch would; diverged() reports the first non-finite step.
  TraceRow step();
  TraceRow row() const;  // the current row (row 0 before any step)

  std::int64_t steps_taken() const { return step_; }
  Eigen::Vector2d position() const { return {param_[0], param_[1]}; }
  bool diverged() const { return diverged_at_ >= 0; }
  std::int64_t diverged_at() const { return diverged_at_; }  // -1 while finite
  double lr() const { return optimizer_->lr(); }               // the lr the next step will use
  const Optimizer& optimizer() const { return *optimizer_; }
  const Scheduler* scheduler() const { return scheduler_.get(); }
  const Problem& problem() const { return *problem_; }
  // Gradient the next step will see (for the anatomy view), noise included.
  Eigen::Vector2d gradient() const;
  const GradientNoise& noise() const { return noise_; }

 private:
  std::shared_ptr<const Problem> problem_;
  std::unique_ptr<Optimizer> optimizer_;
  std::unique_ptr<Scheduler> scheduler_;
  GradientNoise noise_;
  Vec param_;  // length 2; a Vec because optimizers work on vectors of any length
  double configured_lr_;
  double last_lr_;
  double loss_;
  std::int64_t step_ = 0;
  std::int64_t diverged_at_ = -1;
};

}  // namespace adamlab
