#include "optim/sgd.h"

#include "core/error.h"

namespace adamlab {

// torch.optim.SGD.__init__: the same checks, in the same order, with the same messages.
// dampening is unchecked in torch (any finite value is accepted here too).
void validate(const SgdOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.momentum, o.momentum, "Invalid momentum value: ", text, "momentum");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(true, o.dampening, "Invalid dampening value: ", text, "dampening");
  if (o.nesterov && (o.momentum <= 0 || o.dampening != 0))
    throw Error("Nesterov momentum requires a momentum and zero dampening");
}

SgdOptions SgdAlgorithm::read(SpecReader& r) {
  SgdOptions o(0.0);
  o.momentum = r.number("momentum", o.momentum);
  o.dampening = r.number("dampening", o.dampening);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.nesterov = r.boolean("nesterov", o.nesterov);
  o.maximize = r.boolean("maximize", o.maximize);
  if (!r.has("lr")) {
    r.finish();  // a misspelt key ("lr0") is the better message when there is one
    // torch.optim.Optimizer.add_param_group's message for SGD(params) without lr
    throw Error("parameter group didn't specify a value of required optimization parameter lr");
  }
  o.lr = r.number("lr", o.lr);
  return o;
}

Spec SgdAlgorithm::to_spec(const SgdOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "momentum", o.momentum);
  put_number(s, "dampening", o.dampening);
  put_number(s, "weight_decay", o.weight_decay);
  put_bool(s, "nesterov", o.nesterov);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState SgdAlgorithm::snapshot(const SgdState<double>& st, const SgdOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.momentum_buffer) out.buffers.emplace_back("momentum_buffer", *st.momentum_buffer);
  return out;
}

}  // namespace adamlab
