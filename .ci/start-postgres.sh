#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1:$PGPORT (default 55432) and prints its URL.
set -euo pipefail
PGPORT="${PGPORT:-55432}"
PGDATA="${PGDATA_DIR:-/tmp/rapport-pg}"
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
if ! id postgres >/dev/null 2>&1; then useradd -m postgres; fi
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA" && chown postgres "$PGDATA"
  su postgres -c "$BIN/initdb -D $PGDATA -U rapport --auth=trust" >/dev/null
fi
if ! su postgres -c "$BIN/pg_ctl -D $PGDATA status" >/dev/null 2>&1; then
  su postgres -c "$BIN/pg_ctl -D $PGDATA -l $PGDATA/server.log -w -o '-c listen_addresses=127.0.0.1 -p $PGPORT -k /tmp -c max_connections=600 -c fsync=off' start" >/dev/null
fi
echo "postgres://rapport@127.0.0.1:$PGPORT/postgres"
