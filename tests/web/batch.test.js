// The screening page (build/web/batch.html, docs/screening.md) as an officer uses it: a generated
// pool written as a sheet (UTF-8 and GBK CSV), imported, screened in the worker, every firm's
// class equal to what `srdi screen` writes for the same sheet; bad cells shown and listed, not
// dropped; cancel and re-run; export and re-import; the template round-trips; the offline single
// file works from file://. Screenshots: build/screenshots/batch-*.png.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');
const h = require('./harness');
const { generateProfiles } = require('../gen/profiles');
const { sheetOf: sheetOfSchema } = require('../gen/sheet');

const AS_OF = h.AS_OF;
let env;
let dir;
test.before(async () => {
  env = await h.setup();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-batch-'));
});
test.after(async () => {
  if (env) await env.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// A profile as a row of the template's columns (tests/gen/sheet.js).
const schema = JSON.parse(execFileSync(h.CLI, ['schema']).toString());
const sheetOf = (profiles) => sheetOfSchema(profiles, schema);
// The same sheet as .xlsx, every cell text (exact digits), written by write-excel-file in Node.
async function xlsxOf(csvText, file) {
  const writeXlsxFile = require('write-excel-file/node').default || require('write-excel-file/node');
  const rows = csvText.trim().split(/\r\n/).map(parseLine);
  const data = rows.map((r) => r.map((v) => (v === '' ? null : { value: v, type: String })));
  fs.writeFileSync(file, await writeXlsxFile(data).toBuffer());
}

// What `srdi screen` writes for a sheet: each data row's class (the 分类 column).
function cliClasses(file) {
  const out = path.join(dir, 'cli-out.csv');
  try {
    execFileSync(h.CLI, ['screen', '--input', file, '--output', out, '--as-of', AS_OF], { stdio: 'pipe' });
  } catch (e) {
    if (e.status !== 2) throw e;
  }
  const lines = fs.readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r\n/);
  const head = lines[0].split(',');
  const at = head.findIndex((x) => x.startsWith('分类'));
  // The class is never quoted, and the columns before it hold no line break in these sheets.
  return lines.slice(1).map((l) => parseLine(l)[at]);
}
function parseLine(line) {
  const out = []; let cell = '', q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"') { if (line[i + 1] === '"') { cell += c; i++; } else q = false; } else cell += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cell); cell = ''; } else cell += c;
  }
  out.push(cell);
  return out;
}

async function openPage(context, url = env.url + 'batch.html') {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(url);
  await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'ready', null, { timeout: 30000 });
  if ((await page.inputValue('#as-of')) !== AS_OF) {
    await page.fill('#as-of', AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'ready');
  }
  return { page, errors };
}
async function screenFile(page, file) {
  await page.setInputFiles('#file', file);
  await page.waitForFunction(() => !document.getElementById('run').disabled);
  await page.click('#run');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'done', null, { timeout: 120000 });
}
// Every row's class as the page holds it, in sheet order, across all pages of the table.
async function pageClasses(page) {
  const out = [];
  await page.selectOption('#filter', '');
  for (;;) {
    // A page is drawn a few rows at a time; data-drawn="full" when it is complete.
    await page.waitForSelector('#results[data-drawn="full"]');
    out.push(...await page.$$eval('#results tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-class'))));
    if (await page.locator('#next').isDisabled()) break;
    await page.click('#next');
  }
  return out;
}

