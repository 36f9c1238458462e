#!/usr/bin/env bash
# Reports written after the rules by someone who had not read them
# (examples/later): the statistics found, the inconsistencies caught and no
# false alarm. Their gold makes some choices the seeds' does not, hence the
# lower metric and period bars.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
shared="${SOLIEU_SHARED_DIR:-$SOLIEU_SOURCE_DIR/../shared}"
if [ ! -x "$shared/tools/score" ]; then
    echo "skip: the shared scorer ($shared/tools/score) is absent"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
later="$SOLIEU_SOURCE_DIR/examples/later"
"$SOLIEU" extract --check "$tmp/checks.csv" -o "$tmp/facts.csv" "$later"/reports/*.txt || { echo "FAIL: extract exited $?"; exit 1; }
"$shared/tools/score" "$later/gold" "$tmp/facts.csv" --checks "$tmp/checks.csv" > "$tmp/score.txt" || true
python3 "$SOLIEU_SOURCE_DIR/tests/lib/score_bars.py" "$tmp/score.txt" \
    precision=0.98 recall=0.97 unit=0.85 metric=0.70 period=0.70 scope=0.98 entity=0.98 \
    caught=all alarms=0 agree=24
