#!/usr/bin/env bash
# The bench command: installs what is missing, builds the native benchmarks (build/bench, Release)
# and the wasm module with the page (build/wasm, build/web), runs Google Benchmark, then the Node
# comparison (tests/bench/bench_wasm.js), which ends with one table of every figure and the
# targets. Not part of the tests: timings depend on the machine and its load.
#   bash scripts/bench.sh [--count N] [--seed N] [--passes N]   (options go to bench_wasm.js)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs its own node modules (acorn)

# Everything the test command needs (emscripten, npm packages from the lock, json-logic-js among
# them), then Google Benchmark.
bash scripts/setup.sh
if ! dpkg-query -W -f='${Status}' libbenchmark-dev 2>/dev/null | grep -q "install ok installed"; then
  echo "bench: installing libbenchmark-dev"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq libbenchmark-dev >/dev/null
fi

echo "== native benchmarks (build/bench, Release)"
cmake --preset bench >/dev/null
cmake --build --preset bench --target srdi_bench
native_json=build/bench/native.json
build/bench/tests/bench/srdi_bench --benchmark_out="$native_json" --benchmark_out_format=json

echo "== wasm module and the page (build/wasm, build/web)"
cmake --preset wasm >/dev/null
cmake --build --preset wasm

echo "== wasm batch against json-logic-js and hand-written JavaScript (Node)"
node tests/bench/bench_wasm.js --native "$native_json" "$@"

echo "== 培育库 screening (docs/screening.md): srdi screen on a generated pool of 5,000 firms"
cmake --build --preset bench --target srdi >/dev/null
SRDI_CLI=build/bench/srdi node tests/gen/sheet.js 5000 7 >build/bench/pool.csv
build/bench/srdi screen --input build/bench/pool.csv --output build/bench/pool-out.csv --as-of 2026-11-21 2>&1 \
  | grep -E "^完成" | sed 's/^/  /'
echo "  targets: ≥ 20,000 rows/s with gaps (MISS while the explanation is built per firm not meeting the rung; see docs/screening.md)"
SRDI_CLI=build/bench/srdi node tests/bench/batch_page.js 10000
node -e "
const zlib = require('zlib'), fs = require('fs');
const b = fs.readFileSync('build/web/srdi-batch.html');
console.log('  screening page build/web/srdi-batch.html: ' + (b.length / 1024).toFixed(0) + ' KB, ' + (zlib.gzipSync(b, { level: 9 }).length / 1024).toFixed(1) + ' KB gzip');"
