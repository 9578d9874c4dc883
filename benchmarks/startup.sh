#!/usr/bin/env bash
# Warm start of the front door: ./build.sh --target=Matrix with nothing changed.
# Goal on a quiet 2-core machine: ≤ 0.3 s median for the table (it asks the engine what it holds),
# ≤ 0.25 s for the JSON listing (no host probe). build.sh runs a ReadyToRun DLL (dotnet run takes ~2 s).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-15}"
"$ROOT/build.sh" --target=Matrix >/dev/null   # build once, so every timed run is warm
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix)
echo "warm ./build.sh --target=Matrix: median ${median} ms (min ${min}, max ${max}, ${RUNS} runs)"
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix --profile=nightly --format=json)
echo "warm ./build.sh --target=Matrix --profile=nightly --format=json: median ${median} ms (min ${min}, max ${max})"
