#!/usr/bin/env bash
# score_set.sh DIR BAR...: extracts and checks DIR/reports/*.txt in one pass
# (`extract --check`) and holds the shared scorer's figures against DIR/gold
# to the bars (tests/lib/score_bars.py). Exit 77 (skipped) without the
# shared scorer.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
dir=$1
shift
shared="${SOLIEU_SHARED_DIR:-$SOLIEU_SOURCE_DIR/../shared}"
if [ ! -x "$shared/tools/score" ]; then
    echo "skip: the shared scorer ($shared/tools/score) is absent"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$SOLIEU" extract --check "$tmp/checks.csv" -o "$tmp/facts.csv" "$dir"/reports/*.txt || { echo "FAIL: extract exited $?"; exit 1; }
"$shared/tools/score" "$dir/gold" "$tmp/facts.csv" --checks "$tmp/checks.csv" > "$tmp/score.txt" || true
python3 "$SOLIEU_SOURCE_DIR/tests/lib/score_bars.py" "$tmp/score.txt" "$@"
