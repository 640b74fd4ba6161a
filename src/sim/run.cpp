#include "sim/run.h"

#include <cmath>
#include <utility>

namespace adamlab {
namespace {

bool finite_row(const TraceRow& r) { return std::isfinite(r.x) && std::isfinite(r.y) && std::isfinite(r.loss); }

}  // namespace

Run::Run(std::shared_ptr<const Problem> problem, Eigen::Vector2d start, std::unique_ptr<Optimizer> optimizer,
         std::unique_ptr<Scheduler> scheduler, GradientNoise noise)
    : problem_(std::move(problem)),
      optimizer_(std::move(optimizer)),
      scheduler_(std::move(scheduler)),
      noise_(noise),
      param_(start),
      configured_lr_(optimizer_->lr()) {
  // Constructing a torch scheduler already touches the group's lr (LinearLR applies start_factor).
  if (scheduler_) optimizer_->set_lr(scheduler_->start(configured_lr_));
  last_lr_ = configured_lr_;
  loss_ = problem_->value(param_[0], param_[1]);
  if (!finite_row(row())) diverged_at_ = 0;
}

Run::Run(const Run& other)
    : problem_(other.problem_),
      optimizer_(other.optimizer_->clone()),
      scheduler_(other.scheduler_ ? other.scheduler_->clone() : nullptr),
      noise_(other.noise_),
      param_(other.param_),
      configured_lr_(other.configured_lr_),
      last_lr_(other.last_lr_),
      loss_(other.loss_),
      step_(other.step_),
      diverged_at_(other.diverged_at_) {}

Run& Run::operator=(const Run& other) {
  if (this != &other) {
    Run copy(other);
    std::swap(problem_, copy.problem_);
    std::swap(optimizer_, copy.optimizer_);
    std::swap(scheduler_, copy.scheduler_);
    noise_ = copy.noise_;
    param_ = copy.param_;
    configured_lr_ = copy.configured_lr_;
    last_lr_ = copy.last_lr_;
    loss_ = copy.loss_;
    step_ = copy.step_;
    diverged_at_ = copy.diverged_at_;
  }
  return *this;
}

Eigen::Vector2d Run::gradient() const {
  Eigen::Vector2d g = problem_->gradient(param_[0], param_[1]);
  if (noise_.enabled())
    for (int i = 0; i < 2; ++i) g[i] = noise_.apply(g[i], noise_.scale(step_ + 1, i));
  return g;
}

TraceRow Run::step() {
  last_lr_ = optimizer_->lr();
  const Vec grad = gradient();
  optimizer_->step(param_, grad);
  if (scheduler_) optimizer_->set_lr(scheduler_->step(optimizer_->lr()));
  ++step_;
  loss_ = problem_->value(param_[0], param_[1]);
  const TraceRow r = row();
  if (diverged_at_ < 0 && !finite_row(r)) diverged_at_ = step_;
  return r;
}

TraceRow Run::row() const { return {step_, param_[0], param_[1], loss_, last_lr_}; }

}  // namespace adamlab
