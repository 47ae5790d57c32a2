#!/usr/bin/env bash
# Sets up what is missing, builds the calculator and runs it on the bundled example profile.
# Extra arguments go to `srdi evaluate` (e.g. --as-of 2025-06-30, --format json).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake --preset dev >/dev/null
cmake --build --preset dev --target srdi >/dev/null
echo "build/dev/srdi evaluate --profile examples/precision-parts.json --format text $*"
exec build/dev/srdi evaluate --profile examples/precision-parts.json --format text "$@"
