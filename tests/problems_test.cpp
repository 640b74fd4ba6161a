// One generic suite over every problem (ensmallen-style: each problem carries its own start,
// view and known minima), plus the few behaviours specific to one problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "problems/functions.h"
#include "problems/problem.h"

namespace adamlab {
namespace {

std::vector<std::string> specs_under_test() {
  std::vector<std::string> specs = problem_names();
  // Non-default keys, so the keyed formulas are checked away from their defaults too.
  for (const char* s : {"rosenbrock:a=-1.5,b=10", "rastrigin:A=3", "ackley:a=10,b=0.5,c=3",
                        "quadratic:a=2,b=0.1"})
    specs.push_back(s);
  return specs;
}

// Grid over the view (including its edges) plus seeded random points in it.
std::vector<Eigen::Vector2d> points_in(const Rect& v, int grid = 21, int random = 200) {
  std::vector<Eigen::Vector2d> pts;
  for (int i = 0; i < grid; ++i)
    for (int j = 0; j < grid; ++j)
      pts.emplace_back(v.xmin + (v.xmax - v.xmin) * i / (grid - 1), v.ymin + (v.ymax - v.ymin) * j / (grid - 1));
  std::mt19937_64 rng(12345);
  std::uniform_real_distribution<double> ux(v.xmin, v.xmax), uy(v.ymin, v.ymax);
  for (int k = 0; k < random; ++k) pts.emplace_back(ux(rng), uy(rng));
  return pts;
}

bool inside(const Rect& v, const Eigen::Vector2d& p) {
  return p.x() >= v.xmin && p.x() <= v.xmax && p.y() >= v.ymin && p.y() <= v.ymax;
}

bool same_bits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

class EveryProblem : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override { problem = make_problem(parse_spec(GetParam())); }
  std::unique_ptr<Problem> problem;
};

TEST_P(EveryProblem, GradientMatchesCentralDifferences) {
  const Problem& p = *problem;
  for (const Eigen::Vector2d& q : points_in(p.view())) {
    const double x = q.x(), y = q.y();
    const double hx = 1e-6 * std::max(1.0, std::fabs(x)), hy = 1e-6 * std::max(1.0, std::fabs(y));
    const Eigen::Vector2d g = p.gradient(x, y);
    const double fdx = (p.value(x + hx, y) - p.value(x - hx, y)) / (2 * hx);
    const double fdy = (p.value(x, y + hy) - p.value(x, y - hy)) / (2 * hy);
    // Relative part for the truncation error (h^2 f'''), absolute part for the rounding error
    // of the differenced values (eps |f| / h).
    const double round_off = 1e-9 * (1.0 + std::fabs(p.value(x, y)));
    EXPECT_NEAR(g.x(), fdx, 1e-6 * (1.0 + std::fabs(fdx)) + round_off) << GetParam() << " at " << x << "," << y;
    EXPECT_NEAR(g.y(), fdy, 1e-6 * (1.0 + std::fabs(fdy)) + round_off) << GetParam() << " at " << x << "," << y;
  }
}

TEST_P(EveryProblem, KnownMinimaHaveZeroGradientAndTheMinimumValue) {
  const Problem& p = *problem;
  for (const Eigen::Vector2d& m : p.minima()) {
    const Eigen::Vector2d g = p.gradient(m.x(), m.y());
    EXPECT_LE(g.norm(), 1e-10) << GetParam() << " at " << m.transpose();
    EXPECT_NEAR(p.value(m.x(), m.y()), p.min_value(), 1e-13 * (1.0 + std::fabs(p.min_value())))
        << GetParam() << " at " << m.transpose();
  }
}

TEST_P(EveryProblem, NoPointInTheViewIsBelowTheMinimum) {
  const Problem& p = *problem;
  for (const Eigen::Vector2d& q : points_in(p.view(), 101, 2000))
    ASSERT_GE(p.value(q.x(), q.y()), p.min_value()) << GetParam() << " at " << q.transpose();
}

TEST_P(EveryProblem, StartAndMinimaLieInsideTheView) {
  const Rect v = problem->view();
  EXPECT_LT(v.xmin, v.xmax);
  EXPECT_LT(v.ymin, v.ymax);
  EXPECT_TRUE(inside(v, problem->start())) << GetParam();
  for (const Eigen::Vector2d& m : problem->minima()) EXPECT_TRUE(inside(v, m)) << GetParam() << " " << m.transpose();
  // The start is not already a minimum.
  EXPECT_GT(problem->value(problem->start().x(), problem->start().y()), problem->min_value());
}

TEST_P(EveryProblem, SpecRoundTripsWithEveryKeyPresent) {
  const Spec full = problem->spec();
  const std::string text = to_string(full);
  const auto again = make_problem(parse_spec(text));
  EXPECT_EQ(to_string(again->spec()), text);
  EXPECT_EQ(again->spec().name, parse_spec(GetParam()).name);
  // Every key given in the parameter's spec appears in the full spec.
  for (const auto& kv : parse_spec(GetParam()).params) EXPECT_TRUE(full.has(kv.first)) << kv.first;
  const Eigen::Vector2d s = problem->start();
  EXPECT_TRUE(same_bits(again->value(s.x(), s.y()), problem->value(s.x(), s.y())));
}

TEST_P(EveryProblem, ArrayEvaluationEqualsScalarBitForBit) {
  const Problem& p = *problem;
  std::vector<Eigen::Vector2d> pts = points_in(p.view(), 31, 500);
  for (const Eigen::Vector2d& m : p.minima()) pts.push_back(m);
  pts.push_back(p.start());
  pts.emplace_back(0.0, 0.0);
  pts.emplace_back(1e-300, -1e-300);
  Eigen::ArrayXd x(pts.size()), y(pts.size());
  for (std::size_t i = 0; i < pts.size(); ++i) x[i] = pts[i].x(), y[i] = pts[i].y();
  const Eigen::ArrayXd v = p.values(x, y);
  Eigen::ArrayXd gx, gy;
  p.gradients(x, y, gx, gy);
  ASSERT_EQ(v.size(), x.size());
  ASSERT_EQ(gx.size(), x.size());
  ASSERT_EQ(gy.size(), x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const Eigen::Vector2d g = p.gradient(x[i], y[i]);
    ASSERT_TRUE(same_bits(v[i], p.value(x[i], y[i]))) << GetParam() << " value at " << x[i] << "," << y[i];
    ASSERT_TRUE(same_bits(gx[i], g.x())) << GetParam() << " gx at " << x[i] << "," << y[i];
    ASSERT_TRUE(same_bits(gy[i], g.y())) << GetParam() << " gy at " << x[i] << "," << y[i];
  }
}

TEST_P(EveryProblem, UnknownKeyIsRejectedByName) {
  const std::string name = parse_spec(GetParam()).name;
  try {
    make_problem(parse_spec(name + ":zeta=1"));
    FAIL() << "accepted zeta";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()), "unknown problem key 'zeta' for " + name);
  }
}

