#!/bin/sh
# Installs the .deb that scripts/package.sh made (or the one given) on this machine, runs the
# installed program and checks the installed files. For a throwaway machine such as CI: it
# installs into /usr and removes nothing; run again, it reinstalls the same way.
# Usage: scripts/check-package.sh [FILE.deb]
set -eu
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- build-package/spoon-console_*.deb
deb=$1
if [ ! -f "$deb" ]; then
    echo "error: no package $deb; make it with scripts/package.sh" >&2
    exit 1
fi
case $deb in
/*) ;;
*) deb=./$deb ;; # apt-get takes a path, not a bare file name
esac

needs_root_for="installing the package"
. scripts/as-root.sh
# Without Recommends, so that the run below proves Depends enough. --reinstall: a package
# rebuilt with the same version is installed again rather than skipped.
$as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    --reinstall --allow-downgrades -o DPkg::Lock::Timeout=300 "$deb"

failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

datadir=/usr/share
icons=$datadir/icons/hicolor
metainfo=$datadir/metainfo/io.github.spoonos.SpoonConsole.metainfo.xml
desktop=$datadir/applications/spoon-console.desktop
for file in /usr/bin/spoon-console "$desktop" "$metainfo" "$icons/scalable/apps/spoon-console.svg"; do
    [ "$(dpkg-query -S "$file" 2>/dev/null)" = "spoon-console: $file" ] ||
        fail "$file is not installed by the package"
done
for size in 16 24 32 48 64 128 256; do
    png=$icons/${size}x$size/apps/spoon-console.png
    if [ "$(dpkg-query -S "$png" 2>/dev/null)" != "spoon-console: $png" ]; then
        fail "$png is not installed by the package"
        continue
    fi
    # Width and height: the first two 32-bit big-endian fields of the IHDR chunk (PNG spec 11.2.2)
    # shellcheck disable=SC2046
    set -- $(od -An -tu1 -j16 -N8 "$png")
    width=$(($1 << 24 | $2 << 16 | $3 << 8 | $4))
    height=$(($5 << 24 | $6 << 16 | $7 << 8 | $8))
    if [ "$width" -ne "$size" ] || [ "$height" -ne "$size" ]; then
        fail "$png is ${width}x$height, not ${size}x$size"
    fi
done
desktop-file-validate "$desktop" || fail "desktop-file-validate $desktop"
appstreamcli validate --no-net "$metainfo" || fail "appstreamcli validate $metainfo"

# The installed program in an environment built for it: nothing from this shell, an empty HOME.
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 700 "$home/runtime"
lang=C.UTF-8
run() {
    env -i PATH=/usr/bin:/bin HOME="$home" XDG_RUNTIME_DIR="$home/runtime" LANG="$lang" \
        QT_QPA_PLATFORM=offscreen /usr/bin/spoon-console "$@"
}
version=$(dpkg-query -W -f '${Version}' spoon-console)
[ "$(run --version | cut -d' ' -f2)" = "$version" ] ||
    fail "spoon-console --version does not say $version"
if run system-info >"$home/out" 2>&1; then
    echo "spoon-console system-info: exit status 0, $(wc -l <"$home/out") lines"
else
    status=$?
    cat "$home/out" >&2
    fail "spoon-console system-info: exit status $status"
fi
# The translations are inside the binary (no .qm is installed): in Chinese, the title differs.
lang=zh_CN.UTF-8
[ "$(run system-info 2>/dev/null | head -n 1)" != "$(head -n 1 "$home/out")" ] ||
    fail "spoon-console system-info is not translated under LANG=$lang"

[ "$failed" -eq 0 ] || exit 1
echo "Package $deb: installed, runs, files in place and valid"
