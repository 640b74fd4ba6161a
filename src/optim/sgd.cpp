#include "optim/sgd.h"

#include "core/error.h"

namespace adamlab {
namespace {

// Every key but lr, which torch requires and so is read (and written) apart.
constexpr auto keys_after_lr = [](auto& o, auto&& visit) {
  visit("momentum", o.momentum);
  visit("dampening", o.dampening);
  visit("weight_decay", o.weight_decay);
  visit("nesterov", o.nesterov);
  visit("maximize", o.maximize);
};

}  // namespace

// torch.optim.SGD.__init__: the same checks, in the same order, with the same messages.
// dampening is unchecked in torch (any finite value is accepted here too).
void validate(const SgdOptions& o, const SpecText& text) {
  require(0.0 <= o.lr, o.lr, "Invalid learning rate: ", text, "lr");
  require(0.0 <= o.momentum, o.momentum, "Invalid momentum value: ", text, "momentum");
  require(0.0 <= o.weight_decay, o.weight_decay, "Invalid weight_decay value: ", text, "weight_decay");
  require(true, o.dampening, "Invalid dampening value: ", text, "dampening");
  if (o.nesterov && (o.momentum <= 0 || o.dampening != 0))
    throw Error("Nesterov momentum requires a momentum and zero dampening");
}

SgdOptions SgdAlgorithm::read(SpecReader& r) {
  SgdOptions o = read_keys(r, SgdOptions(0.0), keys_after_lr);
  if (!r.has("lr")) {
    r.finish();  // a misspelt key ("lr0") is the better message when there is one
    // SGD.__init__ checks the other arguments (o.lr is 0 here, which passes) before
    // Optimizer.add_param_group finds lr missing with this message.
    validate(o, spec_text(r.spec()));
    throw Error("parameter group didn't specify a value of required optimization parameter lr");
  }
  o.lr = r.number("lr", o.lr);
  return o;
}

Spec SgdAlgorithm::to_spec(const SgdOptions& o) {
  Spec s = write_keys(name, o, keys_after_lr);
  s.params.insert(s.params.begin(), {"lr", format_number(o.lr)});
  return s;
}

OptimizerState SgdAlgorithm::snapshot(const SgdState<double>& st, const SgdOptions&) {
  OptimizerState out;
  out.step = st.step;
  if (st.momentum_buffer) out.buffers.emplace_back("momentum_buffer", *st.momentum_buffer);
  return out;
}

}  // namespace adamlab
