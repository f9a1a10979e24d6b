#!/bin/sh
# Installs the official OpenAI client (npm "openai", pinned in package.json) into WORK_DIR
# once (npm-install.sh), starts `spoon-console demo-server`, and runs openai-client.mjs against it.
# Usage: run-openai-check.sh SPOON_CONSOLE WORK_DIR
set -eu
binary=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)

"$here/npm-install.sh" "$here/package.json" "$work"
cp "$here/openai-client.mjs" "$work/"

# Both sides run in an environment built for the test: no keys, config or home of the user's.
# exec, so that the process started in the background is the server itself and the trap below
# ends it (a subshell's PID was killed and the server outlived the test, holding whatever
# descriptors ctest's caller had, such as a build lock).
clean_env() {
    exec env -i PATH="$PATH" HOME="$work/home" LANG=C.UTF-8 ${ASAN_OPTIONS:+ASAN_OPTIONS="$ASAN_OPTIONS"} \
        ${LSAN_OPTIONS:+LSAN_OPTIONS="$LSAN_OPTIONS"} ${UBSAN_OPTIONS:+UBSAN_OPTIONS="$UBSAN_OPTIONS"} \
        "$@"
}
log="$work/demo-server.log"
clean_env "$binary" demo-server --port 0 --tokens-per-second 0 >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT INT TERM
url=""
# Waits for the banner that names the port, as long as a sanitized start may take.
for _ in $(seq 1 600); do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/v1' "$log" || true)
    [ -n "$url" ] && break
    sleep 0.1
done
if [ -z "$url" ]; then
    echo "the demo endpoint did not start:" >&2
    cat "$log" >&2
    exit 1
fi
(cd "$work" && clean_env node openai-client.mjs "$url")
