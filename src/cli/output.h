#pragma once
// The commands' output stream, checked: a write that fails (a full disk, /dev/full, a closed
// pipe with SIGPIPE ignored) ends the command at once with WriteError instead of computing on
// and exiting 0 with a truncated file.
#include <ostream>
#include <stdexcept>
#include <string>

namespace adamlab::cli {

class WriteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Throws WriteError if `out` has failed (after a write, or after flushing when `flush`).
void check_written(std::ostream& out, bool flush = false);

// `message` on one line: control characters (a newline inside an argument) written as escapes.
std::string one_line(const std::string& message);

}  // namespace adamlab::cli
