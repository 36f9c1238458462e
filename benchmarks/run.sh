#!/usr/bin/env bash
# How fast is `solieu extract`, how much memory does it take, and how do both
# grow with the corpus and with the number of rules?
#
# usage: benchmarks/run.sh [--quick] [--solieu PATH] [--work DIR] [--seed N]
#
#   default   corpora of 2, 20 and 200 MB (200, 2000, 20000 documents);
#             rule scaling on the 20 MB corpus; under ~10 minutes on 2 cores
#   --quick   0.2, 2 and 20 MB (20, 200, 2000 documents); under a minute
#
# Corpora come from benchmarks/make_corpus.py (the project's own example
# reports, varied) and are kept in --work (default build-bench/bench-work) to
# be reused by the next run with the same size and seed. Every figure is
# wall time of one process reading the corpus through `solieu extract -`
# (paths on standard input, CSV to /dev/null), best of the repetitions;
# peak RSS is the process's maximum resident set size (/usr/bin/time -v, or
# getrusage through python3 when GNU time is absent). The ceilings on the
# same files: `cat` (reading only) and `pcre2grep -o` with one number regex.
# See docs/performance.md for what each figure means and the targets.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
quick=0
solieu=${SOLIEU:-}
work=""
seed=1
while [ $# -gt 0 ]; do
    case "$1" in
    --quick) quick=1 ;;
    --solieu) solieu=$2; shift ;;
    --work) work=$2; shift ;;
    --seed) seed=$2; shift ;;
    -h|--help) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "run.sh: unknown argument '$1'" >&2; exit 2 ;;
    esac
    shift
done
if [ -z "$solieu" ]; then
    for c in "$root/build-bench/solieu" "$root/build/solieu"; do
        [ -x "$c" ] && { solieu=$c; break; }
    done
fi
[ -n "$solieu" ] && [ -x "$solieu" ] || { echo "run.sh: no solieu binary (build it, or pass --solieu PATH)" >&2; exit 2; }
command -v python3 > /dev/null || { echo "run.sh: python3 is needed" >&2; exit 2; }
work=${work:-$root/build-bench/bench-work}
mkdir -p "$work"
rules="$root/rules/vi"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if [ "$quick" = 1 ]; then
    sizes=(0.2 2 20); docs=(20 200 2000); reps=(3 3 1); rule_corpus=1; rule_counts=(1 10 all)
else
    sizes=(2 20 200); docs=(200 2000 20000); reps=(3 1 1); rule_corpus=1; rule_counts=(1 5 10 20 all)
fi

# ---- measuring --------------------------------------------------------------------

gnu_time=""
if [ -x /usr/bin/time ] && /usr/bin/time -v true > /dev/null 2>&1; then
    gnu_time=/usr/bin/time
fi

# measure REPS STDIN CMD...: runs CMD with STDIN, output to $MEASURE_OUT or
# /dev/null; sets SECS (best wall time of REPS runs) and RSS_KB (largest
# peak RSS). A run that fails is reported, not hidden.
measure() {
    local reps=$1 input=$2
    shift 2
    SECS="" RSS_KB=0 RC=0
    local i t0 t1 s kb
    for ((i = 0; i < reps; i++)); do
        if [ -n "$gnu_time" ]; then
            t0=$(date +%s.%N)
            "$gnu_time" -v -o "$tmp/time.txt" "$@" < "$input" > "${MEASURE_OUT:-/dev/null}" 2> "$tmp/err.txt"
            RC=$?
            t1=$(date +%s.%N)
            s=$(python3 -c "print(f'{$t1 - $t0:.6f}')")
            kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp/time.txt")
        else
            read -r s kb RC < <(python3 - "$input" "${MEASURE_OUT:-/dev/null}" "$tmp/err.txt" "$@" <<'EOF'
import resource, subprocess, sys, time
with open(sys.argv[1], 'rb') as inp, open(sys.argv[2], 'wb') as out, open(sys.argv[3], 'wb') as err:
    t0 = time.monotonic()
    rc = subprocess.call(sys.argv[4:], stdin=inp, stdout=out, stderr=err)
    t = time.monotonic() - t0
print(f'{t:.6f}', resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, rc)
EOF
)
        fi
        [ "$RC" -eq 0 ] || { echo "run.sh: '$*' exited $RC: $(head -3 "$tmp/err.txt" 2>/dev/null)" >&2; }
        if [ -z "$SECS" ] || python3 -c "import sys; sys.exit(not $s < $SECS)"; then SECS=$s; fi
        [ "${kb:-0}" -gt "$RSS_KB" ] && RSS_KB=$kb
    done
}

