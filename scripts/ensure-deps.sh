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
needs_root_for="installing$missing"
. "$(dirname "$0")/as-root.sh"
$as_root apt-get update -qq
# shellcheck disable=SC2086
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing
