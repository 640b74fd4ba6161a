// `adamlab train`, run as the real binary: the table's shape, its agreement with NetRun, the
// json twin of the csv, determinism by seed, and one stderr line naming each bad value.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "cli_run.h"
#include "core/split.h"
#include "nn/net_run.h"
#include "nn/net_task.h"
#include "nn/net_trace_format.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace {

using adamlab::test::CliResult;
using adamlab::test::expect_rejected;
using adamlab::test::lines;
using adamlab::test::run_cli;

std::vector<std::string> train_args(const std::string& data = "moons:n=100", const std::string& steps = "5") {
  return {"train", "--data", data, "--model", "mlp:hidden=8,activation=tanh", "--optimizer", "adam:lr=0.01",
          "--steps", steps};
}

std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

std::vector<double> numbers(const std::string& row) {
  std::vector<double> out;
  for (const std::string& field : adamlab::split_at(row, ',')) out.push_back(std::stod(field));
  return out;
}

TEST(CliTrain, CsvHasTheHeaderAndOneRowPerStepFromZero) {
  const CliResult r = run_cli(train_args("moons:n=100", "7"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_TRUE(r.err.empty()) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 9u);
  EXPECT_EQ(l[0], "step,train_loss,test_loss,train_accuracy,test_accuracy,lr");
  for (std::size_t k = 1; k < l.size(); ++k) {
    const std::vector<double> v = numbers(l[k]);
    ASSERT_EQ(v.size(), 6u) << l[k];
    EXPECT_EQ(v[0], static_cast<double>(k - 1)) << l[k];
    for (int c = 1; c <= 2; ++c) EXPECT_TRUE(std::isfinite(v[c]) && v[c] > 0) << l[k];  // cross-entropy losses
    for (int c = 3; c <= 4; ++c) EXPECT_TRUE(v[c] >= 0 && v[c] <= 1) << l[k];           // accuracies
    EXPECT_EQ(v[5], 0.01) << l[k];
  }
}

TEST(CliTrain, RowsAreNetRunsRowsOnTheSameTask) {
  const CliResult r = run_cli(with(train_args("circles:n=80", "12"), {"--batch-size", "7", "--seed", "5"}));
  ASSERT_EQ(r.code, 0) << r.err;
  adamlab::NetTaskConfig config;
  config.data = "circles:n=80";
  config.model = "mlp:hidden=8,activation=tanh";
  config.batch_size = 7;
  config.seed = 5;
  adamlab::NetRun run(std::make_shared<const adamlab::NetTask>(config),
                      adamlab::make_optimizer(adamlab::parse_spec("adam:lr=0.01")), nullptr);
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 14u);
  EXPECT_EQ(l[1], adamlab::net_trace_csv_row(run.row()));
  for (std::size_t k = 2; k < l.size(); ++k) EXPECT_EQ(l[k], adamlab::net_trace_csv_row(run.step())) << k;
}

TEST(CliTrain, AdamLowersTheTrainingLossOnMoons) {
  const CliResult r = run_cli(with(train_args("moons:n=200", "300"), {"--batch-size", "16"}));
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 302u);
  const double first = numbers(l[1])[1], last = numbers(l.back())[1];
  EXPECT_LT(last, 0.6 * first) << l[1] << " -> " << l.back();
  EXPECT_GT(numbers(l.back())[3], 0.8) << l.back();  // train accuracy
}

TEST(CliTrain, RegressionPrintsNanAccuracies) {
  const CliResult r = run_cli(
      {"train", "--data", "sine:n=60", "--model", "mlp:hidden=8,activation=tanh,features=x", "--optimizer", "sgd:lr=0.05",
       "--steps", "3"});
  ASSERT_EQ(r.code, 0) << r.err;
  const auto l = lines(r.out);
  ASSERT_EQ(l.size(), 5u);
  for (std::size_t k = 1; k < l.size(); ++k) {
    const auto fields = adamlab::split_at(l[k], ',');
    ASSERT_EQ(fields.size(), 6u) << l[k];
    EXPECT_EQ(fields[3], "nan") << l[k];
    EXPECT_EQ(fields[4], "nan") << l[k];
    EXPECT_TRUE(std::isfinite(std::stod(fields[1]))) << l[k];
  }
}

