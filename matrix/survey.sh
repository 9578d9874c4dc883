#!/usr/bin/env bash
# The matrix survey: runs a selection of real Realm configurations through ./build.sh (keep
# going: one failure never stops it) and records every result in matrix/SURVEY.md as it goes —
# Id, Realm commit, status, test counts, wall time, date. A row is an Id on one Realm release (the
# tag `git describe` names): surveys of two releases stand side by side, and a newer run of the
# same Id on the same release replaces the older.
#
#   matrix/survey.sh REALM_SOURCE [realm-ci options…]
#   matrix/survey.sh ~/legion --profile=survey --only-available
#
# The artifacts go to artifacts/survey (one survey at a time: the folder is locked).
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
[ $# -ge 1 ] || { echo "usage: matrix/survey.sh REALM_SOURCE [realm-ci options…]" >&2; exit 2; }
source_dir="$(cd "$1" && pwd)" || { echo "survey: $1 is not a folder" >&2; exit 2; }
shift
artifacts="${SURVEY_ARTIFACTS:-$ROOT/artifacts/survey}"
doc="$ROOT/matrix/SURVEY.md"
commit="$(git -C "$source_dir" describe --tags --always --long 2>/dev/null || echo unknown) ($(git -C "$source_dir" rev-parse --short=12 HEAD 2>/dev/null || echo no git))"

record() { python3 "$ROOT/matrix/survey-record.py" "$artifacts/summary.json" "$doc" "$commit"; }

"$ROOT/build.sh" --target=Test --realm-source="$source_dir" --artifacts="$artifacts" "$@" &
run=$!
trap 'kill -TERM "$run" 2>/dev/null' INT TERM
while kill -0 "$run" 2>/dev/null; do sleep 30; record 2>/dev/null || true; done
wait "$run"; status=$?
record
echo "survey: exit $status; results in $doc"
exit $status
