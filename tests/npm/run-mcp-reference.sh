#!/bin/sh
# Installs the MCP reference servers (pinned in mcp/package.json) into WORK_DIR once, then
# runs tst_mcpreference against them.
# Usage: run-mcp-reference.sh TST_MCPREFERENCE WORK_DIR
set -eu
binary=$1
work=$2
here=$(cd "$(dirname "$0")" && pwd)
"$here/npm-install.sh" "$here/mcp/package.json" "$work"
modules="$work/node_modules/@modelcontextprotocol"
export SPOON_MCP_EVERYTHING="$modules/server-everything/dist/index.js"
export SPOON_MCP_FILESYSTEM="$modules/server-filesystem/dist/index.js"
exec "$binary"