test('a generated pool in UTF-8, in GBK and as .xlsx: every firm classed as srdi screen classes it', async () => {
  const profiles = generateProfiles({ seed: 15, count: 600, asOf: AS_OF });
  const utf8 = path.join(dir, 'pool.csv');
  fs.writeFileSync(utf8, sheetOf(profiles));
  const gbk = path.join(dir, 'pool-gbk.csv');
  fs.writeFileSync(gbk, execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', utf8]));
  const xlsx = path.join(dir, 'pool.xlsx');
  await xlsxOf(sheetOf(profiles), xlsx);
  const want = cliClasses(utf8);
  assert.equal(want.length, 600);
  assert.ok(new Set(want).size >= 3, `the pool should exercise several classes: ${[...new Set(want)]}`);
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, errors } = await openPage(context);
    await h.screenshot(page, 'batch-start');
    for (const [file, enc] of [[utf8, 'UTF-8'], [gbk, 'GBK'], [xlsx, 'Excel']]) {
      await screenFile(page, file);
      assert.match(await page.locator('#file-name').innerText(), new RegExp(enc));
      assert.deepEqual(await pageClasses(page), want, `${enc}: the page's classes`);
    }
    await page.locator('#mapping-card').screenshot({ path: path.join(h.SCREENSHOTS, 'batch-mapping.png') });
    await page.locator('#results-card').screenshot({ path: path.join(h.SCREENSHOTS, 'batch-results.png') });
    console.log(`# batch page: ${await page.getAttribute('html', 'data-rows-per-second')} rows/s in the worker (600 rows)`);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('bad cells are shown and listed with row and column, never dropped; the error list downloads', async () => {
  const sheet = [
    '企业名称,所属行业（划型）,从业人员（人）,营业收入（上年度）（万元）,专精特新中小企业认定日期',
    '甲公司,工业,120,8600,',
    '乙公司,工业,-280,abc,2027-01-01',
    '丙公司,工业,30,1200,2024-05-01',
  ].join('\r\n') + '\r\n';
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, sheet);
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const { page } = await openPage(context);
    await screenFile(page, file);
    assert.match(await page.locator('#status').innerText(), /1 行数据有误/);
    const bad = page.locator('#results tbody tr[data-row="3"]');
    assert.equal(await bad.getAttribute('data-class'), '数据有误');
    assert.equal(await bad.locator('td.bad').count(), 3);  // staff, revenue, the date
    assert.equal(await page.locator('#results tbody tr').count(), 3, 'every row stays');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-errors')]);
    const text = fs.readFileSync(await download.path(), 'utf8');
    assert.match(text, /3,从业人员（人）,列“从业人员（人）”：不能为负数/);
    assert.match(text, /3,营业收入（上年度）（万元）,列“营业收入（上年度）（万元）”：“abc”不是数字/);
    assert.match(text, /3,专精特新中小企业认定日期,.*晚于评估日期/);
  } finally {
    await context.close();
  }
});

test('cancel stops a run; a re-run finishes; the exports (CSV in UTF-8 and GBK, Excel) re-import to the same classes', async () => {
  const profiles = generateProfiles({ seed: 16, count: 2000, asOf: AS_OF });
  const file = path.join(dir, 'big.csv');
  fs.writeFileSync(file, sheetOf(profiles));
  // The run to cancel is a pool large enough that it is still running when cancel is pressed
  // (2,000 firms can finish before a click lands).
  const larger = path.join(dir, 'larger.csv');
  fs.writeFileSync(larger, sheetOf(generateProfiles({ seed: 17, count: 20000, asOf: AS_OF })));
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const { page } = await openPage(context);
    await page.setInputFiles('#file', larger);
    await page.waitForFunction(() => !document.getElementById('run').disabled);
    await page.click('#run');
    await page.waitForFunction(() => document.getElementById('progress').value > 0, null, { timeout: 30000 });
    await h.screenshot(page, 'batch-progress');
    await page.click('#cancel');
    assert.match(await page.locator('#status').innerText(), /已取消/);
    assert.notEqual(await page.getAttribute('html', 'data-state'), 'done');
    // A new run after the cancelled one (a new worker) finishes.
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => !document.getElementById('run').disabled);
    await page.click('#run');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'done', null, { timeout: 180000 });
    const first = await pageClasses(page);
    assert.equal(first.length, 2000);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export')]);
    const exported = path.join(dir, 'exported.csv');
    fs.copyFileSync(await download.path(), exported);
    // GBK: the same text in GBK bytes (no byte-order mark); a character GBK cannot hold (the
    // generator's emoji) becomes "?" and is counted in the status line, never dropped.
    const [gbk] = await Promise.all([page.waitForEvent('download'), page.click('#export-gbk')]);
    const exportedGbk = path.join(dir, 'exported-gbk.csv');
    fs.copyFileSync(await gbk.path(), exportedGbk);
    const gbkBytes = fs.readFileSync(exportedGbk);
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(gbkBytes), 'the GBK export is not UTF-8');
    const decoded = Array.from(new TextDecoder('gbk').decode(gbkBytes));
    const original = Array.from(fs.readFileSync(exported, 'utf8').replace(/^\uFEFF/, ''));
    assert.equal(decoded.length, original.length, 'one character out for each character in');
    const changed = decoded.map((c, i) => i).filter((i) => decoded[i] !== original[i]);
    assert.ok(changed.every((i) => decoded[i] === '?'), 'a character is kept or replaced by "?"');
    // The only characters of the generated names that GBK lacks: an emoji and U+2028.
    assert.deepEqual([...new Set(changed.map((i) => original[i]))].sort(), ['\u2028', '🚀'].sort());
    const reported = /其中 (\d+) 个字符/.exec(await page.locator('#status').innerText());
    assert.equal(reported ? Number(reported[1]) : 0, changed.length, 'the status line counts the replaced characters');
    await screenFile(page, exportedGbk);
    assert.deepEqual(await pageClasses(page), first, 'the GBK CSV export screens again to the same classes');
    await screenFile(page, exported);
    assert.deepEqual(await pageClasses(page), first, 'the CSV export screens again to the same classes');
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('#export-xlsx')]);
    const exportedXlsx = path.join(dir, 'exported.xlsx');
    fs.copyFileSync(await xl.path(), exportedXlsx);
    await screenFile(page, exportedXlsx);
    assert.deepEqual(await pageClasses(page), first, 'the Excel export screens again to the same classes');
  } finally {
    await context.close();
  }
});

