// The wasm Sheet class of the screening page's module (build/wasm/srdi-batch.js) gives, row for row, what `srdi screen` writes
// for the same sheet: the added cells, the class and the problems, chunk by chunk.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { loadSrdi } = require('./load_module');
const loadSheetModule = () => loadSrdi('srdi-batch');

const CLI = process.env.SRDI_CLI ? path.resolve(process.env.SRDI_CLI) : path.resolve(__dirname, '../../build/dev/srdi');
const AS_OF = '2026-11-21';
const SHEET = [
  '企业名称,所在城市,所属行业（划型）,从业人员（人）,营业收入（2025年度）（万元）,营业收入（2024年度）（万元）,营业收入（2023年度）（万元）,研发费用（上年度）（万元）,研发费用（上上年度）（万元）,资产总额（万元）,负债总额（万元）,专精特新中小企业认定日期,专精特新中小企业级别,备注',
  '甲公司,济南,工业,120,"8,600",8000,7600,300,260,12000,5800,,,第一行',
  '乙公司,枣庄市,工业,-280,abc,8000,7600,300,260,12000,5800,2027-01-01,省级,坏行',
  '',
  '丙公司,三明市,软件和信息技术服务业,30,1200,1000,800,100,80,2000,500,2024-05-01,省级,',
  '丁公司,济南市,工业,300,20000,18000,16000,900,800,30000,12000,2024-05-01,省级,',
].join('\r\n') + '\r\n';

// The CLI's output as rows of cells (its own CSV, read back by the module's reader would be
// circular: a small reader here).
function readCsv(text) {
  const rows = []; let row = [], cell = '', q = false;
  text = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) { if (c === '"') { if (text[i + 1] === '"') { cell += c; i++; } else q = false; } else cell += c; }
    else if (c === '"') q = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell.replace(/\r$/, '')); rows.push(row); row = []; cell = ''; }
    else cell += c;
  }
  return rows;
}

test('the module screens a sheet as srdi screen does, chunk by chunk', async () => {
  const srdi = await loadSheetModule();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-sheet-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.csv'), SHEET);
    try {
      execFileSync(CLI, ['screen', '--input', path.join(dir, 'in.csv'), '--output', path.join(dir, 'out.csv'), '--as-of', AS_OF], { stdio: 'pipe' });
    } catch (e) {
      assert.equal(e.status, 2, 'a bad row: exit 2');
    }
    const want = readCsv(fs.readFileSync(path.join(dir, 'out.csv'), 'utf8'));
    const sheet = new srdi.Sheet();
    const head = JSON.parse(sheet.open(SHEET, JSON.stringify({ as_of: AS_OF })));
    assert.equal(head.errors, undefined, JSON.stringify(head.errors));
    assert.equal(head.rung, 'miit2026.srdi');
    assert.deepEqual(want[0], [...head.columns.map((c) => c.header), ...head.added_headers]);
    assert.ok(head.uncovered.includes('主营业务收入（上年度）'));
    const got = [];
    for (;;) {
      const chunk = JSON.parse(sheet.next(2));
      assert.ok(chunk.rows.length <= 2);
      for (const r of chunk.rows) got.push([...r.cells, ...r.added]);
      if (chunk.done) break;
    }
    assert.deepEqual(got, want.slice(1));
    sheet.delete();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a bad option or an empty sheet comes back as an error, never a throw', async () => {
  const srdi = await loadSheetModule();
  const sheet = new srdi.Sheet();
  assert.equal(JSON.parse(sheet.open('', '{}')).errors[0].code, 'sheet.empty');
  assert.equal(JSON.parse(sheet.open(SHEET, JSON.stringify({ as_of: AS_OF, rung: 'nonsense' }))).errors[0].code, 'options.unknown_rung');
  assert.equal(JSON.parse(sheet.open(SHEET, JSON.stringify({ as_of: AS_OF, near: 'count' }))).errors[0].code, 'options.bad_near');
  assert.deepEqual(JSON.parse(sheet.next(5)).rows, []);
  assert.equal(JSON.parse(sheet.next(5)).done, true);
  sheet.delete();
});
