#!/bin/sh
# `spoon-console ask` streaming a long answer into a pipe: write() calls and CPU per token.
# A local endpoint (bench/peers/sse_tokens.py) streams TOKENS tokens, PER_WRITE events per
# write; the answer goes through a pipe into wc. Counts write() with strace when it is
# installed, and the process's user+system CPU with /proc-free `time` from the shell.
# Usage: bench/ask-pipe.sh [SPOON_CONSOLE] [TOKENS] [PER_WRITE]   (defaults: build's, 40000, 5)
set -eu
cd "$(dirname "$0")/.."
console=$(realpath "${1:-build/src/app/spoon-console}")
tokens=${2:-40000}
per_write=${3:-5}
work=$(mktemp -d)
python3 bench/peers/sse_tokens.py "$tokens" "$per_write" >"$work/url" &
peer=$!
trap 'kill $peer 2>/dev/null || true; rm -rf "$work"' EXIT INT TERM
while [ ! -s "$work/url" ]; do sleep 0.05; done
cat >"$work/config.json" <<JSON
{"providers": {"local": {"base_url": "$(cat "$work/url")", "model": "bench", "needs_key": false}},
 "llm_settings": {"default_provider": "local"}}
JSON
run() {
    env -i PATH="$PATH" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
        LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen "$@"
}
# CPU: bash's `times` after the child, which reports children's user and system seconds.
cpu=$(bash -c '"$@" | wc -c >/dev/null; times' _ \
    env -i PATH="$PATH" HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" \
    LANG=C.UTF-8 "$console" --config "$work/config.json" ask --no-cache "Write a long answer" |
    tail -1)
echo "children cpu (user system): $cpu"
echo "$cpu" | awk -v t="$tokens" '{
    gsub(/s/, "", $1); gsub(/s/, "", $2); split($1, u, "m"); split($2, s, "m")
    sec = u[1] * 60 + u[2] + s[1] * 60 + s[2]
    printf "cpu per token: %.2f us (%.3f s for %d tokens)\n", sec * 1e6 / t, sec, t }'
if command -v strace >/dev/null 2>&1; then
    run strace -f -c -e trace=write -o "$work/strace" "$console" --config "$work/config.json" \
        ask --no-cache "Write a long answer" | wc -c | sed 's/^/bytes out: /'
    awk '$NF == "write" { printf "write() calls: %d (%.3f per token)\n", $4, $4 / '"$tokens"' }' \
        "$work/strace"
fi
