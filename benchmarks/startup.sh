#!/usr/bin/env bash
# Warm start of the front door: ./build.sh --target=Matrix with nothing changed, table and JSON
# listing, and --version (the runtime's own start: the floor under both).
# Goal on a quiet 2-core machine: ≤ 0.3 s median for the table (it asks the engine what it holds),
# ≤ 0.25 s for the JSON listing (no host probe). Wall and CPU time (user + system) are both
# printed: on a shared, loaded machine CPU time is the steadier figure; quote the load average too.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-15}"
"$ROOT/build.sh" --target=Matrix >/dev/null   # build once, so every timed run is warm
report() {
  local what="$1"; shift
  read -r wall cpu min max < <(median_wall_cpu_ms "$RUNS" "$ROOT/build.sh" "$@")
  echo "warm ./build.sh $what: median ${wall} ms wall (min ${min}, max ${max}), ${cpu} ms CPU (${RUNS} runs)"
}
report "--target=Matrix" --target=Matrix
report "--target=Matrix --profile=nightly --format=json" --target=Matrix --profile=nightly --format=json
report "--version" --version
# Methods the JIT compiled at start (the runtime's own count, DOTNET_JitDisasmSummary): what ReadyToRun could not
# precompile. Load does not change it, so it shows a start-up change on a busy machine where times cannot.
jitted() {
  local list; list="$(mktemp)"
  DOTNET_JitStdOutFile="$list" DOTNET_JitDisasmSummary=1 "$ROOT/build.sh" "$@" >/dev/null 2>&1
  grep -c "JIT compiled" "$list"; rm -f "$list"
}
echo "JIT-compiled methods: table $(jitted --target=Matrix), JSON listing $(jitted --target=Matrix --profile=nightly --format=json), --version $(jitted --version)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || uptime)"
