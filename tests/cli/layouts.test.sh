#!/usr/bin/env bash
# An NFD copy and a CRLF copy (and a BOM) of a report give the same facts on
# the same lines as the original.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
src="$SOLIEU_SOURCE_DIR/examples/reports/ex1_quang_tri.txt"
python3 - "$src" "$tmp" <<'PY'
import sys, unicodedata
src, out = sys.argv[1], sys.argv[2]
text = open(src, encoding='utf-8').read()
open(f'{out}/orig.txt', 'w', encoding='utf-8', newline='').write(text)
open(f'{out}/nfd.txt', 'w', encoding='utf-8', newline='').write(unicodedata.normalize('NFD', text))
open(f'{out}/crlf.txt', 'w', encoding='utf-8', newline='').write('\ufeff' + text.replace('\n', '\r\n'))
PY
for v in orig nfd crlf; do
    "$SOLIEU" extract -o "$tmp/$v.csv" "$tmp/$v.txt" || { echo "FAIL: extract $v"; exit 1; }
    # doc, path and byte offsets differ by design; the rest must not
    python3 - "$tmp/$v.csv" > "$tmp/$v.key" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')):
    print(r['line'], r['text'], r['value'], r['denominator'], r['unit'], r['metric'], r['period'], r['scope'], r['entity'], sep='|')
PY
done
n=$(wc -l < "$tmp/orig.key")
[ "$n" -ge 40 ] || { echo "FAIL: only $n facts from the original"; exit 1; }
for v in nfd crlf; do
    if ! diff -u "$tmp/orig.key" "$tmp/$v.key"; then echo "FAIL: $v differs"; exit 1; fi
done
echo "NFC, NFD and CRLF+BOM copies give the same $n facts"
