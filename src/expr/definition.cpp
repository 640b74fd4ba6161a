#include "expr/definition.h"

#include <cmath>

#include "core/split.h"
#include "expr/ops.h"
#include "expr/syntax.h"

namespace adamlab::expr {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// [begin, end) of `s` without surrounding whitespace.
std::pair<std::size_t, std::size_t> trimmed(const std::string& s, std::size_t begin, std::size_t end) {
  while (begin < end && is_space(s[begin])) ++begin;
  while (end > begin && is_space(s[end - 1])) --end;
  return {begin, end};
}

bool is_identifier(const std::string& s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z') || s[0] == '_')) return false;
  for (char c : s)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_')) return false;
  return true;
}

// Numbers separated by commas, each a plain decimal (core/spec.h), without spaces inside.
std::vector<double> numbers(const std::string& value, std::size_t count, const std::string& key, int column) {
  std::string compact;
  for (char c : value)
    if (!is_space(c)) compact += c;
  const std::vector<std::string> items = split_at(compact, ',');
  if (items.size() != count)
    throw ExprError(key + " takes " + std::to_string(count) + " numbers separated by commas, got '" + value + "'", column);
  std::vector<double> out;
  for (const auto& item : items) {
    try {
      out.push_back(parse_number(item, key));
    } catch (const Error& e) {
      throw ExprError(e.what(), column);
    }
  }
  return out;
}

}  // namespace

std::map<std::string, double> Definition::constant_map() const { return {constants.begin(), constants.end()}; }

Rect Definition::view_or_default() const { return view.value_or(Rect{-3, 3, -3, 3}); }

Point2 Definition::start_or_default() const {
  if (start) return *start;
  const Rect v = view_or_default();
  return {(4 * v.xmin + v.xmax) / 5, (v.ymin + 4 * v.ymax) / 5};
}

Definition parse_definition(const std::string& text) {
  if (text.size() > kMaxTextLength)
    throw ExprError("the function is longer than " + std::to_string(kMaxTextLength) + " characters",
                    static_cast<int>(kMaxTextLength));
  Definition d;
  std::size_t begin = 0;
  bool first = true;
  while (true) {
    const std::size_t semi = text.find(';', begin);
    const std::size_t end = semi == std::string::npos ? text.size() : semi;
    const auto [b, e] = trimmed(text, begin, end);
    const int column = static_cast<int>(b) + 1;
    if (first) {
      d.body = text.substr(b, e - b);
      d.body_column = column;
      if (d.body.empty()) throw ExprError("expected an expression", column, " (the text is empty)");
      first = false;
    } else if (b < e) {  // an empty part (a trailing ';') is harmless
      const std::string part = text.substr(b, e - b);
      const std::size_t eq = part.find('=');
      if (eq == std::string::npos) throw ExprError("expected NAME=VALUE after ';', found '" + part + "'", column);
      const auto [kb, ke] = trimmed(part, 0, eq);
      const std::string key = part.substr(kb, ke - kb);
      const std::string value = part.substr(eq + 1);
      const int value_column = column + static_cast<int>(eq) + 1;
      if (!is_identifier(key)) throw ExprError("invalid name '" + key + "' before '='", column);
      if (key == "view") {
        if (d.view) throw ExprError("view is given twice", column);
        const auto v = numbers(value, 4, "view", value_column);
        if (!(v[0] < v[1]) || !(v[2] < v[3]))
          throw ExprError("view needs XMIN < XMAX and YMIN < YMAX, got '" + value + "'", value_column);
        d.view = Rect{v[0], v[1], v[2], v[3]};
      } else if (key == "start" || key == "minimum") {
        auto& slot = key == "start" ? d.start : d.minimum;
        if (slot) throw ExprError(key + " is given twice", column);
        const auto v = numbers(value, 2, key, value_column);
        slot = Point2{v[0], v[1]};
      } else {
        if (is_builtin_name(key) || find_function(key))
          throw ExprError("'" + key + "' is a built-in name and cannot be redefined", column);
        for (const auto& c : d.constants)
          if (c.first == key) throw ExprError("constant '" + key + "' is defined twice", column);
        const auto v = numbers(value, 1, key, value_column);
        d.constants.emplace_back(key, v[0]);
      }
    }
    if (semi == std::string::npos) break;
    begin = semi + 1;
  }
  // The canonical text is what a scene, a link, the sweep worker and an exported script carry, so
  // it must parse back: it obeys the same limit (written out, numbers can grow: .5 is 0.5).
  if (const std::size_t n = to_text(d).size(); n > kMaxTextLength)
    throw ExprError("the function is longer than " + std::to_string(kMaxTextLength) +
                        " characters once written out (" + std::to_string(n) + ", without spaces and with .5 as 0.5)",
                    static_cast<int>(text.size()));
  return d;
}

std::string to_text(const Definition& d) {
  std::string out;
  for (char c : d.body)
    if (!is_space(c)) out += c;
  for (const auto& c : d.constants) out += ";" + c.first + "=" + format_number(c.second);
  if (d.view)
    out += ";view=" + format_number(d.view->xmin) + "," + format_number(d.view->xmax) + "," +
           format_number(d.view->ymin) + "," + format_number(d.view->ymax);
  if (d.start) out += ";start=" + format_number(d.start->x) + "," + format_number(d.start->y);
  if (d.minimum) out += ";minimum=" + format_number(d.minimum->x) + "," + format_number(d.minimum->y);
  return out;
}

}  // namespace adamlab::expr
