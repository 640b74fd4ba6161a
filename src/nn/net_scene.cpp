#include "nn/net_scene.h"

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

// Room for the ~512 grid rows of a run up to the step limit plus a paused user's extra rows.
constexpr std::size_t kHistoryRows = 1024;
constexpr std::int64_t kRowsPerRun = 512;

std::int64_t row_grid(std::int64_t step_limit) {
  std::int64_t every = 1;
  while (step_limit / every > kRowsPerRun) every *= 2;
  return every;
}

}  // namespace

NetScene::NetScene(const NetTaskConfig& config) : task_(std::make_shared<const NetTask>(config)) {}

NetScene NetScene::with_default_runs() {
  NetScene scene;
  // Adam against plain SGD and SGD with momentum at the lr each is commonly started with: on the
  // spirals Adam's boundary forms first, momentum follows, plain SGD lags (nn presets test it).
  const char* defaults[] = {"adam:lr=0.01", "sgd:lr=0.1", "sgd:lr=0.1,momentum=0.9"};
  for (const char* spec : defaults) scene.add_run(spec);
  return scene;
}

NetSceneRun NetScene::make_run(int id, int colour, const std::string& optimizer_spec,
                               const std::string& scheduler_spec) const {
  auto optimizer = make_optimizer(parse_spec(optimizer_spec));
  std::unique_ptr<Scheduler> scheduler;
  if (!scheduler_spec.empty()) scheduler = make_scheduler(parse_spec(scheduler_spec));
  Spec full = optimizer->spec();
  std::string sched_full = scheduler ? to_string(scheduler->spec()) : std::string();
  NetSceneRun r{id, colour, true, std::move(full), std::move(sched_full),
                NetRun(task_, std::move(optimizer), std::move(scheduler)), NetHistory(kHistoryRows)};
  replay(r);
  return r;
}

void NetScene::step_run(NetSceneRun& r, std::int64_t target, bool row_at_target) const {
  // A diverged run stops where it diverged (and gets its row there). Between rows only the
  // optimizer step is taken: no pass over the whole sets.
  while (r.run.steps_taken() < target && !r.run.diverged()) {
    const std::int64_t next = r.run.steps_taken() + 1;
    if (next % row_every_ == 0 && r.history.keeps(next)) {
      r.history.append(r.run.step());
    } else {
      r.run.step_only();
      if (r.run.diverged()) r.history.append_anyway(r.run.row());
    }
  }
  if (row_at_target && r.run.steps_taken() == target) r.history.append_anyway(r.run.row());
}

void NetScene::replay(NetSceneRun& r) const {
  auto optimizer = make_optimizer(r.optimizer);
  std::unique_ptr<Scheduler> scheduler;
  if (!r.scheduler.empty()) scheduler = make_scheduler(parse_spec(r.scheduler));
  r.run = NetRun(task_, std::move(optimizer), std::move(scheduler));
  r.history.clear();
  r.history.append(r.run.row());
  step_run(r, step_, true);
}

NetSceneRun& NetScene::at(int id) {
  for (auto& r : runs_)
    if (r.id == id) return r;
  throw Error("no run with id " + std::to_string(id));
}

const NetSceneRun* NetScene::find(int id) const {
  for (const auto& r : runs_)
    if (r.id == id) return &r;
  return nullptr;
}

int NetScene::colour_for(const Spec& optimizer, int except_id) const {
  return run_list::colour_for(runs_, optimizer, except_id, kMaxRuns);
}

void NetScene::install_task(std::shared_ptr<const NetTask> task, std::string csv) {
  task_ = std::move(task);
  csv_ = std::move(csv);
  step_ = 0;
  accumulator_ = 0;
  ++version_;
  for (auto& r : runs_) replay(r);
}

void NetScene::set_task(const NetTaskConfig& config) {
  if (config.seed > static_cast<std::uint64_t>(kMaxWholeNumber))
    throw Error("invalid seed: " + std::to_string(config.seed) + " (0 to " + std::to_string(kMaxWholeNumber) + ")");
  install_task(std::make_shared<const NetTask>(config), "");  // throws before anything changes
}

void NetScene::set_data(const std::string& spec) {
  NetTaskConfig c = task_->config();
  c.data = spec;
  set_task(c);
}

void NetScene::set_model(const std::string& spec) {
  NetTaskConfig c = task_->config();
  c.model = spec;
  if (csv_.empty()) return set_task(c);
  install_task(std::make_shared<const NetTask>(c, task_->data()), csv_);
}

void NetScene::set_batch_size(std::int64_t batch_size) {
  NetTaskConfig c = task_->config();
  c.batch_size = batch_size;
  if (csv_.empty()) return set_task(c);
  install_task(std::make_shared<const NetTask>(c, task_->data()), csv_);
}

