#!/usr/bin/env bash
# srdi screen (docs/screening.md): a sheet in UTF-8 or GBK, every row out with its verdicts and
# class (never dropped), each bad cell named by row and column on stderr and in 数据问题, exit 2 when
# a row had a bad cell; the template round-trips; the verdicts are those of `srdi evaluate` on the
# same firm written as a profile. Usage: screen.sh SRDI SOURCE_DIR
set -uo pipefail
srdi=$1
source "$(dirname "$0")/lib.sh"
col() {  # col FILE ROW HEADER: the cell of data row ROW (1 = first firm) under HEADER
  node -e '
    const text = require("fs").readFileSync(process.argv[1], "utf8").replace(/^\uFEFF/, "");
    const rows = []; let row = [], cell = "", q = false;
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (q) { if (c === "\"") { if (text[i + 1] === "\"") { cell += c; i++; } else q = false; } else cell += c; }
      else if (c === "\"") q = true; else if (c === ",") { row.push(cell); cell = ""; }
      else if (c === "\n") { row.push(cell.replace(/\r$/, "")); rows.push(row); row = []; cell = ""; } else cell += c;
    }
    const at = rows[0].indexOf(process.argv[3]);
    process.stdout.write(at < 0 ? "<no column>" : (rows[Number(process.argv[2])] || [])[at] ?? "<no row>");
  ' "$1" "$2" "$3"
}
AS_OF=2026-11-21

# 1. The template: written, then screened as it is (its example row is a valid firm).
"$srdi" screen --template "$tmp/template.csv" --as-of $AS_OF 2>/dev/null
check "template written" test -s "$tmp/template.csv"
"$srdi" screen --input "$tmp/template.csv" --output "$tmp/template-out.csv" --as-of $AS_OF 2>"$tmp/err"
rc=$?
check "the template's example row screens without a bad cell (exit $rc)" test $rc -eq 0
check "the template's example firm gets a size class" test "$(col "$tmp/template-out.csv" 1 划型)" = "小型"

# 2. A pool: a good firm, a firm with three bad cells, a blank line, a firm far from the rung.
cat >"$tmp/pool.csv" <<'CSV'
企业名称,所在城市,所属行业（划型）,从业人员（人）,营业收入（2025年度）（万元）,营业收入（2024年度）（万元）,营业收入（2023年度）（万元）,研发费用（上年度）（万元）,研发费用（上上年度）（万元）,资产总额（万元）,负债总额（万元）,专精特新中小企业认定日期,专精特新中小企业级别,备注
甲公司,济南,工业,120,"8,600",8000,7600,300,260,12000,5800,,,第一行
乙公司,枣庄市,工业,-280,abc,8000,7600,300,260,12000,5800,2027-01-01,省级,坏行

丙公司,三明市,软件和信息技术服务业,30,1200,1000,800,100,80,2000,500,2024-05-01,省级,
CSV
"$srdi" screen --input "$tmp/pool.csv" --output "$tmp/out.csv" --as-of $AS_OF 2>"$tmp/err"
rc=$?
check "a bad row gives exit 2 (got $rc)" test $rc -eq 2
check "every firm is in the output, the bad one too" test "$(col "$tmp/out.csv" 3 企业名称)" = "丙公司"
check "the bad row is marked 数据有误" test "$(col "$tmp/out.csv" 2 "分类（专精特新中小企业）")" = "数据有误"
check "the negative staff count is named by row and column" grep -q "第 3 行：列“从业人员（人）”：不能为负数" "$tmp/err"
check "letters in money are named" grep -q "列“营业收入（2025年度）（万元）”：“abc”不是数字" "$tmp/err"
check "a date after the evaluation date is named by its column" grep -q "列“专精特新中小企业认定日期”：认定日期 2027-01-01 晚于评估日期" "$tmp/err"
check "the problems are in the 数据问题 column too" sh -c "test -n \"\$1\"" _ "$(col "$tmp/out.csv" 2 数据问题)"
check "the unknown column is carried through" test "$(col "$tmp/out.csv" 1 备注)" = "第一行"
check "a missing column the rung needs is reported" grep -q "表中没有“主营业务收入（上年度）”列" "$tmp/err"

