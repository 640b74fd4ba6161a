// Every network preset's caption is a claim about what its scene shows when it plays. Each test
// builds the preset's NetScene (the task, then its runs), plays it to its step limit and asserts
// the claim with numbers, with a margin wherever the caption rounds.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>
#include <string>
#include <vector>

#include "core/spec.h"
#include "nn/net_presets.h"
#include "nn/net_scene.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

const std::int64_t kNever = 1 << 30;

// The preset's scene, played to its step limit.
NetScene play(const std::string& name) {
  const NetPreset* preset = find_net_preset(name);
  EXPECT_NE(preset, nullptr) << name;
  if (!preset) return NetScene();
  NetScene scene = make_net_preset_scene(*preset);
  scene.step(scene.step_limit());
  EXPECT_EQ(scene.step_count(), preset->step_limit);
  return scene;
}

const std::vector<NetRow>& rows(const NetScene& scene, std::size_t i) {
  const NetHistory& h = scene.runs().at(i).history;
  EXPECT_EQ(h.stride(), 1);  // every step kept, so the claims read every row the chart draws
  EXPECT_EQ(static_cast<std::int64_t>(h.rows().size()), scene.step_count() + 1);
  return h.rows();
}

// First step whose train loss is below `level`; kNever if none.
std::int64_t first_below(const std::vector<NetRow>& r, double level) {
  for (const auto& row : r)
    if (row.train_loss < level) return row.step;
  return kNever;
}

// Steps on which the train loss rose: how jagged the curve on the chart is.
int rises(const std::vector<NetRow>& r) {
  int n = 0;
  for (std::size_t k = 1; k < r.size(); ++k) n += r[k].train_loss > r[k - 1].train_loss;
  return n;
}

// The train (or test) loss over the last `n` rows: least, most, mean.
struct Window {
  double min, max, mean;
  double span() const { return max - min; }
};
Window last(const std::vector<NetRow>& r, std::size_t n, bool test = false) {
  Window w{INFINITY, -INFINITY, 0};
  for (std::size_t k = r.size() - n; k < r.size(); ++k) {
    const double v = test ? r[k].test_loss : r[k].train_loss;
    w.min = std::min(w.min, v);
    w.max = std::max(w.max, v);
    w.mean += v / static_cast<double>(n);
  }
  return w;
}

// Step of the least test loss (the first, if it is reached twice).
std::int64_t best_test_step(const std::vector<NetRow>& r) {
  std::size_t best = 0;
  for (std::size_t k = 1; k < r.size(); ++k)
    if (r[k].test_loss < r[best].test_loss) best = k;
  return r[best].step;
}

double weight_norm(const NetScene& s, std::size_t i) { return s.runs().at(i).run.parameters().norm(); }

void expect_no_divergence(const NetScene& s) {
  for (const auto& r : s.runs()) {
    EXPECT_FALSE(r.run.diverged()) << to_string(r.optimizer);
    for (const auto& row : r.history.rows()) ASSERT_TRUE(std::isfinite(row.train_loss) && std::isfinite(row.test_loss));
  }
}

// Two doubles are the same bits (NaN included: row 0's batch loss).
bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(NetPresets, NamesAreUniqueAndFindable) {
  const std::vector<std::string> expected = {"net-race",  "net-lr",           "net-beta1", "net-beta2",
                                             "net-decay", "net-weight-decay", "net-adamw"};
  ASSERT_EQ(net_presets().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(net_presets()[i].name, expected[i]);
    EXPECT_EQ(find_net_preset(expected[i]), &net_presets()[i]);
  }
  EXPECT_EQ(find_net_preset("momentum"), nullptr);  // a landscape preset's name is not a network one
  EXPECT_EQ(find_net_preset(""), nullptr);
}

