#pragma once
// A parsed function compiled once to a flat instruction list, evaluated over blocks of points
// with exact gradients by reverse-mode automatic differentiation on that list (each operation's
// derivative as torch 1.13's autograd writes it, derivatives.yaml). No tree walk and no
// allocation per evaluation: a point is a block of one, so one point and many points run the
// same arithmetic and agree bit for bit.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "expr/ops.h"
#include "expr/syntax.h"

namespace adamlab::expr {

struct Instruction {
  Op op = Op::constant;
  int a = -1, b = -1;  // operand slots (earlier instructions)
  double value = 0;    // Op::constant
};

class Program {
 public:
  // Constant subexpressions are folded with the same arithmetic evaluation uses, and x^2, x^3
  // become a product (as torch's pow kernel does for these exponents).
  explicit Program(const Tree& tree);

  double value(double x, double y) const;
  void value_and_gradient(double x, double y, double& value, double& gx, double& gy) const;
  // n points; any output pointer may be null (then that output is skipped).
  void evaluate(const double* x, const double* y, std::size_t n, double* value, double* gx, double* gy) const;

  // The grid xs x ys (row j at ys[j]): out[j * nx + i] = value(xs[i], ys[j]) bit for bit. What
  // depends on x alone runs once per column and on y alone once per row, so sin(x)*cos(y) costs
  // a product per cell (the landscape raster is such a grid).
  void evaluate_grid(const double* xs, std::size_t nx, const double* ys, std::size_t ny, double* out) const;

  const std::vector<Instruction>& code() const { return code_; }  // x is slot 0, y slot 1
  int result() const { return result_; }                          // the slot holding f(x, y)

 private:
  void block(const double* x, const double* y, int m, double* value, double* gx, double* gy) const;
  enum class Dependence : std::uint8_t { none = 0, x = 1, y = 2, both = 3 };
  std::vector<Instruction> code_;
  std::vector<Dependence> depends_;  // per instruction: which variables it reads, through its operands
  int result_ = 0;
};

}  // namespace adamlab::expr
