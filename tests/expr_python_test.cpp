// The Python a typed function exports as (export/expr_python.h): one line per instruction of the
// compiled program, constants folded in as repr() literals, helpers only where Python would raise.
// That it computes the same bits is checked under real Python by export.pytorch_scripts.
#include <gtest/gtest.h>

#include <string>

#include "export/expr_python.h"
#include "export/pytorch_script.h"
#include "problems/expr_problem.h"

namespace adamlab::torch_export {
namespace {

int count(const std::string& text, const std::string& what) {
  int n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(ExprPython, OneLinePerInstructionInTheProgramsOrder) {
  const ExprProblem p("a*(y-x^2)^2 + (1-x)^3; a=100");
  const std::string py = program_python(p.program());
  int operations = 0;
  for (const auto& ins : p.program().code())
    if (ins.op != expr::Op::constant && ins.op != expr::Op::x && ins.op != expr::Op::y) ++operations;
  const std::string value = py.substr(py.find("def value"), py.find("def gradient") - py.find("def value"));
  EXPECT_EQ(count(value, "\n    v"), operations) << py;
  EXPECT_NE(value.find(" = x * x\n"), std::string::npos) << py;          // x^2 is a product
  EXPECT_NE(value.find(" * v"), std::string::npos) << py;
  EXPECT_NE(py.find("100.0 * "), std::string::npos) << py;                // the constant, as repr
  EXPECT_NE(value.find("1.0 - x\n"), std::string::npos) << py;
  EXPECT_EQ(py.find("def divide"), std::string::npos) << py;              // no helper it does not call
  EXPECT_NE(py.find("gx = gx + "), std::string::npos) << py;
  EXPECT_NE(py.find("return gx, gy"), std::string::npos) << py;
}

TEST(ExprPython, WhatPythonWouldRaiseOnGoesThroughAHelper) {
  const ExprProblem p("x/y + log(x) + pow(x, y) + floor(y) + 1/0 + log(-1)");
  const std::string py = program_python(p.program());
  for (const char* helper : {"def divide(", "def power(", "def log(", "def floor("})
    EXPECT_NE(py.find(helper), std::string::npos) << helper << "\n" << py;
  EXPECT_EQ(py.find(" / y"), std::string::npos) << py;  // never a bare division by a variable
  EXPECT_NE(py.find("math.inf"), std::string::npos) << py;  // 1/0 folded to inf
  EXPECT_NE(py.find("math.nan"), std::string::npos) << py;  // log(-1) folded to nan
}

TEST(ExprPython, ABareVariableOrConstantStillHasAGradient) {
  EXPECT_NE(program_python(ExprProblem("x").program()).find("gx = 1.0\n"), std::string::npos);
  const std::string c = program_python(ExprProblem("2*3").program());
  EXPECT_NE(c.find("return 6.0\n"), std::string::npos) << c;
  EXPECT_NE(c.find("return gx, gy"), std::string::npos) << c;
}

TEST(ExprPython, TheScriptNamesTheCanonicalOneLineCommand) {
  LandscapeExport e{parse_spec("expr:x^2 +\n10*y^2 ;\ta=1"), {1, 2}, {}, 5, {{parse_spec("adam"), std::nullopt, ""}}};
  const std::string script = landscape_script(e);
  EXPECT_NE(script.find("#   adamlab trace --problem 'expr:x^2+10*y^2;a=1' --start 1,2"), std::string::npos) << script;
}

}  // namespace
}  // namespace adamlab::torch_export
