// Anatomy of a step: the real next update, bit for bit, and the pieces that make it.
#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"
#include "sim/anatomy.h"
#include "sim/link.h"
#include "sim/scene.h"

namespace adamlab {
namespace {

Run make_run(const std::string& problem, Eigen::Vector2d start, const std::string& optimizer,
             const std::string& scheduler = "", GradientNoise noise = {}) {
  std::shared_ptr<const Problem> p(make_problem(parse_spec(problem)));
  std::unique_ptr<Scheduler> s;
  if (!scheduler.empty()) s = make_scheduler(parse_spec(scheduler));
  return Run(p, start, make_optimizer(parse_spec(optimizer)), std::move(s), noise);
}

// The sum of the parts the anatomy names as the update, for optimizers whose update is one or two
// named vectors (plus decoupled decay).
Eigen::Vector2d parts(const StepAnatomy& a) {
  Eigen::Vector2d sum = Eigen::Vector2d::Zero();
  for (const auto& v : a.vectors)
    if (v.name == "update" || v.name == "adam_update" || v.name == "gradient_term" || v.name == "momentum_term" ||
        v.name == "decoupled_decay")
      sum += v.value;
  return sum;
}

// Bit-equal, NaN included (a run maximizing Rosenbrock blows up, and must still match).
bool same(double a, double b) { return a == b || (std::isnan(a) && std::isnan(b)); }

const std::vector<std::string> kSpecs = {
    "adam:lr=0.05", "adam:lr=0.05,amsgrad=true,weight_decay=0.1", "adam:lr=0.05,maximize=true",
    "adamw:lr=0.05", "adamw:lr=0.05,amsgrad=true,weight_decay=0.3,maximize=true",
    "sgd:lr=0.001", "sgd:lr=0.001,momentum=0.9", "sgd:lr=0.001,momentum=0.9,nesterov=true,weight_decay=0.1",
    "sgd:lr=0.001,momentum=0.5,dampening=0.3,maximize=true",
    "rmsprop:lr=0.01", "rmsprop:lr=0.01,centered=true,momentum=0.5,weight_decay=0.1",
    "adagrad:lr=0.1", "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,weight_decay=0.1",
    "adadelta:lr=1", "adadelta:lr=1,weight_decay=0.1",
    "adamax:lr=0.02", "adamax:lr=0.02,weight_decay=0.1,maximize=true",
    "nadam:lr=0.02", "nadam:lr=0.02,weight_decay=0.1",
    "radam:lr=0.02", "radam:lr=0.02,weight_decay=0.1"};

TEST(Anatomy, FinalStepIsTheRealNextStepBitForBit) {
  GradientNoise noise;
  noise.std = 0.3;
  noise.seed = 9;
  for (const auto& spec : kSpecs) {
    for (const std::string& sched : {std::string(""), std::string("cosine:T_max=20")}) {
      for (const GradientNoise& n : {GradientNoise{}, noise}) {
        adamlab::Run run = make_run("rosenbrock", {-1.5, 2}, spec, sched, n);
        for (int k = 0; k < 12; ++k) {
          const StepAnatomy a = explain_next_step(run);
          const Eigen::Vector2d before = run.position();
          run.step();
          ASSERT_TRUE(a.torch_exact);
          const Eigen::Vector2d real_step = run.position() - before;
          for (int i = 0; i < 2; ++i) {
            EXPECT_TRUE(same(a.next_position[i], run.position()[i])) << spec << " step " << k;
            EXPECT_TRUE(same(a.step[i], real_step[i])) << spec << " step " << k;
            EXPECT_TRUE(same(a.vector("step")->value[i], a.step[i])) << spec;
          }
          EXPECT_EQ(a.t, run.optimizer().state().step) << spec;
        }
      }
    }
  }
}

TEST(Anatomy, ExplainingDoesNotChangeTheRun) {
  adamlab::Run run = make_run("rosenbrock", {-1.5, 2}, "adam:lr=0.05");
  run.step();
  const auto before = run.row();
  explain_next_step(run);
  const auto after = run.row();
  EXPECT_EQ(before.x, after.x);
  EXPECT_EQ(before.y, after.y);
  EXPECT_EQ(run.steps_taken(), 1);
}

TEST(Anatomy, NamedPartsAddUpToTheStep) {
  // On a gentle bowl: on Rosenbrock some of these blow up, and a tiny update to a huge p rounds away.
  for (const auto& spec : kSpecs) {
    adamlab::Run run = make_run("quadratic", {-9, 4}, spec);
    for (int k = 0; k < 10; ++k) {
      const StepAnatomy a = explain_next_step(run);
      if (!a.step.allFinite()) break;
      const Eigen::Vector2d sum = parts(a);
      for (int i = 0; i < 2; ++i)
        EXPECT_NEAR(sum[i], a.step[i], 1e-12 * (1 + std::abs(a.step[i])) + 1e-15) << spec << " t=" << a.t;
      EXPECT_FALSE(a.note.empty());
      run.step();
    }
  }
}

TEST(Anatomy, AdamMomentsAndBiasCorrectionsByHand) {
  // quadratic a=0.05, b=1 at (-9, 4): gradient (2*0.05*-9, 2*4) = (-0.9, 8).
  adamlab::Run run = make_run("quadratic", {-9, 4}, "adam:lr=0.1,beta1=0.8,beta2=0.99,eps=0.001");
  const Eigen::Vector2d g1(-0.9, 8);
  StepAnatomy a = explain_next_step(run);
  EXPECT_EQ(a.t, 1);
  EXPECT_NEAR(a.scalar("bias_correction1")->value, 0.2, 1e-15);
  EXPECT_NEAR(a.scalar("bias_correction2")->value, 0.01, 1e-15);
  EXPECT_TRUE(a.vector("exp_avg")->value.isApprox(0.2 * g1, 1e-14));
  EXPECT_TRUE(a.vector("exp_avg_sq")->value.isApprox(0.01 * g1.cwiseProduct(g1), 1e-14));
  EXPECT_TRUE(a.vector("m_hat")->value.isApprox(g1, 1e-14));
  EXPECT_TRUE(a.vector("v_hat")->value.isApprox(g1.cwiseProduct(g1), 1e-14));
  const Eigen::Vector2d scaling(1 / (0.9 + 0.001), 1 / (8 + 0.001));
  EXPECT_TRUE(a.vector("scaling")->value.isApprox(scaling, 1e-14));
  EXPECT_TRUE(a.vector("effective_lr")->value.isApprox(0.1 * scaling, 1e-14));
  EXPECT_TRUE(a.step.isApprox(-0.1 * g1.cwiseProduct(scaling), 1e-14));
  // Second step, by hand from the first.
  run.step();
  const Eigen::Vector2d p = run.position();
  const Eigen::Vector2d g2(0.1 * p[0], 2 * p[1]);
  const Eigen::Vector2d m = 0.8 * (0.2 * g1) + 0.2 * g2;
  const Eigen::Vector2d v = 0.99 * (0.01 * g1.cwiseProduct(g1)) + 0.01 * g2.cwiseProduct(g2);
  a = explain_next_step(run);
  EXPECT_EQ(a.t, 2);
  EXPECT_TRUE(a.vector("m_hat")->value.isApprox(m / (1 - 0.64), 1e-13));
  EXPECT_TRUE(a.vector("v_hat")->value.isApprox(v / (1 - 0.9801), 1e-13));
}

TEST(Anatomy, WeightDecayIsL2ForAdamAndDecoupledForAdamW) {
  const Eigen::Vector2d p(-9, 4), g(-0.9, 8);
  const StepAnatomy adam = explain_next_step(make_run("quadratic", p, "adam:lr=0.1,weight_decay=0.5"));
  EXPECT_EQ(adam.vector("weight_decay*p")->value, Eigen::Vector2d(0.5 * p));
  EXPECT_EQ(adam.vector("weight_decay*p")->role, VectorRole::decay);
  EXPECT_TRUE(adam.vector("g")->value.isApprox(g + 0.5 * p, 1e-15));
  EXPECT_EQ(adam.vector("decoupled_decay"), nullptr);
  const StepAnatomy adamw = explain_next_step(make_run("quadratic", p, "adamw:lr=0.1,weight_decay=0.5"));
  EXPECT_EQ(adamw.vector("weight_decay*p"), nullptr);
  EXPECT_TRUE(adamw.vector("g")->value.isApprox(g, 1e-15));
  EXPECT_TRUE(adamw.vector("decoupled_decay")->value.isApprox(-0.1 * 0.5 * p, 1e-15));
}

TEST(Anatomy, MaximizeNegatesTheGradient) {
  const StepAnatomy a = explain_next_step(make_run("quadratic", {-9, 4}, "adam:lr=0.1,maximize=true"));
  EXPECT_TRUE(a.vector("g")->value.isApprox(-a.vector("grad")->value, 0));
  EXPECT_NE(a.note.find("maximize"), std::string::npos);
}

TEST(Anatomy, NoBiasCorrectionFirstStepIsTheRawMoments) {
  // Without bias correction the first step is (1-beta1) g / (sqrt(1-beta2) |g| + eps) times lr:
  // with the defaults about 0.1/0.0316 = 3.16 lr per coordinate instead of lr.
  const double lr = 0.01, b1 = 0.9, b2 = 0.999, eps = 1e-8;
  adamlab::Run run = make_run("quadratic", {-9, 4}, "adam:lr=0.01");
  const Eigen::Vector2d g(-0.9, 8);
  const StepAnatomy a = explain_next_step(run, {false});
  EXPECT_FALSE(a.torch_exact);
  EXPECT_NE(a.note.find("NOT PyTorch"), std::string::npos);
  for (int i = 0; i < 2; ++i) {
    const double expected = -lr * (1 - b1) * g[i] / (std::sqrt(1 - b2) * std::abs(g[i]) + eps);
    EXPECT_NEAR(a.step[i], expected, 1e-15);
    EXPECT_NEAR(std::abs(a.step[i]) / lr, (1 - b1) / std::sqrt(1 - b2), 1e-5);  // eps aside
  }
  const StepAnatomy real = explain_next_step(run);
  EXPECT_NEAR(std::abs(real.step[0]), lr, 1e-8);  // bias-corrected: lr per coordinate
  // The simulated path starts with the same step.
  const auto path = simulate_without_bias_correction(run.problem(), {-9, 4}, parse_spec("adam:lr=0.01"), 50);
  ASSERT_EQ(path.size(), 51u);
  EXPECT_EQ(path[0], Eigen::Vector2d(-9, 4));
  EXPECT_TRUE((path[1] - path[0]).isApprox(a.step, 1e-14));
}

TEST(Anatomy, NoBiasCorrectionWithBeta2NearOneMakesEarlyStepsHuge) {
  // beta2 = 0.9999, beta1 = 0.9: early raw steps are ~10x lr; bias correction keeps them at lr.
  const auto problem = make_problem(parse_spec("quadratic"));
  const auto raw = simulate_without_bias_correction(*problem, {-9, 4}, parse_spec("adam:lr=0.01,beta2=0.9999"), 5);
  adamlab::Run run = make_run("quadratic", {-9, 4}, "adam:lr=0.01,beta2=0.9999");
  run.step();
  EXPECT_GT((raw[1] - raw[0]).norm(), 9 * (run.position() - Eigen::Vector2d(-9, 4)).norm());
}

TEST(Anatomy, SimulateWithoutBiasCorrectionRejectsOtherOptimizers) {
  const auto problem = make_problem(parse_spec("quadratic"));
  EXPECT_THROW(simulate_without_bias_correction(*problem, {0, 0}, parse_spec("sgd:lr=0.1"), 3), Error);
  EXPECT_THROW(simulate_without_bias_correction(*problem, {0, 0}, parse_spec("adam:lr=-1"), 3), Error);
}

TEST(Anatomy, SgdPiecesByHand) {
  adamlab::Run run = make_run("quadratic", {-9, 4}, "sgd:lr=0.1,momentum=0.9,nesterov=true");
  StepAnatomy a = explain_next_step(run);
  const Eigen::Vector2d g(-0.9, 8);
  EXPECT_EQ(a.vector("momentum_buffer")->value, g);  // first buffer = g
  EXPECT_TRUE(a.vector("nesterov")->value.isApprox(g + 0.9 * g, 1e-15));
  EXPECT_TRUE(a.step.isApprox(-0.1 * 1.9 * g, 1e-15));
}

TEST(Anatomy, RadamSaysWhenRectificationTurnsOn) {
  adamlab::Run run = make_run("quadratic", {-9, 4}, "radam:lr=0.01");
  StepAnatomy a = explain_next_step(run);
  EXPECT_EQ(a.scalar("rectification")->value, 0.0);
  for (int k = 0; k < 6; ++k) run.step();
  a = explain_next_step(run);  // t = 7: rho_t > 5
  EXPECT_EQ(a.t, 7);
  EXPECT_GT(a.scalar("rho_t")->value, 5);
  EXPECT_EQ(a.scalar("rectification")->value, 1.0);
  EXPECT_NE(a.vector("scaling"), nullptr);
}

TEST(Anatomy, NadamAndAdamaxNameTheirTorchState) {
  adamlab::Run nadam = make_run("quadratic", {-9, 4}, "nadam:lr=0.01");
  nadam.step();
  const StepAnatomy a = explain_next_step(nadam);
  EXPECT_NE(a.scalar("mu_t"), nullptr);
  EXPECT_NEAR(a.scalar("mu_product")->value, nadam.optimizer().state().scalars[0].second * a.scalar("mu_t")->value, 1e-15);
  const StepAnatomy b = explain_next_step(make_run("quadratic", {-9, 4}, "adamax:lr=0.01"));
  EXPECT_NE(b.vector("exp_inf"), nullptr);
  EXPECT_EQ(to_string(b.vector("exp_inf")->role), std::string("moment"));
}

TEST(Anatomy, DiagnosesSgdWithTooLargeALearningRate) {
  Scene scene("rosenbrock");
  const int id = scene.add_run("sgd:lr=0.003");
  scene.step(100);
  ASSERT_TRUE(scene.find(id)->run.diverged());
  const std::string why = diagnose_divergence(scene, id);
  EXPECT_NE(why.find("times the local length scale"), std::string::npos) << why;
  EXPECT_NE(why.find("learning rate is too large"), std::string::npos) << why;
  const adamlab::Run last = replay_run(scene, *scene.find(id), scene.find(id)->run.diverged_at() - 1);
  EXPECT_TRUE(last.position().allFinite());
  EXPECT_EQ(diagnose_divergence(last), why);
}

TEST(Anatomy, DiagnosisOfTheLearningRatePresetsLargeRun) {
  // A quadratic's length scale is |g|/|Hg|; lr 2.1 on curvature 2 makes steps ~4x too long.
  adamlab::Run run = make_run("quadratic", {-9, 4}, "sgd:lr=2.1");
  for (int k = 0; k < 5; ++k) run.step();
  const std::string why = diagnose_divergence(run);
  EXPECT_NE(why.find("learning rate is too large"), std::string::npos) << why;
}

TEST(Anatomy, NoDiagnosisForAFiniteRun) {
  Scene scene("rosenbrock");
  const int id = scene.add_run("adam:lr=0.05");
  scene.step(10);
  EXPECT_EQ(diagnose_divergence(scene, id), "");
  EXPECT_EQ(diagnose_divergence(scene, 999), "");
}

}  // namespace
}  // namespace adamlab
