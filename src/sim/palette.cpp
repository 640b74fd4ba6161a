#include "sim/palette.h"

#include <algorithm>
#include <string>

namespace adamlab {
namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// Spares for second runs, vivid hues first; the indices past the palette's ten repeat it.
constexpr int kSpareOrder[] = {7, 6, 8, 5, 9, 4, 3, 2, 1, 0};

}  // namespace

int optimizer_colour(const Spec& optimizer) {
  const std::string& n = optimizer.name;
  if (n == "sgd") {
    for (const auto& [key, value] : optimizer.params)
      if (key == "momentum") {
        try {
          return parse_number(value, "momentum") != 0 ? 2 : 1;
        } catch (...) {
          return 1;  // a malformed value is the factory's to reject, not the palette's
        }
      }
    return 1;
  }
  static const char* const names[] = {"adam", nullptr, nullptr, "rmsprop", "adamw",
                                      "adagrad", "adadelta", "adamax", "nadam", "radam"};
  for (int i = 0; i < kRunPaletteSize; ++i)
    if (names[i] && n == names[i]) return i;
  return -1;
}

int choose_colour(int preferred, const std::vector<int>& used, const std::vector<int>& claimed, int limit) {
  if (preferred >= 0 && preferred < limit && !contains(used, preferred)) return preferred;
  for (int c : kSpareOrder)
    if (c < limit && !contains(used, c) && !contains(claimed, c)) return c;
  for (int c = 0; c < limit; ++c)
    if (!contains(used, c)) return c;
  return 0;  // more runs than colours: the caller's limit on runs prevents it
}

std::vector<int> assign_colours(const std::vector<Spec>& optimizers, const std::vector<int>& explicit_colours,
                                int limit) {
  std::vector<int> out(optimizers.size(), -1), used, claimed;
  for (std::size_t i = 0; i < optimizers.size(); ++i) {
    if (i < explicit_colours.size() && explicit_colours[i] >= 0) {
      out[i] = explicit_colours[i];
      used.push_back(out[i]);
    }
    const int own = optimizer_colour(optimizers[i]);
    if (own >= 0) claimed.push_back(own);
  }
  for (std::size_t i = 0; i < optimizers.size(); ++i) {  // first of each optimizer: its own hue
    const int own = optimizer_colour(optimizers[i]);
    if (out[i] < 0 && own >= 0 && own < limit && !contains(used, own)) {
      out[i] = own;
      used.push_back(own);
    }
  }
  for (std::size_t i = 0; i < optimizers.size(); ++i) {  // the rest: spares
    if (out[i] >= 0) continue;
    out[i] = choose_colour(-1, used, claimed, limit);
    used.push_back(out[i]);
  }
  return out;
}

}  // namespace adamlab
