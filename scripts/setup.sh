#!/usr/bin/env bash
# Installs whatever this project needs and the machine lacks. Idempotent and non-interactive:
# a second run only checks, and takes a second or two.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages: the C++ libraries, Emscripten for the wasm build, Chromium and a CJK font for the browser tests and their screenshots, clang, its libFuzzer runtime and libc++ (clang 14 rejects a recursive type of core/policy.hpp with libstdc++) for scripts/fuzz.sh.
packages=(cmake g++ make nlohmann-json3-dev catch2 emscripten chromium fonts-wqy-microhei clang-14 libclang-rt-14-dev libc++-14-dev libc++abi-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Node and npm: the machine ships them; fall back to Debian's if a machine lacks them.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "setup: installing nodejs and npm"
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd:-} apt-get install -y -qq nodejs npm >/dev/null
fi

# npm packages, exactly as package-lock.json pins them; reinstalled only when the lock changes.
stamp=node_modules/.srdi-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  mkdir -p node_modules
  echo "$want" >"$stamp"
fi
