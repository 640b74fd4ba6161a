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
#include "sim/link_pieces.h"

namespace adamlab::net_link_detail {

using link_pieces::attempt;
using link_pieces::fragment_of;
using link_pieces::join;
using link_pieces::Piece;

// A user's CSV without test_fraction= splits as the generators do by default.
constexpr double kCsvTestFraction = 0.3;

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
