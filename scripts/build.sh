#!/bin/sh
# Configures and builds one build tree. Usage: scripts/build.sh BUILD_DIR [CMAKE_ARGS...]
# With no CMAKE_ARGS the tree gets the developer configuration (warnings are errors), the same
# whichever script asks for it first, so run-console.sh and run-tests.sh share one build of
# build/. The tree is configured again whenever the arguments differ from the last configure's,
# so that an option (-DSPOON_SANITIZE=ON, say) is never silently ignored.
set -eu
cd "$(dirname "$0")/.."
build_dir=$1
shift
[ $# -gt 0 ] || set -- -DSPOON_WERROR=ON
# ccache, when present, keyed on paths relative to the clone: a fresh clone on the same machine
# (CI's) compiles from the cache the last build filled.
if command -v ccache >/dev/null 2>&1; then
    set -- "$@" -DCMAKE_CXX_COMPILER_LAUNCHER=ccache
    CCACHE_BASEDIR=$(pwd)
    CCACHE_NOHASHDIR=1
    export CCACHE_BASEDIR CCACHE_NOHASHDIR
fi
stamp="$build_dir/.spoon-configure-args"
if [ ! -f "$build_dir/build.ninja" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$*" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    printf '%s' "$*" >"$stamp"
fi
cmake --build "$build_dir"
