// The enterprise's next step (issue 14): every citation of a bundled text opens that text at its
// excerpt; a firm with nothing payable still sees what its city's documents pay for, whom to ask,
// and what reaching a higher rung would pay; the printed report has an application checklist;
// picking a sample, loading a file or 清除 can be undone; leaving with unsaved input asks first.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

let env;
test.before(async () => { env = await h.setup(); });
test.after(async () => { if (env) await env.close(); });

// A profile with only a city: no events, no titles, nothing payable.
const bare = (city) => JSON.stringify({ name: '测试企业', city, industry: 'industry', employees: 120, revenue: { last: '50000000.00' } });

async function openWith(context, profileText) {
  const page = await context.newPage();
  await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
  await h.rerender(page, () => page.evaluate((text) => {
    const input = document.getElementById('file-load');
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'profile.json', { type: 'application/json' }));
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, profileText));
  return page;
}

// The cities whose documents have a bundled text, from the data the page ships.
function bundledCities() {
  const cities = new Set();
  for (const dir of fs.readdirSync(path.join(h.REPO, 'policies'))) {
    const d = path.join(h.REPO, 'policies', dir);
    if (!fs.statSync(d).isDirectory()) continue;
    for (const f of fs.readdirSync(d).filter((x) => x.endsWith('.json'))) {
      const p = JSON.parse(fs.readFileSync(path.join(d, f), 'utf8'));
      if (p.kind === 'awards' && p.source && p.jurisdiction.level === 'city') cities.add(p.jurisdiction.id);
    }
  }
  return [...cities].sort();
}

test('every citation of a bundled text opens that text with its excerpt marked', async () => {
  const cities = bundledCities();
  assert.ok(cities.length >= 4, `expected the four bundled texts, got ${cities}`);
  const context = await env.browser.newContext();
  try {
    for (const city of cities) {
      const page = await openWith(context, bare(city));
      // Every folded list open, so each citation's button is there to press.
      const report = await page.evaluate(() => {
        document.querySelectorAll('#results details').forEach((d) => { d.open = true; });
        const out = { opened: 0, failures: [], unreachable: 0 };
        const buttons = [...document.querySelectorAll('#result-awards .open-source, #result-potential .open-source')];
        const seen = new Set();
        for (const b of buttons) {
          // A citation block quotes its excerpt; the button beside a 责任单位 line opens those words.
          const body = b.closest('.cite-body');
          const quote = body ? body.querySelector('blockquote').textContent
            : '责任单位：' + /责任单位（原文）：([^；]+)；/.exec(b.closest('.apply').textContent)[1];
          if (seen.has(quote)) continue;
          seen.add(quote);
          b.click();
          const dlg = document.getElementById('source-viewer');
          const hit = document.getElementById('source-hit');
          const norm = (s) => s.replace(/\s+/g, '');
          if (!dlg.open || !hit || norm(hit.textContent) !== norm(quote)) out.failures.push(quote.slice(0, 40));
          else out.opened += 1;
          dlg.close();
        }
        // A citation of an award document with a bundled text never says the text is missing.
        document.querySelectorAll('#result-awards article.doc').forEach((d) => {
          if (d.querySelector('.open-source') && /本计算器未收录该文件全文/.test(d.textContent)) out.unreachable += 1;
        });
        return out;
      });
      assert.deepEqual(report.failures, [], `${city}: citations that did not open at their excerpt`);
      assert.ok(report.opened >= 5, `${city}: only ${report.opened} citations opened`);
      assert.equal(report.unreachable, 0, `${city}: a document says its text is not bundled`);
      await page.close();
    }
  } finally {
    await context.close();
  }
});

test('a Jinan firm with no events sees what the draft pays for, its reach and whom to ask', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await openWith(context, bare('jinan'));
    const doc = page.locator('article.doc[data-policy="jinan-draft"]');
    assert.equal(await doc.getAttribute('data-certain'), '0.00');
    const list = doc.locator('details.measures');
    assert.equal(await list.evaluate((d) => d.open), true, 'the list is open when nothing is payable');
    const lg = list.locator('li.measure[data-measure="jn.new_little_giant"]');
    const text = await lg.innerText();
    assert.match(text, /200万元/);
    assert.match(text, /责任单位（原文）：市工业和信息化局、市科技局/);
    assert.match(text, /达到相应层级并获得认定后可申请/);
    // The renewal and 高新 measures are there too, each with its amount as the text states it.
    assert.match(await list.locator('li.measure[data-measure="jn.hnte_first"]').innerText(), /最高30万元/);
    assert.match(await list.locator('li.measure[data-measure="jn.renewal"]').innerText(), /最高20万元/);
    // The rung not yet met shows what it would pay, apart from the totals.
    const next = page.locator('#next-rungs-h');
    assert.equal(await next.count(), 1);
    assert.match(await page.locator('#result-potential').innerText(), /国家专精特新“小巨人”企业一次性奖励/);
    // Each rung says how to apply, and where no source says, that the year's notice decides.
    const tiers = await page.locator('#result-tiers .apply').allInnerTexts();
    assert.ok(tiers.length >= 2);
    assert.ok(tiers.some((x) => /线上填报/.test(x)), '小巨人 2026 shows 117号 线上填报');
    assert.ok(tiers.some((x) => /以当年申报通知为准/.test(x)));
    await h.screenshot(page, 'jinan-measures');
    await page.close();
  } finally {
    await context.close();
  }
});

