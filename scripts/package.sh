#!/bin/sh
# Makes the Debian package: checks the desktop entry and the AppStream metadata, builds into
# build-package/ (no tests, no benchmarks) and runs cpack. Prints the .deb's path last.
# scripts/check-package.sh installs it and tries it.
# Usage: scripts/package.sh [BUILD_DIR]   an existing tree (CI passes build/, which the test
# command just built) is built as it was configured and packaged from; only what the install
# rules name goes into the package.
set -eu
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
build_dir=${1:-build-package}

desktop-file-validate resources/spoon-console.desktop
appstreamcli validate --no-net resources/io.github.spoonos.SpoonConsole.metainfo.xml

if [ $# -gt 0 ]; then
    scripts/build.sh "$build_dir"
else
    scripts/build.sh "$build_dir" -DBUILD_TESTING=OFF -DSPOON_BUILD_BENCHMARKS=OFF
fi
rm -f "$build_dir"/spoon-console_*.deb
cpack --config "$build_dir/CPackConfig.cmake" -B "$build_dir"
set -- "$build_dir"/spoon-console_*.deb
deb=$1

# The package's files checked together: the desktop file the metainfo launches is in it.
tree="$build_dir/deb-tree"
rm -rf "$tree"
dpkg-deb --extract "$deb" "$tree"
appstreamcli validate-tree --no-net "$tree"
dpkg-deb --field "$deb" Package Version Depends Recommends
echo "$deb"
