#!/usr/bin/env bash
# A national-size roster in the real app, in headless Chromium: open the file,
# validate, score and match (in the worker), draw the tables, and report the
# time of each step and the peak memory (wasm heaps of the page and of the
# matching worker; they never shrink, so their size after the run is the peak).
# Not a test: numbers depend on the machine. See bench/README.md.
#
#   bench/run_browser_large_bench.sh                  # 20,000 households x 20,000 groups, 40 municipalities
#   HOUSEHOLDS=5000 GROUP_COUNT=5000 bench/run_browser_large_bench.sh
#   NO_BUILD=1 bench/run_browser_large_bench.sh       # use dist/ and build/native as they are
#
# Steps: build dist/ (./build-wasm.sh build) and the native `welkom` CLI; write
# the demo roster with `welkom demo` into bench/out/browser/ (git-ignored; only
# fictitious people); run bench/browser_large_bench.mjs, which drives the page
# through window.welkomTest with real clicks like the browser tests do.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/browser"
HOUSEHOLDS="${HOUSEHOLDS:-20000}"
GROUP_COUNT="${GROUP_COUNT:-20000}"
MUNICIPALITIES="${MUNICIPALITIES:-40}"
mkdir -p "$OUT"

if [ -z "${NO_BUILD:-}" ]; then
  "$ROOT/build-wasm.sh" build
  cmake -S "$ROOT" -B "$ROOT/build/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$ROOT/build/native" -j"$(nproc)" --target welkom
fi
ROSTER="$OUT/roster-${HOUSEHOLDS}x${GROUP_COUNT}.json"
if [ ! -s "$ROSTER" ]; then
  "$ROOT/build/native/welkom" demo --households "$HOUSEHOLDS" --groups "$GROUP_COUNT" \
    --municipalities "$MUNICIPALITIES" -o "$ROSTER" >&2
fi
cd "$ROOT/tests/browser"
if [ ! -d node_modules/playwright-core ]; then
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
WELKOM_DIST="$ROOT/dist" WELKOM_ARTIFACTS="$OUT" exec node "$ROOT/bench/browser_large_bench.mjs" "$ROSTER"
