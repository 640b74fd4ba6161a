// libFuzzer target: any text through parse_link. It must never throw or crash, and a parsed link
// written back with to_link must parse, without errors, to the same SceneLink and the same text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "sim/link.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  const adamlab::ParsedLink first = adamlab::parse_link(text);  // noexcept in effect: a throw aborts
  const std::string canonical = adamlab::to_link(first.link);
  const adamlab::ParsedLink second = adamlab::parse_link(canonical);
  if (!second.errors.empty()) std::abort();
  if (!(second.link == first.link)) std::abort();
  if (adamlab::to_link(second.link) != canonical) std::abort();
  return 0;
}
