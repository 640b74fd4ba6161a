#pragma once
// What nn/net_link.cpp (writing and loading network links) and nn/net_link_parse.cpp (reading
// them) share: the piece grammar of sim/link.h, and the CSV's default split.
#include <exception>
#include <functional>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "core/split.h"
#include "sim/link.h"

namespace adamlab::net_link_detail {

// A user's CSV without test_fraction= splits as the generators do by default.
constexpr double kCsvTestFraction = 0.3;

struct Piece {
  std::string key, value;
  std::string text() const { return key + "=" + value; }
};

inline std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? sep : "") + items[i];
  return out;
}

// The part of a URL that holds the link, as sim/link.h reads it: the hash, else the query, else all.
inline std::string fragment_of(const std::string& input) {
  const auto hash = input.find('#');
  if (hash != std::string::npos) return input.substr(hash + 1);
  const auto query = input.find('?');
  if (query != std::string::npos) return input.substr(query + 1);
  return input;
}

inline bool attempt(std::vector<std::string>& errors, const std::string& piece, const std::function<void()>& f) {
  try {
    f();
    return true;
  } catch (const std::exception& e) {
    errors.push_back(piece + ": " + e.what());
  } catch (...) {
    errors.push_back(piece + ": rejected");
  }
  return false;
}

inline bool is_mode_piece(const std::string& raw) { return percent_decode(raw).rfind("mode=", 0) == 0; }

// "csv" or "csv:test_fraction=F": the fraction, validated.
inline double csv_test_fraction(const Spec& spec) {
  SpecReader reader(spec, "data");
  const double f = reader.number("test_fraction", kCsvTestFraction);
  reader.finish();
  if (!(f >= 0.0 && f < 1.0)) throw Error("invalid test_fraction for csv: " + format_number(f) + " (at least 0 and below 1)");
  return f;
}

inline int parse_run_number(const std::string& text, const std::string& what) {
  const std::int64_t n = parse_integer(text, what);
  if (n < 1 || n > 1000) throw Error("invalid " + what + " '" + text + "' (a run number from 1)");
  return static_cast<int>(n);
}

}  // namespace adamlab::net_link_detail
