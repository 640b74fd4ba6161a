#include "sim/update_equations.h"

#include <cmath>
#include <memory>

#include "core/error.h"
#include "optim/optimizer.h"

namespace adamlab {
namespace {

// One line, built left to right: plain text and terms (anatomy vector names).
class Line {
 public:
  Line& t(const std::string& text) { return add(text, ""); }
  Line& v(const std::string& text, const std::string& term) { return add(text, term); }
  operator EquationLine() const { return line_; }

 private:
  Line& add(const std::string& text, const std::string& term) {
    if (!line_.segments.empty() && line_.segments.back().term == term)
      line_.segments.back().text += text;
    else
      line_.segments.push_back({text, term});
    return *this;
  }
  EquationLine line_;
};

const std::string* value_of(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

double number(const Spec& spec, const std::string& key) {
  const std::string* v = value_of(spec, key);
  return v ? parse_number(*v, spec.name + " " + key) : 0.0;
}

bool flag(const Spec& spec, const std::string& key) {
  const std::string* v = value_of(spec, key);
  return v && parse_bool(*v, spec.name + " " + key);
}

// Every option present, torch's defaults filled in, and the spec validated.
Spec full_spec(const Spec& spec) { return make_optimizer(spec)->spec(); }

using Lines = std::vector<EquationLine>;

// torch's first lines of every kernel: maximize negates grad, L2 weight decay adds λ·p.
void gradient_lines(Lines& out, const Spec& s, bool l2) {
  out.push_back(Line().v("g", "g").t(" ← ").v(flag(s, "maximize") ? "-grad" : "grad", "grad"));
  if (l2 && number(s, "weight_decay") != 0) out.push_back(Line().v("g", "g").t(" ← ").v("g", "g").t(" + ").v("λ·p", "weight_decay*p"));
}

void first_moment(Lines& out) {
  out.push_back(Line().v("m", "exp_avg").t(" ← β₁·").v("m", "exp_avg").t(" + (1 - β₁)·").v("g", "g"));
}

void second_moment(Lines& out) {
  out.push_back(Line().v("v", "exp_avg_sq").t(" ← β₂·").v("v", "exp_avg_sq").t(" + (1 - β₂)·").v("g", "g").t("²"));
}

Lines adam(const Spec& s, const EquationOptions& o) {
  const bool adamw = s.name == "adamw", amsgrad = flag(s, "amsgrad");
  Lines out;
  gradient_lines(out, s, !adamw);
  if (adamw && number(s, "weight_decay") != 0) out.push_back(Line().t("p ← p").v("·(1 - lr·λ)", "decoupled_decay"));
  first_moment(out);
  second_moment(out);
  const std::string v_name = amsgrad ? "v_max" : "v", v_term = amsgrad ? "max_exp_avg_sq" : "exp_avg_sq";
  if (amsgrad)
    out.push_back(Line().v("v_max", "max_exp_avg_sq").t(" ← max(").v("v_max", "max_exp_avg_sq").t(", ").v("v", "exp_avg_sq").t(")"));
  if (o.bias_correction) {
    out.push_back(Line().v("denom", "scaling").t(" ← √").v(v_name, v_term).t(" / √(1 - β₂^t) + ε"));
    out.push_back(Line().t("p ← p ").v("- lr/(1 - β₁^t)·", "adam_update").v("m", "exp_avg").t(" / ").v("denom", "scaling"));
  } else {
    out.push_back(Line().v("denom", "scaling").t(" ← √").v(v_name, v_term).t(" + ε"));
    out.push_back(Line().t("p ← p ").v("- lr·", "adam_update").v("m", "exp_avg").t(" / ").v("denom", "scaling"));
    out.push_back(Line().t("(bias correction off: NOT PyTorch)"));
  }
  return out;
}

Lines sgd(const Spec& s, const EquationOptions& o) {
  Lines out;
  gradient_lines(out, s, true);
  if (number(s, "momentum") == 0) {
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("g", "g"));
    return out;
  }
  // torch starts the buffer as a copy of g: dampening does not apply to the first step.
  if (o.t <= 1)
    out.push_back(Line().v("buf", "momentum_buffer").t(" ← ").v("g", "g").t("   (first step)"));
  else
    out.push_back(Line().v("buf", "momentum_buffer").t(" ← μ·").v("buf", "momentum_buffer").t(" + (1 - τ)·").v("g", "g"));
  if (flag(s, "nesterov")) {
    out.push_back(Line().v("d", "nesterov").t(" ← ").v("g", "g").t(" + μ·").v("buf", "momentum_buffer"));
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("d", "nesterov"));
  } else {
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("buf", "momentum_buffer"));
  }
  return out;
}

