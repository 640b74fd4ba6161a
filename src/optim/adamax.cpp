#include "optim/adamax.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("beta1", o.beta1);
  visit("beta2", o.beta2);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
  visit("maximize", o.maximize);
};

}  // namespace

// torch.optim.Adamax.__init__: the same checks, in the same order, with the same messages.
void validate(const AdamaxOptions& o, const SpecText& text) { require_adam_family(o, text); }

AdamaxOptions AdamaxAlgorithm::read(SpecReader& r) { return read_keys(r, AdamaxOptions{}, keys); }

Spec AdamaxAlgorithm::to_spec(const AdamaxOptions& o) { return write_keys(name, o, keys); }

OptimizerState AdamaxAlgorithm::snapshot(const AdamaxState<double>& st, const AdamaxOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_inf", st.exp_inf}};
  return out;
}

}  // namespace adamlab
