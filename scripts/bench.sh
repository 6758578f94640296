#!/usr/bin/env bash
# Benchmarks on the build the product ships (published, ReadyToRun, as the container image is).
# Usage: scripts/bench.sh import --services 20000 | scripts/bench.sh audit --services 100000
set -euo pipefail
cd "$(dirname "$0")/.."
case "$(uname -m)" in
  x86_64) rid=linux-x64 ;;
  aarch64 | arm64) rid=linux-arm64 ;;
  *) echo "error: no runtime identifier known for $(uname -m)" >&2; exit 2 ;;
esac
out=.artifacts/bench
dotnet publish src/Governance.Cli --configuration Release --runtime "$rid" --self-contained false --output "$out" -v quiet >/dev/null
exec "$out/governance" bench "$@"
