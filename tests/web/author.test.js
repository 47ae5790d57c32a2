// The authoring view (index.html?author=1, web/author.js): a draft policy file and its source text
// chosen in the browser are checked (warnings listed with the measure they concern), the measures
// are shown beside the source with every found excerpt marked (a wrong excerpt is flagged), the
// sample firms are run in the draft's city, the calculator below pays by the draft, 卸载草稿 keeps
// what was typed, and nothing is requested from any other origin. Not in a kiosk, not in the
// one-file page. The fixture is a fictitious city (tests/fixtures/policies/fictional-city-demo.json).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const FIX = path.join(h.REPO, 'tests/fixtures');
const POLICY = path.join(FIX, 'policies/fictional-city-demo.json');
const WRONG = path.join(FIX, 'policies/fictional-city-demo-wrong-excerpt.json');
const SOURCE = path.join(FIX, 'sources/fictional-city-demo.txt');
const SOURCE_GBK = path.join(FIX, 'sources/fictional-city-demo.gbk.txt');
const GOLDEN = path.join(FIX, 'golden/fictional-city-demo.json');

let env;
test.before(async () => { env = await h.setup(); });
test.after(async () => { if (env) await env.close(); });

async function openAuthor(context, query = '') {
  const page = await context.newPage();
  const rec = h.recordRequests(page);
  await h.gotoReady(page, `${env.url}index.html?author=1&as_of=${h.AS_OF}${query}`);
  await page.waitForSelector('#srdi-author #author-policy');
  return { page, rec };
}

// Chooses a file in the panel and waits until the panel has processed it.
async function choose(page, id, file, expect) {
  await page.setInputFiles(`#${id}`, file);
  await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('#author-status').textContent), expect.source, { timeout: 10000 });
}

test('a draft and its source: warnings by measure, excerpts marked, a wrong one flagged, sample firms, golden cases', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, rec } = await openAuthor(context);
    assert.match(await page.textContent('#author-status'), /请先选择政策文件草稿/);
    await choose(page, 'author-policy', WRONG, /fictional-city-demo-wrong-excerpt\.json/);
    await h.waitSettled(page, 0);
    await choose(page, 'author-source', SOURCE, /原文：fictional-city-demo\.txt（UTF-8）/);

    // The checker's warnings, each at its measure.
    const warnings = await page.$$eval('#author-check .warnings li', (ls) => ls.map((l) => ({ code: l.dataset.code, text: l.textContent })));
    const codes = warnings.map((w) => w.code);
    assert.ok(codes.includes('check.excerpt_not_found'), JSON.stringify(codes));
    assert.ok(codes.includes('check.no_golden'), JSON.stringify(codes));
    const excerpt = warnings.find((w) => w.code === 'check.excerpt_not_found');
    assert.match(excerpt.text, /措施 xn\.exhibition_booth（展会展位费补贴（示例））\s*\/measures\/2\/citation\/excerpt/);
    assert.equal(await page.locator('#author-check .errors').count(), 0);

    // Every found excerpt is one mark; the wrong one is flagged.
    const side = await page.evaluate(() => {
      const items = Array.from(document.querySelectorAll('#author-side .author-measure'));
      return {
        measures: items.length,
        missing: items.filter((i) => i.classList.contains('author-missing')).map((i) => i.dataset.measure),
        marks: Array.from(document.querySelectorAll('#author-side .author-source mark')).map((m) => m.textContent),
        excerpts: items.map((i) => i.querySelector('blockquote').textContent),
        flagged: Array.from(document.querySelectorAll('#author-side .author-flag')).map((f) => f.textContent),
      };
    });
    assert.equal(side.measures, 4);
    assert.deepEqual(side.missing, ['xn.exhibition_booth']);
    assert.deepEqual(side.flagged, ['原文中找不到摘录']);
    const source = fs.readFileSync(SOURCE, 'utf8');
    const found = side.excerpts.filter((e) => source.includes(e));
    assert.equal(side.marks.length, found.length, 'one mark per found excerpt');
    assert.equal(side.marks.length, 3);
    for (const m of side.marks) assert.ok(found.includes(m), `mark ${m} is an excerpt`);

    // Measure -> mark and mark -> measure.
    await page.click('#author-side .author-measure[data-measure="xn.new_innovative"] .author-go');
    assert.match(await page.textContent('#author-side .author-source mark.current'), /创新型中小企业称号/);
    await page.click('#author-side .author-source mark[data-measures="0"]');
    assert.equal(await page.getAttribute('#author-side .author-measure.current', 'data-measure'), 'xn.new_little_giant');

    // Sample firms in the draft's city: at least one measure pays.
    const fires = await page.$$eval('#author-samples td.author-fires', (tds) => tds.map((td) => [td.closest('tr').dataset.measure, td.dataset.firm, td.textContent]));
    assert.ok(fires.length >= 1, 'a measure fires for a sample firm');
    assert.ok(fires.some(([m, firm, text]) => m === 'xn.new_little_giant' && firm === 'benshi-instrument-maker' && /50万元/.test(text)), JSON.stringify(fires));
    assert.ok(fires.some(([m, firm, text]) => m === 'xn.exhibition_booth' && firm === 'precision-parts' && /9000元/.test(text)), JSON.stringify(fires));
    assert.equal(await page.locator('#author-samples thead th[data-firm]').count(), await page.$$eval('#sample-select option', (os) => os.filter((o) => o.value).length));

    // The table follows the calculator's evaluation date.
    await h.setAsOf(page, '2026-06-30');
    assert.match(await page.textContent('#author-samples'), /评估日期 2026-06-30/);

    // The correct draft: every excerpt marked, nothing flagged. A GBK source decodes too.
    await choose(page, 'author-policy', POLICY, /政策文件：fictional-city-demo\.json/);
    assert.equal(await page.locator('#author-side .author-source mark').count(), 4);
    assert.equal(await page.locator('#author-side .author-missing').count(), 0);
    await choose(page, 'author-source', SOURCE_GBK, /（GBK）/);
    assert.equal(await page.locator('#author-side .author-source mark').count(), 4);
    assert.match(await page.textContent('#author-side .author-source'), /虚拟市工业和信息化局/);

    // Golden cases: the fixture passes; a case with a wrong expectation is listed.
    await choose(page, 'author-golden', GOLDEN, /黄金用例：fictional-city-demo\.json/);
    assert.match(await page.textContent('#author-golden-result'), /3 个用例，0 个未通过/);
    const bad = JSON.parse(fs.readFileSync(GOLDEN, 'utf8'));
    bad.cases[0].award_expect['xn.new_little_giant']['/amount/certain'] = '400000.00';
    await page.setInputFiles('#author-golden', { name: 'bad-golden.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await page.waitForFunction(() => /1 个未通过/.test(document.querySelector('#author-golden-result').textContent));
    assert.equal(await page.locator('#author-golden-result li').count(), 1);

    assert.deepEqual(rec.offenders(), [], 'nothing requested from another origin');
    assert.equal(rec.requests.filter((r) => r.type === 'fetch' || r.type === 'xhr').length, 0, 'the files are never sent');
    assert.deepEqual(rec.errors, []);
  } finally {
    await context.close();
  }
});

