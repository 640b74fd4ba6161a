#include "expr/examples.h"

#include "expr/ops.h"

namespace adamlab::expr {

const std::vector<Example>& examples() {
  static const std::vector<Example> table = {
      {"valley", "a*(y-x^2)^2 + (1-x)^2; a=100; view=-2,2,-1,3; start=-1.5,2; minimum=1,1",
       "A narrow curved valley (Rosenbrock's): steep across, nearly flat along the floor. Try a = 10 or 1000."},
      {"saddle", "x^2 - y^2; view=-2,2,-2,2; start=-1.8,0.05",
       "A saddle: uphill along x, downhill along y. Runs slow down near the centre, then escape along y."},
      {"cliff", "tanh(4*(x^2+y^2-2)) + 0.02*(x^2+y^2); view=-3,3,-3,3; start=2.6,2.2; minimum=0,0",
       "A plateau with a cliff: almost flat outside the circle r = 1.4, a steep drop at its rim. SGD crawls "
       "across the plateau; Adam's normalised steps do not."},
      {"noisy bowl", "x^2 + y^2 + 0.3*sin(8*x)*sin(8*y); view=-2,2,-2,2; start=-1.6,1.4",
       "A bowl with ripples: many small local minima on the way down."},
  };
  return table;
}

const char* default_text() { return "sin(x)*cos(y) + 0.1*(x^2 + y^2); view=-4,4,-4,4; start=-3,2.5"; }

std::string help_text() {
  std::string s =
      "f of x and y: + - * / and ^ (power; -x^2 is -(x^2)), parentheses, numbers (1.5, 3e-4),\n"
      "pi, e and these functions:\n";
  std::string line = " ";
  for (const auto& f : functions()) {
    const std::string call = f.op == Op::atan2 ? "atan2(y, x)" : std::string(f.name) + (f.arity == 1 ? "(u)" : "(u, v)");
    if (line.size() + call.size() + 1 > 64) {
      s += line + "\n";
      line = " ";
    }
    line += " " + call;
  }
  s += line + "\n";
  s += "Where a function has no derivative, the gradient follows torch autograd:\n";
  for (const auto& f : functions())
    if (f.at_kinks[0]) s += std::string("  ") + f.name + ": " + f.at_kinks + "\n";
  s += "After ';': your own constants (a=100; shown as fields), view=XMIN,XMAX,YMIN,YMAX,\n"
       "start=X,Y and minimum=X,Y. Where f is undefined (log of a negative, sqrt(-1)) the map\n"
       "is grey and a run that walks in stops as diverged.";
  return s;
}

}  // namespace adamlab::expr
