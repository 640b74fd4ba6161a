#pragma once
// A test function as Python source: `value(x, y)` and `gradient(x, y)` over Python floats, the
// same operations in the same order as src/problems/functions.h, so a script computes AdamLab's
// gradients bit for bit (Python floats are IEEE doubles, and math.* calls the same libm).
#include <string>

#include "problems/problem.h"

namespace adamlab::torch_export {

// Python source defining value(x, y) -> float and gradient(x, y) -> (gx, gy), reading the
// helpers cos, sin, exp and sqrt that python_math_helpers() defines. Throws Error for a problem
// it does not know.
std::string problem_python(const Problem& problem);
// cos/sin/exp/sqrt that return nan or inf where math.* would raise (a diverging run keeps going
// through NaN and Inf, as the C++ code and torch do).
std::string python_math_helpers();

}  // namespace adamlab::torch_export
