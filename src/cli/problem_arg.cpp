#include "cli/problem_arg.h"

#include <algorithm>

#include "core/spec.h"
#include "expr/syntax.h"

namespace adamlab::cli {
namespace {

constexpr std::size_t kWindow = 76;  // characters of the text shown around the mistake

bool continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::vector<std::string> caret_lines(const std::string& text, int column) {
  // Screen cells: one per character (UTF-8 sequences count once), control bytes become spaces.
  std::vector<std::string> cells;
  std::size_t caret = 0;  // the cell under which the caret goes
  const std::size_t target = static_cast<std::size_t>(std::max(column, 1) - 1);
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto u = static_cast<unsigned char>(text[i]);
    if (continuation(text[i]) && !cells.empty())
      cells.back() += text[i];
    else
      cells.push_back(u < 0x20 || u == 0x7f ? std::string(" ") : std::string(1, text[i]));
    if (i == target) caret = cells.size() - 1;
  }
  if (target >= text.size()) caret = cells.size() + (target - text.size());  // past the end
  caret = std::min(caret, cells.size());
  std::size_t begin = 0, end = cells.size();
  if (end > kWindow) {
    begin = caret > kWindow / 2 ? std::min(caret - kWindow / 2, end - kWindow) : 0;
    end = begin + kWindow;
  }
  std::string line = begin > 0 ? "..." : "";
  std::size_t offset = line.size() + (caret - begin);
  for (std::size_t i = begin; i < end; ++i) line += cells[i];
  if (end < cells.size()) line += "...";
  return {line, std::string(offset, ' ') + "^"};
}

std::shared_ptr<const Problem> problem_from_arg(const std::string& text) {
  const Spec spec = parse_spec(text);
  try {
    return make_problem(spec);
  } catch (const expr::ExprError& e) {
    const std::string& body = spec.params.at(0).second;  // what follows `expr:`, as typed
    throw DetailedError(std::string("problem: ") + e.what(), caret_lines(body, e.column()));
  }
}

}  // namespace adamlab::cli
