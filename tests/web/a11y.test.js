// Accessibility: axe-core finds no serious or critical violation with a sample loaded, and the
// page works from the keyboard alone with a visible focus.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

const SAMPLE = 'precision-parts';

let env;
test.before(async () => {
  env = await h.setup();
});
test.after(async () => {
  if (env) await env.close();
});

test('axe-core: no serious or critical violation (sample loaded, then a source open)', async () => {
  // The page's CSP forbids injected scripts; this context alone bypasses it, for axe.
  const context = await env.browser.newContext({ bypassCSP: true });
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url);
    await h.loadSample(page, SAMPLE);
    await h.setAsOf(page, h.AS_OF);
    // Open every citation, so their content is checked too.
    await page.$$eval('details', (ds) => ds.forEach((d) => { d.open = true; }));
    const res = await h.runAxe(page);
    const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const minor = res.violations.filter((v) => !bad.includes(v));
    if (minor.length) console.log(`axe (moderate/minor, not failing):\n${h.formatViolations(minor)}`);
    assert.equal(bad.length, 0, `axe violations (serious/critical):\n${h.formatViolations(bad)}`);

    // The source viewer, open.
    const button = page.locator('details.cite .open-source').first();
    assert.ok(await button.count(), 'no details.cite .open-source button');
    await button.click();
    await page.waitForSelector('#source-viewer[open]');
    const res2 = await h.runAxe(page, { include: [['#source-viewer']] });
    const bad2 = res2.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.equal(bad2.length, 0, `axe violations in the source viewer:\n${h.formatViolations(bad2)}`);
  } finally {
    await context.close();
  }
});

// What has the focus, and whether it is visibly marked.
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const cs = getComputedStyle(el);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    // A visually hidden control (e.g. a file input clipped to 1px behind a label styled as a
    // button) cannot show its own outline: its label must show the focus instead.
    const hidden = r.width <= 2 || r.height <= 2;
    let visible = !hidden && (outline || shadow);
    let how = outline ? `outline ${cs.outlineStyle} ${cs.outlineWidth}` : shadow ? `box-shadow ${cs.boxShadow}` : 'none';
    if (!visible && el.id) {
      const lab = document.querySelector(`label[for="${el.id}"]`);
      if (lab) {
        const ls = getComputedStyle(lab);
        if ((ls.outlineStyle !== 'none' && parseFloat(ls.outlineWidth) > 0) || (ls.boxShadow && ls.boxShadow !== 'none')) {
          visible = true;
          how = 'on its label';
        }
      }
    }
    return {
      id: el.id || '',
      name: el.getAttribute('name') || '',
      tag: el.tagName.toLowerCase(),
      desc: `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.getAttribute('name') ? `[name=${el.getAttribute('name')}]` : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`,
      inCite: el.tagName === 'SUMMARY' && !!el.closest('details.cite'),
      // A citation with a bundled source and a verbatim excerpt (one that can be highlighted).
      openable: el.tagName === 'SUMMARY' && !!el.closest('details.cite') && !!el.closest('details.cite').querySelector('.open-source') &&
        /原文摘录/.test(el.closest('details.cite').textContent),
      visible,
      how,
      onScreen: r.width > 0 && r.height > 0,
    };
  });
}

