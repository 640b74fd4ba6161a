#include "expr/program.h"

#include <algorithm>
#include <cmath>

namespace adamlab::expr {
namespace {

constexpr int kBlock = 64;  // points per pass: rows stay in L1 for a typical function
constexpr double kLn10 = 2.302585092994046;  // torch's log10 backward divides by self * ln(10)

// torch.minimum / maximum propagate NaN (std::fmin would drop it).
inline double min_of(double a, double b) { return a != a ? a : b != b ? b : b < a ? b : a; }
inline double max_of(double a, double b) { return a != a ? a : b != b ? b : b > a ? b : a; }
inline double sgn(double a) { return static_cast<double>((a > 0) - (a < 0)); }

template <class F>
inline void map1(int m, double* out, const double* a, F f) {
  for (int k = 0; k < m; ++k) out[k] = f(a[k]);
}
template <class F>
inline void map2(int m, double* out, const double* a, const double* b, F f) {
  for (int k = 0; k < m; ++k) out[k] = f(a[k], b[k]);
}

// The scratch rows of one thread: one row of kBlock values (and one of adjoints) per instruction.
struct Scratch {
  std::vector<double> forward, adjoint;
};
Scratch& scratch(std::size_t rows, bool adjoints) {
  thread_local Scratch s;
  const std::size_t size = rows * kBlock;
  if (s.forward.size() < size) s.forward.resize(size);
  if (adjoints && s.adjoint.size() < size) s.adjoint.resize(size);
  return s;
}

bool is_constant(const std::vector<Instruction>& code, int slot) { return code[slot].op == Op::constant; }

// One instruction over m points: the only place forward arithmetic is written, so every entry
// point (and constant folding) computes the same bits.
void forward_one(const Instruction& ins, int m, double* out, const double* a, const double* b, const double* x,
                 const double* y) {
  switch (ins.op) {
    case Op::constant: std::fill(out, out + m, ins.value); break;
    case Op::x: std::copy(x, x + m, out); break;
    case Op::y: std::copy(y, y + m, out); break;
    case Op::neg: map1(m, out, a, [](double u) { return -u; }); break;
    case Op::add: map2(m, out, a, b, [](double u, double v) { return u + v; }); break;
    case Op::sub: map2(m, out, a, b, [](double u, double v) { return u - v; }); break;
    case Op::mul: map2(m, out, a, b, [](double u, double v) { return u * v; }); break;
    case Op::div: map2(m, out, a, b, [](double u, double v) { return u / v; }); break;
    case Op::pow: map2(m, out, a, b, [](double u, double v) { return std::pow(u, v); }); break;
    case Op::square: map1(m, out, a, [](double u) { return u * u; }); break;
    case Op::cube: map1(m, out, a, [](double u) { return u * u * u; }); break;
    case Op::sin: map1(m, out, a, [](double u) { return std::sin(u); }); break;
    case Op::cos: map1(m, out, a, [](double u) { return std::cos(u); }); break;
    case Op::tan: map1(m, out, a, [](double u) { return std::tan(u); }); break;
    case Op::asin: map1(m, out, a, [](double u) { return std::asin(u); }); break;
    case Op::acos: map1(m, out, a, [](double u) { return std::acos(u); }); break;
    case Op::atan: map1(m, out, a, [](double u) { return std::atan(u); }); break;
    case Op::atan2: map2(m, out, a, b, [](double u, double v) { return std::atan2(u, v); }); break;
    case Op::sinh: map1(m, out, a, [](double u) { return std::sinh(u); }); break;
    case Op::cosh: map1(m, out, a, [](double u) { return std::cosh(u); }); break;
    case Op::tanh: map1(m, out, a, [](double u) { return std::tanh(u); }); break;
    case Op::exp: map1(m, out, a, [](double u) { return std::exp(u); }); break;
    case Op::log: map1(m, out, a, [](double u) { return std::log(u); }); break;
    case Op::log10: map1(m, out, a, [](double u) { return std::log10(u); }); break;
    case Op::sqrt: map1(m, out, a, [](double u) { return std::sqrt(u); }); break;
    case Op::abs: map1(m, out, a, [](double u) { return std::fabs(u); }); break;
    case Op::min: map2(m, out, a, b, min_of); break;
    case Op::max: map2(m, out, a, b, max_of); break;
    case Op::floor: map1(m, out, a, [](double u) { return std::floor(u); }); break;
    case Op::ceil: map1(m, out, a, [](double u) { return std::ceil(u); }); break;
  }
}

// Runs the instructions `take(i)` selects, in order, over rows of kBlock in F.
template <class Take>
void forward(const std::vector<Instruction>& code, double* F, int m, const double* x, const double* y, Take take) {
  auto row = [F](int slot) { return F + static_cast<std::ptrdiff_t>(slot) * kBlock; };
  for (int i = 0; i < static_cast<int>(code.size()); ++i) {
    if (!take(i)) continue;
    const Instruction& ins = code[i];
    forward_one(ins, m, row(i), ins.a >= 0 ? row(ins.a) : nullptr, ins.b >= 0 ? row(ins.b) : nullptr, x, y);
  }
}

}  // namespace

Program::Program(const Tree& tree) {
  // x and y own the first two slots, so each variable's adjoint accumulates in one place.
  code_.push_back({Op::x});
  code_.push_back({Op::y});
  std::vector<int> slot(tree.nodes.size(), -1);
  for (std::size_t i = 0; i < tree.nodes.size(); ++i) {  // children precede parents
    const Node& n = tree.nodes[i];
    if (n.op == Op::x || n.op == Op::y) {
      slot[i] = n.op == Op::x ? 0 : 1;
      continue;
    }
    Instruction ins;
    ins.op = n.op;
    ins.value = n.value;
    ins.a = n.a >= 0 ? slot[n.a] : -1;
    ins.b = n.b >= 0 ? slot[n.b] : -1;
    if (ins.op == Op::pow && is_constant(code_, ins.b)) {
      const double p = code_[ins.b].value;
      if (p == 2.0 || p == 3.0) ins.op = p == 2.0 ? Op::square : Op::cube, ins.b = -1;
    }
    const bool foldable = ins.op != Op::constant && ins.a >= 0 && is_constant(code_, ins.a) &&
                          (ins.b < 0 || is_constant(code_, ins.b));
    if (foldable) {
      // Folded by the evaluator's own arithmetic on a block of one point.
      forward_one(ins, 1, &ins.value, &code_[ins.a].value, ins.b >= 0 ? &code_[ins.b].value : nullptr, nullptr, nullptr);
      ins.op = Op::constant, ins.a = ins.b = -1;
    }
    code_.push_back(ins);
    slot[i] = static_cast<int>(code_.size()) - 1;
  }
  result_ = slot[tree.root];  // the last instruction, or x or y for a bare variable
  depends_.resize(code_.size());
  for (std::size_t i = 0; i < code_.size(); ++i) {
    const Instruction& ins = code_[i];
    int d = ins.op == Op::x ? 1 : ins.op == Op::y ? 2 : 0;
    if (ins.a >= 0) d |= static_cast<int>(depends_[ins.a]);
    if (ins.b >= 0) d |= static_cast<int>(depends_[ins.b]);
    depends_[i] = static_cast<Dependence>(d);
  }
  // Constants folded into their users leave dead rows behind; they cost a fill per block only.
}

double Program::value(double x, double y) const {
  double v;
  block(&x, &y, 1, &v, nullptr, nullptr);
  return v;
}

void Program::value_and_gradient(double x, double y, double& value, double& gx, double& gy) const {
  block(&x, &y, 1, &value, &gx, &gy);
}

void Program::evaluate(const double* x, const double* y, std::size_t n, double* value, double* gx, double* gy) const {
  for (std::size_t off = 0; off < n; off += kBlock) {
    const int m = static_cast<int>(std::min<std::size_t>(kBlock, n - off));
    block(x + off, y + off, m, value ? value + off : nullptr, gx ? gx + off : nullptr, gy ? gy + off : nullptr);
  }
}

void Program::evaluate_grid(const double* xs, std::size_t nx, const double* ys, std::size_t ny, double* out) const {
  const int count = static_cast<int>(code_.size());
  Scratch& s = scratch(code_.size(), false);
  double* const F = s.forward.data();
  auto row = [F](int slot) { return F + static_cast<std::ptrdiff_t>(slot) * kBlock; };
  auto depends = [this](int i, Dependence d) { return depends_[i] == d; };
  // x alone: once per column, kept for every row.
  thread_local std::vector<double> columns;
  columns.resize(static_cast<std::size_t>(count) * nx);
  auto column = [&](int slot) { return columns.data() + static_cast<std::size_t>(slot) * nx; };
  for (std::size_t off = 0; off < nx; off += kBlock) {
    const int m = static_cast<int>(std::min<std::size_t>(kBlock, nx - off));
    forward(code_, F, m, xs + off, nullptr, [&](int i) { return depends(i, Dependence::x) || depends(i, Dependence::none); });
    for (int i = 0; i < count; ++i)
      if (depends(i, Dependence::x)) std::copy(row(i), row(i) + m, column(i) + off);
  }
  // Constants and the current row's y-alone values, broadcast to a block once (per call / per
  // row); each block then runs only what depends on both, reading the others in place.
  thread_local std::vector<double> broadcast;
  broadcast.resize(static_cast<std::size_t>(count) * kBlock);
  auto spread = [&](int slot) { return broadcast.data() + static_cast<std::ptrdiff_t>(slot) * kBlock; };
  for (int i = 0; i < count; ++i)
    if (depends(i, Dependence::none)) std::fill(spread(i), spread(i) + kBlock, code_[i].value);
  for (std::size_t j = 0; j < ny; ++j) {
    forward(code_, F, 1, nullptr, ys + j, [&](int i) { return depends(i, Dependence::y) || depends(i, Dependence::none); });
    for (int i = 0; i < count; ++i)
      if (depends(i, Dependence::y)) std::fill(spread(i), spread(i) + kBlock, row(i)[0]);
    for (std::size_t off = 0; off < nx; off += kBlock) {
      const int m = static_cast<int>(std::min<std::size_t>(kBlock, nx - off));
      auto operand = [&](int slot) -> const double* {
        switch (depends_[slot]) {
          case Dependence::both: return row(slot);
          case Dependence::x: return column(slot) + off;
          default: return spread(slot);
        }
      };
      for (int i = 0; i < count; ++i) {
        if (!depends(i, Dependence::both)) continue;
        const Instruction& ins = code_[i];
        forward_one(ins, m, row(i), ins.a >= 0 ? operand(ins.a) : nullptr, ins.b >= 0 ? operand(ins.b) : nullptr,
                    nullptr, nullptr);
      }
      const double* result = operand(result_);
      std::copy(result, result + m, out + j * nx + off);
    }
  }
}

void Program::block(const double* x, const double* y, int m, double* value, double* gx, double* gy) const {
  const bool grad = gx || gy;
  Scratch& s = scratch(code_.size(), grad);
  double* const F = s.forward.data();
  auto row = [F](int slot) { return F + static_cast<std::ptrdiff_t>(slot) * kBlock; };
  const int count = static_cast<int>(code_.size());
  forward(code_, F, m, x, y, [](int) { return true; });
  if (value) std::copy(row(result_), row(result_) + m, value);
  if (!grad) return;

  // Reverse pass: G is the adjoint of instruction i; each operand gets torch's backward term.
  double* const A = s.adjoint.data();
  auto adj = [A](int slot) { return A + static_cast<std::ptrdiff_t>(slot) * kBlock; };
  for (int i = 0; i < count; ++i)
    if (code_[i].op != Op::constant) std::fill(adj(i), adj(i) + m, 0.0);
  std::fill(adj(result_), adj(result_) + m, 1.0);
  for (int i = count - 1; i >= 2; --i) {
    const Instruction& ins = code_[i];
    if (ins.op == Op::constant) continue;
    const double* G = adj(i);
    const double* r = row(i);
    const double* a = ins.a >= 0 ? row(ins.a) : nullptr;
    const double* b = ins.b >= 0 ? row(ins.b) : nullptr;
    double* da = ins.a >= 0 && !is_constant(code_, ins.a) ? adj(ins.a) : nullptr;
    double* db = ins.b >= 0 && !is_constant(code_, ins.b) ? adj(ins.b) : nullptr;
    // da[k] += f(k) for every point of the block, when a has an adjoint.
    auto to_a = [&](auto f) {
      if (da)
        for (int k = 0; k < m; ++k) da[k] += f(k);
    };
    auto to_b = [&](auto f) {
      if (db)
        for (int k = 0; k < m; ++k) db[k] += f(k);
    };
    switch (ins.op) {
      case Op::constant: case Op::x: case Op::y: break;
      case Op::neg: to_a([&](int k) { return -G[k]; }); break;
      case Op::add:
        to_a([&](int k) { return G[k]; });
        to_b([&](int k) { return G[k]; });
        break;
      case Op::sub:
        to_a([&](int k) { return G[k]; });
        to_b([&](int k) { return -G[k]; });
        break;
      case Op::mul:
        to_a([&](int k) { return G[k] * b[k]; });
        to_b([&](int k) { return G[k] * a[k]; });
        break;
      case Op::div:
        to_a([&](int k) { return G[k] / b[k]; });
        to_b([&](int k) { return -G[k] * ((a[k] / b[k]) / b[k]); });
        break;
      case Op::pow:
        to_a([&](int k) { return b[k] == 0.0 ? 0.0 : G[k] * (b[k] * std::pow(a[k], b[k] - 1.0)); });
        to_b([&](int k) { return a[k] == 0.0 && b[k] >= 0.0 ? 0.0 : G[k] * (r[k] * std::log(a[k])); });
        break;
      case Op::square: to_a([&](int k) { return G[k] * (2.0 * a[k]); }); break;
      case Op::cube: to_a([&](int k) { return G[k] * (3.0 * (a[k] * a[k])); }); break;
      case Op::sin: to_a([&](int k) { return G[k] * std::cos(a[k]); }); break;
      case Op::cos: to_a([&](int k) { return G[k] * -std::sin(a[k]); }); break;
      case Op::tan: to_a([&](int k) { return G[k] * (1.0 + r[k] * r[k]); }); break;
      case Op::asin: to_a([&](int k) { return G[k] * (1.0 / std::sqrt(1.0 - a[k] * a[k])); }); break;
      case Op::acos: to_a([&](int k) { return G[k] * -(1.0 / std::sqrt(1.0 - a[k] * a[k])); }); break;
      case Op::atan: to_a([&](int k) { return G[k] / (a[k] * a[k] + 1.0); }); break;
      case Op::atan2:
        to_a([&](int k) { return G[k] * b[k] * (1.0 / (a[k] * a[k] + b[k] * b[k])); });
        to_b([&](int k) { return G[k] * -a[k] * (1.0 / (a[k] * a[k] + b[k] * b[k])); });
        break;
      case Op::sinh: to_a([&](int k) { return G[k] * std::cosh(a[k]); }); break;
      case Op::cosh: to_a([&](int k) { return G[k] * std::sinh(a[k]); }); break;
      case Op::tanh: to_a([&](int k) { return G[k] * (1.0 - r[k] * r[k]); }); break;
      case Op::exp: to_a([&](int k) { return G[k] * r[k]; }); break;
      case Op::log: to_a([&](int k) { return G[k] / a[k]; }); break;
      case Op::log10: to_a([&](int k) { return G[k] / (a[k] * kLn10); }); break;
      case Op::sqrt: to_a([&](int k) { return G[k] / (2.0 * r[k]); }); break;
      case Op::abs: to_a([&](int k) { return G[k] * sgn(a[k]); }); break;
      // torch.minimum/maximum: a tie splits the gradient; NaN passes it to both.
      case Op::min:
        to_a([&](int k) { return a[k] > b[k] ? 0.0 : a[k] == b[k] ? G[k] / 2.0 : G[k]; });
        to_b([&](int k) { return a[k] < b[k] ? 0.0 : a[k] == b[k] ? G[k] / 2.0 : G[k]; });
        break;
      case Op::max:
        to_a([&](int k) { return a[k] < b[k] ? 0.0 : a[k] == b[k] ? G[k] / 2.0 : G[k]; });
        to_b([&](int k) { return a[k] > b[k] ? 0.0 : a[k] == b[k] ? G[k] / 2.0 : G[k]; });
        break;
      case Op::floor: case Op::ceil: break;  // zero almost everywhere, as torch says
    }
  }
  if (gx) std::copy(adj(0), adj(0) + m, gx);
  if (gy) std::copy(adj(1), adj(1) + m, gy);
}

}  // namespace adamlab::expr
