#!/usr/bin/env bash
# The browser test: installs what it needs, builds the WASM playground, serves build/web on a
# free localhost port, runs every test file listed in `tests` below in Debian's Chromium, stops the
# server. Screenshots go to tests/browser/artifacts/ (layout.mjs: one per size and preset).
# Last line: "N passed, N failed"; exit 1 on failure.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
[[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v node >/dev/null 2>&1 || missing+=(nodejs)
command -v npm >/dev/null 2>&1 || missing+=(npm)
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "==> installing ${missing[*]} (apt)"
  sudo_if_needed apt-get update -qq
  sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
fi
if [[ ! -f "$here/node_modules/playwright-core/package.json" ]]; then
  echo "==> npm ci (playwright-core)"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
fi

"$root/build_wasm.sh"

log="$(mktemp)"
python3 "$root/web/serve.py" "$root/build/web" 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
url=""
for _ in $(seq 1 100); do
  url="$(head -n1 "$log" 2>/dev/null || true)"
  [[ "$url" == http* ]] && break
  sleep 0.1
done
if [[ "$url" != http* ]]; then
  echo "could not start the static server:"; cat "$log"
  echo "0 passed, 1 failed"
  exit 1
fi
echo "==> browser tests against $url"
rc=0
mkdir -p "$here/artifacts"
# Each file, what it checks. One final line for every file: a run that died before its own
# summary counts as one failure.
tests=(
  "test|the playground: JS API, controls, links, exports"
  "sweep|sweep and noise checks"
  "hardening|bad input, hostile links, reset to defaults, bounded memory"
  "hostile|hostile links, calls and messages keep the page alive and refusals change nothing"
  "links_content|links define the scene, presets as the menu, lesson reset, colours"
  "layout|layout at desktop, phone and embed sizes"
  "network|the network mode: switch, training, boundary, refusals, links, CSV, layouts"
  "network_sweep|network sweeps: the 32x32x300 floor in the worker, heat map, click adds the cell's run"
  "net_lessons|the network presets: by link, by the lesson menu, embeds, the JS API"
  "pytorch_code|PyTorch code: scripts from the JS API run under torch 1.13 match the traces, the code window"
  "paste|PyTorch in: pastePyTorch, the Paste PyTorch field with Ctrl+V, refusals"
  "expr|your own landscape: the function editor by real clicks and keys, column messages, links, examples, NaN regions"
  "product_ui|product look: fonts at DPR and viewport, one control per option, refusals beside the field, Add run"
  "undo_help|undo/redo by keys, buttons and the API; the help overlay; the tutorial's links back"
  "figure_export|exports: the PNG figure at device pixels without panel or hover, the CSV's spec columns, the anatomy's equations"
)
total_passed=0; total_failed=0
for entry in "${tests[@]}"; do
  f="${entry%%|*}"
  echo "==> ${entry#*|} ($f.mjs)"
  node "$here/$f.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/$f.log" || rc=$?
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$here/artifacts/$f.log" | tail -n1 || true)"
  if [[ -z "$line" ]]; then total_failed=$((total_failed + 1)); continue; fi
  total_passed=$((total_passed + ${line%% passed*}))
  f_failed="${line#*passed, }"; total_failed=$((total_failed + ${f_failed%% failed}))
done
echo "${total_passed} passed, ${total_failed} failed"
[[ $total_failed -eq 0 ]] || rc=1
exit $rc
