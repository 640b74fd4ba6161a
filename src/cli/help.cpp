#include "cli/help.h"

#include <algorithm>
#include <utility>
#include <vector>

#include "batch/batch_runs.h"
#include "core/error.h"
#include "core/limits.h"
#include "data/dataset.h"
#include "expr/ops.h"
#include "expr/syntax.h"
#include "nn/model.h"
#include "nn/net_task.h"
#include "optim/optimizer.h"
#include "problems/problem.h"
#include "sched/scheduler.h"
#include "sim/sweep.h"

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

// Like optimizer_defaults(), the torch class name aligned in a second column.
std::string scheduler_defaults() {
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t width = 0;
  for (const auto& name : scheduler_names()) {
    const std::string required = scheduler_required_key(name);
    Spec spec{name, {}};
    if (!required.empty()) spec.set(required, "1");
    spec = make_scheduler(spec)->spec();
    if (!required.empty()) spec.set(required, "<required>");
    rows.emplace_back(to_string(spec), scheduler_torch_class(name));
    width = std::max(width, rows.back().first.size());
  }
  std::string out;
  for (const auto& [spec, torch_class] : rows)
    out += "    " + spec + std::string(width + 3 - spec.size(), ' ') + torch_class + "\n";
  return out;
}

std::string sweepable_keys() {
  std::string out;
  for (const auto& name : optimizer_names()) {
    out += "    " + name + ":";
    for (const auto& key : batch::batch_numeric_keys(name)) out += " " + key;
    out += "\n";
  }
  return out;
}

const char* const kNoiseHelp =
    "Gradient noise (--noise SPEC, default none), a stand-in for minibatch noise:\n"
    "    none\n"
    "    gaussian:std=S[,relative=false]   g_i + S*z        (absolute, the default)\n"
    "    gaussian:std=S,relative=true      g_i + (S*z)*g_i  (S is a fraction of |g_i|)\n"
    "  z ~ N(0,1) is drawn per step k and coordinate i from (--seed N, k, i) alone (splitmix64 hash,\n"
    "  Box-Muller with our own log/cos): the same seed gives the same noise on every machine and in\n"
    "  the browser, and every run of a sweep sees the same noise. S >= 0; --seed N >= 0 (default 0).\n";

std::string problem_defaults() {
  std::string out;
  for (const auto& name : problem_names()) {
    const auto problem = make_problem(Spec{name, {}});
    const auto start = problem->start();
    out += "    " + to_string(problem->spec()) + "   (default start " + format_number(start[0]) + "," +
           format_number(start[1]) + ")\n";
  }
  out += "    expr:FUNCTION   a function of x and y you type (below)\n";
  return out;
}

// The typed-function functions with their arity and what their gradient does at kinks, read from
// the parser's own table (expr/ops.h) so the help lists exactly what parses.
std::string expr_functions() {
  std::vector<std::pair<std::string, std::string>> rows;
  std::size_t width = 0;
  for (const auto& f : expr::functions()) {
    rows.emplace_back(std::string(f.name) + (f.arity == 2 ? "(u, v)" : "(u)"), f.at_kinks);
    width = std::max(width, rows.back().first.size());
  }
  std::string out;
  for (const auto& [call, note] : rows)
    out += "    " + call + (note.empty() ? "" : std::string(width + 3 - call.size(), ' ') + note) + "\n";
  return out;
}

