#pragma once
// A function the user typed (spec `expr:TEXT`, expr/definition.h) as a Problem: evaluated by its
// compiled program with exact reverse-mode gradients, so it serves runs, sweeps, rasters and the
// anatomy view as a built-in problem does.
#include <memory>
#include <string>

#include "expr/definition.h"
#include "expr/program.h"
#include "problems/problem.h"

namespace adamlab {

inline constexpr const char* kExprProblemName = "expr";

class ExprProblem final : public Problem {
 public:
  // Throws expr::ExprError (an Error) naming the column of the first mistake.
  explicit ExprProblem(const std::string& text);

  double value(double x, double y) const override { return program_.value(x, y); }
  Eigen::Vector2d gradient(double x, double y) const override;
  Eigen::ArrayXd values(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) const override;
  void gradients(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, Eigen::ArrayXd& gx,
                 Eigen::ArrayXd& gy) const override;
  void grid_values(const Eigen::ArrayXd& xs, const Eigen::ArrayXd& ys, double* out) const override {
    program_.evaluate_grid(xs.data(), static_cast<std::size_t>(xs.size()), ys.data(),
                           static_cast<std::size_t>(ys.size()), out);
  }
  Rect view() const override;
  Eigen::Vector2d start() const override;
  std::vector<Eigen::Vector2d> minima() const override;
  // f at the given minimum, else -inf: nothing is known of the floor (the charts then use a
  // symmetric log, as for the saddle).
  double min_value() const override;
  Spec spec() const override;

  const expr::Definition& definition() const { return definition_; }
  const expr::Program& program() const { return program_; }

 private:
  expr::Definition definition_;
  expr::Program program_;
};

}  // namespace adamlab
