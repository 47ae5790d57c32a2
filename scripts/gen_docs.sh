#!/usr/bin/env bash
# Regenerates the documents that are rendered from the policy data.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset dev >/dev/null
cmake --build --preset dev --target srdi >/dev/null
for doc in criteria policies events; do
  build/dev/srdi docs "$doc" >"docs/$doc.md"
  echo "wrote docs/$doc.md"
done
