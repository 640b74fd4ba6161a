#!/usr/bin/env bash
# Installs, from Debian's archive, what building and testing AdamLab needs. Idempotent: packages
# already present are skipped and apt is not touched at all when nothing is missing.
#   scripts/install_deps.sh            native build + tests
#   scripts/install_deps.sh web        + Emscripten, Chromium (browser tests)
set -euo pipefail

packages=(build-essential cmake git pkg-config libeigen3-dev libgtest-dev libgmock-dev libbenchmark-dev
          nlohmann-json3-dev libglfw3-dev xvfb xauth clang libclang-rt-14-dev python3
          python3-torch                                          # exported PyTorch scripts run under real torch (tests/export)
          fonts-roboto-unhinted fonts-dejavu-core python3-fonttools)  # the app's fonts (cmake/fonts.cmake)
for extra in "$@"; do
  case "$extra" in
    web) packages+=(emscripten chromium nodejs npm) ;;
    *) echo "install_deps.sh: unknown group '$extra' (use: web)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  # A machine may bring its own node/npm outside dpkg; don't fight it.
  if [[ "$p" == nodejs || "$p" == npm ]] && command -v "${p/nodejs/node}" >/dev/null; then continue; fi
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "==> dependencies: all present"
  exit 0
fi
sudo=""
[[ $(id -u) -eq 0 ]] || sudo="sudo"
echo "==> installing: ${missing[*]}"
$sudo apt-get update -q
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
