// libFuzzer target: the `adamlab trace` argument parser and run, argv split from the input on
// NUL bytes. Steps are capped by the fuzzer (not by the CLI) to keep each execution short.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cli/trace_command.h"
#include "core/error.h"
#include "core/spec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> argv(1);
  for (std::size_t i = 0; i < size; ++i) {
    if (data[i] == 0) argv.emplace_back();
    else argv.back() += static_cast<char>(data[i]);
  }
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    if (argv[i] != "--steps") continue;
    try {
      if (adamlab::parse_integer(argv[i + 1], "steps") > 2000) return 0;
    } catch (const adamlab::Error&) {
    }
  }
  std::ostringstream out;
  try {
    adamlab::cli::trace_command(argv, out);
  } catch (const adamlab::Error&) {
  }
  return 0;
}
