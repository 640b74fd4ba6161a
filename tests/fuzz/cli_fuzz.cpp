// libFuzzer target: the `adamlab trace`, `adamlab sweep` and `adamlab train` argument parsers and
// runs, argv split from the input on NUL bytes (the first word picks the command). Work is capped
// by the fuzzer, not by the CLI, to keep each execution short: the CLI's own limits are tested
// elsewhere.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>
#include <vector>

#include "cli/sweep_command.h"
#include "cli/trace_command.h"
#include "cli/train_command.h"
#include "core/error.h"
#include "core/spec.h"
#include "data/dataset.h"
#include "nn/model.h"
#include "sim/sweep.h"

namespace {

// A training step costs a forward pass over the whole data and a few matrix products per layer:
// caps on the steps, the points, the inputs and the weights keep it to milliseconds. The data spec
// is measured by building it (defaults included), not by reading its keys.
bool too_much_training(const std::string& option, const std::string& value) {
  if (option == "--steps") return adamlab::parse_integer(value, "steps") > 50;
  if (option == "--data") {
    const adamlab::Dataset data = adamlab::make_dataset(value, 0);
    return data.train_size() + data.test_size() > 400 || data.input_dim > 32;
  }
  if (option == "--model") {
    const std::vector<int> hidden = adamlab::parse_model(value).hidden;
    int weights = hidden.empty() ? 0 : 32 * hidden.front();
    for (std::size_t l = 0; l + 1 < hidden.size(); ++l) weights += hidden[l] * hidden[l + 1];
    return weights > 2048;
  }
  return false;
}

bool too_much_work(const std::string& command, const std::vector<std::string>& argv) {
  for (std::size_t i = 0; i + 1 < argv.size(); ++i) {
    try {
      if (command == "train" && too_much_training(argv[i], argv[i + 1])) return true;
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
  if (too_much_work(command, argv)) return 0;
  std::ostringstream out;
  try {
    if (command == "sweep") adamlab::cli::sweep_command(argv, out);
    else if (command == "train") adamlab::cli::train_command(argv, out);
    else adamlab::cli::trace_command(argv, out);
  } catch (const adamlab::Error&) {
  }
  return 0;
}
