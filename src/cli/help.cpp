#include "cli/help.h"

#include "core/error.h"
#include "core/limits.h"
#include "optim/optimizer.h"
#include "problems/problem.h"

namespace adamlab::cli {
namespace {

// Defaults are read from the factories themselves so the help can never drift from the code.
std::string optimizer_defaults() {
  std::string out;
  for (const auto& name : optimizer_names()) {
    Spec spec{name, {}};
    std::string note;
    try {
      spec = make_optimizer(spec)->spec();
    } catch (const Error&) {
      // torch's SGD has no default lr: show the other defaults and mark lr as required.
      spec = make_optimizer(Spec{name, {{"lr", "0.1"}}})->spec();
      spec.set("lr", "<required>");
    }
    out += "    " + to_string(spec) + "\n";
  }
  return out;
}

std::string problem_defaults() {
  std::string out;
  for (const auto& name : problem_names()) {
    const auto problem = make_problem(Spec{name, {}});
    const auto start = problem->start();
    out += "    " + to_string(problem->spec()) + "   (default start " + format_number(start[0]) + "," +
           format_number(start[1]) + ")\n";
  }
  return out;
}

}  // namespace

std::string main_help() {
  return "adamlab: PyTorch optimizers (torch.optim 1.13 semantics) on 2D loss landscapes\n"
         "\n"
         "usage:\n"
         "  adamlab trace --problem SPEC --start X,Y --optimizer SPEC --steps N [--scheduler SPEC] [--format csv|json]\n"
         "  adamlab trace --help     details of trace, every optimizer, scheduler and problem with its defaults\n"
         "  adamlab --help\n"
         "\n"
         "A SPEC is `name` or `name:key=value,...`, e.g. adam:lr=0.05,beta1=0.8 or rosenbrock:b=10.\n"
         "Exit codes: 0 success (a run that diverges still prints its rows), 2 bad input.\n";
}

std::string trace_help() {
  return "usage: adamlab trace --problem SPEC --start X,Y --optimizer SPEC --steps N [--scheduler SPEC] [--format csv|json]\n"
         "\n"
         "Runs the loop  for k in 1..N: loss(p).backward(); optimizer.step(); scheduler.step()\n"
         "and prints one row per point:\n"
         "  csv (default): header step,x,y,loss,lr; numbers printed with %.17g.\n"
         "    Row 0 is the start with the configured lr; row k is the point after k steps and the lr\n"
         "    step k used (param_groups[0]['lr'] read before step k).\n"
         "  json: {\"step\":[...],\"x\":[...],\"y\":[...],\"loss\":[...],\"lr\":[...]}, non-finite numbers as null.\n"
         "\n"
         "Options (each exactly once, as `--name value`):\n"
         "  --problem SPEC     the loss landscape (below)\n"
         "  --start X,Y        the start point, plain decimals, e.g. -1.5,2\n"
         "  --optimizer SPEC   the optimizer and its hyperparameters (below)\n"
         "  --steps N          number of optimizer steps, 0 <= N <= " + std::to_string(kMaxTraceSteps) + "\n"
         "  --scheduler SPEC   optional LR scheduler, stepped once after every optimizer step\n"
         "  --format csv|json  output format (default csv)\n"
         "\n"
         "Spec grammar: name or name:key=value,... Keys are PyTorch's argument names, with betas split\n"
         "into beta1 and beta2. Numbers are plain decimals (-1.5, 3e-4; no inf, nan or hex); booleans\n"
         "are true|false|1|0. Unknown names or keys, malformed numbers, duplicate keys and values\n"
         "PyTorch rejects (with PyTorch's message) exit with code 2 and one line on stderr.\n"
         "\n"
         "Optimizers, with every option at its PyTorch default:\n" +
         optimizer_defaults() +
         "\n"
         "Schedulers (torch.optim.lr_scheduler, chainable forms):\n"
         "    step:step_size=N[,gamma=0.1]                            StepLR\n"
         "    exponential:gamma=G                                     ExponentialLR\n"
         "    cosine:T_max=N[,eta_min=0]                              CosineAnnealingLR (continues past T_max)\n"
         "    linear[:start_factor=0.3333333333333333,end_factor=1,total_iters=5]   LinearLR\n"
         "    cosine_warm_restarts:T_0=N[,T_mult=1,eta_min=0]         CosineAnnealingWarmRestarts\n"
         "\n"
         "Problems, with their parameters at the defaults:\n" +
         problem_defaults() +
         "\n"
         "example:\n"
         "  adamlab trace --problem rosenbrock --start -1.5,2 --optimizer adam:lr=0.05 --steps 500\n";
}

}  // namespace adamlab::cli
