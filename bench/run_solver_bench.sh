#!/usr/bin/env bash
# Side-by-side timing of the best-total solver (Welkom native, Welkom wasm
# under Node) against scipy's linear_sum_assignment and sparse
# min_weight_full_bipartite_matching on the same matrices, with a check that
# all objectives agree. Not a test: numbers depend on the machine.
#
#   bench/run_solver_bench.sh                 # 1000/2000/5000 int+float, national 20000
#   SIZES="1000 2000" NATIONAL= bench/run_solver_bench.sh
#
# Builds (Release) into build/bench-native and build/bench-wasm: the
# `solver_bench` CMake target (bench/*_bench.cpp rule in CMakeLists.txt, EXCLUDE_FROM_ALL).
# Needs python3-scipy (Debian's, run with /usr/bin/python3), emscripten and
# node for the wasm column (skipped when emcmake is missing), and the
# libsodium wasm build that the wasm configure step requires.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
SIZES="${SIZES:-1000 2000 5000}"
NATIONAL="${NATIONAL-20000}"
SEED="${SEED:-1}"
PY="${PYTHON:-/usr/bin/python3}"
SODIUM="${WELKOM_SODIUM_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/welkom-deps/libsodium-1.0.18-wasm}"
export NODE_PATH="/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}"
mkdir -p "$OUT"

NATIVE="$ROOT/build/bench-native/solver_bench"
WASM="$ROOT/build/bench-wasm/solver_bench.js"
cmake -S "$ROOT" -B "$ROOT/build/bench-native" -DCMAKE_BUILD_TYPE=Release -DWELKOM_BUILD_TESTS=OFF >/dev/null
cmake --build "$ROOT/build/bench-native" -j2 --target solver_bench >/dev/null
HAVE_WASM=0
if command -v emcmake >/dev/null && [ -f "$SODIUM/lib/libsodium.a" ]; then
  emcmake cmake -S "$ROOT" -B "$ROOT/build/bench-wasm" -DCMAKE_BUILD_TYPE=Release -DWELKOM_BUILD_TESTS=OFF \
    -DWELKOM_SODIUM_DIR="$SODIUM" >/dev/null 2>&1
  cmake --build "$ROOT/build/bench-wasm" -j2 --target solver_bench >/dev/null
  HAVE_WASM=1
fi

reps_for() { if [ "$1" -le 1000 ]; then echo 5; elif [ "$1" -le 2000 ]; then echo 2; else echo 1; fi; }
field() { awk -v k="$1" -v f="$2" '$1==k {print $f}'; }

printf '%-16s %10s %10s %10s %10s %12s %12s %s\n' case welkom welkom scipy scipy wasm/best native/best objectives
printf '%-16s %10s %10s %10s %10s %12s %12s %s\n' "" native wasm LSA sparse ref ref ""
run_case() {  # kind n
  local kind=$1 n=$2 reps file lines nat was lsa sp obj
  reps=$(reps_for "$n")
  if [ "$kind" = national ]; then
    file="$OUT/national-$n-$SEED"
    [ -f "$file.data.npy" ] || "$NATIVE" gen national "$n" "$SEED" "$file"
    lines=$("$PY" "$ROOT/bench/scipy_ref.py" national "$file" "$reps")
  else
    file="$OUT/$kind-$n-$SEED.npy"
    [ -f "$file" ] || "$NATIVE" gen "$kind" "$n" "$SEED" "$file"
    lines=$("$PY" "$ROOT/bench/scipy_ref.py" dense "$file" "$reps")
  fi
  lines+=$'\n'"$("$NATIVE" run "$kind" "$n" "$SEED" "$reps" | sed 's/^welkom/native/')"
  if [ "$HAVE_WASM" = 1 ]; then
    lines+=$'\n'"$(node --no-experimental-fetch "$WASM" run "$kind" "$n" "$SEED" "$reps" | sed 's/^welkom/wasm/')"
  fi
  echo "$lines" | "$PY" -c '
import sys
rows = {}
for line in sys.stdin:
    p = line.split()
    if not p: continue
    if p[0] in ("native", "wasm"): rows[p[0]] = (float(p[4]), float(p[5]))
    else: rows[p[0]] = (float(p[1]), float(p[2]))
case = sys.argv[1]
def t(k): return "%10.3f" % rows[k][0] if k in rows else "%10s" % "-"
refs = [rows[k][0] for k in ("scipy_lsa", "scipy_sparse") if k in rows]
best = min(refs)
ratio = lambda k: ("%12.2f" % (rows[k][0] / best)) if k in rows else "%12s" % "-"
objs = [v[1] for v in rows.values()]
same = all(abs(o - objs[0]) <= 1e-9 * max(1.0, abs(objs[0])) for o in objs)
print("%-16s %s %s %s %s %s %s %s" % (case, t("native"), t("wasm"), t("scipy_lsa"), t("scipy_sparse"),
      ratio("wasm"), ratio("native"), ("equal %.10g" % objs[0]) if same else "DIFFER " + " ".join("%s=%.17g" % (k, v[1]) for k, v in rows.items())))
' "$kind-$n"
}
for n in $SIZES; do
  for kind in int float; do run_case "$kind" "$n"; done
done
[ -n "$NATIONAL" ] && run_case national "$NATIONAL"
echo "(seconds, best of 5/2/1 runs for n <= 1000/2000/larger; solve call only, matrix set-up excluded for scipy,"
echo " included for Welkom: validation, component split and cost matrix build are part of solveBestTotal)"
