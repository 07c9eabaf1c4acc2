#!/usr/bin/env bash
# Builds the libFuzzer targets in fuzz/ (clang, AddressSanitizer,
# UndefinedBehaviorSanitizer, LeakSanitizer) and runs each for a bounded time.
# Fails when any target reports a crash, leak, timeout, out-of-memory or
# sanitizer finding; the input that caused it is kept under
# build/fuzz/artifacts/<target>/ (reproduce: build/fuzz/<target> <file>).
#
#   fuzz/run.sh                         every target, WELKOM_FUZZ_SECONDS each (default 60)
#   fuzz/run.sh roster_json_fuzz        one target
#   WELKOM_FUZZ_SECONDS=3600 fuzz/run.sh roster_json_fuzz   a long run (an hour)
#   WELKOM_FUZZ_SECONDS=0 fuzz/run.sh   only replay the seed corpora (a regression check)
#
# Seeds live in fuzz/corpus/<target>/ (small, fictitious, committed); inputs
# the fuzzer finds interesting go to build/fuzz/corpus/<target>/ (not
# committed) and are reused by the next run on the same machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="${WELKOM_FUZZ_BUILD_DIR:-${WELKOM_BUILD_DIR:-$ROOT/build}/fuzz}"
SECONDS_EACH="${WELKOM_FUZZ_SECONDS:-60}"
JOBS="${JOBS:-2}"
CXX_FUZZ="${WELKOM_FUZZ_CXX:-clang++}"
CC_FUZZ="${WELKOM_FUZZ_CC:-clang}"

log() { printf '\033[1m[fuzz]\033[0m %s\n' "$*" >&2; }

case "$SECONDS_EACH" in ''|*[!0-9]*) log "WELKOM_FUZZ_SECONDS must be a whole number of seconds"; exit 2 ;; esac

# Largest input per target: room for the limits worth reaching (256 object
# members, 512 CSV columns, two 64 KiB age chunks) without slowing every run.
max_len() {
  case "$1" in
    age_fuzz) echo 140000 ;;
    csv_import_fuzz) echo 16384 ;;
    roster_json_fuzz) echo 16384 ;;
    research_file_fuzz) echo 16384 ;;
    signup_fuzz) echo 16384 ;;
    *) echo 4096 ;;
  esac
}

log "building fuzz targets in $BUILD"
mkdir -p "$BUILD"
# -gline-tables-only: a finding's stack still names file and line, at less build time than -g.
if ! { cmake -S "$ROOT/fuzz" -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
         -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
         -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O2 -gline-tables-only -DNDEBUG" \
         -DCMAKE_CXX_COMPILER="$CXX_FUZZ" -DCMAKE_C_COMPILER="$CC_FUZZ" &&
       cmake --build "$BUILD" -j"$JOBS"; } >"$BUILD/build.log" 2>&1; then
  tail -n 40 "$BUILD/build.log" >&2
  log "building the fuzz targets failed (needs clang and libclang-rt-14-dev; log: $BUILD/build.log)"
  exit 1
fi

if [ "$#" -gt 0 ]; then
  targets=("$@")
else
  targets=()
  for f in "$ROOT"/fuzz/*_fuzz.cpp; do targets+=("$(basename "$f" .cpp)"); done
fi

export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:allocator_may_return_null=0}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

failed=()
for t in "${targets[@]}"; do
  exe="$BUILD/$t"
  [ -x "$exe" ] || { log "no such target: $t"; failed+=("$t"); continue; }
  seeds="$ROOT/fuzz/corpus/$t"
  work="$BUILD/corpus/$t"
  artifacts="$BUILD/artifacts/$t"
  mkdir -p "$work" "$artifacts"
  [ -d "$seeds" ] || { log "$t has no seed corpus ($seeds)"; failed+=("$t"); continue; }
  args=(-max_len="$(max_len "$t")" -timeout=25 -rss_limit_mb=2048 -print_final_stats=1
        -artifact_prefix="$artifacts/")
  [ -f "$ROOT/fuzz/$t.dict" ] && args+=(-dict="$ROOT/fuzz/$t.dict")
  log="$BUILD/$t.log"
  if [ "$SECONDS_EACH" -eq 0 ]; then
    log "$t: replaying the seed corpus"
    runargs=(-runs=0 "$seeds")
  else
    log "$t: fuzzing for ${SECONDS_EACH}s (log: $log)"
    runargs=(-max_total_time="$SECONDS_EACH" "$work" "$seeds")
  fi
  if "$exe" "${args[@]}" "${runargs[@]}" >"$log" 2>&1; then
    grep -E '^(stat::number_of_executed_units|stat::new_units_added|Done )' "$log" | tr '\n' ' ' >&2 || true
    echo >&2
  else
    log "$t FAILED; the end of its log:"
    tail -n 60 "$log" >&2
    ls -1 "$artifacts" >&2 || true
    failed+=("$t")
  fi
done

if [ "${#failed[@]}" -gt 0 ]; then
  log "FAILED: ${failed[*]}"
  exit 1
fi
log "all fuzz targets ran clean"
