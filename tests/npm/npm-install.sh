#!/bin/sh
# Installs the npm packages pinned in PACKAGE_JSON into WORK_DIR once (node and npm from
# Debian when missing); a second run with the same package.json does nothing.
# Usage: npm-install.sh PACKAGE_JSON WORK_DIR
set -eu
package_json=$1
work=$2

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    echo "node and npm are missing; installing Debian's nodejs and npm" >&2
    as_root=""
    [ "$(id -u)" -eq 0 ] || as_root=sudo
    $as_root apt-get update -qq
    $as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends nodejs npm
fi

mkdir -p "$work/home"
# npm keeps its cache and reads its config under HOME: here, not in the user's home.
export HOME="$work/home" npm_config_cache="$work/npm-cache"
# .installed is the package.json of the last install that succeeded.
if [ -d "$work/node_modules" ] && cmp -s "$package_json" "$work/.installed"; then
    exit 0
fi
cp "$package_json" "$work/package.json"
rm -f "$work/.installed"
# The registry is reached over the network: try a few times before calling it a failure.
for attempt in 1 2 3; do
    if (cd "$work" && npm install --no-audit --no-fund --loglevel=error); then
        cp "$package_json" "$work/.installed"
        exit 0
    fi
    [ "$attempt" -eq 3 ] && exit 1
    sleep $((attempt * 5))
done
