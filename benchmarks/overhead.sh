#!/usr/bin/env bash
# The pipeline's overhead on a real Realm build: the same configuration built and tested
# (a) by ./build.sh --target=Test --force and (b) by hand, as the plain `docker run` commands
# the pipeline recorded in reproduce.sh, pointed at a fresh folder. Same image, ccache off in
# both, so each compiles everything. Rounds alternate which goes first (the machine is shared
# and noisy); medians are quoted. Target: (a) within 3 % of (b).
#
#   ROUNDS=2 benchmarks/overhead.sh REALM_SOURCE [CONFIG_ID]     e.g. a Legion checkout's root
set -euo pipefail
source "$(dirname "$0")/lib.sh"
src="$(cd "${1:?usage: benchmarks/overhead.sh REALM_SOURCE [CONFIG_ID]}" && pwd)"
cfg="${2:-gcc12-debug-local-cpu-shared}"
ROUNDS="${ROUNDS:-2}"
work="$(mktemp -d /tmp/realm-ci-overhead.XXXXXX)"
"$ROOT/build.sh" --target=Images --config="$cfg" --pull=never >/dev/null

pipeline() {   # $1: round
  local start; start=$(date +%s%N)
  "$ROOT/build.sh" --target=Test --config="$cfg" --realm-source="$src" --artifacts="$work/pipeline-$1" --pull=never --force \
    --env=CCACHE_DISABLE=1 > "$work/pipeline-$1.out" 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

by_hand() {    # $1: round; the commands of the first pipeline run, each timed
  mkdir -p "$work/by-hand-$1"
  sed -e "s#$work/pipeline-1/$cfg:/work#$work/by-hand-$1:/work#g" -e 's/^docker run/time docker run/' \
    "$work/pipeline-1/$cfg/reproduce.sh" > "$work/by-hand-$1.sh"
  local start; start=$(date +%s%N)
  TIMEFORMAT='by-hand step: %R s' bash "$work/by-hand-$1.sh" > "$work/by-hand-$1.out" 2>&1 || true
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

p=(); h=()
for round in $(seq "$ROUNDS"); do
  if [ $((round % 2)) -eq 1 ]; then p+=("$(pipeline "$round")"); h+=("$(by_hand "$round")")
  else h+=("$(by_hand "$round")"); p+=("$(pipeline "$round")"); fi
  steps=$(python3 -c "import json,sys; r=json.load(open(sys.argv[1])); print(', '.join(f\"{s['name']} {s['seconds']:.1f}\" for s in r['steps']))" "$work/pipeline-$round/$cfg/result.json")
  hand=$(grep 'by-hand step' "$work/by-hand-$round.out" | awk '{print $3}' | paste -sd, -)
  echo "round $round ($([ $((round % 2)) -eq 1 ] && echo pipeline first || echo by hand first)): pipeline ${p[-1]} ms [$steps s], by hand ${h[-1]} ms [$hand s]"
done

python3 - "${p[*]}" "${h[*]}" "$work" "$cfg" <<'PY'
import json, statistics, sys
p = [int(x) for x in sys.argv[1].split()]; h = [int(x) for x in sys.argv[2].split()]
work, cfg = sys.argv[3], sys.argv[4]
results = [json.load(open(f"{work}/pipeline-{i + 1}/{cfg}/result.json")) for i in range(len(p))]
t = results[0]["tests"]
print(f"{cfg}: {results[0]['status']}, tests {t['passed']} passed, {t['failed']} failed, {t['skipped']} skipped")
mp, mh = statistics.median(p), statistics.median(h)
print(f"median pipeline {mp/1000:.1f} s, median by hand {mh/1000:.1f} s: overhead {100*(mp-mh)/mh:+.2f} %")
# realm-ci's own time: the pipeline's wall time less the time its containers ran (start-up, matrix,
# engine checks, source hash, image check, results) — free of the compile's run-to-run noise.
own = [w / 1000 - sum(s["seconds"] for s in r["steps"]) for w, r in zip(p, results)]
print(f"realm-ci's own time outside the steps: median {statistics.median(own):.2f} s ({100 * statistics.median(own) / (mh / 1000):.2f} % of the by-hand time)")
PY
echo "outputs in $work"
