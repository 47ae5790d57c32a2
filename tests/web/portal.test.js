// What a portal needs beyond the basic embeddings (issue 14, docs/embedding.md): the iframe posts
// its content height (srdi:resize) and can hide the calculator's own header and toolbar; the
// one-line <srdi-calculator> element mounts itself and reports results with each rung's gaps; a
// host rule on every element's font does not reach inside; printing the host prints the report.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

const HOSTS = path.join(__dirname, 'hosts');
const ELEMENT_HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Portal with the element (test host)</title>
<link rel="icon" href="data:,">
<style>* { font-family: "Courier New", monospace !important; }</style></head>
<body><h1>Portal</h1>
<srdi-calculator city="jinan" as_of="${h.AS_OF}" hide="header"></srdi-calculator>
<script src="srdi.js"></script><script src="srdi-wasm.js"></script><script src="srdi-lib.js"></script>
<script src="data.js"></script><script src="form.js"></script><script src="i18n.js"></script>
<script>
  // Listening before app.js defines the element: the first result may come before a later script runs.
  window.events = [];
  document.querySelector('srdi-calculator').addEventListener('srdi:result', function (e) { window.events.push(e.detail); });
</script>
<script src="srdi-style.js"></script><script src="app.js"></script></body></html>
`;

let env;
let dir;
let site;
let calc;
let portal;
test.before(async () => {
  env = await h.setup({ server: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-portal-'));
  for (const f of fs.readdirSync(h.WEB_ROOT)) {
    const p = path.join(h.WEB_ROOT, f);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(dir, f));
  }
  fs.writeFileSync(path.join(dir, 'element-host.html'), ELEMENT_HOST);
  site = await h.serveDir(dir, '127.0.0.1');
  calc = await h.serveDir(h.WEB_ROOT, '127.0.0.1');
  portal = await h.serveDir(HOSTS, 'localhost');
});
test.after(async () => {
  if (env) await env.close();
  for (const s of [site, calc, portal]) if (s) await s.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

test('the iframe posts its content height, and hide=header,toolbar leaves only the form and results', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const src = `${calc.origin}/index.html?origins=${encodeURIComponent(portal.origin)}&as_of=${h.AS_OF}&city=jinan&hide=header,toolbar`;
    await page.goto(`${portal.origin}/iframe-host.html?src=${encodeURIComponent(src)}`);
    const frame = await (await page.waitForSelector('#calc')).contentFrame();
    await h.waitReady(frame);
    await h.eventually(async () => {
      const sizes = (await page.evaluate(() => window.received)).filter((m) => m.data && m.data.type === 'srdi:resize');
      assert.ok(sizes.length >= 1, 'no srdi:resize');
      const last = sizes[sizes.length - 1].data.height;
      const real = await frame.evaluate(() => document.documentElement.scrollHeight);
      assert.ok(last > 800 && Math.abs(last - real) <= 2, `posted ${last}, content ${real}`);
    }, 15000);
    assert.equal(await frame.locator('.toolbar').isVisible(), false);
    assert.equal(await frame.locator('header.top').isVisible(), false);
    assert.equal(await frame.locator('#f-employees').isVisible(), true);
    // The height follows the content: another row in the titles table makes it taller.
    const before = (await page.evaluate(() => window.received)).filter((m) => m.data.type === 'srdi:resize').length;
    await frame.check('#ev-type-recognition');
    await h.eventually(async () => {
      const sizes = (await page.evaluate(() => window.received)).filter((m) => m.data.type === 'srdi:resize');
      assert.ok(sizes.length > before, 'no new srdi:resize after the content grew');
    });
  } finally {
    await context.close();
  }
});

test('<srdi-calculator> mounts itself, keeps its own font, reports gaps, and prints its report', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${site.origin}/element-host.html`);
    await h.waitElementReady(page, 'srdi-calculator');
    const inside = await page.evaluate(() => {
      const root = document.querySelector('srdi-calculator').shadowRoot;
      const label = root.querySelector('label[for="f-employees"]');
      return {
        font: getComputedStyle(label).fontFamily,
        header: getComputedStyle(root.querySelector('header.top')).display,
        city: root.querySelector('#f-city').value,
      };
    });
    assert.doesNotMatch(inside.font, /Courier/);
    assert.equal(inside.header, 'none');
    assert.equal(inside.city, 'jinan');
    await h.eventually(async () => {
      const events = await page.evaluate(() => window.events);
      assert.ok(events.length >= 1);
      const last = events[events.length - 1];
      for (const t of last.tiers) {
        assert.ok(Array.isArray(t.gaps) && Array.isArray(t.missing), JSON.stringify(t));
        if (t.verdict === 'undetermined') assert.ok(t.missing.length > 0 && t.missing.every((m) => !m.includes('/') && !m.includes('.')), JSON.stringify(t.missing));
      }
    });
    // Printing from the host: the calculator shows its report instead of its form.
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const printed = await page.evaluate(() => {
      const root = document.querySelector('srdi-calculator').shadowRoot;
      const report = root.querySelector('#print-report');
      return { report: getComputedStyle(report).display, text: report.innerText, form: getComputedStyle(root.querySelector('main')).display };
    });
    assert.equal(printed.report, 'block');
    assert.equal(printed.form, 'none');
    assert.match(printed.text, /专精特新政策自测报告/);
    await page.emulateMedia({ media: 'screen' });
    // Removing the element unmounts it.
    await page.evaluate(() => document.querySelector('srdi-calculator').remove());
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});
