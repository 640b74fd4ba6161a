#!/usr/bin/env bash
# Builds the benchmarks of bench/ for WebAssembly (em++ -O3 -msimd128, Node environment, module
# embedded) and runs them under Node; extra arguments go to Google Benchmark, e.g.
#   bench/run_wasm_bench.sh --benchmark_filter=AdamRosenbrock --benchmark_format=json
# Google Benchmark has no Emscripten package: its 1.7.1 sources come from Debian's source archive,
# read with private apt state (as TOOLCHAIN.md does for imgui), into build/h-bench-wasm.
set -euo pipefail
cd "$(dirname "$0")/.."
out=build/h-bench-wasm
mkdir -p "$out/obj"
export NODE_PATH=/usr/share/nodejs

if [ ! -d "$out/benchmark-1.7.1" ]; then
  t=$(mktemp -d); mkdir -p "$t/parts" "$t/lists/partial"
  sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$t/parts/src.sources"
  o="-o Dir::Etc::SourceParts=$t/parts -o Dir::Etc::SourceList=/dev/null -o Dir::State::Lists=$t/lists"
  apt-get $o update >/dev/null && (cd "$t" && apt-get $o source --download-only benchmark >/dev/null 2>&1)
  tar xf "$t"/benchmark_1.7.1.orig.tar.gz -C "$out"
fi
gb="$out/benchmark-1.7.1"

# The batched engine as the web app builds it: unfused arithmetic is its WASM default (no fma
# instruction), sqrt as a loop clang vectorises to f64x2.sqrt.
common="-O3 -msimd128 -std=c++17 -DNDEBUG -fexceptions -ffp-contract=off"
cxx="$common -I/usr/include/eigen3 -Isrc -DEIGEN_FAST_MATH=0 -DADAMLAB_BATCH_SQRT_LOOP"
gbflags="$common -I$gb/include -DHAVE_STD_REGEX -DBENCHMARK_STATIC_DEFINE -DBENCHMARK_HAS_NO_INLINE_ASSEMBLY"

# An object is rebuilt when its source or any header it included (em++ -MMD's list) is newer.
compile() {  # src flags...
  local src=$1; shift
  local obj="$out/obj/$(echo "$src" | tr '/' '_').o"
  local stale=0
  if [ ! -f "$obj" ] || [ ! -f "$obj.d" ]; then
    stale=1
  else
    for dep in $(sed -e 's/\\$//' -e 's/^[^:]*://' "$obj.d"); do
      if [ ! -e "$dep" ] || [ "$dep" -nt "$obj" ]; then stale=1; break; fi
    done
  fi
  if [ $stale = 1 ]; then em++ "$@" -MMD -MF "$obj.d" -c "$src" -o "$obj"; fi
  echo "$obj"
}
export -f compile; export out

objs=$( (ls "$gb"/src/*.cc | grep -v benchmark_main | xargs -P2 -I{} bash -c "compile {} $gbflags";
         ls src/core/*.cpp src/expr/*.cpp src/optim/*.cpp src/problems/*.cpp src/sched/*.cpp src/batch/*.cpp src/sim/run.cpp \
            src/sim/noise.cpp src/sim/palette.cpp src/sim/sweep.cpp src/sim/landscape.cpp src/sim/colormap.cpp src/nn/*.cpp src/data/*.cpp bench/scalar_baseline.cpp bench/batch_bench.cpp \
            bench/vector_bench.cpp bench/expr_bench.cpp bench/nn_bench.cpp bench/net_sweep_bench.cpp "$gb"/src/benchmark_main.cc |
           xargs -P2 -I{} bash -c "compile {} $cxx -I$gb/include") )
em++ $common $objs -o "$out/adamlab_bench.js" -sENVIRONMENT=node -sSINGLE_FILE=1 -sALLOW_MEMORY_GROWTH=1 \
  -sMAXIMUM_MEMORY=4GB -fexceptions
exec node --no-experimental-fetch "$out/adamlab_bench.js" "$@"
