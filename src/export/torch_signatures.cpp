#include "export/torch_signatures.h"

namespace adamlab::torch_paste {
namespace {

constexpr bool kw = true;   // keyword_only
constexpr bool req = true;  // required

Param p(const char* name, Arg kind) { return {name, kind, false, false}; }
Param kwonly(const char* name, Arg kind) { return {name, kind, false, kw}; }
Param required(const char* name, Arg kind) { return {name, kind, req, false}; }

}  // namespace

// Checked against torch 1.13 by tests/golden/generate_torch_parse_golden.py, which writes every
// signature into the golden file; tests/torch_parse_test.cpp compares this table with it.
const std::vector<Signature>& signatures() {
  static const std::vector<Signature> table = {
      {"SGD", "sgd", false,
       {required("params", Arg::params), required("lr", Arg::number), p("momentum", Arg::number),
        p("dampening", Arg::number), p("weight_decay", Arg::number), p("nesterov", Arg::boolean),
        kwonly("maximize", Arg::boolean), kwonly("foreach", Arg::foreach), kwonly("differentiable", Arg::differentiable)}},
      {"Adam", "adam", false,
       {required("params", Arg::params), p("lr", Arg::number), p("betas", Arg::betas), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("amsgrad", Arg::boolean), kwonly("foreach", Arg::foreach),
        kwonly("maximize", Arg::boolean), kwonly("capturable", Arg::capturable),
        kwonly("differentiable", Arg::differentiable), kwonly("fused", Arg::fused)}},
      {"AdamW", "adamw", false,
       {required("params", Arg::params), p("lr", Arg::number), p("betas", Arg::betas), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("amsgrad", Arg::boolean), kwonly("maximize", Arg::boolean),
        kwonly("foreach", Arg::foreach), kwonly("capturable", Arg::capturable)}},
      {"RMSprop", "rmsprop", false,
       {required("params", Arg::params), p("lr", Arg::number), p("alpha", Arg::number), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("momentum", Arg::number), p("centered", Arg::boolean),
        p("foreach", Arg::foreach), p("maximize", Arg::boolean), p("differentiable", Arg::differentiable)}},
      {"Adagrad", "adagrad", false,
       {required("params", Arg::params), p("lr", Arg::number), p("lr_decay", Arg::number),
        p("weight_decay", Arg::number), p("initial_accumulator_value", Arg::number), p("eps", Arg::number),
        p("foreach", Arg::foreach), kwonly("maximize", Arg::boolean)}},
      {"Adadelta", "adadelta", false,
       {required("params", Arg::params), p("lr", Arg::number), p("rho", Arg::number), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("foreach", Arg::foreach), kwonly("maximize", Arg::boolean)}},
      {"Adamax", "adamax", false,
       {required("params", Arg::params), p("lr", Arg::number), p("betas", Arg::betas), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("foreach", Arg::foreach), kwonly("maximize", Arg::boolean)}},
      {"NAdam", "nadam", false,
       {required("params", Arg::params), p("lr", Arg::number), p("betas", Arg::betas), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("momentum_decay", Arg::number), p("foreach", Arg::foreach)}},
      {"RAdam", "radam", false,
       {required("params", Arg::params), p("lr", Arg::number), p("betas", Arg::betas), p("eps", Arg::number),
        p("weight_decay", Arg::number), p("foreach", Arg::foreach)}},
      {"StepLR", "step", true,
       {required("optimizer", Arg::optimizer), required("step_size", Arg::integer), p("gamma", Arg::number),
        p("last_epoch", Arg::last_epoch), p("verbose", Arg::verbose)}},
      {"ExponentialLR", "exponential", true,
       {required("optimizer", Arg::optimizer), required("gamma", Arg::number), p("last_epoch", Arg::last_epoch),
        p("verbose", Arg::verbose)}},
      {"CosineAnnealingLR", "cosine", true,
       {required("optimizer", Arg::optimizer), required("T_max", Arg::integer), p("eta_min", Arg::number),
        p("last_epoch", Arg::last_epoch), p("verbose", Arg::verbose)}},
      {"LinearLR", "linear", true,
       {required("optimizer", Arg::optimizer), p("start_factor", Arg::number), p("end_factor", Arg::number),
        p("total_iters", Arg::integer), p("last_epoch", Arg::last_epoch), p("verbose", Arg::verbose)}},
      {"CosineAnnealingWarmRestarts", "cosine_warm_restarts", true,
       {required("optimizer", Arg::optimizer), required("T_0", Arg::strict_int), p("T_mult", Arg::strict_int),
        p("eta_min", Arg::number), p("last_epoch", Arg::last_epoch), p("verbose", Arg::verbose)}},
  };
  return table;
}

const Signature* find_signature(const std::string& torch_class) {
  for (const auto& s : signatures())
    if (torch_class == s.torch_class) return &s;
  return nullptr;
}

const std::vector<std::string>& missing_optimizers() {
  static const std::vector<std::string> names = {"SparseAdam", "ASGD", "Rprop", "LBFGS"};
  return names;
}

const std::vector<std::string>& missing_schedulers() {
  static const std::vector<std::string> names = {"LambdaLR", "MultiplicativeLR", "MultiStepLR", "ConstantLR",
                                                 "SequentialLR", "PolynomialLR", "ChainedScheduler",
                                                 "ReduceLROnPlateau", "CyclicLR", "OneCycleLR"};
  return names;
}

}  // namespace adamlab::torch_paste
