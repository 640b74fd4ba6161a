#pragma once
// Runs the real `adamlab` binary for the CLI tests: exit code, stdout and stderr apart, and the
// contract's check that a rejected command exits 2 with one stderr line naming the bad token.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "shell_command.h"

namespace adamlab::test {

struct CliResult {
  int code;
  std::string out, err;
};

inline std::string shell_quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

inline CliResult run_cli(const std::vector<std::string>& args) {
  static int counter = 0;
  // CTest runs tests as parallel processes: the pid keeps their stderr files apart.
  const std::string err_path =
      ::testing::TempDir() + "adamlab_cli_err_" + std::to_string(getpid()) + "_" + std::to_string(counter++);
  std::string cmd = shell_quote(ADAMLAB_CLI_PATH);
  for (const auto& a : args) cmd += " " + shell_quote(a);
  cmd += " 2>" + shell_quote(err_path);
  const ShellResult shell = run_shell(cmd);
  CliResult r{shell.code, shell.out, ""};
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  std::remove(err_path.c_str());
  return r;
}

inline std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

inline void expect_rejected(const std::vector<std::string>& args, const std::string& token) {
  const CliResult r = run_cli(args);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const auto err_lines = lines(r.err);
  ASSERT_EQ(err_lines.size(), 1u) << r.err;
  EXPECT_NE(err_lines[0].find(token), std::string::npos) << "'" << token << "' not named in: " << r.err;
}

}  // namespace adamlab::test
