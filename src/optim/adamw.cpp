#include "optim/adamw.h"

namespace adamlab {

// torch.optim.AdamW.__init__: the same checks, in the same order, with the same messages.
void validate(const AdamWOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.beta1 && o.beta1 < 1.0, o.beta1, "Invalid beta parameter at index 0: ", text, "beta1");
  require(0.0 <= o.beta2 && o.beta2 < 1.0, o.beta2, "Invalid beta parameter at index 1: ", text, "beta2");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
}

AdamWOptions AdamWAlgorithm::read(SpecReader& r) {
  AdamWOptions o;
  o.lr = r.number("lr", o.lr);
  o.beta1 = r.number("beta1", o.beta1);
  o.beta2 = r.number("beta2", o.beta2);
  o.eps = r.number("eps", o.eps);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.amsgrad = r.boolean("amsgrad", o.amsgrad);
  o.maximize = r.boolean("maximize", o.maximize);
  return o;
}

Spec AdamWAlgorithm::to_spec(const AdamWOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "beta1", o.beta1);
  put_number(s, "beta2", o.beta2);
  put_number(s, "eps", o.eps);
  put_number(s, "weight_decay", o.weight_decay);
  put_bool(s, "amsgrad", o.amsgrad);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState AdamWAlgorithm::snapshot(const AdamWState<double>& st, const AdamWOptions& o) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_avg_sq", st.exp_avg_sq}};
  if (o.amsgrad) out.buffers.emplace_back("max_exp_avg_sq", st.max_exp_avg_sq);
  return out;
}

}  // namespace adamlab
