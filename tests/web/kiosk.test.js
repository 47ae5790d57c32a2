// Kiosk mode (?kiosk=1), from file:// (srdi-offline.html) and served: a "new session" button and
// no save/load/remember/clear; after `idle` seconds without input a modal warning counts down
// `warn` seconds and then everything is cleared for the next visitor (form, sample menu, options),
// unless "continue" is pressed; nothing is ever written to storage. Touch targets of the toolbar
// are at least 44 px high; screenshots of the landscape and portrait kiosk layouts go to
// build/screenshots/.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const SAMPLE = 'precision-parts';
const QUERY = `kiosk=1&idle=2&warn=2&as_of=${h.AS_OF}`;

let env;
test.before(async () => {
  env = await h.setup();
});
test.after(async () => {
  if (env) await env.close();
});

const WHERE = {
  file: () => `${h.OFFLINE_URL}?${QUERY}`,
  served: () => `${env.url}index.html?${QUERY}`,
};

async function open(where, url = WHERE[where](), contextOptions = {}) {
  const context = await env.browser.newContext(contextOptions);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.stack || e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console.error: ${m.text()}`); });
  await h.gotoReady(page, url);
  return { context, page, errors };
}

// What every control reads after a reset: the form empty, the options back to the URL's.
function emptyFields(fields) {
  const out = {};
  for (const [k, v] of Object.entries(fields)) {
    if (k === '#opt-as-of') out[k] = h.AS_OF;
    else if (k === '#opt-criteria') out[k] = 'auto';
    else if (k === '#opt-applicant') out[k] = 'enterprise';
    else out[k] = typeof v === 'boolean' ? false : '';
  }
  return out;
}

// Fills the calculator: a sample, a typed field, the criteria and date pickers changed. Returns
// the controls as they were on the fresh page (`fresh`) and once filled (`filled`).
async function useCalculator(page) {
  const fresh = await h.readFields(page);
  assert.deepEqual(fresh, emptyFields(fresh), 'the fresh kiosk page starts empty');
  await h.loadSample(page, SAMPLE);
  await h.rerender(page, () => page.fill('#f-rd_staff', '40'));
  await h.rerender(page, () => page.selectOption('#opt-criteria', 'miit-2022'));
  await h.setAsOf(page, '2025-06-30');
  const fields = await h.readFields(page);
  assert.equal(fields['#f-employees'], '186', 'the sample was loaded');
  assert.equal(fields['#f-rd_staff'], '40');
  assert.equal(await page.inputValue('#sample-select'), SAMPLE);
  return { fresh, filled: fields };
}

// The controls are as on the fresh page (`fresh`, from useCalculator): form empty, options reset.
async function assertCleared(page, fresh, label) {
  const after = await h.readFields(page);
  assert.deepEqual(after, fresh, `${label}: the form and options should be reset`);
  assert.equal(await page.inputValue('#sample-select'), '', `${label}: the sample menu should be reset`);
  assert.equal(await page.locator('#events-list .ev').count(), 0, `${label}: the events list should be empty`);
  await h.assertScreenMatches(page, h.cliEvaluate({}), `${label}: the results of the empty profile`);
}

async function storage(page, served) {
  return page.evaluate(async (srv) => {
    const out = { localStorage: localStorage.length, sessionStorage: sessionStorage.length, cookie: document.cookie };
    if (srv) {
      out.indexedDB = (await indexedDB.databases()).map((d) => d.name);
      out.caches = typeof caches !== 'undefined' ? await caches.keys() : [];
      out.serviceWorkers = navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0;
    }
    return out;
  }, served);
}

async function assertNothingStored(page, where) {
  const served = where === 'served';
  const want = { localStorage: 0, sessionStorage: 0, cookie: '' };
  if (served) Object.assign(want, { indexedDB: [], caches: [], serviceWorkers: 0 });
  assert.deepEqual(await storage(page, served), want, `${where}: a kiosk must store nothing`);
}

for (const where of ['file', 'served']) {
  test(`${where}: kiosk controls; idle warning counts down, then everything is cleared; nothing stored`, async () => {
    const { context, page, errors } = await open(where);
    try {
      assert.equal(await page.locator('#btn-new-session').isVisible(), true, '#btn-new-session is visible in kiosk mode');
      for (const sel of ['#btn-save', 'label[for="file-load"]', '#file-load', '#btn-clear', '#opt-remember']) {
        assert.equal(await page.locator(sel).isVisible(), false, `${sel} is hidden in kiosk mode`);
      }
      const { fresh } = await useCalculator(page);
      // Even the hidden "remember" box, ticked by a script, stores nothing in kiosk mode.
      await page.evaluate(() => {
        const box = document.getElementById('opt-remember');
        box.checked = true;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await h.rerender(page, () => page.fill('#f-rd_staff', '41'));
      await assertNothingStored(page, where);

      // No input from now on: the warning opens after `idle` seconds, modal, with a countdown.
      await page.waitForFunction(() => document.getElementById('idle-warning').open, null, { timeout: 8000, polling: 20 })
        .catch(() => assert.fail('the idle warning did not open within 8 s (idle=2)'));
      const atOpen = await page.evaluate(() => ({
        modal: document.getElementById('idle-warning').matches(':modal'),
        count: document.getElementById('idle-count').textContent.trim(),
        employees: document.getElementById('f-employees').value,
      }));
      assert.equal(atOpen.modal, true, 'the idle warning is a modal dialog');
      assert.match(atOpen.count, /^[12]$/, `the countdown starts at warn=2 (shows "${atOpen.count}")`);
      assert.equal(atOpen.employees, '186', 'nothing is cleared before the countdown ends');
      await assertNothingStored(page, where);
      const box = await page.locator('#idle-continue').boundingBox();
      assert.ok(box && box.height >= 44, `#idle-continue is a touch target ≥ 44 px high (${box && box.height})`);
      // Watch the countdown until the dialog closes.
      const watched = await page.evaluate(() => new Promise((resolve) => {
        const dlg = document.getElementById('idle-warning');
        const seen = [];
        const started = performance.now();
        const iv = setInterval(() => {
          const t = document.getElementById('idle-count').textContent.trim();
          if (seen[seen.length - 1] !== t) seen.push(t);
          if (!dlg.open || performance.now() - started > 8000) {
            clearInterval(iv);
            resolve({ seen, open: dlg.open, ms: Math.round(performance.now() - started) });
          }
        }, 20);
      }));
      assert.equal(watched.open, false, `the idle warning did not close within 8 s (countdown seen: ${watched.seen.join(', ')})`);
      assert.ok(watched.seen.includes('1'), `the countdown counts down (seen: ${watched.seen.join(', ')})`);
      await h.eventually(() => assertCleared(page, fresh, `${where}, after the idle countdown`), 5000);
      await assertNothingStored(page, where);
      assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });

  test(`${where}: "continue" during the countdown keeps the session`, async () => {
    const { context, page, errors } = await open(where);
    try {
      const { filled: before } = await useCalculator(page);
      const screen = await h.readScreen(page);
      await page.waitForFunction(() => document.getElementById('idle-warning').open, null, { timeout: 8000, polling: 20 });
      await page.click('#idle-continue');
      const clicked = Date.now();
      assert.equal(await page.evaluate(() => document.getElementById('idle-warning').open), false, '"continue" closes the warning');
      // Past the moment the countdown would have ended (warn=2 s after it opened).
      await page.waitForTimeout(Math.max(0, 2600 - (Date.now() - clicked)));
      assert.deepEqual(await h.readFields(page), before, 'the session was cleared although "continue" was pressed');
      assert.equal(await page.inputValue('#sample-select'), SAMPLE);
      assert.deepEqual(await h.readScreen(page), screen, 'the results changed although "continue" was pressed');
      // Idle again: the warning comes back (the timer was re-armed), and continue again keeps it.
      await page.waitForFunction(() => document.getElementById('idle-warning').open, null, { timeout: 5000, polling: 20 })
        .catch(() => assert.fail('after "continue", the idle timer was not re-armed'));
      await page.click('#idle-continue');
      assert.deepEqual(await h.readFields(page), before);
      await assertNothingStored(page, where);
      assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });

  test(`${where}: "new session" clears at once`, async () => {
    const { context, page, errors } = await open(where);
    try {
      const { fresh } = await useCalculator(page);
      const clicked = Date.now();
      await page.click('#btn-new-session');
      // Well before the idle timeout (2 s + 2 s) could have done it.
      await h.eventually(() => assertCleared(page, fresh, `${where}, after "new session"`), 1500, 50);
      assert.ok(Date.now() - clicked < 3000, `"new session" took ${Date.now() - clicked} ms`);
      assert.equal(await page.evaluate(() => document.getElementById('idle-warning').open), false);
      await assertNothingStored(page, where);
      assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
}

test('without kiosk=1 there is no "new session" button and save/load/clear are there', async () => {
  const { context, page } = await open('served', `${env.url}index.html?as_of=${h.AS_OF}`);
  try {
    assert.equal(await page.locator('#btn-new-session').isVisible(), false);
    for (const sel of ['#btn-save', 'label[for="file-load"]', '#btn-clear', '#opt-remember']) {
      assert.equal(await page.locator(sel).isVisible(), true, `${sel} is visible outside kiosk mode`);
    }
  } finally {
    await context.close();
  }
});

for (const [name, width, height] of [['kiosk-landscape', 1920, 1080], ['kiosk-portrait', 1080, 1920]]) {
  test(`kiosk layout ${width}×${height}: screenshot, toolbar touch targets ≥ 44 px, no sideways scrolling`, async () => {
    // The default idle timeout (180 s), so nothing is cleared while the screenshot is taken.
    const { context, page, errors } = await open('file', `${h.OFFLINE_URL}?kiosk=1&as_of=${h.AS_OF}`, { viewport: { width, height } });
    try {
      await h.loadSample(page, SAMPLE);
      await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(SAMPLE)), name);
      const file = await h.screenshot(page, `${name}.png`, { fullPage: false });
      assert.deepEqual(h.pngSize(file), { width, height });

      const controls = page.locator('.toolbar :is(button, select, input, .button, a)');
      const small = [];
      let checked = 0;
      for (const c of await controls.all()) {
        if (!(await c.isVisible())) continue;
        const box = await c.boundingBox();
        const id = await c.evaluate((e) => e.id ? `#${e.id}` : `${e.tagName.toLowerCase()}.${e.className}`);
        checked += 1;
        if (!box || box.height < 44) small.push(`${id}: ${box ? box.height.toFixed(1) : 'no box'} px`);
      }
      assert.ok(checked >= 5, `expected the toolbar's controls, found ${checked} visible`);
      assert.deepEqual(small, [], `toolbar controls under 44 px high in kiosk mode at ${width}×${height}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the kiosk page scrolls sideways by ${overflow} px at ${width}×${height}`);
      assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
    } finally {
      await context.close();
    }
  });
}

test('kiosk: after the idle countdown the next visitor starts in the page\'s language, not the last visitor\'s', async () => {
  const { context, page, errors } = await open('served');
  try {
    await h.rerender(page, () => page.selectOption('#opt-lang', 'en'));
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await h.rerender(page, () => page.fill('#f-rd_staff', '40'));
    // No input from now on: idle=2 s, warn=2 s.
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN' && document.getElementById('opt-lang').value === 'zh',
      null, { timeout: 10000, polling: 50 }).catch(() => assert.fail('the language stayed English after the idle reset'));
    assert.equal(await page.inputValue('#f-rd_staff'), '', 'the form is cleared too');
    assert.deepEqual(errors, [], `errors:\n  ${errors.join('\n  ')}`);
  } finally {
    await context.close();
  }
});
