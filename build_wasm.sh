#!/usr/bin/env bash
# Builds the browser playground into build/web/ (index.html, JS, WASM, CSS): self-contained,
# servable by any static server.
#   ./build_wasm.sh                    build
#   ./build_wasm.sh serve [--port N]   build, then serve build/web on http://localhost:N/
# Installs what it needs (Debian's emscripten and Eigen; ImGui 1.86 sources via
# scripts/fetch_imgui.sh). Idempotent: a second run only rebuilds what changed.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
build="$root/build/wasm"
out="$root/build/web"
mode="${1:-build}"
port=8000
if [[ "$mode" == "serve" ]]; then
  shift
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --port) port="$2"; shift 2 ;;
      --port=*) port="${1#--port=}"; shift ;;
      *) echo "usage: $0 [serve [--port N]]" >&2; exit 2 ;;
    esac
  done
elif [[ "$mode" != "build" ]]; then
  echo "usage: $0 [serve [--port N]]" >&2
  exit 2
fi
step() { echo "==> $*"; }

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v emcmake >/dev/null 2>&1 || missing+=(emscripten)
[[ -f /usr/include/eigen3/Eigen/Core ]] || missing+=(libeigen3-dev)
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v python3 >/dev/null 2>&1 || missing+=(python3)
# The UI's fonts, subset and embedded at build time (cmake/fonts.cmake).
[[ -f /usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf ]] || missing+=(fonts-roboto-unhinted)
[[ -f /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf ]] || missing+=(fonts-dejavu-core)
/usr/bin/python3 -c "import fontTools.subset" >/dev/null 2>&1 || missing+=(python3-fonttools)
if [[ ${#missing[@]} -gt 0 ]]; then
  step "installing ${missing[*]} (apt)"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi

step "ImGui 1.86 sources"
"$root/scripts/fetch_imgui.sh"

# Debian's emscripten needs Debian's acorn for its JS optimizer.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
if [[ ! -f "$build/CMakeCache.txt" ]]; then
  step "configuring (emcmake cmake) in build/wasm"
  emcmake cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
    -DADAMLAB_BUILD_APP=ON -DEigen3_DIR=/usr/share/eigen3/cmake >/dev/null
fi
step "building adamlab_app and adamlab_sweep_worker (WebAssembly)"
cmake --build "$build" --target adamlab_app adamlab_sweep_worker -j "$(nproc)"

step "assembling build/web"
mkdir -p "$out"
cp "$build/adamlab_app.js" "$build/adamlab_app.wasm" "$out/"
cp "$root"/web/index.html "$root"/web/adamlab.js "$root"/web/style.css "$root"/web/tutorial.html "$root"/web/tutorial.css "$out/"
cp "$build/adamlab_sweep_worker.js" "$build/adamlab_sweep_worker.wasm" "$root"/web/sweep_worker.js "$root"/web/sweep_client.js "$out/"
if command -v gzip >/dev/null; then
  js=$(gzip -9c "$out/adamlab_app.js" | wc -c); wasm=$(gzip -9c "$out/adamlab_app.wasm" | wc -c)
  api=$(gzip -9c "$out/adamlab.js" | wc -c)
  echo "    payload: adamlab_app.wasm $(wc -c <"$out/adamlab_app.wasm") B ($wasm B gzip)," \
       "adamlab_app.js $(wc -c <"$out/adamlab_app.js") B ($js B gzip), adamlab.js $api B gzip;" \
       "total $((js + wasm + api)) B gzip"
  wjs=$(gzip -9c "$out/adamlab_sweep_worker.js" | wc -c); wwasm=$(gzip -9c "$out/adamlab_sweep_worker.wasm" | wc -c)
  wglue=$(cat "$out/sweep_worker.js" "$out/sweep_client.js" | gzip -9c | wc -c)
  echo "    sweep worker: adamlab_sweep_worker.wasm $(wc -c <"$out/adamlab_sweep_worker.wasm") B ($wwasm B gzip)," \
       "adamlab_sweep_worker.js $wjs B gzip, sweep_worker.js + sweep_client.js $wglue B gzip;" \
       "total $((wjs + wwasm + wglue)) B gzip"
fi
echo "    $out/index.html"

if [[ "$mode" == "serve" ]]; then
  step "serving build/web"
  echo "    open http://localhost:$port/   (Ctrl+C to stop)"
  exec python3 "$root/web/serve.py" "$out" "$port"
fi
