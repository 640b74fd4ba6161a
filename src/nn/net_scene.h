#pragma once
// The network mode's whole simulation state, headless, shaped like sim/scene.h: one task (data,
// model, batch size, seed) shared by several runs that train on it, and the playback clock. Every
// command validates first and throws Error with the scene left exactly as it was; changing a run
// replays it to the current step; the clock is a fixed-step accumulator.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/spec.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "sim/history.h"

namespace adamlab {

// A run's trajectory, bounded as the landscape's (sim/history.h).
using NetHistory = BasicHistory<NetRow>;

struct NetSceneRun {
  int id = 0;
  int colour = 0;  // sim/palette.h index
  bool visible = true;
  Spec optimizer;          // full spec
  std::string scheduler;   // full scheduler spec, "" = none
  NetRun run;
  NetHistory history;
};

class NetScene {
 public:
  static constexpr double kMaxSpeed = 20000;
  static constexpr double kMinSpeed = 0.25;
  static constexpr std::int64_t kMaxStepLimit = 100000;
  static constexpr int kMaxRuns = 12;

  explicit NetScene(const NetTaskConfig& config = {});
  // Adam, SGD and SGD with momentum on the default task.
  static NetScene with_default_runs();

  // --- commands (validate, then apply; throw Error and change nothing on bad input) ---
  // A new task (data, model, batch size or seed): every run restarts on it.
  void set_task(const NetTaskConfig& config);
  void set_data(const std::string& spec);
  void set_model(const std::string& spec);
  void set_batch_size(std::int64_t batch_size);
  void set_seed(std::uint64_t seed);
  // The user's CSV as the data (parse_csv_dataset); the task keeps the rest of its config.
  void set_csv(const std::string& csv_text, double test_fraction);
  int add_run(const std::string& optimizer_spec, const std::string& scheduler_spec = "");
  void remove_run(int id);
  void update_run(int id, const std::string& optimizer_spec, const std::string& scheduler_spec = "");
  int duplicate_run(int id);
  void set_visible(int id, bool visible);
  void set_colour(int id, int colour);
  void play();
  void pause();
  void toggle_play() { playing_ ? pause() : play(); }
  void step(std::int64_t n = 1);  // stops at the step limit
  void reset();                   // runs back to the same initial weights, step 0
  void set_speed(double steps_per_second);
  void set_step_limit(std::int64_t limit);
  std::int64_t advance(double dt_seconds);

  // --- const state ---
  const NetTask& task() const { return *task_; }
  std::shared_ptr<const NetTask> shared_task() const { return task_; }
  const std::string& csv() const { return csv_; }  // the user's CSV text, "" for generated data
  std::int64_t step_count() const { return step_; }
  std::int64_t epoch() const;  // whole epochs completed at the current step
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  std::int64_t step_limit() const { return step_limit_; }
  const std::vector<NetSceneRun>& runs() const { return runs_; }
  const NetSceneRun* find(int id) const;
  // Bumped by every change of the task or of any run's path (for caches such as boundary maps).
  std::uint64_t version() const { return version_; }
  // Rows (losses on the whole train and test sets) are evaluated every row_every() steps while
  // playing, a power of two that keeps a run to ~512 rows up to the step limit: a row costs ~10
  // training steps, so 4 runs can play at 1000 steps/s. A paused scene's steps always end on a row.
  std::int64_t row_every() const { return row_every_; }

 private:
  NetSceneRun make_run(int id, int colour, const std::string& optimizer_spec, const std::string& scheduler_spec) const;
  void replay(NetSceneRun& r) const;
  void step_run(NetSceneRun& r, std::int64_t target, bool row_at_target) const;
  NetSceneRun& at(int id);
  int colour_for(const Spec& optimizer, int except_id) const;
  void install_task(std::shared_ptr<const NetTask> task, std::string csv);

  std::shared_ptr<const NetTask> task_;
  std::string csv_;
  std::vector<NetSceneRun> runs_;
  int next_id_ = 1;
  std::int64_t step_ = 0;
  bool playing_ = false;
  double speed_ = 100;
  std::int64_t step_limit_ = 2000;
  std::int64_t row_every_ = 4;
  double accumulator_ = 0;
  std::uint64_t version_ = 0;
};

}  // namespace adamlab
