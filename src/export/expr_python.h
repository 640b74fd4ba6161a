#pragma once
// A compiled typed function (expr/program.h) as Python source over Python floats: one line per
// instruction in the program's order with the same operation, and the reverse pass with the same
// derivative formulas, operand order and adjoint accumulation (adj = adj + term, from 0.0), so an
// exported script computes AdamLab's value and gradient bit for bit (Python floats are IEEE
// doubles and math.* calls the same libm). Where math.* or '/' would raise (log(-1), 1/0,
// exp(1000), sin(inf), pow(-8, 1/3)) small helpers return what C returns: nan, inf, -0.0.
#include <string>

#include "expr/program.h"

namespace adamlab::torch_export {

// `def value(x, y)` and `def gradient(x, y)` (returning (gx, gy)), preceded by the helpers they
// call beyond sin, cos, exp and sqrt (which the caller defines as export/problem_python.h's
// python_math_helpers() does: nan for a non-finite sin/cos argument, inf for exp's overflow, nan
// for sqrt of a negative).
std::string program_python(const expr::Program& program);

}  // namespace adamlab::torch_export
