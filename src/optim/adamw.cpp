#include "optim/adamw.h"

namespace adamlab {

// torch.optim.AdamW.__init__: the same checks, in the same order, with the same messages.
void validate(const AdamWOptions& o, const SpecText& text) { require_adam_family(o, text); }

AdamWOptions AdamWAlgorithm::read(SpecReader& r) { return read_keys(r, AdamWOptions{}, adam_keys); }

Spec AdamWAlgorithm::to_spec(const AdamWOptions& o) { return write_keys(name, o, adam_keys); }

OptimizerState AdamWAlgorithm::snapshot(const AdamWState<double>& st, const AdamWOptions& o) {
  return adam_snapshot(st, o.amsgrad);
}

}  // namespace adamlab
