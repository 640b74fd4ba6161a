#pragma once
// AdamLab's names as a PyTorch user writes them: optimizer and scheduler classes, constructor
// calls with only the options that differ from torch's defaults, Python float literals. Shared by
// the script generators (pytorch_script.h, pytorch_net_script.h) and the UI's "constructor line";
// the inverse (pasting a torch line back in) reads the same names.
#include <string>
#include <vector>

#include "core/spec.h"

namespace adamlab::torch_export {

// "adam" -> "Adam", "rmsprop" -> "RMSprop", ... (torch.optim.<class>). Throws Error on an unknown name.
std::string optimizer_class(const std::string& name);
// "step" -> "StepLR" (torch.optim.lr_scheduler.<class>). Throws Error on an unknown name.
std::string scheduler_class(const std::string& name);

// Python's repr() of a float: 0.05, 1e-08, 1000000000000000.0, 1e+16, inf, nan.
std::string python_float(double value);

// One keyword argument of a torch constructor, its value already a Python literal.
struct TorchArg {
  std::string key, value;
};

// The keyword arguments of the optimizer's torch constructor that differ from torch's defaults,
// in torch's argument order; beta1/beta2 become betas=(b1, b2). SGD's lr, which torch requires,
// is always present. Validates the spec (throws Error with torch's message).
std::vector<TorchArg> optimizer_args(const Spec& optimizer);
std::vector<TorchArg> scheduler_args(const Spec& scheduler);

// "torch.optim.Adam(params, lr=0.05, betas=(0.8, 0.999))": options at torch's defaults left out.
std::string optimizer_constructor(const Spec& optimizer, const std::string& params = "params");
// "torch.optim.lr_scheduler.StepLR(optimizer, step_size=30, gamma=0.1)": likewise.
std::string scheduler_constructor(const Spec& scheduler, const std::string& optimizer = "optimizer");

// A spec as one shell word: as is when it holds only the grammar's safe characters, else quoted.
std::string shell_word(const std::string& text);
// The body of a double-quoted Python string showing `text` (quotes and backslashes escaped,
// control characters dropped): labels are shown, never run.
std::string python_string_body(const std::string& text);

}  // namespace adamlab::torch_export
