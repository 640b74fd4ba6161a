// Runs the real `adamlab` binary: exit codes, stdout/stderr separation and output formats are the
// contract other tools depend on.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.h"

namespace {

using Result = adamlab::test::CliResult;
using adamlab::test::expect_rejected;
using adamlab::test::lines;
using adamlab::test::run_cli;

std::vector<std::string> trace_args(const std::string& optimizer, const std::string& steps = "3") {
  return {"trace", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", optimizer, "--steps", steps};
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
  expect_rejected(trace_args("ad\nam"), "'ad\\nam'");  // a newline inside a value stays on the one line
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

// --- sweep, --noise, --seed ---

namespace {

std::vector<std::string> sweep_args(const std::string& x, const std::string& y, const std::string& metric = "final_loss") {
  return {"sweep", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", "adam", "--x", x, "--y", y,
          "--steps", "50", "--metric", metric};
}

}  // namespace

TEST(CliSweep, PrintsOneCsvRowPerCellYOuterXInner) {
  const Result r = run_cli(sweep_args("lr=1e-3:1e-1:log:3", "beta1=0:0.9:lin:2"));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 7u);
  EXPECT_EQ(l[0], "x_value,y_value,metric");
  EXPECT_EQ(l[1].rfind("0.001,0,", 0), 0u) << l[1];
  EXPECT_EQ(l[3].rfind("0.10000000000000001,0,", 0), 0u) << l[3];
  EXPECT_EQ(l[4].rfind("0.001,0.90000000000000002,", 0), 0u) << l[4];
}

TEST(CliSweep, CellEqualsTheTraceOfThatCell) {
  const Result s = run_cli(sweep_args("lr=0.01:0.1:lin:2", "beta2=0.9:0.999:lin:2"));
  ASSERT_EQ(s.code, 0) << s.err;
  const Result t = run_cli(trace_args("adam:lr=0.1,beta2=0.999", "50"));
  ASSERT_EQ(t.code, 0) << t.err;
  const std::string last = lines(t.out).back();  // step,x,y,loss,lr
  const std::string loss = last.substr(0, last.rfind(',')).substr(last.substr(0, last.rfind(',')).rfind(',') + 1);
  EXPECT_EQ(lines(s.out)[4], "0.10000000000000001,0.999," + loss);
}

TEST(CliSweep, DivergedMetricIsOneOrZero) {
  const Result r = run_cli({"sweep", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", "sgd", "--x",
                            "lr=1e-4:0.1:log:2", "--y", "momentum=0:0.5:lin:2", "--steps", "50", "--metric", "diverged"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 5u);
  EXPECT_EQ(l[1], "0.0001,0,0");
  EXPECT_EQ(l[2], "0.10000000000000001,0,1");
}

TEST(CliSweep, BadInputExitsTwoNamingTheToken) {
  expect_rejected(sweep_args("beta1=0.5:1:lin:6", "lr=1e-3:1:log:3"), "beta1=0.5:1:lin:6");
  expect_rejected(sweep_args("lr=1e-3:1:log:257", "beta1=0:0.9:lin:3"), "257");
  expect_rejected(sweep_args("lr=1e-3:1:log:300", "beta1=0:0.9:lin:3"), "between 1 and 256");
  expect_rejected(sweep_args("lr=0:1:log:3", "beta1=0:0.9:lin:3"), "lr=0:1:log:3");
  expect_rejected(sweep_args("lr=1e-3:1:cubic:3", "beta1=0:0.9:lin:3"), "cubic");
  expect_rejected(sweep_args("amsgrad=0:1:lin:2", "beta1=0:0.9:lin:3"), "amsgrad");
  expect_rejected(sweep_args("momentum=0:1:lin:2", "beta1=0:0.9:lin:3"), "momentum");
  expect_rejected(sweep_args("lr=1e-3:1:log:3", "lr=0:0.9:lin:3"), "lr");
  expect_rejected(sweep_args("lr=1e-3:1:log:3", "beta1=0:0.9:lin:3", "steps_to:x"), "steps_to:x");
  expect_rejected(sweep_args("lr=1e-3:1:log:3", "beta1=0:0.9:lin:3", "loss"), "loss");
  auto args = sweep_args("lr=1e-3:1:log:3", "beta1=0:0.9:lin:3");
  args.insert(args.end(), {"--seeds", "0"});
  expect_rejected(args, "--seeds");
  args = sweep_args("lr=1e-3:1:log:3", "eps=-1:1:lin:3");
  expect_rejected(args, "Invalid epsilon value: -1.0");
  expect_rejected({"sweep", "--problem", "rosenbrock", "--start", "-1.5,2", "--optimizer", "adam", "--x",
                   "lr=1e-3:1:log:3", "--steps", "5"},
                  "--y");
}

TEST(CliSweep, HelpDocumentsAxesMetricsAndNoise) {
  const Result r = run_cli({"sweep", "--help"});
  ASSERT_EQ(r.code, 0);
  for (const char* s : {"KEY=LO:HI:SCALE:N", "final_loss", "best_loss", "steps_to:THRESH", "diverged", "--seeds",
                        "gaussian:std=S", "relative=true", "adam: lr beta1 beta2 eps weight_decay"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(CliNoise, TraceWithNoiseIsReproducibleAndSeedMatters) {
  auto args = trace_args("sgd:lr=0.001", "20");
  args.insert(args.end(), {"--noise", "gaussian:std=2", "--seed", "9"});
  const Result a = run_cli(args), b = run_cli(args);
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  args.back() = "10";
  const Result c = run_cli(args);
  EXPECT_NE(a.out, c.out);
  const Result clean = run_cli(trace_args("sgd:lr=0.001", "20"));
  EXPECT_NE(a.out, clean.out);
  auto none = trace_args("sgd:lr=0.001", "20");
  none.insert(none.end(), {"--noise", "none", "--seed", "9"});
  EXPECT_EQ(run_cli(none).out, clean.out);
}

TEST(CliNoise, BadNoiseOrSeedExitsTwoNamingTheToken) {
  for (const auto& [noise, token] : std::vector<std::pair<std::string, std::string>>{
           {"gauss:std=1", "gauss"}, {"gaussian:std=-1", "std=-1"}, {"gaussian:sd=1", "sd"}, {"gaussian", "std"}}) {
    auto args = trace_args("adam");
    args.insert(args.end(), {"--noise", noise});
    expect_rejected(args, token);
  }
  auto args = trace_args("adam");
  args.insert(args.end(), {"--seed", "-3"});
  expect_rejected(args, "-3");
}
