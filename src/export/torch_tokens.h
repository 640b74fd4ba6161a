#pragma once
// The Python tokens a pasted torch.optim line is made of (torch_parse.h reads them): names,
// numbers, strings, punctuation and logical line ends, each with the line and column it starts
// at. Comments, blank lines, backslash continuations and newlines inside brackets are dropped,
// as Python's own tokenizer does; indentation is ignored (a paste from a function body works).
#include <string>
#include <vector>

namespace adamlab::torch_paste {

struct Pos {
  int line = 1;
  int column = 1;  // in characters (UTF-8 code points), 1-based
};

// " at line L, column C": every paste error ends with it.
std::string at(const Pos& pos);

enum class Tok { name, number, string, op, newline, end };

struct Token {
  Tok kind = Tok::end;
  std::string text;  // the source text (an op is one or two characters: ( ) [ ] { } , = . : ; + - * ** / etc.)
  Pos pos;
};

// Throws Error("... at line L, column C") on a character no Python expression here can hold
// (an unclosed string or bracket, a stray '$'). The list always ends with Tok::end.
std::vector<Token> tokenize(const std::string& text);

}  // namespace adamlab::torch_paste
