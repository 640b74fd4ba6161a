#include "export/expr_python.h"

#include <cmath>
#include <set>
#include <vector>

#include "export/torch_names.h"

namespace adamlab::torch_export {

using expr::Instruction;
using expr::Op;
using expr::Program;
namespace {

// C's results where Python's math module raises. Each is used only if the program needs it.
struct Helper {
  const char* name;
  const char* source;
};
constexpr Helper kHelpers[] = {
    {"divide",
     "def divide(a, b):\n"
     "    # a / b as C: Python raises ZeroDivisionError where C gives +-inf or nan\n"
     "    if b != 0.0:\n"
     "        return a / b\n"
     "    if a != a or a == 0.0:\n"
     "        return math.nan\n"
     "    return math.copysign(math.inf, a) * math.copysign(1.0, b)\n"},
    {"power",
     "def power(a, b):\n"
     "    # C's pow: inf on overflow, nan for a negative base to a fractional power, +-inf for 0 to a\n"
     "    # negative power (-inf for -0.0 to an odd negative integer)\n"
     "    try:\n"
     "        return math.pow(a, b)\n"
     "    except OverflowError:\n"
     "        return -math.inf if a < 0.0 and b % 2.0 == 1.0 else math.inf\n"
     "    except ValueError:\n"
     "        if a == 0.0:\n"
     "            return -math.inf if math.copysign(1.0, a) < 0.0 and b % 2.0 == 1.0 else math.inf\n"
     "        return math.nan\n"},
    {"tan", "def tan(v):\n    return math.tan(v) if math.isfinite(v) else math.nan\n"},
    {"asin", "def asin(v):\n    return math.asin(v) if -1.0 <= v <= 1.0 else math.nan\n"},
    {"acos", "def acos(v):\n    return math.acos(v) if -1.0 <= v <= 1.0 else math.nan\n"},
    {"sinh",
     "def sinh(v):\n    try:\n        return math.sinh(v)\n    except OverflowError:\n"
     "        return math.copysign(math.inf, v)\n"},
    {"cosh",
     "def cosh(v):\n    try:\n        return math.cosh(v)\n    except OverflowError:\n        return math.inf\n"},
    {"log",
     "def log(v):\n    if v > 0.0 or v != v:\n        return math.log(v)\n"
     "    return -math.inf if v == 0.0 else math.nan\n"},
    {"log10",
     "def log10(v):\n    if v > 0.0 or v != v:\n        return math.log10(v)\n"
     "    return -math.inf if v == 0.0 else math.nan\n"},
    {"floor",
     "def floor(v):\n    # a float, keeping -0.0 (math.floor returns an int and raises for inf and nan)\n"
     "    if not math.isfinite(v) or v == 0.0:\n        return v\n    return float(math.floor(v))\n"},
    {"ceil",
     "def ceil(v):\n    # a float; C gives -0.0 for -1 < v < 0\n"
     "    if not math.isfinite(v) or v == 0.0:\n        return v\n"
     "    return -0.0 if -1.0 < v < 0.0 else float(math.ceil(v))\n"},
    {"minimum",
     "def minimum(a, b):\n    # torch.minimum: nan if either is nan\n"
     "    return a if a != a else b if b != b else b if b < a else a\n"},
    {"maximum",
     "def maximum(a, b):\n    # torch.maximum: nan if either is nan\n"
     "    return a if a != a else b if b != b else b if b > a else a\n"},
    {"sign", "def sign(v):\n    return float((v > 0.0) - (v < 0.0))\n"},
};

// Python's repr() of a float (python_float: the shortest digits that read back exactly), as an
// operand: negatives parenthesised, inf and nan through math.
std::string literal(double v) {
  if (std::isnan(v)) return "math.nan";
  if (std::isinf(v)) return v > 0 ? "math.inf" : "(-math.inf)";
  const std::string text = python_float(v);
  return text[0] == '-' ? "(" + text + ")" : text;
}

class Writer {
 public:
  explicit Writer(const Program& p) : p_(p), code_(p.code()) {}

