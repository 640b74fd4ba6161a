#include "optim/adadelta.h"

namespace adamlab {

// torch.optim.Adadelta.__init__: the same checks, in the same order, with the same messages.
void validate(const AdadeltaOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.rho && o.rho <= 1.0, o.rho, "Invalid rho value: ", text, "rho");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
}

AdadeltaOptions AdadeltaAlgorithm::read(SpecReader& r) {
  AdadeltaOptions o;
  o.lr = r.number("lr", o.lr);
  o.rho = r.number("rho", o.rho);
  o.eps = r.number("eps", o.eps);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.maximize = r.boolean("maximize", o.maximize);
  return o;
}

Spec AdadeltaAlgorithm::to_spec(const AdadeltaOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "rho", o.rho);
  put_number(s, "eps", o.eps);
  put_number(s, "weight_decay", o.weight_decay);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState AdadeltaAlgorithm::snapshot(const AdadeltaState<double>& st, const AdadeltaOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"square_avg", st.square_avg}, {"acc_delta", st.acc_delta}};
  return out;
}

}  // namespace adamlab
