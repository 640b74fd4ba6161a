#pragma once
// Anatomy of a step: what makes up a run's NEXT update, for the UI to draw as arrows and a table.
// Computed from the real thing: the run is copied, the copy takes one real step, and the
// optimizer's torch-named state before and after (plus its full spec) give every piece. So the
// numbers are the ones the run will use, and `step` is exactly the next update.
#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/spec.h"
#include "problems/problem.h"
#include "sim/noise.h"
#include "sim/run.h"
#include "sim/scene.h"

namespace adamlab {

enum class VectorRole { gradient, moment, scaling, step, decay };
const char* to_string(VectorRole role);  // "gradient", "moment", "scaling", "step", "decay"

struct NamedVector {
  std::string name;  // torch's name where there is one: exp_avg, exp_avg_sq, momentum_buffer, ...
  Eigen::Vector2d value;
  VectorRole role;
  std::string meaning;  // one line for the table, e.g. "exp_avg / (1 - beta1^t)"
};

struct NamedScalar {
  std::string name;
  double value;
  std::string meaning;
};

struct StepAnatomy {
  std::string optimizer;    // spec name: adam, adamw, sgd, ...
  std::int64_t t = 0;       // the step number this update is (state.step after it)
  Eigen::Vector2d position = Eigen::Vector2d::Zero();       // where the run is now
  Eigen::Vector2d next_position = Eigen::Vector2d::Zero();  // where the step lands (bit-exact)
  Eigen::Vector2d step = Eigen::Vector2d::Zero();           // next_position - position
  std::vector<NamedVector> vectors;
  std::vector<NamedScalar> scalars;
  std::string note;         // one or two sentences: which gradient, which decay, what is special
  bool torch_exact = true;  // false for the teaching-only views (bias_correction = false)

  const NamedVector* vector(const std::string& name) const;  // null if absent
  const NamedScalar* scalar(const std::string& name) const;
};

struct AnatomyOptions {
  // false: NOT PyTorch. For adam/adamw, the update the same m and v would give WITHOUT bias
  // correction (-lr * m / (sqrt(v) + eps)), to show why bias correction exists. Other optimizers
  // ignore it.
  bool bias_correction = true;
};

// The anatomy of `run`'s next step. Never changes `run`. For bias_correction = true, step and
// next_position equal the real next step bit for bit.
StepAnatomy explain_next_step(const Run& run, const AnatomyOptions& options = {});

// NOT PyTorch, teaching only: the path Adam (or AdamW) would take without bias correction, from
// `start` for `steps` steps with a constant lr (m and v used raw; amsgrad, maximize, weight decay
// as in the spec). Returns steps + 1 points, the first being start. Throws Error for other
// optimizers or an invalid spec. The noise argument matches Run's (same draws per step).
std::vector<Eigen::Vector2d> simulate_without_bias_correction(const Problem& problem, Eigen::Vector2d start,
                                                              const Spec& optimizer, std::int64_t steps,
                                                              const GradientNoise& noise = {});

// One sentence on why a run diverged, given a copy of the run at its last finite point (the
// step from here is the one that left the finite numbers, or the last one shown): whether that
// step was large against the landscape's local length scale |g| / |H g/|g|| (curvature along
// the gradient by finite differences of the gradient), or whether eps dominated a collapsed
// v_hat, or the gradient itself overflowed.
std::string diagnose_divergence(const Run& finite_copy_at_last_finite_step);

// Helper for the UI: a fresh copy of `run_in_scene` (same problem, start, optimizer and scheduler
// specs, noise) replayed for `steps` steps. With steps = diverged_at() - 1 it is the argument
// diagnose_divergence wants.
Run replay_run(const Scene& scene, const SceneRun& run_in_scene, std::int64_t steps);
// diagnose_divergence on the scene's run `id` at its last finite step; "" if it has not diverged.
std::string diagnose_divergence(const Scene& scene, int run_id);

}  // namespace adamlab
