#!/usr/bin/env bash
# The lock on an output directory: a second run while one is running exits
# 2 with a message naming the holder; so does a lock file whose pid is alive;
# a lock left by a dead process is taken over. And the other fatal errors
# (exit 2, nothing replaced): an output directory that cannot be created, a
# missing input directory, broken rules, bad usage.
here=$(dirname "$0")
. "$here/lib.sh"

cd "$tmp"
make_archive in 150
"$SOLIEU" run in -o out -j 1 2> /dev/null
expect_rc 0 $? "first run"
cp -a out saved

# 1. a live run holds the lock (the archive changed, so it has work to do)
for f in in/*.txt; do echo "Có 7 chi bộ." >> "$f"; done
"$SOLIEU" run in -o out -j 1 2> /dev/null &
holder=$!
for _ in $(seq 1 200); do [ -s out/.solieu-state/lock ] && break; sleep 0.01; done
"$SOLIEU" run in -o out 2> err.txt
rc=$?
if kill -0 $holder 2> /dev/null; then
    expect_rc 2 $rc "a run while another is running"
    grep -q "out/.solieu-state/lock: locked by process $holder" err.txt \
        || fail "no message naming the holder: $(cat err.txt)"
else
    echo "note: the first run ended before the second started; not checked"
fi
wait $holder
expect_rc 0 $? "the run that held the lock"

# 2. a lock file naming a live process (not holding an fcntl lock): exit 2
sleep 30 &
sleeper=$!
echo $sleeper > out/.solieu-state/lock
cp out/facts.csv facts_before.csv
"$SOLIEU" run in -o out 2> err.txt
expect_rc 2 $? "a lock file of a live process"
grep -q "locked by process $sleeper, which is still running" err.txt \
    || fail "live lock message: $(cat err.txt)"
cmp -s facts_before.csv out/facts.csv || fail "a refused run changed facts.csv"
kill $sleeper
wait $sleeper 2> /dev/null

# 3. the same file once that process is gone: stale, taken over
"$SOLIEU" run in -o out 2> err.txt
expect_rc 0 $? "a stale lock"
grep -q "\"stale_lock_taken_over_from_pid\": $sleeper," out/run.json \
    || fail "run.json does not tell the stale lock was taken over"
[ -e out/.solieu-state/lock ] && fail "the lock file outlived the run"

# 4. fatal errors: exit 2, a message, the previous outputs untouched
cp -a out before
echo "a file" > plain
"$SOLIEU" run in -o plain/out 2> err.txt
expect_rc 2 $? "an output directory below a file"
grep -q "^solieu: plain/out: cannot create: Not a directory" err.txt || fail "message: $(cat err.txt)"
"$SOLIEU" run in -o in 2> err.txt
expect_rc 2 $? "the input directory as the output"
grep -q "^solieu: in: the output directory cannot be the input directory" err.txt || fail "message: $(cat err.txt)"
"$SOLIEU" run missing -o out 2> err.txt
expect_rc 2 $? "a missing input directory"
grep -q "^solieu: missing: No such file or directory" err.txt || fail "message: $(cat err.txt)"
mkdir -p rules && cp "$SOLIEU_SOURCE_DIR"/rules/vi/*.rules rules/
printf 'rule broken.one\n    metric count\n    pattern (?<value>\\d+\n' > rules/zz_broken.rules
"$SOLIEU" run in -o out -r rules 2> err.txt
expect_rc 2 $? "broken rules"
grep -q "zz_broken.rules:3:13: error: \[broken.one\] pattern does not compile" err.txt \
    || fail "broken rule message: $(head -2 err.txt)"
same_outputs before out && cmp -s before/run.json out/run.json || fail "a fatal error replaced outputs"
"$SOLIEU" run in 2> err.txt
expect_rc 2 $? "no -o"
"$SOLIEU" run in -o out -j zero 2> err.txt
expect_rc 2 $? "-j zero"
"$SOLIEU" run in -o out --frobnicate 2> err.txt
expect_rc 2 $? "an unknown option"
"$SOLIEU" run --help > help.txt
expect_rc 0 $? "--help"
grep -q "exit status: 0" help.txt || fail "--help does not document the exit codes"

# 5. -q and -v: silent without a terminal, one line per document with -v
touch in/doc0001.txt
"$SOLIEU" run in -o out -q 2> err.txt
expect_rc 0 $? "-q"
[ -s err.txt ] && fail "-q is not quiet: $(cat err.txt)"
echo "Có 8 chi bộ." >> in/doc0002.txt
"$SOLIEU" run in -o out -v 2> err.txt
expect_rc 0 $? "-v"
grep -q "^solieu: in/doc0002.txt: [0-9]* facts" err.txt || fail "-v: no line for the changed document: $(cat err.txt)"
grep -q "^solieu: 150 documents: 1 extracted" err.txt || fail "-v: no summary: $(cat err.txt)"
finish
