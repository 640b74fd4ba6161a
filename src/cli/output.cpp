#include "cli/output.h"

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace adamlab::cli {

void check_written(std::ostream& out, bool flush) {
  if (flush && out) out.flush();
  if (out) return;
  // The stream keeps no error code; errno still holds the failed write's (EPIPE, ENOSPC, ...).
  const int code = errno;
  throw WriteError(std::string("cannot write the output") + (code ? std::string(": ") + std::strerror(code) : std::string()));
}

std::string one_line(const std::string& message) {
  std::string out;
  out.reserve(message.size());
  for (const char c : message) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (u < 0x20 || u == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", u);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace adamlab::cli
