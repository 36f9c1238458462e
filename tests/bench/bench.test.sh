#!/usr/bin/env bash
# solieu bench on the example reports and their gold: a row per rule and the
# totals; --csv writes a CSV with a row per rule; --compare against a rule
# set without discipline.cases shows the loss and a lower recall; usage errors
# exit 2. Timings are printed, never asserted.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
ex="$SOLIEU_SOURCE_DIR/examples"
rules="$SOLIEU_SOURCE_DIR/rules/vi"

# ---- one rule set against gold
"$SOLIEU" bench --gold "$ex/gold" -r "$rules" --csv "$tmp/bench.csv" "$ex"/reports/*.txt > "$tmp/out.txt" 2> "$tmp/err.txt"
rc=$?
cat "$tmp/out.txt"
[ "$rc" -eq 0 ] || fail "bench exited $rc: $(cat "$tmp/err.txt")"
# every rule id of the rule files has its row: flag letters (maybe none), the id
ids=$(grep -h '^rule ' "$rules"/*.rules | awk '{print $2}' | sort -u)
nids=$(printf '%s\n' "$ids" | grep -c .)
[ "$nids" -gt 10 ] || fail "could not list rule ids ($nids)"
for id in $ids; do
    grep -Eq "^[FMWL]* +$(printf '%s' "$id" | sed 's/\./\\./g') " "$tmp/out.txt" || fail "no row for rule $id"
done
grep -q '(total)' "$tmp/out.txt" || fail "no totals row"
grep -Eq '^scorer: precision [0-9.]+ recall [0-9.]+ \([0-9]+/[0-9]+\) F1 [0-9.]+$' "$tmp/out.txt" || fail "no scorer line"
grep -Eq '^speed: .* MB/s' "$tmp/out.txt" || fail "no MB/s"
grep -Eq '^peak memory: [0-9.]+ MB' "$tmp/out.txt" || fail "no peak memory"
grep -q 'documents: 5 run (0 failed), 5 scored' "$tmp/out.txt" || fail "documents line"

# the same precision and recall as the shared scorer, when it is there
shared="${SOLIEU_SHARED_DIR:-$SOLIEU_SOURCE_DIR/../shared}"
if [ -x "$shared/tools/score" ]; then
    "$SOLIEU" extract -r "$rules" -o "$tmp/facts.csv" "$ex"/reports/*.txt 2>/dev/null
    want=$("$shared/tools/score" "$ex/gold" "$tmp/facts.csv" | tail -n 1 | grep -Eo 'precision [0-9.]+ recall [0-9.]+ \([0-9]+/[0-9]+\)')
    got=$(grep -Eo '^scorer: precision [0-9.]+ recall [0-9.]+ \([0-9]+/[0-9]+\)' "$tmp/out.txt" | sed 's/^scorer: //')
    [ "$want" = "$got" ] || fail "bench says '$got', the scorer says '$want'"
else
    echo "note: $shared/tools/score is absent; not compared with the scorer"
fi

# --csv: parseable, a row per rule plus the total, the documented columns
python3 - "$tmp/bench.csv" "$nids" <<'EOF' || fail "bench CSV"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding='utf-8', newline='')))
want = int(sys.argv[2])
cols = ['rule', 'kind', 'metric', 'attempts', 'matches', 'limit_hits', 'facts', 'true_pos',
        'false_pos', 'misses', 'wrong_metric', 'precision', 'recall', 'f1', 'seconds',
        'ns_per_byte', 'flags']
assert rows and list(rows[0].keys()) == cols, list(rows[0].keys())
rules = [r for r in rows if not r['rule'].startswith('(')]
assert len(rules) == want, (len(rules), want)
assert rows[-1]['rule'] == '(total)', rows[-1]
for r in rows:
    for c in ('attempts', 'facts', 'true_pos', 'false_pos', 'misses'):
        int(r[c])
    float(r['seconds'])
total = rows[-1]
assert int(total['facts']) == sum(int(r['facts']) for r in rows[:-1])
EOF

# ---- a broken rule set: discipline.cases deleted
mkdir -p "$tmp/broken"
cp "$rules"/*.rules "$tmp/broken/"
python3 - "$tmp/broken" <<'EOF' || fail "could not delete discipline.cases"
import glob, re, sys
hit = False
for p in glob.glob(sys.argv[1] + '/*.rules'):
    s = open(p, encoding='utf-8').read()
    t = re.sub(r'(?m)^rule discipline\.cases\n(?:[ \t]+.*\n|\n)*?(?=^rule |\Z)', '', s)
    if t != s:
        hit = True
        open(p, 'w', encoding='utf-8').write(t)
sys.exit(0 if hit else 1)
EOF
grep -q '^rule discipline.cases' "$tmp/broken"/*.rules && fail "discipline.cases still there"
"$SOLIEU" bench --compare "$rules" "$tmp/broken" --gold "$ex/gold" "$ex"/reports/*.txt > "$tmp/cmp.txt" 2> "$tmp/cmp_err.txt"
rc=$?
cat "$tmp/cmp.txt"
[ "$rc" -eq 0 ] || fail "compare exited $rc: $(cat "$tmp/cmp_err.txt")"
grep -Eq '^lost \(found by A, not by B\): [1-9]' "$tmp/cmp.txt" || fail "compare shows no lost fact"
grep -Eq '^  - [^ ]+:[0-9]+ .* cases_handled \[discipline\.cases\] true$' "$tmp/cmp.txt" || fail "the lost discipline.cases fact is not listed"
awk '$1 == "misses" && $2 == "(required)" { exit !($5 + 0 > 0) }' "$tmp/cmp.txt" || fail "no more misses"
awk '$1 == "recall" { exit !($4 + 0 < 0) }' "$tmp/cmp.txt" || fail "recall did not drop"
# the broken set alone: the miss shows up (no rule owns cases_handled any more)
"$SOLIEU" bench --gold "$ex/gold" -r "$tmp/broken" "$ex"/reports/*.txt > "$tmp/broken.txt" 2>&1
grep -Eq '^M +\(no rule\) ' "$tmp/broken.txt" || fail "no '(no rule)' miss row for the broken set"

# ---- usage and input errors
"$SOLIEU" bench "$ex"/reports/*.txt > /dev/null 2>&1
[ $? -eq 2 ] || fail "bench without --gold should exit 2"
"$SOLIEU" bench --gold "$tmp/nogold" "$ex"/reports/ex1_quang_tri.txt > /dev/null 2> "$tmp/e1.txt"
[ $? -eq 2 ] || fail "missing gold dir should exit 2"
grep -q "nogold" "$tmp/e1.txt" || fail "missing gold dir message: $(cat "$tmp/e1.txt")"
"$SOLIEU" bench --gold "$ex/gold" "$ex"/reports/ex1_quang_tri.txt "$tmp/missing.txt" > "$tmp/o2.txt" 2> "$tmp/e2.txt"
[ $? -eq 1 ] || fail "a missing document should exit 1"
grep -q "missing.txt" "$tmp/e2.txt" || fail "missing document message"
grep -q 'documents: 2 run (1 failed)' "$tmp/o2.txt" || fail "failed document not counted"
grep -q 'gold of 4 documents not run is left out' "$tmp/o2.txt" || fail "unrun gold not reported"
"$SOLIEU" bench --gold "$ex/gold" --csv "$tmp/no/dir/x.csv" "$ex"/reports/ex1_quang_tri.txt > /dev/null 2> "$tmp/e3.txt"
[ $? -eq 2 ] || fail "unwritable --csv should exit 2"
grep -q "cannot write" "$tmp/e3.txt" || fail "unwritable --csv message"

[ "$fails" -eq 0 ] || { echo "$fails failure(s)"; exit 1; }
echo "bench: ok"
