#pragma once
// One optimizer training the task's network: the loop a PyTorch user writes,
//   for k in 1..N: x, y = next(batches); opt.zero_grad(); loss_fn(net(x), y).backward();
//                  opt.step(); sched.step()
// and after each step the loss and accuracy on the whole train and test sets (row k).
#include <cstdint>
#include <memory>

#include "nn/net_task.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {

// A row of the `adamlab train` table. Row 0 is the initial network (lr = configured lr); row k
// is the network after k steps and the lr step k used. Accuracies are NaN for regression.
struct NetRow {
  std::int64_t step = 0;
  double train_loss = 0, test_loss = 0, train_accuracy = 0, test_accuracy = 0, lr = 0;
  double batch_loss = 0;  // the minibatch loss step k minimised (NaN at row 0)
};

class NetRun {
 public:
  // scheduler may be null.
  NetRun(std::shared_ptr<const NetTask> task, std::unique_ptr<Optimizer> optimizer,
         std::unique_ptr<Scheduler> scheduler);
  NetRun(const NetRun& other);
  NetRun& operator=(const NetRun& other);

  // One step; keeps stepping through NaN/Inf exactly as torch would.
  NetRow step();
  // Only the optimizer step (no evaluation on the whole sets): for sweeps. Returns the batch loss.
  double step_only();
  NetRow row() const;  // evaluates the current network (row 0 before any step)

  std::int64_t steps_taken() const { return step_; }
  const Vec& parameters() const { return param_; }
  const Vec& last_gradient() const { return grad_; }  // the gradient step k used (empty at 0)
  bool diverged() const { return diverged_at_ >= 0; }
  std::int64_t diverged_at() const { return diverged_at_; }
  double lr() const { return optimizer_->lr(); }
  const Optimizer& optimizer() const { return *optimizer_; }
  const Scheduler* scheduler() const { return scheduler_.get(); }
  const NetTask& task() const { return *task_; }

 private:
  std::shared_ptr<const NetTask> task_;
  std::unique_ptr<Optimizer> optimizer_;
  std::unique_ptr<Scheduler> scheduler_;
  Vec param_, grad_;
  Eigen::MatrixXd batch_x_;
  Eigen::VectorXd batch_y_;
  mutable MlpWorkspace workspace_;  // scratch only: never copied, never part of the run's state
  double configured_lr_;
  double last_lr_;
  double last_batch_loss_;
  std::int64_t step_ = 0;
  std::int64_t diverged_at_ = -1;
};

}  // namespace adamlab
