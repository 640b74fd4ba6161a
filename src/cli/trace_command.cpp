#include "cli/trace_command.h"

#include <memory>
#include <optional>

#include "cli/args.h"
#include "cli/help.h"
#include "cli/output.h"
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
  const Spec optimizer = parse_spec(args.required("optimizer"));
  make_optimizer(optimizer);  // validates, as torch's constructor does, before any output
  const std::int64_t steps = parse_steps(args.required("steps"));
  std::optional<Spec> scheduler;
  if (args.has("scheduler")) {
    scheduler = parse_spec(args.required("scheduler"));
    make_scheduler(*scheduler);
  }
  const std::string format = args.get("format", "csv");
  if (format != "csv" && format != "json") throw Error("invalid --format '" + format + "' (use csv or json)");

  GradientNoise noise;
  if (args.has("noise")) noise = parse_noise(args.required("noise"));
  if (args.has("seed")) noise.seed = parse_seed(args.required("seed"), "--seed");

  // Runs are deterministic (noise included), so the json format replays the run once per column.
  const auto make_run = [&] {
    return Run(problem, {start.x, start.y}, make_optimizer(optimizer), scheduler ? make_scheduler(*scheduler) : nullptr,
               noise);
  };
  // Both formats stream, so a long trace never sits in memory, and every row's write is checked,
  // so a full disk or a closed pipe ends the command at once.
  if (format == "csv") {
    Run run = make_run();
    out << kTraceCsvHeader << '\n' << trace_csv_row(run.row()) << '\n';
    check_written(out);
    for (std::int64_t k = 0; k < steps; ++k) {
      out << trace_csv_row(run.step()) << '\n';
      check_written(out);
    }
    return;
  }
  out << "{\"step\":[0";
  for (std::int64_t k = 1; k <= steps; ++k) {
    out << ',' << k;
    if (k % 4096 == 0) check_written(out);
  }
  out << ']';
  const auto column = [&](const char* name, double TraceRow::*field) {
    out << ",\"" << name << "\":[";
    Run run = make_run();
    out << trace_json_number(run.row().*field);
    for (std::int64_t k = 0; k < steps; ++k) {
      out << ',' << trace_json_number(run.step().*field);
      check_written(out);
    }
    out << ']';
  };
  column("x", &TraceRow::x);
  column("y", &TraceRow::y);
  column("loss", &TraceRow::loss);
  column("lr", &TraceRow::lr);
  out << "}\n";
  check_written(out);
}

}  // namespace adamlab::cli
