#!/usr/bin/env bash
# Incremental runs: a rerun over an unchanged archive reads no document and
# writes byte-identical outputs; a changed document is the only one
# extracted again; a changed rule extracts everything again; a removed
# document takes its facts (and its state fragments) with it; -j changes
# nothing in the outputs.
here=$(dirname "$0")
. "$here/lib.sh"

cd "$tmp"
mkdir -p rules
cp "$SOLIEU_SOURCE_DIR"/rules/vi/*.rules rules/
make_archive in 12
mkdir -p in/sub && mv in/doc0011.txt in/doc0012.txt in/sub/
n=12
run() { "$SOLIEU" run in -o out -r rules "$@" 2> err.txt; }
field() { json_field out/run.json "$1"; }

run -j 2
expect_rc 0 $? "first run"
[ "$(field documents_extracted)" -eq $n ] || fail "first run extracted $(field documents_extracted)"
mkdir first && cp out/*.csv out/run.json first/

# 1. unchanged: nothing read, every output but run.json's timings identical
run -j 2
expect_rc 0 $? "second run"
[ "$(field documents_read)" -eq 0 ] || fail "second run read $(field documents_read) documents"
[ "$(field documents_rechecked)" -eq 0 ] || fail "second run read $(field documents_rechecked) documents for checks"
[ "$(field documents_extracted)" -eq 0 ] || fail "second run extracted $(field documents_extracted)"
[ "$(field documents_reused)" -eq $n ] || fail "second run reused $(field documents_reused)"
same_outputs first out || fail "second run changed an output"
work='"seconds"\|"documents_read"\|"documents_extracted"\|"documents_reused"\|"documents_rechecked"\|"bytes_read"'
diff <(grep -v "$work" first/run.json) <(grep -v "$work" out/run.json) > /dev/null \
    || fail "run.json changed beyond its counts of work and its timings"

# 2. one document changed: only it is extracted, only its rows change
printf '\nNăm 2023 kết nạp 4321 đảng viên mới.\n' >> in/doc0003.txt
run -j 2
expect_rc 0 $? "run after a change"
[ "$(field documents_extracted)" -eq 1 ] || fail "a change extracted $(field documents_extracted)"
[ "$(field documents_read)" -eq 1 ] || fail "a change read $(field documents_read)"
grep -q '^doc0003.txt,.*,4321,' out/facts.csv || fail "the changed document's new fact is missing"
cmp -s <(grep -v '^doc0003.txt,' first/facts.csv) <(grep -v '^doc0003.txt,' out/facts.csv) \
    || fail "a change in doc0003.txt changed other documents' facts"
# the cross-document check took every other report's citations as its run
# kept them: no report was read again for it
[ "$(field documents_rechecked)" -eq 0 ] || fail "a change read $(field documents_rechecked) documents again for the cross-document check"

# 2b. a state without kept citations (an older solieu's): the reports are
#     read again for the cross-document check, with the same rows
find out/.solieu-state/fragments -name '*.citations.csv' -delete
printf '\nNăm 2023 kết nạp 77 đảng viên mới.\n' >> in/doc0004.txt
run -j 2
expect_rc 0 $? "run without kept citations"
[ "$(field documents_rechecked)" -eq $((n - 1)) ] || fail "without kept citations $(field documents_rechecked) documents were read again, not $((n - 1))"
"$SOLIEU" extract -r rules --check ref_checks.csv -o /dev/null $(find in -name '*.txt' | sort) 2> /dev/null
cmp -s ref_checks.csv out/checks.csv || fail "checks.csv without kept citations differs from extract --check's"
mkdir changed && cp out/*.csv changed/
touch -d '1 hour ago' in/doc0004.txt
touch -d '1 hour ago' in/doc0003.txt

# 3. a rule changed (a comment is enough: the digest covers every byte):
#    everything is extracted again, and the same facts come out
digest=$(sed -n 's/.*"solieu_rules_digest": "\(.*\)".*/\1/p' out/run.json)
echo '# a comment' >> rules/counts.rules
run -j 2
expect_rc 0 $? "run after a rule change"
[ "$(field documents_extracted)" -eq $n ] || fail "a rule change extracted $(field documents_extracted)"
grep -q "\"solieu_rules_digest\": \"$digest\"" out/run.json && fail "the rules digest did not change"
same_outputs changed out || fail "a comment in a rule changed the outputs"

# 4. a removed document: its facts and fragments go
rm in/sub/doc0012.txt
run -j 2
expect_rc 0 $? "run after a removal"
[ "$(field documents_removed)" -eq 1 ] || fail "documents_removed is $(field documents_removed)"
[ "$(field documents_extracted)" -eq 0 ] || fail "a removal extracted $(field documents_extracted)"
grep -q '^doc0012.txt,' out/facts.csv && fail "the removed document's facts are still there"
grep -q '^doc0011.txt,' out/facts.csv || fail "the other document in sub/ lost its facts"
grep -q 'doc0012.txt' out/documents.csv && fail "the removed document is still in documents.csv"
fragments=$(find out/.solieu-state/fragments -type f | wc -l)
# facts, checks and citations of each document, and the cross-document checks
[ "$fragments" -eq $((3 * (n - 1) + 1)) ] || fail "$fragments fragments for $((n - 1)) documents"

# 5. threads do not change a byte: -j 1 and -j 4 from scratch
"$SOLIEU" run in -o out1 -r rules -j 1 2> /dev/null
"$SOLIEU" run in -o out4 -r rules -j 4 2> /dev/null
same_outputs out1 out4 || fail "-j 1 and -j 4 give different outputs"
same_outputs out out1 || fail "an incremental run and a fresh one give different outputs"

# 6. the outputs agree with the commands they stand for
"$SOLIEU" extract -r rules --check ref_checks.csv -o ref_facts.csv $(find in -name '*.txt' | sort) 2> /dev/null
cmp -s ref_facts.csv out/facts.csv || fail "facts.csv differs from extract's"
cmp -s ref_checks.csv out/checks.csv || fail "checks.csv differs from extract --check's"
"$SOLIEU" aggregate -o ref_agg ref_facts.csv 2> /dev/null
for f in series.csv table.csv stats.csv documents.csv; do
    cmp -s "ref_agg/$f" "out/$f" || fail "$f differs from aggregate's"
done
finish
