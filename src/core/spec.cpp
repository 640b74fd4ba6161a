#include "core/spec.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/error.h"

namespace adamlab {
namespace {

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool is_identifier(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!is_name_char(c)) return false;
  return true;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Accepts [+-]?(d+(.d*)?|.d+)([eE][+-]?d+)? and nothing else: strtod alone would also take
// "inf", "nan", hex and leading spaces.
bool is_plain_decimal(const std::string& s) {
  std::size_t i = 0, n = s.size();
  if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
  std::size_t int_digits = 0, frac_digits = 0;
  while (i < n && is_digit(s[i])) ++i, ++int_digits;
  if (i < n && s[i] == '.') {
    ++i;
    while (i < n && is_digit(s[i])) ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return false;
  if (i < n && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < n && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp_digits = 0;
    while (i < n && is_digit(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == n;
}

}  // namespace

bool Spec::has(const std::string& key) const {
  for (const auto& kv : params)
    if (kv.first == key) return true;
  return false;
}

void Spec::set(const std::string& key, const std::string& value) {
  for (auto& kv : params)
    if (kv.first == key) {
      kv.second = value;
      return;
    }
  params.emplace_back(key, value);
}

Spec parse_spec(const std::string& text) {
  if (text.empty()) throw Error("empty spec");
  Spec spec;
  const auto colon = text.find(':');
  spec.name = text.substr(0, colon);
  if (spec.name.empty()) throw Error("missing name in spec '" + text + "'");
  if (!is_identifier(spec.name)) throw Error("invalid name '" + spec.name + "' in spec '" + text + "'");
  if (colon == std::string::npos) return spec;
  const std::string rest = text.substr(colon + 1);
  if (spec.name == kVerbatimSpecName) {  // a typed function: commas and '=' are its own
    spec.params.emplace_back("", rest);
    return spec;
  }
  if (rest.empty()) throw Error("nothing after ':' in spec '" + text + "'");
  std::size_t begin = 0;
  while (true) {
    const auto comma = rest.find(',', begin);
    const std::string item = rest.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin);
    if (item.empty()) throw Error("empty item in spec '" + text + "'");
    const auto eq = item.find('=');
    if (eq == std::string::npos) throw Error("missing '=' in '" + item + "'");
    const std::string key = item.substr(0, eq), value = item.substr(eq + 1);
    if (!is_identifier(key)) throw Error("invalid key '" + key + "' in '" + item + "'");
    if (value.empty()) throw Error("missing value for key '" + key + "'");
    if (spec.has(key)) throw Error("duplicate key '" + key + "'");
    spec.params.emplace_back(key, value);
    if (comma == std::string::npos) break;
    begin = comma + 1;
  }
  return spec;
}

std::string to_string(const Spec& spec) {
  if (spec.name == kVerbatimSpecName && spec.params.size() == 1 && spec.params[0].first.empty())
    return spec.name + ":" + spec.params[0].second;
  std::string out = spec.name;
  for (std::size_t i = 0; i < spec.params.size(); ++i) {
    out += i == 0 ? ':' : ',';
    out += spec.params[i].first + "=" + spec.params[i].second;
  }
  return out;
}

double parse_number(const std::string& text, const std::string& what) {
  if (!is_plain_decimal(text)) throw Error("invalid number for " + what + ": '" + text + "'");
  const double value = std::strtod(text.c_str(), nullptr);
  // Underflow to a denormal or zero is harmless; overflow to infinity is not a plain number.
  if (!std::isfinite(value)) throw Error("invalid number for " + what + ": '" + text + "' (out of range)");
  return value;
}

std::int64_t parse_integer(const std::string& text, const std::string& what) {
  const double value = parse_number(text, what);
  if (value != std::floor(value)) throw Error("invalid integer for " + what + ": '" + text + "'");
  if (std::fabs(value) > 9.0e15) throw Error("invalid integer for " + what + ": '" + text + "' (out of range)");
  return static_cast<std::int64_t>(value);
}

bool parse_bool(const std::string& text, const std::string& what) {
  if (text == "true" || text == "1") return true;
  if (text == "false" || text == "0") return false;
  throw Error("invalid boolean for " + what + ": '" + text + "' (use true, false, 1 or 0)");
}

Point2 parse_point(const std::string& text, const std::string& what) {
  const auto comma = text.find(',');
  if (comma == std::string::npos || text.find(',', comma + 1) != std::string::npos)
    throw Error("invalid " + what + " '" + text + "' (expected X,Y)");
  return {parse_number(text.substr(0, comma), what + " x"), parse_number(text.substr(comma + 1), what + " y")};
}

std::string format_number(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  // %g switches to an exponent when precision < digits before the point ("1e+02" for 100):
  // keep looking for the plain form for numbers a human would write plainly.
  const bool prefer_plain = std::fabs(value) >= 1 && std::fabs(value) < 1e16;
  std::string first;
  char buf[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*g", precision, value);
    if (std::strtod(buf, nullptr) != value) continue;
    if (first.empty()) first = buf;
    if (!prefer_plain || !std::strchr(buf, 'e')) return buf;
  }
  return first;
}

SpecReader::SpecReader(const Spec& spec, std::string kind) : spec_(spec), kind_(std::move(kind)) {}

const std::string* SpecReader::find(const std::string& key) {
  for (const auto& kv : spec_.params)
    if (kv.first == key) {
      used_.insert(key);
      return &kv.second;
    }
  return nullptr;
}

std::string SpecReader::what(const std::string& key) const { return spec_.name + " " + key; }

double SpecReader::number(const std::string& key, double fallback) {
  const std::string* v = find(key);
  return v ? parse_number(*v, what(key)) : fallback;
}

std::int64_t SpecReader::integer(const std::string& key, std::int64_t fallback) {
  const std::string* v = find(key);
  return v ? parse_integer(*v, what(key)) : fallback;
}

bool SpecReader::boolean(const std::string& key, bool fallback) {
  const std::string* v = find(key);
  return v ? parse_bool(*v, what(key)) : fallback;
}

void SpecReader::finish() const {
  for (const auto& kv : spec_.params)
    if (!used_.count(kv.first)) throw Error("unknown " + kind_ + " key '" + kv.first + "' for " + spec_.name);
}

}  // namespace adamlab
