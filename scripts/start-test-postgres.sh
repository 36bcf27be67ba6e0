#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster on 127.0.0.1:54329 (trust auth) for the integration suite.
set -euo pipefail
pgbin="/usr/lib/postgresql/$(ls /usr/lib/postgresql | sort -V | tail -n 1)/bin"
data="${PGTEST_DIR:-/tmp/forecourt-pg}"
if "$pgbin/pg_isready" -q -h 127.0.0.1 -p 54329; then
  echo "test PostgreSQL already running on 127.0.0.1:54329"
  exit 0
fi
rm -rf "$data"
mkdir -p "$data"
chown postgres "$data"
run() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else "$@"; fi; }
run "$pgbin/initdb -D $data -U postgres --auth=trust -E UTF8 > /dev/null"
run "$pgbin/pg_ctl -D $data -o '-p 54329 -k /tmp -c fsync=off -c max_connections=200' -l $data/server.log start -w > /dev/null"
echo "test PostgreSQL running on 127.0.0.1:54329"
