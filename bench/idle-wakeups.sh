#!/bin/sh
# Counts the context switches of an idle console with its window open, per thread, so a timer
# that fires when nothing changes shows up. Starts build/src/app/spoon-console under Xvfb with a
# clean HOME (the built-in demo endpoint, no provider keys), waits for it to settle, then sums
# voluntary_ctxt_switches + nonvoluntary_ctxt_switches of /proc/PID/task/*/status at t0 and
# t0+SECONDS. Nothing here runs in CI.
# Usage: bench/idle-wakeups.sh [SECONDS] [SETTLE]   (defaults 30 and 10)
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-30}
settle=${2:-10}
binary=${SPOON_CONSOLE:-build/src/app/spoon-console}
command -v Xvfb >/dev/null 2>&1 || { echo "needs Xvfb (apt-get install xvfb)" >&2; exit 2; }

home=$(mktemp -d)
display=:$((90 + $$ % 100))
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
console=""
trap 'kill $console $xvfb 2>/dev/null || true; rm -rf "$home"' EXIT INT TERM
sleep 1
env -i PATH="$PATH" DISPLAY="$display" HOME="$home" XDG_CONFIG_HOME="$home/config" \
    XDG_DATA_HOME="$home/data" LANG=C.UTF-8 "$binary" >/dev/null 2>&1 &
console=$!
sleep "$settle"
kill -0 "$console" 2>/dev/null || { echo "the console exited" >&2; exit 1; }

# One line per thread: tid name switches
snapshot() {
    for task in /proc/"$console"/task/*; do
        tid=${task##*/}
        name=$(cat "$task/comm" 2>/dev/null) || continue
        n=$(awk '/^(non)?voluntary_ctxt_switches/ { s += $2 } END { print s }' \
            "$task/status" 2>/dev/null) || continue
        printf '%s\t%s\t%s\n' "$tid" "$(echo "$name" | tr ' \t' '__')" "$n"
    done
}
before=$(snapshot)
sleep "$seconds"
after=$(snapshot)

printf '%s\n' "$before" >"$home/before"
printf '%s\n' "$after" >"$home/after"
awk -v seconds="$seconds" '
    NR == FNR { base[$1] = $3; next }
    {
        d = $3 - ($1 in base ? base[$1] : 0)
        total += d
        printf "%-8s %-20s %7d  %6.1f/s\n", $1, $2, d, d / seconds
    }
    END { printf "%-29s %7d  %6.1f/s\n", "all threads", total, total / seconds }
' "$home/before" "$home/after"