TEST(NetPresets, EverySpecParsesAndIsInFullForm) {
  for (const auto& p : net_presets()) {
    SCOPED_TRACE(p.name);
    EXPECT_FALSE(p.title.empty());
    EXPECT_EQ(p.caption.back(), '.');
    int sentences = 0;
    for (std::size_t i = 0; i + 1 < p.caption.size(); ++i) sentences += p.caption[i] == '.' && p.caption[i + 1] == ' ';
    EXPECT_LE(sentences + 1, 2) << p.caption;
    // The task as NetTask writes it back: every key, in its order.
    const NetTask task(p.task);
    EXPECT_EQ(task.config().data, p.task.data);
    EXPECT_EQ(task.config().model, p.task.model);
    EXPECT_EQ(task.config().batch_size, p.task.batch_size);
    EXPECT_EQ(task.config().seed, p.task.seed);
    ASSERT_FALSE(p.runs.empty());
    EXPECT_LE(static_cast<int>(p.runs.size()), NetScene::kMaxRuns);
    for (const auto& run : p.runs) {
      EXPECT_EQ(to_string(make_optimizer(parse_spec(run.optimizer))->spec()), run.optimizer);
      if (!run.scheduler.empty())
        EXPECT_EQ(to_string(make_scheduler(parse_spec(run.scheduler))->spec()), run.scheduler);
    }
    EXPECT_GE(p.step_limit, 1);
    EXPECT_LE(p.step_limit, NetScene::kMaxStepLimit);
    EXPECT_GE(p.speed, NetScene::kMinSpeed);
    EXPECT_LE(p.speed, NetScene::kMaxSpeed);
    // The scene holds exactly these specs, at step 0, paused.
    const NetScene s = make_net_preset_scene(p);
    EXPECT_EQ(s.step_count(), 0);
    EXPECT_FALSE(s.playing());
    EXPECT_EQ(s.step_limit(), p.step_limit);
    EXPECT_EQ(s.speed(), p.speed);
    ASSERT_EQ(s.runs().size(), p.runs.size());
    for (std::size_t i = 0; i < p.runs.size(); ++i) {
      EXPECT_EQ(to_string(s.runs()[i].optimizer), p.runs[i].optimizer);
      EXPECT_EQ(s.runs()[i].scheduler, p.runs[i].scheduler);
    }
    // Every run gets its own colour.
    std::set<int> colours;
    for (const auto& r : s.runs()) colours.insert(r.colour);
    EXPECT_EQ(colours.size(), s.runs().size());
  }
}

// Two scenes from one preset train bit-identically: the rows on the chart and the weights, through
// the first epoch and two steps into the second (a second batch order). Short, to keep the suite
// fast; the claims above read the full runs.
TEST(NetPresets, TheSamePresetGivesBitIdenticalRowsTwice) {
  for (const auto& p : net_presets()) {
    SCOPED_TRACE(p.name);
    NetScene a = make_net_preset_scene(p), b = make_net_preset_scene(p);
    const std::int64_t steps = a.task().batches_per_epoch() + 2;
    a.step(steps);
    b.step(steps);
    for (std::size_t i = 0; i < a.runs().size(); ++i) {
      const auto &ra = a.runs()[i].history.rows(), &rb = b.runs()[i].history.rows();
      ASSERT_EQ(ra.size(), static_cast<std::size_t>(steps + 1));
      ASSERT_EQ(ra.size(), rb.size());
      for (std::size_t k = 0; k < ra.size(); ++k) {
        EXPECT_TRUE(same_bits(ra[k].train_loss, rb[k].train_loss) && same_bits(ra[k].test_loss, rb[k].test_loss) &&
                    same_bits(ra[k].train_accuracy, rb[k].train_accuracy) &&
                    same_bits(ra[k].test_accuracy, rb[k].test_accuracy) && same_bits(ra[k].lr, rb[k].lr) &&
                    same_bits(ra[k].batch_loss, rb[k].batch_loss))
            << "run " << i << " row " << k;
      }
      const Vec &pa = a.runs()[i].run.parameters(), &pb = b.runs()[i].run.parameters();
      ASSERT_EQ(pa.size(), pb.size());
      EXPECT_EQ(std::memcmp(pa.data(), pb.data(), sizeof(double) * static_cast<std::size_t>(pa.size())), 0);
    }
  }
}

TEST(NetPresets, Race) {
  const NetScene s = play("net-race");
  const auto &adam = rows(s, 0), &sgd = rows(s, 1), &momentum = rows(s, 2);
  // "Adam is the first below a train loss of 0.3"
  EXPECT_LT(first_below(adam, 0.3), first_below(momentum, 0.3));
  EXPECT_LT(first_below(momentum, 0.3), kNever);
  // "and averages 0.15 over the last 100 of 400 steps"
  EXPECT_NEAR(last(adam, 100).mean, 0.15, 0.01);
  // "Momentum keeps up but its loss jumps between 0.15 and 0.47": below 0.3 within 20 steps of Adam.
  EXPECT_LT(first_below(momentum, 0.3), first_below(adam, 0.3) + 20);
  const Window m = last(momentum, 100);
  EXPECT_NEAR(m.min, 0.15, 0.01);
  EXPECT_NEAR(m.max, 0.47, 0.01);
  EXPECT_GT(m.span(), 3 * last(adam, 100).span());
  EXPECT_GT(m.mean, 1.5 * last(adam, 100).mean);
  // "and plain SGD is still above 0.6": at every step.
  EXPECT_EQ(first_below(sgd, 0.6), kNever);
  expect_no_divergence(s);
}

