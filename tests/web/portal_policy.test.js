// A portal's own policy file (option `policy`, docs/embedding.md "A city's own policy file"): the
// page fetches same-origin policy files before the form is built, so a new city is offered and the
// calculator pays by the file; a URL of another origin is refused without any request and with a
// notice; a broken file shows its errors and the bundled calculator still works; the summary's
// data_version names the file with the SHA-256 of the served bytes. The one-file page fetches
// nothing. The fixture is a fictitious city (tests/fixtures/policies/fictional-city-demo.json).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('./harness');

const FIXTURE = path.join(h.REPO, 'tests/fixtures/policies/fictional-city-demo.json');
const BYTES = fs.readFileSync(FIXTURE);
const SHA = crypto.createHash('sha256').update(BYTES).digest('hex');
const BROKEN = '{"id": "broken-demo", "kind": "awards", "title": "坏文件"}\n';

// A host page with a CSP of its own: scripts from its origin, connections to its origin only.
const HOST = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src data:; connect-src 'self'">
<title>Portal with its own policy file (test host)</title><link rel="icon" href="data:,"></head>
<body><h1>Portal</h1><div id="host"></div>
<srdi-calculator id="el" policy="/policies/fictional-city-demo.json" city="xuni" as_of="${h.AS_OF}"></srdi-calculator>
<script src="srdi.js"></script><script src="srdi-wasm.js"></script><script src="srdi-lib.js"></script>
<script src="data.js"></script><script src="form.js"></script><script src="i18n.js"></script>
<script src="srdi-style.js"></script><script src="app.js"></script><script src="host.js"></script></body></html>
`;
const HOST_JS = `window.callbacks = [];
window.mountCalc = function (options) {
  var opts = { as_of: '${h.AS_OF}' };
  for (var k in options || {}) opts[k] = options[k];
  opts.onResult = function (summary) { window.callbacks.push(summary); };
  window.handle = window.SRDI.mount(document.getElementById('host'), opts);
  return true;
};
`;

let env;
let dir;
let site;
let other;
const otherSeen = [];

test.before(async () => {
  env = await h.setup({ server: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-portal-policy-'));
  for (const f of fs.readdirSync(h.WEB_ROOT)) {
    const p = path.join(h.WEB_ROOT, f);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(dir, f));
  }
  fs.mkdirSync(path.join(dir, 'policies'));
  fs.writeFileSync(path.join(dir, 'policies/fictional-city-demo.json'), BYTES);
  fs.writeFileSync(path.join(dir, 'policies/broken-demo.json'), BROKEN);
  fs.writeFileSync(path.join(dir, 'host.html'), HOST);
  fs.writeFileSync(path.join(dir, 'host.js'), HOST_JS);
  site = await h.serveDir(dir, '127.0.0.1');
  // The same files under another origin: a policy URL there must never be requested.
  other = await h.serveDir(dir, 'localhost');
  other.server.on('request', (req) => otherSeen.push(req.url));
});
test.after(async () => {
  if (env) await env.close();
  for (const s of [site, other]) if (s) await s.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

// The CLI's result for a profile with the fixture loaded (`srdi evaluate --policies FILE`).
function cliWithFixture(profile) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-pp-'));
  try {
    const file = path.join(tmp, 'profile.json');
    fs.writeFileSync(file, JSON.stringify(profile));
    return JSON.parse(execFileSync(h.CLI, ['evaluate', '--format', 'compact', '--profile', file, '--as-of', h.AS_OF, '--policies', FIXTURE],
      { encoding: 'utf8', maxBuffer: 64 << 20 }));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

async function newPage(context) {
  const page = await context.newPage();
  const rec = h.recordRequests(page);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  return { page, rec, warnings };
}

const cityOptions = (page) => page.$$eval('#f-city option', (os) => os.map((o) => o.value));

test('index.html?policy=<same-origin file>: the new city is offered and the calculator pays by the file', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, rec } = await newPage(context);
    await h.gotoReady(page, `${site.origin}/index.html?policy=policies/fictional-city-demo.json&city=xuni&as_of=${h.AS_OF}`);
    assert.ok((await cityOptions(page)).includes('xuni'), 'the fixture\'s city is offered');
    assert.equal(await page.inputValue('#f-city'), 'xuni');
    const notice = await page.textContent('#policy-notices');
    assert.match(notice, /fictional-city-demo\.json/);
    // The policy file was fetched once, from the page's own origin.
    const fetched = rec.requests.filter((r) => r.url.endsWith('/policies/fictional-city-demo.json'));
    assert.equal(fetched.length, 1);
    assert.equal(fetched[0].type, 'fetch');
    assert.deepEqual(rec.offenders(), []);

    // A sample, moved to the fictitious city: what the page shows is what the CLI gives with the file.
    await h.loadSample(page, 'precision-parts');
    await h.rerender(page, () => page.selectOption('#f-city', 'xuni'));
    const profile = JSON.parse(fs.readFileSync(h.examplePath('precision-parts'), 'utf8'));
    profile.city = 'xuni';
    const want = cliWithFixture(profile);
    assert.ok(want.awards.documents.some((d) => d.policy === 'fictional-city-demo'));
    await h.assertScreenMatches(page, want, 'precision-parts in xuni');
    const line = page.locator('#result-awards [data-policy="fictional-city-demo"] li.line[data-measure="xn.exhibition_booth"]');
    await line.first().waitFor();
    assert.match(await line.first().textContent(), /9000元|0\.9万元/);
    assert.match(await page.textContent('#result-awards [data-policy="fictional-city-demo"]'), /征求意见稿/, 'the draft is labelled');
    // The data-version stamp names the file with the SHA-256 of the served bytes.
    const hash = await page.getAttribute('#result-stamp .hash[title*="' + SHA + '"]', 'title');
    assert.ok(hash, 'the stamp shows the file\'s SHA-256');
    // The source text is not bundled: the citation says so and offers no viewer.
    const cite = await page.textContent('#result-awards [data-policy="fictional-city-demo"] li.line[data-measure="xn.exhibition_booth"] details.cite');
    assert.match(cite, /本页没有它的原文/);
    assert.equal(await page.locator('#result-awards [data-policy="fictional-city-demo"] li.line .open-source').count(), 0);
    assert.deepEqual(rec.errors, []);
  } finally {
    await context.close();
  }
});

test('SRDI.mount({policy}) and <srdi-calculator policy>: the host page fetches the file; data_version carries its SHA-256', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, rec } = await newPage(context);
    await page.goto(`${site.origin}/host.html`);
    await h.waitElementReady(page, '#el');
    const elCities = await page.evaluate(() => Array.from(document.querySelector('#el').shadowRoot.querySelectorAll('#f-city option')).map((o) => o.value));
    assert.ok(elCities.includes('xuni'), 'the element offers the fixture\'s city');

    await page.evaluate(() => window.mountCalc({ policy: '/policies/fictional-city-demo.json', city: 'xuni' }));
    await h.waitElementReady(page, '#host');
    const summary = await page.waitForFunction(() => {
      const s = window.callbacks[window.callbacks.length - 1];
      return s && s.awards.some((a) => a.policy === 'fictional-city-demo') ? s : null;
    }, null, { timeout: 15000 }).then((x) => x.jsonValue());
    const entry = summary.data_version.policies.find((p) => p.id === 'fictional-city-demo');
    assert.ok(entry, 'data_version names the loaded file');
    assert.equal(entry.file, 'fictional-city-demo.json');
    assert.equal(entry.sha256, SHA, 'sha256 of the served bytes');
    assert.equal(entry.status, 'draft');
    const award = summary.awards.find((a) => a.policy === 'fictional-city-demo');
    assert.equal(award.status, 'draft');
    assert.deepEqual(rec.offenders(), []);
    assert.deepEqual(rec.errors, [], 'no CSP violation or error in the host page');
  } finally {
    await context.close();
  }
});

test('a policy URL of another origin makes no request and shows the notice; the bundled calculator works', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, rec, warnings } = await newPage(context);
    const before = otherSeen.length;
    const url = `${other.origin}/policies/fictional-city-demo.json`;
    await h.gotoReady(page, `${site.origin}/index.html?policy=${encodeURIComponent(url)}&as_of=${h.AS_OF}`);
    const notice = page.locator('#policy-notices .policy-failed');
    assert.equal(await notice.count(), 1);
    const text = await notice.textContent();
    assert.match(text, /本站配置的政策文件 fictional-city-demo\.json 未能加载/);
    assert.match(text, /不是本站的地址/);
    assert.match(text, /内置的政策/);
    assert.ok(warnings.some((w) => /refused: not of this page's origin/.test(w)), 'console.warn names the refusal');
    assert.ok(!(await cityOptions(page)).includes('xuni'));
    assert.equal(otherSeen.length, before, 'the other origin received no request');
    assert.deepEqual(rec.offenders(), []);
    assert.equal(rec.requests.filter((r) => r.type === 'fetch').length, 0, 'no fetch at all');
    await h.loadSample(page, 'precision-parts');
    await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath('precision-parts')), 'bundled precision-parts');

    // The same refusal in SRDI.mount (the host's own fetch, never made).
    const { page: host } = await newPage(context);
    await host.goto(`${site.origin}/host.html`);
    await host.evaluate((u) => window.mountCalc({ policy: u }), url);
    await h.waitElementReady(host, '#host');
    const mounted = await host.evaluate(() => document.querySelector('#host').shadowRoot.querySelector('#policy-notices').textContent);
    assert.match(mounted, /不是本站的地址/);
    assert.equal(otherSeen.length, before, 'the other origin received no request');
  } finally {
    await context.close();
  }
});

test('a broken policy file shows its errors above the form; the calculator works with the bundled policies', async () => {
  const context = await env.browser.newContext();
  try {
    const { page } = await newPage(context);
    await h.gotoReady(page, `${site.origin}/index.html?policy=policies/broken-demo.json,policies/missing.json&as_of=${h.AS_OF}`);
    const failed = page.locator('#policy-notices .policy-failed');
    assert.equal(await failed.count(), 2);
    const broken = await failed.nth(0).textContent();
    assert.match(broken, /本站配置的政策文件 broken-demo\.json 未能加载/);
    assert.match(broken, /缺少必填字段/, 'the engine\'s error messages are listed');
    assert.ok((await failed.nth(0).locator('li').count()) >= 2, 'every error is listed');
    assert.match(await failed.nth(1).textContent(), /missing\.json[\s\S]*HTTP 404/);
    await h.loadSample(page, 'little-giant-candidate');
    await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath('little-giant-candidate')), 'bundled little-giant-candidate');
  } finally {
    await context.close();
  }
});

test('the one-file page keeps connect-src \'none\': option policy shows a notice and fetches nothing', async () => {
  const html = fs.readFileSync(h.OFFLINE_FILE, 'utf8');
  assert.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)[1], /(^|; )connect-src 'none'(;|$)/);
  const context = await env.browser.newContext();
  try {
    const { page, rec } = await newPage(context);
    await h.gotoReady(page, `${h.OFFLINE_URL}?policy=policies/fictional-city-demo.json&as_of=${h.AS_OF}`);
    assert.match(await page.textContent('#policy-notices'), /单文件离线版不能加载政策文件/);
    assert.equal(rec.requests.filter((r) => r.type === 'fetch').length, 0);
    assert.deepEqual(rec.offenders(h.OFFLINE_URL), []);
  } finally {
    await context.close();
  }
});
