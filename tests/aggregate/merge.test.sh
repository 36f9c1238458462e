#!/usr/bin/env bash
# Mergeable: aggregating the facts of a corpus split in two (given in either
# order) gives byte-identical outputs to aggregating one CSV with all rows.
set -u
: "${SOLIEU:?SOLIEU must name the solieu binary}"
: "${SOLIEU_SOURCE_DIR:?}"
if ! command -v python3 >/dev/null; then
    echo "skip: python3 is needed to split the CSV"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

inputs=("$SOLIEU_SOURCE_DIR/tests/aggregate/data/two_docs.facts.csv")
gold_dir="${SOLIEU_SHARED_DIR:-/nonexistent}/gold/seeds"
if [ -d "$gold_dir" ]; then
    for f in "$gold_dir"/*.facts.csv; do inputs+=("$f"); done
else
    echo "note: $gold_dir absent; merging the test data only"
fi

# all.csv: every row under one header (the union of the columns); half1/half2:
# alternate rows, so each half has some rows of every document.
python3 - "$tmp" "${inputs[@]}" <<'PY'
import csv, sys
tmp, paths = sys.argv[1], sys.argv[2:]
rows, cols = [], []
for p in paths:
    with open(p, newline="", encoding="utf-8-sig") as f:
        r = csv.DictReader(f)
        for c in r.fieldnames:
            if c not in cols:
                cols.append(c)
        rows.extend(r)
def write(name, part):
    with open(f"{tmp}/{name}", "w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=cols, lineterminator="\n")
        w.writeheader()
        w.writerows(part)
write("all.csv", rows)
write("half1.csv", rows[0::2])
write("half2.csv", rows[1::2][::-1])
print(f"{len(rows)} rows, halves of {len(rows[0::2])} and {len(rows[1::2])}")
PY

derive=(--derive 'review_rate=reviewed_members/members_present' --derive 'rate2=members_present/reviewed_members')
"$SOLIEU" aggregate -o "$tmp/one" "${derive[@]}" "$tmp/all.csv" || { echo "FAIL: whole"; exit 1; }
"$SOLIEU" aggregate -o "$tmp/two" "${derive[@]}" "$tmp/half1.csv" "$tmp/half2.csv" || { echo "FAIL: halves"; exit 1; }
"$SOLIEU" aggregate -o "$tmp/rev" "${derive[@]}" "$tmp/half2.csv" "$tmp/half1.csv" || { echo "FAIL: reversed"; exit 1; }
# The same statements read twice are one statement: idempotent merge.
"$SOLIEU" aggregate -o "$tmp/dup" "${derive[@]}" "$tmp/all.csv" "$tmp/half1.csv" || { echo "FAIL: duplicate"; exit 1; }

status=0
for f in series.csv table.csv stats.csv documents.csv; do
    for d in two rev dup; do
        if cmp "$tmp/one/$f" "$tmp/$d/$f"; then
            echo "ok   $d/$f identical"
        else
            echo "FAIL $d/$f differs"
            diff "$tmp/one/$f" "$tmp/$d/$f" | head -20
            status=1
        fi
    done
done
[ "$(wc -l < "$tmp/one/series.csv")" -gt 10 ] || { echo "FAIL: series.csv nearly empty"; status=1; }
exit $status
