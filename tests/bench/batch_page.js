// The screening page's figures for scripts/bench.sh (docs/screening.md, not a timed test): a
// generated pool of N firms as .xlsx, imported, validated, screened with gaps and classed in
// headless Chromium, end to end; rows per second; and the main thread's long tasks (over 50 ms)
// during the run, from the browser's own PerformanceObserver. Usage: batch_page.js [N]
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('../web/harness');
const { generateProfiles } = require('../gen/profiles');
const { sheetOf } = require('../gen/sheet');

(async () => {
  const count = Number(process.argv[2] || 5000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-bench-'));
  const env = await h.setup();
  try {
    const schema = JSON.parse(execFileSync(h.CLI, ['schema']).toString());
    const csv = sheetOf(generateProfiles({ seed: 11, count, asOf: h.AS_OF }), schema);
    const writeXlsxFile = require('write-excel-file/node').default || require('write-excel-file/node');
    const rows = csv.trim().split(/\r\n/).map((l) => l.split(','));  // the generator's cells hold no comma or quote in these columns
    const file = path.join(dir, 'pool.xlsx');
    fs.writeFileSync(file, await writeXlsxFile(rows.map((r) => r.map((v) => (v === '' ? null : { value: v, type: String })))).toBuffer());
    const page = await (await env.browser.newContext()).newPage();
    await page.goto(env.url + 'batch.html');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'ready', null, { timeout: 30000 });
    await page.fill('#as-of', h.AS_OF);
    await page.dispatchEvent('#as-of', 'change');
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__long.push(e.duration); window.__longAt = (window.__longAt || []).concat(list.getEntries().map((e) => [Math.round(e.startTime), Math.round(e.duration)])); })
        .observe({ type: 'longtask', buffered: false });
    });
    const start = Date.now();
    await page.setInputFiles('#file', file);
    await page.waitForFunction(() => !document.getElementById('run').disabled, null, { timeout: 600000 });
    const imported = Date.now();
    await page.click('#run');
    await page.waitForFunction(() => document.documentElement.getAttribute('data-state') === 'done', null, { timeout: 1800000, polling: 500 });
    const done = Date.now();
    const long = await page.evaluate(() => window.__long);
    if (process.env.SRDI_BENCH_VERBOSE) console.log(await page.evaluate(() => JSON.stringify({ at: window.__longAt, now: Math.round(performance.now()) })), imported - start, done - start);
    const seconds = (done - start) / 1000;
    console.log(`  screening page, ${count} firms from .xlsx: ${seconds.toFixed(1)} s end to end (import ${((imported - start) / 1000).toFixed(1)} s), ` +
      `${Math.round(count / seconds)} rows/s; 100,000 firms at this rate: ${(100000 / (count / seconds)).toFixed(0)} s (target ≤ 15 s: ${100000 / (count / seconds) <= 15 ? 'PASS' : 'MISS'})`);
    const over = long.filter((d) => d > 50);
    console.log(`  main-thread long tasks during import and run: ${long.length}, longest ${long.length ? Math.max(...long).toFixed(0) : 0} ms, ` +
      `${over.length} over 50 ms (target 0: ${over.length === 0 ? 'PASS' : 'MISS'})`);
  } finally {
    await env.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
})().catch((e) => { console.error(e); process.exit(1); });
