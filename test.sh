#!/usr/bin/env bash
# Runs every test: unit tests (no Docker) and integration tests (a real Docker engine, real
# CMake/CTest/Ninja). Prints one closing line "N passed, N failed, N skipped".
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
results="$ROOT/artifacts/test-results"
rm -rf "$results"; mkdir -p "$results"

dotnet test "$ROOT/realm-ci.sln" -c Release --nologo --logger "trx" --results-directory "$results" "$@"
status=$?

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
exit $status
