#!/usr/bin/env bash
# Warm start of the front door: ./build.sh --target=Matrix with nothing changed.
# Target: ≤ 0.5 s median on a 2-core machine (dotnet run takes ~2 s).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-15}"
"$ROOT/build.sh" --target=Matrix >/dev/null   # build once, so every timed run is warm
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix)
echo "warm ./build.sh --target=Matrix: median ${median} ms (min ${min}, max ${max}, ${RUNS} runs)"
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix --profile=nightly --format=json)
echo "warm ./build.sh --target=Matrix --profile=nightly --format=json: median ${median} ms (min ${min}, max ${max})"
