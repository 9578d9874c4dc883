#!/usr/bin/env bash
# realm-ci front door: find (or install) a .NET SDK ≥ 10, build build/ only when its inputs
# changed, then run the compiled program directly. Every argument passes through.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/build/bin/Release/net10.0"
DLL="$OUT/realm-ci.dll"
STAMP="$OUT/.inputs"
export REALM_CI_ROOT="$ROOT"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

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
  echo "build.sh: no .NET SDK ≥ 10 found; installing one into $ROOT/.dotnet" >&2
  curl -fsSL https://dot.net/v1/dotnet-install.sh -o "$ROOT/.dotnet-install.sh" \
    || { echo "build.sh: could not download dotnet-install.sh; install the .NET 10 SDK and retry" >&2; exit 3; }
  bash "$ROOT/.dotnet-install.sh" --channel 10.0 --install-dir "$ROOT/.dotnet" >&2
  rm -f "$ROOT/.dotnet-install.sh"
  DOTNET="$ROOT/.dotnet/dotnet"
fi
export DOTNET_ROOT="$(dirname "$(readlink -f "$DOTNET")")"

# The inputs of the build program: a cheap fingerprint (paths, sizes, mtimes) of its sources.
inputs() {
  find "$ROOT/build" "$ROOT/src" "$ROOT/Directory.Build.props" "$ROOT/Directory.Packages.props" "$ROOT/global.json" \
    \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) \
    -printf '%p %s %T@\n' | sort
}

current="$(inputs)"
if [ ! -f "$DLL" ] || [ ! -f "$STAMP" ] || [ "$current" != "$(cat "$STAMP")" ]; then
  echo "build.sh: building the build program…" >&2
  log="$(mktemp)"
  if ! "$DOTNET" build "$ROOT/build/Build.csproj" -c Release -nologo -v quiet -tl:off >"$log" 2>&1; then
    grep -E 'error|warning' "$log" | sort -u >&2 || cat "$log" >&2
    rm -f "$log"
    echo "build.sh: the build program failed to compile (see above)" >&2
    exit 2
  fi
  rm -f "$log"
  printf '%s' "$current" > "$STAMP"
fi

exec "$DOTNET" "$DLL" "$@"
