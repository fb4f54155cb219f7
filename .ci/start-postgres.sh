#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on 127.0.0.1:5433 for the tests, and prints its DATABASE_URL.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
PGDATA=${PGDATA:-/tmp/signpost-ci-pg}
PORT=${PGPORT:-5433}
if ! "$PGBIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  rm -rf "$PGDATA"
  mkdir -p "$PGDATA"
  chown postgres:postgres "$PGDATA"
  su postgres -c "$PGBIN/initdb -D $PGDATA -U postgres --auth=trust -E UTF8 >/dev/null"
  su postgres -c "$PGBIN/pg_ctl -D $PGDATA -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=off' -l $PGDATA/server.log -w start >/dev/null"
fi
echo "postgres://postgres@127.0.0.1:$PORT/postgres"