test('the calculator pays by the draft in its city; 卸载草稿 keeps the typed input', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, rec } = await openAuthor(context);
    const before = await h.generation(page);
    await choose(page, 'author-policy', POLICY, /草稿已加载/);
    await h.waitSettled(page, before);
    assert.equal(await page.inputValue('#f-city'), 'xuni', 'the draft\'s city is selected');

    // Typed by hand: an exhibition with a booth fee of 1.8万元.
    await h.rerender(page, () => page.check('#ev-type-exhibition'));
    await h.rerender(page, () => page.fill('#ev-0-booth_fee', '1.8'));
    await h.rerender(page, () => page.fill('#f-employees', '120'));
    const line = page.locator('#result-awards [data-policy="fictional-city-demo"] li.line[data-measure="xn.exhibition_booth"]');
    await line.first().waitFor();
    assert.match(await line.first().textContent(), /9000元/);
    assert.match(await page.textContent('#result-awards [data-policy="fictional-city-demo"]'), /征求意见稿/);
    const typed = await h.readFields(page);

    // The citation opens the chosen source text? None chosen: it says so.
    assert.match(await line.first().locator('details.cite').textContent(), /本页没有它的原文/);

    const gen = await h.generation(page);
    await page.click('#author-unload');
    await h.waitSettled(page, gen);
    assert.match(await page.textContent('#author-status'), /已卸载草稿/);
    assert.deepEqual(await h.readFields(page), typed, 'every field as typed');
    assert.equal(await page.locator('#result-awards [data-policy="fictional-city-demo"]').count(), 0, 'the draft no longer pays');
    assert.equal(await page.inputValue('#ev-0-booth_fee'), '1.8');
    assert.deepEqual(rec.offenders(), []);
    assert.deepEqual(rec.errors, []);
  } finally {
    await context.close();
  }
});