test('the templates (Excel with an explanation sheet, and CSV) download and screen; the single offline file works from file://', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  try {
    const { page } = await openPage(context, pathToFileURL(path.join(h.WEB_ROOT, 'srdi-batch.html')).href);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#template-csv')]);
    const file = path.join(dir, 'template.csv');
    fs.copyFileSync(await download.path(), file);
    await screenFile(page, file);
    assert.equal(await page.locator('#results tbody tr').count(), 1);
    const want = cliClasses(file)[0];
    assert.equal(await page.locator('#results tbody tr').getAttribute('data-class'), want);
    const [xl] = await Promise.all([page.waitForEvent('download'), page.click('#template')]);
    const xfile = path.join(dir, 'template.xlsx');
    fs.copyFileSync(await xl.path(), xfile);
    const sheets = await require('read-excel-file/node').default(xfile);
    assert.deepEqual(sheets.map((x) => x.sheet), ['企业名单', '填写说明']);
    const explain = sheets[1].data;
    assert.deepEqual(explain[0], ['列名', '填写内容', '可填的值', '留空表示']);
    const industry = explain.find((r) => r[0] === '所属行业（划型）');
    assert.match(industry[2], /工业/);
    assert.match(explain.find((r) => r[0] === '营业收入（上年度）（万元）')[1], /万元/);
    await screenFile(page, xfile);
    assert.equal(await page.locator('#results tbody tr').getAttribute('data-class'), want);
    // Drill-down: the firm opens in the calculator (same date), its figures in the URL fragment,
    // which the calculator removes from the address once read.
    const [calc] = await Promise.all([context.waitForEvent('page'), page.click('#results tbody tr button.open-firm')]);
    await h.waitReady(calc);
    await h.eventually(async () => assert.equal(await calc.inputValue('#f-name'), '示例企业'));
    assert.equal(await calc.inputValue('#opt-as-of'), AS_OF);
    assert.equal(await calc.evaluate(() => window.location.hash), '');
    assert.match(calc.url(), /srdi-offline\.html/);
    // The calculator links here, and back.
    assert.equal(await page.getAttribute('#to-calculator', 'href'), 'srdi-offline.html');
  } finally {
    await context.close();
  }
});

test('a column mapped by hand counts, and is remembered only when asked; 清除全部 forgets it', async () => {
  const file = path.join(dir, 'own.csv');
  fs.writeFileSync(file, '企业名称,年营收（万元）,所属行业（划型）,从业人员\r\n甲,8600,工业,120\r\n');
  const context = await env.browser.newContext();
  const sizeOf = (page) => page.$eval('#results tbody tr td[data-col="4"]', (td) => td.textContent);  // 划型: the first added column
  try {
    const { page } = await openPage(context);
    await screenFile(page, file);
    assert.equal(await page.inputValue('#map-1'), '', 'the unknown header is not mapped');
    assert.equal(await sizeOf(page), '待定');
    await page.focus('#map-1');  // a menu holds its whole list once focused (as by a click or Tab)
    await page.selectOption('#map-1', 'revenue.last');
    await page.check('#remember-mapping');
    await page.click('#run');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'done');
    assert.equal(await sizeOf(page), '小型', '8600万元 and 120 staff in 工业 is 小型');
    // Another visit: the mapping comes back for the same header row.
    const again = (await openPage(context)).page;
    await screenFile(again, file);
    assert.equal(await again.inputValue('#map-1'), 'revenue.last');
    assert.equal(await sizeOf(again), '小型');
    await again.click('#clear');
    assert.equal(await again.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('srdi.batch')).length), 0);
  } finally {
    await context.close();
  }
});
