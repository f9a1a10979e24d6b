#!/bin/sh
# Configures and builds one build tree. Usage: scripts/build.sh BUILD_DIR [CMAKE_ARGS...]
# Configures again whenever options are given that differ from the last configure's, so that
# an option given to an existing tree (-DSPOON_SANITIZE=ON, say) is never silently ignored;
# with none, the tree builds as it was configured.
set -eu
cd "$(dirname "$0")/.."
build_dir=$1
shift
stamp="$build_dir/.spoon-configure-args"
if [ ! -f "$build_dir/build.ninja" ] ||
    { [ $# -gt 0 ] && [ "$(cat "$stamp" 2>/dev/null)" != "$*" ]; }; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
    printf '%s' "$*" >"$stamp"
fi
cmake --build "$build_dir"
