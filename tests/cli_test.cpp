// Runs the real `adamlab` binary: exit codes, stdout/stderr separation and output formats are the
// contract other tools depend on.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Result {
  int code;
  std::string out, err;
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Result run_cli(const std::vector<std::string>& args) {
  static int counter = 0;
  const std::string err_path = ::testing::TempDir() + "adamlab_cli_err_" + std::to_string(counter++);
  std::string cmd = quote(ADAMLAB_CLI_PATH);
  for (const auto& a : args) cmd += " " + quote(a);
  cmd += " 2>" + quote(err_path);
  Result r;
  FILE* pipe = popen(cmd.c_str(), "r");
  char buf[4096];
  std::size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
  const int status = pclose(pipe);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream err(err_path);
  std::stringstream ss;
  ss << err.rdbuf();
  r.err = ss.str();
  std::remove(err_path.c_str());
  return r;
}

std::vector<std::string> trace_args(const std::string& optimizer, const std::string& steps = "3") {
  return {"trace", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", optimizer, "--steps", steps};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::stringstream ss(text);
  for (std::string line; std::getline(ss, line);) out.push_back(line);
  return out;
}

void expect_rejected(const std::vector<std::string>& args, const std::string& token) {
  const Result r = run_cli(args);
  EXPECT_EQ(r.code, 2) << r.err;
  EXPECT_TRUE(r.out.empty()) << r.out;
  const auto err_lines = lines(r.err);
  ASSERT_EQ(err_lines.size(), 1u) << r.err;
  EXPECT_NE(err_lines[0].find(token), std::string::npos) << "'" << token << "' not named in: " << r.err;
}

TEST(Cli, CsvHeaderAndRowZeroIsTheStart) {
  const Result r = run_cli(trace_args("adam:lr=0.05"));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[0], "step,x,y,loss,lr");
  // (1+1.5)^2 + 100 (2-2.25)^2 = 6.25 + 6.25
  EXPECT_EQ(l[1], "0,-1.5,2,12.5,0.050000000000000003");
  EXPECT_EQ(l[4].rfind("3,", 0), 0u);
}

TEST(Cli, FirstAdamStepMovesEachCoordinateByLr) {
  // Adam's first step is lr * sign(grad) (up to eps): a hand-checkable property of the kernel.
  const Result r = run_cli(trace_args("adam:lr=0.1", "1"));
  ASSERT_EQ(r.code, 0) << r.err;
  double step, x, y, loss, lr;
  ASSERT_EQ(std::sscanf(lines(r.out)[2].c_str(), "%lf,%lf,%lf,%lf,%lf", &step, &x, &y, &loss, &lr), 5);
  // grad at (-1.5,2): dx = -2(2.5) - 400(-1.5)(2-2.25) < 0, dy = 200(2-2.25) < 0 -> both increase.
  EXPECT_NEAR(x, -1.4, 1e-9);
  EXPECT_NEAR(y, 2.1, 1e-9);
  EXPECT_EQ(lr, 0.1);
}

TEST(Cli, JsonHasTheFiveArrays) {
  auto args = trace_args("sgd:lr=0.001", "2");
  args.insert(args.end(), {"--format", "json"});
  const Result r = run_cli(args);
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(r.out.rfind("{\"step\":[0,1,2],\"x\":[-1.5,", 0), 0u) << r.out;
  for (const char* key : {"\"loss\":[12.5,", "\"lr\":[0.001,", "\"y\":[2,"})
    EXPECT_NE(r.out.find(key), std::string::npos) << key;
}

TEST(Cli, DivergenceStillPrintsEveryRowAndExitsZero) {
  auto args = trace_args("sgd:lr=1", "40");
  const Result r = run_cli(args);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 42u);
  EXPECT_TRUE(l.back().find("nan") != std::string::npos || l.back().find("inf") != std::string::npos) << l.back();
  args.insert(args.end(), {"--format", "json"});
  const Result j = run_cli(args);
  EXPECT_EQ(j.code, 0);
  EXPECT_NE(j.out.find("null"), std::string::npos);
  EXPECT_EQ(j.out.find("nan"), std::string::npos);
}

