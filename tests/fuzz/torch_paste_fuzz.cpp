// libFuzzer target: any text pasted as PyTorch (src/export/torch_parse.h). The only acceptable
// outcomes are specs that build (the same validation every entry point uses) or an
// adamlab::Error; a refusal of a text within the length limit names a position (except the
// few whole-paste messages); parsing is deterministic. Recursion is bounded by the parser's
// nesting limit, so deep brackets must be refused, never overflow the stack (-rss_limit_mb and
// -timeout in CMakeLists.txt bound memory and time).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/error.h"
#include "export/torch_parse.h"
#include "optim/optimizer.h"
#include "sched/scheduler.h"

namespace {

bool whole_paste_message(const std::string& m) {
  return m.rfind("paste too long", 0) == 0 || m.rfind("empty paste", 0) == 0 || m.rfind("paste holds a NUL", 0) == 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  adamlab::TorchPaste paste;
  try {
    paste = adamlab::parse_torch_paste(text);
  } catch (const adamlab::Error& e) {
    const std::string m = e.what();
    if (!whole_paste_message(m) && m.find(" at line ") == std::string::npos) {
      std::fprintf(stderr, "refusal without a position: %s\n", m.c_str());
      std::abort();
    }
    return 0;
  }
  // Accepted: both specs build, and the same text gives the same specs.
  try {
    adamlab::make_optimizer(adamlab::parse_spec(paste.optimizer_spec()));
    if (!paste.scheduler_spec().empty()) adamlab::make_scheduler(adamlab::parse_spec(paste.scheduler_spec()));
  } catch (const adamlab::Error& e) {
    std::fprintf(stderr, "accepted a paste whose specs do not build: %s\n", e.what());
    std::abort();
  }
  const adamlab::TorchPaste again = adamlab::parse_torch_paste(text);
  if (again.optimizer_spec() != paste.optimizer_spec() || again.scheduler_spec() != paste.scheduler_spec()) std::abort();
  return 0;
}