Lines rmsprop(const Spec& s) {
  Lines out;
  gradient_lines(out, s, true);
  out.push_back(Line().v("s", "square_avg").t(" ← α·").v("s", "square_avg").t(" + (1 - α)·").v("g", "g").t("²"));
  if (flag(s, "centered")) {
    out.push_back(Line().v("g_avg", "grad_avg").t(" ← α·").v("g_avg", "grad_avg").t(" + (1 - α)·").v("g", "g"));
    out.push_back(Line().v("denom", "scaling").t(" ← √(").v("s", "square_avg").t(" - ").v("g_avg", "grad_avg").t("²) + ε"));
  } else {
    out.push_back(Line().v("denom", "scaling").t(" ← √").v("s", "square_avg").t(" + ε"));
  }
  if (number(s, "momentum") > 0) {
    out.push_back(Line().v("buf", "momentum_buffer").t(" ← μ·").v("buf", "momentum_buffer").t(" + ").v("g", "g").t(" / ").v("denom", "scaling"));
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("buf", "momentum_buffer"));
  } else {
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("g", "g").t(" / ").v("denom", "scaling"));
  }
  return out;
}

Lines adagrad(const Spec& s) {
  Lines out;
  gradient_lines(out, s, true);
  const bool decay = number(s, "lr_decay") != 0;
  if (decay) out.push_back(Line().t("clr ← lr / (1 + (t - 1)·η)"));
  out.push_back(Line().v("sum", "sum").t(" ← ").v("sum", "sum").t(" + ").v("g", "g").t("²"));
  out.push_back(Line().v("std", "scaling").t(" ← √").v("sum", "sum").t(" + ε"));
  out.push_back(Line().t("p ← p ").v(decay ? "- clr·" : "- lr·", "update").v("g", "g").t(" / ").v("std", "scaling"));
  return out;
}

Lines adadelta(const Spec& s) {
  Lines out;
  gradient_lines(out, s, true);
  out.push_back(Line().v("s", "square_avg").t(" ← ρ·").v("s", "square_avg").t(" + (1 - ρ)·").v("g", "g").t("²"));
  out.push_back(Line().v("δ", "delta").t(" ← ").v("√(", "scaling").v("acc", "acc_delta (before)").v(" + ε) / √(", "scaling")
                    .v("s", "square_avg").v(" + ε)", "scaling").t("·").v("g", "g"));
  out.push_back(Line().v("acc", "acc_delta").t(" ← ρ·").v("acc", "acc_delta").t(" + (1 - ρ)·").v("δ", "delta").t("²"));
  out.push_back(Line().t("p ← p ").v("- lr·", "update").v("δ", "delta"));
  return out;
}

Lines adamax(const Spec& s) {
  Lines out;
  gradient_lines(out, s, true);
  first_moment(out);
  out.push_back(Line().v("u", "exp_inf").t(" ← max(β₂·").v("u", "exp_inf").t(", |").v("g", "g").t("| + ε)"));
  out.push_back(Line().t("p ← p ").v("- lr/(1 - β₁^t)·", "update").v("m", "exp_avg").t(" / ").v("u", "exp_inf"));
  return out;
}

Lines nadam(const Spec& s) {
  Lines out;
  gradient_lines(out, s, true);
  out.push_back(Line().t("μ_t ← β₁·(1 - 0.5·0.96^(t·ψ))"));
  out.push_back(Line().t("μ_t+1 ← β₁·(1 - 0.5·0.96^((t+1)·ψ))"));
  out.push_back(Line().t("μ_prod ← μ_prod·μ_t"));
  first_moment(out);
  second_moment(out);
  out.push_back(Line().v("denom", "scaling").t(" ← √(").v("v", "exp_avg_sq").t(" / (1 - β₂^t)) + ε"));
  out.push_back(Line().t("p ← p ").v("- lr·(1 - μ_t)/(1 - μ_prod)·", "gradient_term").v("g", "g").t(" / ").v("denom", "scaling"));
  out.push_back(Line().t("p ← p ").v("- lr·μ_t+1/(1 - μ_prod·μ_t+1)·", "momentum_term").v("m", "exp_avg").t(" / ").v("denom", "scaling"));
  return out;
}

// rho_t as torch 1.13's _single_tensor_radam computes it.
double radam_rho_t(double beta2, std::int64_t t) {
  const double td = static_cast<double>(t), bc2 = 1 - std::pow(beta2, td);
  const double rho_inf = 2 / (1 - beta2) - 1;
  return rho_inf - 2 * td * std::pow(beta2, td) / bc2;
}

