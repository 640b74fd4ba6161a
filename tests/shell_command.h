#pragma once
// Runs a shell command line for the CLI tests and returns its exit code and stdout.
#include <sys/wait.h>

#include <cstdio>
#include <string>

namespace adamlab::test {

struct ShellResult {
  int code = -1;  // the exit code, -1 if the command did not exit normally
  std::string out;
};

inline ShellResult run_shell(const std::string& command) {
  ShellResult r;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return r;
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

}  // namespace adamlab::test
