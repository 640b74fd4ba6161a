#pragma once
// The small part of Python's expression and statement grammar a pasted constructor uses, as a
// tree (torch_parse.cpp gives it meaning): names, attributes, calls with positional and keyword
// arguments, subscripts, numbers, strings, tuples, lists, dicts, unary signs; statements are
// `expr`, `target = expr` and import lines (skipped). Arithmetic, lambdas, *args and **kwargs
// are refused here with their position.
#include <string>
#include <vector>

#include "export/torch_tokens.h"

namespace adamlab::torch_paste {

struct Node {
  enum class Kind { number, name, string, tuple, list, dict, attribute, call, subscript, negate, plus };
  Kind kind = Kind::name;
  Pos pos;
  std::string text;            // number and string source, name, attribute name
  std::vector<Node> children;  // elements; dict: key, value, key, value...; call: callee then positional
                               // arguments; attribute / subscript / sign: the operand (then the index)
  std::vector<std::string> keyword_names;  // call keyword arguments, in the order written
  std::vector<Pos> keyword_pos;
  std::vector<Node> keyword_values;
};

struct Statement {
  Pos pos;
  bool has_target = false;
  Node target;
  Node value;
};

// Throws Error("... at line L, column C") on a syntax it does not take. Nesting is bounded.
std::vector<Statement> parse_statements(const std::vector<Token>& tokens);

// "torch.optim.Adam" for a chain of names and attributes; "" for anything else.
std::string dotted_name(const Node& node);

}  // namespace adamlab::torch_paste
