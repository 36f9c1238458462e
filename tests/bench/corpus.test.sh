#!/usr/bin/env bash
# benchmarks/make_corpus.py at a tiny size: at least the documents and bytes
# asked for, valid UTF-8, the layouts varied (NFD, CRLF, three footnote
# styles), the same bytes for the same seed; and `solieu extract` reads every
# document (exit 0) and finds facts in each. Timings are printed, never
# asserted.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
command -v python3 > /dev/null || { echo "skip: python3 is absent"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
gen="$SOLIEU_SOURCE_DIR/benchmarks/make_corpus.py"

python3 "$gen" "$tmp/c" --mb 1 --docs 50 --seed 7 --quiet || fail "make_corpus exited $?"
python3 "$gen" "$tmp/d" --mb 1 --docs 50 --seed 7 --quiet || fail "make_corpus (again) exited $?"
python3 "$gen" "$tmp/e" --mb 0.3 --docs 20 --seed 8 --quiet || fail "make_corpus (other seed) exited $?"

python3 - "$tmp/c" <<'EOF' || fail "corpus contents"
import glob, json, os, sys, unicodedata
out = sys.argv[1]
files = [l for l in open(os.path.join(out, 'files.txt'), encoding='utf-8').read().split('\n') if l]
info = json.load(open(os.path.join(out, 'corpus.json'), encoding='utf-8'))
on_disk = sorted(glob.glob(os.path.join(out, '[0-9][0-9][0-9]', '*.txt')))
assert sorted(files) == sorted(os.path.abspath(p) for p in on_disk), 'files.txt lists other files'
assert len(files) >= 50, len(files)
total = 0
seen = {'nfd': 0, 'crlf': 0, 'unicode': 0, 'html': 0, 'bracket': 0}
for p in files:
    data = open(p, 'rb').read()
    total += len(data)
    text = data.decode('utf-8')  # strict: raises on invalid UTF-8
    assert text.strip(), p + ' is empty'
    seen['crlf'] += '\r\n' in text
    seen['nfd'] += unicodedata.normalize('NFC', text) != text
    seen['unicode'] += any(c in text for c in '¹²³⁴')
    seen['html'] += '<sup>' in text
    seen['bracket'] += '[1]' in text
assert total >= 1_000_000 and total == info['bytes'], (total, info['bytes'])
assert info['documents'] == len(files)
missing = [k for k, v in seen.items() if not v]
assert not missing, 'no document with ' + ', '.join(missing)
print(f'corpus: {len(files)} documents, {total} bytes, layouts {seen}')
EOF

# the same seed gives the same bytes; another seed other bytes
# (documents only: files.txt holds absolute paths)
docs_md5() { (cd "$1" && find . -path './[0-9]*' -name '*.txt' -print0 | sort -z | xargs -0 cat | md5sum); }
docs_md5 "$tmp/c" > "$tmp/c.md5"
docs_md5 "$tmp/d" > "$tmp/d.md5"
cmp -s "$tmp/c.md5" "$tmp/d.md5" || fail "same seed, other bytes"
n_e=$(grep -c . "$tmp/e/files.txt")
[ "$n_e" -ge 20 ] || fail "--docs 20 gave $n_e documents"

# regenerating into an earlier corpus replaces it; a foreign folder is refused
python3 "$gen" "$tmp/c" --mb 0.2 --docs 5 --quiet || fail "regenerating over a corpus"
[ "$(find "$tmp/c" -path "$tmp/c/[0-9]*" -name '*.txt' | wc -l)" -eq "$(grep -c . "$tmp/c/files.txt")" ] || fail "old documents left behind"
mkdir -p "$tmp/foreign" && echo keep > "$tmp/foreign/x"
python3 "$gen" "$tmp/foreign" --mb 0.1 --docs 2 --quiet 2> /dev/null && fail "wrote into a foreign folder"
[ -f "$tmp/foreign/x" ] || fail "a foreign file was removed"

# solieu extract reads every document: exit 0, and facts from each
start=$(date +%s.%N)
"$SOLIEU" extract -o "$tmp/facts.csv" - < "$tmp/d/files.txt" 2> "$tmp/err.txt"
rc=$?
end=$(date +%s.%N)
[ "$rc" -eq 0 ] || fail "extract exited $rc: $(head -5 "$tmp/err.txt")"
python3 - "$tmp/facts.csv" "$tmp/d/files.txt" "$start" "$end" <<'EOF' || fail "facts"
import csv, os, sys
docs = {os.path.basename(l) for l in open(sys.argv[2], encoding='utf-8').read().split('\n') if l}
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
with_facts = {r['doc'] for r in rows}
assert docs <= with_facts, f'no facts in {sorted(docs - with_facts)[:5]}'
size = sum(os.path.getsize(l) for l in open(sys.argv[2], encoding='utf-8').read().split('\n') if l)
secs = float(sys.argv[4]) - float(sys.argv[3])
print(f'extract: {len(docs)} documents, {len(rows)} facts, {size / 1e6 / secs:.1f} MB/s (not asserted)')
EOF

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "corpus: ok"
