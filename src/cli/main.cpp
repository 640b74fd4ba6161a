// The `adamlab` command. Every rejection is one line on stderr and exit code 2; nothing is printed
// to stdout for a rejected command.
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "cli/help.h"
#include "cli/sweep_command.h"
#include "cli/trace_command.h"
#include "core/error.h"

namespace {

constexpr int kExitBadInput = 2;

int fail(const std::string& message) {
  std::cerr << "adamlab: error: " << message << "\n";
  return kExitBadInput;
}

}  // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  const std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.empty()) return fail("missing command (try 'adamlab --help')");
    const std::string& command = args[0];
    const std::vector<std::string> rest(args.begin() + 1, args.end());
    if (command == "--help" || command == "-h" || command == "help") {
      std::cout << adamlab::cli::main_help();
      return 0;
    }
    if (command == "trace") {
      adamlab::cli::trace_command(rest, std::cout);
      std::cout.flush();
      return 0;
    }
    if (command == "sweep") {
      adamlab::cli::sweep_command(rest, std::cout);
      std::cout.flush();
      return 0;
    }
    return fail("unknown command '" + command + "' (try 'adamlab --help')");
  } catch (const adamlab::Error& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    // Not expected; still one line and a clean exit rather than a crash.
    return fail(std::string("internal error: ") + e.what());
  }
}
