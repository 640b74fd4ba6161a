#pragma once
// One adapter from a templated test function (functions.h) to the virtual Problem interface:
// the scalar calls instantiate the function with T = double, the batch calls with
// T = Eigen::ArrayXd, so both run the same source line for line.
#include <Eigen/Core>
#include <vector>

#include "problems/problem.h"

namespace adamlab {

template <class F>
class FunctionProblem final : public Problem {
 public:
  explicit FunctionProblem(const F& f) : f_(f) {}

  double value(double x, double y) const override { return f_.value(x, y); }
  Eigen::Vector2d gradient(double x, double y) const override {
    double gx = 0.0, gy = 0.0;
    f_.gradient(x, y, gx, gy);
    return {gx, gy};
  }
  Eigen::ArrayXd values(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) const override {
    return f_.value(x, y);
  }
  void gradients(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, Eigen::ArrayXd& gx,
                 Eigen::ArrayXd& gy) const override {
    f_.gradient(x, y, gx, gy);
  }
  Rect view() const override { return f_.view(); }
  Eigen::Vector2d start() const override { return f_.start(); }
  std::vector<Eigen::Vector2d> minima() const override { return f_.minima(); }
  double min_value() const override { return f_.min_value(); }
  Spec spec() const override {
    Spec s;
    s.name = F::kName;
    f_.write(s);
    return s;
  }

  const F& function() const { return f_; }

 private:
  F f_;
};

}  // namespace adamlab
