#!/usr/bin/env bash
# The project's own example reports (other provinces, NFD, CRLF, <sup>, [N]
# footnotes) against their gold, with the same bars as the seeds; and
# `extract --check` in one pass.
set -u
: "${SOLIEU_SOURCE_DIR:?}"
exec bash "$SOLIEU_SOURCE_DIR/tests/lib/score_set.sh" "$SOLIEU_SOURCE_DIR/examples" \
    precision=0.95 recall=0.90 metric=0.85 scope=0.95 period=0.80 entity=0.95 \
    caught=all alarms=0 agree=66
