#!/usr/bin/env bash
# SIGKILL at random moments: a run killed at any point leaves the previous
# outputs byte-identical — or, when it got past its commit point, the new
# set, or (killed within the few renames of the commit) a mix that
# OUT/.solieu-state/commit marks and the next run finishes — leaves no
# temporary file beside them, and the next run completes normally with the
# outputs a clean run gives.
here=$(dirname "$0")
. "$here/lib.sh"

cd "$tmp"
make_archive in 150
run() { "$SOLIEU" run in -o "$1" -j 2 2> /dev/null; }
run out
expect_rc 0 $? "first run"
cp -a out saved # the previous outputs, with their state

# archive B: every document changes, so a run has work all through
for f in in/*.txt; do printf 'Năm 2023 có 9%s tổ chức đảng.\n' "${f//[^0-9]/}" >> "$f"; done
start=$(date +%s%N)
run expected
expect_rc 0 $? "reference run over the changed archive"
ms=$((($(date +%s%N) - start) / 1000000))
same_outputs saved expected && fail "the change did not change the outputs"

# which set a directory's outputs belong to: old, new, or a mix
which_set() {
    if same_outputs saved "$1" && cmp -s saved/run.json "$1/run.json"; then echo old
    elif same_outputs expected "$1"; then echo new
    else echo mixed; fi
}

RANDOM=$$
kills=0
olds=0
rm -rf out && cp -a saved out
for attempt in 1 2 3 4 5 6 7 8; do
    # a random point in the first 110% of a run's duration (some land in
    # the start-up, some in the output phase, a few after the end)
    delay=$((RANDOM % (ms * 11 / 10 + 1)))
    "$SOLIEU" run in -o out -j 2 2> /dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
    kill -KILL $pid 2> /dev/null && kills=$((kills + 1))
    wait $pid 2> /dev/null
    stray=$(find out -maxdepth 1 -name '.*' ! -name . ! -name .solieu-state)
    [ -z "$stray" ] || fail "attempt $attempt: temporary files beside the outputs: $stray"
    case $(which_set out) in
    old) olds=$((olds + 1)) ;;
    new) rm -rf out && cp -a saved out ;; # it got through: start again from the old set
    *)  # only inside the commit, whose directory tells the next run to finish it
        if [ -d out/.solieu-state/commit ]; then
            echo "attempt $attempt: killed inside the commit"
            run out
            expect_rc 0 $? "attempt $attempt: the run after a kill inside the commit"
            same_outputs expected out || fail "attempt $attempt: an interrupted commit was not finished"
            rm -rf out && cp -a saved out
        else
            fail "attempt $attempt (kill after ${delay} ms): outputs are a mix of two runs"
        fi ;;
    esac
done
[ "$olds" -gt 0 ] || fail "no kill landed before the commit (a run takes ${ms} ms)"
echo "$kills kills, $olds before the commit; a run takes ${ms} ms"
# the run after the kills takes over their lock, clears their leftovers and
# gives what a clean run gives
run out
expect_rc 0 $? "the run after the kills"
same_outputs expected out || fail "the run after the kills differs from a clean run"
[ -z "$(find out/.solieu-state -maxdepth 1 -name 'run-*')" ] || fail "a stage directory was left"
[ -e out/.solieu-state/lock ] && fail "the lock was left"
[ -z "$(find out/.solieu-state -name '*.tmp-*')" ] || fail "temporary fragments were left"
fragments=$(find out/.solieu-state/fragments -type f | wc -l)
# facts, checks and citations of each document, and the cross-document checks
[ "$fragments" -eq 451 ] || fail "$fragments fragments for 150 documents after the kills"

# a first run killed before it wrote anything: the next one starts afresh
rm -rf fresh
"$SOLIEU" run in -o fresh -j 2 2> /dev/null &
pid=$!
sleep "0.0$((RANDOM % 9 + 1))"
kill -KILL $pid 2> /dev/null
wait $pid 2> /dev/null
run fresh
expect_rc 0 $? "the run after a killed first run"
same_outputs expected fresh || fail "the run after a killed first run differs from a clean run"
finish
