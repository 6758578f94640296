#!/usr/bin/env bash
# The demo: a fresh embedded SQLite store with the demo fleet and its audit, an overview in the terminal, then the web
# app on http://127.0.0.1:8080 with one sign-in per role, until Ctrl+C. Without the web app: scripts/demo.sh --no-serve
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
if [ "${1:-}" = "--no-serve" ]; then
  shift
  exec dotnet run --project src/Governance.Cli -v quiet -- demo "$@"
fi
exec dotnet run --project src/Governance.Cli -v quiet -- demo --serve "$@"
