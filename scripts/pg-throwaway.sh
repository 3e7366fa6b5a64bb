#!/usr/bin/env bash
# Starts (or stops) a throwaway PostgreSQL 15 cluster on loopback for tests.
#   eval "$(scripts/pg-throwaway.sh start [PORT])"   -> exports DATABASE_URL and PG_THROWAWAY_DIR
#   scripts/pg-throwaway.sh stop "$PG_THROWAWAY_DIR"
# initdb refuses to run as root, so the cluster runs as the postgres user (RECIPES.md).
set -euo pipefail
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

ensure_binaries() {
  if [ ! -x "$PGBIN/initdb" ]; then
    echo "PostgreSQL 15 binaries missing: installing postgresql-15" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >&2
  fi
  id postgres >/dev/null 2>&1 || useradd --system --home /var/lib/postgresql postgres >&2
}

case "${1:-}" in
  start)
    port=${2:-55432}
    # Another server may hold the port (a developer's cluster left running): take the next free one.
    for _ in $(seq 1 50); do
      (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
      echo "port $port is in use: trying $((port + 1))" >&2
      port=$((port + 1))
    done
    ensure_binaries
    dir=$(mktemp -d /tmp/commissioner-pg.XXXXXX)
    chown postgres "$dir"
    su postgres -s /bin/sh -c "$PGBIN/initdb -D $dir/data -U postgres --auth=trust -E UTF8 --no-sync" >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $dir/data -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' -l $dir/log -w start" >&2 \
      || { cat "$dir/log" >&2; exit 1; }
    echo "export PG_THROWAWAY_DIR=$dir"
    echo "export DATABASE_URL=postgres://postgres@127.0.0.1:$port/postgres"
    ;;
  stop)
    dir=${2:?usage: stop DIR}
    su postgres -s /bin/sh -c "$PGBIN/pg_ctl -D $dir/data -m fast stop" >&2 || true
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start [PORT] | stop DIR" >&2
    exit 2
    ;;
esac
