#!/usr/bin/env bash
# Installs what the build and the tests need beyond the .NET SDK: PostgreSQL 15's server binaries,
# which the storage tests start themselves, and Debian's Chromium, which the browser tests drive.
# Idempotent; does nothing when everything is present.
set -euo pipefail

postgres_present() {
  compgen -G "/usr/lib/postgresql/*/bin/initdb" >/dev/null && return 0
  command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]
}

if ! command -v dotnet >/dev/null; then
  echo "error: the .NET SDK (10.0) is required: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

missing=()
postgres_present || missing+=(postgresql)
[ -x /usr/bin/chromium ] || missing+=(chromium)

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    echo "Installing ${missing[*]} (apt-get)…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "warning: ${missing[*]} missing; the PostgreSQL or browser tests will be skipped (with CI=true they fail)." >&2
  fi
fi
