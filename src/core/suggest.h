#pragma once
// "Did you mean ...?" for a mistyped name, shared by every parser that refuses unknown names
// (the PyTorch paste, typed functions).
#include <cstddef>
#include <string>
#include <vector>

namespace adamlab {

// Levenshtein distance, case-insensitive.
std::size_t edit_distance(const std::string& a, const std::string& b);

// " (did you mean 'Adam'?)" when one candidate is close to `word`, else "".
std::string suggestion(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace adamlab
