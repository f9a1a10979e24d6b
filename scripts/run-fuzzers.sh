#!/bin/sh
# Builds the libFuzzer targets with clang (build-fuzz/) and runs each on a copy of its seed
# corpus in fuzz/corpus/TARGET for SECONDS (default 60), two at a time. Prints each target's
# last coverage and speed line; exits 1 if any target finds a crash, a leak or a timeout.
# Usage: scripts/run-fuzzers.sh [SECONDS] [TARGET...]
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
[ $# -gt 0 ] && shift
targets=${*:-"config sse stream_decoders chunk_scanners tool_arguments mcp_frame http_head"}
scripts/ensure-deps.sh
CXX=clang++ scripts/build.sh build-fuzz -DSPOON_FUZZ=ON -DBUILD_TESTING=OFF \
    -DSPOON_BUILD_BENCHMARKS=OFF

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
run() {
    target=$1
    mkdir -p "$work/$target"
    [ -d "fuzz/corpus/$target" ] && cp "fuzz/corpus/$target"/* "$work/$target/" 2>/dev/null || true
    if build-fuzz/fuzz/fuzz_"$target" -max_total_time="$seconds" -timeout=10 \
        -rss_limit_mb=2048 -max_len=65536 -artifact_prefix="$work/$target-" \
        "$work/$target" >"$work/$target.log" 2>&1; then
        echo "fuzz_$target: ok: $(grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$work/$target.log" | tail -1)"
    else
        echo "fuzz_$target: FAILED" >&2
        tail -40 "$work/$target.log" >&2
        ls "$work/$target-"* >&2 2>/dev/null || true
        return 1
    fi
}
status=0
set -- $targets
while [ $# -gt 0 ]; do
    first=$1
    shift
    if [ $# -gt 0 ]; then
        second=$1
        shift
        run "$first" &
        a=$!
        run "$second" || status=1
        wait $a || status=1
    else
        run "$first" || status=1
    fi
done
exit $status