test('the printed report has an application checklist with whom to ask', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
    await h.loadSample(page, 'little-giant-candidate');
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const text = await page.locator('#print-report').innerText();
    assert.match(text, /申请清单/);
    assert.match(text, /☐ 申请认定：专精特新“小巨人”企业/);
    assert.match(text, /国家专精特新“小巨人”企业一次性奖励：.*责任单位（原文）：市工业和信息化局、市科技局/);
    await page.close();
  } finally {
    await context.close();
  }
});

test('the printed report: page 1 is the summary alone, details follow on the next pages', async () => {
  // bypassCSP: the test adds a style rule (printing rebuilds the report, so inline styles would go).
  const context = await env.browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
    await h.loadSample(page, 'precision-parts');
    await page.emulateMedia({ media: 'print' });
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    const pages = (buf) => (buf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    const full = await page.pdf({ format: 'A4', printBackground: true });
    // The summary by itself fits one A4 page: with the details and appendix taken out, one page.
    await page.addStyleTag({ content: '.report-details, .report-appendix { display: none !important; }' });
    const summaryOnly = await page.pdf({ format: 'A4', printBackground: true });
    assert.equal(pages(summaryOnly), 1, 'the summary does not fit on page 1');
    assert.ok(pages(full) >= 3, `the report has ${pages(full)} pages`);
    const summary = await page.locator('.report-summary').innerText();
    for (const words of ['摘要', '企业规模（划型）', '专精特新中小企业', '关键指标', '研发费用占营业收入比重（上年度）', '确定可得']) {
      assert.ok(summary.includes(words), `the summary lacks ${words}`);
    }
    // No form wording in the report: the titles held print as the list, not as 按下表勾选.
    const report = await page.locator('#print-report').innerText();
    assert.doesNotMatch(report, /按下表勾选|未勾选即没有/);
    const head = await page.locator('#print-report > p').first().innerText();
    assert.match(head, /打印日期：\d{4}年\d{1,2}月\d{1,2}日/);
  } finally {
    await context.close();
  }
});

test('an error in a field keeps the focus in that field', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
    await page.click('#f-employees');
    await page.keyboard.type('-280');
    await h.eventually(async () => assert.equal(await page.locator('#input-errors').isVisible(), true));
    await page.waitForTimeout(500);  // the full pass after the pause too
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-employees');
    assert.match(await page.locator('#input-errors').innerText(), /不能为负数/);
    await page.fill('#f-employees', '');
    await page.keyboard.type('12.5');
    await h.eventually(async () => assert.match(await page.locator('#input-errors').innerText(), /请填写整数，不带小数/));
  } finally {
    await context.close();
  }
});

test('picking a sample after typing can be undone, and every field comes back', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
    await h.rerender(page, () => page.fill('#f-name', '我的企业'));
    await h.rerender(page, () => page.fill('#f-employees', '-280'));  // an error is kept as typed too
    await h.rerender(page, () => page.fill('#f-revenue-last', '3,000'));
    // An event without its required parameters is an error: the result stays as it was.
    await page.check('#ev-type-recognition');
    await page.waitForTimeout(200);
    const before = await h.readFields(page);
    await h.loadSample(page, 'precision-parts');
    const sampleName = await page.inputValue('#f-name');
    assert.notEqual(sampleName, '我的企业');
    const undo = page.locator('#btn-undo');
    assert.equal(await undo.count(), 1, 'an undo button follows the sample');
    // What comes back still has the unfinished event, so the result stays stale: no re-render to wait for.
    await undo.click();
    await h.eventually(async () => assert.deepEqual(await h.readFields(page), before));
    // The undo itself can be undone: the sample comes back, so nothing is lost either way.
    await page.click('#btn-undo');
    await h.eventually(async () => assert.equal(await page.inputValue('#f-name'), sampleName));
    await page.click('#btn-undo');
    await h.eventually(async () => assert.deepEqual(await h.readFields(page), before));
    // 清除我的数据 too.
    await h.rerender(page, () => page.click('#btn-clear'));
    assert.equal((await h.readFields(page))['#f-name'], '');
    await page.click('#btn-undo');
    await h.eventually(async () => assert.deepEqual(await h.readFields(page), before));
    await page.close();
  } finally {
    await context.close();
  }
});

