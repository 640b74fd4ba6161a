#include "export/scene_export.h"

#include "core/error.h"
#include "export/pytorch_net_script.h"
#include "export/pytorch_script.h"
#include "export/torch_names.h"

namespace adamlab::torch_export {
namespace {

std::optional<Spec> scheduler_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return parse_spec(text);
}

// The runs a script covers: the one asked for, or all of them.
template <class Run, class SceneT>
std::vector<const Run*> chosen(const SceneT& scene, std::optional<int> run_id) {
  std::vector<const Run*> out;
  if (run_id) {
    const Run* run = scene.find(*run_id);
    if (!run) throw Error("no run with id " + std::to_string(*run_id));
    out.push_back(run);
  } else {
    for (const Run& r : scene.runs()) out.push_back(&r);
    if (out.empty()) throw Error("nothing to export: the scene has no runs");
  }
  return out;
}

template <class Run>
RunCode run_code(const Run& r) {
  const std::optional<Spec> sched = scheduler_of(r.scheduler);
  return {r.id, optimizer_constructor(r.optimizer), sched ? scheduler_constructor(*sched) : ""};
}

std::string label(int id, const Spec& optimizer, const std::string& scheduler) {
  return "run " + std::to_string(id) + ": " + to_string(optimizer) + (scheduler.empty() ? "" : " + " + scheduler);
}

}  // namespace

CodeExport landscape_code(const Scene& scene, std::optional<int> run_id) {
  CodeExport out;
  LandscapeExport e;
  e.problem = parse_spec(scene.problem_spec());
  e.start = {scene.start().x(), scene.start().y()};
  e.noise = scene.noise();
  e.steps = scene.step_count();
  for (const SceneRun* r : chosen<SceneRun>(scene, run_id)) {
    e.runs.push_back({r->optimizer, scheduler_of(r->scheduler), run_id ? "" : label(r->id, r->optimizer, r->scheduler)});
    out.runs.push_back(run_code(*r));
  }
  out.script = landscape_script(e);
  out.run = out.runs.front();
  return out;
}

CodeExport network_code(const NetScene& scene, std::optional<int> run_id) {
  CodeExport out;
  std::vector<NetRunExport> runs;
  for (const NetSceneRun* r : chosen<NetSceneRun>(scene, run_id)) {
    runs.push_back({r->optimizer, scheduler_of(r->scheduler), run_id ? "" : label(r->id, r->optimizer, r->scheduler)});
    out.runs.push_back(run_code(*r));
  }
  out.script = network_script(scene.task(), runs, scene.step_count());
  out.run = out.runs.front();
  return out;
}

}  // namespace adamlab::torch_export
