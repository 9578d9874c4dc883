# Shared helpers for the benchmark scripts: time a command N times, print the median.
# Machines are shared and noisy: quote medians, never single runs.

# median_ms RUNS CMD...: runs CMD (output discarded) RUNS times; prints "median min max" in ms.
median_ms() {
  local runs="$1"; shift
  local times=() start end
  for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "benchmark command failed: $*" >&2; return 1; }
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, a[1], a[NR] }'
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
