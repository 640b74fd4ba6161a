#include "optim/nadam.h"

namespace adamlab {

// torch.optim.NAdam.__init__: the same checks, in the same order, with the same messages.
void validate(const NadamOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.beta1 && o.beta1 < 1.0, o.beta1, "Invalid beta parameter at index 0: ", text, "beta1");
  require(0.0 <= o.beta2 && o.beta2 < 1.0, o.beta2, "Invalid beta parameter at index 1: ", text, "beta2");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(0.0 <= o.momentum_decay, o.momentum_decay, "Invalid momentum_decay value: ", text, "momentum_decay");
}

NadamOptions NadamAlgorithm::read(SpecReader& r) {
  NadamOptions o;
  o.lr = r.number("lr", o.lr);
  o.beta1 = r.number("beta1", o.beta1);
  o.beta2 = r.number("beta2", o.beta2);
  o.eps = r.number("eps", o.eps);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.momentum_decay = r.number("momentum_decay", o.momentum_decay);
  return o;
}

Spec NadamAlgorithm::to_spec(const NadamOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "beta1", o.beta1);
  put_number(s, "beta2", o.beta2);
  put_number(s, "eps", o.eps);
  put_number(s, "weight_decay", o.weight_decay);
  put_number(s, "momentum_decay", o.momentum_decay);
  return s;
}

OptimizerState NadamAlgorithm::snapshot(const NadamState<double>& st, const NadamOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_avg_sq", st.exp_avg_sq}};
  out.scalars = {{"mu_product", st.mu_product}};
  return out;
}

}  // namespace adamlab
