#!/usr/bin/env bash
# Cached re-run: a selection run once with --force (everything built and tested, results
# remembered), then again unchanged (every configuration taken from the result cache).
# Target: the re-run takes under 5 % of the first run. Quotes the median of RUNS re-runs.
#
#   benchmarks/cache-rerun.sh                      # the fixture's pr profile
#   benchmarks/cache-rerun.sh ARGS…                # any ./build.sh selection, e.g.
#   benchmarks/cache-rerun.sh --realm-source=~/legion --config=gcc12-debug-local-cpu-shared --config=gcc12-release-local-cpu
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-5}"
if [ "$#" -eq 0 ]; then
  set -- --matrix="$ROOT/tests/fixtures/mini-realm/matrix.yaml" --realm-source="$ROOT/tests/fixtures/mini-realm" --profile=pr
fi
artifacts="$(mktemp -d /tmp/realm-ci-rerun.XXXXXX)"

"$ROOT/build.sh" --target=Images --pull=never "$@" >/dev/null 2>&1 || true
start=$(date +%s%N)
"$ROOT/build.sh" --target=Test --pull=never --artifacts="$artifacts" --force "$@" > "$artifacts/first.out" 2>&1 || true
first_ms=$(( ($(date +%s%N) - start) / 1000000 ))
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Test --pull=never --artifacts="$artifacts" "$@")
count=$(grep -c '"id"' "$artifacts/summary.json" || true)
cached=$(grep -c '"status": "cached"' "$artifacts/summary.json" || true)
python3 -c "import sys; f, m = int(sys.argv[1]), int(sys.argv[2]); print(f'first run {f/1000:.1f} s; cached re-run median {m/1000:.2f} s (min {int(sys.argv[3])/1000:.2f}, max {int(sys.argv[4])/1000:.2f}); ratio {100*m/f:.1f} %')" "$first_ms" "$median" "$min" "$max"
echo "$cached of $count configurations cached on the last re-run; outputs in $artifacts"
