#pragma once
// "PyTorch in": reads what a user pastes from a training script, an optimizer constructor and
// optionally a scheduler line,
//     opt = torch.optim.Adam(model.parameters(), lr=3e-4, betas=(0.9, 0.98), amsgrad=True)
//     sched = torch.optim.lr_scheduler.StepLR(opt, step_size=30, gamma=0.1)
// into AdamLab's optimizer and scheduler specs (core/spec.h), checked by the same validation as
// every other entry point (make_optimizer / make_scheduler, torch's messages). Keyword or
// positional arguments in torch 1.13's order, Python literals (True, False, None, ints, floats,
// tuples and lists), constants assigned earlier in the paste (`base_lr = 0.1`), comments,
// continuations, trailing commas, `import` lines. Whatever it cannot map is an Error naming
// where: "... at line 1, column 17"; nothing is returned half-read.
#include <cstddef>
#include <string>
#include <vector>

#include "core/error.h"
#include "core/spec.h"
#include "export/torch_tokens.h"

namespace adamlab {

// The longest paste read (bytes): a constructor and a scheduler with comments fit many times.
constexpr std::size_t kMaxTorchPasteChars = 8192;

// A refused paste: the message ends with " at line L, column C" (pos).
class TorchPasteError : public Error {
 public:
  TorchPasteError(const std::string& message, torch_paste::Pos pos)
      : Error(message + torch_paste::at(pos)), pos_(pos) {}
  const torch_paste::Pos& pos() const { return pos_; }

 private:
  torch_paste::Pos pos_;
};

struct TorchPaste {
  Spec optimizer;  // the keys written, in torch's order (betas as beta1, beta2)
  Spec scheduler;  // name "" = no scheduler line
  // Arguments accepted that change nothing in AdamLab (foreach=True, verbose=True), each with
  // its position, to show beside the result.
  std::vector<std::string> notes;
  std::string optimizer_spec() const { return to_string(optimizer); }
  std::string scheduler_spec() const { return scheduler.name.empty() ? std::string() : to_string(scheduler); }
};

// Throws TorchPasteError for anything it cannot map, and for values torch (or AdamLab's
// validation) refuses, e.g. "Invalid learning rate: -1 at line 1, column 36".
TorchPaste parse_torch_paste(const std::string& text);

}  // namespace adamlab
