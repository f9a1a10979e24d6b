#!/bin/sh
# Configures (once) and builds one build tree. Usage: scripts/build.sh BUILD_DIR [CMAKE_ARGS...]
set -eu
cd "$(dirname "$0")/.."
build_dir=$1
shift
if [ ! -f "$build_dir/build.ninja" ]; then
    cmake -S . -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
fi
cmake --build "$build_dir"
