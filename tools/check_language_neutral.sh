#!/usr/bin/env bash
# Checks that src/core and src/io stay free of human language (issue #18):
# they return codes with arguments (core/message.h, or data such as
# scoring.h's Reason) and the app's text layer (src/app/text) words them.
#
# Heuristic, per file, on code with // comments removed (whole-line ones, and
# trailing ones that hold no quote):
#   flag      a language switch: `bool dutch`, `bool nl`, or an argument named dutch/nl
#   nl-field  an identifier ending in "Nl" after a lowercase letter (messageNl, labelNl, ...)
#   sentence  a string literal holding three words of two or more letters in a
#             row separated by single spaces ("must not be empty"); ids, codes,
#             JSON keys and single words do not count
# Not everything is converted yet: tools/language_neutral_baseline.txt lists
# what is left, as "file kind count". The check fails when a count rises above
# its line (or a file not listed has any), so nothing new comes in; when a
# count falls it asks for the line to be lowered, so what is gone stays gone.
# Run: tools/check_language_neutral.sh (CTest: language_neutral_core_io).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASELINE="$ROOT/tools/language_neutral_baseline.txt"

count() {  # count FILE KIND
  local code
  # Whole-line comments, then trailing comments that hold no string literal.
  code="$(sed -E -e 's:^[[:space:]]*//.*$::' -e 's://[^"]*$::' "$1")"
  case "$2" in
    flag) grep -cE '\bbool (dutch|nl)\b|[(,] *(dutch|nl) *[),]' <<<"$code" || true ;;
    nl-field) grep -oE '\b[a-z][A-Za-z0-9]*[a-z]Nl\b' <<<"$code" | wc -l || true ;;
    sentence) grep -oE '"([^"\\]|\\.)*[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}([^"\\]|\\.)*"' <<<"$code" | wc -l || true ;;
  esac
}

report() {
  cd "$ROOT"
  for f in $(find src/core src/io -name '*.cpp' -o -name '*.h' | sort); do
    for kind in flag nl-field sentence; do
      n=$(count "$f" "$kind")
      if [ "$n" -gt 0 ]; then echo "$f $kind $n"; fi
    done
  done
  return 0
}

if [ "${1:-}" = "--write-baseline" ]; then
  { echo "# What src/core and src/io still hold of human language: file kind count."
    echo "# Written by tools/check_language_neutral.sh --write-baseline; only ever lower it."
    report; } > "$BASELINE"
  exit 0
fi

status=0
CURRENT="$(report)"
while read -r f kind n; do
  allowed=$(awk -v f="$f" -v k="$kind" '$1 == f && $2 == k { print $3 }' "$BASELINE")
  allowed=${allowed:-0}
  if [ "$n" -gt "$allowed" ]; then
    echo "FAIL $f: $n $kind (allowed $allowed): core and io return codes; put the words in src/app/text/catalogue" >&2
    status=1
  elif [ "$n" -lt "$allowed" ]; then
    echo "NOTE $f: $kind down to $n from $allowed: lower tools/language_neutral_baseline.txt" >&2
    status=1
  fi
done <<<"$CURRENT"
# Lines of the baseline whose file no longer has any.
while read -r f kind allowed; do
  case "$f" in '#'*|'') continue ;; esac
  if ! grep -q "^$f $kind " <<<"$CURRENT"; then
    echo "NOTE $f: no $kind left: remove its line from tools/language_neutral_baseline.txt" >&2
    status=1
  fi
done < "$BASELINE"
[ "$status" = 0 ] && echo "core and io: no language flags, Nl fields or sentences beyond the baseline"
exit "$status"
