# Shared by tests/faults/*.test.sh (sourced, not a test itself): a scratch
# directory, failure counting, and archives to run over.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
export LC_ALL=C
unset SOLIEU_RULES
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
expect_rc() { # want got what
    [ "$1" -eq "$2" ] || fail "$3: exit $2, expected $1"
}
finish() {
    [ "$fails" -eq 0 ] && echo "ok" || echo "$fails failure(s)"
    [ "$fails" -eq 0 ]
}
# json_field FILE NAME: a top-level integer of run.json
json_field() {
    sed -n "s/^  \"$2\": \([0-9]*\),\$/\1/p" "$1"
}
# make_archive DIR N: N reports from the examples, each with a line of its
# own, dated an hour back so that a rerun trusts their stat
make_archive() {
    local dir=$1 n=$2 i src
    local -a reports=("$SOLIEU_SOURCE_DIR"/examples/reports/*.txt)
    mkdir -p "$dir"
    for ((i = 1; i <= n; i++)); do
        src=${reports[$((i % ${#reports[@]}))]}
        { cat "$src"; printf '\nNăm 2022 kết nạp %d đảng viên mới.\n' "$i"; } \
            > "$dir/doc$(printf %04d "$i").txt"
    done
    touch -d '1 hour ago' "$dir"/*.txt
}
OUTPUTS="facts.csv checks.csv series.csv table.csv stats.csv documents.csv errors.csv"
# same_outputs A B: every CSV output byte-identical
same_outputs() {
    local f
    for f in $OUTPUTS; do
        cmp -s "$1/$f" "$2/$f" || return 1
    done
}
