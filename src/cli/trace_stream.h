#pragma once
// How `adamlab trace` and `adamlab train` print a run: both formats stream, so a long trace never
// sits in memory, and every row's write is checked (cli/output.h), so a full disk or a closed pipe
// ends the command at once. Runs are deterministic, so json replays the run once per column.
#include <cstdint>
#include <ostream>
#include <string>
#include <utility>

#include "cli/output.h"
#include "sim/trace_format.h"

namespace adamlab::cli {

// make_run() -> a fresh run with row() and step(); csv_row(row) -> one csv line; columns: a range
// of {name, Row::*field} for the json arrays after "step".
template <class MakeRun, class CsvRow, class Columns>
void stream_trace(std::ostream& out, std::int64_t steps, bool json, const char* csv_header, MakeRun make_run,
                  CsvRow csv_row, const Columns& columns) {
  if (!json) {
    auto run = make_run();
    out << csv_header << '\n' << csv_row(run.row()) << '\n';
    check_written(out);
    for (std::int64_t k = 0; k < steps; ++k) {
      out << csv_row(run.step()) << '\n';
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
  for (const auto& [name, field] : columns) {
    out << ",\"" << name << "\":[";
    auto run = make_run();
    out << trace_json_number(run.row().*field);
    for (std::int64_t k = 0; k < steps; ++k) {
      out << ',' << trace_json_number(run.step().*field);
      check_written(out);
    }
    out << ']';
  }
  out << "}\n";
  check_written(out);
}

}  // namespace adamlab::cli
