#include "expr/ops.h"

namespace adamlab::expr {

const std::vector<Function>& functions() {
  static const std::vector<Function> table = {
      {"sin", Op::sin, 1, ""},
      {"cos", Op::cos, 1, ""},
      {"tan", Op::tan, 1, ""},
      {"asin", Op::asin, 1, "gradient infinite at |u| = 1"},
      {"acos", Op::acos, 1, "gradient infinite at |u| = 1"},
      {"atan", Op::atan, 1, ""},
      {"atan2", Op::atan2, 2, "atan2(0, 0): gradient NaN"},
      {"sinh", Op::sinh, 1, ""},
      {"cosh", Op::cosh, 1, ""},
      {"tanh", Op::tanh, 1, ""},
      {"exp", Op::exp, 1, ""},
      {"log", Op::log, 1, "natural log; gradient infinite at 0"},
      {"log10", Op::log10, 1, "gradient infinite at 0"},
      {"sqrt", Op::sqrt, 1, "gradient infinite at 0"},
      {"abs", Op::abs, 1, "gradient 0 at 0"},
      {"min", Op::min, 2, "at a tie each argument gets half the gradient"},
      {"max", Op::max, 2, "at a tie each argument gets half the gradient"},
      {"pow", Op::pow, 2, "pow(u, v) = u^v; d/dv is 0 where u = 0 and v >= 0"},
      {"floor", Op::floor, 1, "gradient 0 everywhere"},
      {"ceil", Op::ceil, 1, "gradient 0 everywhere"},
  };
  return table;
}

const Function* find_function(const std::string& name) {
  for (const auto& f : functions())
    if (name == f.name) return &f;
  return nullptr;
}

}  // namespace adamlab::expr