mbps() { python3 -c "print(f'{$1 / 1e6 / $2:.1f}')"; }
ratio() { python3 -c "print(f'{$1 / $2:.3f}')"; }

# ---- the machine ------------------------------------------------------------------------

cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)
mem=$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null)
nfact=$(python3 "$here/rules_subset.py" "$rules" --count)
nrules=$(cat "$rules"/*.rules | grep -c '^rule ')
jobs_ok=0
"$solieu" extract -j 2 "$root/examples/reports/ex1_quang_tri.txt" > /dev/null 2>&1 && jobs_ok=1
echo "machine: ${cpu:-unknown CPU}, nproc $(nproc), ${mem:-? GiB} memory; $(uname -sr)"
echo "solieu:  $("$solieu" version) ($solieu); rules: $rules, $nrules rules of which $nfact fact rules"
echo "peak RSS by: $([ -n "$gnu_time" ] && echo "$gnu_time -v" || echo "python3 getrusage"); corpus: make_corpus.py --seed $seed; -j: $([ $jobs_ok = 1 ] && echo yes || echo 'not supported')"
echo

# ---- the corpora --------------------------------------------------------------------------------

corpus_dir() { echo "$work/corpus-${1}mb-${2}docs-seed$seed"; }
for i in "${!sizes[@]}"; do
    d=$(corpus_dir "${sizes[$i]}" "${docs[$i]}")
    if [ ! -f "$d/corpus.json" ]; then
        t0=$(date +%s)
        python3 "$here/make_corpus.py" "$d" --mb "${sizes[$i]}" --docs "${docs[$i]}" --seed "$seed" --quiet || exit 2
        echo "generated $d in $(( $(date +%s) - t0 )) s"
    fi
done

# ---- growth with the corpus ------------------------------------------------------------------------

num_re='[0-9]+(?:[.,][0-9]+)*%?'
printf '%-14s %6s %8s %9s %9s %9s %8s %9s %10s %8s\n' corpus docs MB "cat MB/s" "grep MB/s" "MB/s" docs/s "RSS MB" "×pcre2grep" "×cat"
declare -a sec_per_mb
for i in "${!sizes[@]}"; do
    d=$(corpus_dir "${sizes[$i]}" "${docs[$i]}")
    list="$d/files.txt"
    bytes=$(python3 -c "import json; print(json.load(open('$d/corpus.json'))['bytes'])")
    ndocs=$(grep -c . "$list")
    xargs -d '\n' cat < "$list" > /dev/null # warm the page cache
    measure "${reps[$i]}" "$list" xargs -d '\n' cat
    cat_s=$SECS
    measure "${reps[$i]}" /dev/null pcre2grep -o -h --file-list="$list" "$num_re"
    grep_s=$SECS
    measure "${reps[$i]}" "$list" "$solieu" extract -r "$rules" -
    ex_s=$SECS ex_rss=$RSS_KB
    sec_per_mb[$i]=$(python3 -c "print($ex_s / ($bytes / 1e6))")
    label="×$(python3 -c "print(round(${sizes[$i]} / ${sizes[0]}))") (${sizes[$i]} MB)"
    printf '%-14s %6d %8.1f %9s %9s %9s %8.0f %9.1f %10s %8s\n' "$label" "$ndocs" \
        "$(python3 -c "print($bytes / 1e6)")" "$(mbps "$bytes" "$cat_s")" "$(mbps "$bytes" "$grep_s")" \
        "$(mbps "$bytes" "$ex_s")" "$(python3 -c "print($ndocs / $ex_s)")" \
        "$(python3 -c "print($ex_rss / 1024)")" "$(ratio "$grep_s" "$ex_s")" "$(ratio "$cat_s" "$ex_s")"
    last_bytes=$bytes last_list=$list last_mbps=$(mbps "$bytes" "$ex_s") last_grep=$(mbps "$bytes" "$grep_s")
    max_rss=$(( ${max_rss:-0} > ex_rss ? ${max_rss:-0} : ex_rss ))
done
echo "(×pcre2grep, ×cat: extract speed as a share of that ceiling on the same files)"
lin=$(python3 -c "
v = [$(IFS=,; echo "${sec_per_mb[*]}")]
print(' / '.join(f'{x * 1e3:.1f}' for x in v) + f'  (largest/smallest {max(v) / min(v):.2f})')")
echo "time per MB, ×1 / ×10 / ×100: $lin ms"

if [ "$jobs_ok" = 1 ]; then
    measure 1 "$last_list" "$solieu" extract -j 2 -r "$rules" -
    echo "-j 2 on the largest corpus: $(mbps "$last_bytes" "$SECS") MB/s, $(python3 -c "print(f'{$last_bytes / 1e6 / $SECS / 2:.1f}')") MB/s per core, peak RSS $(python3 -c "print(f'{$RSS_KB / 1024:.1f}')") MB"
fi
echo

# ---- growth with the number of rules -----------------------------------------------------------------

d=$(corpus_dir "${sizes[$rule_corpus]}" "${docs[$rule_corpus]}")
list="$d/files.txt"
bytes=$(python3 -c "import json; print(json.load(open('$d/corpus.json'))['bytes'])")
ndocs=$(grep -c . "$list")
printf '%-26s %10s %9s %8s %9s %9s %10s\n' "rules (on ${sizes[$rule_corpus]} MB)" "fact rules" "MB/s" docs/s facts "RSS MB" "time/first"
first_s=""
for n in "${rule_counts[@]}"; do
    sub="$tmp/rules-$n"
    python3 "$here/rules_subset.py" "$rules" "$sub" "$n"
    k=$([ "$n" = all ] && echo "$nfact" || echo "$n")
    [ "$k" -gt "$nfact" ] && continue
    MEASURE_OUT="$tmp/facts.csv" measure "${reps[$rule_corpus]}" "$list" "$solieu" extract -r "$sub" -
    s=$SECS
    facts=$(($(wc -l < "$tmp/facts.csv") - 1))
    first_s=${first_s:-$s}
    label="first $n fact rules"
    [ "$n" = all ] && label="all fact rules"
    printf '%-26s %10s %9s %8.0f %9d %9.1f %10s\n' "$label" "$k" "$(mbps "$bytes" "$s")" \
        "$(python3 -c "print($ndocs / $s)")" "$facts" "$(python3 -c "print($RSS_KB / 1024)")" "$(ratio "$s" "$first_s")"
    all_s=$s
done
echo

# ---- where the time goes ---------------------------------------------------------------------------

# solieu bench times every rule's PCRE2 calls (about 10 % overhead); no
# document of the corpus has gold, so only the costs are read here.
"$solieu" bench --gold "$root/examples/gold" -r "$rules" --csv "$tmp/bench.csv" - < "$list" > "$tmp/bench.txt" 2> /dev/null
echo "where the time goes (solieu bench on ${sizes[$rule_corpus]} MB):"
sed -n 's/^speed: /  /p' "$tmp/bench.txt"
python3 - "$tmp/bench.csv" <<'EOF'
import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding='utf-8')) if not r['rule'].startswith('(')]
rows.sort(key=lambda r: -float(r['seconds'] or 0))
for r in rows[:5]:
    print(f"  {r['rule']:<32} {r['kind']:<8} {float(r['seconds']) * 1e3:8.1f} ms {float(r['ns_per_byte']):6.2f} ns/B {int(r['attempts']):>9} calls")
EOF
echo

# ---- the targets -------------------------------------------------------------------------------------

python3 - "$last_mbps" "$last_grep" "$max_rss" "$lin" "$(ratio "$all_s" "$first_s")" <<'EOF'
import sys
mbps, grep, rss_kb, lin, rules = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4], float(sys.argv[5])
def ok(b):
    return 'met' if b else 'NOT met'
print('targets (largest corpus, full rule set, one core):')
print(f'  >= 150 MB/s single core: {mbps:.1f} MB/s -> {ok(mbps >= 150)}')
print(f'  >= 1/5 of pcre2grep ({grep:.1f} MB/s): {mbps / grep:.3f} -> {ok(mbps >= grep / 5)}')
print(f'  peak RSS <= 64 MB at every size: {rss_kb / 1024:.1f} MB -> {ok(rss_kb <= 64 * 1024)}')
print(f'  linear in corpus size (time per MB): {lin}')
print(f'  near-flat in the number of rules: all fact rules take {rules:.2f}x the time of the first one')
EOF
