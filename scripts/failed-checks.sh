#!/bin/sh
# Prints the failed checks (QtTest "FAIL!" lines with their location) of the last ctest run
# in BUILD_DIR, last, so that a CI log cut to its end still names what failed.
# Usage: scripts/failed-checks.sh BUILD_DIR
log="$1/Testing/Temporary/LastTest.log"
[ -f "$log" ] || exit 0
echo "== failed checks (from $log):"
grep -h -A2 '^FAIL!' "$log" | head -60
