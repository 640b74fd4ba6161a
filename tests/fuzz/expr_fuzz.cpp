// libFuzzer target: any bytes as a typed function's whole text (expr/definition.h). The only
// acceptable outcomes are a problem or an adamlab::Error (an ExprError with a column inside the
// text, or just past it). A text that parses must: give back a canonical text that parses to the
// same program, and evaluate one point and a batch of points to the same bits (NaN-aware), value
// alone and with the gradient, through the Program and through the Problem interface.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "core/error.h"
#include "expr/definition.h"
#include "expr/syntax.h"
#include "problems/expr_problem.h"

namespace {

bool same(double a, double b) {
  return (std::isnan(a) && std::isnan(b)) || std::memcmp(&a, &b, sizeof a) == 0;
}

void check(bool ok) {
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  std::unique_ptr<adamlab::ExprProblem> problem;
  try {
    problem = std::make_unique<adamlab::ExprProblem>(text);
  } catch (const adamlab::expr::ExprError& e) {
    // The column points into the text (or just past its end), where the caret goes.
    check(e.column() >= 1 && static_cast<std::size_t>(e.column()) <= std::max<std::size_t>(text.size(), 1000) + 1);
    return 0;
  } catch (const adamlab::Error&) {
    return 0;
  }
  const adamlab::expr::Program& program = problem->program();

  // The canonical text parses back to the same program, and is itself stable.
  const std::string canonical = adamlab::expr::to_text(problem->definition());
  const adamlab::ExprProblem again(canonical);
  check(adamlab::expr::to_text(again.definition()) == canonical);
  check(again.program().code().size() == program.code().size());
  for (std::size_t i = 0; i < program.code().size(); ++i) {
    const auto &a = program.code()[i], &b = again.program().code()[i];
    check(a.op == b.op && a.a == b.a && a.b == b.b && same(a.value, b.value));
  }

  constexpr double kInf = std::numeric_limits<double>::infinity();
  const adamlab::Rect view = problem->view();
  const Eigen::Vector2d start = problem->start();
  std::vector<double> xs = {0.0, -0.0, 1.0, -2.5, 1e-300, 1e10, kInf, std::nan(""), view.xmin, view.xmax, start[0]};
  std::vector<double> ys = {0.0, 0.5, -1.0, 3.0, -1e-300, -1e10, 1.0, 2.0, view.ymax, view.ymin, start[1]};
  // A batch longer than one block (64 points), so the second block starts mid-way.
  const std::size_t n = 70;
  std::vector<double> bx(n), by(n), bv(n), bgx(n), bgy(n), bv_only(n);
  for (std::size_t k = 0; k < n; ++k) {
    bx[k] = xs[k % xs.size()];
    by[k] = ys[(k / xs.size() + k) % ys.size()];
  }
  program.evaluate(bx.data(), by.data(), n, bv.data(), bgx.data(), bgy.data());
  program.evaluate(bx.data(), by.data(), n, bv_only.data(), nullptr, nullptr);
  Eigen::ArrayXd ex = Eigen::Map<Eigen::ArrayXd>(bx.data(), n), ey = Eigen::Map<Eigen::ArrayXd>(by.data(), n);
  const Eigen::ArrayXd pv = problem->values(ex, ey);
  Eigen::ArrayXd pgx, pgy;
  problem->gradients(ex, ey, pgx, pgy);
  for (std::size_t k = 0; k < n; ++k) {
    double v, gx, gy;
    program.value_and_gradient(bx[k], by[k], v, gx, gy);
    check(same(v, bv[k]) && same(gx, bgx[k]) && same(gy, bgy[k]));
    check(same(program.value(bx[k], by[k]), bv_only[k]) && same(bv_only[k], v));
    check(same(problem->value(bx[k], by[k]), v) && same(pv[static_cast<Eigen::Index>(k)], v));
    const Eigen::Vector2d g = problem->gradient(bx[k], by[k]);
    check(same(g[0], gx) && same(g[1], gy));
    check(same(pgx[static_cast<Eigen::Index>(k)], gx) && same(pgy[static_cast<Eigen::Index>(k)], gy));
  }
  (void)problem->minima();
  (void)problem->min_value();
  return 0;
}
