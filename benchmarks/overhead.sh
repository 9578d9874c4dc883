#!/usr/bin/env bash
# The pipeline's overhead on a real Realm build: the same configuration built and tested
# (a) by ./build.sh --target=Test and (b) by hand, as the plain `docker run` commands the
# pipeline recorded in reproduce.sh, pointed at a fresh folder. Same image, ccache off in
# both, so each compiles everything. Target: (a) within 3 % of (b).
#
#   benchmarks/overhead.sh REALM_SOURCE [CONFIG_ID]      e.g. a Legion checkout's root
set -euo pipefail
source "$(dirname "$0")/lib.sh"
src="$(cd "${1:?usage: benchmarks/overhead.sh REALM_SOURCE [CONFIG_ID]}" && pwd)"
cfg="${2:-gcc12-debug-local-cpu-shared}"
work="$(mktemp -d /tmp/realm-ci-overhead.XXXXXX)"
mkdir -p "$work/by-hand"

"$ROOT/build.sh" --target=Images --config="$cfg" --pull=never >/dev/null

start=$(date +%s%N)
"$ROOT/build.sh" --target=Test --config="$cfg" --realm-source="$src" --artifacts="$work/pipeline" --pull=never --env=CCACHE_DISABLE=1 \
  > "$work/pipeline.out" 2>&1 || true
pipeline_ms=$(( ($(date +%s%N) - start) / 1000000 ))

sed "s#$work/pipeline/$cfg:/work#$work/by-hand:/work#g" "$work/pipeline/$cfg/reproduce.sh" > "$work/by-hand.sh"
start=$(date +%s%N)
bash "$work/by-hand.sh" > "$work/by-hand.out" 2>&1 || true
hand_ms=$(( ($(date +%s%N) - start) / 1000000 ))

python3 - "$pipeline_ms" "$hand_ms" "$work/pipeline/$cfg/result.json" <<'PY'
import json, sys
p, h = int(sys.argv[1]), int(sys.argv[2])
r = json.load(open(sys.argv[3]))
steps = ", ".join(f"{s['name']} {s['seconds']:.1f} s" for s in r["steps"])
t = r["tests"]
print(f"{r['id']}: {r['status']}; {steps}; tests {t['passed']} passed, {t['failed']} failed, {t['skipped']} skipped")
print(f"pipeline {p/1000:.1f} s, by hand {h/1000:.1f} s: overhead {100*(p-h)/h:+.2f} %")
PY
echo "outputs in $work"
