#pragma once
// Scene links: the whole playground in the URL hash, in the CLI's spec grammar, readable by a
// human and safe to paste into a tutorial.
//
//   #problem=rosenbrock&start=-1.5,2&run=adam:lr=0.05&run=sgd:lr=0.001,momentum=0.9@step:step_size=100
//
// Grammar: key=value pairs joined by '&'; the value is everything after the first '='. Keys, in the
// canonical order to_link() writes them:
//   preset=NAME           expanded first, wherever it appears; every other key overrides it. A preset
//                         plays as choosing it from the menu does (autoplay=1) unless the link says
//                         autoplay=0 or at=K
//   problem=SPEC          e.g. rosenbrock, quadratic:a=0.05,b=1
//   view=XMIN,XMAX,YMIN,YMAX   the landscape's visible rectangle (the invariant of sim/view_rect.h)
//   start=X,Y             the shared start point
//   run=OPT[@SCHED]       one per run, in order; the scheduler follows an '@' (no spec contains one),
//                         e.g. run=adam:lr=0.05@cosine:T_max=100. Valid run= keys replace the
//                         preset's runs. Runs are numbered 1, 2, ... in the order the run= keys are
//                         written; the keys below refer to those numbers.
//   hide=N[,N...]         runs drawn hidden, e.g. hide=2,3
//   colours=C|auto,...    one palette index (0..Scene::kMaxRuns-1) or auto per run, e.g. colours=3,auto,0
//   speed=S               steps per second, Scene::kMinSpeed..Scene::kMaxSpeed
//   limit=N               step limit, 1..Scene::kMaxStepLimit
//   at=K                  open paused at step K (0..limit)
//   autoplay=B  loop=B  embed=B   B is 1|0|true|false; embed hides the menus a tutorial does not want
//   panels=NAME[,NAME...] panels shown: landscape, loss, lr, params, runs, anatomy
//   noise=SPEC  seed=N    gradient noise (sim/noise.h grammar: none | gaussian:std=S[,relative=B])
//   select=N              the selected run
//   anatomy=N[,nobc]      the run whose next step's anatomy is shown; nobc = the teaching view without
//                         bias correction (NOT PyTorch)
//   sweep=FIELD:VALUE,... a hyperparameter sweep of the selected run (sim/sweep_state.h), e.g.
//                         sweep=x:lr=1e-4:1:log:128,y:beta1=0:0.99:lin:128,steps:1000,metric:final_loss
// Input may be a full URL, or start with '#' or '?'; pieces are percent-decoded ('+' stays '+',
// since numbers use it). Empty pieces are skipped. to_link() writes a value's spaces, control and
// non-ASCII bytes and % & # " < > ` \\ { } | as %XX (link_pieces::escape_value), so a typed
// function (problem=expr:sin(x)*cos(y);a=2) survives a link and stays readable. Specs are kept as written once the real factory
// (make_problem / make_optimizer / make_scheduler / parse_noise) accepts them.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/percent.h"  // percent_decode, which every link reader uses
#include "problems/problem.h"
#include "sim/scene.h"

namespace adamlab {

struct LinkRun {
  std::string optimizer;  // a spec make_optimizer accepts, as written
  std::string scheduler;  // "" = none
  bool visible = true;
  int colour = -1;  // palette index, -1 = automatic (the smallest colour no other run uses)
  bool operator==(const LinkRun& o) const {
    return optimizer == o.optimizer && scheduler == o.scheduler && visible == o.visible && colour == o.colour;
  }
  bool operator!=(const LinkRun& o) const { return !(*this == o); }
};

// Every part optional: an absent part leaves the scene (or the UI) as it is.
struct SceneLink {
  std::optional<std::string> preset;
  std::optional<std::string> problem;
  std::optional<Rect> view;
  std::optional<Eigen::Vector2d> start;
  std::vector<LinkRun> runs;  // empty = keep the scene's runs
  std::optional<double> speed;
  std::optional<std::int64_t> limit;
  std::optional<std::int64_t> at;
  std::optional<bool> autoplay, loop, embed;
  std::optional<std::vector<std::string>> panels;
  std::optional<std::string> noise;
  std::optional<std::uint64_t> seed;
  std::optional<int> selected;      // index into runs (0-based; the link writes it 1-based)
  std::optional<int> anatomy;       // index into runs
  bool anatomy_bias_correction = true;  // false: `anatomy=N,nobc`
  std::optional<std::string> sweep;     // canonical SweepRequest text (to_string(SweepRequest))

