#include "sim/scene.h"

#include <algorithm>
#include <cmath>

#include "core/error.h"
#include "core/limits.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/palette.h"
#include "sim/run_list.h"

namespace adamlab {
namespace {

std::shared_ptr<const Problem> build_problem(const std::string& spec) {
  return std::shared_ptr<const Problem>(make_problem(parse_spec(spec)));
}

std::string id_text(int id) { return std::to_string(id); }

}  // namespace

Scene::Scene(const std::string& problem_spec)
    : problem_(build_problem(problem_spec)),
      problem_spec_(to_string(problem_->spec())),
      start_(problem_->start()) {}

Scene Scene::with_default_runs() {
  Scene scene("rosenbrock");
  // Chosen so all four visibly reach or approach the minimum in a few seconds at the default
  // speed, each in its own manner: Adam overshoots and spirals in, SGD crawls along the valley,
  // momentum oscillates across it, RMSProp zig-zags with a near-constant step.
  const char* defaults[] = {"adam:lr=0.05", "sgd:lr=0.001", "sgd:lr=0.001,momentum=0.9", "rmsprop:lr=0.01"};
  for (const char* spec : defaults) {
    try {
      scene.add_run(spec);
    } catch (const Error&) {
      // An optimizer missing from this build (or a changed default): the playground still starts.
    }
  }
  return scene;
}

SceneRun Scene::make_run(int id, int colour, const std::string& optimizer_spec,
                         const std::string& scheduler_spec) const {
  auto optimizer = make_optimizer(parse_spec(optimizer_spec));
  std::unique_ptr<Scheduler> scheduler;
  if (!scheduler_spec.empty()) scheduler = make_scheduler(parse_spec(scheduler_spec));
  Spec full = optimizer->spec();
  std::string sched_full = scheduler ? to_string(scheduler->spec()) : std::string();
  SceneRun r{id, colour, true, std::move(full), std::move(sched_full),
             Run(problem_, start_, std::move(optimizer), std::move(scheduler), noise_), History()};
  replay(r);
  return r;
}

void Scene::step_run(SceneRun& r, std::int64_t target) const {
  // A diverged run stops where it diverged: nothing after the first non-finite row is computed.
  while (r.run.steps_taken() < target && !r.run.diverged()) r.history.append(r.run.step());
}

void Scene::replay(SceneRun& r) const {
  // Rebuild the run from its specs so optimizer state, scheduler and lr start afresh.
  auto optimizer = make_optimizer(r.optimizer);
  std::unique_ptr<Scheduler> scheduler;
  if (!r.scheduler.empty()) scheduler = make_scheduler(parse_spec(r.scheduler));
  r.run = Run(problem_, start_, std::move(optimizer), std::move(scheduler), noise_);
  r.history.clear();
  r.history.append(r.run.row());
  step_run(r, step_);
}

SceneRun& Scene::at(int id) {
  for (auto& r : runs_)
    if (r.id == id) return r;
  throw Error("no run with id " + id_text(id));
}

const SceneRun* Scene::find(int id) const {
  for (const auto& r : runs_)
    if (r.id == id) return &r;
  return nullptr;
}

int Scene::colour_for(const Spec& optimizer, int except_id) const {
  return run_list::colour_for(runs_, optimizer, except_id, kMaxRuns);
}

void Scene::set_problem(const std::string& spec) {
  auto problem = build_problem(spec);  // throws before anything changes
  problem_ = std::move(problem);
  problem_spec_ = to_string(problem_->spec());
  start_ = problem_->start();
  step_ = 0;
  accumulator_ = 0;
  ++problem_version_;
  for (auto& r : runs_) replay(r);
}

void Scene::set_start(double x, double y) {
  if (!std::isfinite(x)) throw Error("invalid start x: " + format_number(x));
  if (!std::isfinite(y)) throw Error("invalid start y: " + format_number(y));
  start_ = {x, y};
  step_ = 0;
  accumulator_ = 0;
  for (auto& r : runs_) replay(r);
}

int Scene::add_run(const std::string& optimizer_spec, const std::string& scheduler_spec) {
  if (static_cast<int>(runs_.size()) >= kMaxRuns)
    throw Error("too many runs (at most " + std::to_string(kMaxRuns) + ")");
  const int id = next_id_;
  SceneRun r = make_run(id, 0, optimizer_spec, scheduler_spec);
  r.colour = colour_for(r.optimizer, id);
  runs_.push_back(std::move(r));
  ++next_id_;
  return id;
}

void Scene::remove_run(int id) {
  at(id);
  runs_.erase(std::remove_if(runs_.begin(), runs_.end(), [id](const SceneRun& r) { return r.id == id; }),
              runs_.end());
}

void Scene::update_run(int id, const std::string& optimizer_spec, const std::string& scheduler_spec) {
  SceneRun& old = at(id);
  SceneRun fresh = make_run(id, old.colour, optimizer_spec, scheduler_spec);
  fresh.visible = old.visible;
  // A new hyperparameter keeps the run's colour; a new optimizer takes that optimizer's colour.
  if (optimizer_colour(fresh.optimizer) != optimizer_colour(old.optimizer))
    fresh.colour = colour_for(fresh.optimizer, id);
  old = std::move(fresh);
}

int Scene::duplicate_run(int id) {
  const SceneRun& src = at(id);
  return add_run(to_string(src.optimizer), src.scheduler);
}

void Scene::set_visible(int id, bool visible) { at(id).visible = visible; }

void Scene::set_colour(int id, int colour) {
  SceneRun& r = at(id);
  run_list::check_colour(runs_, id, colour, kMaxRuns);
  r.colour = colour;
}

void Scene::set_noise(const GradientNoise& noise) {
  if (!(noise.std >= 0) || !std::isfinite(noise.std)) throw Error("invalid noise std: " + format_number(noise.std));
  // Found by tests/fuzz/scene_fuzz.cpp: a larger seed played, but the scene's link then failed to
  // load ("seed=...: out of range").
  if (noise.seed > static_cast<std::uint64_t>(kMaxWholeNumber))
    throw Error("invalid noise seed: " + std::to_string(noise.seed) + " (0 to " + std::to_string(kMaxWholeNumber) + ")");
  noise_ = noise;
  for (auto& r : runs_) replay(r);
}

void Scene::play() {
  if (step_ >= step_limit_) return;  // nothing left to play; reset() first
  playing_ = true;
}

void Scene::pause() {
  playing_ = false;
  accumulator_ = 0;
}

void Scene::step(std::int64_t n) {
  if (n < 0) throw Error("invalid step count: " + std::to_string(n));
  // n may be anything up to INT64_MAX (a CLI or JS caller asking for "all of it"): compare
  // before adding so step_ + n never overflows.
  const std::int64_t target = n >= step_limit_ - step_ ? step_limit_ : step_ + n;
  for (auto& r : runs_) step_run(r, target);
  step_ = std::max(step_, target);
  if (step_ >= step_limit_) {
    playing_ = false;
    accumulator_ = 0;
  }
}

void Scene::reset() {
  ++reset_count_;
  step_ = 0;
  accumulator_ = 0;
  for (auto& r : runs_) replay(r);
}

void Scene::set_speed(double steps_per_second) {
  run_list::check_speed(steps_per_second, kMinSpeed, kMaxSpeed);
  speed_ = steps_per_second;
}

void Scene::set_step_limit(std::int64_t limit) {
  if (limit < 1 || limit > kMaxStepLimit)
    throw Error("invalid step limit: " + std::to_string(limit) + " (1 to " + std::to_string(kMaxStepLimit) + ")");
  step_limit_ = limit;
  if (step_ > limit) {
    step_ = limit;
    for (auto& r : runs_) replay(r);
  }
  if (step_ >= step_limit_) playing_ = false;
}

std::int64_t Scene::advance(double dt_seconds) {
  if (!playing_ || !(dt_seconds > 0)) return 0;
  const std::int64_t due = run_list::steps_due(accumulator_, speed_, dt_seconds);
  const std::int64_t before = step_;
  step(due);
  return step_ - before;
}

}  // namespace adamlab
