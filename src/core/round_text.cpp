#include "core/round_text.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "core/spec.h"

namespace adamlab {

std::string format_rounded(double value, int significant) {
  if (!std::isfinite(value)) return format_number(value);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.*g", significant, value);
  // The shortest text of the rounded value drops trailing zeros and prefers 1000 to 1e+03.
  std::string s = format_number(std::strtod(buf, nullptr));
  const auto e = s.find('e');
  if (e == std::string::npos) return s;
  std::string mantissa = s.substr(0, e), exponent = s.substr(e + 1);
  std::string sign;
  if (!exponent.empty() && (exponent[0] == '+' || exponent[0] == '-')) {
    if (exponent[0] == '-') sign = "-";
    exponent.erase(0, 1);
  }
  while (exponent.size() > 1 && exponent[0] == '0') exponent.erase(0, 1);
  return mantissa + "e" + sign + exponent;
}

std::string rounded_value_text(const std::string& text, int significant) {
  if (text.empty()) return text;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size() || !std::isfinite(v)) return text;
  return format_rounded(v, significant);
}

}  // namespace adamlab
