#pragma once
// How each PyTorch hyperparameter is presented: slider range and scale, and a one-line tooltip
// saying what it does to the path. Keyed by the spec key, so a new optimizer's options get
// sensible widgets without touching the panels.
#include <string>

#include "core/spec.h"

namespace adamlab::ui {

struct OptionMeta {
  double min = 0, max = 1;
  bool logarithmic = false;
  bool integer = false;
  const char* tooltip = "";
};

OptionMeta option_meta(const std::string& key);
// "Adam", "SGD", "RMSprop", ... (torch's class names).
std::string optimizer_title(const std::string& name);
// torch's default for one option of a full spec: what the spec builds to without that key
// ("" where torch has none, e.g. SGD's lr or StepLR's step_size).
std::string option_default(const Spec& full_spec, const std::string& key, bool scheduler);
// "Adam lr=0.05": the class name plus the options that differ from torch's defaults, each value
// rounded as a person would type it (3 significant digits; the spec keeps the exact value).
std::string optimizer_label(const Spec& full_spec);
std::string scheduler_title(const std::string& name);
// How the UI names a run: "SGD lr=0.99 + StepLR" (the optimizer's label, then the scheduler's
// class name, if any). The run list, the map's legend and the chart's read-out agree on it.
std::string run_label(const Spec& optimizer, const std::string& scheduler_spec);

}  // namespace adamlab::ui
