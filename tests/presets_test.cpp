// Every preset's caption is a claim about what the scene shows when it plays. Each test loads the
// preset through the real link path (parse_link + apply_link into a Scene), plays it to its step
// limit and asserts the claim with numbers.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "core/spec.h"
#include "optim/optimizer.h"
#include "sim/anatomy.h"
#include "sim/link.h"
#include "sim/noise.h"
#include "sim/presets.h"
#include "sim/scene.h"

namespace adamlab {
namespace {

std::string dump(const std::vector<std::string>& errors) {
  std::string out;
  for (const auto& e : errors) out += e + "\n";
  return out;
}

// The preset's scene, played to its step limit.
Scene play(const std::string& name) {
  const Preset* preset = find_preset(name);
  EXPECT_NE(preset, nullptr) << name;
  Scene scene;
  if (!preset) return scene;
  const ParsedLink parsed = parse_link("#preset=" + name);
  EXPECT_TRUE(parsed.errors.empty()) << dump(parsed.errors);
  const AppliedLink applied = apply_link(parsed.link, scene);
  EXPECT_TRUE(applied.errors.empty()) << dump(applied.errors);
  scene.step(scene.step_limit());
  EXPECT_EQ(scene.step_count(), scene.step_limit());
  return scene;
}

const std::vector<TraceRow>& rows(const Scene& scene, std::size_t i) {
  EXPECT_EQ(scene.runs().at(i).history.stride(), 1);  // every step kept
  return scene.runs().at(i).history.rows();
}

// Sign changes of y between points farther than `threshold` from the floor y = 0: crossings a
// viewer can see.
int crossings(const std::vector<TraceRow>& r, double threshold = 0.01) {
  int count = 0, last = 0;
  for (const auto& row : r) {
    if (std::abs(row.y) <= threshold) continue;
    const int sign = row.y > 0 ? 1 : -1;
    if (last != 0 && sign != last) ++count;
    last = sign;
  }
  return count;
}

// First step whose loss is below `loss`; a large number if never.
std::int64_t first_below(const std::vector<TraceRow>& r, double loss) {
  for (const auto& row : r)
    if (row.loss < loss) return row.step;
  return 1 << 30;
}

double final_loss(const Scene& scene, std::size_t i) { return scene.runs().at(i).run.row().loss; }

// The loss levels a reader reads off the log-scale chart: every decade from `top` down to 1e-15.
std::vector<double> decades(double top) {
  std::vector<double> out;
  for (int k = 0; k >= -15; --k)
    if (std::pow(10.0, k) <= top) out.push_back(std::pow(10.0, k));
  return out;
}

// "a gets below every level sooner than b": at each level b reaches, a got there strictly earlier;
// a level neither reaches is not on the chart for them and says nothing.
::testing::AssertionResult sooner_at_every_level(const std::vector<TraceRow>& a, const std::vector<TraceRow>& b,
                                                 const std::vector<double>& levels) {
  const std::int64_t never = 1 << 30;
  for (double level : levels) {
    const std::int64_t ka = first_below(a, level), kb = first_below(b, level);
    if (ka == never && kb == never) continue;
    if (!(ka < kb))
      return ::testing::AssertionFailure() << "below " << level << ": step " << (ka == never ? -1 : ka) << " vs "
                                           << (kb == never ? -1 : kb) << " (-1 = never)";
  }
  return ::testing::AssertionSuccess();
}

// |log10(value) - log10(stated)| <= 0.5: "about 1e-13" as a reader rounds a log-scale reading.
::testing::AssertionResult about(double value, double stated) {
  if (value > 0 && std::abs(std::log10(value) - std::log10(stated)) <= 0.5) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << value << " is not about " << stated;
}

// The path as drawn: its points up to where it leaves the finite numbers or flies far off the map
// (1e4 times `gap`, which callers set to a quarter of a percent of the view: 25 view widths), each
// at least `gap` from the last one kept (sub-pixel steps near a minimum add nothing a reader sees).
std::vector<Eigen::Vector2d> drawn(const std::vector<TraceRow>& r, double gap) {
  std::vector<Eigen::Vector2d> out;
  for (const auto& row : r) {
    const Eigen::Vector2d p(row.x, row.y);
    if (!p.allFinite() || (!out.empty() && (p - out.front()).norm() > 1e4 * gap)) break;
    if (out.empty() || (p - out.back()).norm() > gap) out.push_back(p);
  }
  return out;
}

// Whether p lies within `tol` of the polyline `path`.
bool near_path(const Eigen::Vector2d& p, const std::vector<Eigen::Vector2d>& path, double tol) {
  if ((p - path.front()).norm() <= tol) return true;
  for (std::size_t k = 1; k < path.size(); ++k) {
    const Eigen::Vector2d d = path[k] - path[k - 1];
    const double t = d.squaredNorm() > 0 ? std::clamp((p - path[k - 1]).dot(d) / d.squaredNorm(), 0.0, 1.0) : 0.0;
    if ((p - path[k - 1] - t * d).norm() <= tol) return true;
  }
  return false;
}

// Share of a's drawn length lying farther than `tol` from b's path: how much of a shows beside b
// on the map. Near 0: a lies under b (or b over a, depending on draw order). a is sampled every
// tol/2 along its length, or at 1000 evenly spaced points if it is longer than that.
double visible_beside(const std::vector<TraceRow>& ra, const std::vector<TraceRow>& rb, double tol) {
  const auto a = drawn(ra, tol / 4), b = drawn(rb, tol / 4);
  double length = 0;
  for (std::size_t k = 1; k < a.size(); ++k) length += (a[k] - a[k - 1]).norm();
  if (!(length > 0)) return 0.0;
  const double spacing = std::max(tol / 2, length / 1000);
  int total = 0, visible = 0;
  double next = spacing / 2, walked = 0;  // arc length of the next sample, and up to a[k - 1]
  for (std::size_t k = 1; k < a.size(); ++k) {
    const double segment = (a[k] - a[k - 1]).norm();
    for (; next <= walked + segment; next += spacing, ++total)
      visible += !near_path(a[k - 1] + (next - walked) / segment * (a[k] - a[k - 1]), b, tol);
    walked += segment;
  }
  return total > 0 ? static_cast<double>(visible) / total : 0.0;
}

// The preset's view: the link's, else the problem's own.
Rect view_of(const std::string& name, const Scene& s) {
  const ParsedLink parsed = parse_link("#preset=" + name);
  return parsed.link.view ? *parsed.link.view : s.problem().view();
}

// A reader's "lies on top of": run i's path shows beside run j's on at most `share` of its length,
// where "beside" means farther than 1% of the view's width (about 5 px on a 500 px map, a path's
// drawn width).
::testing::AssertionResult lies_on(const std::string& name, const Scene& s, std::size_t i, std::size_t j,
                                   double share = 0.03) {
  const Rect v = view_of(name, s);
  const double shown = visible_beside(rows(s, i), rows(s, j), 0.01 * (v.xmax - v.xmin));
  if (shown <= share) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << "run " << i << " shows beside run " << j << " on " << 100 * shown
                                       << "% of its length (at most " << 100 * share << "% stated)";
}

// Run j's path runs mostly beside run i's: over half of its length farther than the tolerance.
bool lies_beside(const std::string& name, const Scene& s, std::size_t j, std::size_t i) {
  const Rect v = view_of(name, s);
  return visible_beside(rows(s, j), rows(s, i), 0.01 * (v.xmax - v.xmin)) > 0.5;
}

void expect_no_divergence(const Scene& scene) {
  for (const auto& r : scene.runs()) EXPECT_FALSE(r.run.diverged()) << to_string(r.optimizer);
}

TEST(Presets, ALessonWhosePathsCoincideOnTheMapSaysSo) {
  // Run i lies on run j's path (lies_on: at most 3% of it shows beside j's) and j runs mostly along
  // i's (not lies_beside): the two share one track, and which is seen depends on draw order alone.
  // The caption must say where the paths share the map. (A path drawn over another's scribble, as
  // Adam over SGD's in the noise lesson, is not hidden: that scribble runs mostly elsewhere.)
  for (const auto& p : presets()) {
    const Scene s = play(p.name);
    std::string hidden;
    for (std::size_t i = 0; i < s.runs().size(); ++i)
      for (std::size_t j = 0; j < s.runs().size(); ++j)
        if (i != j && lies_on(p.name, s, i, j) && !lies_beside(p.name, s, j, i))
          hidden += " " + std::to_string(i) + " under " + std::to_string(j);
    const bool says_so = p.caption.find("on the map") != std::string::npos;
    if (!hidden.empty()) EXPECT_TRUE(says_so) << p.name << ":" << hidden << "\n" << p.caption;
  }
}

TEST(Presets, NamesAreTheTutorialsFixedList) {
  const std::vector<std::string> expected = {"momentum", "rmsprop",      "adam",    "learning-rate",
                                             "beta1",    "beta2",        "eps",     "weight-decay",
                                             "amsgrad",  "maximize",     "schedule", "noise"};
  std::vector<std::string> names;
  for (const auto& p : presets()) names.push_back(p.name);
  EXPECT_EQ(names, expected);
}

TEST(Presets, EachHasATitleATwoSentenceCaptionAndACleanLink) {
  for (const auto& p : presets()) {
    EXPECT_FALSE(p.title.empty()) << p.name;
    int sentences = 0;
    for (std::size_t i = 0; i + 1 < p.caption.size(); ++i)
      if ((p.caption[i] == '.' || p.caption[i] == '!') && p.caption[i + 1] == ' ') ++sentences;
    EXPECT_EQ(sentences + 1, 2) << p.name << ": " << p.caption;
    EXPECT_EQ(p.caption.back(), '.') << p.name;
    const ParsedLink parsed = parse_link(p.link);
    EXPECT_TRUE(parsed.errors.empty()) << p.name << "\n" << dump(parsed.errors);
    EXPECT_TRUE(parsed.link.problem && parsed.link.limit && parsed.link.speed) << p.name;
    EXPECT_FALSE(parsed.link.preset) << p.name;
  }
}

TEST(Presets, Momentum) {
  const Scene s = play("momentum");
  const auto& sgd = rows(s, 0);
  const auto& momentum = rows(s, 1);
  // SGD crosses the valley floor on every one of its first 50 steps.
  for (int k = 1; k <= 50; ++k) EXPECT_LT(sgd[k].y * sgd[k - 1].y, 0) << k;
  EXPECT_GE(crossings(sgd), 50);
  // "less than half as often"
  EXPECT_LT(2 * crossings(momentum), crossings(sgd)) << crossings(momentum) << " vs " << crossings(sgd);
  // "gets below every loss level on the chart sooner"
  EXPECT_TRUE(sooner_at_every_level(momentum, sgd, decades(sgd[0].loss)));
  // "ends its 300 steps with a loss near 1e-13 against SGD's 1e-5"
  EXPECT_EQ(s.step_limit(), 300);
  EXPECT_TRUE(about(final_loss(s, 1), 1e-13));
  EXPECT_TRUE(about(final_loss(s, 0), 1e-5));
  expect_no_divergence(s);
}

TEST(Presets, Rmsprop) {
  const Scene s = play("rmsprop");
  const auto& sgd = rows(s, 0);
  const auto& rms = rows(s, 1);
  // First step: as long in x as in y although the gradient is ~22 times steeper in y.
  const double gx = std::abs(s.problem().gradient(rms[0].x, rms[0].y)[0]);
  const double gy = std::abs(s.problem().gradient(rms[0].x, rms[0].y)[1]);
  EXPECT_GT(gy / gx, 20);
  EXPECT_NEAR(std::abs(rms[1].x - rms[0].x) / std::abs(rms[1].y - rms[0].y), 1.0, 1e-6);
  EXPECT_NEAR(std::abs(sgd[1].y - sgd[0].y) / std::abs(sgd[1].x - sgd[0].x), gy / gx, 1e-9);
  // Not a single zig-zag, against SGD's hundreds.
  EXPECT_EQ(crossings(rms, 0.0), 0);
  EXPECT_GE(crossings(sgd), 50);
  // "along the floor the two paths coincide on the map, and the loss chart shows RMSProp below every
  // level sooner"
  EXPECT_TRUE(lies_on("rmsprop", s, 1, 0, 0.10));
  EXPECT_TRUE(sooner_at_every_level(rms, sgd, decades(sgd[0].loss)));
  EXPECT_LT(final_loss(s, 1), final_loss(s, 0) * 1e-3);
  expect_no_divergence(s);
}

TEST(Presets, Adam) {
  const Scene s = play("adam");
  const auto &sgd = rows(s, 0), &momentum = rows(s, 1), &rmsprop = rows(s, 2), &adam = rows(s, 3);
  // "gets below 0.1 and every lower loss level first ..., ahead of momentum, then RMSProp, then SGD"
  const std::vector<double> levels = decades(0.1);
  EXPECT_TRUE(sooner_at_every_level(adam, momentum, levels));
  EXPECT_TRUE(sooner_at_every_level(momentum, rmsprop, levels));
  EXPECT_TRUE(sooner_at_every_level(rmsprop, sgd, levels));
  EXPECT_LT(first_below(sgd, 1e-3), s.step_limit());  // even SGD gets somewhere on the chart
  // "and it ends lowest too" (and the others in the same order)
  EXPECT_LT(final_loss(s, 3), final_loss(s, 1));
  EXPECT_LT(final_loss(s, 1), final_loss(s, 2));
  EXPECT_LT(final_loss(s, 2), final_loss(s, 0));
  expect_no_divergence(s);
}

TEST(Presets, LearningRate) {
  const Scene s = play("learning-rate");
  const double small = final_loss(s, 0), right = final_loss(s, 1);
  EXPECT_GT(small, 1.0);  // still far after 300 steps
  EXPECT_LT(right, 1e-9);
  // lr 3: the loss overflows and the run is reported diverged (non-finite) about step 220.
  const adamlab::Run& large = s.runs()[2].run;
  ASSERT_TRUE(large.diverged());
  EXPECT_GE(large.diverged_at(), 200);
  EXPECT_LE(large.diverged_at(), 240);
  EXPECT_FALSE(std::isfinite(large.row().loss));
  // "five times farther" up the opposite wall on each step, until the overflow.
  const auto& r = rows(s, 2);
  ASSERT_EQ(static_cast<std::int64_t>(r.size()), large.diverged_at() + 1);  // the history stops there
  for (std::size_t k = 1; k + 1 < r.size(); ++k) {
    EXPECT_LT(r[k].y * r[k - 1].y, 0) << k;  // the opposite wall
    EXPECT_NEAR(std::abs(r[k].y / r[k - 1].y), 5.0, 1e-9) << k;
  }
  EXPECT_LT(s.runs()[1].run.position().norm(), s.runs()[0].run.position().norm());
  EXPECT_FALSE(s.runs()[0].run.diverged());
  EXPECT_FALSE(s.runs()[1].run.diverged());
  // The anatomy's divergence diagnosis has something to say about the last finite step.
  EXPECT_FALSE(diagnose_divergence(replay_run(s, s.runs()[2], large.diverged_at() - 1)).empty());
}

TEST(Presets, Beta1) {
  const Scene s = play("beta1");
  const auto& b05 = rows(s, 0);
  const auto& b09 = rows(s, 1);
  const auto& b099 = rows(s, 2);
  // How far each swings past the minimum (x = 0) along the floor.
  auto overshoot = [](const std::vector<TraceRow>& r) {
    double most = 0;
    for (const auto& row : r) most = std::max(most, row.x);
    return most;
  };
  // 0.5 goes straight in: (almost) no overshoot.
  EXPECT_LT(overshoot(b05), 0.01);
  // "the default 0.9 gets near a little sooner": first below 0.1, 0.01 and 0.001 ...
  for (double level : {0.1, 0.01, 0.001}) EXPECT_LT(first_below(b09, level), first_below(b05, level)) << level;
  // "... so 0.5 is first below 1e-4 and ends far lower"
  EXPECT_TRUE(sooner_at_every_level(b05, b09, decades(1e-4)));
  EXPECT_TRUE(sooner_at_every_level(b05, b099, decades(1e-4)));
  EXPECT_LT(final_loss(s, 0), 1e-6 * final_loss(s, 1));
  // 0.9 swings past it and circles in.
  EXPECT_GT(overshoot(b09), 10 * overshoot(b05));
  EXPECT_LT(overshoot(b09), 1.0);
  EXPECT_LT(final_loss(s, 1), 1e-9);
  // 0.99 swings far past the minimum and is still circling at the end.
  EXPECT_GT(overshoot(b099), 1.0);
  EXPECT_GT(overshoot(b099), 5 * overshoot(b09));
  EXPECT_GT(final_loss(s, 2), 1e-3);
  EXPECT_GT(final_loss(s, 2), 1e6 * std::max(final_loss(s, 0), final_loss(s, 1)));
  expect_no_divergence(s);
}

TEST(Presets, Beta2) {
  const Scene s = play("beta2");
  const double b09 = final_loss(s, 0), b0999 = final_loss(s, 1), b09999 = final_loss(s, 2);
  EXPECT_GT(b09, 1e6 * std::max(b0999, b09999));
  // Rattling: over the last 100 steps beta2 0.9 keeps steps near lr, the others have settled.
  auto late_step = [&](std::size_t i) {
    const auto& r = rows(s, i);
    double longest = 0;
    for (std::size_t k = r.size() - 100; k < r.size(); ++k)
      longest = std::max(longest, std::hypot(r[k].x - r[k - 1].x, r[k].y - r[k - 1].y));
    return longest;
  };
  EXPECT_GT(late_step(0), 1e-3);
  EXPECT_LT(late_step(1), 1e-6);
  EXPECT_LT(late_step(2), 1e-6);
  // "although it gets near first": below 1 and every level down to 1e-6 before the others.
  const std::vector<double> near = {1, 0.1, 0.01, 1e-3, 1e-4, 1e-5, 1e-6};
  EXPECT_TRUE(sooner_at_every_level(rows(s, 0), rows(s, 1), near));
  EXPECT_TRUE(sooner_at_every_level(rows(s, 0), rows(s, 2), near));
  // "its loss stuck between 1e-7 and 1e-4" (over the last 200 steps)
  const auto& r09 = rows(s, 0);
  for (std::size_t k = r09.size() - 200; k < r09.size(); ++k) {
    EXPECT_GT(r09[k].loss, 1e-7) << k;
    EXPECT_LT(r09[k].loss, 1e-4) << k;
  }
  // "the loss falls below 1e-17"
  EXPECT_LT(b0999, 1e-17);
  EXPECT_LT(b09999, 1e-17);
  // "their paths coincide on the map; the loss chart tells them apart"
  EXPECT_TRUE(lies_on("beta2", s, 1, 2));
  EXPECT_TRUE(lies_on("beta2", s, 2, 1));
  EXPECT_NE(first_below(rows(s, 1), 1e-12), first_below(rows(s, 2), 1e-12));
  expect_no_divergence(s);
}

TEST(Presets, Eps) {
  const Scene s = play("eps");
  // Gradients about 0.001 at the start.
  const auto g0 = s.problem().gradient(rows(s, 0)[0].x, rows(s, 0)[0].y);
  EXPECT_LT(g0.norm(), 3e-3);
  EXPECT_GT(g0.norm(), 5e-4);
  const double d8 = s.runs()[0].run.position().norm(), d3 = s.runs()[1].run.position().norm(),
               d2 = s.runs()[2].run.position().norm();
  EXPECT_LT(d8, 0.05);
  EXPECT_GT(d3, 10 * d8);
  EXPECT_GT(d2, 5 * d3);
  EXPECT_GT(d2, 5.0);  // eps 0.01 has crawled only a third of the way
  // eps outweighs the root of v_hat for the large-eps runs, not for the default.
  for (std::size_t i = 0; i < 3; ++i) {
    const StepAnatomy a = explain_next_step(s.runs()[i].run);
    const double root = std::sqrt(a.vector("v_hat")->value.maxCoeff());
    if (i == 0)
      EXPECT_GT(root, 100 * a.scalar("eps")->value);
    else
      EXPECT_LT(root, a.scalar("eps")->value);
  }
  expect_no_divergence(s);
}

TEST(Presets, WeightDecay) {
  const Scene s = play("weight-decay");
  const Eigen::Vector2d adam = s.runs()[0].run.position(), adamw = s.runs()[1].run.position(),
                        plain = s.runs()[2].run.position();
  EXPECT_LT((plain - Eigen::Vector2d(1, 1)).norm(), 1e-6);
  EXPECT_GT((adam - Eigen::Vector2d(1, 1)).norm(), 0.3);
  EXPECT_GT((adamw - Eigen::Vector2d(1, 1)).norm(), 0.3);
  EXPECT_GT((adam - adamw).norm(), 0.1);
  // Adam (L2) settles where grad + 0.5 p = 0; AdamW does not.
  const auto& problem = s.problem();
  const Eigen::Vector2d l2 = problem.gradient(adam[0], adam[1]) + 0.5 * adam;
  const Eigen::Vector2d dw = problem.gradient(adamw[0], adamw[1]) + 0.5 * adamw;
  EXPECT_LT(l2.norm(), 1e-4);
  EXPECT_GT(dw.norm(), 0.05);
  // "on the map the three paths share one track and only their ends differ": each decayed run
  // shows beside plain Adam's path on at most a tenth of its length (the last stretch to its end).
  EXPECT_TRUE(lies_on("weight-decay", s, 0, 2, 0.10));
  EXPECT_TRUE(lies_on("weight-decay", s, 1, 2, 0.10));
  EXPECT_GT((adam - adamw).norm(), 0.02 * 4);  // the ends: farther apart than 2% of the 4-wide view
  // "its loss levels off near 0.10": the same from step 1000 to the end.
  EXPECT_NEAR(final_loss(s, 0), 0.10, 0.01);
  EXPECT_NEAR(rows(s, 0)[1000].loss, final_loss(s, 0), 1e-3 * final_loss(s, 0));
  // "AdamW ... is still creeping along the valley at the end (loss near 0.17)": over the last 500
  // steps it moves farther than 1.5% of the view (7 px on a 500 px map) and its loss still falls by
  // over 10%.
  EXPECT_NEAR(final_loss(s, 1), 0.17, 0.01);
  const auto& w = rows(s, 1);
  EXPECT_GT(std::hypot(w.back().x - w[w.size() - 501].x, w.back().y - w[w.size() - 501].y), 0.015 * 4);
  EXPECT_GT(w[w.size() - 501].loss, 1.1 * final_loss(s, 1));
  EXPECT_LT(final_loss(s, 2), 1e-12);  // plain Adam reaches (1, 1)
  expect_no_divergence(s);
}

TEST(Presets, Amsgrad) {
  const Scene s = play("amsgrad");
  const auto& adam = rows(s, 0);
  const auto& ams = rows(s, 1);
  // "the loss chart shows AMSGrad getting below 1 and every lower level later, and ending higher"
  EXPECT_TRUE(sooner_at_every_level(adam, ams, decades(1)));
  EXPECT_LT(final_loss(s, 0), final_loss(s, 1));
  // "the two paths lie on top of each other on the map"
  EXPECT_TRUE(lies_on("amsgrad", s, 0, 1));
  EXPECT_TRUE(lies_on("amsgrad", s, 1, 0));
  // Along the valley floor (steps 100 to 400, after the drop) AMSGrad's steps stay smaller.
  auto mean_step = [](const std::vector<TraceRow>& r) {
    double sum = 0;
    for (std::size_t k = 101; k <= 400; ++k) sum += std::hypot(r[k].x - r[k - 1].x, r[k].y - r[k - 1].y);
    return sum / 300;
  };
  EXPECT_LT(mean_step(ams), mean_step(adam));
  // max_exp_avg_sq ends above exp_avg_sq: it remembers.
  const StepAnatomy a = explain_next_step(s.runs()[1].run);
  EXPECT_GT(a.vector("max_exp_avg_sq")->value.sum(), a.vector("exp_avg_sq")->value.sum());
  expect_no_divergence(s);
}

TEST(Presets, Maximize) {
  const Scene s = play("maximize");
  EXPECT_EQ(s.start(), Eigen::Vector2d(3, 0));
  const Eigen::Vector2d down = s.runs()[0].run.position(), up = s.runs()[1].run.position();
  EXPECT_LT((down - Eigen::Vector2d(3, 2)).norm(), 1e-6);  // "the minimum at (3, 2)"
  EXPECT_LT(final_loss(s, 0), 1e-10);
  EXPECT_NEAR(up[0], -0.271, 1e-3);
  EXPECT_NEAR(up[1], -0.923, 1e-3);
  EXPECT_NEAR(final_loss(s, 1), 181.6, 0.05);
  EXPECT_GT(final_loss(s, 1), rows(s, 1)[0].loss);
  // Both paths are long on screen: the default view is 10 units across, so on an 800 px wide
  // window (about 500 px of map) 1 unit is about 50 px. The climb crosses the map (> 3 units
  // from start to hilltop, > 150 px); the descent moves 2 units.
  auto path_length = [&](std::size_t i) {
    const auto& r = rows(s, i);
    double sum = 0;
    for (std::size_t k = 1; k < r.size(); ++k) sum += std::hypot(r[k].x - r[k - 1].x, r[k].y - r[k - 1].y);
    return sum;
  };
  EXPECT_GT((up - s.start()).norm(), 3.0);
  EXPECT_GT(path_length(1), 4.0);
  EXPECT_GT(path_length(0), 2.0);
  expect_no_divergence(s);
}

TEST(Presets, Schedule) {
  const Scene s = play("schedule");
  // "the three paths lie on top of each other on the map": both decayed runs under the constant
  // one's path, and under each other's.
  EXPECT_TRUE(lies_on("schedule", s, 1, 0));
  EXPECT_TRUE(lies_on("schedule", s, 2, 0));
  EXPECT_TRUE(lies_on("schedule", s, 2, 1));
  // "both decayed runs get below 1 and every lower level sooner and end far lower (about 1e-8 and
  // 1e-13 against 1e-4)"
  EXPECT_TRUE(sooner_at_every_level(rows(s, 1), rows(s, 0), decades(1)));
  EXPECT_TRUE(sooner_at_every_level(rows(s, 2), rows(s, 0), decades(1)));
  EXPECT_TRUE(about(final_loss(s, 0), 1e-4));
  EXPECT_TRUE(about(final_loss(s, 1), 1e-8));
  EXPECT_TRUE(about(final_loss(s, 2), 1e-13));
  // The tutorial's figure 11: step decay's loss drops at once at its first milestone (step 50).
  EXPECT_GT(rows(s, 1)[50].loss, 1.0);
  EXPECT_LT(rows(s, 1)[52].loss, 1e-4);
  EXPECT_GE(crossings(rows(s, 0)), 200);  // still bouncing for hundreds of steps
  EXPECT_GT(std::abs(rows(s, 0).back().y), 0.005);
  EXPECT_LT(std::abs(rows(s, 1).back().y), 1e-10);
  EXPECT_LT(std::abs(rows(s, 2).back().y), 1e-10);
  expect_no_divergence(s);
}

// The scene does not take noise yet, so this plays the preset's runs as Runs with the link's noise.
struct NoisyResult {
  double late_loss = 0, path = 0;
  bool diverged = false;
};

std::vector<NoisyResult> play_noisy(const SceneLink& link, std::uint64_t seed) {
  GradientNoise noise = parse_noise(*link.noise);
  noise.seed = seed;
  std::shared_ptr<const Problem> problem(make_problem(parse_spec(*link.problem)));
  std::vector<NoisyResult> out;
  for (const LinkRun& lr : link.runs) {
    Run run(problem, *link.start, make_optimizer(parse_spec(lr.optimizer)), nullptr, noise);
    NoisyResult r;
    Eigen::Vector2d prev = run.position();
    for (std::int64_t k = 1; k <= *link.limit; ++k) {
      const TraceRow row = run.step();
      r.path += (run.position() - prev).norm();
      prev = run.position();
      if (k > *link.limit - 100) r.late_loss += row.loss / 100;
    }
    r.diverged = run.diverged();
    out.push_back(r);
  }
  return out;
}

TEST(Presets, Noise) {
  const ParsedLink p = parse_link("#preset=noise");
  ASSERT_TRUE(p.errors.empty()) << dump(p.errors);
  ASSERT_TRUE(p.link.noise && p.link.seed);
  EXPECT_EQ(parse_noise(*p.link.noise).std, 1.0);
  // The preset's seed, and others: the claim does not hang on one lucky draw.
  for (std::uint64_t seed : {*p.link.seed, std::uint64_t(2), std::uint64_t(3), std::uint64_t(4), std::uint64_t(5)}) {
    const auto r = play_noisy(p.link, seed);
    ASSERT_EQ(r.size(), 2u);
    EXPECT_GT(r[0].late_loss, 10 * r[1].late_loss) << "seed " << seed;  // SGD far higher
    EXPECT_GT(r[0].path, 10 * r[1].path) << "seed " << seed;            // thrown all over
    EXPECT_LT(r[1].late_loss, 0.5) << "seed " << seed;                  // Adam near the floor
    EXPECT_FALSE(r[0].diverged || r[1].diverged);
  }
}

}  // namespace
}  // namespace adamlab