std::string expr_help() {
  return "Typed functions (--problem expr:FUNCTION): any f(x, y) you write, with exact gradients\n"
    "(reverse-mode, each operation's derivative as torch autograd takes it), e.g.\n"
    "  --problem 'expr:sin(x)*cos(y) + 0.1*(x^2 + y^2)'\n"
    "  --problem 'expr:a*(y - x^2)^2 + (1 - x)^2; a=100; view=-2,2,-1,3; start=-1.5,2; minimum=1,1'\n"
    "Grammar: numbers (1.5, .5, 3e-4), x, y, pi, e, + - * / ^ and parentheses; ^ binds tighter than a\n"
    "  sign and is right-associative (-x^2 = -(x^2), 2^3^2 = 2^9); x^2 and x^3 are computed as x*x and\n"
    "  x*x*x; spaces are ignored; no implicit products (write 2*x). Quote the spec for the shell.\n"
    "After the function, optional parts separated by ';':\n"
    "  NAME=VALUE                  a named constant the function uses (a=100)\n"
    "  view=XMIN,XMAX,YMIN,YMAX    the default view (else -3,3,-3,3)\n"
    "  start=X,Y                   the default start (else a fifth of the view in from its top-left)\n"
    "  minimum=X,Y                 the known minimum, used as f* by the charts\n"
    "At most " + std::to_string(expr::kMaxTextLength) + " characters, nested at most " +
    std::to_string(expr::kMaxNesting) + " deep. A mistake exits with code 2: the message names the\n"
    "  column, then the text is shown with a caret under it.\n"
    "Outside its domain a function gives nan or inf as C and torch do (log(-1) = nan, 1/0 = inf), and\n"
    "  a run that reaches such a point diverges. Functions (u, v are expressions), and where the\n"
    "  gradient is taken by convention:\n" +
         expr_functions();
}

// Every generator's full spec at its defaults, read from the generators themselves.
std::string dataset_defaults() {
  std::string out;
  for (const auto& name : dataset_names()) out += "    " + make_dataset(Spec{name, {}}, 1).spec + "\n";
  return out;
}

}  // namespace

std::string main_help() {
  return "adamlab: PyTorch optimizers (torch.optim 1.13 semantics) on 2D loss landscapes and small networks\n"
         "\n"
         "usage:\n"
         "  adamlab trace --problem SPEC --start X,Y --optimizer SPEC --steps N [--scheduler SPEC] [--format csv|json|pytorch]\n"
         "  adamlab trace --help     details of trace, every optimizer, scheduler and problem with its defaults\n"
         "  adamlab sweep --problem SPEC --start X,Y --optimizer SPEC --x KEY=LO:HI:SCALE:N --y KEY=LO:HI:SCALE:N\n"
         "                --steps N [--metric M] [--noise SPEC] [--seed N] [--seeds K]\n"
         "  adamlab sweep --help     details of sweep: axes, metrics, noise\n"
         "  adamlab train --data SPEC --model SPEC --optimizer SPEC --steps N [--scheduler SPEC]\n"
         "                [--batch-size B] [--seed S] [--format csv|json|pytorch]\n"
         "  adamlab train --help     details of train: datasets, the model spec\n"
         "  adamlab --help\n"
         "\n"
         "A SPEC is `name` or `name:key=value,...`, e.g. adam:lr=0.05,beta1=0.8 or rosenbrock:b=10; a problem\n"
         "may also be a function you type, e.g. --problem 'expr:sin(x)*cos(y) + 0.1*(x^2 + y^2)' (trace --help).\n"
         "Exit codes: 0 success (a run that diverges still prints its rows), 2 bad input.\n";
}