Lines radam(const Spec& s, const EquationOptions& o) {
  Lines out;
  gradient_lines(out, s, true);
  first_moment(out);
  second_moment(out);
  out.push_back(Line().v("m_hat", "m_hat").t(" ← ").v("m", "exp_avg").t(" / (1 - β₁^t)"));
  out.push_back(Line().t("ρ_t ← ρ_inf - 2t·β₂^t / (1 - β₂^t),  ρ_inf = 2/(1 - β₂) - 1"));
  if (radam_rho_t(number(s, "beta2"), o.t) > 5) {
    out.push_back(Line().t("ρ_t > 5: the rectified adaptive step"));
    out.push_back(Line().t("r ← √((ρ_t - 4)(ρ_t - 2)ρ_inf / ((ρ_inf - 4)(ρ_inf - 2)ρ_t))"));
    out.push_back(Line().v("a", "scaling").t(" ← √(1 - β₂^t) / (√").v("v", "exp_avg_sq").t(" + ε)"));
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("m_hat", "m_hat").t("·").v("a", "scaling").t("·r"));
  } else {
    out.push_back(Line().t("ρ_t ≤ 5: no adaptive step yet (like momentum SGD)"));
    out.push_back(Line().t("p ← p ").v("- lr·", "update").v("m_hat", "m_hat"));
  }
  return out;
}

struct Symbol {
  const char* glyph;
  const char* key;
};

}  // namespace

std::string EquationLine::text() const {
  std::string out;
  for (const auto& s : segments) out += s.text;
  return out;
}

std::vector<EquationLine> update_equations(const Spec& optimizer, const EquationOptions& options) {
  const Spec s = full_spec(optimizer);
  const std::string& n = s.name;
  if (n == "adam" || n == "adamw") return adam(s, options);
  if (n == "sgd") return sgd(s, options);
  if (n == "rmsprop") return rmsprop(s);
  if (n == "adagrad") return adagrad(s);
  if (n == "adadelta") return adadelta(s);
  if (n == "adamax") return adamax(s);
  if (n == "nadam") return nadam(s);
  if (n == "radam") return radam(s, options);
  return {};
}

std::string equation_symbols(const Spec& optimizer) {
  const Spec s = full_spec(optimizer);
  const std::string& n = s.name;
  std::vector<Symbol> symbols;
  if (n == "adam" || n == "adamw" || n == "adamax" || n == "nadam" || n == "radam")
    symbols = {{"β₁", "beta1"}, {"β₂", "beta2"}, {"ε", "eps"}};
  else if (n == "sgd" && number(s, "momentum") != 0)
    symbols = {{"μ", "momentum"}, {"τ", "dampening"}};
  else if (n == "rmsprop")
    symbols = {{"α", "alpha"}, {"ε", "eps"}, {"μ", "momentum"}};
  else if (n == "adagrad")
    symbols = {{"η", "lr_decay"}, {"ε", "eps"}};
  else if (n == "adadelta")
    symbols = {{"ρ", "rho"}, {"ε", "eps"}};
  if (n == "nadam") symbols.push_back({"ψ", "momentum_decay"});
  if (s.has("weight_decay") && (n == "adamw" || number(s, "weight_decay") != 0)) symbols.push_back({"λ", "weight_decay"});
  std::string out;
  for (const auto& sym : symbols) {
    // Symbols whose option is off (momentum 0, lr_decay 0) appear in no line.
    if ((std::string(sym.key) == "momentum" || std::string(sym.key) == "lr_decay") && number(s, sym.key) == 0) continue;
    const std::string* v = value_of(s, sym.key);
    if (!v) continue;
    out += (out.empty() ? "" : "   ") + std::string(sym.glyph) + " = " + *v;
  }
  return out;
}

const std::vector<char32_t> kEquationCodePoints = {
    0x00B2,  // ² superscript two
    0x00B7,  // · middle dot
    0x03B1,  // α
    0x03B2,  // β
    0x03B4,  // δ
    0x03B5,  // ε
    0x03B7,  // η
    0x03BB,  // λ
    0x03BC,  // μ
    0x03C1,  // ρ
    0x03C4,  // τ
    0x03C8,  // ψ
    0x2081,  // ₁ subscript one
    0x2082,  // ₂ subscript two
    0x2190,  // ← leftwards arrow
    0x221A,  // √ square root
    0x2264,  // ≤ less-than or equal to
};

}  // namespace adamlab
