#pragma once
// A standalone Python script (torch + the standard library) that reproduces a landscape run:
// the same problem, start, optimizer and scheduler (every non-default option), the same gradient
// noise, the same number of steps, printing exactly `adamlab trace`'s csv (step,x,y,loss,lr, %.17g).
//
// Exactness: the gradient is the problem's analytic gradient in Python floats with AdamLab's
// operation order (problem_python.h), and the noise is AdamLab's counter-based generator ported to
// Python integers (python_rng.h), so torch.optim sees the same gradients bit for bit; the
// optimizer and scheduler are torch's own. The script says how to switch to loss.backward().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/spec.h"
#include "sim/noise.h"

namespace adamlab::torch_export {

struct LandscapeRunExport {
  Spec optimizer;
  std::optional<Spec> scheduler;
  std::string label;  // a comment line for scene scripts ("" = none)
};

struct LandscapeExport {
  Spec problem;
  Point2 start{0, 0};
  GradientNoise noise;  // seed included
  std::int64_t steps = 0;
  std::vector<LandscapeRunExport> runs;  // one: prints one csv; more: one block per run
};

// Validates every spec (throws Error with the message `adamlab trace` would give).
std::string landscape_script(const LandscapeExport& e);
// The `adamlab trace` command line the script reproduces (one run).
std::string trace_command_line(const LandscapeExport& e, const LandscapeRunExport& run);

}  // namespace adamlab::torch_export
