// Save/load round trip on generated profiles (tests/gen/profiles.js, fixed seed): each profile is
// loaded through the file input and saved; the page must show what the CLI shows for it, the
// saved file must be the same profile and give the same result (native CLI), and loading it back
// must restore the same form and the same result on the page.
//
// Four kinds of valid profile that the page used to change on load (findings, below) are also
// pinned with minimal profiles of their own, and entered through the controls.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');
const { generateProfiles } = require('../gen/profiles');

const SEED = 20261122;
const COUNT = 25;

let env;
let page;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-saveload-prop-'));
test.before(async () => {
  env = await h.setup();
  const context = await env.browser.newContext({ acceptDownloads: true });
  page = await context.newPage();
  await h.gotoReady(page, env.url);
  await h.setAsOf(page, h.AS_OF);
});
test.after(async () => {
  if (env) await env.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

let saves = 0;
async function save() {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-save')]);
  const file = path.join(tmp, `saved-${++saves}.json`);
  await download.saveAs(file);
  return { file, text: fs.readFileSync(file, 'utf8') };
}

async function load(file) {
  await h.rerender(page, () => page.setInputFiles('#file-load', file));
  const status = (await page.textContent('#file-status')) || '';
  assert.doesNotMatch(status, /错误|有误|JSON/, `the page refused ${path.basename(file)}: ${status}`);
}

// The page writes the profile it rebuilds from the form, so a saved file may differ from the
// loaded one only where the profile format says two spellings mean the same (docs/profile.md).
// Both sides are brought to one spelling before they are compared:
// - a key written null is the same as a key left out (`"revenue": null`, `"ip": {"class1": null}`,
//   a holds entry's `level: null`, an event parameter `null`), and a group left with no key is
//   the same as no group. Not inside `sci_award`: there a rank left out means "no award at that
//   level" and a rank written null means unknown, so those stay as written;
// - the award years (`sci_award.national_year`, …): null and left out are both unknown;
// - `events`: absent, null and [] all mean that no event is reported;
// - `honors` is a set (the page writes it in its own order; duplicates are harmless);
// - `holds` is a multiset: the page writes the titles in its table order (evaluation does not
//   depend on list order: tests/unit/property_test.cpp). Duplicates are kept;
// - key order: assert.deepEqual ignores it.
// Numbers are compared as written: money, percents and scores are strings in the generator, and
// the page keeps the digits.
const GROUPS = new Set(['revenue', 'main_business_revenue', 'rd_expense', 'equity_financing', 'ip', 'quality',
  'platform_score', 'compliance']);
function normalise(profile) {
  const dropNulls = (o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));
  const out = {};
  for (const [k, v] of Object.entries(profile)) {
    if (v === null) continue;
    if (k === 'sci_award' && typeof v === 'object') {
      // A year, unlike the ranks, is unknown whether left out or null (core/profile.cpp).
      out.sci_award = Object.fromEntries(Object.entries(v).filter(([key, x]) => !(/_year$/.test(key) && x === null)));
    } else if (GROUPS.has(k)) {
      const g = dropNulls(v);
      if (Object.keys(g).length) out[k] = g;
    } else if (k === 'events') {
      if (v.length) out.events = v.map(dropNulls);
    } else if (k === 'honors') {
      out.honors = [...new Set(v)].sort();
    } else if (k === 'holds') {
      out.holds = v.map(dropNulls).map((x) => JSON.stringify(x, Object.keys(x).sort())).sort().map((s) => JSON.parse(s));
    } else {
      out[k] = v;
    }
  }
  return out;
}

// A result with the one part that follows input order made order-free: a `holds` trace node
// lists the profile's entries of its title in input order.
function canonicalResult(v) {
  if (Array.isArray(v)) return v.map(canonicalResult);
  if (v === null || typeof v !== 'object') return v;
  const out = {};
  for (const [k, x] of Object.entries(v)) out[k] = canonicalResult(x);
  if (out.kind === 'holds' && Array.isArray(out.value)) out.value = out.value.map((e) => JSON.stringify(e)).sort().map((s) => JSON.parse(s));
  return out;
}

// The findings: valid profiles that the page once changed when it loaded them (fillForm) and so
// also showed and saved wrongly. `applies` tells whether a profile has the feature (to report how
// many generated profiles exercise it); `minimal` profiles pin each one.
const FINDINGS = [
  {
    id: 'holds with two entries of one title',
    // The 已获称号 table had one row per title, so the page kept one entry (here the lapsed 2020
    // title: 创新型 was no longer held). Each entry now has a row of its own.
    minimal: [
      { holds: [{ title: 'innovative_sme', level: 'provincial', since: '2026-01-10' },
        { title: 'innovative_sme', level: 'provincial', since: '2020-01-10' }] },
      { holds: [{ title: 'srdi_sme', since: '2025-03-01' }, { title: 'innovative_sme', level: 'city' },
        { title: 'srdi_sme', level: 'city', since: '2019-03-01' }, { title: 'srdi_sme', level: null, since: null }] },
    ],
    applies: (p) => Array.isArray(p.holds) && new Set(p.holds.map((x) => x.title)).size < p.holds.length,
  },
  {
    id: 'sci_award rank written null',
    // null inside the award object is unknown, a rank left out is "no award at that level"
    // (docs/profile.md); the page wrote a blank rank as left out. A rank ticked 不清楚 is null.
    minimal: [
      { sci_award: { national_rank: null, provincial_rank: 2, provincial_year: 2025 } },
      { sci_award: { national_rank: null, provincial_rank: null, ministerial_rank: null } },
    ],
    applies: (p) => !!p.sci_award && typeof p.sci_award === 'object' &&
      (p.sci_award.national_rank === null || p.sci_award.provincial_rank === null || p.sci_award.ministerial_rank === null),
  },
  {
    id: 'city not in the page list',
    // `city` is any string (docs/profile.md); the page's city is a <select>, which dropped another
    // value (a province id such as shandong, which has award documents of its own, or an unknown
    // city). Such a value is now an extra option; "" is kept as written.
    minimal: [{ city: 'shandong' }, { city: 'beijing' }, { city: '' }],
    applies: (p, cities) => typeof p.city === 'string' && !cities.includes(p.city),
  },
  {
    id: 'name with a line break',
    // The name is an <input type=text>, which strips line breaks: the loaded name is kept as
    // written until the field is edited.
    minimal: [{ name: '数字\n科技' }, { name: ' 酒店\r\n管理\u2028有限公司 ' }],
    applies: (p) => typeof p.name === 'string' && /[\r\n]/.test(p.name),
  },
];

// The checks of one round trip: load `file`, compare with the CLI, save, compare the saved file.
// Returns what the second pass needs.
async function loadAndSave(profile, file, label, settle = 5000) {
  const want = h.cliEvaluate(file);
  await load(file);
  await h.eventually(async () => {
    assert.deepEqual(await h.readScreen(page), h.expectedScreen(want), `${label}: the page shows something else than the CLI`);
  }, settle);
  const run = { screen: await h.readScreen(page), fields: await h.readFields(page), saved: await save() };
  const saved = JSON.parse(run.saved.text);
  // Both checks are made before either fails, so a failure says whether the result changed too.
  const problems = [];
  try {
    assert.deepEqual(canonicalResult(h.cliEvaluate(run.saved.file)), canonicalResult(want));
  } catch (e) {
    problems.push(`the saved file gives another result than the loaded one (CLI):\n${e.message}`);
  }
  try {
    assert.deepEqual(normalise(saved), normalise(profile));
  } catch (e) {
    problems.push(`the saved file is another profile:\n${e.message}`);
  }
  if (problems.length) {
    assert.fail(`${label}:\nloaded: ${JSON.stringify(profile)}\nsaved:  ${JSON.stringify(saved)}\n${problems.join('\n')}`);
  }
  return run;
}

test(`save -> load round trip of ${COUNT} generated profiles (seed ${SEED})`, async (t) => {
  const cities = await page.$$eval('#f-city option', (os) => os.map((o) => o.value).filter((v) => v !== ''));
  const profiles = generateProfiles({ seed: SEED, count: COUNT, unknownRate: 0.15 });
  assert.equal(profiles.length, COUNT);
  const having = Object.fromEntries(FINDINGS.map((f) => [f.id, profiles.filter((p) => f.applies(p, cities)).length]));
  t.diagnostic(`generated profiles with a former finding: ${JSON.stringify(having)}`);
  // First pass: load each profile and save it. The next profile is always a different one, so
  // every load is a real change of the form.
  const runs = [];
  for (const [i, profile] of profiles.entries()) {
    const label = `profile ${i}`;
    const file = path.join(tmp, `gen-${i}.json`);
    fs.writeFileSync(file, JSON.stringify(profile, null, 2));
    const run = { label };
    runs.push(run);
    await t.test(`${label}: load, show what the CLI shows, save the same profile`, async () => {
      Object.assign(run, await loadAndSave(profile, file, label));
    });
  }
  // Second pass: load each saved file back (again always after a different profile): the same
  // form and the same result as after loading the generated profile.
  for (const run of runs) {
    await t.test(`${run.label}: loading the saved file restores the form and the result`, { skip: !run.saved && 'not saved' }, async () => {
      await load(run.saved.file);
      assert.deepEqual(await h.readFields(page), run.fields, `${run.label}: the fields after loading the saved file`);
      await h.eventually(async () => assert.deepEqual(await h.readScreen(page), run.screen, `${run.label}: the result after loading the saved file`));
    });
  }
});

test('findings: valid profiles that the page once changed survive load and save', async (t) => {
  let k = 0;
  for (const f of FINDINGS) {
    for (const minimal of f.minimal) {
      await t.test(`${f.id}: ${JSON.stringify(minimal)}`, async () => {
        const profile = { industry: 'industry', employees: 50, revenue: { last: '50000000.00' }, ...minimal };
        const file = path.join(tmp, `finding-${++k}.json`);
        fs.writeFileSync(file, JSON.stringify(profile, null, 2));
        await loadAndSave(profile, file, f.id, 500);  // load() has waited for the render already
      });
    }
  }
});

// The same features entered through the controls, keyboard first: a second entry of a title
// (added, then a third removed), a rank marked unknown, and a language switch that keeps them.
test('the form enters several entries of a title and an unknown rank', async () => {
  const file = path.join(tmp, 'start.json');
  fs.writeFileSync(file, JSON.stringify({ industry: 'industry', employees: 50 }));
  await load(file);
  await page.check('#hold-innovative_sme');
  await page.selectOption('#hold-innovative_sme-level', 'provincial');
  await page.fill('#hold-innovative_sme-since', '2026-01-10');
  // "add another" appears once the title is ticked, and is a button reached by the keyboard.
  const add = page.locator('[data-hold-add="innovative_sme"]');
  assert.ok(await add.isVisible(), 'no visible "add another" for a ticked title');
  for (let i = 0; i < 2; i++) {
    await add.focus();
    await page.keyboard.press('Enter');
  }
  assert.equal(await page.evaluate(() => document.activeElement.id), 'hold-innovative_sme-3', 'the new row is focused');
  await page.selectOption('#hold-innovative_sme-2-level', 'city');
  await page.fill('#hold-innovative_sme-2-since', '2020-01-10');
  await page.fill('#hold-innovative_sme-3-since', '2021-05-05');
  await h.rerender(page, () => page.click('[data-hold-remove="innovative_sme"][data-hold-n="2"]'));
  assert.equal(await page.inputValue('#hold-innovative_sme-2-since'), '2021-05-05', 'the rows after a removed one move up');
  assert.equal(await page.locator('#hold-innovative_sme-3').count(), 0);
  // 科技奖励: a provincial rank, the national one unknown.
  await page.selectOption('#f-sci_award', 'some');
  await page.fill('#f-sci_award-provincial_rank', '2');
  await page.locator('#sci-unknown-national_rank').focus();
  await page.keyboard.press('Space');
  assert.ok(await page.isDisabled('#f-sci_award-national_rank'), 'an unknown rank is not typed in');
  const want = { industry: 'industry', employees: 50, sci_award: { national_rank: null, provincial_rank: 2 },
    holds: [{ title: 'innovative_sme', level: 'provincial', since: '2026-01-10' }, { title: 'innovative_sme', since: '2021-05-05' }] };
  await h.eventually(async () => assert.deepEqual(JSON.parse((await save()).text), want));
  // English and back: the rows and the unknown rank are kept.
  const fields = await h.readFields(page);
  await h.rerender(page, () => page.selectOption('#opt-lang', 'en'));
  assert.deepEqual(await h.readFields(page), fields, 'the fields after switching to English');
  assert.match(await page.textContent('label[for="hold-innovative_sme-2"]'), /entry 2/);
  await h.rerender(page, () => page.selectOption('#opt-lang', 'zh'));
  assert.deepEqual(JSON.parse((await save()).text), want);
  await h.assertScreenMatches(page, h.cliEvaluate(want), 'entered through the controls');
});
