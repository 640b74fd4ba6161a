#include "optim/adagrad.h"

namespace adamlab {

// torch.optim.Adagrad.__init__: the same checks, in the same order, with the same messages.
void validate(const AdagradOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.lr_decay, o.lr_decay, "Invalid lr_decay value: ", text, "lr_decay");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(0.0 <= o.initial_accumulator_value, o.initial_accumulator_value,
          "Invalid initial_accumulator_value value: ", text, "initial_accumulator_value");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
}

AdagradOptions AdagradAlgorithm::read(SpecReader& r) {
  AdagradOptions o;
  o.lr = r.number("lr", o.lr);
  o.lr_decay = r.number("lr_decay", o.lr_decay);
  o.weight_decay = r.number("weight_decay", o.weight_decay);
  o.initial_accumulator_value = r.number("initial_accumulator_value", o.initial_accumulator_value);
  o.eps = r.number("eps", o.eps);
  o.maximize = r.boolean("maximize", o.maximize);
  return o;
}

Spec AdagradAlgorithm::to_spec(const AdagradOptions& o) {
  Spec s{name, {}};
  put_number(s, "lr", o.lr);
  put_number(s, "lr_decay", o.lr_decay);
  put_number(s, "weight_decay", o.weight_decay);
  put_number(s, "initial_accumulator_value", o.initial_accumulator_value);
  put_number(s, "eps", o.eps);
  put_bool(s, "maximize", o.maximize);
  return s;
}

OptimizerState AdagradAlgorithm::snapshot(const AdagradState<double>& st, const AdagradOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers.emplace_back("sum", st.sum);
  return out;
}

}  // namespace adamlab