INSTANTIATE_TEST_SUITE_P(Problems, EveryProblem, ::testing::ValuesIn(specs_under_test()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string s = param_info.param;
                           for (char& c : s)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return s;
                         });

// --- the registry ---

std::string rejection(const std::string& spec_text) {
  try {
    make_problem(parse_spec(spec_text));
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(ProblemRegistry, NamesAreTheTwelveProblems) {
  EXPECT_EQ(problem_names(), (std::vector<std::string>{"rosenbrock", "beale", "himmelblau", "booth", "rastrigin",
                                                       "ackley", "quadratic", "saddle", "styblinski_tang",
                                                       "goldstein_price", "matyas", "three_hump_camel"}));
}

TEST(ProblemRegistry, UnknownNameListsTheKnownOnes) {
  EXPECT_EQ(rejection("foo"),
            "unknown problem 'foo' (known: rosenbrock, beale, himmelblau, booth, rastrigin, ackley, quadratic, "
            "saddle, styblinski_tang, goldstein_price, matyas, three_hump_camel, or expr:FUNCTION of x and y)");
}

TEST(ProblemRegistry, KeylessProblemsRejectAnyKey) {
  EXPECT_EQ(rejection("beale:a=1"), "unknown problem key 'a' for beale");
  EXPECT_EQ(rejection("rastrigin:a=1"), "unknown problem key 'a' for rastrigin");  // the key is A
}

TEST(ProblemRegistry, BadKeyValuesAreNamed) {
  EXPECT_EQ(rejection("rosenbrock:b=0"), "problem rosenbrock needs b > 0, got b=0");
  EXPECT_EQ(rejection("quadratic:a=-1"), "problem quadratic needs a > 0, got a=-1");
  EXPECT_EQ(rejection("quadratic:b=0"), "problem quadratic needs b > 0, got b=0");
  EXPECT_EQ(rejection("ackley:a=0"), "problem ackley needs a > 0, got a=0");
  EXPECT_EQ(rejection("ackley:b=-0.2"), "problem ackley needs b > 0, got b=-0.2");
  EXPECT_EQ(rejection("rastrigin:A=-1"), "problem rastrigin needs A >= 0, got A=-1");
  EXPECT_EQ(rejection("rosenbrock:a=x"), "invalid number for rosenbrock a: 'x'");
  EXPECT_EQ(rejection("rosenbrock:a=inf"), "invalid number for rosenbrock a: 'inf'");
}

TEST(ProblemRegistry, DefaultsAreSpelledOutInSpec) {
  EXPECT_EQ(to_string(make_problem(parse_spec("rosenbrock"))->spec()), "rosenbrock:a=1,b=100");
  EXPECT_EQ(to_string(make_problem(parse_spec("rastrigin"))->spec()), "rastrigin:A=10");
  EXPECT_EQ(to_string(make_problem(parse_spec("ackley"))->spec()), "ackley:a=20,b=0.2,c=6.283185307179586");
  EXPECT_EQ(to_string(make_problem(parse_spec("quadratic"))->spec()), "quadratic:a=0.05,b=1");
  EXPECT_EQ(to_string(make_problem(parse_spec("booth"))->spec()), "booth");
}

// --- individual problems ---

TEST(Problems, RosenbrockKeysMoveTheMinimum) {
  const auto p = make_problem(parse_spec("rosenbrock:a=2,b=10"));
  ASSERT_EQ(p->minima().size(), 1u);
  EXPECT_EQ(p->minima()[0], Eigen::Vector2d(2.0, 4.0));
  EXPECT_EQ(p->value(2.0, 4.0), 0.0);
  EXPECT_EQ(p->value(0.0, 0.0), 4.0);
}

TEST(Problems, RosenbrockClassicPicture) {
  const auto p = make_problem(parse_spec("rosenbrock"));
  EXPECT_EQ(p->start(), Eigen::Vector2d(-1.5, 2.0));
  const Rect v = p->view();
  EXPECT_EQ(v.xmin, -2.0);
  EXPECT_EQ(v.xmax, 2.0);
  EXPECT_EQ(v.ymin, -1.0);
  EXPECT_EQ(v.ymax, 3.0);
}

TEST(Problems, HimmelblauHasFourMinima) { EXPECT_EQ(make_problem(parse_spec("himmelblau"))->minima().size(), 4u); }

TEST(Problems, SaddleHasNoMinimum) {
  const auto p = make_problem(parse_spec("saddle"));
  EXPECT_TRUE(p->minima().empty());
  EXPECT_EQ(p->min_value(), -std::numeric_limits<double>::infinity());
}

TEST(Problems, ExactMinimaGiveExactlyTheMinimumValue) {
  for (const char* name : {"rosenbrock", "beale", "booth", "rastrigin", "ackley", "quadratic", "goldstein_price",
                           "matyas", "three_hump_camel"}) {
    const auto p = make_problem(parse_spec(name));
    for (const Eigen::Vector2d& m : p->minima()) {
      EXPECT_EQ(p->value(m.x(), m.y()), p->min_value()) << name;
      EXPECT_EQ(p->gradient(m.x(), m.y()), Eigen::Vector2d::Zero()) << name;
    }
  }
}

TEST(Problems, AckleyGradientAtTheOriginIsZeroForScalarsAndArrays) {
  const Ackley f;
  double gx = 1.0, gy = 1.0;
  f.gradient(0.0, 0.0, gx, gy);
  EXPECT_EQ(gx, 0.0);
  EXPECT_EQ(gy, 0.0);
  const Eigen::ArrayXd x = Eigen::ArrayXd::Zero(3), y = Eigen::ArrayXd::Zero(3);
  Eigen::ArrayXd agx, agy;
  f.gradient(x, y, agx, agy);
  EXPECT_TRUE((agx == 0.0).all());
  EXPECT_TRUE((agy == 0.0).all());
  EXPECT_EQ(f.value(0.0, 0.0), 0.0);
}

TEST(Problems, TemplatedFunctionsWorkDirectlyOnArrays) {
  const Rosenbrock f{1.0, 100.0};
  Eigen::ArrayXd x(3), y(3);
  x << -1.5, 1.0, 0.5;
  y << 2.0, 1.0, -0.25;
  const Eigen::ArrayXd v = f.value(x, y);
  Eigen::ArrayXd gx, gy;
  f.gradient(x, y, gx, gy);
  for (int i = 0; i < 3; ++i) {
    double sgx = 0, sgy = 0;
    f.gradient(x[i], y[i], sgx, sgy);
    EXPECT_EQ(v[i], f.value(x[i], y[i]));
    EXPECT_EQ(gx[i], sgx);
    EXPECT_EQ(gy[i], sgy);
  }
  EXPECT_EQ(v[1], 0.0);
}

}  // namespace
}  // namespace adamlab
