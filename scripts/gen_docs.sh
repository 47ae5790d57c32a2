#!/usr/bin/env bash
# Regenerates the documents that are rendered from the policy data.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target srdi >/dev/null
build/dev/srdi docs criteria >docs/criteria.md
echo "wrote docs/criteria.md"
