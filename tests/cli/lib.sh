# Shared by the CLI test scripts (sourced after `srdi` is set): a scratch folder, counters, and
#   check NAME CONDITION...       counts a pass, or prints FAIL: NAME
#   run ARGS...                   runs srdi: $rc, $tmp/out, $tmp/err
#   json_get FILE JS-EXPRESSION   the expression on the file's JSON (as `d`), printed
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
passed=0

check() {
  local name=$1
  shift
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAIL: $name" >&2
    failures=$((failures + 1))
  fi
}

run() {
  "$srdi" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
}

json_get() {
  node -e "const d=JSON.parse(require('fs').readFileSync('$1','utf8')); process.stdout.write(String($2))"
}
