#!/usr/bin/env bash
# Refreshes docs/screenshots from the browser journey: the pictures in the README are what that test saw and asserted on.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/prerequisites.sh
GOVERNANCE_SCREENSHOTS=docs dotnet test tests/Governance.Web.Tests --nologo -v quiet --filter "FullyQualifiedName~WaiverJourneyTests"
ls -l docs/screenshots
