#pragma once
// The one grammar for optimizers, schedulers and problems, shared by the CLI, the URL state and
// the JS API:  name  |  name:key=value,key=value,...  |  expr:TEXT
// Numbers are plain decimals (no inf/nan/hex/spaces) so a spec survives a URL and JavaScript.
// `expr:` is followed by a typed function (expr/definition.h), kept verbatim as the one parameter
// with an empty key: its commas and '=' belong to it.
#include <cstdint>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace adamlab {

inline constexpr const char* kVerbatimSpecName = "expr";

struct Spec {
  std::string name;
  std::vector<std::pair<std::string, std::string>> params;  // in the order written

  bool has(const std::string& key) const;
  // Sets key to value, replacing an existing entry or appending a new one.
  void set(const std::string& key, const std::string& value);
};

// Throws Error naming the offending part for every malformed input.
Spec parse_spec(const std::string& text);
std::string to_string(const Spec& spec);

// Plain decimal: [+-]digits[.digits][e[+-]digits]. Throws Error "invalid number for <what>: '<text>'"
// for anything else and for values that overflow to infinity.
double parse_number(const std::string& text, const std::string& what);
// A number that must be whole (1e2 is fine) and fit in int64.
std::int64_t parse_integer(const std::string& text, const std::string& what);
// true|false|1|0, case-sensitive.
bool parse_bool(const std::string& text, const std::string& what);
// "X,Y": two plain decimals, e.g. a start point "-1.5,2".
struct Point2 {
  double x, y;
};
Point2 parse_point(const std::string& text, const std::string& what);

// Shortest decimal that parses back to exactly the same double (e.g. 0.1, 3e-4, 0.9).
std::string format_number(double value);
inline std::string format_bool(bool value) { return value ? "true" : "false"; }

// Reads typed values out of a Spec, remembering which keys were used, so finish() can reject
// unknown keys: a typo must never silently fall back to a default.
class SpecReader {
 public:
  // kind is "optimizer", "scheduler" or "problem"; it appears in error messages.
  SpecReader(const Spec& spec, std::string kind);

  double number(const std::string& key, double fallback);
  std::int64_t integer(const std::string& key, std::int64_t fallback);
  bool boolean(const std::string& key, bool fallback);
  bool has(const std::string& key) const { return spec_.has(key); }
  const Spec& spec() const { return spec_; }

  // Throws Error "unknown <kind> key '<key>' for <name>" for any key not read.
  void finish() const;

 private:
  const std::string* find(const std::string& key);
  std::string what(const std::string& key) const;
  const Spec& spec_;
  std::string kind_;
  std::set<std::string> used_;
};

}  // namespace adamlab
