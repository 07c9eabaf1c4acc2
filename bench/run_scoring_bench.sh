#!/usr/bin/env bash
# Timing of roster scoring, natively and as wasm under Node, side by side,
# with a check that both computed the same numbers (checksums of the score
# matrix and of the solved total). Not a test: numbers depend on the machine.
#
#   bench/run_scoring_bench.sh                  # small (300x300), mid (5000x5000), national (20k x 20k)
#   CASES="small national" REPS=3 bench/run_scoring_bench.sh
#
# Builds (Release) into build/bench-native and build/bench-wasm: the
# `scoring_bench` CMake target (EXCLUDE_FROM_ALL, see CMakeLists.txt). The wasm
# column needs emscripten, node and the libsodium wasm build that the wasm
# configure step requires; it is skipped when they are missing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CASES="${CASES:-small mid national}"
REPS="${REPS:-3}"
SEED="${SEED:-1}"
source "$ROOT/bench/lib.sh"
mkdir -p "$ROOT/bench/out"

NATIVE="$ROOT/build/bench-native/scoring_bench"
WASM="$ROOT/build/bench-wasm/scoring_bench.js"
build_bench_native scoring_bench
build_bench_wasm scoring_bench

reps_for() { if [ "$1" = small ]; then echo "$REPS"; else echo 1; fi; }

OUT="$ROOT/bench/out/scoring-$SEED.txt"
: > "$OUT"
for c in $CASES; do
  "$NATIVE" "$c" "$(reps_for "$c")" "$SEED" | sed 's/^scoring/native/' >> "$OUT"
  if [ "$HAVE_WASM" = 1 ]; then
    node --no-experimental-fetch "$WASM" "$c" "$(reps_for "$c")" "$SEED" | sed 's/^scoring/wasm/' >> "$OUT"
  fi
done

printf '%-10s %-20s %12s %12s %12s %s\n' case phase native_s wasm_s pairs same
awk '
  { key = $2 " " $3; if (!(key in seen)) { order[n++] = key; seen[key] = 1 }
    t[$1, key] = $4; pairs[key] = $5; sum[$1, key] = $6 }
  END {
    for (i = 0; i < n; i++) {
      k = order[i]; split(k, p, " ")
      w = ((("wasm", k) in t) ? sprintf("%12.4f", t["wasm", k]) : sprintf("%12s", "-"))
      same = ((("wasm", k) in sum) ? (sum["native", k] == sum["wasm", k] ? "yes" : "NO") : "-")
      printf "%-10s %-20s %12.4f %s %12s %s\n", p[1], p[2], t["native", k], w, pairs[k], same
    }
  }' "$OUT"
echo "(seconds; small: best of $REPS runs, others one run; roster generation not timed."
echo " build = Scorer profiles + every candidate pair's hard conditions and score + ScoreMatrix;"
echo " explain_all = explain() of all 90,000 pairs; explain_render_all = the same plus rendering every reason in Dutch;"
echo " national: 40 municipalities, groups allow no other municipality; same = native and wasm checksums agree)"
