#pragma once
// The committed golden data (tests/golden/*.json, written by the generators from real torch),
// parsed once per file per test binary.
#include <fstream>
#include <map>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace adamlab {

inline const nlohmann::json& golden_json(const std::string& file) {
  static std::map<std::string, nlohmann::json> cache;
  auto it = cache.find(file);
  if (it == cache.end()) {
    std::ifstream in(std::string(ADAMLAB_GOLDEN_DIR) + "/" + file);
    if (!in) throw std::runtime_error("cannot open " + file);
    it = cache.emplace(file, nlohmann::json::parse(in)).first;
  }
  return it->second;
}

}  // namespace adamlab
