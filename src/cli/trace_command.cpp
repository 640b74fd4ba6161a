#include "cli/trace_command.h"

#include <memory>

#include "cli/args.h"
#include "cli/help.h"
#include "core/error.h"
#include "sim/run.h"
#include "sim/trace_format.h"

namespace adamlab::cli {

void trace_command(const std::vector<std::string>& argv, std::ostream& out) {
  const Args args(argv, {"problem", "start", "optimizer", "steps", "scheduler", "format", "noise", "seed"});
  if (args.has("help")) {
    out << trace_help();
    return;
  }
  std::shared_ptr<const Problem> problem = make_problem(parse_spec(args.required("problem")));
  const Point2 start = parse_point(args.required("start"), "start");
  auto optimizer = make_optimizer(parse_spec(args.required("optimizer")));
  const std::int64_t steps = parse_steps(args.required("steps"));
  std::unique_ptr<Scheduler> scheduler;
  if (args.has("scheduler")) scheduler = make_scheduler(parse_spec(args.required("scheduler")));
  const std::string format = args.get("format", "csv");
  if (format != "csv" && format != "json") throw Error("invalid --format '" + format + "' (use csv or json)");

  GradientNoise noise;
  if (args.has("noise")) noise = parse_noise(args.required("noise"));
  if (args.has("seed")) noise.seed = parse_seed(args.required("seed"), "--seed");

  Run run(problem, {start.x, start.y}, std::move(optimizer), std::move(scheduler), noise);
  if (format == "csv") {
    // Streamed row by row: a long trace never sits in memory.
    out << kTraceCsvHeader << '\n' << trace_csv_row(run.row()) << '\n';
    for (std::int64_t k = 0; k < steps; ++k) out << trace_csv_row(run.step()) << '\n';
  } else {
    std::vector<TraceRow> rows{run.row()};
    rows.reserve(static_cast<std::size_t>(steps) + 1);
    for (std::int64_t k = 0; k < steps; ++k) rows.push_back(run.step());
    out << trace_json(rows);
  }
}

}  // namespace adamlab::cli
