#!/usr/bin/env bash
# The browser test: installs what it needs, builds the WASM playground, serves build/web on a
# free localhost port, runs test.mjs, sweep.mjs, hardening.mjs and layout.mjs in Debian's
# Chromium (and network.mjs, network_sweep.mjs, net_lessons.mjs), stops the server. Screenshots go to tests/browser/artifacts/ (layout.mjs: one per
# size and preset). Last line: "N passed, N failed"; exit 1 on failure.
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
node "$here/test.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/test.log" || rc=$?
echo "==> sweep and noise checks (sweep.mjs)"
node "$here/sweep.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/sweep.log" || rc=$?
echo "==> bad input, hostile links, reset to defaults, bounded memory (hardening.mjs)"
node "$here/hardening.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/hardening.log" || rc=$?
echo "==> hostile links, calls and messages keep the page alive and refusals change nothing (hostile.mjs)"
node "$here/hostile.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/hostile.log" || rc=$?
echo "==> links define the scene, presets as the menu, lesson reset, colours (links_content.mjs)"
node "$here/links_content.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/links_content.log" || rc=$?
echo "==> layout at desktop, phone and embed sizes (layout.mjs)"
node "$here/layout.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/layout.log" || rc=$?
echo "==> the network mode: switch, training, boundary, refusals, links, CSV, layouts (network.mjs)"
node "$here/network.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/network.log" || rc=$?
echo "==> network sweeps: the 32x32x300 floor in the worker, heat map, click adds the cell's run (network_sweep.mjs)"
node "$here/network_sweep.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/network_sweep.log" || rc=$?
echo "==> the network presets: by link, by the lesson menu, embeds, the JS API (net_lessons.mjs)"
node "$here/net_lessons.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/net_lessons.log" || rc=$?
echo "==> exports: the PNG figure, the CSV's spec columns, the anatomy's equations (figure_export.mjs)"
node "$here/figure_export.mjs" "$url" "$here/artifacts" | tee "$here/artifacts/figure_export.log" || rc=$?
# One final line for every file: a run that died before its own summary counts as one failure.
total_passed=0; total_failed=0
for f in test sweep hardening hostile links_content layout network network_sweep net_lessons figure_export; do
  line="$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$here/artifacts/$f.log" | tail -n1 || true)"
  if [[ -z "$line" ]]; then total_failed=$((total_failed + 1)); continue; fi
  total_passed=$((total_passed + ${line%% passed*}))
  f_failed="${line#*passed, }"; total_failed=$((total_failed + ${f_failed%% failed}))
done
echo "${total_passed} passed, ${total_failed} failed"
[[ $total_failed -eq 0 ]] || rc=1
exit $rc