  std::string operand(int slot) const {
    if (slot == 0) return "x";
    if (slot == 1) return "y";
    if (code_[slot].op == Op::constant) return literal(code_[slot].value);
    return "v" + std::to_string(slot);
  }
  std::string adjoint(int slot) const {
    if (slot == 0) return "gx";
    if (slot == 1) return "gy";
    return "g" + std::to_string(slot);
  }
  std::string call(const char* helper, const std::string& args) {
    used_.insert(helper);
    return std::string(helper) + "(" + args + ")";
  }

  // The forward expression of instruction i, the same operation as program.cpp's forward switch.
  std::string forward(int i) {
    const Instruction& ins = code_[i];
    const std::string a = ins.a >= 0 ? operand(ins.a) : "", b = ins.b >= 0 ? operand(ins.b) : "";
    switch (ins.op) {
      case Op::constant: case Op::x: case Op::y: return "";
      case Op::neg: return "-" + a;
      case Op::add: return a + " + " + b;
      case Op::sub: return a + " - " + b;
      case Op::mul: return a + " * " + b;
      case Op::div: return call("divide", a + ", " + b);
      case Op::pow: return call("power", a + ", " + b);
      case Op::square: return a + " * " + a;
      case Op::cube: return a + " * " + a + " * " + a;
      case Op::sin: return "sin(" + a + ")";
      case Op::cos: return "cos(" + a + ")";
      case Op::tan: return call("tan", a);
      case Op::asin: return call("asin", a);
      case Op::acos: return call("acos", a);
      case Op::atan: return "math.atan(" + a + ")";
      case Op::atan2: return "math.atan2(" + a + ", " + b + ")";
      case Op::sinh: return call("sinh", a);
      case Op::cosh: return call("cosh", a);
      case Op::tanh: return "math.tanh(" + a + ")";
      case Op::exp: return "exp(" + a + ")";
      case Op::log: return call("log", a);
      case Op::log10: return call("log10", a);
      case Op::sqrt: return "sqrt(" + a + ")";
      case Op::abs: return "abs(" + a + ")";
      case Op::min: return call("minimum", a + ", " + b);
      case Op::max: return call("maximum", a + ", " + b);
      case Op::floor: return call("floor", a);
      case Op::ceil: return call("ceil", a);
    }
    return "math.nan";
  }

  std::string forward_lines() {
    std::string out;
    for (int i = 2; i < static_cast<int>(code_.size()); ++i)
      if (code_[i].op != Op::constant) out += "    v" + std::to_string(i) + " = " + forward(i) + "\n";
    return out;
  }

