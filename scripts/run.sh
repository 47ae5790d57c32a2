#!/usr/bin/env bash
# Sets up what is missing, builds the calculator and serves the page on http://127.0.0.1:8080/
# (PORT=... to change it). The same build writes build/web/srdi-offline.html, one file that works
# opened from file:// with no network.
#   bash scripts/run.sh            serve the page (Ctrl-C stops it)
#   bash scripts/run.sh --cli ...  run the CLI on examples/precision-parts.json instead; the other
#                                  arguments go to `srdi evaluate` (e.g. --as-of 2025-06-30)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs its own node modules (acorn)
bash scripts/setup.sh
if [ "${1:-}" = "--cli" ]; then
  shift
  cmake --preset dev >/dev/null
  cmake --build --preset dev --target srdi >/dev/null
  echo "build/dev/srdi evaluate --profile examples/precision-parts.json --format text $*"
  exec build/dev/srdi evaluate --profile examples/precision-parts.json --format text "$@"
fi
cmake --preset wasm >/dev/null
cmake --build --preset wasm | grep -E "srdi-offline|error" || true
test -f build/web/index.html || { echo "run.sh: the web build failed" >&2; exit 1; }
echo "Offline single file: $(pwd)/build/web/srdi-offline.html"
exec node scripts/serve.js --root build/web --port "${PORT:-8080}"
