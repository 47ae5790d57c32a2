#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang++-14, ASan+UBSan) and runs each for SECONDS
# (default 30), one job each: srdi_fuzz_profile (the profile loader), srdi_fuzz_policy (the policy
# loader, alone and with the bundled policies), srdi_fuzz_evaluate (evaluate/compare requests).
#   bash scripts/fuzz.sh [SECONDS]
# Seeds are made at run time from the repository's profiles and policies (build/fuzz/seeds/), the
# growing corpus lives in build/fuzz/corpus/; nothing big is committed. The inputs of
# tests/fuzz/regressions/<target>/ are replayed first. A crash, leak, timeout or OOM found is
# copied to tests/fuzz/regressions/<target>/ and the script exits non-zero.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${1:-30}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: bash scripts/fuzz.sh [SECONDS]" >&2; exit 2; }

command -v clang++-14 >/dev/null || { echo "fuzz: clang++-14 missing: run bash scripts/setup.sh" >&2; exit 2; }
cmake --preset fuzz >/dev/null && cmake --build --preset fuzz || { echo "fuzz: build failed" >&2; exit 2; }

out=build/fuzz
rm -rf "$out/seeds" "$out/artifacts"
mkdir -p "$out/seeds/profile" "$out/seeds/policy" "$out/logs"

# Seeds: every profile the repository has (golden, examples, broken fixtures) and every policy.
seed() {  # seed DIR FILE... — copies under unique names (fixtures share names across folders)
  local dir=$1; shift
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(echo "$f" | tr '/' '_')"
  done
}
shopt -s nullglob globstar
seed "$out/seeds/profile" tests/golden/profiles/*.json examples/*.json tests/fixtures/broken/profile/*
seed "$out/seeds/policy" policies/**/*.json tests/fixtures/broken/policy/*

declare -A dict=([profile]=tests/fuzz/profile.dict [policy]=tests/fuzz/policy.dict [evaluate]=tests/fuzz/profile.dict)
declare -A seeds=([profile]=profile [policy]=policy [evaluate]=profile)
status=0
summary=()
for t in profile policy evaluate; do
  bin=$out/srdi_fuzz_$t
  log=$out/logs/$t.log
  regress=tests/fuzz/regressions/$t
  mkdir -p "$out/corpus/$t" "$out/artifacts/$t"
  # 1. Replay the committed regression inputs.
  inputs=("$regress"/*)
  if [ ${#inputs[@]} -gt 0 ]; then
    echo "fuzz: $t: replaying ${#inputs[@]} regression input(s)"
    if ! "$bin" -timeout=10 -rss_limit_mb=2048 "${inputs[@]}" >"$out/logs/$t.replay.log" 2>&1; then
      echo "fuzz: $t: a regression input fails again (see $out/logs/$t.replay.log):" >&2
      tail -n 30 "$out/logs/$t.replay.log" >&2
      status=1
      summary+=("$t: regression replay FAILED")
      continue
    fi
  fi
  # 2. Fuzz.
  echo "fuzz: $t: fuzzing for ${seconds}s (log: $log)"
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -dict="${dict[$t]}" -artifact_prefix="$out/artifacts/$t/" \
    "$out/corpus/$t" "$out/seeds/${seeds[$t]}" >"$log" 2>&1
  rc=$?
  execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  found=("$out/artifacts/$t"/*)
  if [ $rc -ne 0 ] || [ ${#found[@]} -gt 0 ]; then
    status=1
    mkdir -p "$regress"
    for f in "${found[@]}"; do cp "$f" "$regress/"; done
    echo "fuzz: $t: FOUND a problem (exit $rc); the report:" >&2
    grep -m1 -B2 -A40 -E '==ERROR|runtime error|srdi fuzz:|deadly signal|ALARM|out-of-memory' "$log" >&2 || tail -n 40 "$log" >&2
    echo "fuzz: $t: input(s) copied to $regress/: ${found[*]##*/}" >&2
    echo "fuzz: commit them (git add $regress) so every later run replays them first." >&2
    summary+=("$t: FOUND (exit $rc), ${execs:-?} execs, ${speed:-?} exec/s, ${cov:-}")
  else
    summary+=("$t: ok, ${seconds}s, ${execs:-?} execs, ${speed:-?} exec/s, ${cov:-}")
  fi
done

echo "fuzz: summary"
printf '  %s\n' "${summary[@]}"
exit $status
