// `adamlab trace|sweep --problem expr:...`: a typed function runs as a built-in problem does, and a
// mistake is shown as a compiler shows one, the message naming the column and a caret under it.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cli_run.h"
#include "expr/ops.h"

namespace {

using adamlab::test::CliResult;
using adamlab::test::lines;
using adamlab::test::run_cli;

std::vector<std::string> trace(const std::string& problem, const std::string& optimizer = "adam:lr=0.1",
                               const std::string& steps = "100") {
  return {"trace", "--problem", problem, "--start", "-2,1", "--optimizer", optimizer, "--steps", steps};
}

// The expected stderr of a typed function's mistake: three lines, exit 2, nothing on stdout.
void expect_caret(const std::string& problem, const std::string& message, const std::string& text,
                  const std::string& caret) {
  for (const auto& args :
       {trace(problem), std::vector<std::string>{"sweep", "--problem", problem, "--start", "0,0", "--optimizer", "adam",
                                                 "--x", "lr=0.01:0.1:log:2", "--y", "beta1=0:0.9:lin:2", "--steps", "5"}}) {
    const CliResult r = run_cli(args);
    EXPECT_EQ(r.code, 2) << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 3u) << r.err;
    EXPECT_EQ(l[0], "adamlab: error: problem: " + message);
    EXPECT_EQ(l[1], "  " + text);
    EXPECT_EQ(l[2], "  " + caret);
  }
}

TEST(CliExpr, TraceOnATypedFunctionIsTheBuiltInProblemItSpellsOut) {
  // quadratic:a=1,b=10 computes a*(x*x) + b*(y*y) and (2a)*x, (2b)*y: the same bits as the
  // compiled x^2 + 10*y^2 (x^2 is x*x; the adjoint of 10*y^2 is 10*(2*y), exactly 20*y).
  for (const char* optimizer : {"adam:lr=0.1", "sgd:lr=0.01,momentum=0.9", "rmsprop:lr=0.01,centered=true"}) {
    const CliResult typed = run_cli(trace("expr:x^2 + 10*y^2", optimizer));
    const CliResult built_in = run_cli(trace("quadratic:a=1,b=10", optimizer));
    ASSERT_EQ(typed.code, 0) << typed.err;
    ASSERT_EQ(built_in.code, 0) << built_in.err;
    EXPECT_EQ(lines(typed.out).size(), 102u);
    EXPECT_EQ(typed.out, built_in.out) << optimizer;
  }
}

TEST(CliExpr, JsonAndADivergingTypedFunction) {
  auto args = trace("expr:sqrt(x) + log(y)", "sgd:lr=1", "5");  // x < 0 from the start: nan
  const CliResult csv = run_cli(args);
  ASSERT_EQ(csv.code, 0) << csv.err;
  EXPECT_EQ(lines(csv.out).size(), 7u);
  EXPECT_NE(csv.out.find("nan"), std::string::npos) << csv.out;
  args.insert(args.end(), {"--format", "json"});
  const CliResult json = run_cli(args);
  ASSERT_EQ(json.code, 0) << json.err;
  EXPECT_NE(json.out.find("null"), std::string::npos) << json.out;
}

TEST(CliExpr, SweepOnATypedFunctionIsTheSweepOfTheBuiltInProblem) {
  auto sweep = [](const std::string& problem) {
    return run_cli({"sweep", "--problem", problem, "--start", "-2,1", "--optimizer", "adam", "--x",
                    "lr=1e-3:0.5:log:5", "--y", "beta1=0:0.9:lin:3", "--steps", "80", "--metric", "best_loss"});
  };
  const CliResult typed = sweep("expr:x^2+10*y^2"), built_in = sweep("quadratic:a=1,b=10");
  ASSERT_EQ(typed.code, 0) << typed.err;
  EXPECT_EQ(lines(typed.out).size(), 16u);
  EXPECT_EQ(typed.out, built_in.out);
  const CliResult newcomer = sweep("expr:sin(x)*cos(y)+0.1*(x^2+y^2)");
  ASSERT_EQ(newcomer.code, 0) << newcomer.err;
  EXPECT_EQ(lines(newcomer.out).size(), 16u);
}

TEST(CliExpr, AMistakeShowsTheTextWithACaretUnderTheColumn) {
  expect_caret("expr:sin(x*cos(y) + 1", "expected ')' at column 17 to close the '(' at column 4",
               "sin(x*cos(y) + 1", std::string(16, ' ') + "^");
  expect_caret("expr:2x + y", "expected an operator before 'x' at column 2 (write * for a product)", "2x + y", " ^");
}

TEST(CliExpr, TheCaretStaysUnderTheMistakeWithTabsNonAsciiAndLongTexts) {
  // A tab or newline shows as one space; a UTF-8 character takes one place.
  {
    const CliResult r = run_cli(trace("expr:x +\ty\n+ siin(x)"));
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 3u) << r.err;
    EXPECT_EQ(l[1], "  x + y + siin(x)");
    EXPECT_EQ(l[2], "  " + std::string(8, ' ') + "^");  // under the s of siin
  }
  {
    const CliResult r = run_cli(trace("expr:x + y; note=\xc3\xa9t\xc3\xa9"));  // a constant must be a number
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 3u) << r.err;
    EXPECT_EQ(l[1], "  x + y; note=\xc3\xa9t\xc3\xa9");
    EXPECT_EQ(l[2], "  " + std::string(12, ' ') + "^");  // under the value
  }
  {
    std::string body = "x";
    for (int i = 0; i < 60; ++i) body += " + x";
    body += " + )";
    for (int i = 0; i < 60; ++i) body += " + y";
    const CliResult r = run_cli(trace("expr:" + body));
    const auto l = lines(r.err);
    ASSERT_EQ(l.size(), 3u) << r.err;
    EXPECT_LE(l[1].size(), 2u + 3 + 76 + 3);
    EXPECT_EQ(l[1].substr(0, 5), "  ...");
    EXPECT_EQ(l[1].substr(l[1].size() - 3), "...");
    const std::size_t caret = l[2].find('^');
    ASSERT_NE(caret, std::string::npos);
    EXPECT_EQ(l[1][caret], ')') << l[1] << "\n" << l[2];
  }
}

TEST(CliExpr, HelpDocumentsTheGrammarEveryFunctionItsKinksAndAnExample) {
  const CliResult main_help = run_cli({"--help"});
  EXPECT_NE(main_help.out.find("--problem 'expr:"), std::string::npos) << main_help.out;
  const CliResult r = run_cli({"trace", "--help"});
  ASSERT_EQ(r.code, 0);
  for (const char* s : {"expr:FUNCTION", "view=XMIN,XMAX,YMIN,YMAX", "start=X,Y", "minimum=X,Y", "NAME=VALUE",
                        "-x^2 = -(x^2)", "--problem 'expr:x^2 + 10*y^2'"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
  for (const auto& f : adamlab::expr::functions()) {
    const std::string call = std::string(f.name) + (f.arity == 2 ? "(u, v)" : "(u)");
    const auto at = r.out.find("    " + call);
    ASSERT_NE(at, std::string::npos) << call;
    EXPECT_EQ(r.out.substr(at, r.out.find('\n', at) - at).find(f.at_kinks) != std::string::npos, true) << call;
  }
}

}  // namespace
