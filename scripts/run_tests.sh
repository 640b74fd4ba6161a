#!/usr/bin/env bash
# The whole AdamLab test suite, from a fresh Debian/Ubuntu machine: installs what it needs, then
# builds and runs with CTest
#   1. the native suite (unit, golden parity with PyTorch, CLI) and the browser tests of the
#      WebAssembly playground in headless Chromium;
#   2. the native suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. each libFuzzer target for ADAMLAB_FUZZ_SECONDS (default 60) from the committed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)
fuzz_seconds=${ADAMLAB_FUZZ_SECONDS:-60}

echo "==> [1/4] dependencies"
scripts/install_deps.sh web

echo "==> [2/4] native build (core, CLI, desktop app) + tests + browser tests (build/debug)"
scripts/fetch_imgui.sh
cmake --preset debug -DADAMLAB_BROWSER_TESTS=ON -DADAMLAB_BUILD_APP=ON >/dev/null
cmake --build --preset debug -j"$jobs"
ctest --preset debug -j"$jobs"

echo "==> [3/4] ASan + UBSan build + tests (build/asan)"
cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
ctest --preset asan -j"$jobs"

echo "==> [4/4] fuzzing, ${fuzz_seconds}s per target (build/fuzz)"
cmake --preset fuzz -DADAMLAB_FUZZ_SECONDS="$fuzz_seconds" >/dev/null
cmake --build --preset fuzz -j"$jobs"
ctest --preset fuzz -j"$jobs"
echo "==> all test stages passed"
