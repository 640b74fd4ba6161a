#pragma once
// Shorter legend labels for small figures, pure (tests/layout_test.cpp): the words every run
// shares ("SGD lr=0.99") become the legend's heading, and each entry keeps only what tells it
// apart ("+ StepLR"). A run with nothing of its own keeps its first word (the optimizer).
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace adamlab::ui {

struct ShortLabels {
  std::string common;               // the shared words, in the first label's order
  std::vector<std::string> labels;  // one per input label
};

inline std::vector<std::string> label_words(const std::string& label) {
  std::istringstream in(label);
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);
  return words;
}

inline ShortLabels short_labels(const std::vector<std::string>& labels) {
  ShortLabels out;
  if (labels.size() < 2) {
    out.labels = labels;
    return out;
  }
  std::vector<std::vector<std::string>> words;
  for (const auto& l : labels) words.push_back(label_words(l));
  std::set<std::string> common(words[0].begin(), words[0].end());
  for (std::size_t i = 1; i < words.size(); ++i) {
    const std::set<std::string> here(words[i].begin(), words[i].end());
    for (auto it = common.begin(); it != common.end();) it = here.count(*it) ? std::next(it) : common.erase(it);
  }
  for (const auto& w : words[0])
    if (common.count(w)) out.common += (out.common.empty() ? "" : " ") + w;
  for (const auto& ws : words) {
    std::string s;
    for (const auto& w : ws)
      if (!common.count(w)) s += (s.empty() ? "" : " ") + w;
    out.labels.push_back(s.empty() && !ws.empty() ? ws[0] : s);
  }
  return out;
}

}  // namespace adamlab::ui
