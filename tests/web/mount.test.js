// SRDI.mount(element, options): the calculator as a widget in a shadow root of a host page whose
// stylesheet is hostile (red 40px everything, every input/select/button hidden, lime borders on
// every div). The widget keeps its own look, the host keeps its own, results reach the host as
// srdi:result events and through onResult, setProfile gives the CLI's result, and unmount() leaves
// nothing behind so a second mount works.
//
// The host page (tests/web/hosts/mount-host.html) is served from a temporary directory holding the
// built site (build/web) and the host page, so it loads the library's scripts from its own origin.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./harness');

const HOST_PAGE = path.join(__dirname, 'hosts', 'mount-host.html');
const STYLE_JS = path.join(h.WEB_ROOT, 'srdi-style.js');
const RED = 'rgb(255, 0, 0)';

let env;
let dir;
let srv;

test.before(async () => {
  env = await h.setup({ server: false });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-mount-'));
  for (const f of fs.readdirSync(h.WEB_ROOT)) {
    const p = path.join(h.WEB_ROOT, f);
    if (fs.statSync(p).isFile()) fs.copyFileSync(p, path.join(dir, f));
  }
  fs.copyFileSync(HOST_PAGE, path.join(dir, 'mount-host.html'));
  srv = await h.serveDir(dir, '127.0.0.1');
});
test.after(async () => {
  if (env) await env.close();
  if (srv) await srv.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

async function openHost(context) {
  const page = await context.newPage();
  const log = { warnings: [], errors: [], failed: [] };
  page.on('console', (m) => {
    if (m.type() === 'warning') log.warnings.push(m.text());
    if (m.type() === 'error') log.errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.stack || e.message}`));
  page.on('response', (r) => { if (r.status() >= 400) log.failed.push(`${r.url()} -> ${r.status()}`); });
  await page.goto(`${srv.origin}/mount-host.html`, { waitUntil: 'load' });
  return { page, log };
}

async function mount(page, options = {}) {
  await page.evaluate((o) => window.mountCalc(o), options);
  await h.waitElementReady(page, '#host');
}

const inShadow = (page, fn, arg) => page.evaluate(([src, a]) => {
  const scope = document.querySelector('#host').shadowRoot;
  // eslint-disable-next-line no-new-func
  return new Function('scope', 'arg', `return (${src})(scope, arg);`)(scope, a);
}, [fn.toString(), arg]);

const style = (page, selector, props) => page.evaluate(([sel, ps]) => {
  const el = document.querySelector(sel);
  if (!el) return null;
  const cs = getComputedStyle(el);
  return Object.fromEntries(ps.map((p) => [p, cs.getPropertyValue(p)]));
}, [selector, props]);

test('the built site provides the widget stylesheet (build/web/srdi-style.js defines SRDI_CSS)', () => {
  assert.ok(fs.existsSync(STYLE_JS), 'build/web/srdi-style.js is missing: the build must write it (SRDI_CSS for the shadow root)');
  const text = fs.readFileSync(STYLE_JS, 'utf8');
  assert.match(text, /SRDI_CSS/, 'srdi-style.js should define SRDI_CSS');
});

test('hostile host CSS: the widget keeps its look inside, the host keeps its own outside', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, log } = await openHost(context);
    assert.deepEqual(log.failed, [], `the host page could not load every script:\n  ${log.failed.join('\n  ')}`);
    assert.equal(await page.evaluate(() => typeof window.SRDI_CSS), 'string', 'window.SRDI_CSS is not defined (srdi-style.js)');
    await mount(page);
    assert.equal(await page.evaluate(() => !!document.querySelector('#host').shadowRoot), true, 'mount creates an open shadow root');

    // Inside: the controls are visible (the host's display:none does not reach in).
    for (const sel of ['#f-employees', '#f-city', '#sample-select', '#opt-as-of', '#btn-print', '#f-revenue-last']) {
      assert.equal(await page.locator(`#host >> ${sel}`).first().isVisible(), true, `${sel} inside the widget should be visible`);
    }
    // The widget's own type and colour.
    const label = await inShadow(page, (scope) => {
      const cs = getComputedStyle(scope.querySelector('label[for="f-employees"]'));
      return { fontSize: cs.fontSize, color: cs.color };
    });
    const px = parseFloat(label.fontSize);
    assert.ok(px >= 10 && px <= 20, `the label of #f-employees inside the widget is ${label.fontSize} (host CSS forces 40px); expected the widget's size (≤ 20px)`);
    assert.notEqual(label.color, RED, 'the label inside the widget is red: the host colour leaks in');
    const inside = await inShadow(page, (scope) => {
      const cs = (el) => getComputedStyle(el);
      const input = scope.querySelector('#f-employees');
      const field = input.closest('.field');
      const card = scope.querySelector('.card');
      const root = scope.querySelector('.srdi-root');
      const body = scope.querySelector('#result-tiers') || root;
      return {
        inputFont: cs(input).fontSize,
        inputColor: cs(input).color,
        inputBoxSizing: cs(input).boxSizing,
        fieldBorder: cs(field).borderTopWidth + ' ' + cs(field).borderTopColor,
        rootBorder: cs(root).borderTopWidth,
        cardRadius: card ? cs(card).borderTopLeftRadius : null,
        textColor: cs(body).color,
        textFont: cs(body).fontSize,
      };
    });
    assert.ok(parseFloat(inside.inputFont) <= 20, `input font-size inside the widget: ${inside.inputFont}`);
    assert.notEqual(inside.inputColor, RED, 'input text inside the widget is red');
    assert.notEqual(inside.textColor, RED, 'result text inside the widget is red');
    assert.ok(parseFloat(inside.textFont) <= 20, `result text font-size inside the widget: ${inside.textFont}`);
    assert.equal(inside.inputBoxSizing, 'border-box', 'the widget\'s own box-sizing applies inside');
    assert.equal(inside.rootBorder, '0px', 'the host\'s div border reaches the widget root');
    assert.ok(!/^5px/.test(inside.fieldBorder), `a div inside the widget has the host's border: ${inside.fieldBorder}`);
    assert.equal(inside.cardRadius, '8px', 'the widget\'s .card rule applies inside (its stylesheet is loaded)');

    // Outside: the host's own rules still apply, the widget's do not.
    const p = await style(page, '#host-p', ['color', 'font-size', 'box-sizing']);
    assert.deepEqual(p, { color: RED, 'font-size': '40px', 'box-sizing': 'content-box' }, 'the host paragraph keeps the host\'s styling');
    const card = await style(page, '#host-card', ['border-top-left-radius', 'padding-top', 'background-color', 'border-top-width', 'border-top-color', 'position', 'display']);
    assert.equal(card['border-top-left-radius'], '0px', 'the widget\'s .card rule reaches a host element');
    assert.equal(card['padding-top'], '0px', 'the widget\'s .card/.toolbar padding reaches a host element');
    assert.equal(card['background-color'], 'rgba(0, 0, 0, 0)', 'the widget\'s .card/.top background reaches a host element');
    assert.equal(card['border-top-width'], '5px', 'the host\'s own div border is kept');
    assert.equal(card['display'], 'block', 'the widget\'s .toolbar (flex) rule reaches a host element');
    assert.equal((await style(page, '#host-button', ['display'])).display, 'none', 'the host\'s own rule for its buttons is kept');
    assert.equal((await style(page, 'body', ['margin-top']))['margin-top'], '8px',
      'the widget\'s body { margin: 0 } reaches the host page');
    const doc = await page.evaluate(() => ({
      sheets: document.styleSheets.length,
      adopted: (document.adoptedStyleSheets || []).length,
      brand: getComputedStyle(document.documentElement).getPropertyValue('--brand'),
      htmlLang: document.documentElement.lang,
      htmlState: document.documentElement.getAttribute('data-srdi-state'),
    }));
    assert.equal(doc.sheets, 1, 'the widget added a stylesheet to the host document');
    assert.equal(doc.adopted, 0, 'the widget adopted a stylesheet into the host document');
    assert.equal(doc.brand, '', 'the widget\'s custom properties leak onto the host\'s :root');
    assert.equal(doc.htmlLang, 'en', 'the widget changed the host document\'s lang');
    assert.equal(doc.htmlState, null, 'the widget marked the host document (data-srdi-state belongs on the mount element)');
    assert.deepEqual(log.errors, [], `errors:\n  ${log.errors.join('\n  ')}`);
  } finally {
    await context.close();
  }
});