void NetScene::set_seed(std::uint64_t seed) {
  NetTaskConfig c = task_->config();
  c.seed = seed;
  if (csv_.empty()) return set_task(c);
  if (seed > static_cast<std::uint64_t>(kMaxWholeNumber))
    throw Error("invalid seed: " + std::to_string(seed) + " (0 to " + std::to_string(kMaxWholeNumber) + ")");
  // The user's points stay; the seed draws a new split, initial weights and batch order.
  const Dataset& d = task_->data();
  const double test_fraction = static_cast<double>(d.test_size()) / static_cast<double>(d.train_size() + d.test_size());
  install_task(std::make_shared<const NetTask>(c, parse_csv_dataset(csv_, test_fraction, derive_seed(seed, 1))), csv_);
}

void NetScene::set_csv(const std::string& csv_text, double test_fraction) {
  NetTaskConfig c = task_->config();
  Dataset data = parse_csv_dataset(csv_text, test_fraction, derive_seed(c.seed, 1));
  install_task(std::make_shared<const NetTask>(c, std::move(data)), csv_text);
}

int NetScene::add_run(const std::string& optimizer_spec, const std::string& scheduler_spec) {
  if (static_cast<int>(runs_.size()) >= kMaxRuns)
    throw Error("too many runs (at most " + std::to_string(kMaxRuns) + ")");
  const int id = next_id_;
  NetSceneRun r = make_run(id, 0, optimizer_spec, scheduler_spec);
  r.colour = colour_for(r.optimizer, id);
  runs_.push_back(std::move(r));
  ++next_id_;
  ++version_;
  return id;
}

void NetScene::remove_run(int id) {
  at(id);
  runs_.erase(std::remove_if(runs_.begin(), runs_.end(), [id](const NetSceneRun& r) { return r.id == id; }),
              runs_.end());
  ++version_;
}

void NetScene::update_run(int id, const std::string& optimizer_spec, const std::string& scheduler_spec) {
  NetSceneRun& old = at(id);
  NetSceneRun fresh = make_run(id, old.colour, optimizer_spec, scheduler_spec);
  fresh.visible = old.visible;
  if (optimizer_colour(fresh.optimizer) != optimizer_colour(old.optimizer))
    fresh.colour = colour_for(fresh.optimizer, id);
  old = std::move(fresh);
  ++version_;
}

int NetScene::duplicate_run(int id) {
  const NetSceneRun& src = at(id);
  return add_run(to_string(src.optimizer), src.scheduler);
}

void NetScene::set_visible(int id, bool visible) { at(id).visible = visible; }

void NetScene::set_colour(int id, int colour) {
  NetSceneRun& r = at(id);
  run_list::check_colour(runs_, id, colour, kMaxRuns);
  r.colour = colour;
}

void NetScene::play() {
  if (step_ >= step_limit_) return;
  playing_ = true;
}

void NetScene::pause() {
  playing_ = false;
  accumulator_ = 0;
}

void NetScene::step(std::int64_t n) {
  if (n < 0) throw Error("invalid step count: " + std::to_string(n));
  const std::int64_t target = n >= step_limit_ - step_ ? step_limit_ : step_ + n;
  // While playing, rows stay on the grid; a step the user asked for (or the limit) ends on one.
  const bool row_at_target = !playing_ || target == step_limit_;
  for (auto& r : runs_) step_run(r, target, row_at_target);
  if (target > step_) ++version_;
  step_ = std::max(step_, target);
  if (step_ >= step_limit_) {
    playing_ = false;
    accumulator_ = 0;
  }
}

void NetScene::reset() {
  step_ = 0;
  accumulator_ = 0;
  ++version_;
  for (auto& r : runs_) replay(r);
}

void NetScene::set_speed(double steps_per_second) {
  run_list::check_speed(steps_per_second, kMinSpeed, kMaxSpeed);
  speed_ = steps_per_second;
}

void NetScene::set_step_limit(std::int64_t limit) {
  if (limit < 1 || limit > kMaxStepLimit)
    throw Error("invalid step limit: " + std::to_string(limit) + " (1 to " + std::to_string(kMaxStepLimit) + ")");
  step_limit_ = limit;
  row_every_ = row_grid(limit);
  if (step_ > limit) {
    step_ = limit;
    ++version_;
    for (auto& r : runs_) replay(r);
  }
  if (step_ >= step_limit_) playing_ = false;
}

std::int64_t NetScene::advance(double dt_seconds) {
  if (!playing_ || !(dt_seconds > 0)) return 0;
  const std::int64_t due = run_list::steps_due(accumulator_, speed_, dt_seconds);
  const std::int64_t before = step_;
  step(due);
  return step_ - before;
}

std::int64_t NetScene::epoch() const { return step_ / task_->batches_per_epoch(); }

}  // namespace adamlab
