#!/usr/bin/env bash
# Policy files at run time and the authoring commands (docs/authoring.md): --policies gives
# byte-identical output for the bundled files given again and pays by a new city's file;
# check-policy and test exit 0 / 2 as documented; the guide's worked example checks clean and
# passes its golden cases. Usage: authoring.sh SRDI SOURCE_DIR
set -uo pipefail
srdi=$1
src=$2
source "$(dirname "$0")/lib.sh"
check_dir="$src/tests/fixtures/check"

# Every bundled file given again (a copy of policies/, texts left out): the same bytes out.
mkdir -p "$tmp/pol"
(cd "$src/policies" && find . -name '*.json' -exec cp --parents {} "$tmp/pol/" \;)
for example in "$src"/examples/*.json; do
  for cmd in evaluate compare; do
    a=$("$srdi" $cmd --profile "$example" --as-of 2026-11-21 --format compact | sha256sum)
    b=$("$srdi" $cmd --profile "$example" --as-of 2026-11-21 --format compact --policies "$tmp/pol" | sha256sum)
    check "$cmd $(basename "$example"): the bundled files given again give the same bytes" test "$a" = "$b"
  done
done
a=$(for e in "$src"/examples/*.json; do tr -d '\n' <"$e"; echo; done | "$srdi" batch --as-of 2026-11-21 | sha256sum)
b=$(for e in "$src"/examples/*.json; do tr -d '\n' <"$e"; echo; done | "$srdi" batch --as-of 2026-11-21 --policies "$tmp/pol" | sha256sum)
check "batch: the same bytes through --policies" test "$a" = "$b"
check "policies: the same list" test "$("$srdi" policies | sha256sum)" = "$("$srdi" policies --policies "$tmp/pol" | sha256sum)"

# A new city's file, given alone: its city pays, the stamp names the file and its SHA-256.
cat >"$tmp/firm.json" <<'JSON'
{"name": "测试企业", "city": "ceshi", "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]}
JSON
run evaluate --profile "$tmp/firm.json" --as-of 2026-06-01 --policies "$check_dir/clean.json"
check "a new city's file: exit 0" test "$rc" -eq 0
check "a new city's file pays 500000 (一：新认定小巨人 50万元)" test "$(json_get "$tmp/out" 'd.awards.documents[0].totals.certain')" = "500000.00"
check "the stamp names the file" test "$(json_get "$tmp/out" 'd.policies.find(p=>p.id==="check-fixture").file')" = clean.json
check "the stamp is the file's SHA-256" test "$(json_get "$tmp/out" 'd.policies.find(p=>p.id==="check-fixture").sha256')" = "$(sha256sum "$check_dir/clean.json" | cut -d' ' -f1)"
run evaluate --profile "$tmp/firm.json" --as-of 2026-06-01
check "without the file the city gets nothing" test "$(json_get "$tmp/out" 'd.awards.documents.length')" = 0

# Bad --policies: exit 2, structured errors, nothing on stdout.
run evaluate --profile "$tmp/firm.json" --policies "$tmp/none"
check "missing --policies path: exit 2" test "$rc" -eq 2
check "missing --policies path: cli.cannot_read" test "$(json_get "$tmp/err" 'd.errors[0].code')" = cli.cannot_read
check "missing --policies path: nothing on stdout" test ! -s "$tmp/out"
echo '{"id": "x", "kind": "awards", "title": 3}' >"$tmp/broken.json"
run evaluate --profile "$tmp/firm.json" --policies "$tmp/broken.json"
check "a broken policy file: exit 2" test "$rc" -eq 2
check "a broken policy file: every error at once, named by file" test "$(json_get "$tmp/err" 'd.errors.filter(e=>e.source==="broken.json").length>=3')" = true
run evaluate --profile "$tmp/firm.json" --policies
check "--policies without a value: exit 2" test "$rc" -eq 2

# check-policy: exit 0 when the file loads (warnings or not), 2 on errors; every warning fixture.
run check-policy "$check_dir/clean.json" --source "$check_dir/source.txt" --golden "$check_dir/golden_clean.json"
check "check-policy clean: exit 0" test "$rc" -eq 0
check "check-policy clean: no warnings" grep -q "0 个错误，0 个提醒" "$tmp/out"
run check-policy "$tmp/broken.json" --format json
check "check-policy broken: exit 2" test "$rc" -eq 2
check "check-policy broken: errors listed with paths" test "$(json_get "$tmp/out" 'd.errors.some(e=>e.path==="/title")')" = true
node -e "
const e = require('$check_dir/expected.json');
for (const [name, w] of Object.entries(e)) {
  if (name === '_comment') continue;
  const args = ['check-policy', '$check_dir/' + w.policy, '--format', 'json'];
  if (w.source) args.push('--source', '$check_dir/source.txt');
  if (w.golden) args.push('--golden', '$check_dir/' + w.golden);
  console.log(name + '\t' + args.join(' ') + '\t' + JSON.stringify(w.warnings));
}" >"$tmp/fixtures.tsv"
while IFS=$'\t' read -r name args want; do
  # shellcheck disable=SC2086
  "$srdi" $args >"$tmp/out" 2>"$tmp/err"
  got=$(json_get "$tmp/out" 'JSON.stringify(d.warnings.map(w=>[w.code,w.path]))')
  check "check-policy fixture $name raises exactly its warning" test "$got" = "$want"
done <"$tmp/fixtures.tsv"
run check-policy
check "check-policy without a file: exit 2" test "$rc" -eq 2

# srdi test: 0 when every case passes, 2 when one fails (named), the template runs and fails until filled.
run test "$check_dir/clean.json" "$check_dir/golden_clean.json"
check "test: passing cases exit 0" test "$rc" -eq 0
run test "$check_dir/clean.json" "$check_dir/golden_failing.json"
check "test: a failing case exits 2" test "$rc" -eq 2
check "test: the failing case is named" grep -q "A retrofit of 2000万 equipment is capped at 100万" "$tmp/out"
run test "$check_dir/clean.json" "$check_dir/golden_other_policy.json"
check "test: a golden file for another policy fails" test "$rc" -eq 2
check "test: and says so" grep -q "不是被测的" "$tmp/out"
mkdir -p "$tmp/drafts/yc"
cp "$check_dir/clean.json" "$tmp/drafts/yc/ceshi.json"
run test "$check_dir/clean.json" "$check_dir/golden_clean.json" --policies "$tmp/drafts"
check "test: the tested file stands in for a --policies file of the same id" test "$rc" -eq 0
run test --template "$check_dir/clean.json"
check "test --template: exit 0" test "$rc" -eq 0
cp "$tmp/out" "$tmp/template.json"
check "test --template: one case per measure" test "$(json_get "$tmp/template.json" 'd.cases.length')" = 2
run test "$check_dir/clean.json" "$tmp/template.json"
check "test: an unfilled template fails" test "$rc" -eq 2

# The guide's worked example (docs/authoring.md, docs/examples/).
ex="$src/docs/examples"
if [ -f "$ex/xuni-demo.json" ]; then
  run check-policy "$ex/xuni-demo.json" --source "$ex/xuni-demo.txt" --golden "$ex/xuni-demo.golden.json"
  check "worked example: check-policy exit 0" test "$rc" -eq 0
  check "worked example: no warnings" grep -q "0 个错误，0 个提醒" "$tmp/out"
  run test "$ex/xuni-demo.json" "$ex/xuni-demo.golden.json"
  check "worked example: every golden case passes" test "$rc" -eq 0
  run evaluate --profile "$ex/xuni-firm.json" --policies "$ex/xuni-demo.json" --format text
  check "worked example: the firm evaluates" test "$rc" -eq 0
else
  check "worked example present" false
fi

echo "authoring: $passed passed, $failures failed"
[ "$failures" -eq 0 ]
