#!/usr/bin/env bash
# Installs npm's @cyclonedx/cyclonedx-library (it ships the official CycloneDX JSON schemas) into
# a cache folder once, and prints the folder holding bom-1.6.SNAPSHOT.schema.json. The SBOM tests
# call it (and fail when it cannot install); .ci/run calls it before the tests.
set -euo pipefail
prefix="${REALM_CI_TEST_NPM:-$HOME/.cache/realm-ci-test/npm}"
schemas="$prefix/node_modules/@cyclonedx/cyclonedx-library/res/schema"
if [ ! -f "$schemas/bom-1.6.SNAPSHOT.schema.json" ]; then
  command -v npm >/dev/null 2>&1 || { echo "cyclonedx-schemas.sh: npm is not installed (apt-get install npm)" >&2; exit 3; }
  mkdir -p "$prefix"
  npm install --prefix "$prefix" --no-audit --no-fund --silent @cyclonedx/cyclonedx-library >&2
fi
echo "$schemas"
