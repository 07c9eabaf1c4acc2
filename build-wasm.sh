#!/usr/bin/env bash
# Welkom build driver. One script for newcomers and CI on Debian 12:
#
#   ./build-wasm.sh            install what is missing, build the web app into dist/
#   ./build-wasm.sh --single-file
#                              the same, plus dist/welkom.html: the whole app in one file that
#                              works opened from disk (USB stick); prints its SHA-256
#   ./build-wasm.sh serve      build, then serve dist/ on http://127.0.0.1:8080
#   ./build-wasm.sh test       build everything and run all tests (native, fuzzing, wasm, browser);
#                              WELKOM_FUZZ_SECONDS sets each fuzz target's time (default 20 in `test`, to keep CI within its hour)
#   ./build-wasm.sh reproducible
#                              build welkom.html twice (second time from a copy of the sources
#                              at another path, in a fresh build folder) and check both are
#                              byte-identical (a full second wasm build)
#   ./build-wasm.sh deps       only fetch and build the third-party dependencies
#
# WELKOM_BUILD_DIR (default build/) and WELKOM_DIST_DIR (default dist/) move the outputs;
# WELKOM_SHARED_DIR (default ../shared) holds the age conformance vectors.
#
# Third-party sources (Dear ImGui, SDL2, libsodium) come from Debian *source*
# packages, are built for WebAssembly once and cached outside the checkout in
#   ${WELKOM_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps}
# keyed by version, so a fresh clone on the same machine reuses them.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${WELKOM_DEPS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps}"
BUILD="${WELKOM_BUILD_DIR:-$ROOT/build}"
DIST="${WELKOM_DIST_DIR:-$ROOT/dist}"
JOBS="${JOBS:-$(nproc)}"
PORT="${WELKOM_PORT:-8080}"

IMGUI_VERSION=1.86
SDL2_VERSION=2.26.5
SODIUM_VERSION=1.0.18

# Debian packages needed to build and test. Kept in one list so the message for
# non-root users and the install command are the same. firefox-esr, xvfb and
# xauth run the single file in Firefox on a virtual display, with Mesa's
# software WebGL (libgl1-mesa-dri): headless Firefox has no WebGL.
PACKAGES=(
  emscripten nodejs cmake make g++ clang pkg-config xz-utils dpkg-dev python3
  autoconf automake libtool
  nlohmann-json3-dev googletest libgtest-dev libsodium-dev libsdl2-dev zlib1g-dev
  fonts-noto-core fonts-dejavu-core
  chromium firefox-esr xvfb xauth libgl1-mesa-dri age python3-scipy python3-fonttools python3-brotli
  zbar-tools
  libclang-rt-14-dev
)

# Emscripten's tools need Debian's node modules (acorn...) even when the
# machine's node is not Debian's.
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"

