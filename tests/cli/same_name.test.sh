#!/usr/bin/env bash
# Two reports with the same base name in different folders are two
# documents to `check`: each is checked against its own text, and a facts
# CSV of both gives the checks each gives alone.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/north" "$tmp/south"
cp "$SOLIEU_SOURCE_DIR/examples/reports/ex1_quang_tri.txt" "$tmp/north/report.txt"
cp "$SOLIEU_SOURCE_DIR/examples/reports/ex3_soc_trang.txt" "$tmp/south/report.txt"
for d in north south; do
    "$SOLIEU" extract -o "$tmp/$d.csv" "$tmp/$d/report.txt" || { echo "FAIL: extract $d"; exit 1; }
    "$SOLIEU" check -o "$tmp/$d.checks.csv" "$tmp/$d.csv" 2> /dev/null ||
        [ $? -eq 0 ] || { echo "FAIL: check $d"; exit 1; }
    n=$(($(wc -l < "$tmp/$d.checks.csv") - 1))
    [ "$n" -gt 0 ] || { echo "FAIL: no checks for $d alone"; exit 1; }
done
"$SOLIEU" extract -o "$tmp/both.csv" "$tmp/north/report.txt" "$tmp/south/report.txt" ||
    { echo "FAIL: extract both"; exit 1; }
"$SOLIEU" check -o "$tmp/both.checks.csv" "$tmp/both.csv" 2> "$tmp/err.txt" ||
    { echo "FAIL: check both"; cat "$tmp/err.txt"; exit 1; }
# the same rows, in input order: north's, then south's
{ cat "$tmp/north.checks.csv"; tail -n +2 "$tmp/south.checks.csv"; } > "$tmp/expected.csv"
if ! diff -u "$tmp/expected.csv" "$tmp/both.checks.csv"; then
    echo "FAIL: the checks of two same-named reports differ from their checks alone"
    exit 1
fi
echo "two reports named report.txt: $(($(wc -l < "$tmp/both.checks.csv") - 1)) checks, each report's own"
