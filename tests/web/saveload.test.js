// Save and load: the saved file is the profile that was loaded; reading it back through the file
// input restores the same fields and the same result. Also: remembering is off by default, and
// "clear" forgets.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

let env;
let context;
let page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-saveload-'));
test.before(async () => {
  env = await h.setup();
  context = await env.browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await h.gotoReady(page, env.url);
  await h.setAsOf(page, h.AS_OF);
});
test.after(async () => {
  if (env) await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

async function save() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-save')]);
  const file = path.join(tmp, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return { file, name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
}

test('save -> load round trip, for every sample', async (t) => {
  const ids = await h.sampleIds(page);
  assert.ok(ids.length >= 2, 'needs two samples to switch between');
  for (const [k, id] of ids.entries()) {
    await t.test(id, async () => {
      await h.loadSample(page, id);
      const fields = await h.readFields(page);
      const screen = await h.readScreen(page);
      await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(id)), id);

      const saved = await save();
      assert.match(saved.name, /\.json$/, 'the download is a .json file');
      const want = JSON.parse(fs.readFileSync(h.examplePath(id), 'utf8'));
      assert.deepEqual(JSON.parse(saved.text), want, 'the saved JSON is the profile that was loaded');

      // Switch to another sample, so loading the file is a real change.
      const other = ids[(k + 1) % ids.length];
      await h.loadSample(page, other);
      assert.notDeepEqual(await h.readFields(page), fields, `${other} fills the form differently`);

      await h.rerender(page, () => page.setInputFiles('#file-load', saved.file));
      assert.deepEqual(await h.readFields(page), fields, 'the fields after loading the saved file');
      await h.eventually(async () => assert.deepEqual(await h.readScreen(page), screen, 'the result after loading the saved file'));
      const status = await page.textContent('#file-status');
      assert.ok(status && status.trim(), '#file-status says nothing after loading');
    });
  }
});

// A profile using the kinds of value the samples leave out: an applicant, negative money, fen,
// 4-decimal percents, scores, a 科技奖励 object, an empty honours list, a title without level,
// two events of one type, counts, percents and money in events.
const EVERY_KIND = {
  name: '测试：各类字段',
  city: 'jinan',
  applicant: 'investor',
  industry: 'software_it',
  employees: 12,
  revenue: { last: '1234567.89', prev: '0.01' },
  total_assets: '5000000.00',
  net_profit: '-12345.67',
  rd_expense: { last: '100000.50' },
  market_share_domestic: '0.1234',
  market_rank_domestic: 3,
  platform_score: { this_year: '72.5' },
  digital_level: 2,
  distinctive_score: 0,
  sci_award: { national_rank: 2, national_year: 2025, ministerial_rank: 1, ministerial_year: 2024 },
  maker_china: 'top500',
  maker_china_year: 2024,
  honors: [],
  holds: [{ title: 'tech_sme', since: '2026-01-02' }],
  compliance: { not_abnormal: false },
  events: [
    { type: 'exhibition', booth_fee: '12345.67' },
    { type: 'equity_investment_made', amount: '5000000.00', years_held: 3 },
    { type: 'exhibition' },
    { type: 'guarantee_provided', loan: '3000000.00', fee_rate: '0.8' },
  ],
};

test('a profile with every kind of value: load, show, save unchanged', async () => {
  const file = path.join(tmp, 'every-kind.json');
  fs.writeFileSync(file, JSON.stringify(EVERY_KIND, null, 2));
  // The engine accepts it as it is.
  const want = h.cliEvaluate(file);
  await h.rerender(page, () => page.setInputFiles('#file-load', file));
  try {
    assert.equal(await page.inputValue('#opt-applicant'), 'investor', 'the applicant of the file is shown in #opt-applicant');
    assert.equal(await page.inputValue('#f-net_profit'), '-1.234567');
    assert.equal(await page.inputValue('#f-revenue-prev'), '0.000001');
    await h.assertScreenMatches(page, want, 'every-kind');
    const saved = JSON.parse((await save()).text);
    assert.deepEqual(saved, EVERY_KIND, 'the saved JSON is the profile that was loaded');
    // A sample without an applicant, loaded next, is evaluated for the enterprise (the profile's
    // default), not for the applicant of the file before.
    await h.loadSample(page, 'precision-parts');
    await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath('precision-parts')), 'precision-parts after a profile with an applicant');
    assert.equal(await page.inputValue('#opt-applicant'), 'enterprise');
  } finally {
    if ((await page.inputValue('#opt-applicant')) !== 'enterprise') {
      await h.rerender(page, () => page.selectOption('#opt-applicant', 'enterprise'));
    }
  }
});

test('a file with errors is refused and the form is left as it was', async () => {
  await h.loadSample(page, 'precision-parts');
  const fields = await h.readFields(page);
  const gen = await h.generation(page);
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, JSON.stringify({ revenue: { last: '1.234' }, revenu: 1 }));
  await page.setInputFiles('#file-load', bad);
  await h.eventually(async () => {
    const status = await page.textContent('#file-status');
    assert.match(status || '', /错误|有误/, `#file-status: ${status}`);
  });
  assert.deepEqual(await h.readFields(page), fields);
  assert.equal(await h.generation(page), gen, 'a refused file re-rendered the result');
  const notJson = path.join(tmp, 'not.json');
  fs.writeFileSync(notJson, '{"name": ');
  await page.setInputFiles('#file-load', notJson);
  await h.eventually(async () => assert.match((await page.textContent('#file-status')) || '', /JSON/));
  assert.deepEqual(await h.readFields(page), fields);
});

test('nothing is stored unless "remember" is ticked; clear forgets', async () => {
  assert.equal(await page.isChecked('#opt-remember'), false, '#opt-remember is off by default');
  await h.loadSample(page, 'precision-parts');
  const stored = () => page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i++) out[localStorage.key(i)] = localStorage.getItem(localStorage.key(i));
    return { local: out, session: sessionStorage.length, cookies: document.cookie };
  });
  assert.deepEqual(await stored(), { local: {}, session: 0, cookies: '' }, 'the page stored something without being asked');

  await page.check('#opt-remember');
  await h.rerender(page, () => page.fill('#f-employees', '187'));
  const s = await stored();
  assert.equal(Object.keys(s.local).length, 1, 'remembering stores the profile');
  assert.equal(JSON.parse(Object.values(s.local)[0]).employees, 187);

  // A new page in the same browser profile gets it back.
  const again = await context.newPage();
  try {
    await h.gotoReady(again, env.url);
    assert.equal(await again.inputValue('#f-employees'), '187');
    assert.equal(await again.isChecked('#opt-remember'), true);
  } finally {
    await again.close();
  }

  await h.rerender(page, () => page.click('#btn-clear'));
  assert.deepEqual((await stored()).local, {}, 'clear did not forget');
  assert.equal(await page.isChecked('#opt-remember'), false);
  assert.equal(await page.inputValue('#f-employees'), '');
});
