#!/usr/bin/env bash
# The seed reports against their gold: the bars of the extraction and check
# issues, read from the shared scorer's last line.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
shared="${SOLIEU_SHARED_DIR:-$SOLIEU_SOURCE_DIR/../shared}"
if [ ! -x "$shared/tools/score" ] || [ ! -d "$shared/corpus/seeds" ]; then
    echo "skip: $shared (the shared seeds and scorer) is absent"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$SOLIEU" extract -o "$tmp/facts.csv" "$shared"/corpus/seeds/*.txt || { echo "FAIL: extract exited $?"; exit 1; }
"$SOLIEU" check -o "$tmp/checks.csv" "$tmp/facts.csv" || { echo "FAIL: check exited $?"; exit 1; }
"$shared/tools/score" "$shared/gold/seeds" "$tmp/facts.csv" --checks "$tmp/checks.csv" > "$tmp/score.txt" || true
python3 "$SOLIEU_SOURCE_DIR/tests/lib/score_bars.py" "$tmp/score.txt" \
    precision=0.95 recall=0.90 metric=0.85 scope=0.95 period=0.80 entity=0.95 \
    caught=all alarms=0 agree=33
