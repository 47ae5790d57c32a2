// A profile entered control by control, as a user would (money typed in 万元), gives the CLI's
// result for that profile, and the page builds exactly that profile from the form.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./harness');

let env;
let context;
test.before(async () => {
  env = await h.setup();
  context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
});
test.after(async () => {
  if (env) await env.close();
});

// Types a value into a text control: with real key presses (`keys`), or with fill.
async function typeInto(page, selector, text, keys) {
  const loc = page.locator(selector);
  assert.equal(await loc.count(), 1, `no control ${selector}`);
  if (keys) {
    await loc.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await loc.pressSequentially(text);
  } else {
    await loc.fill(text);
  }
  assert.equal(await loc.inputValue(), text, `${selector} does not hold what was typed`);
}

async function choose(page, selector, value) {
  const loc = page.locator(selector);
  assert.equal(await loc.count(), 1, `no control ${selector}`);
  assert.equal(await loc.evaluate((e) => e.tagName), 'SELECT', `${selector} should be a <select>`);
  await loc.selectOption(String(value));
}

// Enters `profile` into the (empty) form, field by field.
async function enterProfile(page, profile, keys) {
  for (const [name, value] of h.scalarFields(profile)) {
    if (name.startsWith('sci_award') || name === 'applicant') continue;
    const sel = `#${h.fieldId(name)}`;
    const el = page.locator(sel);
    assert.equal(await el.count(), 1, `no control for ${name} (${sel})`);
    assert.equal(await el.getAttribute('name'), name, `${sel} should have name="${name}"`);
    const tag = await el.evaluate((e) => e.tagName);
    if (tag === 'SELECT') {
      await choose(page, sel, value);
    } else {
      const wan = (await el.getAttribute('data-unit')) === 'wan';
      await typeInto(page, sel, wan ? h.yuanToWan(value) : String(value), keys);
    }
  }
  if (profile.applicant) await choose(page, '#opt-applicant', profile.applicant);
  if (profile.sci_award === 'none') {
    await choose(page, '#f-sci_award', 'none');
  } else if (profile.sci_award && typeof profile.sci_award === 'object') {
    await choose(page, '#f-sci_award', 'some');
    for (const [k, v] of Object.entries(profile.sci_award)) {
      if (v !== null) await typeInto(page, `#${h.fieldId(`sci_award.${k}`)}`, String(v), keys);
    }
  }
  if (Array.isArray(profile.honors)) {
    if (profile.honors.length === 0) await choose(page, '#f-honors', 'list');
    for (const honor of profile.honors) await page.check(`#honor-${honor}`);
    assert.equal(await page.inputValue('#f-honors'), 'list', 'ticking an honour sets the honours to "as ticked"');
  }
  if (Array.isArray(profile.holds)) {
    if (profile.holds.length === 0) await choose(page, '#f-holds', 'list');
    for (const hold of profile.holds) {
      await page.check(`#hold-${hold.title}`);
      if (hold.level) await choose(page, `#hold-${hold.title}-level`, hold.level);
      if (hold.since) await page.fill(`#hold-${hold.title}-since`, hold.since);
    }
    assert.equal(await page.inputValue('#f-holds'), 'list', 'ticking a title sets the titles to "as ticked"');
  }
  const seen = new Set();
  for (const [i, ev] of (profile.events || []).entries()) {
    if (!seen.has(ev.type)) {
      await page.check(`#ev-type-${ev.type}`);
      seen.add(ev.type);
    } else {
      await page.click(`[data-add="${ev.type}"]`);
    }
    await page.waitForSelector(`[data-event-index="${i}"]`);
    for (const [param, v] of Object.entries(ev)) {
      if (param === 'type' || v === null) continue;
      const sel = `#ev-${i}-${param}`;
      const el = page.locator(sel);
      assert.equal(await el.count(), 1, `no control for events/${i}/${param} (${sel})`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await choose(page, sel, String(v));
      else await typeInto(page, sel, (await el.getAttribute('data-unit')) === 'wan' ? h.yuanToWan(v) : String(v), keys);
    }
  }
}

async function savedProfile(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#btn-save')]);
  return JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
}

const CASES = [
  // precision-parts is typed key by key; the others are filled (faster), for their other widgets
  // (科技奖励, empty honours, more event types).
  ['precision-parts', true],
  ...h.exampleIds().filter((id) => id !== 'precision-parts').map((id) => [id, false]),
];

for (const [id, keys] of CASES) {
  test(`${id}: entered field by field${keys ? ' (key by key)' : ''}, the page shows the CLI result`, async () => {
    const page = await context.newPage();
    try {
      await h.gotoReady(page, env.url);
      await h.setAsOf(page, h.AS_OF);
      // An empty form to start with.
      const blank = await h.readFields(page);
      for (const [k, v] of Object.entries(blank)) {
        if (k.startsWith('#opt-')) continue;
        assert.ok(v === '' || v === false, `the form starts with ${k} = ${JSON.stringify(v)}`);
      }
      const profile = JSON.parse(fs.readFileSync(h.examplePath(id), 'utf8'));
      const before = await h.generation(page);
      await enterProfile(page, profile, keys);
      await h.waitSettled(page, before);

      // No field is flagged.
      const invalid = await page.$$eval('[aria-invalid="true"]', (es) => es.map((e) => `#${e.id}`));
      assert.deepEqual(invalid, [], 'fields flagged invalid');
      assert.equal(await page.isVisible('#input-errors'), false, '#input-errors is shown');

      await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(id)), id);
      // The form gives exactly the profile that was entered.
      assert.deepEqual(await savedProfile(page), profile, 'the profile built from the form');
    } finally {
      await page.close();
    }
  });
}

test('a bad value is flagged on its field, and fixing it restores the result', async () => {
  const page = await context.newPage();
  try {
    await h.gotoReady(page, env.url);
    await h.loadSample(page, 'precision-parts');
    await h.setAsOf(page, h.AS_OF);
    const good = await h.readScreen(page);
    const gen = await h.generation(page);
    // 7 decimals of 万元 is below the fen.
    await page.fill('#f-revenue-last', '8600.0000001');
    await page.waitForSelector('#f-revenue-last[aria-invalid="true"]', { timeout: 5000 });
    const err = await page.textContent('#err-revenue-last');
    assert.ok(err && err.trim().length > 0, '#err-revenue-last is empty');
    const describedBy = (await page.getAttribute('#f-revenue-last', 'aria-describedby')) || '';
    assert.ok(describedBy.split(/\s+/).includes('err-revenue-last'), 'the error is not referenced by aria-describedby');
    // A negative count is refused too.
    await page.fill('#f-employees', '-5');
    await page.waitForSelector('#f-employees[aria-invalid="true"]', { timeout: 5000 });
    await page.fill('#f-employees', '186');
    await page.fill('#f-revenue-last', '8600');
    await h.waitSettled(page, gen);
    await page.waitForSelector('[aria-invalid="true"]', { state: 'detached', timeout: 5000 });
    assert.equal(await page.textContent('#err-revenue-last'), '');
    await h.eventually(async () => assert.deepEqual(await h.readScreen(page), good));
  } finally {
    await page.close();
  }
});
