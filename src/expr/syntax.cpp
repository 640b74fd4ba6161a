#include "expr/syntax.h"

#include <cmath>
#include <cstdlib>

#include "core/suggest.h"
#include "problems/functions.h"

namespace adamlab::expr {
namespace {

enum class Tok { number, name, plus, minus, star, slash, caret, open, close, comma, end };

struct Token {
  Tok kind = Tok::end;
  std::string text;
  std::size_t pos = 0;  // byte offset in the body
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_name_start(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_name_char(char c) { return is_name_start(c) || is_digit(c); }

std::string quoted(const Token& t) {
  if (t.kind == Tok::end) return "the end of the text";
  return "'" + t.text + "'";
}

class Parser {
 public:
  Parser(const std::string& text, const std::map<std::string, double>& constants, int column_base)
      : text_(text), constants_(constants), base_(column_base) {
    tokenize();
  }

  Tree parse() {
    if (tokens_.front().kind == Tok::end) fail("expected an expression", tokens_.front(), " (the text is empty)");
    tree_.root = sum();
    const Token& t = peek();
    if (t.kind == Tok::close) fail("unmatched ')'", t);
    if (t.kind != Tok::end) expected_operator(t);
    return std::move(tree_);
  }

 private:
  [[noreturn]] void fail(const std::string& what, std::size_t pos, const std::string& hint = "") const {
    throw ExprError(what, base_ + static_cast<int>(pos), hint);
  }
  [[noreturn]] void fail(const std::string& what, const Token& t, const std::string& hint = "") const {
    fail(what, t.pos, hint);
  }

  // Two operands side by side ("2x", "x y", "2(x+1)"): the usual slip is a missing '*'.
  [[noreturn]] void expected_operator(const Token& t) const {
    if (t.kind == Tok::number || t.kind == Tok::name || t.kind == Tok::open)
      fail("expected an operator before " + quoted(t), t, " (write * for a product)");
    fail("expected an operator, found " + quoted(t), t);
  }

  void tokenize() {
    std::size_t i = 0;
    const std::size_t n = text_.size();
    while (i < n) {
      const char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
        continue;
      }
      Token t;
      t.pos = i;
      if (is_digit(c) || (c == '.' && i + 1 < n && is_digit(text_[i + 1]))) {
        std::size_t j = i;
        while (j < n && is_digit(text_[j])) ++j;
        if (j < n && text_[j] == '.') {
          ++j;
          while (j < n && is_digit(text_[j])) ++j;
        }
        // An exponent only when digits follow: "2e" is 2 times e's neighbour, refused later.
        if (j < n && (text_[j] == 'e' || text_[j] == 'E')) {
          std::size_t k = j + 1;
          if (k < n && (text_[k] == '+' || text_[k] == '-')) ++k;
          if (k < n && is_digit(text_[k])) {
            while (k < n && is_digit(text_[k])) ++k;
            j = k;
          }
        }
        t.kind = Tok::number;
        t.text = text_.substr(i, j - i);
        i = j;
      } else if (is_name_start(c)) {
        std::size_t j = i;
        while (j < n && is_name_char(text_[j])) ++j;
        t.kind = Tok::name;
        t.text = text_.substr(i, j - i);
        i = j;
      } else {
        switch (c) {
          case '+': t.kind = Tok::plus; break;
          case '-': t.kind = Tok::minus; break;
          case '*':
            if (i + 1 < n && text_[i + 1] == '*') fail("unexpected '**'", i, " (write ^ for a power)");
            t.kind = Tok::star;
            break;
          case '/': t.kind = Tok::slash; break;
          case '^': t.kind = Tok::caret; break;
          case '(': t.kind = Tok::open; break;
          case ')': t.kind = Tok::close; break;
          case ',': t.kind = Tok::comma; break;
          default: {
            const auto u = static_cast<unsigned char>(c);
            if (u >= 0x20 && u < 0x7f) fail(std::string("unexpected character '") + c + "'", i);
            fail("unexpected character", i, " (only ASCII is allowed)");
          }
        }
        t.text = std::string(1, c);
        ++i;
      }
      tokens_.push_back(std::move(t));
    }
    Token end;
    end.pos = n;
    tokens_.push_back(end);
  }

  const Token& peek() const { return tokens_[next_]; }
  const Token& take() { return tokens_[next_++]; }

  struct Depth {
    Parser& p;
    Depth(Parser& parser, const Token& at) : p(parser) {
      if (++p.depth_ > kMaxNesting)
        p.fail("nested more than " + std::to_string(kMaxNesting) + " levels deep", at);
    }
    ~Depth() { --p.depth_; }
  };

  int add(Op op, int column_pos, int a = -1, int b = -1, double value = 0) {
    Node node;
    node.op = op, node.a = a, node.b = b, node.value = value;
    node.column = base_ + column_pos;
    tree_.nodes.push_back(node);
    return static_cast<int>(tree_.nodes.size()) - 1;
  }

  int sum() {
    int left = product();
    while (peek().kind == Tok::plus || peek().kind == Tok::minus) {
      const Token& op = take();
      const int right = product();
      left = add(op.kind == Tok::plus ? Op::add : Op::sub, op.pos, left, right);
    }
    return left;
  }

  int product() {
    int left = unary();
    while (peek().kind == Tok::star || peek().kind == Tok::slash) {
      const Token& op = take();
      const int right = unary();
      left = add(op.kind == Tok::star ? Op::mul : Op::div, op.pos, left, right);
    }
    return left;
  }

  int unary() {
    const Token& t = peek();
    if (t.kind == Tok::minus || t.kind == Tok::plus) {
      Depth depth(*this, t);
      take();
      const int operand = unary();
      return t.kind == Tok::minus ? add(Op::neg, t.pos, operand) : operand;
    }
    return power();
  }

  int power() {
    const int base = primary();
    if (peek().kind != Tok::caret) return base;
    const Token& op = take();
    Depth depth(*this, op);
    const int exponent = unary();
    return add(Op::pow, op.pos, base, exponent);
  }

  int primary() {
    const Token& t = take();
    switch (t.kind) {
      case Tok::number: {
        const double v = std::strtod(t.text.c_str(), nullptr);
        if (!std::isfinite(v)) fail("number " + t.text + " is too large", t);
        return add(Op::constant, t.pos, -1, -1, v);
      }
      case Tok::name: return name(t);
      case Tok::open: {
        Depth depth(*this, t);
        const int inner = sum();
        close(t);
        return inner;
      }
      case Tok::end: fail("expected a number, a name or '('", t, " (the text ends here)");
      case Tok::close: fail("expected a number, a name or '(' before ')'", t);
      default: fail("expected a number, a name or '(', found " + quoted(t), t);
    }
  }

  void close(const Token& open) {
    const Token& t = peek();
    if (t.kind == Tok::close) {
      take();
      return;
    }
    if (t.kind == Tok::number || t.kind == Tok::name || t.kind == Tok::open) expected_operator(t);
    if (t.kind == Tok::end)
      fail("expected ')'", t, " to close the '(' at column " + std::to_string(base_ + static_cast<int>(open.pos)));
    fail("expected ')', found " + quoted(t), t);
  }

  int name(const Token& t) {
    const std::string& n = t.text;
    if (const Function* f = find_function(n)) {
      if (peek().kind != Tok::open) fail("'" + n + "' is a function", t, " (write " + n + "(...))");
      const Token& open = take();
      Depth depth(*this, open);
      std::vector<int> args;
      if (peek().kind != Tok::close) {
        args.push_back(sum());
        while (peek().kind == Tok::comma) {
          take();
          args.push_back(sum());
        }
      }
      close(open);
      if (static_cast<int>(args.size()) != f->arity)
        fail(n + " takes " + std::to_string(f->arity) + (f->arity == 1 ? " argument" : " arguments") + ", got " +
                 std::to_string(args.size()),
             t);
      return add(f->op, t.pos, args[0], f->arity == 2 ? args[1] : -1);
    }
    int node = -1;
    if (n == "x") node = add(Op::x, t.pos);
    else if (n == "y") node = add(Op::y, t.pos);
    else if (n == "pi") node = add(Op::constant, t.pos, -1, -1, constants::kPi);
    else if (n == "e") node = add(Op::constant, t.pos, -1, -1, constants::kE);
    else if (auto it = constants_.find(n); it != constants_.end()) node = add(Op::constant, t.pos, -1, -1, it->second);
    else {
      std::string hint = suggestion(n, known_names(constants_));
      if (hint.empty()) hint = " (name a constant after ';', e.g. " + n + "*x; " + n + "=2)";
      fail("unknown name '" + n + "'", t, hint);
    }
    if (peek().kind == Tok::open) fail("'" + n + "' is not a function", peek(), " (write * for a product)");
    return node;
  }

  const std::string& text_;
  const std::map<std::string, double>& constants_;
  int base_;
  std::vector<Token> tokens_;
  std::size_t next_ = 0;
  int depth_ = 0;
  Tree tree_;
};

}  // namespace

Tree parse_body(const std::string& text, const std::map<std::string, double>& constants, int column_base) {
  if (text.size() > kMaxTextLength)
    throw ExprError("the function is longer than " + std::to_string(kMaxTextLength) + " characters",
                    column_base + static_cast<int>(kMaxTextLength));
  return Parser(text, constants, column_base).parse();
}

std::vector<std::string> known_names(const std::map<std::string, double>& constants) {
  std::vector<std::string> names = {"x", "y", "pi", "e"};
  for (const auto& f : functions()) names.emplace_back(f.name);
  for (const auto& c : constants) names.push_back(c.first);
  return names;
}

}  // namespace adamlab::expr
