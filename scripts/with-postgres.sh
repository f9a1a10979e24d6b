#!/bin/sh
# Runs a command beside a throwaway PostgreSQL 15 (Debian's postgresql package): initdb in a
# temporary folder, a free port on 127.0.0.1, trust authentication for the user "spoon", an
# empty database "spoon_test". The command gets SPOON_TEST_PG_URL (where it is),
# SPOON_TEST_PG_CTL (pg_ctl on its data folder, for restart tests) and
# SPOON_TEST_REQUIRE_POSTGRES=1; the server is stopped and removed afterwards.
# initdb refuses to run as root, so as root the server runs as the "postgres" user.
# Usage: scripts/with-postgres.sh COMMAND [ARG...]
set -eu
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "error: PostgreSQL server binaries not found; install Debian's postgresql" >&2
    exit 1
fi
dir=$(mktemp -d /tmp/spoon-pg.XXXXXX)
chmod 755 "$dir"
if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$dir"
    as_server="runuser -u postgres --"
else
    as_server=""
fi
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop() {
    $as_server "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    rm -rf "$dir"
}
trap stop EXIT
trap 'exit 130' INT TERM

$as_server "$bin/initdb" -D "$dir/data" -U spoon -A trust -E UTF8 --no-sync \
    >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# In the config file rather than on the command line, so a plain "pg_ctl start" after a stop
# (the restart tests) comes back the same. fsync off: a test server's data need not survive
# a power cut, and it writes much faster.
$as_server sh -c "cat >>'$dir/data/postgresql.conf'" <<CONF
port = $port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
max_connections = 300
CONF
ctl="$as_server $bin/pg_ctl -D $dir/data -l $dir/server.log"
$ctl -w start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
$as_server "$bin/createdb" -h 127.0.0.1 -p "$port" -U spoon spoon_test

export SPOON_TEST_PG_URL="postgresql://spoon@127.0.0.1:$port/spoon_test"
export SPOON_TEST_PG_CTL="$ctl"
export SPOON_TEST_REQUIRE_POSTGRES=1
status=0
"$@" || status=$?
exit $status
