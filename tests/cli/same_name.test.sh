#!/usr/bin/env bash
# Two reports with the same base name in different folders are two
# documents to `check`: each is checked against its own text, and a facts
# CSV of both gives the checks each gives alone. To `aggregate` too: each
# keeps its own date and entity, named by its path (a lone report keeps
# its base name, as facts.md has it).
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
"$SOLIEU" aggregate -o "$tmp/agg" "$tmp/both.csv" 2> /dev/null || { echo "FAIL: aggregate both"; exit 1; }
"$SOLIEU" aggregate -o "$tmp/agg1" "$tmp/north.csv" 2> /dev/null || { echo "FAIL: aggregate one"; exit 1; }
docs=$(tail -n +2 "$tmp/agg/documents.csv" | cut -d, -f1 | tr '\n' ' ')
[ "$docs" = "$tmp/north/report.txt $tmp/south/report.txt " ] ||
    { echo "FAIL: aggregate's documents are '$docs'"; exit 1; }
[ "$(tail -n +2 "$tmp/agg1/documents.csv" | cut -d, -f1)" = report.txt ] ||
    { echo "FAIL: a lone report is not named by its base name"; exit 1; }
for d in north south; do
    date=$(grep "^$tmp/$d/report.txt," "$tmp/agg/documents.csv" | awk -F, '{print $NF}')
    alone=$("$SOLIEU" aggregate -o "$tmp/agg_$d" "$tmp/$d.csv" 2> /dev/null &&
            tail -n +2 "$tmp/agg_$d/documents.csv" | awk -F, '{print $NF}')
    [ -n "$date" ] && [ "$date" = "$alone" ] || { echo "FAIL: $d's date is '$date', alone '$alone'"; exit 1; }
done
echo "two reports named report.txt: $(($(wc -l < "$tmp/both.checks.csv") - 1)) checks, each report's own"
