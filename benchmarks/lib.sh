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
  printf '%s\n' "${times[@]}" | median_of
}

# median_of: the "median min max" of the integers on standard input, one a line.
median_of() {
  sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%d %d %d\n", m, a[1], a[NR] }'
}

# wall_cpu_ms CMD...: "WALL_MS CPU_MS" of one run of CMD (output discarded); CPU is user + system
# of CMD and its children, which load disturbs much less than wall time.
wall_cpu_ms() {
  local out
  out=$( { TIMEFORMAT='%3R %3U %3S'; time "$@" >/dev/null 2>&1 || echo FAILED; } 2>&1 )
  [[ $out == *FAILED* ]] && { echo "benchmark command failed: $*" >&2; return 1; }
  awk '{ printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000 }' <<<"$out"
}

# median_wall_cpu_ms RUNS CMD...: runs CMD RUNS times; prints "WALL_MEDIAN CPU_MEDIAN WALL_MIN WALL_MAX" in ms.
median_wall_cpu_ms() {
  local runs="$1"; shift
  local walls=() cpus=() w c
  for _ in $(seq "$runs"); do
    read -r w c < <(wall_cpu_ms "$@") || return 1
    [ -n "$w" ] || return 1
    walls+=("$w"); cpus+=("$c")
  done
  local wall cpu
  wall=$(printf '%s\n' "${walls[@]}" | median_of)
  cpu=$(printf '%s\n' "${cpus[@]}" | median_of)
  echo "${wall%% *} ${cpu%% *} $(cut -d' ' -f2,3 <<<"$wall")"
}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
