#!/usr/bin/env bash
# The real-Realm bisection of issue 18, prepared in one command:
#   benchmarks/realm-bisect.sh REALM_REPO DEST
# Clones REALM_REPO (the standalone Realm repository, a checkout or a bare mirror holding upstream
# main to 2025-11-03) into DEST, tags 0afca0e78 (2025-08-28) v25.9.0 there (Realm's CMake needs a
# reachable v* tag), and writes branch `planted`: the 28 first-parent commits after it, of which the
# last 12 (from d6b109fb4 "Change realm.hpp class IDs to be public…", 16th of 28) are rewritten with
# one failing assertion added to tests/unit_tests/circ_queue_test.cc (CircQueuePushTest.TestPushFront
# expects an empty queue). Each rewritten commit keeps its tree otherwise, its author, committer, dates and
# message, so the same repository gives the same commit ids.
# Then it prints the Bisect command; its answer must be the rewritten d6b109fb4.
set -euo pipefail
repo=$1 dest=$2
base=0afca0e788 first_bad=d6b109fb4 last=8ce6b7210 file=tests/unit_tests/circ_queue_test.cc
rm -rf "$dest"
git clone --quiet --no-checkout "$repo" "$dest"
cd "$dest"
git tag -f v25.9.0 "$base" >/dev/null
planted=$(git show "$last:$file" | awk '{ print } /ASSERT_TRUE\(verify_with_deque\(\)\);/ && !done { print "  EXPECT_EQ(verification_deque.size(), 0u) << \"planted regression\";"; done = 1 }' | git hash-object -w --stdin)
index=$(mktemp) && trap 'rm -f "$index"' EXIT
prev=$(git rev-parse "$first_bad^")
for c in $(git rev-list --first-parent --reverse "$first_bad^..$last"); do
  [ "$(git rev-parse "$c:$file")" = "$(git rev-parse "$last:$file")" ] || { echo "$file changes at $c: pick other commits" >&2; exit 1; }
  GIT_INDEX_FILE=$index git read-tree "$c"
  GIT_INDEX_FILE=$index git update-index --cacheinfo "100644,$planted,$file"
  tree=$(GIT_INDEX_FILE=$index git write-tree)
  prev=$(GIT_AUTHOR_NAME="$(git log -1 --format=%an "$c")" GIT_AUTHOR_EMAIL="$(git log -1 --format=%ae "$c")" GIT_AUTHOR_DATE="$(git log -1 --format=%ad "$c")" \
    GIT_COMMITTER_NAME="$(git log -1 --format=%cn "$c")" GIT_COMMITTER_EMAIL="$(git log -1 --format=%ce "$c")" GIT_COMMITTER_DATE="$(git log -1 --format=%cd "$c")" \
    git commit-tree "$tree" -p "$prev" -m "$(git log -1 --format=%B "$c")")
done
git branch -f planted "$prev" >/dev/null
git checkout --quiet planted
echo "$(git rev-list --count v25.9.0..planted) commits after v25.9.0; first bad: $(git rev-list --first-parent --reverse "$first_bad^..planted" | head -1 | cut -c1-10) ($(git log -1 --format=%s "$first_bad"))"
echo "./build.sh --target=Bisect --config=gcc12-debug-local-cpu-shared --good=v25.9.0 --bad=planted '--test=.*CircQueuePushTest\.TestPushFront.*' --realm-source=$dest"
