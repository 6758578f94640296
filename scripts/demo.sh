#!/usr/bin/env bash
# Runs the demo: a fresh embedded SQLite store with the demo fleet, and an overview of it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
dotnet run --project src/Governance.Cli -v quiet -- demo "$@"
