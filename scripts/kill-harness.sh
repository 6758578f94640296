#!/usr/bin/env bash
# The full crash-consistency run: the shipped build SIGKILLed at 200 random points (or POINTS) across import, audit run,
# server writes and the scheduled audit, each followed by history verify, the scenario's checks and a re-run
# (tests/Governance.Reliability.Tests). CI runs 40 of them inside scripts/test.sh. Replay a run: GOVERNANCE_KILL_SEED=N.
# Usage: scripts/kill-harness.sh [POINTS]
set -euo pipefail
cd "$(dirname "$0")/.."
export GOVERNANCE_KILL_POINTS="${1:-${GOVERNANCE_KILL_POINTS:-200}}"
# A positive 30-bit seed: the harness reads it as an int.
export GOVERNANCE_KILL_SEED="${GOVERNANCE_KILL_SEED:-$(( (RANDOM << 15 | RANDOM) + 1 ))}"
log=$(mktemp)
export GOVERNANCE_KILL_LOG="$log"
trap 'rm -f "$log"' EXIT
echo "Kill harness: $GOVERNANCE_KILL_POINTS points, GOVERNANCE_KILL_SEED=$GOVERNANCE_KILL_SEED"

dotnet build tests/Governance.Reliability.Tests --nologo -v quiet
status=0
tail -f "$log" &
tailer=$!
out=$(mktemp)
dotnet test tests/Governance.Reliability.Tests --no-build --nologo --filter "Category=KillHarness" >"$out" 2>&1 || status=$?
kill "$tailer"
if [ "$status" -ne 0 ]; then tail -n 60 "$out"; fi
rm -f "$out"
echo
grep -E '^[a-z-]+: [0-9]+/[0-9]+ kill points survived' "$log" || true
awk '/kill points survived/ { split($2, n, "/"); s += n[1]; p += n[2] } END { printf "In all: %d of %d kill points survived\n", s, p }' "$log"
exit "$status"
