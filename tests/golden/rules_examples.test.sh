#!/usr/bin/env bash
# Every rule's examples and counter-examples hold.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
out=$("$SOLIEU" rules test -r "$SOLIEU_SOURCE_DIR/rules/vi" 2>&1)
rc=$?
printf '%s\n' "$out"
last=$(printf '%s\n' "$out" | tail -n 1)
case "$last" in
    *" passed, 0 failed") ;;
    *) echo "FAIL: rule examples failed"; exit 1 ;;
esac
[ "$rc" -eq 0 ] || { echo "FAIL: exit $rc"; exit 1; }
passed=${last%% passed*}
[ "$passed" -ge 100 ] || { echo "FAIL: only $passed examples ran"; exit 1; }
