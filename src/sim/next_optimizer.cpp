#include "sim/next_optimizer.h"

#include <algorithm>
#include <cstdlib>

namespace adamlab {
namespace {

bool has_momentum(const Spec& s) {
  for (const auto& kv : s.params)
    if (kv.first == "momentum") return std::strtod(kv.second.c_str(), nullptr) != 0;
  return false;
}

bool same_entry(const Spec& a, const Spec& b) {
  return a.name == b.name && (a.name != "sgd" || has_momentum(a) == has_momentum(b));
}

}  // namespace

const std::vector<std::string>& optimizer_tour() {
  static const std::vector<std::string> tour = {"adam",    "sgd:lr=0.01,momentum=0.9", "rmsprop", "adamw", "nadam",
                                                "radam",   "adagrad",                  "adamax",  "adadelta", "sgd:lr=0.01"};
  return tour;
}

std::string next_optimizer_spec(const std::vector<Spec>& on_map) {
  for (const auto& entry : optimizer_tour()) {
    const Spec candidate = parse_spec(entry);
    if (std::none_of(on_map.begin(), on_map.end(), [&](const Spec& s) { return same_entry(s, candidate); })) return entry;
  }
  return optimizer_tour().front();
}

}  // namespace adamlab
