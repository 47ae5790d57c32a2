// The served page and the single offline file (file://) both load, reach `ready`, expose a
// window.SRDI whose results are byte for byte the CLI's, and make no request beyond their own
// files.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./harness');

const PROFILES = h.exampleIds().map((id) => [id, fs.readFileSync(h.examplePath(id), 'utf8')]);

let env;
test.before(async () => {
  env = await h.setup();
});
test.after(async () => {
  if (env) await env.close();
});

for (const where of ['served', 'file']) {
  test(`${where === 'served' ? 'served page' : 'srdi-offline.html from file://'}: ready, SRDI = CLI byte for byte, no foreign request`, async () => {
    const context = await env.browser.newContext();
    try {
      const page = await context.newPage();
      const url = where === 'served' ? env.url : h.OFFLINE_URL;
      const rec = h.recordRequests(page, { onlyFile: where === 'file' ? h.OFFLINE_URL : null });
      await h.gotoReady(page, url);

      // The first full result is on screen, and it is marked.
      assert.ok(await h.generation(page) >= 1, '#results[data-generation] should be ≥ 1 once ready');
      const marks = await page.evaluate(() => performance.getEntriesByName('srdi-first-result').length);
      assert.equal(marks, 1, 'exactly one performance mark "srdi-first-result"');

      // window.SRDI: ready, versioned, and the same text as the CLI.
      const info = await page.evaluate(async () => {
        const api = await window.SRDI.ready;
        return { same: api === window.SRDI, version: window.SRDI.version };
      });
      assert.ok(info.same, 'SRDI.ready resolves with SRDI');
      assert.match(info.version, /^\d+\.\d+\.\d+$/);
      for (const [id, text] of PROFILES) {
        const fromPage = await page.evaluate(([p, o]) => window.SRDI.evaluate(p, o), [text, `{"as_of":"${h.AS_OF}"}`]);
        const fromCli = h.cliRaw('evaluate', h.examplePath(id));
        h.assertSameText(fromPage + '\n', fromCli, `${where}: SRDI.evaluate(${id}) differs from the CLI`);
        const cmpPage = await page.evaluate(([p, o]) => window.SRDI.compare(p, o), [text, `{"as_of":"${h.AS_OF}"}`]);
        h.assertSameText(cmpPage + '\n', h.cliRaw('compare', h.examplePath(id)), `${where}: SRDI.compare(${id}) differs from the CLI`);
      }
      // Errors come back as the CLI's error JSON (stderr), not as exceptions.
      const bad = await page.evaluate(() => JSON.parse(window.SRDI.evaluate('{"revenue": {"last": "1.234"}}', '{}')));
      assert.deepEqual(bad.errors.map((e) => [e.code, e.path]), [['profile.money_precision', '/revenue/last']]);

      // Use the page a little (a sample, the date) so lazily loaded parts would show up too.
      const ids = await h.sampleIds(page);
      assert.ok(ids.length >= 1, 'the sample menu lists samples');
      await h.loadSample(page, ids[ids.length - 1]);
      await h.setAsOf(page, h.AS_OF);
      await page.waitForTimeout(300);

      const offenders = rec.offenders(url);
      assert.deepEqual(offenders, [], `${where}: requests beyond the page's own files:\n  ${offenders.join('\n  ')}`);
      assert.deepEqual(rec.failures, [], `${where}: failed requests:\n  ${rec.failures.join('\n  ')}`);
      if (where === 'served') {
        const refused = env.served.filter((r) => r.status >= 400).map((r) => `${r.path} -> ${r.status}`);
        assert.deepEqual(refused, [], 'the browser asked the server for files that do not exist ' +
          '(for /favicon.ico: declare an icon, e.g. <link rel="icon" href="data:,">)');
        const own = rec.requests.map((r) => new URL(r.url).pathname);
        assert.ok(own.some((p) => p === '/' || p.endsWith('/index.html')), 'the page itself was requested');
      } else {
        // One self-contained file: nothing else is loaded, not even from file://.
        assert.deepEqual([...new Set(rec.requests.filter((r) => !/^(data|blob):/.test(r.url)).map((r) => r.url))], [h.OFFLINE_URL]);
      }
      assert.deepEqual(rec.errors, [], `${where}: page errors (CSP violations show here):\n  ${rec.errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
}
