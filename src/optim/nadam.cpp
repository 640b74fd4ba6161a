#include "optim/nadam.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("beta1", o.beta1);
  visit("beta2", o.beta2);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
  visit("momentum_decay", o.momentum_decay);
};

}  // namespace

// torch.optim.NAdam.__init__: the same checks, in the same order, with the same messages.
void validate(const NadamOptions& o, const SpecText& text) {
  require_adam_family(o, text);
  require(0.0 <= o.momentum_decay, o.momentum_decay, "Invalid momentum_decay value: ", text, "momentum_decay");
}

NadamOptions NadamAlgorithm::read(SpecReader& r) { return read_keys(r, NadamOptions{}, keys); }

Spec NadamAlgorithm::to_spec(const NadamOptions& o) { return write_keys(name, o, keys); }

OptimizerState NadamAlgorithm::snapshot(const NadamState<double>& st, const NadamOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_avg_sq", st.exp_avg_sq}};
  out.scalars = {{"mu_product", st.mu_product}};
  return out;
}

}  // namespace adamlab
