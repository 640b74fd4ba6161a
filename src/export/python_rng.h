#pragma once
// AdamLab's counter-based random numbers (sim/noise.h) ported to Python source: integer hashing
// with explicit 64-bit masks and the fixed-polynomial log and cos written with the same
// operations in the same order, so a script draws exactly the numbers AdamLab draws.
#include <string>

namespace adamlab::torch_export {

// def splitmix64(x) -> int
std::string python_splitmix64();
// def standard_normal(seed, step, coordinate) -> float (needs splitmix64)
std::string python_standard_normal();

}  // namespace adamlab::torch_export
