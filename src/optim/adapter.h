#pragma once
// Wraps one optimizer's Options, State and kernel into the runtime Optimizer interface. The
// virtual call happens once per step; the kernel it reaches runs over the whole vector.
//
// An Algorithm provides:
//   name, Options, State<Scalar>,
//   static Options read(SpecReader&)                       spec -> options (no validation)
//   static Spec to_spec(const Options&)                     options -> full spec
//   static void step(Vec&, const Vec&, State<double>&, const Options&)
//   static OptimizerState snapshot(const State<double>&, const Options&)
// and a free validate(const Options&, const SpecText&).
#include <memory>
#include <string>

#include "core/error.h"
#include "optim/optimizer.h"
#include "optim/options_text.h"

namespace adamlab {

template <class Algorithm>
class OptimizerAdapter final : public Optimizer {
 public:
  using Options = typename Algorithm::Options;
  using State = typename Algorithm::template State<double>;

  // Throws Error with torch's message, as torch's constructors do.
  explicit OptimizerAdapter(const Options& options, const SpecText& text = {}) : options_(options) {
    validate(options_, text);
  }

  void step(Vec& param, const Vec& grad) override {
    if (grad.size() != param.size())
      throw Error(std::string(Algorithm::name) + ": gradient size " + std::to_string(grad.size()) +
                  " does not match parameter size " + std::to_string(param.size()));
    if (size_ >= 0 && param.size() != size_)
      throw Error(std::string(Algorithm::name) + ": parameter size changed from " + std::to_string(size_) +
                  " to " + std::to_string(param.size()) + " after the state was created");
    size_ = param.size();
    Algorithm::step(param, grad, state_, options_);
  }
  double lr() const override { return options_.lr; }
  void set_lr(double lr) override { options_.lr = lr; }
  Spec spec() const override { return Algorithm::to_spec(options_); }
  OptimizerState state() const override { return Algorithm::snapshot(state_, options_); }
  std::unique_ptr<Optimizer> clone() const override { return std::make_unique<OptimizerAdapter>(*this); }

 private:
  Options options_;
  State state_;
  Eigen::Index size_ = -1;  // the parameter size the state was created for
};

// spec -> validated optimizer: read every key, reject unknown ones, then validate.
template <class Algorithm>
std::unique_ptr<Optimizer> build_optimizer(const Spec& spec) {
  SpecReader reader(spec, "optimizer");
  const typename Algorithm::Options options = Algorithm::read(reader);
  reader.finish();
  return std::make_unique<OptimizerAdapter<Algorithm>>(options, spec_text(spec));
}

}  // namespace adamlab