  bool operator==(const SceneLink& o) const;
  bool operator!=(const SceneLink& o) const { return !(*this == o); }
};

struct ParsedLink {
  SceneLink link;
  // One line per rejected part, "<key>=<value>: <why>", e.g. "run=adam:lr=-1: Invalid learning rate: -1".
  std::vector<std::string> errors;
};

// Never throws: returns the valid parts and the reasons the others were ignored.
ParsedLink parse_link(const std::string& hash_or_url);
// The canonical hash, starting with '#'. parse_link(to_link(x)).link == x for every x parse_link returns.
std::string to_link(const SceneLink& link);

// What a page shows (and the JS API returns) of a link's errors: at most kMaxLinkErrors lines of
// at most kMaxLinkErrorChars characters each (longer ones end in "..."), then one line
// "... and N more", control characters written back as %XX. A hostile link with 10^4 bad parts
// or a megabyte-long spec stays readable.
constexpr std::size_t kMaxLinkErrors = 20;
constexpr std::size_t kMaxLinkErrorChars = 240;
std::vector<std::string> summarize_link_errors(const std::vector<std::string>& errors);

// The panel names `panels=` accepts.
const std::vector<std::string>& link_panel_names();

// What the link carries that the Scene does not: the UI passes its own state in.
struct UiLinkState {
  std::optional<std::string> preset;  // the preset the scene came from, if the user wants it named
  std::optional<Rect> view;
  std::optional<std::vector<std::string>> panels;
  std::optional<bool> autoplay, loop, embed;
  std::optional<std::int64_t> at;     // e.g. scene.step_count() to share a paused moment
  std::optional<int> selected_run_id;  // Scene run ids
  std::optional<int> anatomy_run_id;
  bool anatomy_bias_correction = true;
  std::optional<std::string> sweep;  // the sweep shown (canonical SweepRequest text)
};

// The link for a scene. Specs are shortened to the keys that differ from the defaults (sgd keeps
// its required lr). start, speed and limit are left out when they are the defaults, unless
// ui.preset is set, since then they must override the preset's values.
SceneLink link_from_scene(const Scene& scene, const UiLinkState& ui = {});

struct AppliedLink {
  std::vector<std::string> errors;  // what the scene refused, same format as ParsedLink::errors
  std::vector<int> run_ids;         // scene run id per link run, -1 where the scene refused it
  std::optional<int> selected_run_id, anatomy_run_id;  // resolved to scene ids
};

// Applies the scene parts (problem, start, limit, speed, runs with colours and visibility, noise,
// at, autoplay) to `scene`, part by part: a refused part leaves that part of the scene unchanged
// and is reported; the others apply. With runs present, the scene's runs are replaced and the
// scene restarts at step 0 (then steps to `at`). view, panels, embed, loop stay with the UI.
// Never throws.
AppliedLink apply_link(const SceneLink& link, Scene& scene);

// The scene the link defines, whatever `scene` held before: every scene part the link leaves out,
// or that is refused, takes its default as on a page opened with no link (Rosenbrock, its start,
// the default runs, speed, step limit, no noise, step 0). autoplay decides play or pause (absent:
// paused). Run ids keep counting up, so nothing holding an old run's id mistakes a new run for it.
// Never throws.
AppliedLink load_link(const SceneLink& link, Scene& scene);

// The shortest spec that builds the same full configuration (drops keys equal to their default).
// kind: "optimizer", "scheduler" or "problem". Returns text unchanged if it does not build.
std::string shortest_spec(const std::string& kind, const std::string& text);

}  // namespace adamlab
