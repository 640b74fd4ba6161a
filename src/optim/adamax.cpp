#include "optim/adamax.h"

namespace adamlab {

// torch.optim.Adamax.__init__: the same checks, in the same order, with the same messages.
void validate(const AdamaxOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.beta1 && o.beta1 < 1.0, o.beta1, "Invalid beta parameter at index 0: ", text, "beta1");
  require(0.0 <= o.beta2 && o.beta2 < 1.0, o.beta2, "Invalid beta parameter at index 1: ", text, "beta2");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
}

AdamaxOptions AdamaxAlgorithm::read(SpecReader& r) {
  AdamaxOptions o;
  o.lr = r.number("lr", o.lr);
  o.beta1 = r.number("beta1", o.beta1);
  o.beta2 = r.number("beta2", o.beta2);
  o.eps = r.number("eps", o.eps);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.maximize = r.boolean("maximize", o.maximize);
  return o;
}

Spec AdamaxAlgorithm::to_spec(const AdamaxOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "beta1", o.beta1);
  put_number(s, "beta2", o.beta2);
  put_number(s, "eps", o.eps);
  put_number(s, "weight_decay", o.weight_decay);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState AdamaxAlgorithm::snapshot(const AdamaxState<double>& st, const AdamaxOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_inf", st.exp_inf}};
  return out;
}

}  // namespace adamlab
