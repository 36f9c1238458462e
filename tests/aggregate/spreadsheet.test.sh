#!/usr/bin/env bash
# table.csv written with --excel opens in LibreOffice Calc with numbers as
# numbers (cells typed float) and Vietnamese names intact. Converted headless
# to ODS; content.xml is read back.
set -u
: "${SOLIEU:?SOLIEU must name the solieu binary}"
: "${SOLIEU_SOURCE_DIR:?}"
if ! command -v libreoffice >/dev/null; then
    echo "skip: libreoffice is not installed (apt package libreoffice-calc-nogui)"
    exit 77
fi
if ! command -v python3 >/dev/null; then
    echo "skip: python3 is needed to read the converted spreadsheet"
    exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/home"

"$SOLIEU" aggregate --excel -o "$tmp/out" "$SOLIEU_SOURCE_DIR/tests/aggregate/data/two_docs.facts.csv" ||
    { echo "FAIL: aggregate"; exit 1; }

# A fresh profile in a private HOME, so a user's settings or a running
# instance cannot change the result. Two imports: with every CSV option spelled
# out (comma, quote, UTF-8, from line 1, US English numbers), and with only
# what a person picks in the import dialog (comma, quote, UTF-8). Headless
# LibreOffice does not sniff the BOM without a filter (it falls back to the
# system charset), so the charset is always given.
convert() {
    local outdir=$1
    shift
    HOME="$tmp/home" timeout 120 libreoffice --headless --norestore "$@" \
        --convert-to ods --outdir "$outdir" "$tmp/out/table.csv" >"$tmp/lo.log" 2>&1
    local rc=$?
    if [ "$rc" -ne 0 ] || [ ! -s "$outdir/table.ods" ]; then
        echo "FAIL: libreoffice conversion exited $rc"; cat "$tmp/lo.log"; exit 1
    fi
}
convert "$tmp/explicit" --infilter="CSV:44,34,76,1,,1033"
convert "$tmp/dialog" --infilter="CSV:44,34,76"

python3 - "$tmp/explicit/table.ods" "$tmp/dialog/table.ods" <<'PY'
import sys, zipfile
import xml.etree.ElementTree as ET
T = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
O = "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}"
fails = []

def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        fails.append(what)

def grid(path):
    root = ET.fromstring(zipfile.ZipFile(path).read("content.xml"))
    rows = []
    for row in root.iter(T + "table-row"):
        cells = []
        for c in row:
            if c.tag not in (T + "table-cell", T + "covered-table-cell"):
                continue
            rep = int(c.get(T + "number-columns-repeated", "1"))
            text = "".join(c.itertext())
            cells += [(c.get(O + "value-type"), c.get(O + "value"), text)] * min(rep, 64)
        rows.append(cells)
    return rows

for path in sys.argv[1:]:
    print("--", path.split("/")[-2], "import")
    g = grid(path)
    header = [t for _, _, t in g[0]]
    check(header[:4] == ["entity", "metric", "qualifier", "unit"], "header: %s" % header[:6])
    col = {name: i for i, name in enumerate(header)}
    def row(metric, unit):
        for r in g[1:]:
            if len(r) > 3 and r[1][2] == metric and r[3][2] == unit:
                return r
        return None
    r = row("reviewed_members", "đảng viên")
    check(r is not None and r[0][2] == "tỉnh Đắk Nông", "row 'tỉnh Đắk Nông' / reviewed_members / 'đảng viên' intact")
    if r:
        for year, want in (("2021", 24271), ("2022", 24986)):
            t, v, _ = r[col[year]]
            check(t == "float" and float(v) == want, "%s cell is float %s (got %s %s)" % (year, want, t, v))
    r = row("attendance_rate", "%")
    if r:
        t, v, _ = r[col["2021"]]
        check(t == "float" and abs(float(v) - 96.48) < 1e-9, "96.48 stays the number 96.48 (got %s %s)" % (t, v))
    else:
        check(False, "attendance_rate row present")
    r = row("count", "đảng viên")
    check(r is not None and r[0][2] == "huyện Cư Jút", "'huyện Cư Jút' intact")
    if r:
        t, v, _ = r[col["2022"]]
        check(t == "float" and float(v) == -3, "negative -3 is float (got %s %s)" % (t, v))
    r = row("reviewed_members", "lượt đảng viên")
    if r:
        t, v, _ = r[col["2018/2022"]]
        check(t == "float" and float(v) == 126292, "period total 126292 is float in its own column")
    else:
        check(False, "'lượt đảng viên' row present")
    q = [x for x in g[1:] if len(x) > 2 and x[2][2] == "khiển trách"]
    check(len(q) == 1, "qualifier 'khiển trách' intact")
sys.exit(1 if fails else 0)
PY
