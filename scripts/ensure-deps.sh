#!/bin/sh
# Installs whatever in scripts/debian-packages.txt is missing (Debian 12). Quick when all
# are there: no apt at all.
set -eu
list="$(dirname "$0")/debian-packages.txt"
wanted=$(grep -v -e '^#' -e '^[[:space:]]*$' "$list")
missing=""
for package in $wanted; do
    dpkg-query -W -f='${db:Status-Abbrev}' "$package" 2>/dev/null | grep -q '^ii' ||
        missing="$missing $package"
done
[ -z "$missing" ] && exit 0

echo "Installing Debian packages:$missing"
if [ "$(id -u)" -eq 0 ]; then
    as_root=""
elif command -v sudo >/dev/null 2>&1; then
    as_root="sudo"
else
    echo "error: these packages are missing and there is no sudo to install them:" >&2
    echo "  $missing" >&2
    exit 1
fi
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
