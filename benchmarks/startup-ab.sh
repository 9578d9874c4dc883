#!/usr/bin/env bash
# The front door of this checkout against another's (e.g. a `git archive` of main), interleaved so
# both see the same load: RUNS rounds of table and JSON listing each; prints the medians.
# Usage: benchmarks/startup-ab.sh OTHER_CHECKOUT
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OTHER="$(cd "${1:?usage: $0 OTHER_CHECKOUT}" && pwd)"
RUNS="${RUNS:-9}"
once() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; exit 1; }; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for root in "$ROOT" "$OTHER"; do "$root/build.sh" --target=Matrix >/dev/null 2>&1; done   # warm both
declare -A times
for _ in $(seq "$RUNS"); do
  for root in "$ROOT" "$OTHER"; do
    times["$root table"]+="$(once "$root/build.sh" --target=Matrix) "
    times["$root json"]+="$(once "$root/build.sh" --target=Matrix --profile=nightly --format=json) "
  done
done
for key in "$ROOT table" "$OTHER table" "$ROOT json" "$OTHER json"; do
  echo "$key: median $(tr ' ' '\n' <<<"${times[$key]}" | grep . | median) ms ($RUNS runs)"
done
