#!/usr/bin/env bash
# realm-ci front door: find (or install) a .NET SDK >= 10, build build/ only when its inputs
# changed, then run the compiled program directly. Every argument passes through.
# Keep in step with build.ps1: same messages (on standard error), same stale check, same exit codes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/build/bin/Release/net10.0"
DLL="$OUT/realm-ci.dll"
STAMP="$OUT/.inputs"
export REALM_CI_ROOT="$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { echo "build.sh: $*" >&2; }

find_dotnet() {
  local candidate
  for candidate in "${DOTNET_ROOT:+$DOTNET_ROOT/dotnet}" "$(command -v dotnet 2>/dev/null || true)" "$ROOT/.dotnet/dotnet"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    if "$candidate" --list-sdks 2>/dev/null | grep -qE '^(1[0-9]|[2-9][0-9])\.'; then
      echo "$candidate"; return 0
    fi
  done
  return 1
}

if ! DOTNET="$(find_dotnet)"; then
  say "no .NET SDK >= 10 found; installing one into $ROOT/.dotnet"
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o "$ROOT/.dotnet-install.sh" \
    || { say "could not download the .NET install script; install the .NET 10 SDK and retry"; exit 3; }
  bash "$ROOT/.dotnet-install.sh" --channel 10.0 --install-dir "$ROOT/.dotnet" >&2
  rm -f "$ROOT/.dotnet-install.sh"
  DOTNET="$ROOT/.dotnet/dotnet"
fi
export DOTNET_ROOT="$(dirname "$(readlink -f "$DOTNET")")"

# The inputs of the build program: one line per source file, "PATH SIZE MTIME" with the path
# relative to the root and the time in 100 ns ticks since 1970, sorted by byte value.
# build.ps1 writes the identical text, so the two bootstraps share the stamp.
inputs() {
  (cd "$ROOT" && find build src Directory.Build.props Directory.Packages.props global.json \
    \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) \
    -printf '%p %s %T@\n' | sed -E 's/ ([0-9]+)\.([0-9]{7})[0-9]*$/ \1\2/' | LC_ALL=C sort)
}

stale() { [ ! -f "$DLL" ] || [ ! -f "$STAMP" ] || [ "$(inputs)" != "$(cat "$STAMP")" ]; }

if stale; then
  # One build at a time per checkout: two front doors started together (two CI jobs, two
  # terminals) would publish into the same obj/ and break each other. The second waits, then
  # finds the program built. (build.ps1 takes the same lock file.)
  mkdir -p "$ROOT/build/obj"
  exec 9>"$ROOT/build/obj/.front-door.lock"
  if command -v flock >/dev/null 2>&1 && ! flock -n 9; then
    say "waiting for another build.sh or build.ps1 to finish building the build program..."
    flock 9
  fi
  if stale; then
    say "building the build program..."
    current="$(inputs)"
    log="$(mktemp)"
    # Published ReadyToRun (precompiled for this machine's runtime): a warm start skips most JIT work.
    if ! "$DOTNET" publish "$ROOT/build/Build.csproj" -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true \
        -o "$OUT" -nologo -v quiet -tl:off >"$log" 2>&1; then
      grep -E 'error|warning' "$log" | sort -u >&2 || cat "$log" >&2
      rm -f "$log"
      say "the build program failed to compile (see above)"
      exit 70
    fi
    rm -f "$log"
    printf '%s' "$current" > "$STAMP"
  fi
  exec 9>&-
fi

exec "$DOTNET" "$DLL" "$@"
