#!/usr/bin/env bash
# Runs every test: builds warning-free, then the whole solution's tests, SQLite and PostgreSQL alike.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh

dotnet build Governance.sln --nologo -v quiet
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test Governance.sln --no-build --nologo 2>&1 | tee "$log" || status=$?

# One closing line over all test projects: "N passed, N failed, N skipped".
awk '/^(Passed|Failed)!/ {
  for (i = 1; i <= NF; i++) {
    gsub(/,/, "", $(i + 1))
    if ($i == "Passed:") p += $(i + 1); else if ($i == "Failed:") f += $(i + 1); else if ($i == "Skipped:") s += $(i + 1)
  }
} END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$log"
exit "$status"
