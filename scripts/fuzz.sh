#!/usr/bin/env bash
# Runs the fuzz properties alone, for longer than the normal test run gives them (6 s each there).
#   scripts/fuzz.sh                          each property for 300 s (or GOVERNANCE_FUZZ_SECONDS)
#   scripts/fuzz.sh 3600                     each property for an hour
#   GOVERNANCE_FUZZ_SEED=… scripts/fuzz.sh   replays the one case a failure printed ("Set seed: …")
set -euo pipefail
cd "$(dirname "$0")/.."
export GOVERNANCE_FUZZ_SECONDS="${1:-${GOVERNANCE_FUZZ_SECONDS:-300}}"

dotnet build Governance.sln --nologo -v quiet
status=0
for project in Integrations Policies Application Server; do
  # Each property's line says how many inputs it tried; a failure says its seed.
  if ! dotnet test "tests/Governance.$project.Tests" --no-build --nologo --filter "Category=Fuzz" --logger "console;verbosity=detailed" \
    | { grep -E "^\s+(Passed|Failed) |^\s*Passed [0-9,]+ iterations|Set seed|^(Passed|Failed)!" || true; }; then
    status=1
  fi
done
exit "$status"
