// The network scene's commands: validate first, change nothing on a refusal, replay on change,
// and the same initial weights and batches for every run.
#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <utility>

#include "core/error.h"
#include "nn/net_scene.h"

namespace adamlab {
namespace {

// Everything a refused command must leave as it was.
std::string fingerprint(const NetScene& s) {
  std::string f = s.task().config().data + "|" + s.task().config().model + "|" +
                  std::to_string(s.task().config().batch_size) + "|" + std::to_string(s.task().config().seed) +
                  "|" + std::to_string(s.step_count()) + "|" + std::to_string(s.speed()) + "|" +
                  std::to_string(s.step_limit());
  for (const auto& r : s.runs())
    f += "|" + std::to_string(r.id) + ":" + to_string(r.optimizer) + "@" + r.scheduler + ":" +
         std::to_string(r.colour) + ":" + std::to_string(r.history.rows().size()) + ":" +
         format_number(r.history.rows().back().train_loss);
  return f;
}

TEST(NetScene, DefaultRunsTrainAndAdamLeadsOnTheSpirals) {
  NetScene s = NetScene::with_default_runs();
  ASSERT_EQ(s.runs().size(), 3u);
  EXPECT_EQ(s.task().config().data.rfind("spirals", 0), 0u);
  const double start = s.runs()[0].history.rows()[0].train_loss;
  s.step(400);
  for (const auto& r : s.runs()) {
    EXPECT_EQ(r.history.rows().back().step, 400);
    EXPECT_LT(r.history.rows().back().train_loss, start) << to_string(r.optimizer);
  }
}

TEST(NetScene, EveryRunStartsFromTheSameWeightsAndResetReturnsToThem) {
  NetScene s = NetScene::with_default_runs();
  for (const auto& r : s.runs()) EXPECT_EQ(r.run.parameters(), s.task().initial_parameters());
  const auto initial = s.task().initial_parameters();
  s.step(50);
  EXPECT_NE(s.runs()[0].run.parameters(), initial);
  s.reset();
  EXPECT_EQ(s.step_count(), 0);
  EXPECT_EQ(s.runs()[0].run.parameters(), initial);
  s.set_seed(2);  // a new seed draws new data and weights
  EXPECT_NE(s.task().initial_parameters(), initial);
}

TEST(NetScene, RefusedCommandsNameTheValueAndChangeNothing) {
  NetScene s = NetScene::with_default_runs();
  s.step(20);
  const std::string before = fingerprint(s);
  const std::pair<std::function<void()>, const char*> bad[] = {
      {[&] { s.set_data("spirals:n=3"); }, "3"},
      {[&] { s.set_data("mnist"); }, "mnist"},
      {[&] { s.set_model("mlp:hidden=99"); }, "99"},
      {[&] { s.set_batch_size(0); }, "batch size: 0"},
      {[&] { s.set_csv("x,y,label\n1,2,zz\n", 0.3); }, "line 2"},
      {[&] { s.add_run("adam:lr=-1"); }, "Invalid learning rate: -1"},
      {[&] { s.update_run(1, "adam:betas=0.9,1.5"); }, "1.5"},
      {[&] { s.remove_run(42); }, "42"},
      {[&] { s.set_speed(0); }, "0"},
      {[&] { s.set_step_limit(0); }, "0"},
  };
  for (const auto& [call, named] : bad) {
    try {
      call();
      ADD_FAILURE() << "accepted; expected an error naming " << named;
    } catch (const Error& e) {
      EXPECT_NE(std::string(e.what()).find(named), std::string::npos) << e.what();
    }
    EXPECT_EQ(fingerprint(s), before) << named;
  }
}

TEST(NetScene, ChangingARunReplaysItToTheCurrentStep) {
  NetScene s = NetScene::with_default_runs();
  s.step(30);
  s.update_run(1, "adam:lr=0.05");
  const NetSceneRun* r = s.find(1);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->run.steps_taken(), 30);
  NetScene fresh;
  fresh.add_run("adam:lr=0.05");
  fresh.step(30);
  EXPECT_EQ(fresh.runs()[0].run.parameters(), r->run.parameters());
}

TEST(NetScene, ADivergedRunStopsWhereItDiverged) {
  NetScene s;
  s.set_model("mlp:activation=linear");  // tanh saturates and stays finite; a linear net explodes
  s.add_run("sgd:lr=1e6");
  s.step(100);
  const auto& r = s.runs()[0];
  ASSERT_TRUE(r.run.diverged());
  EXPECT_EQ(r.run.steps_taken(), r.run.diverged_at());
  EXPECT_LT(r.run.diverged_at(), 100);
}

TEST(NetScene, ACsvReplacesTheDataAndModelChangesKeepIt) {
  NetScene s = NetScene::with_default_runs();
  std::string csv = "x,y,label\n";
  for (int i = 0; i < 40; ++i) csv += std::to_string(i * 0.1 - 2) + "," + std::to_string((i % 7) * 0.3) + "," + std::to_string(i % 2) + "\n";
  s.set_csv(csv, 0.25);
  EXPECT_EQ(s.task().data().train_size() + s.task().data().test_size(), 40);
  s.set_model("mlp:hidden=4");
  EXPECT_EQ(s.csv(), csv);
  EXPECT_EQ(s.task().data().train_size() + s.task().data().test_size(), 40);
  s.step(10);
  EXPECT_EQ(s.runs()[0].history.rows().back().step, 10);
}

}  // namespace
}  // namespace adamlab

namespace adamlab {
namespace {

TEST(NetScene, PlayingEvaluatesRowsOnAGridAndAPausedStepEndsOnARow) {
  NetScene s = NetScene::with_default_runs();  // step limit 2000: a row every 4 steps
  ASSERT_EQ(s.row_every(), 4);
  s.play();
  s.advance(0.2);  // 20 steps at the default 100 steps/s
  ASSERT_EQ(s.step_count(), 20);
  for (const auto& row : s.runs()[0].history.rows()) EXPECT_EQ(row.step % 4, 0);
  s.pause();
  s.step(3);
  EXPECT_EQ(s.runs()[0].history.rows().back().step, 23);
  s.set_step_limit(100000);
  EXPECT_EQ(s.row_every(), 256);
  s.set_step_limit(300);
  EXPECT_EQ(s.row_every(), 1);
}

}  // namespace
}  // namespace adamlab
