#pragma once
// Stateless 2D test functions with analytic gradients and the metadata a view needs
// (ensmallen-style: each problem carries its own start point, view and known minima).
#include <Eigen/Core>
#include <memory>
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab {

struct Rect {
  double xmin, xmax, ymin, ymax;
};

class Problem {
 public:
  virtual ~Problem() = default;
  virtual double value(double x, double y) const = 0;
  virtual Eigen::Vector2d gradient(double x, double y) const = 0;
  virtual Rect view() const = 0;               // a sensible default view rectangle
  virtual Eigen::Vector2d start() const = 0;   // a telling default start point
  virtual std::vector<Eigen::Vector2d> minima() const = 0;  // known global minima (all of them)
  virtual double min_value() const = 0;        // loss at the global minimum
  virtual Spec spec() const = 0;               // full configuration, every parameter present

  // Element-wise over many points at once (sweeps, landscape rasters): entry i equals
  // value(x[i], y[i]) / gradient(x[i], y[i]) bit for bit. x and y must have the same size;
  // the outputs are resized and must not alias the inputs. The base versions loop over the
  // scalar calls; the built-in problems override them with their templated array code.
  virtual Eigen::ArrayXd values(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y) const;
  virtual void gradients(const Eigen::ArrayXd& x, const Eigen::ArrayXd& y, Eigen::ArrayXd& gx,
                         Eigen::ArrayXd& gy) const;
  // The grid xs x ys, row j at ys[j]: out[j * xs.size() + i] equals value(xs[i], ys[j]) bit for
  // bit (the landscape raster). The base version calls values() a row at a time.
  virtual void grid_values(const Eigen::ArrayXd& xs, const Eigen::ArrayXd& ys, double* out) const;
};

// Throws Error on an unknown name or key.
std::unique_ptr<Problem> make_problem(const Spec& spec);
std::vector<std::string> problem_names();

}  // namespace adamlab
