#pragma once
// The grammar of a typed function f(x, y), parsed to a small tree before anything is evaluated:
//   sum     := product (('+' | '-') product)*
//   product := unary (('*' | '/') unary)*
//   unary   := ('-' | '+') unary | power          -x^2 is -(x^2), as in mathematics
//   power   := primary ('^' unary)?               right-associative: 2^3^2 = 2^9, 2^-1 allowed
//   primary := number | x | y | pi | e | NAME | FUNCTION '(' sum (',' sum)* ')' | '(' sum ')'
// Numbers are decimals with an optional exponent (1.5, .5, 3e-4). Every refusal is an ExprError
// naming the 1-based column where the text stopped making sense and what was expected there.
#include <map>
#include <string>
#include <vector>

#include "core/error.h"
#include "expr/ops.h"

namespace adamlab::expr {

class ExprError : public Error {
 public:
  // "<what> at column N<hint>"; column is 1-based in the text the user typed, and the hint
  // (" (did you mean 'sin'?)") follows the position so the position reads first.
  ExprError(const std::string& what, int column, const std::string& hint = "")
      : Error(what + " at column " + std::to_string(column) + hint), column_(column) {}
  int column() const { return column_; }

 private:
  int column_;
};

inline constexpr std::size_t kMaxTextLength = 1000;  // characters of a whole definition
inline constexpr int kMaxNesting = 64;               // parentheses, calls and signs, nested

struct Node {
  Op op = Op::constant;
  int a = -1, b = -1;  // children (indices into Tree::nodes), -1 = none
  double value = 0;    // Op::constant
  int column = 0;      // where the node's text starts, for messages
};

struct Tree {
  std::vector<Node> nodes;  // children come before their parents
  int root = -1;
};

// `constants` are the user's named values; `column_base` is the column of text[0] in what the
// user typed (a body inside a longer definition). Throws ExprError.
Tree parse_body(const std::string& text, const std::map<std::string, double>& constants, int column_base = 1);

// Every name a body may use with `constants` defined, for suggestions and help.
std::vector<std::string> known_names(const std::map<std::string, double>& constants);

}  // namespace adamlab::expr