test('typing raises srdi:result and onResult; setProfile gives the CLI result; unmount leaves nothing; a second mount works', async () => {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const { page, log } = await openHost(context);
    await mount(page);
    const counts = () => page.evaluate(() => [window.events.length, window.callbacks.length]);
    // The first result has been announced both ways.
    await h.eventually(async () => {
      const [e, c] = await counts();
      assert.ok(e >= 1 && c >= 1, `no first result announced (events ${e}, onResult ${c})`);
    });
    const first = await page.evaluate(() => window.events[window.events.length - 1]);
    assert.deepEqual(h.summaryKey(first), h.expectedSummaryKey(h.cliEvaluate({})), 'the first result is the empty form\'s');

    // setProfile(example) → the CLI result on screen and in the events.
    const text = fs.readFileSync(h.examplePath('precision-parts'), 'utf8');
    const r = await page.evaluate((t) => window.handle.setProfile(JSON.parse(t)), text);
    assert.deepEqual(r, { ok: true });
    const want = h.cliEvaluate(h.examplePath('precision-parts'));
    await h.eventually(async () => assert.deepEqual(await h.readScreenIn(page, '#host'), h.expectedScreen(want), 'the widget shows something else than the CLI'));
    await h.eventually(async () => {
      const got = await page.evaluate(() => window.events[window.events.length - 1]);
      assert.deepEqual(h.summaryKey(got), h.expectedSummaryKey(want));
    });
    assert.equal(await page.locator('#host >> #f-employees').inputValue(), '186');
    assert.equal(await page.locator('#host >> #f-revenue-last').inputValue(), h.yuanToWan('86000000.00'));

    // Typing inside the shadow root: 186 → 1500 employees changes the size class, and the result
    // is announced (events are raised only when the result changes).
    const [e0] = await counts();
    const employees = page.locator('#host >> #f-employees');
    await employees.fill('');
    await employees.pressSequentially('1500', { delay: 20 });
    const typed = { ...JSON.parse(text), employees: 1500 };
    const wantTyped = h.expectedSummaryKey(h.cliEvaluate(typed));
    assert.notDeepEqual(wantTyped, h.expectedSummaryKey(want), 'the typed value should change the result');
    await h.eventually(async () => {
      assert.ok((await counts())[0] > e0, 'typing raised no srdi:result event');
      const got = await page.evaluate(() => window.events[window.events.length - 1]);
      assert.deepEqual(h.summaryKey(got), wantTyped);
    }, 5000);
    const [ev, cb] = await page.evaluate(() => [window.events[window.events.length - 1], window.callbacks[window.callbacks.length - 1]]);
    assert.deepEqual(cb, ev, 'onResult and the srdi:result event carry the same summary');
    await h.eventually(async () => assert.deepEqual(await h.readScreenIn(page, '#host'), h.expectedScreen(h.cliEvaluate(typed)), 'after typing'));

    // An invalid profile: {ok: false, errors}, the form as it was.
    const bad = await page.evaluate(() => window.handle.setProfile('{"employees": -3}'));
    assert.equal(bad.ok, false);
    assert.ok(Array.isArray(bad.errors) && bad.errors.length >= 1 && bad.errors[0].path === '/employees', JSON.stringify(bad));
    assert.equal(await page.locator('#host >> #f-employees').inputValue(), '1500', 'a rejected profile changed the form');

    // clear() empties the form.
    await page.evaluate(() => window.handle.clear());
    await h.eventually(async () => assert.deepEqual(await h.readScreenIn(page, '#host'), h.expectedScreen(h.cliEvaluate({}))));
    assert.equal(await page.locator('#host >> #f-employees').inputValue(), '');

    // unmount(): an empty shadow root, no state attribute, no more events.
    await page.evaluate(() => window.handle.unmount());
    const gone = await page.evaluate(() => {
      const el = document.querySelector('#host');
      return {
        children: el.shadowRoot ? el.shadowRoot.childNodes.length : 0,
        adopted: el.shadowRoot ? el.shadowRoot.adoptedStyleSheets.length : 0,
        state: el.getAttribute('data-srdi-state'),
        light: el.childNodes.length,
      };
    });
    assert.deepEqual(gone, { children: 0, adopted: 0, state: null, light: 0 }, 'unmount() should leave an empty element');
    const [afterUnmount] = await counts();
    await page.waitForTimeout(1200);
    assert.equal((await counts())[0], afterUnmount, 'an unmounted widget still raises events');
    // The focused #f-employees (typed into above) is removed by unmount(): nothing may run on the
    // removed form afterwards.
    const pageErrors = log.errors.filter((e) => e.startsWith('pageerror'));
    assert.deepEqual(pageErrors, [], `uncaught errors after typing, clear() and unmount():\n  ${pageErrors.join('\n  ')}`);

    // A second mount, with options.
    await mount(page, { city: 'jinan' });
    assert.equal(await page.locator('#host >> #f-city').inputValue(), 'jinan', 'the city option of the second mount');
    assert.equal(await page.locator('#host >> #f-employees').isVisible(), true);
    const other = h.examplePath('little-giant-candidate');
    const r2 = await page.evaluate((t) => window.handle.setProfile(t), fs.readFileSync(other, 'utf8'));
    assert.deepEqual(r2, { ok: true });
    await h.eventually(async () => assert.deepEqual(await h.readScreenIn(page, '#host'), h.expectedScreen(h.cliEvaluate(other)), 'second mount'));
    const once = await page.evaluate(() => document.querySelector('#host').shadowRoot.querySelectorAll('#f-employees').length);
    assert.equal(once, 1, 'the second mount rendered the calculator twice');

    assert.deepEqual(log.errors, [], `errors:\n  ${log.errors.join('\n  ')}`);
  } finally {
    await context.close();
  }
});