TEST(NetPresets, LearningRate) {
  const NetScene s = play("net-lr");
  const auto &small = rows(s, 0), &right = rows(s, 1), &large = rows(s, 2);
  // "lr 0.001 crawls (train loss 0.71 to 0.67 in 300 steps)"
  EXPECT_NEAR(small.front().train_loss, 0.71, 0.005);
  EXPECT_NEAR(small.back().train_loss, 0.67, 0.005);
  // "lr 0.03 is below 0.3 by step 120 and ends near 0.12"
  EXPECT_LE(first_below(right, 0.3), 120);
  EXPECT_GT(first_below(right, 0.3), 100);
  EXPECT_NEAR(right.back().train_loss, 0.12, 0.01);
  // "lr 1 does not blow up but bounces: it never gets below 0.6, and over its last 100 steps it
  // does worse on average than the untrained network's 0.71." This run is chaotic: its mean moved
  // from 1.18 to 0.99 with a last-bit change in the matrix products, so the caption states no
  // figure for it, and the margin below is wide.
  EXPECT_EQ(first_below(large, 0.6), kNever);
  EXPECT_GT(last(large, 100).mean, large.front().train_loss + 0.1);
  EXPECT_GT(rises(large), 100);  // bouncing, not a plateau
  expect_no_divergence(s);
}

TEST(NetPresets, Beta1) {
  const NetScene s = play("net-beta1");
  const auto &b0 = rows(s, 0), &b09 = rows(s, 1), &b099 = rows(s, 2);
  // "with beta1 0 the train loss rises on 109 of 300 steps, with 0.9 on 35 and with 0.99 on only 3"
  EXPECT_NEAR(rises(b0), 109, 5);
  EXPECT_NEAR(rises(b09), 35, 3);
  EXPECT_LE(rises(b099), 5);
  EXPECT_GT(rises(b0), 2 * rises(b09));
  EXPECT_GT(rises(b09), 5 * rises(b099));
  // "0.99 ... is the last below 0.5 and ends highest (0.48, against 0.29 and 0.09)"
  EXPECT_GT(first_below(b099, 0.5), first_below(b09, 0.5) + 50);
  EXPECT_GT(first_below(b099, 0.5), first_below(b0, 0.5) + 50);
  EXPECT_NEAR(b099.back().train_loss, 0.48, 0.005);
  EXPECT_NEAR(b09.back().train_loss, 0.29, 0.005);
  EXPECT_NEAR(b0.back().train_loss, 0.09, 0.005);
  expect_no_divergence(s);
}

TEST(NetPresets, Beta2OnSparseFeatures) {
  const NetScene s = play("net-beta2");
  const auto &b09 = rows(s, 0), &b0999 = rows(s, 1);
  // The task: 64 binary features, each on for about 2% of the points.
  const Dataset& d = s.task().data();
  ASSERT_EQ(d.input_dim, 64);
  const double on = d.train_x.sum() / static_cast<double>(d.train_x.size());
  EXPECT_GT(on, 0.015);
  EXPECT_LT(on, 0.03);
  // "beta2 0.9 fits the training points a little faster"
  EXPECT_LT(b09.back().train_loss, b0999.back().train_loss);
  EXPECT_GT(b09.back().train_loss, 0.5 * b0999.back().train_loss);
  for (double level : {0.3, 0.2, 0.1}) EXPECT_LE(first_below(b09, level), first_below(b0999, level)) << level;
  // "its weights grow twice as large (norm 58 against 26)"
  EXPECT_NEAR(weight_norm(s, 0), 58, 0.5);
  EXPECT_NEAR(weight_norm(s, 1), 26, 0.5);
  // "its test loss turns up after about step 90 to end at 0.44"
  const std::int64_t turn = best_test_step(b09);
  EXPECT_GE(turn, 80);
  EXPECT_LE(turn, 100);
  EXPECT_NEAR(b09.back().test_loss, 0.44, 0.005);
  EXPECT_GT(b09.back().test_loss, 1.5 * b09[static_cast<std::size_t>(turn)].test_loss);
  // "With beta2 0.999 the test loss keeps falling, to 0.17": its best is in the last 20 steps.
  EXPECT_GT(best_test_step(b0999), 280);
  EXPECT_NEAR(b0999.back().test_loss, 0.17, 0.005);
  expect_no_divergence(s);
}

