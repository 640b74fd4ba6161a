// Typed functions (src/expr, problems/expr_problem): grammar, messages, exact gradients, and
// parity with the built-in problems they can spell.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>
#include <string>

#include "core/spec.h"
#include "expr/definition.h"
#include "expr/program.h"
#include "expr/syntax.h"
#include "optim/optimizer.h"
#include "problems/expr_problem.h"
#include "problems/problem.h"
#include "sim/run.h"

namespace {

using adamlab::ExprProblem;
using adamlab::expr::ExprError;

double f(const std::string& text, double x = 0.7, double y = -1.3) { return ExprProblem(text).value(x, y); }

std::string rejection(const std::string& text) {
  try {
    ExprProblem p(text);
  } catch (const ExprError& e) {
    return e.what();
  }
  return "accepted";
}

int rejection_column(const std::string& text) {
  try {
    ExprProblem p(text);
  } catch (const ExprError& e) {
    return e.column();
  }
  return 0;
}

TEST(ExprGrammar, UnaryMinusBindsLooserThanPower) {
  EXPECT_EQ(f("-x^2", 3, 0), -9);
  EXPECT_EQ(f("(-x)^2", 3, 0), 9);
  EXPECT_EQ(f("2^-1"), 0.5);
  EXPECT_EQ(f("--x", 2, 0), 2);
}

TEST(ExprGrammar, PowerIsRightAssociativeAndTheRestLeft) {
  EXPECT_EQ(f("2^3^2"), 512);
  EXPECT_EQ(f("8-3-2"), 3);
  EXPECT_EQ(f("16/4/2"), 2);
  EXPECT_EQ(f("2+3*4^2"), 50);
}

TEST(ExprGrammar, NamesConstantsAndFunctions) {
  EXPECT_EQ(f("pi"), 3.141592653589793);
  EXPECT_EQ(f("e"), 2.718281828459045);
  EXPECT_EQ(f("a*x+b; a=2; b=-1", 3, 0), 5);
  EXPECT_EQ(f("atan2(y, x)", 1, 1), std::atan2(1.0, 1.0));
  EXPECT_EQ(f("min(x, y) + max(x, y)", 2, 5), 7);
  EXPECT_EQ(f("pow(x, 0.5)", 4, 0), 2);
  EXPECT_EQ(f("floor(x) + ceil(y)", 1.5, 1.5), 3);
  EXPECT_EQ(f("1.5e2 + .5 + 3E-1"), 150.8);
}

TEST(ExprErrors, PointAtTheColumnAndSayWhatWasExpected) {
  EXPECT_EQ(rejection("sin(x*cos(y) + 1"), "expected ')' at column 17 to close the '(' at column 4");
  EXPECT_EQ(rejection("x + "), "expected a number, a name or '(' at column 4 (the text ends here)");
  EXPECT_EQ(rejection("2x"), "expected an operator before 'x' at column 2 (write * for a product)");
  EXPECT_EQ(rejection("x)"), "unmatched ')' at column 2");
  EXPECT_EQ(rejection("x**2"), "unexpected '**' at column 2 (write ^ for a power)");
  EXPECT_EQ(rejection("x $ y"), "unexpected character '$' at column 3");
  EXPECT_EQ(rejection("sin x"), "'sin' is a function at column 1 (write sin(...))");
  EXPECT_EQ(rejection("atan2(x)"), "atan2 takes 2 arguments, got 1 at column 1");
  EXPECT_EQ(rejection("x(1)"), "'x' is not a function at column 2 (write * for a product)");
  EXPECT_EQ(rejection(""), "expected an expression at column 1 (the text is empty)");
  EXPECT_EQ(rejection("1e999*x"), "number 1e999 is too large at column 1");
}

TEST(ExprErrors, UnknownNamesSuggestTheNearestKnownOne) {
  EXPECT_EQ(rejection("sn(x)"), "unknown name 'sn' at column 1 (did you mean 'sin'?)");
  EXPECT_EQ(rejection("x + alpah*y; alpha=2"), "unknown name 'alpah' at column 5 (did you mean 'alpha'?)");
  EXPECT_EQ(rejection("kappa*x"), "unknown name 'kappa' at column 1 (name a constant after ';', e.g. kappa*x; kappa=2)");
}

TEST(ExprErrors, ColumnsCountFromTheStartOfTheWholeText) {
  EXPECT_EQ(rejection_column("  x +* y"), 6);
  EXPECT_EQ(rejection("x; a=1; a=2"), "constant 'a' is defined twice at column 9");
  EXPECT_EQ(rejection("x; sin=1"), "'sin' is a built-in name and cannot be redefined at column 4");
  EXPECT_EQ(rejection("x; a=abc"), "invalid number for a: 'abc' at column 6");
  EXPECT_EQ(rejection("x; view=1,0,0,1"), "view needs XMIN < XMAX and YMIN < YMAX, got '1,0,0,1' at column 9");
  EXPECT_EQ(rejection("x; start=1"), "start takes 2 numbers separated by commas, got '1' at column 10");
  EXPECT_EQ(rejection("x; hello"), "expected NAME=VALUE after ';', found 'hello' at column 4");
}

TEST(ExprErrors, LengthAndNestingAreBounded) {
  EXPECT_NE(rejection(std::string(1001, 'x')).find("longer than 1000 characters"), std::string::npos);
  EXPECT_NE(rejection(std::string(65, '(') + "x" + std::string(65, ')')).find("nested more than 64 levels"),
            std::string::npos);
  EXPECT_EQ(rejection(std::string(60, '(') + "x" + std::string(60, ')')), "accepted");
  EXPECT_NE(rejection(std::string(200, '-') + "x").find("nested more than 64"), std::string::npos);
}

TEST(ExprDomain, OutsideTheDomainGivesNaNNotAnError) {
  EXPECT_TRUE(std::isnan(f("log(x)", -1, 0)));
  EXPECT_TRUE(std::isnan(f("sqrt(x)", -1, 0)));
  EXPECT_TRUE(std::isnan(f("asin(x)", 2, 0)));
  EXPECT_TRUE(std::isinf(f("1/x", 0, 0)));
  EXPECT_TRUE(std::isnan(f("min(log(x), 1)", -1, 0))) << "min propagates NaN as torch.minimum does";
}

// Central differences on a grid of random points: the reverse-mode gradient is exact to
// rounding, so the only gap is the difference quotient's own error.
TEST(ExprGradient, AgreesWithCentralDifferencesForEveryFunction) {
  const char* cases[] = {
      "sin(x)*cos(y) + 0.1*(x^2+y^2)", "tan(0.3*x) - y^3", "asin(0.4*x) + acos(0.3*y)", "atan(x*y)",
      "atan2(y + 3, x + 4)", "sinh(0.5*x)*cosh(0.5*y) + tanh(x - y)", "exp(-(x^2+y^2))", "log(x^2 + y^2 + 1)",
      "log10(2 + x*y + x^2 + y^2)", "sqrt(x^2 + y^2 + 0.5)", "abs(x - 0.1) + abs(y)", "min(x, y)^2 + max(x, 2*y)",
      "pow(x^2 + 1, y/3)", "(x^2+1)^(0.5*y)", "x / (y^2 + 1)", "floor(3*x) + x*y", "-x^2 + 3*x*y - y^4",
      "a*(y-x^2)^2 + (1-x)^2; a=100",
  };
  std::mt19937_64 rng(7);
  std::uniform_real_distribution<double> u(-1.9, 1.9);
  for (const char* text : cases) {
    const ExprProblem p(text);
    for (int i = 0; i < 40; ++i) {
      const double x = u(rng), y = u(rng);
      const Eigen::Vector2d g = p.gradient(x, y);
      const double h = 1e-6;
      const double nx = (p.value(x + h, y) - p.value(x - h, y)) / (2 * h);
      const double ny = (p.value(x, y + h) - p.value(x, y - h)) / (2 * h);
      // floor and abs jump or kink: skip points a difference step away from a jump.
      if (std::floor(3 * (x + h)) != std::floor(3 * (x - h)) || std::fabs(x - 0.1) < h || std::fabs(y) < h) continue;
      const double scale = 1 + std::fabs(g.x()) + std::fabs(g.y());
      EXPECT_NEAR(g.x(), nx, 1e-6 * scale) << text << " at " << x << "," << y;
      EXPECT_NEAR(g.y(), ny, 1e-6 * scale) << text << " at " << x << "," << y;
    }
  }
}

TEST(ExprGradient, KinksFollowTorchAutograd) {
  EXPECT_EQ(ExprProblem("abs(x)").gradient(0, 0).x(), 0.0);
  EXPECT_EQ(ExprProblem("max(x, y)").gradient(1, 1), Eigen::Vector2d(0.5, 0.5));
  EXPECT_EQ(ExprProblem("min(x, y)").gradient(1, 2), Eigen::Vector2d(1, 0));
  EXPECT_EQ(ExprProblem("floor(x) + ceil(y)").gradient(0.5, 0.5), Eigen::Vector2d(0, 0));
  EXPECT_TRUE(std::isinf(ExprProblem("sqrt(x)").gradient(0, 0).x()));
  EXPECT_EQ(ExprProblem("x^y").gradient(0, 2).y(), 0.0) << "d/dv u^v is 0 at u = 0, v >= 0";
  EXPECT_EQ(ExprProblem("x").gradient(3, 4), Eigen::Vector2d(1, 0));
  EXPECT_EQ(ExprProblem("7").gradient(3, 4), Eigen::Vector2d(0, 0));
}

TEST(ExprProgram, ManyPointsEqualOnePointBitForBit) {
  const ExprProblem p("sin(x)*cos(y) + 0.1*(x^2+y^2) + atan2(y, x)*abs(x-y) + max(x, y)");
  const int n = 1000;  // several blocks and a partial one
  Eigen::ArrayXd x(n), y(n);
  for (int i = 0; i < n; ++i) x[i] = -3 + 6.0 * i / n, y[i] = 2 - 5.0 * ((i * 37) % n) / n;
  const Eigen::ArrayXd v = p.values(x, y);
  Eigen::ArrayXd gx, gy;
  p.gradients(x, y, gx, gy);
  for (int i = 0; i < n; ++i) {
    const Eigen::Vector2d g = p.gradient(x[i], y[i]);
    ASSERT_EQ(v[i], p.value(x[i], y[i])) << i;
    ASSERT_EQ(gx[i], g.x()) << i;
    ASSERT_EQ(gy[i], g.y()) << i;
  }
}

TEST(ExprProgram, AGridEqualsEachPointBitForBit) {
  // Parts on x alone, on y alone, constants and mixed, a bare variable, a constant result.
  const char* texts[] = {"sin(x)*cos(y) + 0.1*(x^2+y^2)", "exp(-((x-1)^2+(y+0.5)^2)) - 0.5*tanh(x*y) + log(y)",
                         "x", "y", "3", "x^2 + 2", "atan2(y, x) + max(x, 1) * min(y, 2)"};
  Eigen::ArrayXd xs(131), ys(7);  // columns span two blocks and a partial one
  for (int i = 0; i < xs.size(); ++i) xs[i] = -2 + 4.0 * i / 131;
  for (int j = 0; j < ys.size(); ++j) ys[j] = 1.5 - 0.45 * j;
  for (const char* text : texts) {
    const ExprProblem p(text);
    std::vector<double> grid(static_cast<std::size_t>(xs.size() * ys.size()));
    p.grid_values(xs, ys, grid.data());
    for (int j = 0; j < ys.size(); ++j)
      for (int i = 0; i < xs.size(); ++i) {
        const double a = grid[static_cast<std::size_t>(j * xs.size() + i)], b = p.value(xs[i], ys[j]);
        ASSERT_TRUE(a == b || (std::isnan(a) && std::isnan(b))) << text << " at " << i << "," << j;
      }
  }
}

TEST(ExprProgram, ConstantsAreFoldedAndSmallPowersBecomeProducts) {
  const ExprProblem p("2*3*x + x^2 + y^3");
  int constants = 0, squares = 0, cubes = 0, pows = 0;
  for (const auto& ins : p.program().code()) {
    constants += ins.op == adamlab::expr::Op::constant;
    squares += ins.op == adamlab::expr::Op::square;
    cubes += ins.op == adamlab::expr::Op::cube;
    pows += ins.op == adamlab::expr::Op::pow;
  }
  EXPECT_EQ(squares, 1);
  EXPECT_EQ(cubes, 1);
  EXPECT_EQ(pows, 0);
  EXPECT_EQ(p.value(1, 1), 8);
}

TEST(ExprSpec, TheSpecKeepsCommasAndEqualsAndRoundTrips) {
  const adamlab::Spec s = adamlab::parse_spec("expr:atan2(y, x) + a; a=2");
  ASSERT_EQ(s.name, "expr");
  ASSERT_EQ(s.params.size(), 1u);
  EXPECT_EQ(s.params[0].second, "atan2(y, x) + a; a=2");
  const auto p = adamlab::make_problem(s);
  EXPECT_EQ(adamlab::to_string(p->spec()), "expr:atan2(y,x)+a;a=2");
  EXPECT_EQ(adamlab::to_string(adamlab::make_problem(adamlab::parse_spec(adamlab::to_string(p->spec())))->spec()),
            "expr:atan2(y,x)+a;a=2");
}

TEST(ExprSpec, CanonicalTextParsesToTheSameProgram) {
  const char* texts[] = {"sin(x) * cos(y) + 0.1 * (x^2 + y^2)", "- x ^ 2 - - y", "2 ^ - 1 * x", "e - 3 * x",
                         "1.e5 * x + .5", " x ; a = 3 ; view = -1 , 1 , -2 , 2 ; start = 0.5 , 0.5 ; minimum = 0 , 0"};
  for (const char* text : texts) {
    const ExprProblem a(text);
    const ExprProblem b(adamlab::expr::to_text(a.definition()));
    ASSERT_EQ(a.program().code().size(), b.program().code().size()) << text;
    for (double x : {-1.3, 0.2, 2.1})
      for (double y : {-0.7, 1.9}) EXPECT_EQ(a.value(x, y), b.value(x, y)) << text;
  }
}

TEST(ExprProblemMetadata, DirectivesSetViewStartAndMinimum) {
  const ExprProblem p("(x-1)^2 + (y-2)^2; view=-1,3,0,4; start=-0.5,3.5; minimum=1,2");
  EXPECT_EQ(p.view().xmin, -1);
  EXPECT_EQ(p.view().ymax, 4);
  EXPECT_EQ(p.start(), Eigen::Vector2d(-0.5, 3.5));
  ASSERT_EQ(p.minima().size(), 1u);
  EXPECT_EQ(p.min_value(), 0);
  const ExprProblem plain("x^2 + y^2");
  EXPECT_EQ(plain.view().xmin, -3);
  EXPECT_EQ(plain.start(), Eigen::Vector2d(-1.8, 1.8));
  EXPECT_TRUE(plain.minima().empty());
  EXPECT_EQ(plain.min_value(), -std::numeric_limits<double>::infinity());
}

// The 12 built-in problems typed out: the same landscape, and every optimizer's path on it the
// same to 1e-12.
struct Typed {
  const char* builtin;
  const char* text;
};
const Typed kTyped[] = {
    {"rosenbrock", "(1-x)^2 + 100*(y-x^2)^2"},
    {"beale", "(1.5-x+x*y)^2 + (2.25-x+x*y^2)^2 + (2.625-x+x*y^3)^2"},
    {"himmelblau", "(x^2+y-11)^2 + (x+y^2-7)^2"},
    {"booth", "(x+2*y-7)^2 + (2*x+y-5)^2"},
    {"rastrigin", "2*10 + x^2 - 10*cos(2*pi*x) + y^2 - 10*cos(2*pi*y)"},
    {"ackley", "(20 - 20*exp(-0.2*sqrt(0.5*(x^2+y^2)))) + (e - exp(0.5*(cos(2*pi*x)+cos(2*pi*y))))"},
    {"quadratic", "0.05*x^2 + 1*y^2"},
    {"saddle", "x^2 - y^2"},
    {"styblinski_tang", "0.5*((x^4 - 16*x^2 + 5*x) + (y^4 - 16*y^2 + 5*y))"},
    {"goldstein_price",
     "(1 + (x+y+1)^2*(19-14*x+3*x^2-14*y+6*x*y+3*y^2)) * (30 + (2*x-3*y)^2*(18-32*x+12*x^2+48*y-36*x*y+27*y^2))"},
    {"matyas", "0.26*(x^2+y^2) - 0.48*x*y"},
    {"three_hump_camel", "2*x^2 - 1.05*x^4 + x^6/6 + x*y + y^2"},
};

TEST(ExprParity, TheBuiltInProblemsTypedOutGiveTheSameLandscape) {
  for (const Typed& t : kTyped) {
    const auto builtin = adamlab::make_problem(adamlab::parse_spec(t.builtin));
    const ExprProblem typed(t.text);
    const adamlab::Rect v = builtin->view();
    for (int i = 0; i <= 12; ++i)
      for (int j = 0; j <= 12; ++j) {
        const double x = v.xmin + (v.xmax - v.xmin) * (i + 0.37) / 13, y = v.ymin + (v.ymax - v.ymin) * (j + 0.61) / 13;
        const double a = builtin->value(x, y), b = typed.value(x, y);
        EXPECT_NEAR(a, b, 1e-12 * (1 + std::fabs(a))) << t.builtin << " at " << x << "," << y;
        const Eigen::Vector2d ga = builtin->gradient(x, y), gb = typed.gradient(x, y);
        EXPECT_LE((ga - gb).norm(), 1e-12 * (1 + ga.norm())) << t.builtin << " at " << x << "," << y;
      }
  }
}

// 300 steps of each of 11 optimizers on each problem. Ackley's built-in gradient is assembled by
// hand in another order (ratio_or_zero, a*b folded), and its rugged surface (rmsprop, adadelta)
// amplifies that last-bit difference past 1e-12 after ~165 steps: its paths are held to 1e-12
// over 150 steps, and its gradients to rounding along the whole 300-step path.
TEST(ExprParity, EveryOptimizersPathMatchesTheBuiltInProblemTo1e12) {
  const char* optimizers[] = {"sgd:lr=0.001,momentum=0.9", "sgd:lr=0.001,momentum=0.9,nesterov=true",
                              "adam:lr=0.05", "adamw:lr=0.05", "adam:lr=0.05,amsgrad=true", "rmsprop:lr=0.01",
                              "adagrad:lr=0.3", "adadelta:lr=1", "adamax:lr=0.05", "nadam:lr=0.05", "radam:lr=0.05"};
  double worst = 0, worst_gradient = 0;
  for (const Typed& t : kTyped) {
    auto builtin = std::shared_ptr<const adamlab::Problem>(adamlab::make_problem(adamlab::parse_spec(t.builtin)));
    auto typed = std::make_shared<const ExprProblem>(t.text);
    const int steps = std::string(t.builtin) == "ackley" ? 150 : 300;
    for (const char* opt : optimizers) {
      const Eigen::Vector2d start = builtin->start();
      adamlab::Run a(builtin, start, adamlab::make_optimizer(adamlab::parse_spec(opt)), nullptr);
      adamlab::Run b(typed, start, adamlab::make_optimizer(adamlab::parse_spec(opt)), nullptr);
      adamlab::Run along(builtin, start, adamlab::make_optimizer(adamlab::parse_spec(opt)), nullptr);
      for (int k = 0; k < 300; ++k) {
        const Eigen::Vector2d ga = builtin->gradient(along.position().x(), along.position().y());
        const Eigen::Vector2d gb = typed->gradient(along.position().x(), along.position().y());
        const double loss = builtin->value(along.position().x(), along.position().y());
        if (!ga.allFinite() || !std::isfinite(loss)) break;
        // Near a minimum the gradient is a difference of terms as large as the loss (Goldstein-Price
        // ~1e5): rounding is measured against those, not against the small result.
        const double scale = 1 + ga.cwiseAbs().maxCoeff() + std::fabs(loss);  // max: no overflow at 1e200
        const double dg = (ga - gb).cwiseAbs().maxCoeff() / scale;
        worst_gradient = std::max(worst_gradient, dg);
        EXPECT_LE(dg, 1e-14) << t.builtin << " with " << opt << " at step " << k;
        along.step();
        if (k >= steps) continue;
        const adamlab::TraceRow ra = a.step(), rb = b.step();
        if (!std::isfinite(ra.x) || !std::isfinite(ra.y)) continue;
        const double d = std::hypot(ra.x - rb.x, ra.y - rb.y) / (1 + std::hypot(ra.x, ra.y));
        worst = std::max(worst, d);
        EXPECT_LE(d, 1e-12) << t.builtin << " with " << opt << " at step " << k + 1;
      }
    }
  }
  std::printf("worst relative path difference: %.3g; worst relative gradient difference: %.3g\n", worst,
              worst_gradient);
}

}  // namespace
