// parse_csv_dataset: a user's points, checked row by row before anything is kept.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "core/error.h"
#include "data/dataset.h"
#include "data/sample.h"

namespace adamlab {
namespace {

constexpr int kMaxLabel = 7;   // 8 classes, one palette colour each (as blobs)
constexpr std::size_t kQuoted = 60;  // longer rows are cut in messages

bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string trim(const std::string& s) {
  std::size_t b = 0, e = s.size();
  while (b < e && is_space(s[b])) ++b;
  while (e > b && is_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

// The row as written, for a message: cut at a UTF-8 boundary, control bytes as \xNN so the
// message stays one printable line.
std::string quoted(const std::string& text) {
  std::size_t end = text.size();
  bool cut = false;
  if (end > kQuoted) {
    end = kQuoted;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
    cut = true;
  }
  std::string out = "'";
  static const char* kHex = "0123456789abcdef";
  for (std::size_t i = 0; i < end; ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + (cut ? "...'" : "'");
}

std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields;
  std::size_t begin = 0;
  while (true) {
    const auto comma = line.find(',', begin);
    fields.push_back(trim(line.substr(begin, comma == std::string::npos ? std::string::npos : comma - begin)));
    if (comma == std::string::npos) return fields;
    begin = comma + 1;
  }
}

// The spec grammar's plain decimals (no inf, nan, hex), finite.
bool read_number(const std::string& text, double& value) {
  try {
    value = parse_number(text, "csv");
    return true;
  } catch (const Error&) {
    return false;
  }
}

std::string at_line(std::size_t line) { return "line " + std::to_string(line) + ": "; }

}  // namespace

Dataset parse_csv_dataset(const std::string& text, double test_fraction, std::uint64_t seed) {
  if (!(test_fraction >= 0.0 && test_fraction < 1.0))
    throw Error("invalid test_fraction for csv: " + format_number(test_fraction) + " (at least 0 and below 1)");
  std::vector<double> xs, ys, labels;
  std::size_t columns = 0, first_row_line = 0, line_no = 0, rows = 0;
  bool seen_nonblank = false;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    auto end = text.find('\n', begin);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(begin, end - begin);
    begin = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) continue;
    const std::vector<std::string> fields = fields_of(line);
    std::vector<double> values(fields.size());
    std::size_t numeric = 0;
    for (std::size_t k = 0; k < fields.size(); ++k) numeric += read_number(fields[k], values[k]);
    const bool first = !seen_nonblank;
    seen_nonblank = true;
    if (first && numeric == 0) continue;  // a header: nothing in it is a number
    if (++rows > static_cast<std::size_t>(kMaxCsvRows))
      throw Error(at_line(line_no) + "too many rows (at most " + std::to_string(kMaxCsvRows) + ")");
    if (columns == 0) {
      if (fields.size() != 2 && fields.size() != 3)
        throw Error(at_line(line_no) + "expected 3 columns (x,y,label) or 2 (x,y), got " +
                    std::to_string(fields.size()) + ": " + quoted(line));
      columns = fields.size();
      first_row_line = line_no;
    } else if (fields.size() != columns) {
      throw Error(at_line(line_no) + "expected " + std::to_string(columns) + " columns as on line " +
                  std::to_string(first_row_line) + ", got " + std::to_string(fields.size()) + ": " + quoted(line));
    }
    static const char* kNames[] = {"x", "y", "label"};
    for (std::size_t k = 0; k < columns; ++k) {
      double v = 0.0;
      if (!read_number(fields[k], v))
        throw Error(at_line(line_no) + "invalid number " + quoted(fields[k]) + " for " + kNames[k] + " in " +
                    quoted(line));
      if (k < 2 && !(std::fabs(v) <= kMaxCsvMagnitude))
        throw Error(at_line(line_no) + kNames[k] + " " + fields[k] + " is out of range (at most " +
                    format_number(kMaxCsvMagnitude) + " in size)");
      if (k == 2 && !(v >= 0.0 && v <= kMaxLabel && v == std::floor(v)))
        throw Error(at_line(line_no) + "invalid label " + quoted(fields[k]) + " (a whole number 0 to " +
                    std::to_string(kMaxLabel) + ")");
    }
    xs.push_back(values[0]);
    ys.push_back(values[1]);
    if (columns == 3) labels.push_back(values[2]);
  }
  if (!seen_nonblank) throw Error("empty CSV: expected x,y,label or x,y rows");
  if (rows < 2)
    throw Error("CSV has " + std::to_string(rows) + " data row" + (rows == 1 ? "" : "s") + "; at least 2 are needed");

  data_detail::Sample sample;
  const auto n = static_cast<Eigen::Index>(rows);
  if (columns == 3) {
    int max_label = 0;
    std::vector<bool> present(kMaxLabel + 1, false);
    for (double label : labels) {
      present[static_cast<int>(label)] = true;
      max_label = std::max(max_label, static_cast<int>(label));
    }
    int distinct = 0;
    for (bool p : present) distinct += p;
    if (distinct < 2)
      throw Error("CSV has only label " + std::to_string(max_label) + "; at least two classes are needed");
    sample.classes = max_label + 1;
    sample.x.resize(2, n);
    sample.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      sample.x(0, i) = xs[i];
      sample.x(1, i) = ys[i];
      sample.y(i) = labels[i];
    }
  } else {
    sample.classes = 0;
    sample.x.resize(1, n);
    sample.y.resize(n);
    for (Eigen::Index i = 0; i < n; ++i) {
      sample.x(0, i) = xs[i];
      sample.y(i) = ys[i];
    }
  }
  return data_detail::split_sample(sample, test_fraction, seed, "csv");
}

}  // namespace adamlab
