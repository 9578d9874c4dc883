#!/usr/bin/env bash
# Runs every test: unit tests (no Docker) and integration tests (a real Docker engine, real
# CMake/CTest/Ninja). Prints one closing line "N passed, N failed, N skipped".
# The unit tests run hermetically: an emptied environment (PATH and HOME only), DOCKER_HOST
# pointing nowhere and, where a network namespace can be made (root, as in CI), no network but
# loopback, so a unit test that reads the machine's environment, engine or network fails here.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$ROOT/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

dotnet build "$ROOT/realm-ci.sln" -c Release --nologo -v q || exit 1

unit=(dotnet test "$ROOT/tests/RealmCi.Tests" -c Release --nologo --no-build --logger "trx" --results-directory "$results" "$@")
hermetic=(env -i PATH="$PATH" HOME="$HOME" DOCKER_HOST=unix:///nonexistent/docker.sock "${unit[@]}")
if unshare --net true 2>/dev/null; then
  echo "test.sh: unit tests in an emptied environment, without network (DOCKER_HOST points nowhere)"
  unshare --net sh -c 'ip link set lo up 2>/dev/null; exec "$@"' sh "${hermetic[@]}"
else
  echo "test.sh: unit tests in an emptied environment (no network namespace without root: the network stays)"
  "${hermetic[@]}"
fi
unit_status=$?

dotnet test "$ROOT/tests/RealmCi.IntegrationTests" -c Release --nologo --no-build --logger "trx" --results-directory "$results" "$@"
integration_status=$?

# One closing line summed over every test project's TRX file.
python3 - "$results" <<'PY' || true
import glob, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
passed = failed = skipped = 0
for f in glob.glob(sys.argv[1] + "/*.trx"):
    c = ET.parse(f).getroot().find("t:ResultSummary/t:Counters", ns)
    passed += int(c.get("passed")); failed += int(c.get("failed")) + int(c.get("error", 0)) + int(c.get("timeout", 0))
    skipped += int(c.get("notExecuted", 0))
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
[ "$unit_status" -eq 0 ] && [ "$integration_status" -eq 0 ]