test('keyboard only: Tab reaches the controls with a visible focus; Enter opens a citation', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await h.gotoReady(page, env.url);
    // From the top of a freshly loaded page, with the keyboard alone.
    const seen = [];
    const invisible = [];
    const tab = async (key = 'Tab') => {
      await page.keyboard.press(key);
      const f = await focused(page);
      if (f) {
        seen.push(f);
        if (!f.visible) invisible.push(f.desc);
      }
      return f;
    };
    const first = await tab();
    assert.ok(first, 'Tab from the top focuses nothing');
    // The sample menu, early on; a sample chosen with the arrow keys.
    for (let i = 0; i < 10 && !(seen.length && seen[seen.length - 1].id === 'sample-select'); i++) await tab();
    assert.equal(seen[seen.length - 1].id, 'sample-select', `the sample menu is not among the first Tab stops: ${seen.map((f) => f.desc).join(', ')}`);
    for (let i = 0; i < 10 && (await page.inputValue('#sample-select')) !== SAMPLE; i++) {
      await h.rerender(page, () => page.keyboard.press('ArrowDown'));
    }
    assert.equal(await page.inputValue('#sample-select'), SAMPLE, 'the arrow keys did not choose the sample');
    await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(SAMPLE), { asOf: await page.inputValue('#opt-as-of') }), SAMPLE);
    // On through the options, the form and the results, to a citation whose source can be opened.
    let cite = null;
    for (let i = 0; i < 800 && !cite; i++) {
      const f = await tab();
      if (f && f.inCite && f.openable) cite = f;
    }
    const ids = new Set(seen.map((f) => f.id));
    const names = new Set(seen.map((f) => f.name).filter(Boolean));
    for (const id of ['sample-select', 'opt-as-of', 'opt-criteria', 'opt-applicant', 'btn-save']) {
      assert.ok(ids.has(id), `Tab never reached #${id}; reached: ${seen.slice(0, 40).map((f) => f.desc).join(', ')}`);
    }
    for (const n of ['revenue.last', 'employees', 'ip.class1', 'compliance.not_abnormal']) {
      assert.ok(names.has(n), `Tab never reached the field ${n}`);
    }
    // The order: options before the form fields before the results.
    const order = (pred) => seen.findIndex(pred);
    assert.ok(order((f) => f.id === 'sample-select') < order((f) => f.name === 'revenue.last'), 'sample menu comes before the fields');
    assert.deepEqual([...new Set(invisible)], [], 'focused elements without a visible outline or box-shadow');
    assert.ok(cite, `Tab never reached a details.cite summary with a source to open (${seen.length} stops)`);

    // Enter on the focused citation summary opens it; the source button inside works by keyboard.
    const wasOpen = await page.evaluate(() => document.activeElement.closest('details').open);
    assert.equal(wasOpen, false, 'the citation starts closed');
    await page.keyboard.press('Enter');
    assert.equal(await page.evaluate(() => document.activeElement.closest('details').open), true, 'Enter did not open the citation');
    // Tab to its .open-source button and press Enter: the source viewer opens with the excerpt marked.
    let onButton = false;
    for (let i = 0; i < 10 && !onButton; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      assert.ok(!f || f.visible, `invisible focus on ${f && f.desc}`);
      onButton = await page.evaluate(() => document.activeElement.matches('details.cite[open] .open-source'));
    }
    assert.ok(onButton, 'Tab did not reach the .open-source button of the opened citation');
    const excerptBefore = await page.evaluate(() => document.activeElement.closest('details.cite').textContent);
    const excerpt = await page.evaluate(() => document.activeElement.closest('details.cite').querySelector('blockquote').textContent);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#source-viewer[open]', { timeout: 3000 });
    const viewer = await page.evaluate(() => {
      const d = document.querySelector('#source-viewer');
      const m = d.querySelector('mark');
      return { mark: m ? m.textContent : null, focusInside: d.contains(document.activeElement) };
    });
    viewer.excerpt = excerpt;
    assert.ok(viewer.mark && viewer.mark.trim().length > 0, 'the source viewer has no highlighted mark');
    assert.ok(viewer.focusInside, 'focus is not moved into the source viewer');
    // The highlighted text is the citation's excerpt (verbatim, up to white space).
    const strip = (x) => x.replace(/\s+/g, '');
    assert.ok(strip(viewer.mark).length >= 4 && strip(excerptBefore).includes(strip(viewer.mark)),
      `the mark "${viewer.mark.slice(0, 60)}" is not the citation's excerpt`);
    assert.equal(strip(viewer.mark), strip(viewer.excerpt), 'the whole excerpt is highlighted');
    await page.keyboard.press('Escape');
    await page.waitForSelector('#source-viewer:not([open])', { state: 'attached', timeout: 3000 });
    assert.equal(await page.evaluate(() => document.activeElement.matches('.open-source')), true, 'focus does not return to the button after closing');
  } finally {
    await context.close();
  }
});