# Each line carries the minutes:seconds since the script started, so a slow
# phase in CI's hour shows itself in the log.
log() { printf '\033[1m[welkom %d:%02d]\033[0m %s\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }
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
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  # Waits for another apt (unattended upgrades, a second checkout) instead of failing.
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
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
  apt-get -o DPkg::Lock::Timeout=600 update -qq
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
       "-DWELKOM_FONT_FILE=${WELKOM_FONT_FILE:-/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf}" \
       "-DWELKOM_SHARED_DIR=${WELKOM_SHARED_DIR:-$ROOT/../shared}"
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
  local dist="$DIST"
  rm -rf "$dist" && mkdir -p "$dist"
  cp "$BUILD/wasm/welkom.js" "$BUILD/wasm/welkom-payload.js" "$dist/"
  cp "$BUILD/wasm/welkom-worker.js" "$BUILD/wasm/welkom-worker-payload.js" "$dist/"
  cp "$ROOT/web/shell.html" "$dist/index.html"
  mkdir -p "$dist/fonts"
  cp "$BUILD/wasm/assets_stage/fonts/arabic.woff2" "$BUILD/wasm/assets_stage/fonts/ethiopic.woff2" "$dist/fonts/"
  cp "$ROOT/web/boot.js" "$ROOT/web/files.js" "$ROOT/web/script_text.js" "$ROOT/web/storage.js" "$ROOT/web/welkom.css" "$ROOT/web/welkom-test.js" "$ROOT/web/a11y.js" "$ROOT/assets/favicon.svg" "$dist/"
  # The public sign-up page (issue #14): its own small module, same folder,
  # so its link is <the app's folder>/signup.html#...
  cp "$BUILD/wasm/welkom-signup.js" "$BUILD/wasm/welkom-signup-payload.js" "$dist/"
  cp "$ROOT/web/signup.html" "$ROOT/web/signup.js" "$ROOT/web/signup.css" "$dist/"
  # What a browser downloads (gzip, as static hosts serve it): the runtime
  # and the payload, which carries the wasm binary and the font as base64.
  # The fonts of fonts/ (Arabic script, Ethiopic) come only when a roster has
  # such text, so the size is given without and with them.
  # The sign-up page's files are a page of their own, counted apart.
  local total=0 fonts=0 signup=0 f size
  for f in "$dist"/*; do
    [ -f "$f" ] || continue
    size=$(gzip -9c "$f" | wc -c)
    case "$(basename "$f")" in
      *signup*) signup=$((signup + size)) ;;
      *) total=$((total + size)) ;;
    esac
  done
  for f in "$dist"/fonts/*; do
    size=$(gzip -9c "$f" | wc -c)
    fonts=$((fonts + size))
  done
  local wasm
  wasm=$(gzip -9c "$BUILD/wasm/welkom.wasm" | wc -c)
  DIST_TRANSFER_BYTES=$total
  DIST_TRANSFER_WITH_FONTS_BYTES=$((total + fonts))
  SIGNUP_TRANSFER_BYTES=$signup
  printf '[welkom] %s ready. Transferred size (gzip -9): %d bytes = %.2f MB (budget %.2f MB); with a roster in Arabic script and Ethiopic (fonts/): %d bytes = %.2f MB (budget %.2f MB); the wasm alone: %d bytes\n' \
    "$dist" "$total" "$(awk "BEGIN{print $total/1000000}")" "$(awk "BEGIN{print $PAGE_BUDGET_BYTES/1000000}")" \
    "$((total + fonts))" "$(awk "BEGIN{print ($total+$fonts)/1000000}")" "$(awk "BEGIN{print $PAGE_BUDGET_WITH_FONTS_BYTES/1000000}")" "$wasm"
  printf '[welkom] the sign-up page (signup.html and its files): %d bytes = %.2f MB (budget %.2f MB)\n' \
    "$signup" "$(awk "BEGIN{print $signup/1000000}")" "$(awk "BEGIN{print $SIGNUP_BUDGET_BYTES/1000000}")"
}

# The page's download budgets (bench/README.md, "Page size"): `test` fails
# when the last assemble_dist went over either.
PAGE_BUDGET_BYTES=1500000
PAGE_BUDGET_WITH_FONTS_BYTES=1700000
# The sign-up page is opened on phones, often over mobile data.
SIGNUP_BUDGET_BYTES=600000
check_page_budget() {
  if [ "$SIGNUP_TRANSFER_BYTES" -gt "$SIGNUP_BUDGET_BYTES" ]; then
    log "OVER BUDGET: the sign-up page transfers $SIGNUP_TRANSFER_BYTES bytes; budget $SIGNUP_BUDGET_BYTES"
    return 1
  fi
  if [ "$DIST_TRANSFER_BYTES" -gt "$PAGE_BUDGET_BYTES" ] || [ "$DIST_TRANSFER_WITH_FONTS_BYTES" -gt "$PAGE_BUDGET_WITH_FONTS_BYTES" ]; then
    log "OVER BUDGET: the page transfers $DIST_TRANSFER_BYTES bytes ($DIST_TRANSFER_WITH_FONTS_BYTES with the script fonts); budgets $PAGE_BUDGET_BYTES and $PAGE_BUDGET_WITH_FONTS_BYTES"
    return 1
  fi
  log "page size within budget: $DIST_TRANSFER_BYTES of $PAGE_BUDGET_BYTES bytes, $DIST_TRANSFER_WITH_FONTS_BYTES of $PAGE_BUDGET_WITH_FONTS_BYTES with the script fonts"
}

# dist/welkom.html and dist/welkom-signup.html from the files of dist/ (see
# web/tools/make_single_file.py).
# Not counted in the transfer size above: it is the same app in another form.
assemble_single_file() {
  local out="${1:-$DIST/welkom.html}"
  "${PYTHON:-python3}" "$ROOT/web/tools/make_single_file.py" "$DIST" "$out"
  local sum size
  sum=$(sha256sum "$out" | cut -d' ' -f1)
  size=$(wc -c <"$out")
  log "single file: $out ($size bytes)"
  echo "SHA-256 $sum  welkom.html"
  # The sign-up page as one file too, next to it (for a USB stick or a mail).
  local signup_out
  signup_out="$(dirname "$out")/welkom-signup.html"
  "${PYTHON:-python3}" "$ROOT/web/tools/make_single_file.py" --signup "$DIST" "$signup_out"
  log "single file: $signup_out ($(wc -c <"$signup_out") bytes)"
}

# Builds welkom.html a second time, from a copy of the sources at another
# path into a fresh build folder, and compares it with the first: any
# timestamp, path or random name that leaks into the output shows up as a
# difference. The copy holds the files git knows (tracked, or new and not
# ignored) as they are in the working tree.
check_reproducible() {
  local first="$DIST/welkom.html"
  [ -f "$first" ] || die "no $first to compare; build it first"
  local other
  other="$(mktemp -d "${TMPDIR:-/tmp}/welkom-rebuild.XXXXXX")"
  log "second build of the same sources, copied to $other/src (a full wasm build)"
  mkdir -p "$other/src"
  (cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -cf -) | tar -xf - -C "$other/src"
  (
    ROOT="$other/src" BUILD="$other/build" DIST="$other/dist"
    build_wasm --target welkom && assemble_dist && assemble_single_file
  ) >"$other/build.log" 2>&1 || { tail -n 30 "$other/build.log" >&2; die "the second build failed (log: $other/build.log)"; }
  compare_single_files "$first" "$other/dist/welkom.html" && rm -rf "$other"
}

compare_single_files() {
  local a b
  a=$(sha256sum "$1" | cut -d' ' -f1)
  b=$(sha256sum "$2" | cut -d' ' -f1)
  echo "SHA-256 $a  $1"
  echo "SHA-256 $b  $2"
  if [ "$a" != "$b" ]; then
    cmp "$1" "$2" | head -n 3 >&2 || true
    log "NOT REPRODUCIBLE: the two builds differ"
    return 1
  fi
  log "reproducible: both builds are byte-identical"
}

# The cheap check run by `test`: the build's objects linked, packed and
# assembled again into another folder give the same welkom.html. (The full
# check, a second build from the sources, is `./build-wasm.sh reproducible`.)
check_reassembly() {
  local other
  other="$(mktemp -d "${TMPDIR:-/tmp}/welkom-reassembly.XXXXXX")"
  (
    set -e
    rm -f "$BUILD/wasm/welkom.js" "$BUILD/wasm/welkom-worker.js"
    build_wasm --target welkom
    DIST="$other/dist"
    assemble_dist && assemble_single_file
  ) >"$other/build.log" 2>&1 || { tail -n 30 "$other/build.log" >&2; return 1; }
  compare_single_files "$DIST/welkom.html" "$other/dist/welkom.html" && rm -rf "$other"
}

build_native() {
  log "building native libraries, CLI and tests"
  # shellcheck disable=SC2046
  # -g1 (line tables only): backtraces still name file and line, and the build
  # takes about a third less time than with full debug information (-g).
  cmake -S "$ROOT" -B "$BUILD/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG" \
    $(cmake_common_args) >/dev/null
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
  log "layer 1/3, fuzzing: each target for ${WELKOM_FUZZ_SECONDS:-20}s (libFuzzer, see fuzz/run.sh)"
  JOBS="$JOBS" WELKOM_FUZZ_SECONDS="${WELKOM_FUZZ_SECONDS:-20}" WELKOM_BUILD_DIR="$BUILD" "$ROOT/fuzz/run.sh" || failed=1
  build_wasm
  assemble_dist
  check_page_budget || failed=1
  assemble_single_file
  log "reproducibility: relink and reassemble welkom.html, compare"
  check_reassembly || failed=1
  log "layer 2/3: the same tests compiled to wasm, run under Node"
  (cd "$BUILD/wasm" && ctest --output-on-failure) || failed=1
  log "layer 3/3: browser tests (playwright-core + Debian's Chromium)"
  # The sign-up page test opens what the page makes with the native CLI.
  WELKOM_CLI="$BUILD/native/welkom" "$ROOT/tests/browser/run.sh" "$DIST" || failed=1
  local skipped=""
  if [ ! -d "${WELKOM_SHARED_DIR:-$ROOT/../shared}/testdata/age-vectors" ]; then
    skipped="age conformance vectors (${WELKOM_SHARED_DIR:-$ROOT/../shared}/testdata/age-vectors) absent: those tests did NOT run"
    printf '\033[1;33m[welkom] SKIPPED: %s\033[0m\n' "$skipped" >&2
  fi
  if [ "$failed" -ne 0 ]; then log "SOME TESTS FAILED"; return 1; fi
  if [ -n "$skipped" ]; then log "all test layers passed, with 1 SKIPPED part (see above)"; return 0; fi
  log "all test layers passed"
}

# --single-file may come alone or after `build`/`serve`.
SINGLE_FILE=0
args=()
for arg in "$@"; do
  if [ "$arg" = --single-file ]; then SINGLE_FILE=1; else args+=("$arg"); fi
done
set -- "${args[@]:-}"
single_file_if_asked() { if [ "$SINGLE_FILE" -eq 1 ]; then assemble_single_file; fi; }

case "${1:-build}" in
  deps) deps ;;
  build|"") deps; build_wasm; assemble_dist; single_file_if_asked ;;
  serve) deps; build_wasm; assemble_dist; single_file_if_asked; serve ;;
  reproducible) deps; build_wasm --target welkom; assemble_dist; assemble_single_file; check_reproducible ;;
  test) deps; run_tests ;;
  -h|--help|help) sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) die "unknown command '$1' (try --help)" ;;
esac
