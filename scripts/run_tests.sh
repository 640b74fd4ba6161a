#!/usr/bin/env bash
# The whole AdamLab test suite, from a fresh Debian/Ubuntu machine: installs what it needs, builds
# natively, and runs every test with CTest (unit, golden parity with PyTorch, CLI, and the
# browser tests of the WebAssembly playground in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "==> [1/3] dependencies"
scripts/install_deps.sh web

echo "==> [2/3] native build (build/debug)"
cmake --preset debug -DADAMLAB_BROWSER_TESTS=ON >/dev/null
cmake --build --preset debug -j"$(nproc)"

echo "==> [3/3] tests"
ctest --preset debug -j"$(nproc)"
