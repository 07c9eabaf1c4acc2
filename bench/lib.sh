# Shared by the bench/run_*.sh scripts (sourced, with ROOT set to the
# repository): the Release builds of the bench programs, natively in
# build/bench-native and as wasm in build/bench-wasm.
#
#   build_bench_native scoring_bench           # or several targets
#   build_bench_wasm scoring_bench             # sets HAVE_WASM=1, or 0 when
#                                              # emscripten, node or the libsodium
#                                              # wasm build (./build-wasm.sh deps) is missing
SODIUM="${WELKOM_SODIUM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps/libsodium-1.0.18-wasm}"
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

build_bench_native() {
  cmake -S "$ROOT" -B "$ROOT/build/bench-native" -DCMAKE_BUILD_TYPE=Release -DWELKOM_BUILD_TESTS=OFF >/dev/null
  cmake --build "$ROOT/build/bench-native" -j2 --target "$@" >/dev/null
}

build_bench_wasm() {
  HAVE_WASM=0
  if command -v emcmake >/dev/null && command -v node >/dev/null && [ -f "$SODIUM/lib/libsodium.a" ]; then
    emcmake cmake -S "$ROOT" -B "$ROOT/build/bench-wasm" -DCMAKE_BUILD_TYPE=Release -DWELKOM_BUILD_TESTS=OFF \
      -DWELKOM_SODIUM_DIR="$SODIUM" >/dev/null 2>&1
    cmake --build "$ROOT/build/bench-wasm" -j2 --target "$@" >/dev/null
    HAVE_WASM=1
  else
    echo "SKIPPING the wasm column: needs emcmake, node and $SODIUM (./build-wasm.sh deps)" >&2
  fi
}
