#pragma once
// Bounds on values PyTorch would accept but that make no sense for a playground. Shared by every
// entry point (CLI, URL, JS API, UI) so they reject the same inputs with the same words.
#include <cstddef>
#include <cstdint>

namespace adamlab {

// A trace of 10^7 steps is ~700 MB of csv: anything larger is a typo, not an experiment.
constexpr std::int64_t kMaxTraceSteps = 10'000'000;

// The largest whole number every entry point carries exactly: parse_integer (links, CLI, specs)
// and the JS bridge's whole() accept up to this, so a value beyond it (e.g. a noise seed) could
// never be written into a link and read back.
constexpr std::int64_t kMaxWholeNumber = 9'000'000'000'000'000;

// Strings from the page (JS API, postMessage, the address bar) are measured before they are
// copied into the WebAssembly heap: a link of at most kMaxLinkChars (10^4 runs fit), any other
// string (a spec, an axis, a preset name) of at most kMaxSpecChars. web/adamlab.js checks the
// same numbers; the C++ bridge checks again.
constexpr std::size_t kMaxLinkChars = 262'144;
constexpr std::size_t kMaxSpecChars = 4'096;

}  // namespace adamlab
