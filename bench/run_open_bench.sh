#!/usr/bin/env bash
# Opening an encrypted roster (decrypt + parse + validate): Welkom native and
# Welkom wasm under Node, side by side with the reference `age -d` on the very
# same files, once encrypted to an X25519 recipient and once with a passphrase
# (scrypt at age's default work factor 18). Not a test: numbers depend on the machine.
#
#   bench/run_open_bench.sh                         # 1,000 households, 800 groups, 8 municipalities
#   HOUSEHOLDS=300 GROUP_COUNT=250 REPS=3 bench/run_open_bench.sh
#
# Steps: build `welkom` and the `open_bench` CMake target (bench/*_bench.cpp rule,
# EXCLUDE_FROM_ALL) in build/bench-native and build/bench-wasm (Release); write
# the demo roster with `welkom demo`; encrypt it with the age CLI (age-keygen key;
# `age -p` under a pseudo-terminal via `script`, since age reads passphrases only
# from a terminal); time `age -d` with hyperfine (installed with apt-get when
# missing and run as root; NO_INSTALL=1 skips that) or else a bash loop; time
# open_bench natively and under Node. NO_HYPERFINE=1 forces the loop (its times
# include starting a bash). Everything is best of $REPS runs
# (passphrase) or $X_REPS runs (X25519).
# Files go to bench/out/open/ (git-ignored), the passphrase in a mode-600 file;
# script's output is never shown (the pty echoes the passphrase).
# Needs age (Debian package `age`), util-linux `script`; emscripten, node and the
# libsodium wasm build for the wasm column (skipped when missing).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUT="$ROOT/bench/out/open"
HOUSEHOLDS="${HOUSEHOLDS:-1000}"
GROUP_COUNT="${GROUP_COUNT:-800}"
MUNICIPALITIES="${MUNICIPALITIES:-8}"
SEED="${SEED:-1}"
REPS="${REPS:-5}"      # passphrase case (each run costs ~1.5 s of scrypt)
X_REPS="${X_REPS:-20}" # X25519 case (milliseconds: more runs against the noise of a shared machine)
source "$ROOT/bench/lib.sh"
mkdir -p "$OUT"

for tool in age age-keygen script; do
  command -v "$tool" >/dev/null || { echo "run_open_bench: '$tool' is missing (apt-get install age util-linux)" >&2; exit 1; }
