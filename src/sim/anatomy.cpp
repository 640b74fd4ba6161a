#include "sim/anatomy.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "core/error.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab {
namespace {

using V2 = Eigen::Vector2d;

double option(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return parse_number(kv.second, spec.name + " " + key);
  return 0.0;
}

bool flag(const Spec& spec, const std::string& key) {
  for (const auto& kv : spec.params)
    if (kv.first == key) return parse_bool(kv.second, spec.name + " " + key);
  return false;
}

V2 buffer(const OptimizerState& state, const std::string& name) {
  for (const auto& b : state.buffers)
    if (b.first == name && b.second.size() == 2) return {b.second[0], b.second[1]};
  return V2::Zero();
}

double state_scalar(const OptimizerState& state, const std::string& name) {
  for (const auto& s : state.scalars)
    if (s.first == name) return s.second;
  return 0.0;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

V2 sqrt2(const V2& v) { return v.array().sqrt().matrix(); }

class Builder {
 public:
  explicit Builder(StepAnatomy& a) : a_(a) {}
  void vec(const std::string& name, const V2& value, VectorRole role, const std::string& meaning) {
    a_.vectors.push_back({name, value, role, meaning});
  }
  void num(const std::string& name, double value, const std::string& meaning) {
    a_.scalars.push_back({name, value, meaning});
  }
  StepAnatomy& a_;
};

// The gradient the kernel works with: maximize negates it, L2 weight decay adds wd * p (torch
// order). Returns g and writes the vectors and the note's first clause.
V2 effective_gradient(Builder& b, const V2& grad, const V2& p, bool maximize, double wd, bool l2, std::string& note) {
  b.vec("grad", grad, VectorRole::gradient, "the loss gradient at p (noise included)");
  V2 g = maximize ? V2(-grad) : grad;
  note = maximize ? "maximize=true: the kernel uses -grad." : "The kernel uses grad as is.";
  if (l2 && wd != 0) {
    const V2 decay = wd * p;
    b.vec("weight_decay*p", decay, VectorRole::decay, "L2 weight decay, added to the gradient");
    g += decay;
    note += " L2 weight decay adds weight_decay*p to it before any averaging.";
  }
  b.vec("g", g, VectorRole::gradient, "the gradient the update uses");
  return g;
}

void explain_adam(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, std::int64_t t,
                  const OptimizerState& after, const AnatomyOptions& options, StepAnatomy& a) {
  const bool adamw = s.name == "adamw";
  const double b1 = option(s, "beta1"), b2 = option(s, "beta2"), eps = option(s, "eps"),
               wd = option(s, "weight_decay");
  const bool amsgrad = flag(s, "amsgrad");
  std::string note;
  effective_gradient(b, grad, p, flag(s, "maximize"), wd, !adamw, note);
  const V2 m = buffer(after, "exp_avg"), v = buffer(after, "exp_avg_sq");
  const V2 v_used = amsgrad ? buffer(after, "max_exp_avg_sq") : v;
  const double td = static_cast<double>(t);
  const double bc1 = 1 - std::pow(b1, td), bc2 = 1 - std::pow(b2, td);
  b.vec("exp_avg", m, VectorRole::moment, "m = beta1*m + (1-beta1)*g");
  b.vec("exp_avg_sq", v, VectorRole::moment, "v = beta2*v + (1-beta2)*g^2");
  if (amsgrad) b.vec("max_exp_avg_sq", v_used, VectorRole::moment, "max of every v so far (AMSGrad)");
  b.num("t", td, "step number");
  b.num("lr", lr, "learning rate of this step");
  b.num("beta1", b1, "");
  b.num("beta2", b2, "");
  b.num("eps", eps, "");
  b.num("weight_decay", wd, adamw ? "decoupled" : "L2");
  b.num("bias_correction1", bc1, "1 - beta1^t");
  b.num("bias_correction2", bc2, "1 - beta2^t");
  if (options.bias_correction) {
    const V2 m_hat = m / bc1, v_hat = v_used / bc2;
    // torch divides by sqrt(v)/sqrt(bc2) + eps, which equals sqrt(v_hat) + eps up to rounding.
    const V2 denom = (sqrt2(v_used) / std::sqrt(bc2)).array() + eps;
    const V2 scaling = denom.cwiseInverse();
    b.vec("m_hat", m_hat, VectorRole::moment, "exp_avg / (1 - beta1^t)");
    b.vec("v_hat", v_hat, VectorRole::moment, std::string(amsgrad ? "max_exp_avg_sq" : "exp_avg_sq") + " / (1 - beta2^t)");
    b.vec("scaling", scaling, VectorRole::scaling, "1 / (sqrt(v_hat) + eps)");
    b.vec("effective_lr", lr * scaling, VectorRole::scaling, "lr / (sqrt(v_hat) + eps), per coordinate");
    b.num("step_size", lr / bc1, "lr / (1 - beta1^t)");
    b.vec("adam_update", V2(-(lr * m_hat).cwiseProduct(scaling)), VectorRole::step, "-lr * m_hat / (sqrt(v_hat) + eps)");
  } else {
    const V2 denom = sqrt2(v_used).array() + eps;
    b.vec("scaling", denom.cwiseInverse(), VectorRole::scaling, "1 / (sqrt(v) + eps), NO bias correction");
    b.vec("effective_lr", lr * denom.cwiseInverse(), VectorRole::scaling, "lr / (sqrt(v) + eps), NO bias correction");
    const V2 update = -(lr * m).cwiseQuotient(denom);
    b.vec("adam_update", update, VectorRole::step, "-lr * m / (sqrt(v) + eps), NO bias correction");
    a.step = update;
    if (adamw) a.step += -(lr * wd) * p;
    a.next_position = p + a.step;
    a.torch_exact = false;
  }
  if (adamw && wd != 0) {
    b.vec("decoupled_decay", -(lr * wd) * p, VectorRole::decay, "p *= 1 - lr*weight_decay, outside the scaling");
    note += " AdamW decays p directly by lr*weight_decay*p, outside the Adam scaling.";
  }
  if (!options.bias_correction)
    note += " NOT PyTorch: this view drops bias correction (m and v used raw) to show why it exists.";
  a.note = note;
}

void explain_sgd(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, const OptimizerState& after,
                 StepAnatomy& a) {
  const double mom = option(s, "momentum"), damp = option(s, "dampening"), wd = option(s, "weight_decay");
  const bool nesterov = flag(s, "nesterov");
  std::string note;
  const V2 g = effective_gradient(b, grad, p, flag(s, "maximize"), wd, true, note);
  b.num("lr", lr, "learning rate of this step");
  b.num("momentum", mom, "");
  b.num("dampening", damp, "");
  V2 direction = g;
  if (mom != 0) {
    const V2 buf = buffer(after, "momentum_buffer");
    b.vec("momentum_buffer", buf, VectorRole::moment,
          after.step == 1 ? "first step: buf = g" : "buf = momentum*buf + (1-dampening)*g");
    if (nesterov) {
      direction = g + mom * buf;
      b.vec("nesterov", direction, VectorRole::moment, "look-ahead: g + momentum*buf");
      note += " Nesterov steps along g + momentum*buf.";
    } else {
      direction = buf;
    }
  }
  b.vec("update", -lr * direction, VectorRole::step, "-lr * direction");
  a.note = note;
}

void explain_rmsprop(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, const OptimizerState& after,
                     StepAnatomy& a) {
  const double alpha = option(s, "alpha"), eps = option(s, "eps"), wd = option(s, "weight_decay"),
               mom = option(s, "momentum");
  const bool centered = flag(s, "centered");
  std::string note;
  const V2 g = effective_gradient(b, grad, p, flag(s, "maximize"), wd, true, note);
  const V2 sq = buffer(after, "square_avg");
  b.vec("square_avg", sq, VectorRole::moment, "alpha*square_avg + (1-alpha)*g^2");
  V2 var = sq;
  if (centered) {
    const V2 ga = buffer(after, "grad_avg");
    b.vec("grad_avg", ga, VectorRole::moment, "alpha*grad_avg + (1-alpha)*g (centered)");
    var = sq - ga.cwiseProduct(ga);
    note += " Centered: divides by the root of the gradient's variance estimate.";
  }
  const V2 denom = sqrt2(var).array() + eps;
  b.vec("scaling", denom.cwiseInverse(), VectorRole::scaling, "1 / (sqrt(avg) + eps)");
  b.vec("effective_lr", lr * denom.cwiseInverse(), VectorRole::scaling, "lr / (sqrt(avg) + eps), per coordinate");
  b.num("lr", lr, "learning rate of this step");
  b.num("alpha", alpha, "");
  b.num("eps", eps, "");
  if (mom > 0) {
    const V2 buf = buffer(after, "momentum_buffer");
    b.vec("momentum_buffer", buf, VectorRole::moment, "momentum*buf + g / (sqrt(avg) + eps)");
    b.vec("update", -lr * buf, VectorRole::step, "-lr * momentum_buffer");
  } else {
    b.vec("update", -lr * g.cwiseQuotient(denom), VectorRole::step, "-lr * g / (sqrt(avg) + eps)");
  }
  a.note = note;
}

void explain_adagrad(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, std::int64_t t,
                     const OptimizerState& after, StepAnatomy& a) {
  const double lr_decay = option(s, "lr_decay"), eps = option(s, "eps"), wd = option(s, "weight_decay");
  std::string note;
  const V2 g = effective_gradient(b, grad, p, flag(s, "maximize"), wd, true, note);
  const double clr = lr / (1 + (static_cast<double>(t) - 1) * lr_decay);
  const V2 sum = buffer(after, "sum");
  const V2 denom = sqrt2(sum).array() + eps;
  b.vec("sum", sum, VectorRole::moment, "sum of every g^2 so far");
  b.vec("scaling", denom.cwiseInverse(), VectorRole::scaling, "1 / (sqrt(sum) + eps)");
  b.vec("effective_lr", clr * denom.cwiseInverse(), VectorRole::scaling, "clr / (sqrt(sum) + eps)");
  b.vec("update", -clr * g.cwiseQuotient(denom), VectorRole::step, "-clr * g / (sqrt(sum) + eps)");
  b.num("lr", lr, "learning rate of this step");
  b.num("clr", clr, "lr / (1 + (t-1)*lr_decay)");
  b.num("eps", eps, "");
  a.note = note + " The sum only grows, so every step is smaller than it would have been before.";
}

void explain_adadelta(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, const OptimizerState& before,
                      const OptimizerState& after, StepAnatomy& a) {
  const double rho = option(s, "rho"), eps = option(s, "eps"), wd = option(s, "weight_decay");
  std::string note;
  const V2 g = effective_gradient(b, grad, p, flag(s, "maximize"), wd, true, note);
  const V2 sq = buffer(after, "square_avg"), acc_before = buffer(before, "acc_delta");
  const V2 ratio = sqrt2(V2(acc_before.array() + eps)).cwiseQuotient(sqrt2(V2(sq.array() + eps)));
  b.vec("square_avg", sq, VectorRole::moment, "rho*square_avg + (1-rho)*g^2");
  b.vec("acc_delta (before)", acc_before, VectorRole::moment, "average of squared past updates");
  b.vec("scaling", ratio, VectorRole::scaling, "sqrt(acc_delta + eps) / sqrt(square_avg + eps)");
  const V2 delta = ratio.cwiseProduct(g);
  b.vec("delta", delta, VectorRole::moment, "scaling * g");
  b.vec("acc_delta", buffer(after, "acc_delta"), VectorRole::moment, "rho*acc_delta + (1-rho)*delta^2");
  b.vec("update", -lr * delta, VectorRole::step, "-lr * delta");
  b.num("lr", lr, "learning rate of this step");
  b.num("rho", rho, "");
  b.num("eps", eps, "");
  a.note = note + " The ratio of past update size to gradient size gives the step its units.";
}

void explain_adamax(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, std::int64_t t,
                    const OptimizerState& after, StepAnatomy& a) {
  const double b1 = option(s, "beta1"), eps = option(s, "eps"), wd = option(s, "weight_decay");
  std::string note;
  effective_gradient(b, grad, p, flag(s, "maximize"), wd, true, note);
  const V2 m = buffer(after, "exp_avg"), u = buffer(after, "exp_inf");
  const double bc = 1 - std::pow(b1, static_cast<double>(t)), clr = lr / bc;
  b.vec("exp_avg", m, VectorRole::moment, "beta1*m + (1-beta1)*g");
  b.vec("exp_inf", u, VectorRole::moment, "max(beta2*exp_inf, |g| + eps)");
  b.vec("scaling", u.cwiseInverse(), VectorRole::scaling, "1 / exp_inf");
  b.vec("effective_lr", clr * u.cwiseInverse(), VectorRole::scaling, "clr / exp_inf");
  b.vec("update", -clr * m.cwiseQuotient(u), VectorRole::step, "-clr * exp_avg / exp_inf");
  b.num("lr", lr, "learning rate of this step");
  b.num("bias_correction", bc, "1 - beta1^t");
  b.num("clr", clr, "lr / (1 - beta1^t)");
  b.num("eps", eps, "added to |g| inside exp_inf");
  a.note = note;
}

void explain_nadam(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, std::int64_t t,
                   const OptimizerState& after, StepAnatomy& a) {
  const double b1 = option(s, "beta1"), b2 = option(s, "beta2"), eps = option(s, "eps"),
               wd = option(s, "weight_decay"), md = option(s, "momentum_decay");
  std::string note;
  const V2 g = effective_gradient(b, grad, p, false, wd, true, note);
  const double td = static_cast<double>(t);
  const double mu = b1 * (1. - 0.5 * std::pow(0.96, td * md));
  const double mu_next = b1 * (1. - 0.5 * std::pow(0.96, (td + 1) * md));
  const double mu_product = state_scalar(after, "mu_product");
  const double mu_product_next = mu_product * mu * mu_next;  // as torch 1.13 computes it
  const double bc2 = 1 - std::pow(b2, td);
  const V2 m = buffer(after, "exp_avg"), v = buffer(after, "exp_avg_sq");
  const V2 denom = sqrt2(V2(v / bc2)).array() + eps;
  b.vec("exp_avg", m, VectorRole::moment, "beta1*m + (1-beta1)*g");
  b.vec("exp_avg_sq", v, VectorRole::moment, "beta2*v + (1-beta2)*g^2");
  b.vec("scaling", denom.cwiseInverse(), VectorRole::scaling, "1 / (sqrt(v / (1-beta2^t)) + eps)");
  b.vec("gradient_term", -(lr * (1. - mu) / (1. - mu_product)) * g.cwiseQuotient(denom), VectorRole::step,
        "-lr*(1-mu_t)/(1-mu_product) * g / denom");
  b.vec("momentum_term", -(lr * mu_next / (1. - mu_product_next)) * m.cwiseQuotient(denom), VectorRole::step,
        "-lr*mu_{t+1}/(1-mu_product_next) * m / denom");
  b.num("lr", lr, "learning rate of this step");
  b.num("mu_t", mu, "beta1*(1 - 0.5*0.96^(t*momentum_decay))");
  b.num("mu_next", mu_next, "mu_{t+1}");
  b.num("mu_product", mu_product, "product of mu_1..mu_t");
  b.num("bias_correction2", bc2, "1 - beta2^t");
  a.note = note + " NAdam's step is a gradient term plus a look-ahead momentum term.";
}

void explain_radam(Builder& b, const Spec& s, const V2& p, const V2& grad, double lr, std::int64_t t,
                   const OptimizerState& after, StepAnatomy& a) {
  const double b1 = option(s, "beta1"), b2 = option(s, "beta2"), eps = option(s, "eps"),
               wd = option(s, "weight_decay");
  std::string note;
  effective_gradient(b, grad, p, false, wd, true, note);
  const double td = static_cast<double>(t);
  const double bc1 = 1 - std::pow(b1, td), bc2 = 1 - std::pow(b2, td);
  const V2 m = buffer(after, "exp_avg"), v = buffer(after, "exp_avg_sq");
  const V2 m_hat = m / bc1;
  const double rho_inf = 2 / (1 - b2) - 1;
  const double rho_t = rho_inf - 2 * td * std::pow(b2, td) / bc2;
  const bool rectified = rho_t > 5.;
  b.vec("exp_avg", m, VectorRole::moment, "beta1*m + (1-beta1)*g");
  b.vec("exp_avg_sq", v, VectorRole::moment, "beta2*v + (1-beta2)*g^2");
  b.vec("m_hat", m_hat, VectorRole::moment, "exp_avg / (1 - beta1^t)");
  b.num("lr", lr, "learning rate of this step");
  b.num("rho_inf", rho_inf, "2/(1-beta2) - 1");
  b.num("rho_t", rho_t, "rho_inf - 2 t beta2^t / (1-beta2^t)");
  b.num("rectification", rectified ? 1.0 : 0.0, "1 when rho_t > 5 (adaptive step), else 0 (plain momentum)");
  if (rectified) {
    const double rect = std::sqrt((rho_t - 4) * (rho_t - 2) * rho_inf / ((rho_inf - 4) * (rho_inf - 2) * rho_t));
    const V2 adaptive = (sqrt2(v).array() + eps).inverse().matrix() * std::sqrt(bc2);
    b.num("rect", rect, "variance rectification term r_t");
    b.vec("scaling", adaptive, VectorRole::scaling, "sqrt(1-beta2^t) / (sqrt(v) + eps)");
    b.vec("update", -(lr * rect) * m_hat.cwiseProduct(adaptive), VectorRole::step, "-lr * r_t * m_hat * scaling");
    note += " rho_t > 5: the variance of v_hat is tractable, so RAdam takes the rectified adaptive step.";
  } else {
    b.vec("update", -lr * m_hat, VectorRole::step, "-lr * m_hat (no adaptive scaling)");
    note += " rho_t <= 5: too few steps to trust v_hat, so RAdam steps like SGD with momentum.";
  }
  a.note = note;
}

}  // namespace

const char* to_string(VectorRole role) {
  switch (role) {
    case VectorRole::gradient: return "gradient";
    case VectorRole::moment: return "moment";
    case VectorRole::scaling: return "scaling";
    case VectorRole::step: return "step";
    case VectorRole::decay: return "decay";
  }
  return "";
}

const NamedVector* StepAnatomy::vector(const std::string& name) const {
  for (const auto& v : vectors)
    if (v.name == name) return &v;
  return nullptr;
}

const NamedScalar* StepAnatomy::scalar(const std::string& name) const {
  for (const auto& s : scalars)
    if (s.name == name) return &s;
  return nullptr;
}

StepAnatomy explain_next_step(const Run& run, const AnatomyOptions& options) {
  StepAnatomy a;
  const Spec spec = run.optimizer().spec();
  const OptimizerState before = run.optimizer().state();
  const V2 p = run.position(), grad = run.gradient();
  const double lr = run.lr();
  Run copy(run);
  copy.step();
  const OptimizerState after = copy.optimizer().state();
  a.optimizer = spec.name;
  a.t = after.step;
  a.position = p;
  a.next_position = copy.position();
  a.step = a.next_position - p;
  Builder b(a);
  const std::string& n = spec.name;
  if (n == "adam" || n == "adamw")
    explain_adam(b, spec, p, grad, lr, a.t, after, options, a);
  else if (n == "sgd")
    explain_sgd(b, spec, p, grad, lr, after, a);
  else if (n == "rmsprop")
    explain_rmsprop(b, spec, p, grad, lr, after, a);
  else if (n == "adagrad")
    explain_adagrad(b, spec, p, grad, lr, a.t, after, a);
  else if (n == "adadelta")
    explain_adadelta(b, spec, p, grad, lr, before, after, a);
  else if (n == "adamax")
    explain_adamax(b, spec, p, grad, lr, a.t, after, a);
  else if (n == "nadam")
    explain_nadam(b, spec, p, grad, lr, a.t, after, a);
  else if (n == "radam")
    explain_radam(b, spec, p, grad, lr, a.t, after, a);
  else
    a.note = "No anatomy for " + n + " yet: only the step is shown.";
  b.vec("step", a.step, VectorRole::step,
        a.torch_exact ? "the real next update (new p - p)" : "the update WITHOUT bias correction (NOT PyTorch)");
  return a;
}

std::vector<V2> simulate_without_bias_correction(const Problem& problem, V2 start, const Spec& optimizer,
                                                 std::int64_t steps, const GradientNoise& noise) {
  const Spec s = make_optimizer(optimizer)->spec();  // validates, fills defaults
  if (s.name != "adam" && s.name != "adamw")
    throw Error("no bias correction to drop for " + s.name + " (adam and adamw only)");
  if (steps < 0) throw Error("invalid step count: " + std::to_string(steps));
  const bool adamw = s.name == "adamw", amsgrad = flag(s, "amsgrad"), maximize = flag(s, "maximize");
  const double lr = option(s, "lr"), b1 = option(s, "beta1"), b2 = option(s, "beta2"), eps = option(s, "eps"),
               wd = option(s, "weight_decay");
  std::vector<V2> points{start};
  points.reserve(static_cast<std::size_t>(steps) + 1);
  V2 p = start, m = V2::Zero(), v = V2::Zero(), v_max = V2::Zero();
  for (std::int64_t k = 1; k <= steps; ++k) {
    V2 g = problem.gradient(p[0], p[1]);
    if (noise.enabled())
      for (int i = 0; i < 2; ++i) g[i] = noise.apply(g[i], noise.scale(k, i));
    if (maximize) g = -g;
    if (adamw)
      p *= 1 - lr * wd;
    else if (wd != 0)
      g += wd * p;
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g.cwiseProduct(g);
    if (amsgrad) v_max = v_max.cwiseMax(v);
    const V2 denom = sqrt2(amsgrad ? v_max : v).array() + eps;
    p -= lr * m.cwiseQuotient(denom);
    points.push_back(p);
  }
  return points;
}

std::string diagnose_divergence(const Run& run) {
  const V2 p = run.position();
  if (!p.allFinite()) return "The run is already at a non-finite point, so there is no finite step left to diagnose.";
  const Problem& problem = run.problem();
  const V2 g = problem.gradient(p[0], p[1]);
  if (!g.allFinite())
    return "At (" + fmt(p[0]) + ", " + fmt(p[1]) +
           ") the gradient itself overflows, so no step from here can be finite: earlier steps had already carried "
           "the run too far out.";
  const StepAnatomy a = explain_next_step(run);
  const double s = a.step.norm();
  const double gnorm = g.norm();
  double length_scale = std::numeric_limits<double>::infinity();
  if (gnorm > 0) {
    const V2 u = g / gnorm;
    const double h = 1e-6 * std::max(1.0, p.norm());
    const V2 gp = problem.gradient(p[0] + h * u[0], p[1] + h * u[1]);
    const V2 gm = problem.gradient(p[0] - h * u[0], p[1] - h * u[1]);
    const double curvature = ((gp - gm) / (2 * h)).norm();
    if (curvature > 0 && std::isfinite(curvature)) length_scale = gnorm / curvature;
  }
  const std::string step_text = std::isfinite(s) ? fmt(s) : "infinite";
  // eps dominating a collapsed v_hat: an adaptive method whose denominator is mostly eps.
  const NamedVector* v_hat = a.vector("v_hat");
  const NamedScalar* eps = a.scalar("eps");
  if (v_hat && eps) {
    for (int i = 0; i < 2; ++i) {
      const double root = std::sqrt(v_hat->value[i]);
      if (root < eps->value && std::abs(a.step[i]) > length_scale) {
        return "At step " + std::to_string(a.t) + " sqrt(v_hat) had collapsed to " + fmt(root) + ", below eps = " +
               fmt(eps->value) + ", so eps, not the gradient, set the step length (" + step_text +
               ") and the update was no longer normalised.";
      }
    }
  }
  if (s > length_scale) {
    return "The last finite step (length " + step_text + ") was " + (std::isfinite(s) ? fmt(s / length_scale) : "infinitely many") +
           " times the local length scale |g|/|Hg| = " + fmt(length_scale) +
           ": it overshoots the curvature and lands farther up the opposite side, where the gradient is larger "
           "still, so the learning rate is too large for this landscape.";
  }
  return "The last finite step (length " + step_text + ") was within the local length scale |g|/|Hg| = " +
         fmt(length_scale) + ", so the blow-up comes from the landscape itself: this far out (|p| = " + fmt(p.norm()) +
         ") its values overflow.";
}

Run replay_run(const Scene& scene, const SceneRun& r, std::int64_t steps) {
  std::shared_ptr<const Problem> problem(make_problem(parse_spec(scene.problem_spec())));
  std::unique_ptr<Scheduler> scheduler;
  if (!r.scheduler.empty()) scheduler = make_scheduler(parse_spec(r.scheduler));
  Run run(problem, scene.start(), make_optimizer(r.optimizer), std::move(scheduler), r.run.noise());
  for (std::int64_t k = 0; k < steps; ++k) run.step();
  return run;
}

std::string diagnose_divergence(const Scene& scene, int run_id) {
  const SceneRun* r = scene.find(run_id);
  if (!r || !r->run.diverged()) return "";
  return diagnose_divergence(replay_run(scene, *r, std::max<std::int64_t>(0, r->run.diverged_at() - 1)));
}

}  // namespace adamlab
