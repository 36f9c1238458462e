#!/usr/bin/env bash
# Acceptance: the facts of seed 003 give the reviewed_members series of
# tỉnh Đắk Nông 2018-2022, its statistics, the derived review rate, and keep
# the 2018/2022 period total apart — from the gold facts (independent of
# extraction quality) and again from `solieu extract` on the seed itself.
set -u
: "${SOLIEU:?SOLIEU must name the solieu binary}"
gold="${SOLIEU_SHARED_DIR:-/nonexistent}/gold/seeds/003_339b0cffd4830d85.facts.csv"
if [ ! -f "$gold" ]; then
    echo "skip: gold facts not found at $gold (../shared is absent)"
    exit 77
fi
if ! command -v python3 >/dev/null; then
    echo "skip: python3 is needed to read the CSV outputs"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
seed="${SOLIEU_SHARED_DIR}/corpus/seeds/003_339b0cffd4830d85.txt"
"$SOLIEU" extract -o "$tmp/extracted.csv" "$seed" || { echo "FAIL: extract exited $?"; exit 1; }

status=0
for facts in "$gold" "$tmp/extracted.csv"; do
echo "== from $facts"
rm -rf "$tmp/out"
"$SOLIEU" aggregate -o "$tmp/out" --derive 'review_rate=reviewed_members/members_present' "$facts"
rc=$?
if [ "$rc" -ne 0 ]; then
    echo "FAIL: solieu aggregate exited $rc"
    exit 1
fi

python3 - "$tmp/out" <<'PY' || status=1
import csv, sys
out = sys.argv[1]
E = "tỉnh Đắk Nông"
fails = []

def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)

def near(got, want, tol):
    try:
        return abs(float(got) - want) <= tol
    except ValueError:
        return False

def rows(name):
    with open(f"{out}/{name}", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

series = rows("series.csv")
def yearly(metric, unit):
    return [r for r in series if r["entity"] == E and r["metric"] == metric
            and r["unit"] == unit and r["period_kind"] == "year"]

rm = yearly("reviewed_members", "đảng viên")
check([r["period"] for r in rm] == ["2018", "2019", "2020", "2021", "2022"],
      "reviewed_members has the years 2018-2022: %s" % [r["period"] for r in rm])
check([r["value"] for r in rm] == ["24271", "24986", "25149", "25555", "26331"],
      "reviewed_members reads 24271, 24986, 25149, 25555, 26331: %s" % [r["value"] for r in rm])
check(all(r["interpolated"] == "0" and r["conflict"] == "0" and r["n_sources"] == "1" for r in rm),
      "reviewed_members values are stated, unconflicted, one source each")

total = [r for r in series if r["entity"] == E and r["metric"] == "reviewed_members"
         and r["period"] == "2018/2022"]
check(len(total) == 1 and total[0]["value"] == "126292" and total[0]["period_kind"] == "range",
      "the 2018/2022 total 126292 is its own range row")

stats = [r for r in rows("stats.csv") if r["entity"] == E and r["metric"] == "reviewed_members"]
check(len(stats) == 1, "one stats row for reviewed_members (the period total has no yearly value)")
if stats:
    s = stats[0]
    print("     stats:", {k: s[k] for k in ("n", "first_year", "last_year", "mean", "sd", "slope", "r2", "cagr_pct")})
    check(s["unit"] == "đảng viên" and s["n"] == "5", "n = 5 in đảng viên")
    check((s["first_year"], s["last_year"]) == ("2018", "2022"), "years 2018-2022")
    check(near(s["mean"], 25258.4, 1e-9), "mean 25258.4")
    check(near(s["sd"], 758.217, 5e-4), "sd 758.217")
    check(near(s["slope"], 468.9, 1e-9), "slope 468.9 per year")
    check(near(s["r2"], 0.9561, 5e-5), "r2 0.9561")
    check(near(s["cagr_pct"], 2.057, 6e-4), "CAGR 2.057 %")
    check(s["n_interpolated"] == "0", "no interpolated year")

rate = yearly("review_rate", "%")
got = [round(float(r["value"]), 2) for r in rate]
check([r["period"] for r in rate] == ["2018", "2019", "2020", "2021", "2022"], "review_rate years 2018-2022")
check(got == [94.74, 95.16, 94.15, 94.58, 95.54], "review_rate reads 94.74, 95.16, 94.15, 94.58, 95.54: %s" % got)
check(any(r["metric"] == "review_rate" for r in rows("stats.csv")), "review_rate has a stats row")

table = rows("table.csv")
trow = [r for r in table if r["entity"] == E and r["metric"] == "reviewed_members" and r["unit"] == "đảng viên"]
check(len(trow) == 1 and [trow[0][y] for y in ("2018", "2019", "2020", "2021", "2022")]
      == ["24271", "24986", "25149", "25555", "26331"], "table.csv has the series in year columns")
check(len(trow) == 1 and trow[0].get("2018/2022") == "", "the period total is not in the yearly row")
ttot = [r for r in table if r["metric"] == "reviewed_members" and r["unit"] == "lượt đảng viên"]
check(len(ttot) == 1 and ttot[0].get("2018/2022") == "126292" and ttot[0]["2018"] == "",
      "the period total sits in its own 2018/2022 column")
trate = [r for r in table if r["metric"] == "review_rate"]
check(len(trate) == 1 and round(float(trate[0]["2020"]), 2) == 94.15, "table.csv has review_rate")

docs = rows("documents.csv")
check(len(docs) == 1 and docs[0]["doc"] == "003_339b0cffd4830d85.txt" and docs[0]["entity"] == E,
      "documents.csv lists the document with its entity")
sys.exit(1 if fails else 0)
PY
done
exit $status
