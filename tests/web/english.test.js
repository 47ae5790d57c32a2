// The English interface (?lang=en, or the 语言 Language picker): the document language, the verdict
// badges and the form's labels are English, the verdicts are still the engine's (= the CLI's),
// switching languages keeps everything typed (even invalid text), and axe-core finds no serious or
// critical problem. Policy texts stay Chinese by design: the number of visible Chinese text
// pieces in the form is printed, not asserted; the form's labels must have none.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const SAMPLE = 'precision-parts';
const WORDS = { eligible: 'Eligible', not_eligible: 'Not eligible', undetermined: 'Undetermined', contested: 'Depends on the reading' };

let env;
let context;
let page;
const errors = [];
test.before(async () => {
  env = await h.setup();
  // axe-core is injected as a script: the page's CSP would refuse it.
  context = await env.browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack || e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  await h.gotoReady(page, `${env.url}index.html?lang=en&as_of=${h.AS_OF}`);
});
test.after(async () => {
  if (env) await env.close();
});

// [tier id, data-verdict, badge text] of every tier on screen.
const badges = () => page.$$eval('#result-tiers [data-tier-id]', (els) => els.map((e) => {
  const b = e.querySelector('.badge[class*="v-"]');
  return [e.dataset.tierId, e.dataset.verdict, b ? b.textContent.trim() : null];
}));

function assertBadges(got, label) {
  assert.ok(got.length > 0, `${label}: no tiers on screen`);
  for (const [id, verdict, text] of got) {
    assert.equal(text, WORDS[verdict], `${label}: the badge of ${id} (${verdict}) reads ${JSON.stringify(text)}`);
  }
}

test('lang=en: English document, badges and labels; the verdicts are the CLI\'s', async () => {
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.inputValue('#opt-lang'), 'en');
  // The empty form: every tier undetermined.
  await h.assertScreenMatches(page, h.cliEvaluate({}), 'empty form, English');
  assertBadges(await badges(), 'empty form');
  assert.ok((await badges()).some(([, v]) => v === 'undetermined'));

  await h.loadSample(page, SAMPLE);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en', 'loading a sample keeps the language');
  const want = h.cliEvaluate(h.examplePath(SAMPLE));
  await h.assertScreenMatches(page, want, `${SAMPLE}, English`);
  const got = await badges();
  assertBadges(got, SAMPLE);
  assert.deepEqual([...new Set(got.map(([, v]) => v))].sort(), ['eligible', 'not_eligible'], 'the sample shows both verdicts');

  const label = await page.textContent('label[for="f-employees"]');
  assert.match(label, /Employees/, `the label of #f-employees reads ${JSON.stringify(label)}`);
  // (Chinese left in labels, e.g. units, is the last test's business.)
  for (const [sel, re] of [['#sec-basic legend', /[A-Za-z]/], ['label[for="opt-as-of"]', /date/i]]) {
    const text = await page.textContent(sel);
    assert.match(text, re, `${sel} reads ${JSON.stringify(text)}`);
    assert.ok(!h.hasChinese(text), `${sel} has Chinese: ${JSON.stringify(text)}`);
  }
  assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
});

