#!/usr/bin/env bash
# The aggregate command's exit codes, messages and output files: 0 ok,
# 1 some input file or row skipped (the rest written), 2 usage or fatal.
set -u
: "${SOLIEU:?SOLIEU must name the solieu binary}"
: "${SOLIEU_SOURCE_DIR:?}"
export LC_ALL=C
data="$SOLIEU_SOURCE_DIR/tests/aggregate/data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# expect CODE STDERR_SUBSTRING -- ARGS...: runs solieu aggregate ARGS.
expect() {
    local want=$1 msg=$2
    shift 3
    "$SOLIEU" aggregate "$@" >"$tmp/stdout" 2>"$tmp/stderr"
    local rc=$?
    if [ "$rc" -ne "$want" ]; then
        echo "FAIL: aggregate $* exited $rc, want $want"; cat "$tmp/stderr"; status=1
    elif [ -n "$msg" ] && ! grep -qF -- "$msg" "$tmp/stderr"; then
        echo "FAIL: aggregate $*: stderr lacks '$msg':"; cat "$tmp/stderr"; status=1
    else
        echo "ok   aggregate $* -> $rc"
    fi
}

expect 2 "no facts CSV given" -- -o "$tmp/x"
expect 2 "unknown option '--bogus'" -- --bogus "$data/two_docs.facts.csv"
expect 2 "option -o needs a value" -- "$data/two_docs.facts.csv" -o
expect 2 "derive 'nonsense': expected NAME=A/B" -- --derive nonsense "$data/two_docs.facts.csv"
expect 0 "" -- --help

# A malformed CSV alone: its located message, exit 2, nothing written.
expect 2 "solieu: $data/malformed.facts.csv:3: unterminated quoted field" -- -o "$tmp/m" "$data/malformed.facts.csv"
[ ! -e "$tmp/m" ] || { echo "FAIL: outputs written for an unusable input"; status=1; }
expect 2 "missing column 'unit'" -- -o "$tmp/m" "$data/no_unit.facts.csv"
expect 2 "$tmp/absent.csv: No such file or directory" -- -o "$tmp/m" "$tmp/absent.csv"

# Next to a good file: the bad one is skipped, the rest written, exit 1.
expect 1 "malformed.facts.csv:3: unterminated quoted field" -- -o "$tmp/p" "$data/malformed.facts.csv" "$data/two_docs.facts.csv"
[ -s "$tmp/p/series.csv" ] || { echo "FAIL: no series.csv after a partial run"; status=1; }

# Rows whose value is not a number: warned with their line, skipped, exit 1.
expect 1 "bad_rows.facts.csv:4: warning: value 'mười' is not a plain decimal number" -- -o "$tmp/b" "$data/bad_rows.facts.csv"
grep -q "^huyện B,grassroots_party_cells,,2022,year,1234.5," "$tmp/b/series.csv" || { echo "FAIL: good row lost"; status=1; }

# An output directory that cannot exist (under a regular file): exit 2.
touch "$tmp/file"
expect 2 "solieu: $tmp/file/out: Not a directory" -- -o "$tmp/file/out" "$data/two_docs.facts.csv"
# A read-only directory (only meaningful when not root).
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
    expect 2 "solieu: $tmp/ro: Permission denied" -- -o "$tmp/ro" "$data/two_docs.facts.csv"
    chmod 755 "$tmp/ro"
fi

# Default directory '.', nested directories created, standard input as '-'.
(cd "$tmp" && "$SOLIEU" aggregate - <"$data/two_docs.facts.csv") || { echo "FAIL: stdin"; status=1; }
for f in series.csv table.csv stats.csv documents.csv; do
    [ -s "$tmp/$f" ] || { echo "FAIL: $f not written to ."; status=1; }
done
expect 0 "" -- -o "$tmp/a/b/c" "$data/two_docs.facts.csv"
cmp -s "$tmp/series.csv" "$tmp/a/b/c/series.csv" || { echo "FAIL: stdin and file differ"; status=1; }
ls -A "$tmp/a/b/c" | grep -q '^\.' && { echo "FAIL: temporary files left behind"; status=1; }

# Plain output: LF only, no BOM. --excel: BOM and CRLF on every line.
if head -c 3 "$tmp/a/b/c/table.csv" | grep -q $'\xEF\xBB\xBF' || grep -q $'\r' "$tmp/a/b/c/table.csv"; then
    echo "FAIL: plain output has a BOM or CR"; status=1
fi
expect 0 "" -- --excel -o "$tmp/x" "$data/two_docs.facts.csv"
for f in series.csv table.csv stats.csv documents.csv; do
    [ "$(head -c 3 "$tmp/x/$f" | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || { echo "FAIL: $f lacks a BOM"; status=1; }
    lines=$(wc -l < "$tmp/x/$f"); crlf=$(grep -c $'\r$' "$tmp/x/$f")
    [ "$lines" -eq "$crlf" ] || { echo "FAIL: $f: $crlf of $lines lines end in CRLF"; status=1; }
done

# Contents of the small data set.
s="$tmp/a/b/c/series.csv"
want() {
    grep -qxF -- "$1" "$2" && echo "ok   $(basename "$2") has: $1" || { echo "FAIL: $2 lacks: $1"; status=1; }
}
want 'tỉnh Đắk Nông,disciplined_members,khiển trách,2021,year,,đảng viên,bc_2021.txt:12;bc_2022.txt:9,2,0,1,249 (bc_2021.txt:12); 250 (bc_2022.txt:9)' "$s"
want 'tỉnh Đắk Nông,disciplined_members,cảnh cáo,2021,year,96,đảng viên,bc_2021.txt:13;bc_2022.txt:10,2,0,0,' "$s"
want 'tỉnh Đắk Nông,party_members,,2022,year,28012,đảng viên,bc_2022.txt:5,1,0,0,' "$s"
want 'huyện Cư Jút,reviewed_collectives,,2020,year,1092.6667,tập thể,,0,1,0,' "$s"
want 'tỉnh Đắk Nông,reviewed_members,,2018/2022,range,126292,lượt đảng viên,bc_2022.txt:31,1,0,0,' "$s"
want 'huyện Cư Jút,count,,đảng viên,2,2020,2022,-3,0,-1.5,2.1213,,,,-1.5,3030,1,1' "$tmp/a/b/c/stats.csv"
want 'entity,metric,qualifier,unit,2019,2020,2021,2022,2018/2022' "$tmp/a/b/c/table.csv"
want 'huyện Cư Jút,reviewed_collectives,,tập thể,1039,,,1200,' "$tmp/a/b/c/table.csv"
want 'bc_2021.txt,160-BC/TU,báo cáo,Tỉnh ủy Đắk Nông,tỉnh Đắk Nông,Gia Nghĩa,2021-12-20' "$tmp/a/b/c/documents.csv"
exit $status
