// The `adamlab` command. Every rejection is one line on stderr and exit code 2 (a typed function's
// mistake adds the text and a caret under the column, cli/problem_arg.h); nothing is printed
// to stdout for a rejected command. Output that cannot be written (a full disk, a closed pipe)
// is one line on stderr and exit code 1.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/help.h"
#include "cli/output.h"
#include "cli/problem_arg.h"
#include "cli/sweep_command.h"
#include "cli/trace_command.h"
#include "cli/train_command.h"
#include "core/error.h"

namespace {

constexpr int kExitWriteFailed = 1;
constexpr int kExitBadInput = 2;

int fail(const std::string& message, int code = kExitBadInput) {
  std::cerr << "adamlab: error: " << adamlab::cli::one_line(message) << "\n";
  return code;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) return fail("missing command (try 'adamlab --help')");
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help")
      std::cout << adamlab::cli::main_help();
    else if (command == "trace")
      adamlab::cli::trace_command(rest, std::cout);
    else if (command == "sweep")
      adamlab::cli::sweep_command(rest, std::cout);
    else if (command == "train")
      adamlab::cli::train_command(rest, std::cout);
    else
      return fail("unknown command '" + command + "' (try 'adamlab --help')");
    adamlab::cli::check_written(std::cout, /*flush=*/true);
    return 0;
  } catch (const adamlab::cli::WriteError& e) {
    return fail(e.what(), kExitWriteFailed);
  } catch (const adamlab::cli::DetailedError& e) {
    fail(e.what());
    for (const auto& line : e.details()) std::cerr << "  " << line << "\n";
    return kExitBadInput;
  } catch (const adamlab::Error& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // Not expected; still one line and a clean exit rather than a crash.
    return fail(std::string("internal error: ") + e.what());
  }
}
