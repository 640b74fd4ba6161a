#include "sim/trace_format.h"

#include <cinttypes>
#include <cmath>
#include <cstdio>

namespace adamlab {

const char* const kTraceCsvHeader = "step,x,y,loss,lr";

std::string format_g17(double value) {
  if (std::isnan(value)) return "nan";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

std::string csv_field(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string trace_csv_row(const TraceRow& r) {
  return std::to_string(r.step) + "," + format_g17(r.x) + "," + format_g17(r.y) + "," + format_g17(r.loss) + "," +
         format_g17(r.lr);
}

std::string trace_csv(const std::vector<TraceRow>& rows) {
  std::string out = std::string(kTraceCsvHeader) + "\n";
  for (const auto& r : rows) out += trace_csv_row(r) + "\n";
  return out;
}

std::string trace_json_number(double v) { return std::isfinite(v) ? format_g17(v) : "null"; }

namespace {

template <class Get>
std::string json_array(const std::vector<TraceRow>& rows, Get get) {
  std::string out = "[";
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (i) out += ',';
    out += get(rows[i]);
  }
  return out + "]";
}

}  // namespace

std::string trace_json(const std::vector<TraceRow>& rows) {
  return "{\"step\":" + json_array(rows, [](const TraceRow& r) { return std::to_string(r.step); }) +
         ",\"x\":" + json_array(rows, [](const TraceRow& r) { return trace_json_number(r.x); }) +
         ",\"y\":" + json_array(rows, [](const TraceRow& r) { return trace_json_number(r.y); }) +
         ",\"loss\":" + json_array(rows, [](const TraceRow& r) { return trace_json_number(r.loss); }) +
         ",\"lr\":" + json_array(rows, [](const TraceRow& r) { return trace_json_number(r.lr); }) + "}\n";
}

}  // namespace adamlab
