#pragma once
// Splitting a text at a separator, shared by the sweep parsers (sim/sweep.cpp, sim/sweep_state.cpp).
#include <string>
#include <vector>

namespace adamlab {

// Every piece between separators, empty ones included: "a,,b" -> {"a", "", "b"}, "" -> {""}.
inline std::vector<std::string> split_at(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::size_t begin = 0;
  while (true) {
    const auto pos = s.find(sep, begin);
    out.push_back(s.substr(begin, pos == std::string::npos ? std::string::npos : pos - begin));
    if (pos == std::string::npos) return out;
    begin = pos + 1;
  }
}

}  // namespace adamlab
