#!/usr/bin/env bash
# `extract -j N` gives byte-identical output to one worker, in input order,
# with a bad document among the good ones.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'bad \xff byte\n' > "$tmp/bad.txt"
list="$tmp/list.txt"
for round in 1 2 3; do
    for f in "$SOLIEU_SOURCE_DIR"/examples/reports/*.txt; do echo "$f"; done
    echo "$tmp/bad.txt"
done > "$list"
"$SOLIEU" extract -j 1 -o "$tmp/one.csv" - < "$list" 2> "$tmp/one.err"
rc1=$?
"$SOLIEU" extract -j 3 -o "$tmp/three.csv" - < "$list" 2> "$tmp/three.err"
rc3=$?
[ "$rc1" -eq 1 ] && [ "$rc3" -eq 1 ] || { echo "FAIL: exit codes $rc1 and $rc3, expected 1 (one bad document)"; exit 1; }
cmp "$tmp/one.csv" "$tmp/three.csv" || { echo "FAIL: -j 3 output differs from -j 1"; exit 1; }
cmp "$tmp/one.err" "$tmp/three.err" || { echo "FAIL: -j 3 messages differ from -j 1"; exit 1; }
[ "$(grep -c 'invalid UTF-8' "$tmp/three.err")" -eq 3 ] || { echo "FAIL: expected 3 invalid UTF-8 messages"; exit 1; }
"$SOLIEU" extract -j 0 "$list" > /dev/null 2>&1 && { echo "FAIL: -j 0 accepted"; exit 1; }
echo "-j 3 matches -j 1: $(($(wc -l < "$tmp/one.csv") - 1)) facts"