test('leaving with unsaved input asks first; an untouched form or a kiosk does not', async () => {
  const context = await env.browser.newContext();
  try {
    const asks = async (url, typeSomething) => {
      const page = await context.newPage();
      await h.gotoReady(page, url);
      if (typeSomething) await h.rerender(page, () => page.fill('#f-employees', '12'));
      let asked = false;
      page.on('dialog', async (d) => { if (d.type() === 'beforeunload') asked = true; await d.accept(); });
      await page.close({ runBeforeUnload: true });
      await h.eventually(async () => assert.ok(page.isClosed() || asked));
      return asked;
    };
    assert.equal(await asks(env.url, true), true, 'typed and unsaved');
    assert.equal(await asks(env.url, false), false, 'nothing typed');
    assert.equal(await asks(env.url + '?kiosk=1', true), false, 'kiosk');
  } finally {
    await context.close();
  }
});

test('kiosk with keypad=1: the keypad types into a number field and the result follows', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true });
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?kiosk=1&keypad=1&as_of=' + h.AS_OF);
    assert.equal(await page.locator('#keypad').isVisible(), false, 'hidden until a number field has the focus');
    await page.focus('#f-employees');
    assert.equal(await page.locator('#keypad').isVisible(), true);
    for (const k of ['1', '2', '5', 'back', '0']) await page.click(`#keypad [data-key="${k}"]`);
    assert.equal(await page.inputValue('#f-employees'), '120');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-employees', 'the field keeps the focus');
    await h.rerender(page, () => page.click('#keypad [data-key="done"]'));
    assert.equal(await page.locator('#keypad').isVisible(), false);
    await h.screenshot(page, 'kiosk-keypad-closed');
    await page.focus('#f-revenue-last');
    await h.screenshot(page, 'kiosk-keypad');
    // After a language switch (the form is drawn again) the keypad still types, and there is one.
    await h.rerender(page, () => page.selectOption('#opt-lang', 'en'));
    assert.equal(await page.locator('#keypad').count(), 1);
    await page.focus('#f-employees');
    assert.equal(await page.locator('#keypad').isVisible(), true);
    await page.click('#keypad [data-key="clear"]');
    for (const k of ['9', '0']) await page.click('#keypad [data-key="' + k + '"]');
    assert.equal(await page.inputValue('#f-employees'), '90');
    // Without keypad=1 there is none.
    const plain = await context.newPage();
    await h.gotoReady(plain, env.url + '?kiosk=1&as_of=' + h.AS_OF);
    assert.equal(await plain.locator('#keypad').count(), 0);
  } finally {
    await context.close();
  }
});

test('phone 390 px: the titles table is usable and a live summary bar stays in sight while typing', async () => {
  const context = await env.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url + '?as_of=' + h.AS_OF);
    await h.loadSample(page, 'little-giant-candidate');
    const table = page.locator('table.holds');
    await table.scrollIntoViewIfNeeded();
    const sizes = await page.evaluate(() => {
      const sel = document.getElementById('hold-srdi_sme-level');
      const label = document.querySelector('label[for="hold-srdi_sme"]');
      return { select: sel.getBoundingClientRect().width, label: label.getBoundingClientRect().width, page: document.documentElement.clientWidth };
    });
    assert.ok(sizes.select >= 120, `the level select is ${sizes.select} px wide`);
    assert.ok(sizes.label >= 100, `the title label is ${sizes.label} px wide (one character per line?)`);
    await table.screenshot({ path: require('node:path').join(h.SCREENSHOTS, 'phone-390-holds.png') });
    // Typing in the form: the bar at the bottom shows the verdicts; at the results it gives way.
    await page.focus('#f-employees');
    const bar = page.locator('.to-results');
    await h.eventually(async () => assert.equal(await bar.isVisible(), true, await page.evaluate(() => document.getElementById('srdi-app').className)));
    assert.match(await page.locator('#live-summary').innerText(), /划型：/);
    await page.locator('#results').scrollIntoViewIfNeeded();
    await h.eventually(async () => assert.equal(await bar.isVisible(), false));
  } finally {
    await context.close();
  }
});
