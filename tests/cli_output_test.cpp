// The CLI's output when it cannot be written, run through a shell so the test controls where
// stdout goes: a full device, a pipe closed early (SIGPIPE ignored, as some shells and services
// do), and the json format's memory, which must not grow with the trace.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include "shell_command.h"

namespace {

using Shell = adamlab::test::ShellResult;

// Runs `script` under bash with $CLI set to the adamlab binary; returns its exit code and stdout.
Shell bash(const std::string& script) {
  return adamlab::test::run_shell("CLI='" ADAMLAB_CLI_PATH "' bash -c '" + script + "'");
}

const char* kTrace = "\"$CLI\" trace --problem rosenbrock --start -1.5,2 --optimizer adam:lr=0.01";

TEST(CliOutput, AFullDeviceIsAnErrorNotASilentTruncation) {
  if (!std::ifstream("/dev/full")) GTEST_SKIP() << "no /dev/full on this machine";
  for (const char* format : {"csv", "json"}) {
    const Shell r = bash(std::string(kTrace) + " --steps 100000 --format " + format +
                         " >/dev/full 2>err.$$; echo \"exit=$?\"; cat err.$$; rm -f err.$$");
    EXPECT_NE(r.out.find("adamlab: error: cannot write the output: No space left on device\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("exit=1"), std::string::npos) << format << ": " << r.out;
  }
}

TEST(CliOutput, AClosedPipeEndsTheCommandWithAnErrorWhenSigpipeIsIgnored) {
  // 10^7 steps would compute for seconds after `head` has gone; the command must stop at the
  // first failed write and say so.
  const Shell r = bash(std::string("trap \"\" PIPE; ") + kTrace +
                       " --steps 10000000 2>err.$$ | head -n 1 >/dev/null; echo \"exit=${PIPESTATUS[0]}\"; cat err.$$; rm -f err.$$");
  EXPECT_NE(r.out.find("exit=1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("adamlab: error: cannot write the output: Broken pipe"), std::string::npos) << r.out;
}

TEST(CliOutput, AClosedStdoutIsAnError) {
  const Shell r = bash(std::string(kTrace) + " --steps 10 2>&1 >&-; echo \"exit=$?\"");
  EXPECT_NE(r.out.find("adamlab: error: cannot write the output"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("exit=1"), std::string::npos) << r.out;
}

// Peak resident memory (KiB) of one `adamlab trace` run with stdout to /dev/null.
long trace_peak_kib(const std::string& steps, const std::string& format) {
  const pid_t pid = fork();
  if (pid == 0) {
    // Under AddressSanitizer freed memory sits in a quarantine and counts as resident: without
    // it, the peak measures what the program holds (the option means nothing to other builds).
    setenv("ASAN_OPTIONS", "quarantine_size_mb=0:thread_local_quarantine_size_kb=0", 1);
    const int null_fd = open("/dev/null", O_WRONLY);
    dup2(null_fd, 1);
    execl(ADAMLAB_CLI_PATH, "adamlab", "trace", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", "adam:lr=0.01",
          "--steps", steps.c_str(), "--format", format.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return usage.ru_maxrss;
}

TEST(CliOutput, JsonStreamsSoItsMemoryDoesNotGrowWithTheTrace) {
  // Holding 10^5 rows and their five columns as strings, as the json format used to, takes
  // ~25 MB more than a short trace; streamed, the two peaks are the same.
  const long small = trace_peak_kib("10", "json"), large = trace_peak_kib("100000", "json");
  EXPECT_LT(large - small, 4 * 1024) << "peak RSS: " << small << " KiB for 10 steps, " << large << " KiB for 10^5";
}

}  // namespace
