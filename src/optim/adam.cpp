#include "optim/adam.h"

namespace adamlab {

// torch.optim.Adam.__init__: the same checks, in the same order, with the same messages.
void validate(const AdamOptions& o, const SpecText& text) { require_adam_family(o, text); }

AdamOptions AdamAlgorithm::read(SpecReader& r) { return read_keys(r, AdamOptions{}, adam_keys); }

Spec AdamAlgorithm::to_spec(const AdamOptions& o) { return write_keys(name, o, adam_keys); }

OptimizerState adam_snapshot(const AdamState<double>& st, bool amsgrad) {
  OptimizerState out;
  out.step = st.step;
  if (st.step == 0) return out;
  out.buffers = {{"exp_avg", st.exp_avg}, {"exp_avg_sq", st.exp_avg_sq}};
  if (amsgrad) out.buffers.emplace_back("max_exp_avg_sq", st.max_exp_avg_sq);
  return out;
}

OptimizerState AdamAlgorithm::snapshot(const AdamState<double>& st, const AdamOptions& o) {
  return adam_snapshot(st, o.amsgrad);
}

}  // namespace adamlab
