#include "optim/options_text.h"

#include <cmath>

#include "core/error.h"

namespace adamlab {

SpecText spec_text(const Spec& spec) {
  SpecText text;
  for (const auto& kv : spec.params) text[kv.first] = kv.second;
  return text;
}

std::string python_float(double value) {
  std::string s = format_number(value);
  if (s.find_first_of(".eni") == std::string::npos) s += ".0";  // Python prints 1.0, not 1
  return s;
}

void require(bool ok, double value, const std::string& prefix, const SpecText& text, const std::string& key) {
  if (ok && std::isfinite(value)) return;
  const auto it = text.find(key);
  throw Error(prefix + (it != text.end() ? it->second : python_float(value)));
}

}  // namespace adamlab
