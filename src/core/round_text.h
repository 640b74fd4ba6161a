#pragma once
// Numbers as a person would type them, for labels only (the values themselves stay exact):
// 0.009643 -> "0.00964", 0.69400001 -> "0.694", 1e-05 -> "1e-5", 1000 -> "1000".
#include <string>

namespace adamlab {

// `significant` digits, no trailing zeros, a short exponent.
std::string format_rounded(double value, int significant = 3);
// A spec value's text rounded the same way if it is a number; anything else (true, false) as is.
std::string rounded_value_text(const std::string& text, int significant = 3);

}  // namespace adamlab
