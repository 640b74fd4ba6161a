#include "cli/trace_command.h"

#include <memory>
#include <optional>
#include <utility>

#include "cli/args.h"
#include "cli/help.h"
#include "cli/output.h"
#include "cli/problem_arg.h"
#include "cli/trace_stream.h"
#include "core/error.h"
#include "export/pytorch_script.h"
#include "sim/run.h"
#include "sim/trace_format.h"

namespace adamlab::cli {

void trace_command(const std::vector<std::string>& argv, std::ostream& out) {
  const Args args(argv, {"problem", "start", "optimizer", "steps", "scheduler", "format", "noise", "seed"});
  if (args.has("help")) {
    out << trace_help();
    return;
  }
  std::shared_ptr<const Problem> problem = problem_from_arg(args.required("problem"));
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
  if (format != "csv" && format != "json" && format != "pytorch")
    throw Error("invalid --format '" + format + "' (use csv, json or pytorch)");

  GradientNoise noise;
  if (args.has("noise")) noise = parse_noise(args.required("noise"));
  if (args.has("seed")) noise.seed = parse_seed(args.required("seed"), "--seed");

  if (format == "pytorch") {
    torch_export::LandscapeExport e{parse_spec(args.required("problem")), start, noise, steps, {{optimizer, scheduler, ""}}};
    out << torch_export::landscape_script(e);
    check_written(out);
    return;
  }

  // Runs are deterministic (noise included), so the json format replays the run once per column.
  const auto make_run = [&] {
    return Run(problem, {start.x, start.y}, make_optimizer(optimizer), scheduler ? make_scheduler(*scheduler) : nullptr,
               noise);
  };
  const std::pair<const char*, double TraceRow::*> columns[] = {
      {"x", &TraceRow::x}, {"y", &TraceRow::y}, {"loss", &TraceRow::loss}, {"lr", &TraceRow::lr}};
  stream_trace(out, steps, format == "json", kTraceCsvHeader, make_run, trace_csv_row, columns);
}

}  // namespace adamlab::cli
