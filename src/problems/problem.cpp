#include "problems/problem.h"

namespace adamlab {

Eigen::ArrayXd Problem::values(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) const {
  Eigen::ArrayXd out(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) out[i] = value(x[i], y[i]);
  return out;
}

void Problem::gradients(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, Eigen::ArrayXd& gx,
                        Eigen::ArrayXd& gy) const {
  gx.resize(x.size());
  gy.resize(x.size());
  for (Eigen::Index i = 0; i < x.size(); ++i) {
    const Eigen::Vector2d g = gradient(x[i], y[i]);
    gx[i] = g.x();
    gy[i] = g.y();
  }
}

void Problem::grid_values(const Eigen::ArrayXd& xs, const Eigen::ArrayXd& ys, double* out) const {
  Eigen::ArrayXd row_y(xs.size());
  for (Eigen::Index j = 0; j < ys.size(); ++j) {
    row_y.setConstant(ys[j]);
    Eigen::Map<Eigen::ArrayXd>(out + j * xs.size(), xs.size()) = values(xs, row_y);
  }
}

}  // namespace adamlab
