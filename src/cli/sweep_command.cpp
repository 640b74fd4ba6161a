#include "cli/sweep_command.h"

#include "cli/args.h"
#include "cli/help.h"
#include "cli/output.h"
#include "cli/problem_arg.h"
#include "core/error.h"
#include "sim/sweep.h"
#include "sim/trace_format.h"

namespace adamlab::cli {

void sweep_command(const std::vector<std::string>& argv, std::ostream& out) {
  const Args args(argv, {"problem", "start", "optimizer", "x", "y", "steps", "metric", "noise", "seed", "seeds"});
  if (args.has("help")) {
    out << sweep_help();
    return;
  }
  SweepConfig config;
  problem_from_arg(args.required("problem"));  // a typed function's mistake shows its column
  config.problem = parse_spec(args.required("problem"));
  const Point2 start = parse_point(args.required("start"), "start");
  config.start = {start.x, start.y};
  config.optimizer = parse_spec(args.required("optimizer"));
  config.x = parse_sweep_axis(args.required("x"), "--x");
  config.y = parse_sweep_axis(args.required("y"), "--y");
  config.steps = parse_steps(args.required("steps"));
  config.metric = parse_sweep_metric(args.get("metric", "final_loss"));
  if (args.has("noise")) config.noise = parse_noise(args.required("noise"));
  if (args.has("seed")) config.noise.seed = parse_seed(args.required("seed"), "--seed");
  if (args.has("seeds")) {
    const std::string& text = args.required("seeds");
    const std::int64_t seeds = parse_integer(text, "--seeds");
    if (seeds < 1 || seeds > kMaxSweepSeeds)
      throw Error("invalid --seeds '" + text + "' (must be between 1 and " + std::to_string(kMaxSweepSeeds) + ")");
    config.seeds = static_cast<int>(seeds);
  }

  SweepJob job(config);  // validates every cell
  while (!job.advance(64'000'000)) {
  }
  out << "x_value,y_value,metric\n";
  const auto& xs = job.x_values();
  const auto& ys = job.y_values();
  const auto& m = job.metric();
  for (std::size_t iy = 0; iy < ys.size(); ++iy) {
    for (std::size_t ix = 0; ix < xs.size(); ++ix)
      out << format_g17(xs[ix]) << ',' << format_g17(ys[iy]) << ',' << format_g17(m[iy * xs.size() + ix]) << '\n';
    check_written(out);
  }
}

}  // namespace adamlab::cli
