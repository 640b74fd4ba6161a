#include "sim/sweep_wire.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "core/error.h"

namespace adamlab {
namespace {

std::string hex(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%a", v);
  return buf;
}

double read_double(std::istream& in, const std::string& field) {
  std::string token;
  in >> token;
  char* end = nullptr;
  errno = 0;
  const double v = std::strtod(token.c_str(), &end);
  if (token.empty() || *end != '\0' || errno == ERANGE) throw Error("sweep wire: bad number for " + field + ": '" + token + "'");
  return v;
}

long long read_int(std::istream& in, const std::string& field) {
  std::string token;
  in >> token;
  char* end = nullptr;
  errno = 0;
  const long long v = std::strtoll(token.c_str(), &end, 10);
  if (token.empty() || *end != '\0' || errno == ERANGE) throw Error("sweep wire: bad integer for " + field + ": '" + token + "'");
  return v;
}

std::string rest_of_line(std::istream& in) {
  std::string s;
  std::getline(in, s);
  if (!s.empty() && s.front() == ' ') s.erase(0, 1);
  return s;
}

}  // namespace

std::string sweep_config_to_wire(const SweepConfig& c) {
  std::string s;
  s += "problem " + to_string(c.problem) + "\n";
  s += "start " + hex(c.start.x()) + " " + hex(c.start.y()) + "\n";
  s += "optimizer " + to_string(c.optimizer) + "\n";
  s += "x " + c.x.text + "\n";
  s += "y " + c.y.text + "\n";
  s += "steps " + std::to_string(c.steps) + "\n";
  s += "metric " + std::to_string(static_cast<int>(c.metric.kind)) + " " + hex(c.metric.threshold) + "\n";
  s += "noise " + hex(c.noise.std) + " " + (c.noise.relative ? "1" : "0") + " " + std::to_string(c.noise.seed) + "\n";
  s += "seeds " + std::to_string(c.seeds) + "\n";
  s += "arithmetic " + std::string(c.arithmetic == batch::Arithmetic::kFused ? "fused" : "unfused") + "\n";
  return s;
}

SweepConfig sweep_config_from_wire(const std::string& text) {
  SweepConfig c;
  std::istringstream in(text);
  std::string field;
  int seen = 0;
  while (in >> field) {
    ++seen;
    if (field == "problem") {
      c.problem = parse_spec(rest_of_line(in));
    } else if (field == "start") {
      const double x = read_double(in, "start x"), y = read_double(in, "start y");
      c.start = Eigen::Vector2d(x, y);
    } else if (field == "optimizer") {
      c.optimizer = parse_spec(rest_of_line(in));
    } else if (field == "x") {
      c.x = parse_sweep_axis(rest_of_line(in), "x");
    } else if (field == "y") {
      c.y = parse_sweep_axis(rest_of_line(in), "y");
    } else if (field == "steps") {
      c.steps = read_int(in, "steps");
    } else if (field == "metric") {
      const long long kind = read_int(in, "metric");
      if (kind < SweepMetric::kFinalLoss || kind > SweepMetric::kDiverged) throw Error("sweep wire: bad metric kind");
      c.metric.kind = static_cast<SweepMetric::Kind>(kind);
      c.metric.threshold = read_double(in, "threshold");
    } else if (field == "noise") {
      c.noise.std = read_double(in, "noise std");
      c.noise.relative = read_int(in, "noise relative") != 0;
      std::string seed;
      in >> seed;
      char* end = nullptr;
      c.noise.seed = std::strtoull(seed.c_str(), &end, 10);
      if (seed.empty() || *end != '\0') throw Error("sweep wire: bad noise seed '" + seed + "'");
    } else if (field == "seeds") {
      c.seeds = static_cast<int>(read_int(in, "seeds"));
    } else if (field == "arithmetic") {
      std::string a;
      in >> a;
      if (a != "fused" && a != "unfused") throw Error("sweep wire: bad arithmetic '" + a + "'");
      c.arithmetic = a == "fused" ? batch::Arithmetic::kFused : batch::Arithmetic::kUnfused;
    } else {
      throw Error("sweep wire: unknown field '" + field + "'");
    }
  }
  if (seen != 10) throw Error("sweep wire: expected 10 fields, got " + std::to_string(seen));
  return c;
}

}  // namespace adamlab
