#!/bin/sh
# Builds Spoon Console and starts it. Arguments go to spoon-console
# (for example: scripts/run-console.sh system-info).
set -eu
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
scripts/build.sh build
exec build/src/app/spoon-console "$@"
