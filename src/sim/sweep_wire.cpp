#include "sim/sweep_wire.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <iterator>
#include <sstream>
#include <vector>

#include "core/error.h"
#include "core/percent.h"
#include "nn/net_sweep.h"

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

// A spec on one line: a typed function (expr:TEXT) may hold newlines, tabs and any byte, so '%'
// and control characters travel as %XX and come back exactly.
std::string escape_line(const std::string& text) {
  return percent_encode(text, [](unsigned char u) { return u < 0x20 || u == 0x7f || u == '%'; });
}

std::string unescape_line(const std::string& text) {
  bool malformed = false;
  std::string out = percent_decode(text, &malformed);
  if (malformed) throw Error("sweep wire: bad escape in '" + text + "'");
  return out;
}

// A user's points, exactly: sizes, then every number as a hex float.
void write_points(std::string& s, const Eigen::MatrixXd& x, const Eigen::VectorXd& y) {
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) s += " " + hex(x(i, j));
    s += " " + hex(y[j]);
  }
}

void read_points(std::istream& in, Eigen::MatrixXd& x, Eigen::VectorXd& y, int rows, long long cols) {
  x.resize(rows, static_cast<Eigen::Index>(cols));
  y.resize(static_cast<Eigen::Index>(cols));
  for (Eigen::Index j = 0; j < x.cols(); ++j) {
    for (Eigen::Index i = 0; i < x.rows(); ++i) x(i, j) = read_double(in, "net_points");
    y[j] = read_double(in, "net_points");
  }
}

// Fields of a landscape sweep and of a network sweep (which adds its task and has no problem,
// start, noise or arithmetic).
const char* const kCommonFields[] = {"optimizer", "x", "y", "steps", "metric", "seeds"};
const char* const kLandscapeFields[] = {"problem", "start", "noise", "arithmetic"};
const char* const kNetworkFields[] = {"network", "net_data", "net_model", "net_batch", "net_seed", "net_scheduler"};

}  // namespace

std::string sweep_config_to_wire(const SweepConfig& c) {
  std::string s;
  if (c.network) {
    const NetSweepSource& n = *c.network;
    s += "network 1\n";
    s += "net_data " + n.task.data + "\n";
    s += "net_model " + n.task.model + "\n";
    s += "net_batch " + std::to_string(n.task.batch_size) + "\n";
    s += "net_seed " + std::to_string(n.task.seed) + "\n";
    s += "net_scheduler " + (n.scheduler.empty() ? std::string("-") : n.scheduler) + "\n";
    if (n.data) {
      const Dataset& d = *n.data;
      s += "net_points " + std::to_string(d.input_dim) + " " + std::to_string(d.classes) + " " +
           std::to_string(d.train_size()) + " " + std::to_string(d.test_size());
      write_points(s, d.train_x, d.train_y);
      write_points(s, d.test_x, d.test_y);
      s += "\n";
    }
  } else {
    s += "problem " + escape_line(to_string(c.problem)) + "\n";
    s += "start " + hex(c.start.x()) + " " + hex(c.start.y()) + "\n";
  }
  s += "optimizer " + escape_line(to_string(c.optimizer)) + "\n";
  s += "x " + c.x.text + "\n";
  s += "y " + c.y.text + "\n";
  s += "steps " + std::to_string(c.steps) + "\n";
  s += "metric " + std::to_string(static_cast<int>(c.metric.kind)) + " " + hex(c.metric.threshold) + "\n";
  s += "seeds " + std::to_string(c.seeds) + "\n";
  if (c.network) return s;
  s += "noise " + hex(c.noise.std) + " " + (c.noise.relative ? "1" : "0") + " " + std::to_string(c.noise.seed) + "\n";
  s += "arithmetic " + std::string(c.arithmetic == batch::Arithmetic::kFused ? "fused" : "unfused") + "\n";
  return s;
}

SweepConfig sweep_config_from_wire(const std::string& text) {
  SweepConfig c;
  std::istringstream in(text);
  std::string field;
  std::vector<std::string> seen;
  NetSweepSource net;
  while (in >> field) {
    if (std::find(seen.begin(), seen.end(), field) != seen.end()) throw Error("sweep wire: field '" + field + "' twice");
    seen.push_back(field);
    if (field == "network") {
      if (read_int(in, "network") != 1) throw Error("sweep wire: bad network flag");
    } else if (field == "net_data") {
      net.task.data = rest_of_line(in);
    } else if (field == "net_model") {
      net.task.model = rest_of_line(in);
    } else if (field == "net_batch") {
      net.task.batch_size = read_int(in, "net_batch");
    } else if (field == "net_seed") {
      std::string seed;
      in >> seed;
      char* end = nullptr;
      errno = 0;
      net.task.seed = std::strtoull(seed.c_str(), &end, 10);
      if (seed.empty() || *end != '\0' || errno == ERANGE) throw Error("sweep wire: bad net_seed '" + seed + "'");
    } else if (field == "net_scheduler") {
      net.scheduler = rest_of_line(in);
      if (net.scheduler == "-") net.scheduler.clear();
    } else if (field == "net_points") {
      Dataset d;
      d.spec = "csv";
      const long long input_dim = read_int(in, "input_dim"), classes = read_int(in, "classes");
      const long long train = read_int(in, "train size"), test = read_int(in, "test size");
      if (input_dim < 1 || input_dim > 2 || classes < 0 || classes > 8 || train < 1 || test < 0 || train + test > kMaxCsvRows)
        throw Error("sweep wire: bad net_points sizes");
      d.input_dim = static_cast<int>(input_dim);
      d.classes = static_cast<int>(classes);
      read_points(in, d.train_x, d.train_y, d.input_dim, train);
      read_points(in, d.test_x, d.test_y, d.input_dim, test);
      net.data = std::move(d);
    } else if (field == "problem") {
      c.problem = parse_spec(unescape_line(rest_of_line(in)));
    } else if (field == "start") {
      const double x = read_double(in, "start x"), y = read_double(in, "start y");
      c.start = Eigen::Vector2d(x, y);
    } else if (field == "optimizer") {
      c.optimizer = parse_spec(unescape_line(rest_of_line(in)));
    } else if (field == "x") {
      c.x = parse_sweep_axis(rest_of_line(in), "x");
    } else if (field == "y") {
      c.y = parse_sweep_axis(rest_of_line(in), "y");
    } else if (field == "steps") {
      c.steps = read_int(in, "steps");
    } else if (field == "metric") {
      const long long kind = read_int(in, "metric");
      if (kind < SweepMetric::kFinalLoss || kind > SweepMetric::kTestLoss) throw Error("sweep wire: bad metric kind");
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
  auto has = [&](const char* f) { return std::find(seen.begin(), seen.end(), f) != seen.end(); };
  const bool network = has("network");
  auto require = [&](const char* f) {
    if (!has(f)) throw Error(std::string("sweep wire: missing field '") + f + "'");
  };
  for (const char* f : kCommonFields) require(f);
  std::size_t fields = std::size(kCommonFields);
  if (network) {
    for (const char* f : kNetworkFields) require(f);
    fields += std::size(kNetworkFields) + (has("net_points") ? 1 : 0);
  } else {
    for (const char* f : kLandscapeFields) require(f);
    fields += std::size(kLandscapeFields);
  }
  if (seen.size() != fields) throw Error("sweep wire: a landscape sweep's fields mixed with a network sweep's");
  if (network) c.network = std::make_shared<const NetSweepSource>(std::move(net));
  return c;
}

}  // namespace adamlab