# 3. The same firm written as a profile: the sheet's verdicts are the engine's.
cat >"$tmp/firm.json" <<'JSON'
{"name": "丙公司", "city": "sanming", "industry": "software_it", "employees": 30,
 "revenue": {"last": "12000000.00", "prev": "10000000.00", "prev2": "8000000.00"},
 "rd_expense": {"last": "1000000.00", "prev": "800000.00"}, "total_assets": "20000000.00", "total_liabilities": "5000000.00",
 "holds": [{"title": "srdi_sme", "level": "provincial", "since": "2024-05-01"}]}
JSON
"$srdi" evaluate --profile "$tmp/firm.json" --as-of $AS_OF --verdicts >"$tmp/v.json"
want=$(node -e '
  const v = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const w = { eligible: "符合", not_eligible: "不符合", undetermined: "待定", contested: "依读法而定" };
  process.stdout.write(v.tiers.map((t) => w[t.verdict] + (t.held === true ? "（已持有）" : "")).join("|"));' "$tmp/v.json")
got="$(col "$tmp/out.csv" 3 创新型中小企业)|$(col "$tmp/out.csv" 3 科技和创新型中小企业)|$(col "$tmp/out.csv" 3 专精特新中小企业)|$(col "$tmp/out.csv" 3 专精特新“小巨人”企业)"
check "the verdicts are srdi evaluate's ($got vs $want)" test "$got" = "$want"

# 4. GBK (what Excel in China writes): detected, and the output is the same.
iconv -f UTF-8 -t GB18030 "$tmp/pool.csv" >"$tmp/pool-gbk.csv"
"$srdi" screen --input "$tmp/pool-gbk.csv" --output "$tmp/out-gbk.csv" --as-of $AS_OF 2>"$tmp/err-gbk"
check "a GBK file is detected" grep -q "（GBK）" "$tmp/err-gbk"
check "a GBK file gives the same output" cmp -s "$tmp/out.csv" "$tmp/out-gbk.csv"
"$srdi" screen --input "$tmp/pool.csv" --output "$tmp/out-as-gbk.csv" --as-of $AS_OF --encoding gbk 2>/dev/null
iconv -f GB18030 -t UTF-8 "$tmp/out-as-gbk.csv" >"$tmp/back.csv"
check "--encoding gbk writes GBK" test "$(col "$tmp/back.csv" 1 企业名称)" = "甲公司"

# 5. Re-importing an export works: the added columns are carried through, the verdicts the same.
"$srdi" screen --input "$tmp/out.csv" --output "$tmp/again.csv" --as-of $AS_OF 2>/dev/null
check "an export screens again to the same classes" test "$(col "$tmp/again.csv" 3 "分类（专精特新中小企业）")" = "$(col "$tmp/out.csv" 3 "分类（专精特新中小企业）")"

# 6. A column mapped by hand: an unrecognised header given a field by --mapping.
printf '企业名称,年营收（万元）,所属行业（划型）,从业人员\n甲,8600,工业,120\n' >"$tmp/own.csv"
"$srdi" screen --input "$tmp/own.csv" --output "$tmp/own-out.csv" --as-of $AS_OF 2>"$tmp/err"
check "without a mapping the unknown column is reported" grep -q "未识别的列（原样保留）：年营收（万元）" "$tmp/err"
check "... and the size class is open" test "$(col "$tmp/own-out.csv" 1 划型)" = "待定"
printf '{"年营收（万元）": "revenue.last"}' >"$tmp/map.json"
"$srdi" screen --input "$tmp/own.csv" --output "$tmp/own-out2.csv" --as-of $AS_OF --mapping "$tmp/map.json" 2>"$tmp/err"
check "with --mapping the column counts (8600万元, 120 staff: small)" test "$(col "$tmp/own-out2.csv" 1 划型)" = "小型"
printf '{"没有这列": "revenue.last"}' >"$tmp/bad-map.json"
"$srdi" screen --input "$tmp/own.csv" --output "$tmp/x.csv" --mapping "$tmp/bad-map.json" 2>"$tmp/err"
check "a mapping naming a missing column is refused (exit 1)" test $? -eq 1

# 7. Usage errors: exit 1 and a message.
"$srdi" screen --input "$tmp/pool.csv" 2>"$tmp/err"
check "no --output is a usage error" test $? -eq 1
printf '甲,乙\n1,2\n' >"$tmp/none.csv"
"$srdi" screen --input "$tmp/none.csv" --output "$tmp/x.csv" 2>"$tmp/err"
check "a sheet with no known column is refused (exit 1)" test $? -eq 1
check "... saying so" grep -q "没有可识别的列" "$tmp/err"

echo "screen: $passed passed, $failures failed"
test $failures -eq 0