  // The terms each operand's adjoint gains from instruction i, a's first, as program.cpp's
  // reverse switch writes them (G the adjoint of i, r its value).
  std::pair<std::string, std::string> terms(int i) {
    const Instruction& ins = code_[i];
    const std::string G = adjoint(i), r = operand(i);
    const std::string a = ins.a >= 0 ? operand(ins.a) : "", b = ins.b >= 0 ? operand(ins.b) : "";
    switch (ins.op) {
      case Op::constant: case Op::x: case Op::y: case Op::floor: case Op::ceil: return {"", ""};
      case Op::neg: return {"-" + G, ""};
      case Op::add: return {G, G};
      case Op::sub: return {G, "-" + G};
      case Op::mul: return {G + " * " + b, G + " * " + a};
      case Op::div:
        return {call("divide", G + ", " + b),
                "-" + G + " * " + call("divide", call("divide", a + ", " + b) + ", " + b)};
      case Op::pow:
        return {"0.0 if " + b + " == 0.0 else " + G + " * (" + b + " * " + call("power", a + ", " + b + " - 1.0") + ")",
                "0.0 if " + a + " == 0.0 and " + b + " >= 0.0 else " + G + " * (" + r + " * " + call("log", a) + ")"};
      case Op::square: return {G + " * (2.0 * " + a + ")", ""};
      case Op::cube: return {G + " * (3.0 * (" + a + " * " + a + "))", ""};
      case Op::sin: return {G + " * cos(" + a + ")", ""};
      case Op::cos: return {G + " * -sin(" + a + ")", ""};
      case Op::tan: return {G + " * (1.0 + " + r + " * " + r + ")", ""};
      case Op::asin: return {G + " * " + call("divide", "1.0, sqrt(1.0 - " + a + " * " + a + ")"), ""};
      case Op::acos: return {G + " * -" + call("divide", "1.0, sqrt(1.0 - " + a + " * " + a + ")"), ""};
      case Op::atan: return {call("divide", G + ", " + a + " * " + a + " + 1.0"), ""};
      case Op::atan2: {
        const std::string inv = call("divide", "1.0, " + a + " * " + a + " + " + b + " * " + b);
        return {G + " * " + b + " * " + inv, G + " * -" + a + " * " + inv};
      }
      case Op::sinh: return {G + " * " + call("cosh", a), ""};
      case Op::cosh: return {G + " * " + call("sinh", a), ""};
      case Op::tanh: return {G + " * (1.0 - " + r + " * " + r + ")", ""};
      case Op::exp: return {G + " * " + r, ""};
      case Op::log: return {call("divide", G + ", " + a), ""};
      case Op::log10: return {call("divide", G + ", " + a + " * " + literal(2.302585092994046)), ""};
      case Op::sqrt: return {call("divide", G + ", 2.0 * " + r), ""};
      case Op::abs: return {G + " * " + call("sign", a), ""};
      case Op::min:
        return {"0.0 if " + a + " > " + b + " else " + G + " / 2.0 if " + a + " == " + b + " else " + G,
                "0.0 if " + a + " < " + b + " else " + G + " / 2.0 if " + a + " == " + b + " else " + G};
      case Op::max:
        return {"0.0 if " + a + " < " + b + " else " + G + " / 2.0 if " + a + " == " + b + " else " + G,
                "0.0 if " + a + " > " + b + " else " + G + " / 2.0 if " + a + " == " + b + " else " + G};
    }
    return {"", ""};
  }

  std::string reverse_lines() {
    std::string out;
    const int count = static_cast<int>(code_.size());
    std::vector<std::string> names;
    for (int i = 0; i < count; ++i)
      if (code_[i].op != Op::constant) names.push_back(adjoint(i));
    for (std::size_t k = 0; k < names.size(); k += 8) {  // every adjoint starts at 0.0
      out += "    ";
      for (std::size_t j = k; j < names.size() && j < k + 8; ++j) out += names[j] + " = ";
      out += "0.0\n";
    }
    if (code_[p_.result()].op != Op::constant) out += "    " + adjoint(p_.result()) + " = 1.0\n";
    for (int i = count - 1; i >= 2; --i) {
      const Instruction& ins = code_[i];
      if (ins.op == Op::constant) continue;
      const auto [ta, tb] = terms(i);
      auto accumulate = [&](int slot, const std::string& term) {
        if (slot < 0 || term.empty() || code_[slot].op == Op::constant) return;  // constants have no adjoint
        const bool conditional = term.find(" if ") != std::string::npos;
        out += "    " + adjoint(slot) + " = " + adjoint(slot) + " + " + (conditional ? "(" + term + ")" : term) + "\n";
      };
      accumulate(ins.a, ta);
      accumulate(ins.b, tb);
    }
    return out;
  }

  std::string helpers() const {
    std::string out;
    for (const Helper& h : kHelpers)
      if (used_.count(h.name)) out += std::string(h.source) + "\n\n";
    return out;
  }

 private:
  const Program& p_;
  const std::vector<Instruction>& code_;
  std::set<std::string> used_;
};

}  // namespace

std::string program_python(const Program& program) {
  Writer w(program);
  const std::string result = w.operand(program.result());
  std::string body = "def value(x, y):\n" + w.forward_lines() + "    return " + result + "\n\n\n";
  body += "def gradient(x, y):\n" + w.forward_lines();
  body += "    # reverse mode: each operation's adjoint terms as torch autograd's derivatives.yaml\n";
  body += w.reverse_lines();
  body += "    return gx, gy\n";
  return w.helpers() + body;
}

}  // namespace adamlab::torch_export
