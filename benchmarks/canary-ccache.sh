#!/usr/bin/env bash
# The canary cold vs ccache-warm. Each round runs the Canary target twice with a cache folder of its
# own (CAKE_REALMCI_CACHE): empty the first time (ccache cold), reused the second (ccache warm); each
# run gets a fresh artifacts folder (no build tree: every file is compiled or replayed by ccache) and
# --force (no result cache). Prints the median wall time of each, and the downstream's build step.
#
#   benchmarks/canary-ccache.sh           # the fixture pair: mini-realm + mini-legion, profile canary
#   benchmarks/canary-ccache.sh ARGS…     # any Canary selection, e.g. the real trees (a heavy build:
#       flock /work/heavy.lock benchmarks/canary-ccache.sh --profile=canary --realm-source=R --downstream-source=legion=L
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS="${ROUNDS:-3}"
if [ "$#" -eq 0 ]; then
  set -- --matrix="$ROOT/tests/fixtures/mini-realm/matrix.yaml" --realm-source="$ROOT/tests/fixtures/mini-realm" \
    --downstream-source=mini-legion="$ROOT/tests/fixtures/mini-legion" --profile=canary
fi
work="$(mktemp -d /tmp/realm-ci-canary-ccache.XXXXXX)"
"$ROOT/build.sh" --target=Images --pull=never "$@" >/dev/null 2>&1 || true

# run NAME CACHE: one Canary run; prints "wall_ms downstream_build_s" (the first downstream configuration's build step)
run() {
  local name="$1" cache="$2" start end; shift 2
  start=$(date +%s%N)
  CAKE_REALMCI_CACHE="$cache" "$ROOT/build.sh" --target=Canary --pull=never --force --artifacts="$work/$name" "$@" > "$work/$name.out" 2>&1 || true
  end=$(date +%s%N)
  local build
  build=$(python3 - "$work/$name" <<'PY'
import json, pathlib, sys
for p in sorted(pathlib.Path(sys.argv[1]).glob("*/*/result.json")):
    if p.parts[-3].startswith("."): continue
    r = json.loads(p.read_text())
    s = [x for x in r["steps"] if x["name"] == "build"]
    if s and p.parent.parent.name != "realms-own-tests": print(s[0]["seconds"]); break
else: print("nan")
PY
)
  echo "$(( (end - start) / 1000000 )) $build"
}

cold=() warm=() cold_build=() warm_build=()
for i in $(seq "$ROUNDS"); do
  cache="$work/cache-$i"; mkdir -p "$cache"
  read -r ms b < <(run "cold-$i" "$cache" "$@"); cold+=("$ms"); cold_build+=("$b")
  read -r ms b < <(run "warm-$i" "$cache" "$@"); warm+=("$ms"); warm_build+=("$b")
  rm -rf "$cache"
done
python3 - "${cold[*]}" "${warm[*]}" "${cold_build[*]}" "${warm_build[*]}" <<'PY'
import statistics, sys
c, w = [int(x) / 1000 for x in sys.argv[1].split()], [int(x) / 1000 for x in sys.argv[2].split()]
cb, wb = [float(x) for x in sys.argv[3].split()], [float(x) for x in sys.argv[4].split()]
print(f"canary cold (empty ccache): median {statistics.median(c):.1f} s (min {min(c):.1f}, max {max(c):.1f}); downstream build step median {statistics.median(cb):.1f} s")
print(f"canary ccache-warm:         median {statistics.median(w):.1f} s (min {min(w):.1f}, max {max(w):.1f}); downstream build step median {statistics.median(wb):.1f} s")
PY
echo "rounds: $ROUNDS; outputs in $work"