std::string trace_help() {
  return "usage: adamlab trace --problem SPEC --start X,Y --optimizer SPEC --steps N [--scheduler SPEC] [--format csv|json|pytorch]\n"
         "                     [--noise SPEC] [--seed N]\n"
         "\n"
         "Runs the loop  for k in 1..N: loss(p).backward(); optimizer.step(); scheduler.step()\n"
         "and prints one row per point:\n"
         "  csv (default): header step,x,y,loss,lr; numbers printed with %.17g.\n"
         "    Row 0 is the start with the configured lr; row k is the point after k steps and the lr\n"
         "    step k used (param_groups[0]['lr'] read before step k).\n"
         "  json: {\"step\":[...],\"x\":[...],\"y\":[...],\"loss\":[...],\"lr\":[...]}, non-finite numbers as null.\n"
         "  pytorch: a standalone Python script (torch + the standard library) that runs the same problem,\n"
         "    optimizer, scheduler, noise and steps with torch.optim and prints this csv; under PyTorch 1.13\n"
         "    in float64 its numbers match to ~1e-15 (the gradient and noise are ported bit for bit).\n"
         "\n"
         "Options (each exactly once, as `--name value`):\n"
         "  --problem SPEC     the loss landscape (below)\n"
         "  --start X,Y        the start point, plain decimals, e.g. -1.5,2\n"
         "  --optimizer SPEC   the optimizer and its hyperparameters (below)\n"
         "  --steps N          number of optimizer steps, 0 <= N <= " + std::to_string(kMaxTraceSteps) + "\n"
         "  --scheduler SPEC   optional LR scheduler, stepped once after every optimizer step\n"
         "  --format csv|json|pytorch  output format (default csv)\n"
         "  --noise SPEC       optional gradient noise (below)\n"
         "  --seed N           the noise seed (default 0)\n"
         "\n" +
         std::string(kNoiseHelp) +
         "\n"
         "Spec grammar: name or name:key=value,... Keys are PyTorch's argument names, with betas split\n"
         "into beta1 and beta2. Numbers are plain decimals (-1.5, 3e-4; no inf, nan or hex); booleans\n"
         "are true|false|1|0. Unknown names or keys, malformed numbers, duplicate keys and values\n"
         "PyTorch rejects (with PyTorch's message) exit with code 2 and one line on stderr.\n"
         "\n"
         "Optimizers, with every option at its PyTorch default:\n" +
         optimizer_defaults() +
         "\n"
         "Schedulers (torch.optim.lr_scheduler; cosine continues past T_max, as torch's chainable form\n"
         "does), with every option at its PyTorch default:\n" +
         scheduler_defaults() +
         "\n"
         "Problems, with their parameters at the defaults:\n" +
         problem_defaults() +
         "\n" + expr_help() +
         "\n"
         "example:\n"
         "  adamlab trace --problem rosenbrock --start -1.5,2 --optimizer adam:lr=0.05 --steps 500\n"
         "  adamlab trace --problem 'expr:x^2 + 10*y^2' --start -2,1 --optimizer adam:lr=0.1 --steps 200\n";
}

std::string sweep_help() {
  return "usage: adamlab sweep --problem SPEC --start X,Y --optimizer SPEC --x KEY=LO:HI:SCALE:N\n"
         "                     --y KEY=LO:HI:SCALE:N --steps N [--metric M] [--noise SPEC] [--seed N] [--seeds K]\n"
         "\n"
         "Runs the trace loop (no scheduler) for every cell of a grid of two hyperparameters and prints\n"
         "one csv row per cell, y outer and x inner:\n"
         "  x_value,y_value,metric      numbers printed with %.17g, nan spelled nan\n"
         "Each cell is exactly `adamlab trace` with --optimizer SPEC plus KEY=x_value,KEY=y_value\n"
         "(computed by the batched engine, bit-identical to trace).\n"
         "\n"
         "Axes (--x, --y): KEY=LO:HI:SCALE:N, N cells from LO to HI inclusive (1 <= N <= " +
         std::to_string(kMaxSweepAxisCells) + "),\n"
         "  SCALE log (geometric; LO, HI > 0), lin, or log1m (1 - value geometric; LO, HI < 1, for decay\n"
         "  rates: beta2=0.9:0.9999:log1m:4 is 0.9, 0.99, 0.999, 0.9999).\n"
         "  KEY is a numeric option of the optimizer, different on\n"
         "  the two axes; it overrides the value in --optimizer. e.g. --x lr=1e-4:1:log:64 --y beta1=0:0.99:lin:50\n"
         "  Every cell is validated with PyTorch's rules first: a range crossing a value torch rejects\n"
         "  (beta1 up to 1, a negative lr) is an error naming the axis and the value. Sweepable keys:\n" +
         sweepable_keys() +
         "\n"
         "Metrics (--metric, default final_loss):\n"
         "  final_loss       loss after step N; nan if the run diverged\n"
         "  best_loss        lowest loss over steps 0..N; nan if the run diverged\n"
         "  steps_to:THRESH  first step whose loss <= THRESH (0 = the start); nan if not reached by step N\n"
         "                   or before diverging\n"
         "  diverged         1 if x, y or the loss became inf/nan at some step (the run diverged), else 0\n"
         "\n"
         "Noise: --noise SPEC and --seed N as for trace (below). --seeds K (1 <= K <= " +
         std::to_string(kMaxSweepSeeds) + ", default 1) runs every cell\n"
         "  with seeds N, N+1, ..., N+K-1 and prints the mean metric (nan if any seed's is nan; for\n"
         "  diverged, the fraction of seeds that diverged).\n"
         "\n" +
         std::string(kNoiseHelp) +
         "\n"
         "Limits: cells x steps x seeds <= " + format_number(kMaxSweepRunSteps) + ". Errors exit with code 2 and one line on stderr.\n"
         "\n"
         "example:\n"
         "  adamlab sweep --problem rosenbrock --start -1.5,2 --optimizer adam --x lr=1e-4:1:log:32 \\\n"
         "                --y beta1=0:0.99:lin:32 --steps 500 --metric best_loss\n";
}

