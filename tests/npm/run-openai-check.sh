#!/bin/sh
# Installs the official OpenAI client (npm "openai", pinned in package.json) into WORK_DIR
# once, starts `spoon-console demo-server`, and runs openai-client.mjs against it.
# Usage: run-openai-check.sh SPOON_CONSOLE WORK_DIR
set -eu
binary=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "node and npm are missing; installing Debian's nodejs and npm" >&2
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root=sudo
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi

mkdir -p "$work"
cp "$here/package.json" "$here/openai-client.mjs" "$work/"
if [ ! -f "$work/node_modules/openai/package.json" ] ||
   ! grep -q '"version": "6.30.1"' "$work/node_modules/openai/package.json"; then
    # The registry is reached over the network: try a few times before calling it a failure.
    for attempt in 1 2 3; do
        (cd "$work" && npm install --no-audit --no-fund --loglevel=error) && break
        [ "$attempt" -eq 3 ] && exit 1
        sleep $((attempt * 5))
    done
fi

log="$work/demo-server.log"
"$binary" demo-server --port 0 --tokens-per-second 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
url=""
for _ in $(seq 1 100); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/v1' "$log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "the demo endpoint did not start:" >&2
    cat "$log" >&2
    exit 1
fi
cd "$work" && node openai-client.mjs "$url"