done
if ! command -v hyperfine >/dev/null && [ -z "${NO_INSTALL:-}" ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "installing hyperfine (Debian package) ..." >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q hyperfine >/dev/null 2>&1 ||
    { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q hyperfine >/dev/null 2>&1; } ||
    echo "could not install hyperfine: timing age -d with a bash loop" >&2
fi

CLI="$ROOT/build/bench-native/welkom"
NATIVE="$ROOT/build/bench-native/open_bench"
WASM="$ROOT/build/bench-wasm/open_bench.js"
build_bench_native welkom open_bench
build_bench_wasm open_bench

# ---- Inputs: one roster, two encrypted copies -------------------------------
ROSTER="$OUT/roster-$HOUSEHOLDS-$GROUP_COUNT-$SEED.json"
KEY="$OUT/key.txt"
PASSFILE="$OUT/passphrase.txt"
X_AGE="$ROSTER.x25519.age"
P_AGE="$ROSTER.scrypt.age"
"$CLI" demo --households "$HOUSEHOLDS" --groups "$GROUP_COUNT" --municipalities "$MUNICIPALITIES" \
  --seed "$SEED" -o "$ROSTER" 2>/dev/null
(
  umask 077
  rm -f "$KEY" "$PASSFILE"
  age-keygen -o "$KEY" 2>/dev/null
  # A fresh random passphrase per run (benchmark data, fictitious roster).
  head -c 24 /dev/urandom | base64 | tr -d '/+=\n' > "$PASSFILE"
  echo >> "$PASSFILE"
)
rm -f "$X_AGE" "$P_AGE"
age -r "$(age-keygen -y "$KEY")" -o "$X_AGE" "$ROSTER"
# age asks twice; `-e` hands back age's exit status. Output discarded: it echoes the passphrase.
{ cat "$PASSFILE"; cat "$PASSFILE"; } |
  script -qec "age -p -o $(printf '%q' "$P_AGE") $(printf '%q' "$ROSTER")" /dev/null >/dev/null 2>&1
[ -s "$P_AGE" ] || { echo "run_open_bench: age -p wrote no file" >&2; exit 1; }
grep -q '^-> scrypt .* 18$' <(head -c 300 "$P_AGE" | tr -c '[:print:]\n' '?') ||
  { echo "run_open_bench: expected an scrypt stanza with work factor 18" >&2; exit 1; }

# The commands `age -d` is timed with (output to /dev/null; the pty variant needs the passphrase on stdin).
AGE_X="age -d -i $(printf '%q' "$KEY") -o /dev/null $(printf '%q' "$X_AGE")"
AGE_P="script -qec $(printf '%q' "age -d -o /dev/null $(printf '%q' "$P_AGE")") /dev/null <$(printf '%q' "$PASSFILE") >/dev/null 2>&1"

# Both files must decrypt with age to exactly the roster (checked once, untimed).
age -d -i "$KEY" "$X_AGE" | cmp -s - "$ROSTER" || { echo "run_open_bench: age -d (X25519) differs" >&2; exit 1; }
rm -f "$OUT/check.json"
script -qec "age -d -o $(printf '%q' "$OUT/check.json") $(printf '%q' "$P_AGE")" /dev/null <"$PASSFILE" >/dev/null 2>&1
cmp -s "$OUT/check.json" "$ROSTER" || { echo "run_open_bench: age -d (passphrase) differs" >&2; exit 1; }
rm -f "$OUT/check.json"

# best_seconds <reps> <warmup> <shell command>: best of <reps> wall-clock runs.
# Commands without a redirection run without a shell under hyperfine (-N): the
# X25519 case takes a few milliseconds, too close to a shell's start-up to subtract it.
best_seconds() {
  local reps=$1 warmup=$2 cmd=$3 noshell=()
  [[ "$cmd" == *[\<\>]* ]] || noshell=(-N)
  if [ "$HAVE_HYPERFINE" = 1 ]; then
    hyperfine "${noshell[@]}" --warmup "$warmup" --runs "$reps" --style none --export-json "$OUT/hyperfine.json" \
      "$cmd" >/dev/null
    grep -o '"min": *[0-9.e+-]*' "$OUT/hyperfine.json" | head -1 | sed 's/.*: *//'
  else
    local i t0 t1 best=""
    for ((i = 0; i < warmup; i++)); do bash -c "$cmd"; done
    for ((i = 0; i < reps; i++)); do
      t0=$(date +%s.%N); bash -c "$cmd"; t1=$(date +%s.%N)
      best=$(awk -v a="$t0" -v b="$t1" -v c="$best" 'BEGIN { d = b - a; if (c == "" || d < c) c = d; printf "%.6f", c }')
    done
    echo "$best"
  fi
}
HAVE_HYPERFINE=0
[ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine >/dev/null && HAVE_HYPERFINE=1
TIMER=$([ "$HAVE_HYPERFINE" = 1 ] && echo "hyperfine $(hyperfine --version | awk '{print $2}')" || echo "bash loop")

# field <phase> <lines>: the seconds of "open <phase> <s>"
field() { awk -v p="$1" '$1 == "open" && $2 == p { print $3 }' <<<"$2"; }
info() { awk '$1 == "open" && $2 == "info" { print $3, $4, $5, $6, $7 }' <<<"$1"; }

TABLE="$OUT/open-table.txt"
{
  printf '%-11s %9s %10s %10s %10s %10s %9s %10s %10s %s\n' case age_-d native native wasm wasm wasm/age native/age wasm/age same
  printf '%-11s %9s %10s %10s %10s %10s %9s %10s %10s %s\n' "" "" decrypt open decrypt open open open decrypt ""
} | tee "$TABLE"
run_case() {  # name file reps warmup age-command key-args...
  local name=$1 file=$2 reps=$3 warmup=$4 age_cmd=$5; shift 5
  local age_s nat was="" same
  age_s=$(best_seconds "$reps" "$warmup" "$age_cmd")
  nat=$("$NATIVE" "$file" "$reps" "$@")
  [ "$HAVE_WASM" = 1 ] && was=$(node --no-experimental-fetch "$WASM" "$file" "$reps" "$@")
  # same: native and wasm read the same plaintext (size, hash) and roster, of the roster's size.
  ROSTER_INFO=$(info "$nat")
  same=yes
  [ "$(info "$nat" | cut -d' ' -f2)" = "$(stat -c %s "$ROSTER")" ] || same=NO
  [ "$HAVE_WASM" = 1 ] && { [ "$(info "$nat")" = "$(info "$was")" ] || same=NO; }
  awk -v c="$name" -v a="$age_s" -v nd="$(field decrypt "$nat")" -v no="$(field total "$nat")" \
      -v wd="$(field decrypt "$was")" -v wo="$(field total "$was")" -v s="$same" 'BEGIN {
    w = (wo == "") ? sprintf("%10s %10s", "-", "-") : sprintf("%10.4f %10.4f", wd, wo)
    r = (wo == "") ? sprintf("%9s", "-") : sprintf("%9.2f", wo / a)
    rd = (wo == "") ? sprintf("%10s", "-") : sprintf("%10.2f", wd / a)
    printf "%-11s %9.4f %10.4f %10.4f %s %s %10.2f %s %s\n", c, a, nd, no, w, r, no / a, rd, s
  }' | tee -a "$TABLE"
}
run_case x25519 "$X_AGE" "$X_REPS" 3 "$AGE_X" -i "$KEY"
run_case passphrase "$P_AGE" "$REPS" 0 "$AGE_P" --passphrase-file "$PASSFILE"
{
  echo "(seconds, best of $X_REPS (X25519) / $REPS (passphrase) runs; roster $(awk '{printf "%d households, %d groups, %.2f MB", $3, $4, $2 / 1e6}' <<<"$ROSTER_INFO");"
  echo " age -d: whole process ($TIMER), output to /dev/null, the passphrase case under script's pty;"
  echo " Welkom: in-process, file already in memory: decrypt = ageDecrypt, open = ageDecrypt + loadRoster"
  echo " (parse + map + validate), as the app opens bytes from the browser; same = native and wasm"
  echo " decrypted the same plaintext (size + FNV-1a) and read the same roster, age -d output = the roster)"
} | tee -a "$TABLE"
