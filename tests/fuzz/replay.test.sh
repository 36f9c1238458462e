#!/usr/bin/env bash
# Replays the fuzz seed corpus and every kept crash input
# (tests/fuzz/regressions/<target>/) through the fuzz targets, built here
# with their replay main against this build's engine library and flags (so
# the sanitizer build replays them under ASan + UBSan). Without libFuzzer:
# run tests/fuzz/run-fuzzers to fuzz.
set -u
: "${SOLIEU:?}" "${SOLIEU_SOURCE_DIR:?}"
build=$(dirname "$SOLIEU")
cache=$build/CMakeCache.txt
lib=$build/libsolieu_engine.a
fuzz=$SOLIEU_SOURCE_DIR/tests/fuzz
[ -f "$cache" ] && [ -f "$lib" ] || { echo "no engine library in $build"; exit 77; }
if grep -q '^SOLIEU_FUZZ:BOOL=ON' "$cache"; then
    echo "a fuzz build: the fuzz.replay_* tests replay with libFuzzer instead"
    exit 77
fi
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$cache")
[ -x "$cc" ] || cc=cc
flags=(-std=c11 -D_POSIX_C_SOURCE=200809L -g -O1 -I"$SOLIEU_SOURCE_DIR/include" -I"$SOLIEU_SOURCE_DIR/engine")
if grep -q '^SOLIEU_SANITIZE:BOOL=ON' "$cache"; then
    flags+=(-fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer)
fi
read -r -a libs <<< "$(pkg-config --libs libpcre2-8 libutf8proc gsl) -lcsv -pthread -lm"
# the engine links Hyperscan (C++) when this build found it
if grep -q '^HYPERSCAN_FOUND:INTERNAL=1' "$cache"; then
    read -r -a hs <<< "$(pkg-config --libs libhs) -lstdc++"
    libs+=("${hs[@]}")
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
for target in document number rules; do
    if ! "$cc" "${flags[@]}" "$fuzz/fuzz_$target.c" "$fuzz/replay_main.c" "$lib" "${libs[@]}" \
        -o "$tmp/replay_$target" 2> "$tmp/cc.log"; then
        echo "cannot build the replay of fuzz_$target:"; head -20 "$tmp/cc.log"
        exit 77
    fi
    if ! "$tmp/replay_$target" "$fuzz/corpus/$target" "$fuzz/regressions/$target"; then
        echo "FAIL: fuzz_$target crashes on an input above"
        fails=$((fails + 1))
    fi
done
[ "$fails" -eq 0 ]