test('switching to Chinese and back keeps every typed value, even an invalid one', async () => {
  await h.loadSample(page, SAMPLE);
  await h.rerender(page, () => page.fill('#f-employees', '12x'));
  await h.rerender(page, () => page.fill('#f-rd_staff', '33'));
  await h.rerender(page, () => page.fill('#f-revenue-prev2', '6500.5'));
  await h.rerender(page, () => page.selectOption('#opt-criteria', 'miit-2022'));
  assert.equal(await page.getAttribute('#f-employees', 'aria-invalid'), 'true', '"12x" is marked invalid');
  const before = await h.readFields(page);
  assert.equal(before['#f-employees'], '12x');
  const evBefore = await page.$$eval('#events-list .ev', (els) => els.length);
  assert.ok(evBefore > 0, `the sample should bring events (${evBefore})`);
  const sample = await page.inputValue('#sample-select');

  await h.rerender(page, () => page.selectOption('#opt-lang', 'zh'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'Chinese: <html lang="zh-CN">');
  assert.ok(h.hasChinese(await page.textContent('label[for="f-employees"]')), 'the labels are Chinese again');
  assert.deepEqual(await h.readFields(page), before, 'switching to Chinese lost typed values');
  assert.equal(await page.inputValue('#sample-select'), sample);
  assert.equal(await page.getAttribute('#f-employees', 'aria-invalid'), 'true', 'the invalid value is still marked (Chinese)');
  assert.equal(await page.$$eval('#events-list .ev', (els) => els.length), evBefore);
  const badgeZh = await page.$$eval('#result-tiers .badge[class*="v-"]', (els) => els.map((e) => e.textContent.trim()));
  assert.ok(badgeZh.length > 0 && badgeZh.every((t) => ['符合', '不符合', '待定'].includes(t)), `Chinese badges: ${badgeZh}`);

  await h.rerender(page, () => page.selectOption('#opt-lang', 'en'));
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.deepEqual(await h.readFields(page), before, 'switching back to English lost typed values');
  assert.equal(await page.getAttribute('#f-employees', 'aria-invalid'), 'true', 'the invalid value is still marked (English)');
  assert.match(await page.textContent('#err-employees'), /[A-Za-z]/, 'the field error is in English');
  assert.ok(!h.hasChinese(await page.textContent('#err-employees')), 'the field error is in English');

  // The result is what the CLI says for what is typed (employees unknown: "12x" is not a number).
  const profile = JSON.parse(require('node:fs').readFileSync(h.examplePath(SAMPLE), 'utf8'));
  delete profile.employees;
  profile.rd_staff = 33;
  profile.revenue.prev2 = '65005000.00';
  await h.assertScreenMatches(page, h.cliEvaluate(profile, { criteria: 'miit-2022' }), 'after two language switches');
  assertBadges(await badges(), 'after two language switches');
  assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
});

test('English: axe-core finds no serious or critical violation', async () => {
  await h.loadSample(page, SAMPLE);
  await page.waitForTimeout(1200); // the comparison table renders when idle
  const res = await h.runAxe(page);
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => v.id), [], `axe-core, English:\n${h.formatViolations(bad)}`);
});

test('English: the form\'s labels have no Chinese (policy texts may)', async () => {
  await h.loadSample(page, SAMPLE);
  // Every visible piece of text in the form (labels, legends, hints, notes, table headings).
  const pieces = await page.evaluate(() => {
    const han = /[\u3400-\u4dbf\u4e00-\u9fff]/;
    const out = [];
    const walker = document.createTreeWalker(document.getElementById('profile-form'), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || el.closest('select, option, script, style')) continue;
      const text = n.textContent.trim();
      if (!text) continue;
      const visible = el.checkVisibility ? el.checkVisibility() : !!el.offsetParent;
      if (!visible || !han.test(text)) continue;
      const owner = el.closest('label, legend, .hint, .section-note, th, p, td') || el;
      out.push(`${owner.tagName.toLowerCase()}${owner.id ? '#' + owner.id : ''}${owner.className ? '.' + owner.className.split(' ')[0] : ''}: ${text.slice(0, 60)}`);
    }
    return out;
  });
  console.log(`# English mode: ${pieces.length} visible text piece(s) in the form contain Chinese characters`);
  for (const p of pieces.slice(0, 40)) console.log(`#   ${p}`);

  const labels = await page.$$eval('#profile-form label', (els) => els.map((l) => [l.htmlFor || '', l.textContent.trim()]));
  assert.ok(labels.length > 20, `expected the form's labels, found ${labels.length}`);
  const chinese = labels.filter(([, text]) => h.hasChinese(text));
  assert.deepEqual(chinese.map(([id, text]) => `label[for=${id}]: ${text}`), [],
    `${chinese.length} of ${labels.length} labels of the form are still Chinese in English mode`);
});

// Policy words stay Chinese and are marked so (lang="zh-CN"): citations, measure and criterion
// titles, interpretations, document numbers. Everything else the results say is composed in English.
test('English results have no Chinese outside quoted policy text and titles, for every sample', async () => {
  for (const id of await h.sampleIds(page)) {
    await h.loadSample(page, id);
    const found = await page.evaluate(() => {
      document.querySelectorAll('#results details').forEach((d) => { d.open = true; });
      const quoted = '.cite, blockquote, .line-title, .node-title, [lang="zh-CN"], .interp';
      const out = [];
      const walker = document.createTreeWalker(document.getElementById('results'), NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest(quoted)) continue;
        if (/[\u3400-\u4dbf\u4e00-\u9fff]/.test(n.textContent)) out.push(`${el.tagName.toLowerCase()}.${el.className}: ${n.textContent.trim().slice(0, 60)}`);
      }
      return out;
    });
    assert.deepEqual(found, [], `${id}: Chinese outside policy text in the English results`);
  }
});
