#include "export/pytorch_script.h"

#include <memory>

#include "core/error.h"
#include "export/problem_python.h"
#include "export/python_rng.h"
#include "export/torch_names.h"
#include "optim/optimizer.h"
#include "problems/expr_problem.h"
#include "problems/problem.h"
#include "sched/scheduler.h"

namespace adamlab::torch_export {
namespace {

std::string noise_block(const GradientNoise& noise) {
  std::string out = "# Gradient noise, AdamLab's generator ported to Python integers (sim/noise.h): step k's\n"
                    "# gradient g_i becomes ";
  out += noise.relative ? "g_i + (std * z) * g_i" : "g_i + std * z";
  out += ", z = standard_normal(seed, k, i).\n";
  out += "NOISE_STD = " + python_float(noise.std) + "\n";
  out += "NOISE_SEED = " + std::to_string(noise.seed) + "\n\n\n";
  out += python_splitmix64() + "\n\n" + python_standard_normal() + "\n\n";
  out += "def noisy(g, step, coordinate):\n";
  out += "    scale = NOISE_STD * standard_normal(NOISE_SEED, step, coordinate)\n";
  out += noise.relative ? "    return g + scale * g\n" : "    return g + scale\n";
  return out;
}

}  // namespace

std::string trace_command_line(const LandscapeExport& e, const LandscapeRunExport& run) {
  // A typed function as its canonical one-line text: what the user typed may hold newlines.
  const std::string problem = e.problem.name == kExprProblemName ? to_string(make_problem(e.problem)->spec())
                                                                 : to_string(e.problem);
  std::string out = "adamlab trace --problem " + shell_word(problem) + " --start " +
                    format_number(e.start.x) + "," + format_number(e.start.y) + " --optimizer " +
                    shell_word(to_string(run.optimizer)) + " --steps " + std::to_string(e.steps);
  if (run.scheduler) out += " --scheduler " + shell_word(to_string(*run.scheduler));
  if (e.noise.enabled())
    out += " --noise " + shell_word(to_string(noise_spec(e.noise))) + " --seed " + std::to_string(e.noise.seed);
  return out;
}

std::string landscape_script(const LandscapeExport& e) {
  if (e.runs.empty()) throw Error("nothing to export: the scene has no runs");
  if (e.steps < 0) throw Error("invalid steps " + std::to_string(e.steps) + " (must be >= 0)");
  const std::unique_ptr<Problem> problem = make_problem(e.problem);
  std::vector<std::string> optimizers, schedulers;
  for (const auto& run : e.runs) {
    optimizers.push_back(optimizer_constructor(run.optimizer, "[p]"));
    schedulers.push_back(run.scheduler ? scheduler_constructor(*run.scheduler) : "None");
  }
  const bool several = e.runs.size() > 1;

  std::string s = "#!/usr/bin/env python3\n";
  s += "# Exported from AdamLab: the same run in PyTorch (torch + the standard library only).\n";
  s += several ? "# Prints one `adamlab trace` csv per run, each after a '# run' line; each reproduces\n"
               : "# Prints exactly the csv (step,x,y,loss,lr) of\n";
  for (const auto& run : e.runs) s += "#   " + trace_command_line(e, run) + "\n";
  s += "# Run it with: python3 this_file.py   (checked with PyTorch 1.13, float64)\n";
  s += "import math\n\nimport torch\n\ntorch.set_default_dtype(torch.float64)\n\n";
  s += "STEPS = " + std::to_string(e.steps) + "\n";
  s += "START = (" + python_float(e.start.x) + ", " + python_float(e.start.y) + ")\n\n";
  s += "# The loss and its analytic gradient in Python floats, with AdamLab's operations in AdamLab's\n"
       "# order, so the gradient is the same to the last bit. loss.backward() on the same formula in\n"
       "# torch agrees to about 1 ulp per step, which chaotic landscapes can amplify over many steps.\n";
  s += python_math_helpers() + "\n\n";
  s += problem_python(*problem) + "\n\n";
  if (e.noise.enabled()) s += noise_block(e.noise) + "\n\n";

  s += "def trace(make_optimizer, make_scheduler):\n";
  s += "    p = torch.tensor(START, requires_grad=True)\n";
  s += "    optimizer = make_optimizer(p)\n";
  s += "    configured_lr = optimizer.param_groups[0][\"lr\"]\n";
  s += "    # A scheduler's constructor already sets the lr it starts with (LinearLR's start_factor).\n";
  s += "    scheduler = make_scheduler(optimizer)\n";
  s += "    print(\"step,x,y,loss,lr\")\n";
  s += "\n    def row(step, lr):\n";
  s += "        x, y = p[0].item(), p[1].item()\n";
  s += "        print(\"%d,%.17g,%.17g,%.17g,%.17g\" % (step, x, y, value(x, y), lr))\n\n";
  s += "    row(0, configured_lr)\n";
  s += "    for step in range(1, STEPS + 1):\n";
  s += "        lr = optimizer.param_groups[0][\"lr\"]\n";
  s += "        optimizer.zero_grad()\n";
  s += "        gx, gy = gradient(p[0].item(), p[1].item())\n";
  if (e.noise.enabled()) s += "        gx, gy = noisy(gx, step, 0), noisy(gy, step, 1)\n";
  s += "        p.grad = torch.tensor([gx, gy])\n";
  s += "        # autograd instead: write value() with torch.cos/torch.exp and call value(p[0], p[1]).backward()\n";
  s += "        optimizer.step()\n";
  s += "        if scheduler is not None:\n";
  s += "            scheduler.step()\n";
  s += "        row(step, lr)\n\n\n";

  for (std::size_t i = 0; i < e.runs.size(); ++i) {
    if (several) {
      s += "print(\"# " + (e.runs[i].label.empty() ? "run " + std::to_string(i + 1) : python_string_body(e.runs[i].label)) + "\")\n";
    }
    s += "trace(lambda p: " + optimizers[i] + ",\n      lambda optimizer: " + schedulers[i] + ")\n";
  }
  return s;
}

}  // namespace adamlab::torch_export