TEST(NetPresets, DecayLetsTheLossSettle) {
  const NetScene s = play("net-decay");
  const Window constant = last(rows(s, 0), 100), step = last(rows(s, 1), 100), cosine = last(rows(s, 2), 100);
  // "a constant lr of 0.05 ... keeps jumping between 0.009 and 0.031 over the last 100 of 400 steps"
  EXPECT_NEAR(constant.min, 0.009, 0.0005);
  EXPECT_NEAR(constant.max, 0.031, 0.0005);
  // "their last 100 steps span 0.0018 and 0.0012"
  EXPECT_NEAR(step.span(), 0.0018, 0.00005);
  EXPECT_NEAR(cosine.span(), 0.0012, 0.00005);
  EXPECT_LT(step.span(), 0.1 * constant.span());
  EXPECT_LT(cosine.span(), 0.1 * constant.span());
  // "and both end below the constant run's average"
  EXPECT_LT(rows(s, 1).back().train_loss, constant.mean);
  EXPECT_LT(rows(s, 2).back().train_loss, constant.mean);
  // The schedules did what their names say: lr 0.05 halved at steps 100, 200, 300; cosine to ~0.
  EXPECT_EQ(rows(s, 1)[100].lr, 0.05);
  EXPECT_EQ(rows(s, 1)[101].lr, 0.025);
  EXPECT_EQ(rows(s, 1).back().lr, 0.00625);
  EXPECT_LT(rows(s, 2).back().lr, 1e-5);
  EXPECT_EQ(rows(s, 0).back().lr, 0.05);
  expect_no_divergence(s);
}

TEST(NetPresets, WeightDecayLowersTheTestLoss) {
  const NetScene s = play("net-weight-decay");
  const auto &none = rows(s, 0), &some = rows(s, 1), &more = rows(s, 2);
  ASSERT_EQ(s.task().data().train_size(), 20);
  // "without weight decay it fits them all (train loss 0.004)"
  EXPECT_NEAR(none.back().train_loss, 0.004, 0.0005);
  EXPECT_EQ(none.back().train_accuracy, 1.0);
  // "and its test loss climbs back from 0.19 to 0.61"
  const std::int64_t best = best_test_step(none);
  EXPECT_NEAR(none[best].test_loss, 0.19, 0.005);
  EXPECT_NEAR(none.back().test_loss, 0.61, 0.005);
  EXPECT_GT(none.back().test_loss, 3 * none[best].test_loss);
  // "weight_decay 0.003 and 0.01 keep the weights smaller and end with test losses of 0.37 and 0.18"
  EXPECT_LT(weight_norm(s, 1), weight_norm(s, 0));
  EXPECT_LT(weight_norm(s, 2), weight_norm(s, 1));
  EXPECT_NEAR(some.back().test_loss, 0.37, 0.005);
  EXPECT_NEAR(more.back().test_loss, 0.18, 0.005);
  // "the more decay, the smaller the gap between train and test"
  auto gap = [](const std::vector<NetRow>& r) { return r.back().test_loss - r.back().train_loss; };
  EXPECT_LT(gap(some), gap(none));
  EXPECT_LT(gap(more), gap(some));
  expect_no_divergence(s);
}

TEST(NetPresets, AdamWIsNotAdamsL2) {
  const NetScene s = play("net-adamw");
  const auto &l2 = rows(s, 0), &decoupled = rows(s, 1), &decoupled_1 = rows(s, 2);
  // "Adam's L2 ... shrinks the weights to norm 5.1 and the test loss to 0.18"
  EXPECT_NEAR(weight_norm(s, 0), 5.1, 0.05);
  EXPECT_NEAR(l2.back().test_loss, 0.18, 0.005);
  // "while AdamW's decoupled decay ... leaves norm 7.8 and test loss 0.60"
  EXPECT_NEAR(weight_norm(s, 1), 7.8, 0.05);
  EXPECT_NEAR(decoupled.back().test_loss, 0.60, 0.005);
  // "AdamW needs weight_decay 1 to regularise as much (norm 4.0, test loss 0.19)"
  EXPECT_NEAR(weight_norm(s, 2), 4.0, 0.05);
  EXPECT_NEAR(decoupled_1.back().test_loss, 0.19, 0.005);
  EXPECT_LT(std::abs(decoupled_1.back().test_loss - l2.back().test_loss), 0.1 * l2.back().test_loss);
  expect_no_divergence(s);
}

}  // namespace
}  // namespace adamlab
