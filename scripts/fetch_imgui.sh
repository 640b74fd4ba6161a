#!/usr/bin/env bash
# Fetches Dear ImGui 1.86 sources into third_party/imgui-1.86 (or $1), idempotently.
# Debian's libimgui-dev has no imgui.cpp, and the WASM build needs the sources, so we read
# Debian's *source* package with private apt state (the system's apt config is not touched).
# Elsewhere (no Debian archive) the same sources are the upstream git tag v1.86.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dest="${1:-$root/third_party/imgui-1.86}"

if [[ -f "$dest/imgui.cpp" && -f "$dest/backends/imgui_impl_opengl3.cpp" && -f "$dest/backends/imgui_impl_glfw.cpp" ]]; then
  echo "[fetch_imgui] ImGui 1.86 already in $dest"
  exit 0
fi

echo "[fetch_imgui] fetching ImGui 1.86 sources from Debian's source archive"
t="$(mktemp -d)"
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/parts" "$t/lists/partial" "$t/src"
if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$t/parts/src.sources"
elif [[ -f /etc/apt/sources.list ]]; then
  grep -E '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > "$t/parts/src.list"
else
  echo "[fetch_imgui] no apt sources found; clone tag v1.86 of ocornut/imgui and pass -DIMGUI_DIR" >&2
  exit 1
fi
o=(-o APT::Sandbox::User=root -o "Dir::Etc::SourceParts=$t/parts" -o "Dir::Etc::SourceList=/dev/null" -o "Dir::State::Lists=$t/lists")
apt-get "${o[@]}" -qq update
(cd "$t/src" && apt-get "${o[@]}" -qq source --download-only imgui >/dev/null)
tarball="$(ls "$t"/src/imgui_1.86*.orig.tar.* 2>/dev/null | head -1 || true)"
if [[ -z "$tarball" ]]; then
  echo "[fetch_imgui] Debian's imgui source package is not version 1.86:" >&2
  ls "$t/src" >&2
  exit 1
fi
mkdir -p "$t/x"
tar xf "$tarball" -C "$t/x"
src="$(dirname "$(find "$t/x" -maxdepth 2 -name imgui.cpp | head -1)")"
mkdir -p "$(dirname "$dest")"
rm -rf "$dest.tmp"
cp -r "$src" "$dest.tmp"
rm -rf "$dest"
mv "$dest.tmp" "$dest"
echo "[fetch_imgui] ImGui 1.86 in $dest"