TEST(CliTrain, SameSeedSameOutputOtherSeedOtherOutput) {
  const auto args = with(train_args("spirals:n=90", "20"), {"--seed", "11", "--batch-size", "8"});
  const CliResult a = run_cli(args), b = run_cli(args);
  ASSERT_EQ(a.code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  auto other = args;
  other[other.size() - 3] = "12";  // --seed 12
  const CliResult c = run_cli(other);
  ASSERT_EQ(c.code, 0) << c.err;
  EXPECT_NE(a.out, c.out);
  // The batch size changes the batches, hence the path (row 0, the initial network, stays).
  auto batch = args;
  batch.back() = "9";
  const CliResult d = run_cli(batch);
  ASSERT_EQ(d.code, 0) << d.err;
  EXPECT_EQ(lines(a.out)[1], lines(d.out)[1]);
  EXPECT_NE(a.out, d.out);
}

TEST(CliTrain, JsonHoldsTheCsvColumns) {
  const auto args = with(train_args("xor:n=64", "4"), {"--scheduler", "step:step_size=1,gamma=0.5"});
  const CliResult csv = run_cli(args);
  const CliResult json = run_cli(with(args, {"--format", "json"}));
  ASSERT_EQ(csv.code, 0) << csv.err;
  ASSERT_EQ(json.code, 0) << json.err;
  const auto rows = lines(csv.out);
  ASSERT_EQ(rows.size(), 6u);
  std::string want = "{\"step\":[0,1,2,3,4]";
  const char* names[] = {"train_loss", "test_loss", "train_accuracy", "test_accuracy", "lr"};
  for (int c = 0; c < 5; ++c) {
    want += std::string(",\"") + names[c] + "\":[";
    for (std::size_t k = 1; k < rows.size(); ++k) want += (k > 1 ? "," : "") + adamlab::split_at(rows[k], ',')[c + 1];
    want += "]";
  }
  EXPECT_EQ(json.out, want + "}\n");
  // The scheduler's lr is on the row of the step that used it.
  EXPECT_NE(json.out.find("\"lr\":[0.01,0.01,0.0050000000000000001,0.0025000000000000001,0.00125]"), std::string::npos)
      << json.out;
}

TEST(CliTrain, JsonWritesNullForARegressionsAccuracies) {
  const CliResult r = run_cli({"train", "--data", "sine:n=40", "--model", "mlp:hidden=none,features=x", "--optimizer",
                               "adam", "--steps", "2", "--format", "json"});
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("\"train_accuracy\":[null,null,null]"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("nan"), std::string::npos) << r.out;
}

TEST(CliTrain, ZeroStepsPrintsOnlyTheInitialNetwork) {
  const CliResult r = run_cli(train_args("moons:n=100", "0"));
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_EQ(lines(r.out).size(), 2u);
}

TEST(CliTrain, BadInputExitsTwoWithOneLineNamingTheValue) {
  expect_rejected(train_args("mooons"), "mooons");
  expect_rejected(train_args("moons:n=abc"), "'abc'");
  expect_rejected(train_args("moons:colour=red"), "colour");
  expect_rejected(train_args("moons", "-1"), "'-1'");
  expect_rejected(train_args("moons", "2.5"), "'2.5'");
  expect_rejected(train_args("moons", "1e12"), "'1e12'");
  const auto model = [](const std::string& spec) {
    return std::vector<std::string>{"train", "--data", "moons", "--model", spec, "--optimizer", "adam", "--steps", "1"};
  };
  expect_rejected(model("mlp:hidden=65"), "65");
  expect_rejected(model("mlp:hidden=8x8x8x8x8"), "8x8x8x8x8");
  expect_rejected(model("mlp:activation=swish"), "swish");
  expect_rejected(model("mlp:features=z"), "'z'");
  expect_rejected(model("cnn"), "cnn");
  expect_rejected(with(train_args(), {"--batch-size", "0"}), "'0'");
  expect_rejected(with(train_args(), {"--batch-size", "2.5"}), "'2.5'");
  expect_rejected(with(train_args(), {"--batch-size", "5001"}), "'5001'");
  expect_rejected(with(train_args(), {"--seed", "-3"}), "-3");
  expect_rejected(with(train_args(), {"--format", "xml"}), "xml");
  expect_rejected(with(train_args(), {"--scheduler", "step:gamma=0.5"}), "step_size");
  expect_rejected({"train", "--data", "moons", "--model", "mlp", "--optimizer", "adam:lr=-1", "--steps", "1"},
                  "Invalid learning rate: -1");
  expect_rejected({"train", "--data", "moons", "--model", "mlp", "--optimizer", "adamm", "--steps", "1"}, "adamm");
  expect_rejected({"train", "--model", "mlp", "--optimizer", "adam", "--steps", "1"}, "--data");
  expect_rejected({"train", "--data", "moons", "--optimizer", "adam", "--steps", "1"}, "--model");
  expect_rejected({"train", "--data", "moons", "--model", "mlp", "--optimizer", "adam"}, "--steps");
  expect_rejected({"train", "--data=moons"}, "--data=moons");
  expect_rejected({"train", "--data", "moons", "--data", "xor"}, "--data");
  expect_rejected({"train", "--problem", "rosenbrock"}, "--problem");
}

TEST(CliTrain, HelpDocumentsDatasetsModelAndOptions) {
  const CliResult main_help = run_cli({"--help"});
  ASSERT_EQ(main_help.code, 0);
  EXPECT_NE(main_help.out.find("adamlab train"), std::string::npos);
  const CliResult r = run_cli({"train", "--help"});
  ASSERT_EQ(r.code, 0) << r.err;
  for (const char* text : {"--data SPEC", "--model SPEC", "--batch-size B", "--seed S", "--format csv|json",
                           "step,train_loss,test_loss,train_accuracy,test_accuracy,lr", "moons:", "circles:", "xor:",
                           "blobs:", "spirals:", "sine:", "sparse:", "hidden=", "activation=", "nn.CrossEntropyLoss"})
    EXPECT_NE(r.out.find(text), std::string::npos) << text;
}

}  // namespace