std::string train_help() {
  const NetTaskConfig defaults;
  return "usage: adamlab train --data SPEC --model SPEC --optimizer SPEC --steps N [--scheduler SPEC]\n"
         "                     [--batch-size B] [--seed S] [--format csv|json|pytorch]\n"
         "\n"
         "Trains a small MLP the way a PyTorch user does (float64, torch 1.13 semantics):\n"
         "  for k in 1..N: x, y = next(batches)   # DataLoader(batch_size=B, shuffle=True, drop_last=False)\n"
         "                 loss_fn(net(x), y).backward(); optimizer.step(); scheduler.step()\n"
         "with nn.CrossEntropyLoss for classification and nn.MSELoss for regression, and prints one row\n"
         "per step, evaluated on the whole train and test sets:\n"
         "  csv (default): header step,train_loss,test_loss,train_accuracy,test_accuracy,lr; numbers\n"
         "    printed with %.17g. Row 0 is the initial network with the configured lr; row k is the\n"
         "    network after k steps and the lr step k used. Accuracies are nan for regression.\n"
         "  json: {\"step\":[...],\"train_loss\":[...],...,\"lr\":[...]}, non-finite numbers as null.\n"
         "  pytorch: a standalone Python script (torch + the standard library) with the data, initial\n"
         "    weights and batch order embedded, training the same nn.Sequential with torch.optim and\n"
         "    printing this csv (PyTorch 1.13, float64: the same numbers to ~1e-12).\n"
         "The seed picks the data, the initial weights (as nn.Linear initialises them) and the batch\n"
         "order, each from its own stream: the same seed gives the same output on every machine.\n"
         "\n"
         "Options (each exactly once, as `--name value`):\n"
         "  --data SPEC        the dataset (below)\n"
         "  --model SPEC       the network (below)\n"
         "  --optimizer SPEC   the optimizer and its hyperparameters, as for trace (adamlab trace --help)\n"
         "  --steps N          number of optimizer steps, 0 <= N <= " + std::to_string(kMaxTraceSteps) + "\n"
         "  --scheduler SPEC   optional LR scheduler, stepped once after every optimizer step\n"
         "  --batch-size B     minibatch size, 1 <= B <= " + std::to_string(kMaxBatchSize) + " (default " +
         std::to_string(defaults.batch_size) + "; the last batch of an epoch is shorter)\n"
         "  --seed S           a whole number >= 0 (default " + std::to_string(defaults.seed) + ")\n"
         "  --format csv|json|pytorch  output format (default csv)\n"
         "\n"
         "Datasets, with every option at its default (n points, noise, test_fraction held out for the\n"
         "test columns):\n" +
         dataset_defaults() +
         "\n"
         "Model: mlp[:hidden=16x16|none,activation=relu|tanh|sigmoid|linear,features=x+y+xy+...]\n"
         "  hidden: 0-" + std::to_string(kMaxHiddenLayers) + " layers of 1.." + std::to_string(kMaxLayerWidth) +
         " units (none = a linear model)\n"
         "  features: for planar data x y x2 y2 xy sinx siny, for 1D data x x2 sinx; data with more\n"
         "  inputs (sparse) uses its raw inputs\n"
         "  defaults: " + to_string(model_spec(ModelConfig{})) + "\n"
         "\n"
         "Errors exit with code 2 and one line on stderr naming the bad value; nothing is printed.\n"
         "\n"
         "example:\n"
         "  adamlab train --data spirals:n=400,noise=0.1 --model mlp:hidden=16x16,activation=tanh \\\n"
         "                --optimizer adam:lr=0.01 --steps 2000 --batch-size 16\n";
}

}  // namespace adamlab::cli
