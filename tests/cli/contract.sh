#!/usr/bin/env bash
# The CLI's contract: JSON on stdout and exit 0 on success; on bad input exit 2, the structured
# error (code, path, message) on stderr and nothing on stdout. Usage: contract.sh SRDI SOURCE_DIR
set -uo pipefail
srdi=$1
src=$2
source "$(dirname "$0")/lib.sh"

run evaluate --profile "$src/examples/precision-parts.json" --as-of 2026-11-21
check "example evaluates with exit 0" test "$rc" -eq 0
check "example output is JSON with a size class" test "$(json_get "$tmp/out" d.size.class)" = small
check "nothing on stderr on success" test ! -s "$tmp/err"

run evaluate --profile "$src/examples/precision-parts.json"
check "as-of defaults to today" test "$(json_get "$tmp/out" d.as_of)" = "$(date +%F)"

run evaluate --profile "$src/examples/precision-parts.json" --as-of 2026-11-21 --format text
check "text report exits 0" test "$rc" -eq 0
check "text report is Chinese" grep -q "企业规模（划型）" "$tmp/out"

for f in "$src"/tests/fixtures/broken/profile/*.json; do
  name=$(basename "$f")
  [ "$name" = expected.json ] && continue
  code=$(json_get "$src/tests/fixtures/broken/profile/expected.json" "d['$name'].code")
  path=$(json_get "$src/tests/fixtures/broken/profile/expected.json" "d['$name'].path")
  run evaluate --profile "$f" --as-of 2026-11-21
  check "$name: exit 2" test "$rc" -eq 2
  check "$name: nothing on stdout" test ! -s "$tmp/out"
  check "$name: code on stderr" test "$(json_get "$tmp/err" "d.errors[0].code")" = "$code"
  check "$name: path on stderr" test "$(json_get "$tmp/err" "d.errors[0].path")" = "$path"
done

run evaluate --profile "$src/tests/fixtures/broken/profile/negative_count.json" --format text
check "text errors exit 2" test "$rc" -eq 2
check "text errors name code and path" grep -q "profile.negative 位置 /rd_staff" "$tmp/err"

run evaluate --profile "$src/examples/precision-parts.json" --as-of 2026-02-30
check "bad --as-of exits 2" test "$rc" -eq 2
check "bad --as-of is options.bad_date" grep -q options.bad_date "$tmp/err"

run evaluate --profile "$src/examples/precision-parts.json" --criteria miit-1999
check "bad --criteria exits 2" test "$rc" -eq 2
check "bad --criteria is options.bad_criteria" grep -q options.bad_criteria "$tmp/err"

run evaluate --profile "$tmp/does-not-exist.json"
check "unreadable file exits 2" test "$rc" -eq 2
check "unreadable file is cli.cannot_read" grep -q cli.cannot_read "$tmp/err"

run evaluate
check "missing --profile exits 2" test "$rc" -eq 2
check "missing --profile prints nothing on stdout" test ! -s "$tmp/out"

run evaluate --profile "$src/examples/precision-parts.json" --format yaml
check "bad --format exits 2" test "$rc" -eq 2

run policies
check "policies lists the size standard" grep -q sme-size-2011 "$tmp/out"
check "policies lists a 64-hex sha256 for every entry" test "$(json_get "$tmp/out" "d.length > 0 && d.every(p => /^[0-9a-f]{64}\$/.test(p.sha256))")" = true

run compare --profile "$src/examples/precision-parts.json" --as-of 2025-06-30
check "compare exits 0" test "$rc" -eq 0
check "compare lists Zaozhuang" test "$(json_get "$tmp/out" "d.cities.some(c => c.city === 'zaozhuang')")" = true
run compare --profile "$src/examples/precision-parts.json" --as-of 2025-06-30 --format text
check "compare text says amounts are not added across cities" grep -q "不跨城市相加" "$tmp/out"
run evaluate --profile "$src/examples/precision-parts.json" --applicant bank
check "bad --applicant exits 2" test "$rc" -eq 2
check "bad --applicant is options.bad_applicant" grep -q options.bad_applicant "$tmp/err"

# Verdicts only, and JSON Lines.
run evaluate --profile "$src/examples/precision-parts.json" --as-of 2026-11-21 --verdicts
check "--verdicts exits 0" test "$rc" -eq 0
check "--verdicts has no explanation" test "$(json_get "$tmp/out" "d.tiers.length > 0 && d.tiers.every(t => !('criteria' in t))")" = true
run evaluate --profile "$src/examples/precision-parts.json" --verdicts --format text
check "--verdicts with --format text is a usage error" test "$rc" -eq 2
compact=$(node -e "process.stdout.write(JSON.stringify(JSON.parse(require('fs').readFileSync('$src/examples/precision-parts.json','utf8'))))")
printf '%s\n%s\n' "$compact" "$compact" | "$srdi" batch --as-of 2026-11-21 --verdicts >"$tmp/out" 2>"$tmp/err"
rc=$?
check "batch of two good lines exits 0" test "$rc" -eq 0
check "batch writes one line per profile" test "$(wc -l <"$tmp/out")" -eq 2
check "batch lines are the verdicts of evaluate --verdicts" test "$(head -1 "$tmp/out" | node -e "
  const a=JSON.parse(require('fs').readFileSync(0,'utf8'));
  const b=JSON.parse(require('child_process').execFileSync('$srdi',['evaluate','--verdicts','--as-of','2026-11-21','--profile','$src/examples/precision-parts.json']));
  process.stdout.write(String(JSON.stringify(a)===JSON.stringify(b)))")" = true
printf '%s\n{"employees": -1}\n%s\n' "$compact" "$compact" | "$srdi" batch --as-of 2026-11-21 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "batch with a bad line exits 2" test "$rc" -eq 2
check "the bad line's errors are on its own line" test "$(sed -n 2p "$tmp/out" | node -e "process.stdout.write(JSON.parse(require('fs').readFileSync(0,'utf8')).errors[0].path)")" = /employees
check "the lines around it are full results" test "$(sed -n 3p "$tmp/out" | node -e "process.stdout.write(String('criteria' in JSON.parse(require('fs').readFileSync(0,'utf8')).tiers[0]))")" = true
echo '{}' | "$srdi" batch --as-of 2026-02-30 >"$tmp/out" 2>"$tmp/err"
rc=$?
check "batch with a bad date exits 2, nothing on stdout" test "$rc" -eq 2 -a ! -s "$tmp/out"

echo "cli contract: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
