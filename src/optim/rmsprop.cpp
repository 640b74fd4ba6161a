#include "optim/rmsprop.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("alpha", o.alpha);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
  visit("momentum", o.momentum);
  visit("centered", o.centered);
  visit("maximize", o.maximize);
};

}  // namespace

// torch.optim.RMSprop.__init__: the same checks, in the same order, with the same messages.
void validate(const RmspropOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.eps, o.eps, "Invalid epsilon value: ", text, "eps");
  require(0.0 <= o.momentum, o.momentum, "Invalid momentum value: ", text, "momentum");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(0.0 <= o.alpha, o.alpha, "Invalid alpha value: ", text, "alpha");
}

RmspropOptions RmspropAlgorithm::read(SpecReader& r) { return read_keys(r, RmspropOptions{}, keys); }

Spec RmspropAlgorithm::to_spec(const RmspropOptions& o) { return write_keys(name, o, keys); }

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
