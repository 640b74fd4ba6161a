#pragma once
// The operations a typed function compiles to, and the functions a user may call by name. One
// table serves the parser (names, arity), the help text and the exported Python (export/expr_python.h).
#include <cstdint>
#include <string>
#include <vector>

namespace adamlab::expr {

enum class Op : std::uint8_t {
  constant, x, y,
  neg, add, sub, mul, div, pow, square, cube,
  sin, cos, tan, asin, acos, atan, atan2, sinh, cosh, tanh,
  exp, log, log10, sqrt, abs, min, max, floor, ceil,
};

struct Function {
  const char* name;
  Op op;
  int arity;
  // How the gradient is taken where the function has no derivative (empty: smooth where defined).
  // The conventions are torch autograd's, so an exported script's autograd agrees.
  const char* at_kinks;
};

const std::vector<Function>& functions();
const Function* find_function(const std::string& name);

// The names a body may use besides functions and the user's constants.
inline bool is_builtin_name(const std::string& n) { return n == "x" || n == "y" || n == "pi" || n == "e"; }

}  // namespace adamlab::expr
