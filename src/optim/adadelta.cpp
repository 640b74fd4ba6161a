#include "optim/adadelta.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("rho", o.rho);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
  visit("maximize", o.maximize);
};

}  // namespace

// torch.optim.Adadelta.__init__: the same checks, in the same order, with the same messages.
void validate(const AdadeltaOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.rho && o.rho <= 1.0, o.rho, "Invalid rho value: ", text, "rho");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
}

AdadeltaOptions AdadeltaAlgorithm::read(SpecReader& r) { return read_keys(r, AdadeltaOptions{}, keys); }

Spec AdadeltaAlgorithm::to_spec(const AdadeltaOptions& o) { return write_keys(name, o, keys); }

OptimizerState AdadeltaAlgorithm::snapshot(const AdadeltaState<double>& st, const AdadeltaOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"square_avg", st.square_avg}, {"acc_delta", st.acc_delta}};
  return out;
}

}  // namespace adamlab
