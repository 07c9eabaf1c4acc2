#!/usr/bin/env bash
# Welkom build driver. One script for newcomers and CI on Debian 12:
#
#   ./build-wasm.sh            install what is missing, build the web app into dist/
#   ./build-wasm.sh serve      the same, then serve dist/ on http://127.0.0.1:8080
#   ./build-wasm.sh test       build everything and run all tests (native, fuzzing, wasm, browser);
#                              WELKOM_FUZZ_SECONDS sets each fuzz target's time (default 60)
#   ./build-wasm.sh deps       only fetch and build the third-party dependencies
#
# Third-party sources (Dear ImGui, SDL2, libsodium) come from Debian *source*
# packages, are built for WebAssembly once and cached outside the checkout in
#   ${WELKOM_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps}
# keyed by version, so a fresh clone on the same machine reuses them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${WELKOM_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps}"
BUILD="${WELKOM_BUILD_DIR:-$ROOT/build}"
JOBS="${JOBS:-$(nproc)}"
PORT="${WELKOM_PORT:-8080}"

IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
SODIUM_VERSION=1.0.18

# Debian packages needed to build and test. Kept in one list so the message for
# non-root users and the install command are the same.
PACKAGES=(
  emscripten nodejs cmake make g++ clang pkg-config xz-utils dpkg-dev python3
  autoconf automake libtool
  nlohmann-json3-dev googletest libgtest-dev libsodium-dev libsdl2-dev zlib1g-dev
  fonts-noto-core fonts-dejavu-core
  chromium age python3-scipy python3-fonttools
  libclang-rt-14-dev
)

# Emscripten's tools need Debian's node modules (acorn...) even when the
# machine's node is not Debian's.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

log() { printf '\033[1m[welkom]\033[0m %s\n' "$*" >&2; }
die() { printf '[welkom] error: %s\n' "$*" >&2; exit 1; }

missing_packages() {
  local p missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' || missing+=("$p")
  done
  echo "${missing[@]:-}"
}

