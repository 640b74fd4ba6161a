// Gives the parsed statements (torch_expr.h) their meaning: which class each call constructs,
// which argument each value binds to (torch_signatures.h), and the specs that result.
#include "export/torch_parse.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <map>
#include <optional>

#include "core/suggest.h"
#include "export/torch_expr.h"
#include "export/torch_signatures.h"
#include "optim/optimizer.h"
#include "optim/options_text.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

using torch_paste::Arg;
using torch_paste::Node;
using torch_paste::Pos;
using torch_paste::Signature;
using Kind = Node::Kind;

[[noreturn]] void fail(const std::string& message, const Pos& pos) { throw TorchPasteError(message, pos); }

// A Python literal's value: repr is how Python prints it (and what the spec holds).
struct Value {
  enum class Type { integer, floating, boolean, none, sequence, other } type = Type::other;
  double number = 0;
  std::string repr;
  std::vector<Value> items;
  Pos pos;
  std::string why_not;  // Type::other: why it cannot be used
};

std::string strip_underscores(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), '_'), s.end());
  return s;
}

Value number_literal(const Node& n) {
  Value v;
  v.pos = n.pos;
  const std::string s = strip_underscores(n.text);
  const bool is_float = s.find_first_of(".eE") != std::string::npos;
  for (char c : s)
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-'))
      fail("unsupported number '" + n.text + "' (write a decimal number)", n.pos);
  if (n.text.find("__") != std::string::npos || n.text.back() == '_') fail("invalid number '" + n.text + "'", n.pos);
  char* end = nullptr;
  v.number = std::strtod(s.c_str(), &end);
  if (s.empty() || *end != '\0') fail("invalid number '" + n.text + "'", n.pos);
  if (is_float) {
    v.type = Value::Type::floating;
    v.repr = python_float(v.number);
  } else {
    v.type = Value::Type::integer;
    const std::size_t nz = s.find_first_not_of('0');
    v.repr = nz == std::string::npos ? "0" : s.substr(nz);
  }
  return v;
}

std::string describe(const Value& v) {
  switch (v.type) {
    case Value::Type::sequence: return "a sequence";
    case Value::Type::other: return v.why_not;
    default: return v.repr;
  }
}

