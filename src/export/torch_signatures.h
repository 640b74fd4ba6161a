#pragma once
// torch 1.13's constructor signatures for the optimizers and LR schedulers AdamLab has
// (inspect.signature(torch.optim.X.__init__)), with how each argument maps to a spec key, and
// the names of the torch classes AdamLab does not have (so a paste names them as such).
#include <string>
#include <vector>

namespace adamlab::torch_paste {

enum class Arg {
  number,        // float or int -> the spec key of the same name
  integer,       // a whole number (1e2 or 100.0 too) -> the spec key
  strict_int,    // an int literal only: torch checks isinstance(x, int) (T_0, T_mult)
  boolean,       // True / False
  betas,         // a 2-tuple or list -> beta1, beta2
  params,        // the first argument: what to optimise (ignored; a param group list is refused)
  optimizer,     // a scheduler's first argument
  foreach,       // None / False / True: implementation choice, same update
  capturable,    // False only (True needs CUDA tensors)
  fused,         // False only (True needs CUDA tensors)
  differentiable,  // False only
  last_epoch,    // -1 only (another value resumes a schedule)
  verbose,       // False / True: only prints
};

struct Param {
  const char* name;
  Arg kind;
  bool required = false;      // no default in torch
  bool keyword_only = false;  // after torch's `*`
};

struct Signature {
  const char* torch_class;  // "Adam"
  const char* spec_name;    // "adam"
  bool scheduler;
  std::vector<Param> params;  // in torch's order, the first one (params / optimizer) included
};

const std::vector<Signature>& signatures();
const Signature* find_signature(const std::string& torch_class);
// torch classes AdamLab lacks, optimizers then schedulers.
const std::vector<std::string>& missing_optimizers();
const std::vector<std::string>& missing_schedulers();

}  // namespace adamlab::torch_paste
