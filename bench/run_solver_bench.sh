#!/usr/bin/env bash
# Side-by-side timing of the best-total solver (Welkom native, Welkom wasm
# under Node) against native references from Debian on the same matrices:
# scipy's linear_sum_assignment and sparse min_weight_full_bipartite_matching,
# dlib's max_cost_assignment and LEMON's NetworkSimplex, with a check that all
# objectives agree. Not a test: numbers depend on the machine.
#
#   bench/run_solver_bench.sh                 # 1000/2000/5000 int, float, roster; national 20000
#   SIZES="1000 2000" KINDS=roster NATIONAL= bench/run_solver_bench.sh
#
# Builds (Release) into build/bench-native and build/bench-wasm: the
# `solver_bench` CMake target (bench/*_bench.cpp rule in CMakeLists.txt, EXCLUDE_FROM_ALL).
# Needs python3-scipy (Debian's, run with /usr/bin/python3), emscripten and
# node for the wasm column (skipped when emcmake is missing), and the
# libsodium wasm build that the wasm configure step requires.
# The dlib and LEMON columns come from bench/ref/{dlib,lemon}_assignment.cpp,
# compiled here with g++ -O2 into build/bench-ref against Debian's libdlib-dev
# and liblemon-dev; when their headers are missing the script installs them
# with apt-get if it runs as root (NO_INSTALL=1 prevents that), otherwise the
# column is skipped with a message. dlib runs the dense cases only (its
# Hungarian method needs the full matrix; 20,000^2 does not fit).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out"
SIZES="${SIZES:-1000 2000 5000}"
KINDS="${KINDS:-int float roster}"
NATIONAL="${NATIONAL-20000}"
SEED="${SEED:-1}"
PY="${PYTHON:-/usr/bin/python3}"
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

NATIVE="$ROOT/build/bench-native/solver_bench"
WASM="$ROOT/build/bench-wasm/solver_bench.js"
build_bench_native solver_bench
build_bench_wasm solver_bench

# ---- Debian's dlib and LEMON references -------------------------------------
REF="$ROOT/build/bench-ref"
DLIB_H=/usr/include/dlib/optimization/max_cost_assignment.h
LEMON_H=/usr/include/lemon/network_simplex.h
if { [ ! -f "$DLIB_H" ] || [ ! -f "$LEMON_H" ]; } && [ -z "${NO_INSTALL:-}" ] && [ "$(id -u)" = 0 ] &&
   command -v apt-get >/dev/null; then
  echo "installing libdlib-dev liblemon-dev (Debian packages) ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libdlib-dev liblemon-dev >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 &&
      DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends libdlib-dev liblemon-dev >/dev/null 2>&1; } ||
    echo "apt-get install libdlib-dev liblemon-dev failed" >&2
fi
mkdir -p "$REF"
HAVE_DLIB=0
HAVE_LEMON=0
if [ -f "$DLIB_H" ]; then
  g++ -O2 -std=c++17 -DNDEBUG "$ROOT/bench/ref/dlib_assignment.cpp" -o "$REF/dlib_assignment" && HAVE_DLIB=1
else
  echo "SKIPPING the dlib column: libdlib-dev is not installed (apt-get install libdlib-dev)" >&2
fi
if [ -f "$LEMON_H" ]; then
  g++ -O2 -std=c++17 -DNDEBUG "$ROOT/bench/ref/lemon_assignment.cpp" -o "$REF/lemon_assignment" -llemon && HAVE_LEMON=1
else
  echo "SKIPPING the LEMON column: liblemon-dev is not installed (apt-get install liblemon-dev)" >&2
fi

reps_for() { if [ "$1" -le 1000 ]; then echo 5; elif [ "$1" -le 2000 ]; then echo 2; else echo 1; fi; }
field() { awk -v k="$1" -v f="$2" '$1==k {print $f}'; }

printf '%-16s %10s %10s %10s %10s %10s %10s %12s %12s %s\n' case welkom welkom scipy scipy dlib LEMON wasm/best native/best objectives
printf '%-16s %10s %10s %10s %10s %10s %10s %12s %12s %s\n' "" native wasm LSA sparse hungarian netsimplex ref ref ""
run_case() {  # kind n
  local kind=$1 n=$2 reps file lines nat was lsa sp obj
  reps=$(reps_for "$n")
  if [ "$kind" = national ]; then
    file="$OUT/national-$n-$SEED"
    [ -f "$file.data.npy" ] || "$NATIVE" gen national "$n" "$SEED" "$file"
    lines=$("$PY" "$ROOT/bench/scipy_ref.py" national "$file" "$reps")
    [ "$HAVE_LEMON" = 1 ] && lines+=$'\n'"$("$REF/lemon_assignment" national "$file" "$reps")"
  else
    file="$OUT/$kind-$n-$SEED.npy"
    [ -f "$file" ] || "$NATIVE" gen "$kind" "$n" "$SEED" "$file"
    lines=$("$PY" "$ROOT/bench/scipy_ref.py" dense "$file" "$reps")
    [ "$HAVE_DLIB" = 1 ] && lines+=$'\n'"$("$REF/dlib_assignment" dense "$file" "$reps")"
    [ "$HAVE_LEMON" = 1 ] && lines+=$'\n'"$("$REF/lemon_assignment" dense "$file" "$reps")"
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
refs = [rows[k][0] for k in ("scipy_lsa", "scipy_sparse", "dlib", "lemon") if k in rows]
best = min(refs)
ratio = lambda k: ("%12.2f" % (rows[k][0] / best)) if k in rows else "%12s" % "-"
objs = [v[1] for v in rows.values()]
same = all(abs(o - objs[0]) <= 1e-9 * max(1.0, abs(objs[0])) for o in objs)
print("%-16s %s %s %s %s %s %s %s %s %s" % (case, t("native"), t("wasm"), t("scipy_lsa"), t("scipy_sparse"), t("dlib"), t("lemon"),
      ratio("wasm"), ratio("native"), ("equal %.10g" % objs[0]) if same else "DIFFER " + " ".join("%s=%.17g" % (k, v[1]) for k, v in rows.items())))
' "$kind-$n"
}
for n in $SIZES; do
  for kind in $KINDS; do run_case "$kind" "$n"; done
done
[ -n "$NATIONAL" ] && run_case national "$NATIONAL"
echo "(seconds, best of 5/2/1 runs for n <= 1000/2000/larger; solve call only, matrix set-up excluded for scipy,"
echo " included for Welkom: validation, component split and cost matrix build are part of solveBestTotal;"
echo " dlib: solve call only, dense cases only; LEMON: NetworkSimplex set-up + run, graph build excluded;"
echo " both get integer costs, the float matrices scaled by 2^40 and rounded, objectives from the original values;"
echo " best ref = fastest of the native references in the row; - = not run)"
