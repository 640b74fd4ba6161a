#pragma once
// Plain-text views of a Scene for the JS API: the state as JSON, a run's trace as the CLI's csv.
#include <string>

#include "sim/scene.h"

namespace adamlab {

// {"problem": spec, "start": [x, y], "step": n, "playing": b, "speed": s, "stepLimit": n,
//  "minima": [[x, y], ...], "runs": [{"id", "optimizer", "scheduler", "colour": "#rrggbb", "visible",
//  "step", "x", "y", "loss", "lr", "diverged", "divergedAt"}], "noise": spec ("none" without)}.
// Non-finite numbers become null.
std::string scene_state_json(const Scene& scene);

// header step,x,y,loss,lr then one row per kept step (all steps unless the history was decimated),
// numbers as %.17g, exactly like the CLI's --csv output.
std::string run_trace_csv(const SceneRun& run);

// Every run's kept rows in one csv (RFC 4180): header run,optimizer,scheduler,step,x,y,loss,lr.
// run = the scene's run id; optimizer and scheduler = the shortest specs that rebuild the run
// (as its link writes them; the scheduler empty for none), quoted where they hold commas; the
// rows of each run in scene order, numbers as in run_trace_csv. (The CLI's trace csv is
// unchanged: one run, header step,x,y,loss,lr.)
extern const char* const kSceneTracesCsvHeader;
std::string scene_traces_csv(const Scene& scene);

// JSON string literal with escapes, and a number (null when not finite).
std::string json_string(const std::string& text);
std::string json_number(double value);

}  // namespace adamlab
