#!/usr/bin/env bash
# Exit codes and messages of the CLI on bad input: invalid UTF-8, empty and
# binary files, a missing file, an unwritable output path, a broken rule
# file, and usage errors. One bad document never stops the others.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
export LC_ALL=C
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_rc() { # want got what
    [ "$1" -eq "$2" ] || fail "$3: exit $2, expected $1"
}

good="$tmp/good.txt"
printf 'BÁO CÁO\n\nĐảng bộ tỉnh Hà Nam hiện có 3.120 đảng viên.\n' > "$good"
printf 'Dòng một\nĐảng bộ có 12\xff đảng viên\n' > "$tmp/bad.txt"
: > "$tmp/empty.txt"
printf 'ab\0cd' > "$tmp/binary.bin"

# invalid UTF-8: located message, file skipped, the others come out, exit 1
"$SOLIEU" extract -o "$tmp/facts.csv" "$tmp/bad.txt" "$good" 2> "$tmp/err.txt"
expect_rc 1 $? "extract with one invalid file"
grep -q "bad.txt:2:20: invalid UTF-8" "$tmp/err.txt" || fail "no path:line:col message: $(cat "$tmp/err.txt")"
grep -q '3.120' "$tmp/facts.csv" || fail "the good document's fact is missing"

# empty, binary and missing files are reported, not fatal
"$SOLIEU" extract -o "$tmp/facts2.csv" "$tmp/empty.txt" "$tmp/binary.bin" "$tmp/missing.txt" "$good" 2> "$tmp/err2.txt"
expect_rc 1 $? "extract with empty/binary/missing files"
grep -q "empty.txt: empty document" "$tmp/err2.txt" || fail "empty file message"
grep -q "binary.bin:1:3: binary file" "$tmp/err2.txt" || fail "binary file message"
grep -q "missing.txt: No such file" "$tmp/err2.txt" || fail "missing file message"
grep -q '3.120' "$tmp/facts2.csv" || fail "good document lost among bad ones"

# all good: exit 0; stdout when -o is absent; a list of paths on stdin
"$SOLIEU" extract "$good" > "$tmp/stdout.csv"
expect_rc 0 $? "extract to stdout"
head -n 1 "$tmp/stdout.csv" | grep -q '^doc,line,text,value,denominator,unit,metric' || fail "header"
printf '%s\n' "$good" | "$SOLIEU" extract - > "$tmp/stdin.csv"
expect_rc 0 $? "extract -"
cmp -s "$tmp/stdout.csv" "$tmp/stdin.csv" || fail "paths on stdin give other facts"

# an unwritable output path: exit 2, a message, nothing half-written
"$SOLIEU" extract -o "$tmp/no/such/dir/facts.csv" "$good" 2> "$tmp/err3.txt"
expect_rc 2 $? "unwritable output"
grep -q "solieu: $tmp/no/such/dir/facts.csv: cannot write" "$tmp/err3.txt" || fail "unwritable message: $(cat "$tmp/err3.txt")"
echo keep > "$tmp/kept.csv"
"$SOLIEU" extract -r "$tmp/norules" -o "$tmp/kept.csv" "$good" 2>/dev/null
expect_rc 2 $? "missing rules directory"
[ "$(cat "$tmp/kept.csv")" = keep ] || fail "a failed run replaced the previous output"

# a broken rule file: file:line:col and exit 2
mkdir -p "$tmp/rules"
cp "$SOLIEU_SOURCE_DIR"/rules/vi/*.rules "$tmp/rules/"
printf 'rule broken.one\n    metric count\n    pattern (?<value>\\d+\n' > "$tmp/rules/zz_broken.rules"
"$SOLIEU" extract -r "$tmp/rules" "$good" > /dev/null 2> "$tmp/err4.txt"
expect_rc 2 $? "broken rule"
grep -q "zz_broken.rules:3:13: error: \[broken.one\] pattern does not compile" "$tmp/err4.txt" || fail "rule error location: $(head -3 "$tmp/err4.txt")"
printf 'rule x\n    colour red\n' > "$tmp/rules/zz_broken.rules"
"$SOLIEU" rules test -r "$tmp/rules" > /dev/null 2> "$tmp/err5.txt"
expect_rc 2 $? "unknown attribute"
grep -q "zz_broken.rules:2:5: error: \[x\] unknown attribute 'colour'" "$tmp/err5.txt" || fail "attribute error: $(head -2 "$tmp/err5.txt")"

# a failing example makes `rules test` exit 1 with the count
printf 'rule y\n    metric count\n    pattern (?<value>\\d+) cây\n    example có 5 cây => 6\n' > "$tmp/rules/zz_broken.rules"
out=$("$SOLIEU" rules test -r "$tmp/rules" 2>/dev/null | tail -n 1)
expect_rc 1 "$("$SOLIEU" rules test -r "$tmp/rules" >/dev/null 2>&1; echo $?)" "failing example"
case "$out" in *" passed, 1 failed") ;; *) fail "rules test summary: $out" ;; esac

# usage errors
"$SOLIEU" > /dev/null 2>&1; expect_rc 2 $? "no command"
"$SOLIEU" frobnicate > /dev/null 2>&1; expect_rc 2 $? "unknown command"
"$SOLIEU" extract > /dev/null 2>&1; expect_rc 2 $? "extract without files"
"$SOLIEU" extract --bogus "$good" > /dev/null 2>&1; expect_rc 2 $? "unknown option"
"$SOLIEU" check > /dev/null 2>&1; expect_rc 2 $? "check without files"

# check needs the reports the facts came from
"$SOLIEU" extract -o "$tmp/f.csv" "$good" && mv "$good" "$tmp/moved.txt"
"$SOLIEU" check -o "$tmp/c.csv" "$tmp/f.csv" 2> "$tmp/err6.txt"
expect_rc 1 $? "check with a missing report"
grep -q "source document not found" "$tmp/err6.txt" || fail "missing report message"

# a device or a pipe as the output is written, never replaced
mkfifo "$tmp/pipe"
cat "$tmp/pipe" > "$tmp/from_pipe.csv" &
"$SOLIEU" extract -o "$tmp/pipe" "$tmp/moved.txt"
expect_rc 0 $? "extract into a FIFO"
wait
[ -p "$tmp/pipe" ] || fail "the FIFO was replaced by a file"
grep -q '3.120' "$tmp/from_pipe.csv" || fail "nothing came through the FIFO"
"$SOLIEU" extract -o /dev/null "$tmp/moved.txt"
expect_rc 0 $? "extract into /dev/null"
[ -c /dev/null ] || fail "/dev/null is no longer a device"

[ "$fails" -eq 0 ] && echo "all CLI error cases behave"
exit $((fails > 0))
