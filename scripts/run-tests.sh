#!/bin/sh
# Builds Spoon Console and runs every test, beside a throwaway PostgreSQL server. With --sanitize, does the same in a separate
# AddressSanitizer + UndefinedBehaviorSanitizer build (build-sanitize/).
set -eu
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
if [ "${1:-}" = "--sanitize" ]; then
    build_dir=build-sanitize
    scripts/build.sh "$build_dir" -DSPOON_SANITIZE=ON -DSPOON_BUILD_BENCHMARKS=OFF
    export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1"
    export LSAN_OPTIONS="suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
    export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
else
    build_dir=build
    scripts/build.sh "$build_dir"
fi
# The storage tests run on SQLite and on a PostgreSQL server started for this run. Most tests
# wait on sockets, timers and child processes rather than compute, so twice as many run as
# there are cores (the store fault tests run alone: RUN_SERIAL).
jobs=$(($(nproc) * 2))
scripts/with-postgres.sh ctest --test-dir "$build_dir" --output-on-failure --parallel "$jobs" ||
    { scripts/failed-checks.sh "$build_dir"; exit 1; }
