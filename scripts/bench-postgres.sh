#!/usr/bin/env bash
# Runs a benchmark against a throwaway PostgreSQL with its durable defaults (fsync, synchronous commit), then deletes it.
# Usage: scripts/bench-postgres.sh api --services 1000 --commands 20000 --concurrency 4
set -euo pipefail
cd "$(dirname "$0")/.."
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
root=$(mktemp -d /tmp/governance-bench-pg.XXXXXX)
port=$((20000 + RANDOM % 20000))
as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres:postgres "$root"
cleanup() { as_postgres "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$root"; }
trap cleanup EXIT
as_postgres "$bin/initdb" -D "$root/data" -A trust -U postgres --encoding=UTF8 >/dev/null
as_postgres "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
  -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$root/data -c max_connections=200" start >/dev/null
scripts/bench.sh "$@" --db "postgresql://postgres@127.0.0.1:$port/postgres"
