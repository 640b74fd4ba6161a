#include "problems/expr_problem.h"

#include <limits>

namespace adamlab {

ExprProblem::ExprProblem(const std::string& text)
    : definition_(expr::parse_definition(text)),
      program_(expr::parse_body(definition_.body, definition_.constant_map(), definition_.body_column)) {}

Eigen::Vector2d ExprProblem::gradient(double x, double y) const {
  double v, gx, gy;
  program_.value_and_gradient(x, y, v, gx, gy);
  return {gx, gy};
}

Eigen::ArrayXd ExprProblem::values(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) const {
  Eigen::ArrayXd out(x.size());
  program_.evaluate(x.data(), y.data(), static_cast<std::size_t>(x.size()), out.data(), nullptr, nullptr);
  return out;
}

void ExprProblem::gradients(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, Eigen::ArrayXd& gx,
                            Eigen::ArrayXd& gy) const {
  gx.resize(x.size());
  gy.resize(x.size());
  program_.evaluate(x.data(), y.data(), static_cast<std::size_t>(x.size()), nullptr, gx.data(), gy.data());
}

Rect ExprProblem::view() const { return definition_.view_or_default(); }

Eigen::Vector2d ExprProblem::start() const {
  const Point2 s = definition_.start_or_default();
  return {s.x, s.y};
}

std::vector<Eigen::Vector2d> ExprProblem::minima() const {
  if (!definition_.minimum) return {};
  return {Eigen::Vector2d(definition_.minimum->x, definition_.minimum->y)};
}

double ExprProblem::min_value() const {
  if (!definition_.minimum) return -std::numeric_limits<double>::infinity();
  return value(definition_.minimum->x, definition_.minimum->y);
}

Spec ExprProblem::spec() const { return Spec{kExprProblemName, {{"", expr::to_text(definition_)}}}; }

}  // namespace adamlab
