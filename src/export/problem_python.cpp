#include "export/problem_python.h"

#include "core/error.h"
#include "export/torch_names.h"
#include "export/expr_python.h"
#include "problems/expr_problem.h"

namespace adamlab::torch_export {
namespace {

struct Source {
  const char* name;
  const char* formula;  // a comment line
  const char* value;    // body lines of value(x, y), 4-space indented
  const char* gradient;
};

// Transcribed from problems/functions.h, operation for operation (Python and C++ both evaluate
// a * b * c as (a * b) * c; ** is avoided because x ** 4 rounds differently from x * x * x * x).
constexpr Source kSources[] = {
    {"rosenbrock", "(a-x)^2 + b(y-x^2)^2",
     "    d, e = a - x, y - x * x\n    return d * d + b * (e * e)\n",
     "    d, t = a - x, 2.0 * b * (y - x * x)\n    return -(2.0 * d) - (t * 2.0) * x, t\n"},
    {"beale", "(1.5-x+xy)^2 + (2.25-x+xy^2)^2 + (2.625-x+xy^3)^2",
     "    y2 = y * y\n    y3 = y2 * y\n"
     "    t1, t2, t3 = 1.5 - x + x * y, 2.25 - x + x * y2, 2.625 - x + x * y3\n"
     "    return t1 * t1 + t2 * t2 + t3 * t3\n",
     "    y2 = y * y\n    y3 = y2 * y\n"
     "    d1, d2, d3 = 2.0 * (1.5 - x + x * y), 2.0 * (2.25 - x + x * y2), 2.0 * (2.625 - x + x * y3)\n"
     "    return (d1 * (y - 1.0) + d2 * (y2 - 1.0) + d3 * (y3 - 1.0),\n"
     "            d1 * x + d2 * x * (2.0 * y) + d3 * x * (3.0 * y2))\n"},
    {"himmelblau", "(x^2+y-11)^2 + (x+y^2-7)^2",
     "    p, q = x * x + y - 11.0, x + y * y - 7.0\n    return p * p + q * q\n",
     "    p2, q2 = 2.0 * (x * x + y - 11.0), 2.0 * (x + y * y - 7.0)\n"
     "    return p2 * (2.0 * x) + q2, p2 + q2 * (2.0 * y)\n"},
    {"booth", "(x+2y-7)^2 + (2x+y-5)^2",
     "    p, q = x + 2.0 * y - 7.0, 2.0 * x + y - 5.0\n    return p * p + q * q\n",
     "    p2, q2 = 2.0 * (x + 2.0 * y - 7.0), 2.0 * (2.0 * x + y - 5.0)\n"
     "    return p2 + q2 * 2.0, p2 * 2.0 + q2\n"},
    {"rastrigin", "2A + x^2 - A cos(2 pi x) + y^2 - A cos(2 pi y)",
     "    w = 2.0 * math.pi\n    return 2.0 * A + x * x - A * cos(w * x) + y * y - A * cos(w * y)\n",
     "    w = 2.0 * math.pi\n    return 2.0 * x + A * sin(w * x) * w, 2.0 * y + A * sin(w * y) * w\n"},
    {"ackley", "-a exp(-b sqrt((x^2+y^2)/2)) - exp((cos cx + cos cy)/2) + a + e",
     "    r = sqrt(0.5 * (x * x + y * y))\n    s = 0.5 * (cos(c * x) + cos(c * y))\n"
     "    return (a - a * exp(-b * r)) + (math.e - exp(s))\n",
     "    r = sqrt(0.5 * (x * x + y * y))\n    k = a * b * exp(-b * r)\n"
     "    es = exp(0.5 * (cos(c * x) + cos(c * y)))\n"
     "    # dr/dx = 0.5 x / r is undefined at the origin, where the gradient is taken as 0\n"
     "    rx, ry = (0.5 * x / r, 0.5 * y / r) if r > 0.0 else (0.0, 0.0)\n"
     "    return k * rx + es * (0.5 * c) * sin(c * x), k * ry + es * (0.5 * c) * sin(c * y)\n"},
    {"quadratic", "a x^2 + b y^2", "    return a * (x * x) + b * (y * y)\n",
     "    return (2.0 * a) * x, (2.0 * b) * y\n"},
    {"saddle", "x^2 - y^2", "    return x * x - y * y\n", "    return 2.0 * x, -2.0 * y\n"},
    {"styblinski_tang", "0.5 * sum over t in {x, y} of (t^4 - 16 t^2 + 5 t)",
     "    x2, y2 = x * x, y * y\n"
     "    return 0.5 * ((x2 * x2 - 16.0 * x2 + 5.0 * x) + (y2 * y2 - 16.0 * y2 + 5.0 * y))\n",
     "    return 0.5 * (4.0 * (x * x * x) - 32.0 * x + 5.0), 0.5 * (4.0 * (y * y * y) - 32.0 * y + 5.0)\n"},
    {"goldstein_price",
     "[1 + (x+y+1)^2 (19-14x+3x^2-14y+6xy+3y^2)] * [30 + (2x-3y)^2 (18-32x+12x^2+48y-36xy+27y^2)]",
     "    s, u = x + y + 1.0, 2.0 * x - 3.0 * y\n"
     "    p = 19.0 - 14.0 * x + 3.0 * (x * x) - 14.0 * y + 6.0 * (x * y) + 3.0 * (y * y)\n"
     "    q = 18.0 - 32.0 * x + 12.0 * (x * x) + 48.0 * y - 36.0 * (x * y) + 27.0 * (y * y)\n"
     "    return (1.0 + s * s * p) * (30.0 + u * u * q)\n",
     "    s, u = x + y + 1.0, 2.0 * x - 3.0 * y\n"
     "    p = 19.0 - 14.0 * x + 3.0 * (x * x) - 14.0 * y + 6.0 * (x * y) + 3.0 * (y * y)\n"
     "    q = 18.0 - 32.0 * x + 12.0 * (x * x) + 48.0 * y - 36.0 * (x * y) + 27.0 * (y * y)\n"
     "    s2, u2 = s * s, u * u\n"
     "    A, B = 1.0 + s2 * p, 30.0 + u2 * q\n"
     "    dA = 2.0 * s * p + s2 * (-14.0 + 6.0 * x + 6.0 * y)\n"
     "    dBx = 2.0 * u * 2.0 * q + u2 * (-32.0 + 24.0 * x - 36.0 * y)\n"
     "    dBy = 2.0 * u * -3.0 * q + u2 * (48.0 - 36.0 * x + 54.0 * y)\n"
     "    return dA * B + A * dBx, dA * B + A * dBy\n"},
    {"matyas", "0.26 (x^2 + y^2) - 0.48 x y", "    return 0.26 * (x * x + y * y) - 0.48 * x * y\n",
     "    return 0.26 * (2.0 * x) - 0.48 * y, 0.26 * (2.0 * y) - 0.48 * x\n"},
    {"three_hump_camel", "2x^2 - 1.05x^4 + x^6/6 + xy + y^2",
     "    x2 = x * x\n    x4 = x2 * x2\n    return 2.0 * x2 - 1.05 * x4 + x4 * x2 / 6.0 + x * y + y * y\n",
     "    x2 = x * x\n    return 4.0 * x - 4.2 * (x2 * x) + x2 * x2 * x + y, x + 2.0 * y\n"},
};

}  // namespace

std::string python_math_helpers() {
  return "def cos(v):\n    return math.cos(v) if math.isfinite(v) else math.nan\n\n\n"
         "def sin(v):\n    return math.sin(v) if math.isfinite(v) else math.nan\n\n\n"
         "def exp(v):\n    try:\n        return math.exp(v)\n    except OverflowError:\n        return math.inf\n\n\n"
         "def sqrt(v):\n    return math.sqrt(v) if v >= 0.0 else math.nan\n";
}

std::string problem_python(const Problem& problem) {
  const Spec spec = problem.spec();
  if (const auto* typed = dynamic_cast<const ExprProblem*>(&problem)) {
    // The compiled program itself, instruction by instruction (export/expr_python.h); its constants are
    // already folded in, so the text is only a comment.
    return "# the typed function " + to_string(spec) + "\n\n\n" + program_python(typed->program());
  }
  for (const auto& s : kSources) {
    if (spec.name != s.name) continue;
    std::string out = "# " + spec.name + ": " + s.formula + "\n";
    for (const auto& [key, value] : spec.params) out += key + " = " + python_float(parse_number(value, key)) + "\n";
    out += "\n\ndef value(x, y):\n";
    out += s.value;
    out += "\n\ndef gradient(x, y):\n";
    out += s.gradient;
    return out;
  }
  throw Error("no Python source for problem '" + spec.name + "'");
}

}  // namespace adamlab::torch_export
