#include "optim/radam.h"

namespace adamlab {
namespace {

constexpr auto keys = [](auto& o, auto&& visit) {
  visit("lr", o.lr);
  visit("beta1", o.beta1);
  visit("beta2", o.beta2);
  visit("eps", o.eps);
  visit("weight_decay", o.weight_decay);
};

}  // namespace

// torch.optim.RAdam.__init__: the same checks, in the same order, with the same messages.
void validate(const RadamOptions& o, const SpecText& text) { require_adam_family(o, text); }

RadamOptions RadamAlgorithm::read(SpecReader& r) { return read_keys(r, RadamOptions{}, keys); }

Spec RadamAlgorithm::to_spec(const RadamOptions& o) { return write_keys(name, o, keys); }

OptimizerState RadamAlgorithm::snapshot(const RadamState<double>& st, const RadamOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_avg_sq", st.exp_avg_sq}};
  return out;
}

}  // namespace adamlab
