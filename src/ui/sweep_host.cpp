#include "ui/sweep_host.h"

#include <algorithm>
#include <memory>

#include "core/error.h"
#include "nn/net_scene.h"
#include "nn/net_sweep.h"
#include "problems/problem.h"
#include "sim/scene.h"

namespace adamlab::ui {

const SweepHost::Run* SweepHost::find(int id) const {
  for (const Run& r : runs)
    if (r.id == id) return &r;
  return nullptr;
}

SweepHost landscape_sweep_host(const Scene& scene, CommandQueue* commands) {
  SweepHost h;
  for (const auto& r : scene.runs()) h.runs.push_back({r.id, r.colour, &r.optimizer, r.scheduler});
  h.noisy = scene.noise().enabled();
  h.start = [&scene](SweepSession& session, const SweepRequest& request, const SweepHost::Run& run) {
    session.start(request, scene, *run.optimizer, run.id);
  };
  h.min_value = [&scene](const SweepConfig& config) {
    try {
      return to_string(config.problem) == scene.problem_spec() ? scene.problem().min_value()
                                                               : make_problem(config.problem)->min_value();
    } catch (const Error&) {
      return 0.0;
    }
  };
  h.stale = [](const SweepConfig&) { return false; };
  if (commands)
    h.apply_cell = [commands](const std::string& spec, const SweepHost::Run* run, bool add, std::int64_t steps) {
      const int id = run ? run->id : 0;
      const std::string scheduler = run ? run->scheduler : "";
      commands->push([spec, id, scheduler, add, steps](Scene& s) {
        if (add || !s.find(id))
          s.add_run(spec);
        else
          s.update_run(id, spec, scheduler);
        // Show the path as far as the sweep measured it.
        const std::int64_t want = std::min(steps, s.step_limit());
        if (s.step_count() < want) s.step(want - s.step_count());
      });
    };
  return h;
}

SweepHost network_sweep_host(const NetScene& scene, NetCommandQueue* commands) {
  SweepHost h;
  h.network = true;
  for (const auto& r : scene.runs()) h.runs.push_back({r.id, r.colour, &r.optimizer, r.scheduler});
  h.start = [&scene](SweepSession& session, const SweepRequest& request, const SweepHost::Run& run) {
    session.start(request, scene, *run.optimizer, run.scheduler, run.id);
  };
  h.min_value = [](const SweepConfig&) { return 0.0; };  // cross-entropy and MSE are >= 0
  // Every change of data, model, batch size or seed installs a new task.
  std::shared_ptr<const NetTask> task = scene.shared_task();
  h.stale = [task](const SweepConfig& config) { return !config.network || config.network->built != task; };
  if (commands)
    h.apply_cell = [commands, task](const std::string& spec, const SweepHost::Run* run, bool add, std::int64_t steps) {
      const int id = run ? run->id : 0;
      const std::string scheduler = run ? run->scheduler : "";
      commands->push([spec, id, scheduler, add, steps, task](NetScene& s) {
        // The cell was trained with the swept run's scheduler: the new run keeps it.
        if (add || !s.find(id))
          s.add_run(spec, scheduler);
        else
          s.update_run(id, spec, scheduler);
        // Trained as far as the sweep measured it (on the task it measured, if still the scene's).
        const std::int64_t want = std::min(steps, s.step_limit());
        if (s.shared_task() == task && s.step_count() < want) s.step(want - s.step_count());
      });
    };
  return h;
}

}  // namespace adamlab::ui
