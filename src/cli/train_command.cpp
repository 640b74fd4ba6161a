#include "cli/train_command.h"

#include <memory>
#include <optional>

#include "cli/args.h"
#include "cli/help.h"
#include "cli/output.h"
#include "cli/trace_stream.h"
#include "core/error.h"
#include "export/pytorch_net_script.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "nn/net_trace_format.h"
#include "sim/noise.h"
#include "sim/trace_format.h"

namespace adamlab::cli {

std::int64_t parse_batch_size(const std::string& text) {
  const std::int64_t b = parse_integer(text, "--batch-size");
  if (b < 1) throw Error("invalid --batch-size '" + text + "' (must be >= 1)");
  if (b > kMaxBatchSize)
    throw Error("invalid --batch-size '" + text + "' (at most " + std::to_string(kMaxBatchSize) + ")");
  return b;
}

void train_command(const std::vector<std::string>& argv, std::ostream& out) {
  const Args args(argv, {"data", "model", "optimizer", "scheduler", "steps", "batch-size", "seed", "format"});
  if (args.has("help")) {
    out << train_help();
    return;
  }
  NetTaskConfig config;
  config.data = args.required("data");
  config.model = args.required("model");
  const Spec optimizer = parse_spec(args.required("optimizer"));
  make_optimizer(optimizer);  // validates, as torch's constructor does, before any output
  const std::int64_t steps = parse_steps(args.required("steps"));
  std::optional<Spec> scheduler;
  if (args.has("scheduler")) {
    scheduler = parse_spec(args.required("scheduler"));
    make_scheduler(*scheduler);
  }
  if (args.has("batch-size")) config.batch_size = parse_batch_size(args.required("batch-size"));
  if (args.has("seed")) config.seed = parse_seed(args.required("seed"), "--seed");
  const std::string format = args.get("format", "csv");
  if (format != "csv" && format != "json" && format != "pytorch")
    throw Error("invalid --format '" + format + "' (use csv, json or pytorch)");
  // The data, the features, the network, its initial weights and the batch order, built once.
  const auto task = std::make_shared<const NetTask>(config);

  if (format == "pytorch") {
    out << torch_export::network_script(*task, {{optimizer, scheduler, ""}}, steps);
    check_written(out);
    return;
  }
  const auto make_run = [&] {
    return NetRun(task, make_optimizer(optimizer), scheduler ? make_scheduler(*scheduler) : nullptr);
  };
  stream_trace(out, steps, format == "json", kNetTraceCsvHeader, make_run, net_trace_csv_row, kNetTraceColumns);
}

}  // namespace adamlab::cli
