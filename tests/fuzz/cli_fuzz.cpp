// libFuzzer target: the `adamlab trace` and `adamlab sweep` argument parsers and runs, argv split
// from the input on NUL bytes (the first word picks the command). Work is capped by the fuzzer,
// not by the CLI, to keep each execution short: the CLI's own limits are tested elsewhere.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cli/sweep_command.h"
#include "cli/trace_command.h"
#include "core/error.h"
#include "core/spec.h"
#include "sim/sweep.h"

namespace {

bool too_much_work(const std::vector<std::string>& argv) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    try {
      if (argv[i] == "--steps" && adamlab::parse_integer(argv[i + 1], "steps") > 2000) return true;
      if (argv[i] == "--seeds" && adamlab::parse_integer(argv[i + 1], "seeds") > 4) return true;
      if ((argv[i] == "--x" || argv[i] == "--y") && adamlab::parse_sweep_axis(argv[i + 1], argv[i]).n > 16) return true;
    } catch (const adamlab::Error&) {
    }
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> words(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) words.emplace_back();
    else words.back() += static_cast<char>(data[i]);
  }
  const std::string command = words.front();
  const std::vector<std::string> argv(words.begin() + 1, words.end());
  if (too_much_work(argv)) return 0;
  std::ostringstream out;
  try {
    if (command == "sweep") adamlab::cli::sweep_command(argv, out);
    else adamlab::cli::trace_command(argv, out);
  } catch (const adamlab::Error&) {
  }
  return 0;
}
