#!/usr/bin/env bash
# Scale of the matrix engine, end to end through ./build.sh:
#  - a synthetic 100,000-combination matrix (5 axes × 10 values, with exclude rules and a
#    constraint) expanded and listed as JSON: target < 3 s;
#  - pairwise on 6 axes × 6 values: target < 1 s, at most 50 rows.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS="${RUNS:-5}"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT

{
  echo "axes:"
  for a in 0 1 2 3 4; do
    printf '  x%s: { values: { ' "$a"
    for v in 0 1 2 3 4 5 6 7 8 9; do printf 'v%s_%s: { cmake: { X%s: "%s" } }, ' "$a" "$v" "$a" "$v"; done
    echo '} }'
  done
  echo "defaults: { cmake: { A: 'ON', B: 'OFF' }, packages: [cmake, g++], env: { E: '1' } }"
  echo "exclude:"
  echo "  - { x0: v0_0, x1: v1_1 }"
  echo "  - { x2: [v2_3, v2_4], x3: 'v3_9' }"
  echo "  - { x4: '!v4_1', x0: v0_9 }"
  echo "constraints:"
  echo "  - { when: { x1: v1_2 }, forbid: { x2: v2_2 } }"
} > "$work/big.yaml"

{
  echo "axes:"
  for a in 0 1 2 3 4 5; do
    printf '  x%s: { values: { ' "$a"
    for v in 0 1 2 3 4 5; do printf 'v%s_%s: {}, ' "$a" "$v"; done
    echo '} }'
  done
  echo "profiles: { pr: { strategy: pairwise } }"
} > "$work/six.yaml"

"$ROOT/build.sh" --target=Matrix --matrix="$work/six.yaml" >/dev/null
count=$("$ROOT/build.sh" --target=Matrix --matrix="$work/big.yaml" --format=json | grep -c '"id"')
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix --matrix="$work/big.yaml" --format=json)
echo "100,000 combinations ($count valid) listed as JSON: median ${median} ms (min ${min}, max ${max}, ${RUNS} runs)"

rows=$("$ROOT/build.sh" --target=Matrix --matrix="$work/six.yaml" --profile=pr --format=json | grep -c '"id"')
read -r median min max < <(median_ms "$RUNS" "$ROOT/build.sh" --target=Matrix --matrix="$work/six.yaml" --profile=pr --format=json)
echo "pairwise on 6 axes × 6 values: ${rows} rows (lower bound 36), median ${median} ms (min ${min}, max ${max})"
