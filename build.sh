#!/usr/bin/env bash
# realm-ci front door: find (or install) a .NET SDK >= 10, build build/ only when its inputs
# changed, then run the compiled program directly. Every argument passes through.
# Keep in step with build.ps1: same messages (on standard error), same stale check, same exit codes.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT="$ROOT/build/bin/front-door"   # its own folder: a dotnet build of the solution writes plain IL into bin/Release/net10.0
DLL="$OUT/realm-ci.dll"
STAMP="$OUT/.inputs"
DIGEST="$OUT/.inputs.sha256"
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
  # The SDK global.json names (what the build program is tested with), not whatever 10.0 is newest.
  bash "$ROOT/.dotnet-install.sh" --jsonfile "$ROOT/global.json" --install-dir "$ROOT/.dotnet" >&2
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

# The same files by content: "PATH SHA256" lines sorted by byte value, after a first line naming
# the runtime the program was published for. A checkout gives every file a new time, so a
# program built elsewhere from the same sources (a CI plan job's, handed to every job as an
# artifact) fails the time check but passes this one. build.ps1 writes the identical text.
digest() {
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=osx ;; *) os="$(uname -s)" ;; esac
  case "$(uname -m)" in x86_64|amd64) arch=x64 ;; aarch64|arm64) arch=arm64 ;; *) arch="$(uname -m)" ;; esac
  echo "runtime $os-$arch"
  (cd "$ROOT" && find build src Directory.Build.props Directory.Packages.props global.json \
    \( -name bin -o -name obj \) -prune -o -type f \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' -o -name '*.json' \) \
    -print0 | xargs -0 sha256sum | sed -E 's/^([0-9a-f]+)  (.*)$/\2 \1/' | LC_ALL=C sort)
}

# Stale unless the times match the stamp, or (the times changed) the contents match the digest;
# then the stamp is brought up to date, so the next start takes the quick check again.
stale() {
  [ -f "$DLL" ] && [ -f "$STAMP" ] || return 0
  local current
  current="$(inputs)"
  [ "$current" = "$(cat "$STAMP")" ] && return 1
  [ -f "$DIGEST" ] && [ "$(digest)" = "$(cat "$DIGEST")" ] || return 0
  printf '%s' "$current" > "$STAMP" 2>/dev/null || true
  return 1
}

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
    contents="$(digest)"
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
    printf '%s' "$contents" > "$DIGEST"
  fi
  exec 9>&-
fi

exec "$DOTNET" "$DLL" "$@"
