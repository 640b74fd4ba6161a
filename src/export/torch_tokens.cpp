#include "export/torch_tokens.h"

#include <cstring>

#include "core/error.h"

namespace adamlab::torch_paste {
namespace {

bool is_name_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_name_char(unsigned char c) { return is_name_start(c) || is_digit(c); }

// Walks the text keeping the position of the next character.
class Cursor {
 public:
  explicit Cursor(const std::string& text) : s_(text) {}
  bool done() const { return i_ >= s_.size(); }
  unsigned char peek(std::size_t ahead = 0) const { return i_ + ahead < s_.size() ? s_[i_ + ahead] : 0; }
  Pos pos() const { return pos_; }
  std::size_t index() const { return i_; }
  void advance() {
    const unsigned char c = s_[i_++];
    if (c == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++pos_.column;  // a UTF-8 continuation byte is part of the character before it
    }
  }

 private:
  const std::string& s_;
  std::size_t i_ = 0;
  Pos pos_;
};

// A number as Python writes one: digits with underscores, a fraction, an exponent. Hex, octal,
// binary and imaginary literals are read whole so the error names all of them.
void read_number(Cursor& c) {
  if (c.peek() == '0' && std::strchr("xXoObB", c.peek(1)) && c.peek(1)) {
    c.advance(), c.advance();
    while (is_name_char(c.peek())) c.advance();
    return;
  }
  while (is_digit(c.peek()) || c.peek() == '_') c.advance();
  if (c.peek() == '.') {
    c.advance();
    while (is_digit(c.peek()) || c.peek() == '_') c.advance();
  }
  if ((c.peek() == 'e' || c.peek() == 'E') &&
      (is_digit(c.peek(1)) || ((c.peek(1) == '+' || c.peek(1) == '-') && is_digit(c.peek(2))))) {
    c.advance(), c.advance();
    while (is_digit(c.peek()) || c.peek() == '_') c.advance();
  }
  while (is_name_char(c.peek())) c.advance();  // 1j, 1e, 3abc: kept in the token, refused by the parser
}

}  // namespace

std::string at(const Pos& pos) {
  return " at line " + std::to_string(pos.line) + ", column " + std::to_string(pos.column);
}

std::vector<Token> tokenize(const std::string& text) {
  std::vector<Token> out;
  std::vector<std::pair<char, Pos>> open;  // brackets not yet closed
  Cursor c(text);
  auto push = [&](Tok kind, const Pos& pos, std::size_t begin) {
    out.push_back({kind, text.substr(begin, c.index() - begin), pos});
  };
  auto end_line = [&](const Pos& pos) {
    if (open.empty() && !out.empty() && out.back().kind != Tok::newline) out.push_back({Tok::newline, "", pos});
  };
  while (!c.done()) {
    const unsigned char ch = c.peek();
    const Pos pos = c.pos();
    const std::size_t begin = c.index();
    if (ch == ' ' || ch == '\t' || ch == '\r' || ch == '\f') {
      c.advance();
    } else if (ch == '#') {
      while (!c.done() && c.peek() != '\n') c.advance();
    } else if (ch == '\\') {
      c.advance();
      while (c.peek() == ' ' || c.peek() == '\t' || c.peek() == '\r') c.advance();
      if (c.peek() != '\n') throw Error("a backslash continues a line only at its end" + at(pos));
      c.advance();
    } else if (ch == '\n') {
      end_line(pos);
      c.advance();
    } else if (ch == ';') {
      c.advance();
      end_line(pos);
    } else if (is_name_start(ch)) {
      while (is_name_char(c.peek())) c.advance();
      push(Tok::name, pos, begin);
    } else if (is_digit(ch) || (ch == '.' && is_digit(c.peek(1)))) {
      read_number(c);
      push(Tok::number, pos, begin);
    } else if (ch == '\'' || ch == '"') {
      c.advance();
      while (!c.done() && c.peek() != ch && c.peek() != '\n') {
        if (c.peek() == '\\') c.advance();
        if (!c.done()) c.advance();
      }
      if (c.peek() != ch) throw Error("unterminated string" + at(pos));
      c.advance();
      push(Tok::string, pos, begin);
    } else if (std::strchr("([{", ch)) {
      open.emplace_back(static_cast<char>(ch), pos);
      c.advance();
      push(Tok::op, pos, begin);
    } else if (std::strchr(")]}", ch)) {
      const char want = ch == ')' ? '(' : ch == ']' ? '[' : '{';
      if (open.empty() || open.back().first != want)
        throw Error(std::string("unmatched '") + static_cast<char>(ch) + "'" + at(pos));
      open.pop_back();
      c.advance();
      push(Tok::op, pos, begin);
    } else if (ch == '*' && c.peek(1) == '*') {
      c.advance(), c.advance();
      push(Tok::op, pos, begin);
    } else if (std::strchr(",=.:+-*/%@<>!|&^~", ch)) {
      c.advance();
      push(Tok::op, pos, begin);
    } else {
      // Print a multi-byte character whole.
      c.advance();
      while (!c.done() && (c.peek() & 0xC0) == 0x80) c.advance();
      throw Error("unexpected character '" + text.substr(begin, c.index() - begin) + "'" + at(pos));
    }
  }
  if (!open.empty())
    throw Error(std::string("'") + open.back().first + "' is never closed" + at(open.back().second));
  end_line(c.pos());
  out.push_back({Tok::end, "", c.pos()});
  return out;
}

}  // namespace adamlab::torch_paste
