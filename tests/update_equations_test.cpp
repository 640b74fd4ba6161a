// The anatomy's update equations: each optimizer and variant gets torch's lines, and every term
// a line colours is one of the vectors the anatomy computes for that same step.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "optim/optimizer.h"
#include "sim/anatomy.h"
#include "sim/update_equations.h"

namespace adamlab {
namespace {

std::vector<std::string> texts(const std::string& spec, std::int64_t t = 5, bool bias_correction = true) {
  EquationOptions o;
  o.t = t;
  o.bias_correction = bias_correction;
  std::vector<std::string> out;
  for (const auto& line : update_equations(parse_spec(spec), o)) out.push_back(line.text());
  return out;
}

bool has_line(const std::vector<std::string>& lines, const std::string& text) {
  return std::find(lines.begin(), lines.end(), text) != lines.end();
}

std::string joined(const std::vector<std::string>& lines) {
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

Run make_run(const std::string& optimizer) {
  std::shared_ptr<const Problem> p(make_problem(parse_spec("rosenbrock")));
  return Run(p, Eigen::Vector2d(-1.2, 1.0), make_optimizer(parse_spec(optimizer)), nullptr, GradientNoise{});
}

const std::vector<std::string> kSpecs = {
    "adam:lr=0.05", "adam:lr=0.05,amsgrad=true,weight_decay=0.1", "adam:lr=0.05,maximize=true",
    "adamw:lr=0.05", "adamw:lr=0.05,amsgrad=true,weight_decay=0.3,maximize=true", "adamw:lr=0.05,weight_decay=0",
    "sgd:lr=0.001", "sgd:lr=0.001,momentum=0.9", "sgd:lr=0.001,momentum=0.9,nesterov=true,weight_decay=0.1",
    "sgd:lr=0.001,momentum=0.5,dampening=0.3,maximize=true",
    "rmsprop:lr=0.01", "rmsprop:lr=0.01,centered=true", "rmsprop:lr=0.01,centered=true,momentum=0.5,weight_decay=0.1",
    "adagrad:lr=0.1", "adagrad:lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,weight_decay=0.1,maximize=true",
    "adadelta:lr=1", "adadelta:lr=1,weight_decay=0.1",
    "adamax:lr=0.02", "adamax:lr=0.02,weight_decay=0.1,maximize=true",
    "nadam:lr=0.02", "nadam:lr=0.02,weight_decay=0.1,momentum_decay=0.01",
    "radam:lr=0.02", "radam:lr=0.02,weight_decay=0.1"};

TEST(UpdateEquations, EveryOptimizerEndsWithTheParameterUpdate) {
  for (const auto& name : optimizer_names()) {
    const std::string spec = name + ":lr=0.01";
    const auto lines = texts(spec);
    ASSERT_GE(lines.size(), 2u) << spec;
    EXPECT_EQ(lines.front().rfind("g ← ", 0), 0u) << spec << "\n" << joined(lines);
    const auto last_update = std::find_if(lines.rbegin(), lines.rend(), [](const std::string& l) { return l.rfind("p ← p ", 0) == 0; });
    ASSERT_NE(last_update, lines.rend()) << spec << "\n" << joined(lines);
  }
}

TEST(UpdateEquations, AdamIsTorchsKernel) {
  const auto lines = texts("adam:lr=0.05");
  const std::vector<std::string> want = {"g ← grad", "m ← β₁·m + (1 - β₁)·g", "v ← β₂·v + (1 - β₂)·g²",
                                         "denom ← √v / √(1 - β₂^t) + ε", "p ← p - lr/(1 - β₁^t)·m / denom"};
  EXPECT_EQ(lines, want);
}

TEST(UpdateEquations, MaximizeFlipsTheGradientsSign) {
  for (const char* name : {"adam", "adamw", "sgd", "rmsprop", "adagrad", "adadelta", "adamax"}) {
    const std::string base = std::string(name) + ":lr=0.01";
    EXPECT_EQ(texts(base).front(), "g ← grad") << name;
    EXPECT_EQ(texts(base + ",maximize=true").front(), "g ← -grad") << name;
  }
}

TEST(UpdateEquations, AmsgradAddsItsMaxLineAndDividesByIt) {
  const auto plain = texts("adam:lr=0.05"), ams = texts("adam:lr=0.05,amsgrad=true");
  EXPECT_EQ(ams.size(), plain.size() + 1);
  EXPECT_TRUE(has_line(ams, "v_max ← max(v_max, v)")) << joined(ams);
  EXPECT_TRUE(has_line(ams, "denom ← √v_max / √(1 - β₂^t) + ε")) << joined(ams);
}

TEST(UpdateEquations, WeightDecayIsL2ForAdamAndDecoupledForAdamW) {
  const auto adam = texts("adam:lr=0.05,weight_decay=0.1"), adamw = texts("adamw:lr=0.05,weight_decay=0.1");
  EXPECT_TRUE(has_line(adam, "g ← g + λ·p")) << joined(adam);
  EXPECT_FALSE(has_line(adam, "p ← p·(1 - lr·λ)"));
  EXPECT_TRUE(has_line(adamw, "p ← p·(1 - lr·λ)")) << joined(adamw);
  EXPECT_FALSE(has_line(adamw, "g ← g + λ·p"));
  // torch decays p before the moments.
  EXPECT_EQ(adamw[1], "p ← p·(1 - lr·λ)");
  EXPECT_FALSE(has_line(texts("adam:lr=0.05"), "g ← g + λ·p"));
}

TEST(UpdateEquations, SgdMomentumDampeningAndNesterov) {
  EXPECT_EQ(texts("sgd:lr=0.1"), (std::vector<std::string>{"g ← grad", "p ← p - lr·g"}));
  const auto mom = texts("sgd:lr=0.1,momentum=0.9", 5);
  EXPECT_TRUE(has_line(mom, "buf ← μ·buf + (1 - τ)·g")) << joined(mom);
  EXPECT_EQ(mom.back(), "p ← p - lr·buf");
  // The first step copies g into the buffer (no dampening), as torch does.
  EXPECT_TRUE(has_line(texts("sgd:lr=0.1,momentum=0.9,dampening=0.5", 1), "buf ← g   (first step)"));
  const auto nes = texts("sgd:lr=0.1,momentum=0.9,nesterov=true", 5);
  EXPECT_EQ(nes.size(), mom.size() + 1);
  EXPECT_TRUE(has_line(nes, "d ← g + μ·buf")) << joined(nes);
  EXPECT_EQ(nes.back(), "p ← p - lr·d");
}

TEST(UpdateEquations, RmspropCenteredAndMomentum) {
  const auto plain = texts("rmsprop:lr=0.01");
  EXPECT_TRUE(has_line(plain, "denom ← √s + ε")) << joined(plain);
  EXPECT_EQ(plain.back(), "p ← p - lr·g / denom");
  const auto both = texts("rmsprop:lr=0.01,centered=true,momentum=0.5");
  EXPECT_TRUE(has_line(both, "g_avg ← α·g_avg + (1 - α)·g")) << joined(both);
  EXPECT_TRUE(has_line(both, "denom ← √(s - g_avg²) + ε"));
  EXPECT_TRUE(has_line(both, "buf ← μ·buf + g / denom"));
  EXPECT_EQ(both.back(), "p ← p - lr·buf");
}

TEST(UpdateEquations, AdagradLrDecayAddsTheDecayedRate) {
  const auto plain = texts("adagrad:lr=0.1"), decayed = texts("adagrad:lr=0.1,lr_decay=0.01");
  EXPECT_EQ(decayed.size(), plain.size() + 1);
  EXPECT_TRUE(has_line(decayed, "clr ← lr / (1 + (t - 1)·η)"));
  EXPECT_EQ(plain.back(), "p ← p - lr·g / std");
  EXPECT_EQ(decayed.back(), "p ← p - clr·g / std");
}

TEST(UpdateEquations, AdadeltaAdamaxAndNadam) {
  const auto ad = texts("adadelta:lr=1");
  EXPECT_TRUE(has_line(ad, "δ ← √(acc + ε) / √(s + ε)·g")) << joined(ad);
  EXPECT_TRUE(has_line(ad, "acc ← ρ·acc + (1 - ρ)·δ²"));
  EXPECT_TRUE(has_line(texts("adamax:lr=0.01"), "u ← max(β₂·u, |g| + ε)"));
  const auto na = texts("nadam:lr=0.01");
  EXPECT_TRUE(has_line(na, "μ_t ← β₁·(1 - 0.5·0.96^(t·ψ))")) << joined(na);
  EXPECT_TRUE(has_line(na, "p ← p - lr·(1 - μ_t)/(1 - μ_prod)·g / denom"));
  EXPECT_EQ(na.back(), "p ← p - lr·μ_t+1/(1 - μ_prod·μ_t+1)·m / denom");
}

TEST(UpdateEquations, RadamFollowsTheRectificationBranchTheAnatomyTakes) {
  adamlab::Run run = make_run("radam:lr=0.01");
  int rectified = 0, plain = 0;
  for (int k = 0; k < 12; ++k) {
    const StepAnatomy a = explain_next_step(run);
    const auto lines = texts("radam:lr=0.01", a.t);
    const bool anatomy_rectified = a.scalar("rectification")->value == 1.0;
    EXPECT_EQ(has_line(lines, "p ← p - lr·m_hat·a·r"), anatomy_rectified) << "t=" << a.t << "\n" << joined(lines);
    EXPECT_EQ(has_line(lines, "p ← p - lr·m_hat"), !anatomy_rectified) << "t=" << a.t;
    (anatomy_rectified ? rectified : plain) += 1;
    run.step();
  }
  EXPECT_GT(rectified, 0);
  EXPECT_GT(plain, 0);
}

TEST(UpdateEquations, EveryTermIsAVectorOfTheAnatomyOfThatStep) {
  for (const auto& spec : kSpecs) {
    adamlab::Run run = make_run(spec);
    for (int k = 0; k < 8; ++k) {
      for (bool bc : {true, false}) {
        const bool adam_family = spec.rfind("adam:", 0) == 0 || spec.rfind("adamw:", 0) == 0;
        if (!bc && !adam_family) continue;
        AnatomyOptions ao;
        ao.bias_correction = bc;
        const StepAnatomy a = explain_next_step(run, ao);
        EquationOptions o;
        o.t = a.t;
        o.bias_correction = bc;
        const auto lines = update_equations(parse_spec(spec), o);
        int terms = 0;
        for (const auto& line : lines)
          for (const auto& seg : line.segments) {
            if (seg.term.empty()) continue;
            ++terms;
            EXPECT_NE(a.vector(seg.term), nullptr) << spec << " t=" << a.t << ": term '" << seg.term << "' in '" << line.text() << "'";
          }
        EXPECT_GE(terms, 3) << spec;
      }
      run.step();
    }
  }
}

// UTF-8 -> code points (the lines are valid UTF-8 by construction; this checks it too).
std::vector<char32_t> code_points(const std::string& s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || i + n > s.size()) throw Error("invalid UTF-8 in '" + s + "'");
    char32_t cp = n == 1 ? c : c & (0x7f >> n);
    for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += static_cast<std::size_t>(n);
  }
  return out;
}

TEST(UpdateEquations, EveryGlyphIsInTheListTheFontMustHave) {
  std::vector<char32_t> seen;
  for (const auto& spec : kSpecs)
    for (std::int64_t t : {1, 2, 20}) {
      std::vector<std::string> all = texts(spec, t);
      all.push_back(equation_symbols(parse_spec(spec)));
      if (spec.rfind("adam", 0) == 0) {
        const auto off = texts(spec, t, false);
        all.insert(all.end(), off.begin(), off.end());
      }
      for (const auto& line : all)
        for (char32_t cp : code_points(line))
          if (cp >= 0x80) {
            EXPECT_TRUE(std::binary_search(kEquationCodePoints.begin(), kEquationCodePoints.end(), cp))
                << spec << ": U+" << std::hex << static_cast<unsigned>(cp) << " in '" << line << "'";
            seen.push_back(cp);
          }
    }
  EXPECT_TRUE(std::is_sorted(kEquationCodePoints.begin(), kEquationCodePoints.end()));
  // No dead entries: every listed glyph is used by some line.
  for (char32_t cp : kEquationCodePoints)
    EXPECT_NE(std::find(seen.begin(), seen.end(), cp), seen.end()) << "unused U+" << std::hex << static_cast<unsigned>(cp);
}

TEST(UpdateEquations, SymbolsListEachGreekLetterWithItsOption) {
  EXPECT_EQ(equation_symbols(parse_spec("adam:lr=0.05,beta1=0.8")), "β₁ = 0.8   β₂ = 0.999   ε = 1e-08");
  EXPECT_EQ(equation_symbols(parse_spec("adamw:lr=0.05")), "β₁ = 0.9   β₂ = 0.999   ε = 1e-08   λ = 0.01");
  EXPECT_EQ(equation_symbols(parse_spec("sgd:lr=0.1")), "");
  EXPECT_EQ(equation_symbols(parse_spec("sgd:lr=0.1,momentum=0.9,weight_decay=0.1")), "μ = 0.9   τ = 0   λ = 0.1");
  EXPECT_EQ(equation_symbols(parse_spec("nadam:lr=0.1")), "β₁ = 0.9   β₂ = 0.999   ε = 1e-08   ψ = 0.004");
}

TEST(UpdateEquations, AnInvalidSpecThrowsTorchsMessage) {
  EXPECT_THROW(update_equations(parse_spec("adam:lr=-1")), Error);
  EXPECT_THROW(update_equations(parse_spec("adam:lr=0.1,bogus=1")), Error);
  EXPECT_TRUE(update_equations(parse_spec("adam:lr=0.1")).size() > 0);
}

}  // namespace
}  // namespace adamlab