test('with the source text chosen, a draft\'s citation opens that text, not a bundled one', async () => {
  const context = await env.browser.newContext();
  try {
    const { page } = await openAuthor(context, '&city=xuni');
    await choose(page, 'author-policy', POLICY, /草稿已加载/);
    await choose(page, 'author-source', SOURCE, /UTF-8/);
    await page.waitForFunction(() => document.querySelector('#result-awards [data-policy="fictional-city-demo"] .open-source'));
    await page.$$eval('#result-awards [data-policy="fictional-city-demo"] details', (ds) => ds.forEach((d) => { d.open = true; }));
    await page.click('#result-awards [data-policy="fictional-city-demo"] .open-source');
    await page.waitForSelector('#source-viewer[open]');
    assert.match(await page.textContent('#source-text'), /虚构示例/);
    assert.ok(await page.locator('#source-hit').count());
  } finally {
    await context.close();
  }
});

test('the same 责任单位 words closing several clauses open at this clause, not the first one (the guide\'s worked example)', async () => {
  const context = await env.browser.newContext();
  try {
    const ex = path.join(h.REPO, 'docs/examples');
    const { page } = await openAuthor(context);
    await choose(page, 'author-policy', path.join(ex, 'xuni-demo.json'), /草稿已加载/);
    await choose(page, 'author-source', path.join(ex, 'xuni-demo.txt'), /原文：xuni-demo\.txt/);
    await h.waitSettled(page, 0);
    // 二 ends with （责任单位：市工业和信息化局）, as 一 does before it.
    const source = fs.readFileSync(path.join(ex, 'xuni-demo.txt'), 'utf8');
    const words = '（责任单位：市工业和信息化局）';
    assert.ok(source.indexOf(words) < source.indexOf('二、对认定为省级'), 'the same words close clause 一 first');
    const item = page.locator('#result-awards li.measure[data-measure="xuni.provincial_srdi"]');
    await item.waitFor();
    await item.locator('.apply button.open-source').click();
    await page.waitForSelector('#source-hit');
    const before = await page.$eval('#source-text', (el) => {
      const hit = el.querySelector('#source-hit');
      let text = '';
      for (const n of el.childNodes) { if (n === hit) break; text += n.textContent; }
      return text;
    });
    assert.match(await page.textContent('#source-hit'), /责任单位：市工业和信息化局/);
    assert.ok(/二、对认定为省级专精特新中小企业的，给予一次性奖励20万元。$/.test(before), 'the mark closes clause 二: ' + before.slice(-60));
  } finally {
    await context.close();
  }
});

test('axe-core: no violation in the authoring panel', async () => {
  const context = await env.browser.newContext({ bypassCSP: true });
  try {
    const { page } = await openAuthor(context);
    await choose(page, 'author-policy', WRONG, /草稿已加载/);
    await choose(page, 'author-source', SOURCE, /UTF-8/);
    await choose(page, 'author-golden', GOLDEN, /黄金用例/);
    const res = await h.runAxe(page, { include: [['#srdi-author']] });
    assert.equal(res.violations.length, 0, `axe violations in the authoring panel:\n${h.formatViolations(res.violations)}`);
  } finally {
    await context.close();
  }
});

test('never in a kiosk; the one-file page shows a notice and loads no author.js', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const rec = h.recordRequests(page);
    await h.gotoReady(page, `${env.url}index.html?author=1&kiosk=1`);
    assert.equal(await page.locator('#srdi-author').count(), 0);
    assert.ok(!rec.requests.some((r) => /author\.js/.test(r.url)));

    const offline = await context.newPage();
    const rec2 = h.recordRequests(offline, { onlyFile: h.OFFLINE_URL });
    await h.gotoReady(offline, `${h.OFFLINE_URL}?author=1`);
    assert.equal(await offline.locator('#srdi-author').count(), 0);
    assert.match(await offline.textContent('#policy-notices'), /编写视图不在单文件离线版中/);
    assert.ok(!rec2.requests.some((r) => /author\.js/.test(r.url)));
    assert.deepEqual(rec2.offenders(h.OFFLINE_URL), []);
  } finally {
    await context.close();
  }
  const html = fs.readFileSync(h.OFFLINE_FILE, 'utf8');
  assert.ok(!html.includes('window.SRDI_AUTHOR = { init'), 'author.js is not inlined into srdi-offline.html');
  assert.ok(fs.existsSync(path.join(h.WEB_ROOT, 'author.js')), 'build/web/author.js is copied');
});