install_packages() {
  local missing
  missing="$(missing_packages)"
  [ -z "$missing" ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "Welkom needs these Debian packages. Install them as root, then run this script again:" >&2
    echo "  apt-get install -y --no-install-recommends $missing" >&2
    exit 2
  fi
  log "installing Debian packages: $missing"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

# Adds a deb-src entry next to the existing sources (same archive and keyring)
# so `apt-get source` can fetch and verify the upstream tarballs.
ensure_deb_src() {
  local list=/etc/apt/sources.list.d/welkom-deb-src.sources
  if apt-get source --download-only --print-uris imgui >/dev/null 2>&1; then return 0; fi
  [ "$(id -u)" -eq 0 ] || die "apt has no deb-src entry for bookworm; as root, add one (see README) and run again"
  log "adding a deb-src entry: $list"
  cat >"$list" <<'EOF'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  apt-get update -qq
}

# fetch_source PKG TARBALL_GLOB DEST_DIR: unpack the orig tarball of a Debian
# source package into DEST_DIR (once).
fetch_source() {
  local pkg="$1" glob="$2" dest="$3"
  [ -d "$dest" ] && return 0
  ensure_deb_src
  local dl="$CACHE/download"
  mkdir -p "$dl"
  if ! ls "$dl"/$glob >/dev/null 2>&1; then
    log "fetching Debian source package $pkg"
    (cd "$dl" && apt-get source --download-only -qq "$pkg" >/dev/null)
  fi
  local tarball
  tarball="$(ls "$dl"/$glob | head -n1)"
  local tmp="$dest.tmp"
  rm -rf "$tmp" && mkdir -p "$tmp"
  tar -xf "$tarball" -C "$tmp"
  # Tarballs hold one top-level folder; make DEST_DIR that folder.
  mv "$tmp"/* "$dest" && rmdir "$tmp"
}

build_sdl2_wasm() {
  local prefix="$CACHE/sdl2-$SDL2_VERSION-wasm"
  [ -f "$prefix/lib/libSDL2.a" ] && return 0
  local src="$CACHE/src/sdl2-$SDL2_VERSION"
  fetch_source libsdl2 "libsdl2_${SDL2_VERSION}+dfsg.orig.tar.gz" "$src"
  log "building SDL2 $SDL2_VERSION for WebAssembly (first time only, several minutes)"
  local b="$CACHE/build/sdl2"
  rm -rf "$b"
  emcmake cmake -S "$src" -B "$b" -DCMAKE_BUILD_TYPE=Release -DSDL_SHARED=OFF -DSDL_STATIC=ON \
    -DSDL_TEST=OFF -DCMAKE_INSTALL_PREFIX="$prefix.tmp" >"$CACHE/sdl2-build.log" 2>&1 \
    || die "SDL2 configure failed, see $CACHE/sdl2-build.log"
  cmake --build "$b" -j"$JOBS" >>"$CACHE/sdl2-build.log" 2>&1 && cmake --install "$b" >>"$CACHE/sdl2-build.log" 2>&1 \
    || die "SDL2 build failed, see $CACHE/sdl2-build.log"
  rm -rf "$prefix" && mv "$prefix.tmp" "$prefix" && rm -rf "$b"
}

build_sodium_wasm() {
  local prefix="$CACHE/libsodium-$SODIUM_VERSION-wasm"
  [ -f "$prefix/lib/libsodium.a" ] && return 0
  local src="$CACHE/src/libsodium-$SODIUM_VERSION"
  fetch_source libsodium "libsodium_${SODIUM_VERSION}.orig.tar.gz" "$src"
  log "building libsodium $SODIUM_VERSION for WebAssembly (first time only, several minutes)"
  local b="$CACHE/build/libsodium"
  rm -rf "$b" && cp -r "$src" "$b"
  (
    cd "$b"
    ./autogen.sh -s
    # --enable-minimal would drop scrypt, which age passphrases need.
    emconfigure ./configure --host=wasm32-unknown-emscripten --prefix="$prefix.tmp" \
      --disable-shared --enable-static --without-pthreads --disable-ssp --disable-asm
    emmake make -j"$JOBS"
    emmake make install
  ) >"$CACHE/libsodium-build.log" 2>&1 || die "libsodium build failed, see $CACHE/libsodium-build.log"
  rm -rf "$prefix" && mv "$prefix.tmp" "$prefix" && rm -rf "$b"
}

fetch_imgui() {
  fetch_source imgui "imgui_${IMGUI_VERSION}+ds.orig.tar.xz" "$CACHE/src/imgui-$IMGUI_VERSION"
}

deps() {
  install_packages
  mkdir -p "$CACHE"
  fetch_imgui
  build_sdl2_wasm
  build_sodium_wasm
}

# Cache variables shared by the native and the wasm configuration. Builders on
# other systems override them on the command line (see README).
cmake_common_args() {
  echo "-DWELKOM_IMGUI_DIR=$CACHE/src/imgui-$IMGUI_VERSION" \
       "-DWELKOM_FONT_FILE=${WELKOM_FONT_FILE:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}"
}

build_wasm() {
  log "building the web app"
  # shellcheck disable=SC2046
  emcmake cmake -S "$ROOT" -B "$BUILD/wasm" -DCMAKE_BUILD_TYPE=Release $(cmake_common_args) \
    "-DWELKOM_SDL2_DIR=$CACHE/sdl2-$SDL2_VERSION-wasm" \
    "-DWELKOM_SODIUM_DIR=$CACHE/libsodium-$SODIUM_VERSION-wasm" >/dev/null
  cmake --build "$BUILD/wasm" -j"$JOBS" "$@"
}

assemble_dist() {
  local dist="$ROOT/dist"
  rm -rf "$dist" && mkdir -p "$dist"
  cp "$BUILD/wasm/welkom.js" "$BUILD/wasm/welkom-payload.js" "$dist/"
  cp "$BUILD/wasm/welkom-worker.js" "$BUILD/wasm/welkom-worker-payload.js" "$dist/"
  cp "$ROOT/web/shell.html" "$dist/index.html"
  cp "$ROOT/web/boot.js" "$ROOT/web/files.js" "$ROOT/web/storage.js" "$ROOT/web/welkom.css" "$ROOT/web/welkom-test.js" "$ROOT/assets/favicon.svg" "$dist/"
  # What a browser downloads (gzip, as static hosts serve it): the runtime
  # and the payload, which carries the wasm binary and the font as base64.
  local total=0 f size
  for f in "$dist"/*; do
    size=$(gzip -9c "$f" | wc -c)
    total=$((total + size))
  done
  local wasm
  wasm=$(gzip -9c "$BUILD/wasm/welkom.wasm" | wc -c)
  printf '[welkom] dist/ ready. Transferred size (gzip -9, all files): %d bytes = %.2f MB (budget 1.50 MB); the wasm alone: %d bytes\n' \
    "$total" "$(awk "BEGIN{print $total/1000000}")" "$wasm"
}

build_native() {
  log "building native libraries, CLI and tests"
  # shellcheck disable=SC2046
  cmake -S "$ROOT" -B "$BUILD/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo $(cmake_common_args) >/dev/null
  cmake --build "$BUILD/native" -j"$JOBS"
}

serve() {
  log "serving dist/ at http://127.0.0.1:$PORT/ (Ctrl+C stops)"
  exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$ROOT/dist"
}

build_native_sanitized() {
  log "building native tests with AddressSanitizer + UndefinedBehaviorSanitizer"
  # shellcheck disable=SC2046
  cmake -S "$ROOT" -B "$BUILD/native-asan" -DCMAKE_BUILD_TYPE=Debug -DWELKOM_SANITIZE=ON $(cmake_common_args) >/dev/null
  cmake --build "$BUILD/native-asan" -j"$JOBS"
}

run_tests() {
  local failed=0
  build_native
  log "layer 1/3: native tests (GoogleTest via CTest)"
  (cd "$BUILD/native" && ctest --output-on-failure -j"$JOBS") || failed=1
  build_native_sanitized
  log "layer 1/3, again under AddressSanitizer + UndefinedBehaviorSanitizer"
  (cd "$BUILD/native-asan" && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure -j"$JOBS") || failed=1
  log "layer 1/3, fuzzing: each target for ${WELKOM_FUZZ_SECONDS:-60}s (libFuzzer, see fuzz/run.sh)"
  JOBS="$JOBS" WELKOM_BUILD_DIR="$BUILD" "$ROOT/fuzz/run.sh" || failed=1
  build_wasm
  assemble_dist
  log "layer 2/3: the same tests compiled to wasm, run under Node"
  (cd "$BUILD/wasm" && ctest --output-on-failure) || failed=1
  log "layer 3/3: browser tests (playwright-core + Debian's Chromium)"
  "$ROOT/tests/browser/run.sh" "$ROOT/dist" || failed=1
  if [ "$failed" -ne 0 ]; then log "SOME TESTS FAILED"; return 1; fi
  log "all test layers passed"
}

case "${1:-build}" in
  deps) deps ;;
  build) deps; build_wasm; assemble_dist ;;
  serve) deps; build_wasm; assemble_dist; serve ;;
  test) deps; run_tests ;;
  -h|--help|help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try --help)" ;;
esac
