// Regressions found while fuzzing typed functions (tests/fuzz/expr_fuzz.cpp), one test each.
#include <gtest/gtest.h>

#include <string>

#include "expr/definition.h"
#include "expr/syntax.h"
#include "problems/expr_problem.h"
#include "sim/link.h"
#include "sim/scene.h"

namespace adamlab {
namespace {

// x;aa=.5;ab=.5;... up to `limit` characters as typed.
std::string many_halves(std::size_t limit) {
  std::string t = "x";
  for (char a = 'a'; a <= 'z'; ++a)
    for (char b = 'a'; b <= 'z'; ++b) {
      const std::string part = std::string(";") + a + b + "=.5";
      if (t.size() + part.size() > limit) return t;
      t += part;
    }
  return t;
}

// A text within the limit whose canonical form (numbers written out: .5 is 0.5) is longer than
// the limit used to be accepted, and then its own canonical text, which every scene, link, sweep
// worker and exported script carries, did not parse: a shared link of it could not be loaded.
TEST(ExprRegression, ATextWhoseCanonicalFormPassesTheLimitIsRefusedWithItsLength) {
  const std::string text = many_halves(expr::kMaxTextLength);
  ASSERT_LE(text.size(), expr::kMaxTextLength);
  try {
    ExprProblem p(text);
    FAIL() << "accepted: " << expr::to_text(p.definition()).size() << " characters written out";
  } catch (const expr::ExprError& e) {
    EXPECT_NE(std::string(e.what()).find("longer than 1000 characters once written out ("), std::string::npos)
        << e.what();
    EXPECT_EQ(e.column(), static_cast<int>(text.size()));
  }
  // Whatever is accepted has a canonical text that parses back to itself.
  for (std::size_t limit = 700; limit <= expr::kMaxTextLength; limit += 7) {
    const std::string t = many_halves(limit);
    try {
      const ExprProblem p(t);
      const std::string canonical = expr::to_text(p.definition());
      EXPECT_LE(canonical.size(), expr::kMaxTextLength);
      EXPECT_EQ(expr::to_text(ExprProblem(canonical).definition()), canonical);
      Scene scene("expr:" + t);
      SceneLink L = link_from_scene(scene, {});
      Scene other;
      EXPECT_TRUE(load_link(parse_link(to_link(L)).link, other).errors.empty()) << limit;
      EXPECT_EQ(other.problem_spec(), scene.problem_spec());
    } catch (const expr::ExprError& e) {
      EXPECT_NE(std::string(e.what()).find("once written out"), std::string::npos) << e.what();
    }
  }
}

}  // namespace
}  // namespace adamlab
