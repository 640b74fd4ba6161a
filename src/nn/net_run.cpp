#include "nn/net_run.h"

#include <cmath>
#include <limits>
#include <utility>

namespace adamlab {

NetRun::NetRun(std::shared_ptr<const NetTask> task, std::unique_ptr<Optimizer> optimizer,
               std::unique_ptr<Scheduler> scheduler)
    : task_(std::move(task)),
      optimizer_(std::move(optimizer)),
      scheduler_(std::move(scheduler)),
      param_(task_->initial_parameters()),
      configured_lr_(optimizer_->lr()) {
  // Constructing a torch scheduler already touches the group's lr (LinearLR applies start_factor).
  if (scheduler_) optimizer_->set_lr(scheduler_->start(configured_lr_));
  last_lr_ = configured_lr_;
  last_batch_loss_ = std::numeric_limits<double>::quiet_NaN();
}

NetRun::NetRun(const NetRun& other)
    : task_(other.task_),
      optimizer_(other.optimizer_->clone()),
      scheduler_(other.scheduler_ ? other.scheduler_->clone() : nullptr),
      param_(other.param_),
      grad_(other.grad_),
      configured_lr_(other.configured_lr_),
      last_lr_(other.last_lr_),
      last_batch_loss_(other.last_batch_loss_),
      step_(other.step_),
      diverged_at_(other.diverged_at_) {}

NetRun& NetRun::operator=(const NetRun& other) {
  if (this != &other) {
    NetRun copy(other);
    std::swap(task_, copy.task_);
    std::swap(optimizer_, copy.optimizer_);
    std::swap(scheduler_, copy.scheduler_);
    param_.swap(copy.param_);
    grad_.swap(copy.grad_);
    configured_lr_ = copy.configured_lr_;
    last_lr_ = copy.last_lr_;
    last_batch_loss_ = copy.last_batch_loss_;
    step_ = copy.step_;
    diverged_at_ = copy.diverged_at_;
  }
  return *this;
}

double NetRun::step_only() {
  last_lr_ = optimizer_->lr();
  task_->batch(step_ + 1, batch_x_, batch_y_);
  last_batch_loss_ = task_->mlp().loss_and_gradient(param_, batch_x_, batch_y_, grad_, workspace_);
  optimizer_->step(param_, grad_);
  if (scheduler_) optimizer_->set_lr(scheduler_->step(optimizer_->lr()));
  ++step_;
  // Divergence is judged on the parameters: a network with a non-finite weight has diverged
  // even while some losses still read finite (a dead relu can hide it).
  if (diverged_at_ < 0 && (!std::isfinite(last_batch_loss_) || !param_.allFinite())) diverged_at_ = step_;
  return last_batch_loss_;
}

NetRow NetRun::step() {
  step_only();
  return row();
}

NetRow NetRun::row() const {
  const NetTask& t = *task_;
  const Mlp& m = t.mlp();
  const Dataset& d = t.data();
  NetRow r;
  r.step = step_;
  r.lr = last_lr_;
  r.batch_loss = step_ == 0 ? std::numeric_limits<double>::quiet_NaN() : last_batch_loss_;
  const Mlp::Evaluation train = m.evaluate(param_, t.train_features(), d.train_y, workspace_);
  r.train_loss = train.loss;
  r.train_accuracy = train.accuracy;
  if (d.test_size() > 0) {
    const Mlp::Evaluation test = m.evaluate(param_, t.test_features(), d.test_y, workspace_);
    r.test_loss = test.loss;
    r.test_accuracy = test.accuracy;
  } else {
    r.test_loss = r.test_accuracy = std::numeric_limits<double>::quiet_NaN();
  }
  return r;
}

}  // namespace adamlab
