#!/usr/bin/env bash
# `solieu run` over an archive holding every kind of bad document: invalid
# UTF-8, an empty file, a binary file, a 50 MB single-line file, an
# unreadable file, a file gone before it could be read (a dangling link), a
# FIFO, and a document on which a rule hits PCRE2's match limit. Each must be
# a row of errors.csv with its reason, every good document's facts must be
# in facts.csv exactly as `solieu extract` gives them, and the exit code 1.
here=$(dirname "$0")
. "$here/lib.sh"

work="$tmp/work"
mkdir -p "$work/in/good/sub" "$work/rules"
chmod 777 "$tmp" "$work"
cp "$SOLIEU_SOURCE_DIR"/rules/vi/*.rules "$work/rules/"
# a rule that backtracks without end once its paragraph holds a 'y'
cat > "$work/rules/zz_runaway.rules" <<'RULES'
rule zz.runaway
    metric    count
    unit      lần
    pattern   (?:x+x+)+y {VALUE}
RULES

cp "$SOLIEU_SOURCE_DIR"/examples/reports/ex1_quang_tri.txt \
   "$SOLIEU_SOURCE_DIR"/examples/reports/ex2_tam_ky.txt "$work/in/good/"
cp "$SOLIEU_SOURCE_DIR"/examples/reports/ex3_soc_trang.txt "$work/in/good/sub/"
printf 'BÁO CÁO\n\nĐảng bộ xã có 120 đảng viên.\n\nxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx 5 lần kiểm tra y.\n' \
    > "$work/in/runaway.txt"
printf 'Dòng một\nĐảng bộ có 12\xff đảng viên\n' > "$work/in/bad_utf8.txt"
: > "$work/in/empty.md"
printf 'ab\0cd' > "$work/in/binary.txt"
head -c 52428800 /dev/zero | tr '\0' 'a' > "$work/in/huge_line.txt"
ln -s "$work/in/no_such_file.txt" "$work/in/vanished.txt"
mkfifo "$work/in/pipe.txt"
printf 'BÁO CÁO\n\nĐảng bộ có 77 đảng viên.\n' > "$work/in/unreadable.txt"
chmod 000 "$work/in/unreadable.txt"
chmod -R a+rX "$work/rules" "$work/in/good"

# root reads any file: run as nobody so that chmod 000 means unreadable
as_user=()
unreadable=1
if [ "$(id -u)" -eq 0 ]; then
    if setpriv --reuid=65534 --regid=65534 --clear-groups "$SOLIEU" version > /dev/null 2>&1; then
        as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
    else
        echo "note: running as root without setpriv: the unreadable case is not checked"
        unreadable=0
    fi
fi

cd "$work"
start=$SECONDS
"${as_user[@]}" "$SOLIEU" run in -o out -r rules -j 2 2> err.txt
expect_rc 1 $? "run over bad documents"
[ $((SECONDS - start)) -lt 60 ] || fail "the run took $((SECONDS - start)) s"
[ -s err.txt ] && fail "not silent without a terminal: $(head -3 err.txt)"

expect_error() { # path stage reason
    grep -F "$1,$2," out/errors.csv | grep -qF "$3" || fail "errors.csv lacks $1 ($2: $3)"
}
expect_error in/bad_utf8.txt document "bad_utf8.txt:2:20: invalid UTF-8"
expect_error in/empty.md document "empty document"
expect_error in/binary.txt document "binary file"
expect_error in/huge_line.txt document "line of 52428800 bytes, over the limit"
expect_error in/vanished.txt read "No such file or directory"
expect_error in/pipe.txt read "not a regular file"
expect_error in/runaway.txt extract "rule zz.runaway hit PCRE2's match limit"
[ "$unreadable" -eq 1 ] && expect_error in/unreadable.txt read "Permission denied"

# the good documents: their facts as extract gives them, in path order
"$SOLIEU" extract -r rules -o ref.csv in/good/ex1_quang_tri.txt in/good/ex2_tam_ky.txt \
    in/good/sub/ex3_soc_trang.txt
expect_rc 0 $? "extract of the good documents"
tail -n +2 ref.csv > ref_rows.csv
grep -F ',in/good/' out/facts.csv > run_rows.csv
cmp -s ref_rows.csv run_rows.csv || fail "the good documents' facts differ from extract's"
[ "$(wc -l < ref_rows.csv)" -gt 100 ] || fail "too few facts in the good documents"
# the document whose rule hit the limit keeps its other facts
grep -q '^runaway.txt,3,120,120,' out/facts.csv || fail "runaway.txt lost its good fact"
for f in $OUTPUTS run.json; do [ -s "out/$f" ] || fail "out/$f missing"; done
grep -q '"exit_status": 1,' out/run.json || fail "run.json exit_status"
# the dangling link and the FIFO are rows of the walk, not documents
[ "$(json_field out/run.json documents)" -eq 9 ] || fail "documents in run.json: $(json_field out/run.json documents)"
[ "$(json_field out/run.json errors)" -eq $((7 + unreadable)) ] || fail "errors in run.json: $(json_field out/run.json errors)"
[ "$(($(wc -l < out/errors.csv) - 1))" -eq $((7 + unreadable)) ] || fail "rows of errors.csv"

# a second run: failures stay in errors.csv, and only the uncached ones
# (unreadable, vanished, the FIFO: not a matter of content) are looked at again
cp out/errors.csv errors1.csv
"${as_user[@]}" "$SOLIEU" run in -o out -r rules -j 2 2> err.txt
expect_rc 1 $? "second run over bad documents"
cmp -s errors1.csv out/errors.csv || fail "errors.csv changed on a rerun"
[ "$(json_field out/run.json documents_extracted)" -eq 0 ] || fail "rerun extracted again"
finish
