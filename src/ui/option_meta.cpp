#include "ui/option_meta.h"

#include <map>
#include <memory>

#include "core/error.h"
#include "core/round_text.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace adamlab::ui {

OptionMeta option_meta(const std::string& key) {
  static const std::map<std::string, OptionMeta> table = {
      {"lr", {1e-5, 10, true, false, "Learning rate = step size: larger steps move faster but overshoot, oscillate or diverge."}},
      {"beta1", {0, 0.999, false, false, "beta1 = momentum memory: how much of past gradient directions carries on; higher = smoother, wider swings."}},
      {"beta2", {0.5, 0.99999, false, false, "beta2 = memory of squared gradients: how slowly the per-coordinate step size adapts to steep or flat slopes."}},
      {"eps", {1e-12, 1, true, false, "eps: added to the denominator; large values damp the adaptive scaling and make steps more SGD-like."}},
      {"weight_decay", {0, 1, true, false, "weight decay: pulls the point towards the origin every step, shifting where the path settles."}},
      {"amsgrad", {0, 1, false, false, "amsgrad: the squared-gradient memory never shrinks, so steps cannot grow again after a steep region."}},
      {"maximize", {0, 1, false, false, "maximize: climbs the landscape instead of descending it."}},
      {"momentum", {0, 0.999, false, false, "momentum: fraction of the previous step added to this one; speeds up along valleys, overshoots at turns."}},
      {"dampening", {0, 1, false, false, "dampening: shrinks the new gradient's share in the momentum buffer."}},
      {"nesterov", {0, 1, false, false, "nesterov: takes the gradient after a look-ahead along the momentum; less overshoot."}},
      {"alpha", {0.5, 0.9999, false, false, "alpha: memory of squared gradients (like beta2); lower adapts the step size faster."}},
      {"centered", {0, 1, false, false, "centered: divides by the gradient's variance instead of its raw second moment."}},
      {"lr_decay", {0, 1, true, false, "lr_decay: the step size shrinks as lr / (1 + (step - 1) * lr_decay)."}},
      {"initial_accumulator_value", {0, 10, true, false, "initial accumulator: a head start for the sum of squared gradients; larger = smaller first steps."}},
      {"rho", {0.5, 0.9999, false, false, "rho: memory of squared gradients and squared updates; sets how quickly step sizes adapt."}},
      {"momentum_decay", {0, 0.1, true, false, "momentum decay: how fast NAdam's momentum schedule ramps up to beta1."}},
      {"decoupled_weight_decay", {0, 1, false, false, "decoupled weight decay: shrink the point directly (AdamW-style) instead of adding to the gradient."}},
      // schedulers
      {"step_size", {1, 10000, true, true, "step size: the learning rate is multiplied by gamma every step_size steps."}},
      {"gamma", {0.5, 1, false, false, "gamma: multiplies the learning rate at each decay."}},
      {"T_max", {1, 100000, true, true, "T_max: steps for the cosine to fall from lr to eta_min."}},
      {"eta_min", {0, 1, true, false, "eta_min: the lowest learning rate the cosine reaches."}},
      {"start_factor", {0, 1, false, false, "start factor: the first step uses lr times this."}},
      {"end_factor", {0, 1, false, false, "end factor: after total_iters steps the lr is lr times this."}},
      {"total_iters", {1, 100000, true, true, "total iters: steps of the linear ramp."}},
      {"T_0", {1, 100000, true, true, "T_0: steps until the first warm restart."}},
      {"T_mult", {1, 10, false, true, "T_mult: each cycle is this many times longer than the last."}},
  };
  auto it = table.find(key);
  if (it != table.end()) return it->second;
  return {0, 1, false, false, "PyTorch option (type an exact value)."};
}

std::string optimizer_title(const std::string& name) {
  static const std::map<std::string, std::string> titles = {
      {"sgd", "SGD"},         {"adam", "Adam"},         {"adamw", "AdamW"},
      {"rmsprop", "RMSprop"}, {"adagrad", "Adagrad"},   {"adadelta", "Adadelta"},
      {"adamax", "Adamax"},   {"nadam", "NAdam"},       {"radam", "RAdam"}};
  auto it = titles.find(name);
  return it == titles.end() ? name : it->second;
}

std::string scheduler_title(const std::string& name) {
  static const std::map<std::string, std::string> titles = {
      {"step", "StepLR"}, {"exponential", "ExponentialLR"}, {"cosine", "CosineAnnealingLR"},
      {"linear", "LinearLR"}, {"cosine_warm_restarts", "CosineAnnealingWarmRestarts"}};
  auto it = titles.find(name);
  return it == titles.end() ? name : it->second;
}

std::string run_label(const Spec& optimizer, const std::string& scheduler_spec) {
  std::string label = optimizer_label(optimizer);
  if (!scheduler_spec.empty()) label += " + " + scheduler_title(parse_spec(scheduler_spec).name);
  return label;
}

std::string option_default(const Spec& full, const std::string& key, bool scheduler) {
  Spec without{full.name, {}};
  for (const auto& kv : full.params)
    if (kv.first != key) without.params.push_back(kv);
  try {
    const Spec built = scheduler ? make_scheduler(without)->spec() : make_optimizer(without)->spec();
    for (const auto& kv : built.params)
      if (kv.first == key) return kv.second;
  } catch (const Error&) {
  }
  return "";
}

std::string optimizer_label(const Spec& full) {
  Spec defaults;
  try {
    defaults = make_optimizer(Spec{full.name, {}})->spec();
  } catch (const Error&) {
    // SGD has no default lr: compare against defaults at this lr, and always show lr.
    Spec with_lr{full.name, {}};
    for (const auto& kv : full.params)
      if (kv.first == "lr") with_lr.params.push_back(kv);
    try {
      defaults = make_optimizer(with_lr)->spec();
      defaults.set("lr", "");
    } catch (const Error&) {
      defaults = Spec{};
    }
  }
  std::string label = optimizer_title(full.name);
  for (const auto& kv : full.params) {
    std::string def;
    for (const auto& d : defaults.params)
      if (d.first == kv.first) def = d.second;
    if (def != kv.second) label += " " + kv.first + "=" + rounded_value_text(kv.second);
  }
  return label;
}

}  // namespace adamlab::ui
