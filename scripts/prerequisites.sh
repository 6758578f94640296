#!/usr/bin/env bash
# Installs what the build and the tests need beyond the .NET SDK: PostgreSQL 15's server binaries,
# which the storage tests start themselves. Idempotent; does nothing when everything is present.
set -euo pipefail

postgres_present() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]
}

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

if ! postgres_present; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing PostgreSQL server binaries (apt-get)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    echo "warning: no PostgreSQL server binaries found; the PostgreSQL tests will be skipped (install postgresql-15)." >&2
  fi
fi
