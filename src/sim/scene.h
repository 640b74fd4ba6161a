#pragma once
// The playground's whole simulation state, headless: one problem, a shared start point, several
// runs racing on it, and the playback clock. The UI and the JS bridge read it as const and change
// it only through the commands below; every command validates first and throws adamlab::Error
// with the scene left exactly as it was.
//
// Time: all runs share one step counter (scene time). Changing a run restarts it from the start
// point and replays it up to the current step at once, so a slider drag shows the new path
// immediately. Playback advances on a fixed-step accumulator (advance(dt)), never per frame, so
// the native app, the browser and the tests compute identical paths.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/spec.h"
#include "problems/problem.h"
#include "sim/history.h"
#include "sim/noise.h"
#include "sim/run.h"

namespace adamlab {

struct SceneRun {
  int id = 0;
  int colour = 0;  // index into kRunPalette (sim/palette.h: by optimizer unless set explicitly)
  bool visible = true;
  Spec optimizer;                 // full spec, every option present
  std::string scheduler;          // full scheduler spec, "" = none
  Run run;
  History history;
};

class Scene {
 public:
  static constexpr double kMaxSpeed = 20000;           // steps per second
  static constexpr double kMinSpeed = 0.25;
  static constexpr std::int64_t kMaxStepLimit = 200000;
  static constexpr int kMaxRuns = 12;

  // An empty scene on `problem_spec` (no runs); see with_default_runs() for the playground's.
  explicit Scene(const std::string& problem_spec = "rosenbrock");
  // Adam, SGD, SGD+momentum and RMSProp racing on Rosenbrock (skips any optimizer the build lacks).
  static Scene with_default_runs();

  // --- commands (validate, then apply; throw Error and change nothing on bad input) ---
  void set_problem(const std::string& spec);  // start moves to the problem's start; runs restart
  void set_start(double x, double y);         // all runs restart from here
  // schedulers: "" = none. Returns the new run's id.
  int add_run(const std::string& optimizer_spec, const std::string& scheduler_spec = "");
  void remove_run(int id);
  void update_run(int id, const std::string& optimizer_spec, const std::string& scheduler_spec = "");
  int duplicate_run(int id);
  void set_visible(int id, bool visible);
  void set_colour(int id, int colour);  // palette index 0..kMaxRuns-1, not used by another run
  // Gradient noise shared by every run (seed included); runs restart. Default: none.
  void set_noise(const GradientNoise& noise);
  void play();
  void pause();
  void toggle_play() { playing_ ? pause() : play(); }
  void step(std::int64_t n = 1);  // n >= 0 steps, stops at the step limit
  void reset();                    // all runs back to the start point, step 0
  void set_speed(double steps_per_second);
  void set_step_limit(std::int64_t limit);  // shrinking below the current step truncates by replay

  // The clock: steps as many whole steps as speed * elapsed time asks for (while playing).
  // Returns the number of steps taken. dt is clamped so a stalled tab does not burst.
  std::int64_t advance(double dt_seconds);

  // --- const state ---
  const Problem& problem() const { return *problem_; }
  const std::string& problem_spec() const { return problem_spec_; }  // full spec
  Eigen::Vector2d start() const { return start_; }
  std::int64_t step_count() const { return step_; }
  bool playing() const { return playing_; }
  double speed() const { return speed_; }
  std::int64_t step_limit() const { return step_limit_; }
  const std::vector<SceneRun>& runs() const { return runs_; }
  const SceneRun* find(int id) const;  // null if no such run
  const GradientNoise& noise() const { return noise_; }
  // Counts reset() calls: the app tells a user's Reset (a queued command) from other changes.
  std::uint64_t reset_count() const { return reset_count_; }
  // Bumped by every change that alters the landscape (problem), and by any path change.
  std::uint64_t problem_version() const { return problem_version_; }

 private:
  SceneRun make_run(int id, int colour, const std::string& optimizer_spec, const std::string& scheduler_spec) const;
  void replay(SceneRun& r) const;        // restart r and bring it to step_
  void step_run(SceneRun& r, std::int64_t target) const;
  SceneRun& at(int id);
  // sim/palette.h: the optimizer's own colour if no other run (but except_id) has it, else a spare.
  int colour_for(const Spec& optimizer, int except_id) const;

  std::shared_ptr<const Problem> problem_;
  std::string problem_spec_;
  Eigen::Vector2d start_;
  std::vector<SceneRun> runs_;
  int next_id_ = 1;
  std::int64_t step_ = 0;
  bool playing_ = false;
  double speed_ = 150;
  std::int64_t step_limit_ = 3000;
  double accumulator_ = 0;
  std::uint64_t problem_version_ = 0;
  std::uint64_t reset_count_ = 0;
  GradientNoise noise_;
};

}  // namespace adamlab