TEST(Cli, SchedulerLrAppearsOnTheRowsOfTheStepThatUsedIt) {
  auto args = trace_args("sgd:lr=0.001", "3");
  args.insert(args.end(), {"--scheduler", "step:step_size=1,gamma=0.5"});
  const Result r = run_cli(args);
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  auto lr_of = [](const std::string& row) { return std::stod(row.substr(row.rfind(',') + 1)); };
  EXPECT_EQ(lr_of(l[1]), 0.001);
  EXPECT_EQ(lr_of(l[2]), 0.001);
  EXPECT_EQ(lr_of(l[3]), 0.0005);
  EXPECT_EQ(lr_of(l[4]), 0.00025);
}

TEST(Cli, ZeroStepsPrintsOnlyTheStart) {
  const Result r = run_cli(trace_args("adam", "0"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out).size(), 2u);
}

TEST(Cli, BadInputExitsTwoWithOneLineNamingTheToken) {
  expect_rejected(trace_args("adamm"), "adamm");
  expect_rejected(trace_args("adam:lr=-1"), "Invalid learning rate: -1");
  expect_rejected(trace_args("adam:beta1=1.0"), "Invalid beta parameter at index 0: 1.0");
  expect_rejected(trace_args("adam:lr=abc"), "'abc'");
  expect_rejected(trace_args("adam:foo=1"), "'foo'");
  expect_rejected(trace_args("adam:amsgrad=yes"), "'yes'");
  expect_rejected(trace_args("adam", "-1"), "'-1'");
  expect_rejected(trace_args("adam", "2.5"), "'2.5'");
  expect_rejected(trace_args("adam", "1e12"), "'1e12'");
  expect_rejected({"trace", "--problem", "rosenbrok", "--start", "0,0", "--optimizer", "adam", "--steps", "1"},
                  "rosenbrok");
  expect_rejected({"trace", "--problem", "rosenbrock", "--start", "0;0", "--optimizer", "adam", "--steps", "1"},
                  "0;0");
  expect_rejected({"trace", "--problem", "rosenbrock", "--start", "nan,0", "--optimizer", "adam", "--steps", "1"},
                  "nan");
  expect_rejected({"trace", "--problem", "rosenbrock", "--start", "0,0", "--optimizer", "adam"}, "--steps");
  expect_rejected({"trace", "--problem=rosenbrock", "--start", "0,0", "--optimizer", "adam", "--steps", "1"},
                  "--problem=rosenbrock");
  expect_rejected({"trace", "--problem", "rosenbrock", "--problem", "booth"}, "--problem");
  expect_rejected({"trace", "--bogus", "1"}, "--bogus");
  expect_rejected({"trace", "--steps"}, "--steps");
  expect_rejected({"frobnicate"}, "frobnicate");
  auto args = trace_args("adam");
  args.insert(args.end(), {"--format", "xml"});
  expect_rejected(args, "xml");
  args = trace_args("adam");
  args.insert(args.end(), {"--scheduler", "step:gamma=0.5"});
  expect_rejected(args, "step_size");
}

TEST(Cli, HelpDocumentsEveryOptimizerWithDefaults) {
  const Result main_help = run_cli({"--help"});
  EXPECT_EQ(main_help.code, 0);
  EXPECT_NE(main_help.out.find("adamlab trace"), std::string::npos);
  const Result r = run_cli({"trace", "--help"});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* text : {"adam:lr=0.001,beta1=0.9,beta2=0.999,eps=1e-08", "sgd:lr=<required>", "adamw:", "rmsprop:",
                           "adagrad:", "adadelta:", "adamax:", "nadam:", "radam:", "rosenbrock:a=1,b=100", "beale",
                           "three_hump_camel", "--format csv|json", "cosine:T_max"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
}

}  // namespace
