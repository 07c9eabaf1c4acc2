#!/usr/bin/env bash
# Side-by-side timing of the best-total solver (Welkom native, Welkom wasm
# under Node; each cold = first call of a fresh process, and warm) against
# native references from Debian on the same matrices, given the same
# decomposition into municipalities: scipy's linear_sum_assignment and sparse
# min_weight_full_bipartite_matching, dlib's max_cost_assignment, LEMON's
# NetworkSimplex, and npm's munkres (JavaScript), with a check that all
# objectives agree. Not a test: numbers depend on the machine.
#
#   bench/run_solver_bench.sh                 # 1000/2000/5000 int, float, roster; rect 1000; national 20000; sparse 5000
#   SIZES="1000 2000" KINDS=roster NATIONAL= RECT= SPARSE= bench/run_solver_bench.sh
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
RECT="${RECT-1000}"
SPARSE="${SPARSE-5000}"
SEED="${SEED:-1}"
PY="${PYTHON:-/usr/bin/python3}"
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

NATIVE="$ROOT/build/bench-native/solver_bench"
build_bench_native solver_bench
# wasm: solver_bench needs only src/core, so it is built here with em++ at the
# optimisation level of the CMake Release builds (-O3), without the libsodium
# wasm build that the CMake wasm configure requires.
WASM_DIR="$ROOT/build/wasm-solver"
WASM="$WASM_DIR/solver_bench.js"
HAVE_WASM=0
if command -v em++ >/dev/null && command -v node >/dev/null; then
  mkdir -p "$WASM_DIR"
  objs=()
  for src in "$ROOT"/src/core/*.cpp "$ROOT/bench/solver_bench.cpp"; do
    obj="$WASM_DIR/$(basename "$src" .cpp).o"
    if [ ! -f "$obj" ] || [ "$src" -nt "$obj" ] || [ -n "$(find "$ROOT/src/core" -name '*.h' -newer "$obj" -print -quit)" ]; then
      em++ -O3 -DNDEBUG -std=c++17 -I"$ROOT/src" -c "$src" -o "$obj"
    fi
    objs+=("$obj")
  done
  em++ -O3 "${objs[@]}" -o "$WASM" -sNODERAWFS=1 -sEXIT_RUNTIME=1 -sALLOW_MEMORY_GROWTH=1 -sMAXIMUM_MEMORY=4GB -sENVIRONMENT=node
  HAVE_WASM=1
else
  echo "SKIPPING the wasm column: needs em++ and node" >&2
fi

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
  g++ -O3 -std=c++17 -DNDEBUG "$ROOT/bench/ref/dlib_assignment.cpp" -o "$REF/dlib_assignment" && HAVE_DLIB=1
else
  echo "SKIPPING the dlib column: libdlib-dev is not installed (apt-get install libdlib-dev)" >&2
fi
if [ -f "$LEMON_H" ]; then
  g++ -O3 -std=c++17 -DNDEBUG "$ROOT/bench/ref/lemon_assignment.cpp" -o "$REF/lemon_assignment" -llemon && HAVE_LEMON=1
else
  echo "SKIPPING the LEMON column: liblemon-dev is not installed (apt-get install liblemon-dev)" >&2
fi

# npm's munkres (JavaScript, under the same node as the wasm column).
HAVE_MUNKRES=0
MUNKRES_MAX="${MUNKRES_MAX:-4000000}"  # cells; its O(n^3) Hungarian takes minutes beyond
if command -v npm >/dev/null && (cd "$ROOT/bench/js" && { [ -d node_modules/munkres ] || npm ci --no-audit --no-fund >/dev/null 2>&1 || npm install --no-audit --no-fund >/dev/null 2>&1; }); then
  HAVE_MUNKRES=1
else
  echo "SKIPPING the munkres column: npm install in bench/js failed" >&2
fi

reps_for() { if [ "$1" -le 1000 ]; then echo 5; elif [ "$1" -le 2000 ]; then echo 2; else echo 1; fi; }

HDR='%-15s %8s %8s %8s %8s %8s %8s %8s %8s %8s %8s %7s %7s %s\n'
printf "$HDR" case native native wasm wasm scipy scipy dlib LEMON munkres "best ref" wasm/ wasm/ objectives
printf "$HDR" "" cold warm cold warm LSA sparse hungar. netsimpl JS "warm|cold" "best" "best" ""
printf "$HDR" "" "" "" "" "" "" "" "" "" "" "" warm cold ""
run_case() {  # kind n [whole|pc]
  local kind=$1 n=$2 view=${3:-} reps file lines cols
  reps=$(reps_for "$n")
  case "$kind" in
    national|sparse)
      file="$OUT/$kind-$n-$SEED"
      [ -f "$file.data.npy" ] || "$NATIVE" gen "$kind" "$n" "$SEED" "$file"
      lines=$("$PY" "$ROOT/bench/scipy_ref.py" "$kind" "$file" "$reps")
      if [ "$kind" = national ]; then
        if [ "$view" = pc ]; then
          lines=$(echo "$lines" | awk '$1 ~ /_pc$/ {sub(/_pc$/, "", $1); print}')
        else
          lines=$(echo "$lines" | awk '$1 !~ /_pc$/')
          [ "$HAVE_LEMON" = 1 ] && lines+=$'\n'"$("$REF/lemon_assignment" national "$file" "$reps")"
        fi
      fi ;;
    *)
      file="$OUT/$kind-$n-$SEED.npy"
      [ -f "$file" ] || "$NATIVE" gen "$kind" "$n" "$SEED" "$file"
      lines=$("$PY" "$ROOT/bench/scipy_ref.py" dense "$file" "$reps")
      cols=$n; [ "$kind" = rect ] && cols=$((4 * n))
      if [ "$kind" != rect ]; then  # dlib and the LEMON driver take square matrices only
        [ "$HAVE_DLIB" = 1 ] && lines+=$'\n'"$("$REF/dlib_assignment" dense "$file" "$reps")"
        [ "$HAVE_LEMON" = 1 ] && lines+=$'\n'"$("$REF/lemon_assignment" dense "$file" "$reps")"
      fi
      [ "$HAVE_MUNKRES" = 1 ] && [ $((n * cols)) -le "$MUNKRES_MAX" ] &&
        lines+=$'\n'"$(node "$ROOT/bench/js/munkres_ref.mjs" "$file" "$reps")" ;;
  esac
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
    if p[0] in ("native", "wasm"): rows[p[0]] = (float(p[4]), float(p[5]), float(p[7]))
    else: rows[p[0]] = (float(p[1]), float(p[2]), float(p[3]))
case = sys.argv[1]
def t(k, i=0): return "%8.3f" % rows[k][i] if k in rows else "%8s" % "-"
refs = [k for k in ("scipy_lsa", "scipy_sparse", "dlib", "lemon", "munkres") if k in rows]
bw = min(rows[k][0] for k in refs)
bc = min(rows[k][2] for k in refs)
ratio = lambda k, i, b: ("%7.2f" % (rows[k][i] / b)) if k in rows else "%7s" % "-"
objs = [v[1] for v in rows.values()]
same = all(abs(o - objs[0]) <= 1e-9 * max(1.0, abs(objs[0])) for o in objs)
refcell = "%.3f|%.3f" % (bw, bc)
print("%-15s %s %s %s %s %s %s %s %s %s %11s %s %s %s" % (case, t("native", 2), t("native"), t("wasm", 2), t("wasm"),
      t("scipy_lsa"), t("scipy_sparse"), t("dlib"), t("lemon"), t("munkres"), refcell,
      ratio("wasm", 0, bw), ratio("wasm", 2, bc),
      ("equal %.10g" % objs[0]) if same else "DIFFER " + " ".join("%s=%.17g" % (k, v[1]) for k, v in rows.items())))
' "$kind-$n${view:+-$view}"
}
for n in $SIZES; do
  for kind in $KINDS; do run_case "$kind" "$n"; done
done
[ -n "$RECT" ] && run_case rect "$RECT"
if [ -n "$NATIONAL" ]; then
  run_case national "$NATIONAL" pc
  run_case national "$NATIONAL" whole
fi
[ -n "$SPARSE" ] && run_case sparse "$SPARSE"
echo "(seconds; cold = first call of a fresh process, warm = best of 5/2/1 further runs for n <= 1000/2000/larger;"
echo " reference columns show warm times, \"best ref\" = fastest reference warm|cold; solve call only, input"
echo " set-up excluded for the references, included for Welkom: validation, component split, instance build;"
echo " national-pc: references called once per municipality (times summed), national-whole: one call on the"
echo " whole graph; Welkom splits into municipalities itself in both rows; dlib/LEMON: square matrices only;"
echo " both get integer costs, the float matrices scaled by 2^40 and rounded, objectives from the original values;"
echo " sparse: households may stay unmatched (scipy: one private zero-score column per household);"
echo " Welkom native, dlib and LEMON -O3 (g++), Welkom wasm em++ -O3; scipy as built by Debian; - = not run)"
