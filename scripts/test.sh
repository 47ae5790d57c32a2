#!/usr/bin/env bash
# Sets up what is missing, builds everything (native dev, ASan+UBSan, wasm) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs  # Debian's emcc needs its own node modules (acorn)
start=$(date +%s)
bash scripts/setup.sh

echo "== native dev build (warnings are errors) and tests"
cmake --preset dev >/dev/null
cmake --build --preset dev
ctest --preset dev

echo "== ASan+UBSan build and tests"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan

echo "== release CLI (the native side of the parity test)"
cmake --preset release >/dev/null
cmake --build --preset release --target srdi

echo "== wasm build (and build/web/) and tests in Node, with native–wasm parity on 10,000 generated profiles"
cmake --preset wasm >/dev/null
cmake --build --preset wasm
ls -l build/wasm/srdi.wasm | awk '{print "wasm module: " $5 " bytes"}'
SRDI_CLI=build/dev/srdi SRDI_PARITY_CLI=build/release/srdi node --test tests/wasm/

echo "== the page in headless Chromium (screenshots in build/screenshots/)"
SRDI_CLI=build/dev/srdi node --test --test-concurrency=1 tests/web/

echo "== fuzzing: libFuzzer with ASan+UBSan, ${SRDI_FUZZ_SECONDS:-30} s per target (scripts/fuzz.sh)"
bash scripts/fuzz.sh "${SRDI_FUZZ_SECONDS:-30}"

echo "== all tests passed in $(( $(date +%s) - start )) s"
