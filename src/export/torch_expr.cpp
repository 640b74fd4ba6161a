#include "export/torch_expr.h"

#include "core/error.h"

namespace adamlab::torch_paste {
namespace {

// Deeper than any constructor needs; keeps the recursion's stack use bounded on hostile input.
constexpr int kMaxDepth = 48;

class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : t_(tokens) {}

  std::vector<Statement> statements() {
    std::vector<Statement> out;
    while (peek().kind != Tok::end) {
      if (peek().kind == Tok::newline) {
        ++i_;
        continue;
      }
      if (peek().kind == Tok::name && (peek().text == "import" || peek().text == "from")) {
        while (peek().kind != Tok::newline && peek().kind != Tok::end) ++i_;
        continue;
      }
      Statement s;
      s.pos = peek().pos;
      s.value = expression(0);
      if (is_op("=")) {
        ++i_;
        s.has_target = true;
        s.target = std::move(s.value);
        s.value = expression(0);
        if (is_op("=")) fail("only one '=' per line is supported", peek().pos);
      }
      if (peek().kind != Tok::newline && peek().kind != Tok::end) unexpected();
      out.push_back(std::move(s));
    }
    return out;
  }

 private:
  const Token& peek(std::size_t ahead = 0) const {
    return i_ + ahead < t_.size() ? t_[i_ + ahead] : t_.back();
  }
  bool is_op(const char* op, std::size_t ahead = 0) const {
    return peek(ahead).kind == Tok::op && peek(ahead).text == op;
  }
  [[noreturn]] static void fail(const std::string& message, const Pos& pos) { throw Error(message + at(pos)); }
  [[noreturn]] void unexpected() const {
    const Token& t = peek();
    if (t.kind == Tok::end || t.kind == Tok::newline) fail("unexpected end of line", t.pos);
    if (t.kind == Tok::op && std::string("+-*/%@**").find(t.text) != std::string::npos)
      fail("arithmetic ('" + t.text + "') is not supported: write the value itself", t.pos);
    fail("unexpected '" + t.text + "'", t.pos);
  }
  void expect(const char* op) {
    if (!is_op(op)) unexpected();
    ++i_;
  }

  Node expression(int depth) {
    if (depth > kMaxDepth) fail("expression nested too deeply", peek().pos);
    if (is_op("-") || is_op("+")) {
      Node n;
      n.kind = is_op("-") ? Node::Kind::negate : Node::Kind::plus;
      n.pos = peek().pos;
      ++i_;
      n.children.push_back(expression(depth + 1));
      return n;
    }
    Node n = postfix(depth);
    if (peek().kind == Tok::op && !is_op(",") && !is_op("=") && !is_op(")") && !is_op("]") && !is_op("}") &&
        !is_op(":"))
      unexpected();
    if (peek().kind == Tok::name || peek().kind == Tok::number || peek().kind == Tok::string) {
      if (peek().kind == Tok::name && (peek().text == "if" || peek().text == "for" || peek().text == "or" ||
                                       peek().text == "and" || peek().text == "else"))
        fail("'" + peek().text + "' expressions are not supported: write the value itself", peek().pos);
      unexpected();
    }
    return n;
  }

  Node postfix(int depth) {
    Node n = atom(depth);
    while (true) {
      if (is_op(".")) {
        ++i_;
        if (peek().kind != Tok::name) unexpected();
        Node a;
        a.kind = Node::Kind::attribute;
        a.pos = n.pos;
        a.text = peek().text;
        ++i_;
        a.children.push_back(std::move(n));
        n = std::move(a);
      } else if (is_op("(")) {
        Node c;
        c.kind = Node::Kind::call;
        c.pos = n.pos;
        c.children.push_back(std::move(n));
        ++i_;
        arguments(c, depth);
        n = std::move(c);
      } else if (is_op("[")) {
        Node s;
        s.kind = Node::Kind::subscript;
        s.pos = n.pos;
        s.children.push_back(std::move(n));
        ++i_;
        s.children.push_back(expression(depth + 1));
        expect("]");
        n = std::move(s);
      } else {
        return n;
      }
    }
  }

  void arguments(Node& call, int depth) {
    while (!is_op(")")) {
      if (is_op("*") || is_op("**"))
        fail("'" + peek().text + "' unpacking is not supported: write each argument", peek().pos);
      if (peek().kind == Tok::name && is_op("=", 1)) {
        call.keyword_names.push_back(peek().text);
        call.keyword_pos.push_back(peek().pos);
        i_ += 2;
        call.keyword_values.push_back(expression(depth + 1));
      } else {
        if (!call.keyword_names.empty()) fail("positional argument follows keyword argument", peek().pos);
        call.children.push_back(expression(depth + 1));
      }
      if (is_op(",")) {
        ++i_;
      } else if (!is_op(")")) {
        unexpected();
      }
    }
    ++i_;
  }

  // (a), (a,), (a, b), [a, b], {k: v}
  Node sequence(Node::Kind kind, const char* close, int depth) {
    Node n;
    n.kind = kind;
    n.pos = peek().pos;
    ++i_;
    bool comma = false;
    while (!is_op(close)) {
      n.children.push_back(expression(depth + 1));
      if (kind == Node::Kind::dict) {
        expect(":");
        n.children.push_back(expression(depth + 1));
      }
      if (is_op(",")) {
        ++i_;
        comma = true;
      } else if (!is_op(close)) {
        unexpected();
      }
    }
    ++i_;
    if (kind == Node::Kind::tuple && n.children.size() == 1 && !comma) return std::move(n.children.front());
    return n;
  }

  Node atom(int depth) {
    if (depth > kMaxDepth) fail("expression nested too deeply", peek().pos);
    const Token& t = peek();
    if (t.kind == Tok::op && t.text == "(") return sequence(Node::Kind::tuple, ")", depth);
    if (t.kind == Tok::op && t.text == "[") return sequence(Node::Kind::list, "]", depth);
    if (t.kind == Tok::op && t.text == "{") return sequence(Node::Kind::dict, "}", depth);
    Node n;
    n.pos = t.pos;
    n.text = t.text;
    if (t.kind == Tok::number) {
      n.kind = Node::Kind::number;
    } else if (t.kind == Tok::string) {
      n.kind = Node::Kind::string;
    } else if (t.kind == Tok::name) {
      if (t.text == "lambda") fail("lambda is not supported", t.pos);
      n.kind = Node::Kind::name;
    } else {
      unexpected();
    }
    ++i_;
    return n;
  }

  const std::vector<Token>& t_;
  std::size_t i_ = 0;
};

}  // namespace

std::vector<Statement> parse_statements(const std::vector<Token>& tokens) { return Parser(tokens).statements(); }

std::string dotted_name(const Node& node) {
  if (node.kind == Node::Kind::name) return node.text;
  if (node.kind != Node::Kind::attribute) return "";
  const std::string head = dotted_name(node.children.front());
  return head.empty() ? "" : head + "." + node.text;
}

}  // namespace adamlab::torch_paste
