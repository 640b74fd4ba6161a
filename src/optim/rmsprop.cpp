#include "optim/rmsprop.h"

namespace adamlab {

// torch.optim.RMSprop.__init__: the same checks, in the same order, with the same messages.
void validate(const RmspropOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.momentum, o.momentum, "Invalid momentum value: ", text, "momentum");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(0.0 <= o.alpha, o.alpha, "Invalid alpha value: ", text, "alpha");
}

RmspropOptions RmspropAlgorithm::read(SpecReader& r) {
  RmspropOptions o;
  o.lr = r.number("lr", o.lr);
  o.alpha = r.number("alpha", o.alpha);
  o.eps = r.number("eps", o.eps);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.momentum = r.number("momentum", o.momentum);
  o.centered = r.boolean("centered", o.centered);
  o.maximize = r.boolean("maximize", o.maximize);
  return o;
}

Spec RmspropAlgorithm::to_spec(const RmspropOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "alpha", o.alpha);
  put_number(s, "eps", o.eps);
  put_number(s, "weight_decay", o.weight_decay);
  put_number(s, "momentum", o.momentum);
  put_bool(s, "centered", o.centered);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState RmspropAlgorithm::snapshot(const RmspropState<double>& st, const RmspropOptions& o) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers.emplace_back("square_avg", st.square_avg);
  if (o.momentum > 0) out.buffers.emplace_back("momentum_buffer", st.momentum_buffer);
  if (o.centered) out.buffers.emplace_back("grad_avg", st.grad_avg);
  return out;
}

}  // namespace adamlab