std::vector<std::string> known_classes(bool schedulers) {
  std::vector<std::string> names;
  for (const auto& s : torch_paste::signatures())
    if (s.scheduler == schedulers) names.emplace_back(s.torch_class);
  return names;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

struct Bound {
  const torch_paste::Param* param;
  const Node* node;
  Pos pos;  // of the value
};

struct Constructed {
  const Signature* signature = nullptr;
  Pos pos;
  std::vector<Bound> args;  // in torch's order
  std::string target;       // the variable it was assigned to ("" = none)
};

class Interpreter {
 public:
  TorchPaste run(const std::vector<torch_paste::Statement>& statements, const Pos& end) {
    for (const auto& s : statements) statement(s);
    if (!optimizer_) {
      if (scheduler_) fail("a scheduler needs the optimizer's constructor in the same paste", scheduler_->pos);
      fail("no torch.optim optimizer found (paste e.g. torch.optim.Adam(model.parameters(), lr=1e-3))", end);
    }
    TorchPaste out;
    out.optimizer = build(*optimizer_, out.notes);
    check(*optimizer_, out.optimizer);
    if (scheduler_) {
      const Bound& first = scheduler_->args.front();
      const std::string name = torch_paste::dotted_name(*first.node);
      if (!optimizer_->target.empty() && name != optimizer_->target)
        fail("the scheduler's optimizer '" + name + "' is not the pasted optimizer '" + optimizer_->target + "'", first.pos);
      out.scheduler = build(*scheduler_, out.notes);
      check(*scheduler_, out.scheduler);
    }
    return out;
  }

 private:
  void statement(const torch_paste::Statement& s) {
    if (s.value.kind == Kind::call) {
      construct(s);
      return;
    }
    if (!s.has_target) fail("expected an optimizer or scheduler constructor", s.pos);
    if (s.target.kind != Kind::name) fail("only a plain name can be assigned a constant", s.target.pos);
    bindings_[s.target.text] = value(s.value, true);
  }

  void construct(const torch_paste::Statement& s) {
    const Node& call = s.value;
    const Node& callee = call.children.front();
    const std::string path = torch_paste::dotted_name(callee);
    if (path.empty()) fail("expected an optimizer or scheduler constructor", call.pos);
    const std::size_t dot = path.rfind('.');
    const std::string cls = dot == std::string::npos ? path : path.substr(dot + 1);
    const std::string module = dot == std::string::npos ? "" : path.substr(0, dot);
    const Signature* sig = torch_paste::find_signature(cls);
    const bool optim_module = module.empty() || module == "torch.optim" || module == "optim";
    const bool sched_module = module.empty() || module == "torch.optim.lr_scheduler" || module == "optim.lr_scheduler" ||
                              module == "lr_scheduler";
    const auto has = [&cls](const std::vector<std::string>& v) { return std::find(v.begin(), v.end(), cls) != v.end(); };
    if (!sig) {
      if (has(torch_paste::missing_optimizers()))
        fail("torch.optim." + cls + " is not in AdamLab (it has " + joined(known_classes(false)) + ")", callee.pos);
      if (has(torch_paste::missing_schedulers()))
        fail("torch.optim.lr_scheduler." + cls + " is not in AdamLab (it has " + joined(known_classes(true)) + ")",
             callee.pos);
      std::vector<std::string> all = known_classes(false), scheds = known_classes(true);
      all.insert(all.end(), scheds.begin(), scheds.end());
      for (const auto& m : torch_paste::missing_optimizers()) all.push_back(m);
      for (const auto& m : torch_paste::missing_schedulers()) all.push_back(m);
      const std::string hint = suggestion(cls, all);
      if (!module.empty() && (optim_module || sched_module))
        fail("unknown class '" + path + "': not a torch.optim optimizer or lr_scheduler" + hint, callee.pos);
      fail("'" + path + "(...)' is not a torch.optim optimizer or lr_scheduler constructor" + hint, callee.pos);
    }
    if (sig->scheduler ? !sched_module : !optim_module)
      fail("'" + path + "' is not torch.optim" + (sig->scheduler ? ".lr_scheduler." : ".") + cls +
               " (write it as torch.optim" + (sig->scheduler ? ".lr_scheduler." : ".") + cls + ")",
           callee.pos);
    std::optional<Constructed>& slot = sig->scheduler ? scheduler_ : optimizer_;
    if (slot)
      fail(std::string("a second ") + (sig->scheduler ? "scheduler" : "optimizer") + " (AdamLab's run has one; the first is" +
               torch_paste::at(slot->pos) + ")",
           callee.pos);
    Constructed c;
    c.signature = sig;
    c.pos = callee.pos;
    if (s.has_target) {
      c.target = torch_paste::dotted_name(s.target);
      if (c.target.empty()) fail("only a name can be assigned an optimizer or scheduler", s.target.pos);
    }
    bind(call, c);
    slot = std::move(c);
  }

  // Python's argument binding, with Python's TypeError messages.
  void bind(const Node& call, Constructed& c) {
    const Signature& sig = *c.signature;
    const std::string fn = std::string(sig.torch_class) + "()";
    std::vector<const Node*> given(sig.params.size(), nullptr);
    std::vector<Pos> where(sig.params.size());
    std::size_t positional = 0;
    for (const auto& p : sig.params) positional += p.keyword_only ? 0 : 1;
    for (std::size_t i = 1; i < call.children.size(); ++i) {
      if (i - 1 >= positional) {
        std::size_t least = 0;
        for (const auto& p : sig.params) least += p.required && !p.keyword_only ? 1 : 0;
        // Python counts self: "Adam.__init__() takes from 2 to 7 positional arguments but 8 were given"
        fail(std::string(sig.torch_class) + ".__init__() takes from " + std::to_string(least + 1) + " to " +
                 std::to_string(positional + 1) + " positional arguments but " +
                 std::to_string(call.children.size()) + " were given",
             call.children[i].pos);
      }
      given[i - 1] = &call.children[i];
      where[i - 1] = call.children[i].pos;
    }
    for (std::size_t k = 0; k < call.keyword_names.size(); ++k) {
      const std::string& name = call.keyword_names[k];
      std::size_t j = 0;
      while (j < sig.params.size() && name != sig.params[j].name) ++j;
      if (j == sig.params.size()) {
        std::vector<std::string> names;
        for (const auto& p : sig.params) names.emplace_back(p.name);
        fail(fn + " got an unexpected keyword argument '" + name + "'" + suggestion(name, names), call.keyword_pos[k]);
      }
      if (given[j]) fail(fn + " got multiple values for argument '" + name + "'", call.keyword_pos[k]);
      given[j] = &call.keyword_values[k];
      where[j] = call.keyword_pos[k];
    }
    for (std::size_t j = 0; j < sig.params.size(); ++j) {
      if (given[j]) c.args.push_back({&sig.params[j], given[j], where[j]});
      else if (sig.params[j].required && sig.params[j].kind == Arg::number)  // SGD's lr=required
        fail(std::string("parameter group didn't specify a value of required optimization parameter ") +
                 sig.params[j].name,
             call.children.front().pos);
      else if (sig.params[j].required)
        fail(fn + " missing 1 required positional argument: '" + std::string(sig.params[j].name) + "'",
             call.children.front().pos);
    }
  }

  // The value of a literal expression; a name resolves to an earlier constant of the paste.
  // `lenient`: an unusable value (a string, a call) is kept as Type::other and refused only if used.
  Value value(const Node& n, bool lenient = false) {
    Value v;
    v.pos = n.pos;
    switch (n.kind) {
      case Kind::number: return number_literal(n);
      case Kind::name: {
        if (n.text == "True" || n.text == "False") {
          v.type = Value::Type::boolean;
          v.number = n.text == "True";
          v.repr = n.text;
          return v;
        }
        if (n.text == "None") {
          v.type = Value::Type::none;
          v.repr = "None";
          return v;
        }
        const auto it = bindings_.find(n.text);
        if (it == bindings_.end())
          fail("cannot resolve '" + n.text + "': write its value, or assign it a constant earlier in the paste", n.pos);
        if (it->second.type == Value::Type::other) fail("'" + n.text + "' is " + it->second.why_not, n.pos);
        Value bound = it->second;
        bound.pos = n.pos;
        return bound;
      }
      case Kind::negate:
      case Kind::plus: {
        Value x = value(n.children.front());
        if (x.type != Value::Type::integer && x.type != Value::Type::floating)
          fail("a sign applies to numbers only, not " + describe(x), n.pos);
        if (n.kind == Kind::negate) {
          x.number = -x.number;
          if (x.type == Value::Type::floating) x.repr = python_float(x.number);
          else x.repr = x.repr == "0" ? "0" : (x.repr[0] == '-' ? x.repr.substr(1) : "-" + x.repr);
        }
        x.pos = n.pos;
        return x;
      }
      case Kind::tuple:
      case Kind::list:
        v.type = Value::Type::sequence;
        for (const auto& c : n.children) v.items.push_back(value(c, lenient));
        return v;
      default: break;
    }
    v.why_not = n.kind == Kind::string ? "a string" : n.kind == Kind::call ? "a call" : n.kind == Kind::dict ? "a dict"
                                                                                                                : "an expression";
    if (!lenient) fail("unsupported value: " + v.why_not + " (write a number, True, False or None)", n.pos);
    return v;
  }

  Value number(const Bound& b) {
    Value v = value(*b.node);
    if (v.type != Value::Type::integer && v.type != Value::Type::floating)
      fail(std::string(b.param->name) + " must be a number, got " + describe(v), v.pos);
    return v;
  }

  bool flag(const Bound& b) {
    const Value v = value(*b.node);
    if (v.type != Value::Type::boolean) fail(std::string(b.param->name) + " must be True or False, got " + describe(v), v.pos);
    return v.number != 0;
  }

  void params_argument(const Node& n) {
    const auto is_group = [](const Node& x) { return x.kind == Kind::dict; };
    if (is_group(n) || ((n.kind == Kind::list || n.kind == Kind::tuple) &&
                        std::any_of(n.children.begin(), n.children.end(), is_group)))
      fail("parameter groups are not supported: an AdamLab run is one group (pass model.parameters())", n.pos);
    if (n.kind == Kind::number || n.kind == Kind::string)
      fail("the first argument is what to optimise (e.g. model.parameters()), not a value", n.pos);
  }

  Spec build(const Constructed& c, std::vector<std::string>& notes) {
    Spec spec;
    spec.name = c.signature->spec_name;
    for (const Bound& b : c.args) {
      const std::string name = b.param->name;
      switch (b.param->kind) {
        case Arg::params: params_argument(*b.node); break;
        case Arg::optimizer:
          if (torch_paste::dotted_name(*b.node).empty())
            fail("the scheduler's first argument must be the optimizer's variable (e.g. optimizer)", b.pos);
          break;
        case Arg::number:
        case Arg::integer: spec.set(name, number(b).repr); break;
        case Arg::strict_int: {
          const Value v = number(b);
          if (v.type != Value::Type::integer)
            fail(name == "T_0" ? "Expected positive integer T_0, but got " + v.repr
                               : "Expected integer " + name + " >= 1, but got " + v.repr,
                 v.pos);
          spec.set(name, v.repr);
          break;
        }
        case Arg::boolean: spec.set(name, format_bool(flag(b))); break;
        case Arg::betas: {
          const Value v = value(*b.node);
          if (v.type != Value::Type::sequence || v.items.size() != 2)
            fail("betas must be a pair of numbers like (0.9, 0.999), got " + describe(v), v.pos);
          for (const Value& x : v.items)
            if (x.type != Value::Type::integer && x.type != Value::Type::floating)
              fail("betas must be a pair of numbers, got " + describe(x), x.pos);
          spec.set("beta1", v.items[0].repr);
          spec.set("beta2", v.items[1].repr);
          break;
        }
        case Arg::foreach: {
          const Value v = value(*b.node);
          if (v.type == Value::Type::none) break;
          if (v.type != Value::Type::boolean) fail("foreach must be None, True or False, got " + describe(v), v.pos);
          if (v.number != 0)
            notes.push_back("foreach=True" + torch_paste::at(b.pos) +
                            ": torch's multi-tensor form of the same update; AdamLab computes the single-tensor one");
          break;
        }
        case Arg::capturable:
          if (flag(b))
            fail("capturable=True cannot run here: torch says \"If capturable=True, params and state_steps must be CUDA "
                 "tensors.\" and AdamLab computes torch's CPU kernel (remove it)",
                 b.pos);
          break;
        case Arg::fused:
          if (flag(b))
            fail("fused=True cannot run here: torch says \"FusedAdam requires all the params to be CUDA, floating "
                 "point\" and AdamLab computes torch's CPU kernel (remove it)",
                 b.pos);
          break;
        case Arg::differentiable:
          if (flag(b))
            fail("differentiable=True differentiates through the optimizer step, which AdamLab does not (remove it)",
                 b.pos);
          break;
        case Arg::last_epoch: {
          const Value v = number(b);
          if (!(v.type == Value::Type::integer && v.number == -1))
            fail("last_epoch=" + v.repr + " resumes a schedule from a checkpoint; AdamLab starts every run at step 0 "
                 "(leave last_epoch=-1)",
                 v.pos);
          break;
        }
        case Arg::verbose:
          if (flag(b)) notes.push_back("verbose=True" + torch_paste::at(b.pos) + ": only prints each lr; nothing changes here");
          break;
      }
    }
    return spec;
  }

  // The same validation as every entry point. A refused value is located by building the
  // arguments one by one in torch's order: the first prefix refused with the same message holds it.
  void check(const Constructed& c, const Spec& spec) const {
    const auto validate = [&c](const Spec& s) {
      if (c.signature->scheduler) make_scheduler(s);
      else make_optimizer(s);
    };
    try {
      validate(spec);
    } catch (const Error& e) {
      const std::string message = e.what();
      Spec prefix;
      prefix.name = spec.name;
      for (const Bound& b : c.args)
        if (b.param->required)
          for (const auto& kv : spec.params)
            if (kv.first == b.param->name) prefix.set(kv.first, kv.second);
      for (const Bound& b : c.args) {
        bool adds = false;
        for (const auto& kv : spec.params)
          if (kv.first == b.param->name || (b.param->kind == Arg::betas && (kv.first == "beta1" || kv.first == "beta2"))) {
            prefix.set(kv.first, kv.second);
            adds = true;
          }
        if (!adds) continue;
        try {
          validate(prefix);
        } catch (const Error& again) {
          if (message == again.what()) fail(message, b.pos);
        }
      }
      fail(message, c.pos);
    }
  }

  std::map<std::string, Value> bindings_;
  std::optional<Constructed> optimizer_, scheduler_;
};

}  // namespace

TorchPaste parse_torch_paste(const std::string& text) {
  if (text.size() > kMaxTorchPasteChars)
    throw Error("paste too long: " + std::to_string(text.size()) + " characters (at most " +
                std::to_string(kMaxTorchPasteChars) + ")");
  if (text.find('\0') != std::string::npos) throw Error("paste holds a NUL character");
  const std::vector<torch_paste::Token> tokens = torch_paste::tokenize(text);
  const std::vector<torch_paste::Statement> statements = torch_paste::parse_statements(tokens);
  if (statements.empty()) throw Error("empty paste: paste a torch.optim constructor, e.g. torch.optim.Adam(model.parameters(), lr=1e-3)");
  return Interpreter().run(statements, tokens.back().pos);
}

}  // namespace adamlab
