#!/usr/bin/env bash
# The front door of this checkout against another's (e.g. a `git archive` of main), interleaved so
# both see the same load: RUNS rounds of table and JSON listing each; prints the medians of wall time
# and of CPU time (user + system: on a shared, loaded machine the steadier of the two).
# Usage: benchmarks/startup-ab.sh OTHER_CHECKOUT
set -euo pipefail
source "$(dirname "$0")/lib.sh"
OTHER="$(cd "${1:?usage: $0 OTHER_CHECKOUT}" && pwd)"
RUNS="${RUNS:-9}"
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
for root in "$ROOT" "$OTHER"; do "$root/build.sh" --target=Matrix >/dev/null 2>&1; done   # warm both
declare -A wall cpu
for _ in $(seq "$RUNS"); do
  for root in "$ROOT" "$OTHER"; do
    read -r w c < <(wall_cpu_ms "$root/build.sh" --target=Matrix); wall["$root table"]+="$w "; cpu["$root table"]+="$c "
    read -r w c < <(wall_cpu_ms "$root/build.sh" --target=Matrix --profile=nightly --format=json); wall["$root json"]+="$w "; cpu["$root json"]+="$c "
  done
done
for key in "$ROOT table" "$OTHER table" "$ROOT json" "$OTHER json"; do
  echo "$key: median $(tr ' ' '\n' <<<"${wall[$key]}" | grep . | median) ms wall, $(tr ' ' '\n' <<<"${cpu[$key]}" | grep . | median) ms CPU ($RUNS runs)"
done
