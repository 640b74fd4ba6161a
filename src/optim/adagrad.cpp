#include "optim/adagrad.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("lr_decay", o.lr_decay);
  visit("weight_decay", o.weight_decay);
  visit("initial_accumulator_value", o.initial_accumulator_value);
  visit("eps", o.eps);
  visit("maximize", o.maximize);
};

}  // namespace

// torch.optim.Adagrad.__init__: the same checks, in the same order, with the same messages.
void validate(const AdagradOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.lr_decay, o.lr_decay, "Invalid lr_decay value: ", text, "lr_decay");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(0.0 <= o.initial_accumulator_value, o.initial_accumulator_value,
          "Invalid initial_accumulator_value value: ", text, "initial_accumulator_value");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
}

AdagradOptions AdagradAlgorithm::read(SpecReader& r) { return read_keys(r, AdagradOptions{}, keys); }

Spec AdagradAlgorithm::to_spec(const AdagradOptions& o) { return write_keys(name, o, keys); }

OptimizerState AdagradAlgorithm::snapshot(const AdagradState<double>& st, const AdagradOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers.emplace_back("sum", st.sum);
  return out;
}

}  // namespace adamlab
