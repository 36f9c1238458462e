#!/usr/bin/env bash
# The project's own example reports (other provinces, NFD, CRLF, <sup>, [N]
# footnotes) against their gold, with the same bars as the seeds; and
# `extract --check` in one pass.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
shared="${SOLIEU_SHARED_DIR:-$SOLIEU_SOURCE_DIR/../shared}"
if [ ! -x "$shared/tools/score" ]; then
    echo "skip: the shared scorer ($shared/tools/score) is absent"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
ex="$SOLIEU_SOURCE_DIR/examples"
"$SOLIEU" extract --check "$tmp/checks.csv" -o "$tmp/facts.csv" "$ex"/reports/*.txt || { echo "FAIL: extract exited $?"; exit 1; }
"$shared/tools/score" "$ex/gold" "$tmp/facts.csv" --checks "$tmp/checks.csv" > "$tmp/score.txt" || true
python3 "$SOLIEU_SOURCE_DIR/tests/lib/score_bars.py" "$tmp/score.txt" \
    precision=0.95 recall=0.90 metric=0.85 scope=0.95 period=0.80 entity=0.95 \
    caught=all alarms=0 agree=66
