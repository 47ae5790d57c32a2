// Shared helpers of the browser tests (node --test tests/web/): Chromium through playwright-core,
// the static server on a free port, a recorder of every request a page makes, readiness and
// re-render waits following the page's DOM contract, axe-core, screenshots, the native CLI for
// reference results, and exact yuan -> 万元 conversion.
'use strict';
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { pathToFileURL } = require('node:url');

const REPO = path.resolve(__dirname, '../..');
// SRDI_WEB_ROOT: test another build of the page (e.g. a copy with a deliberate fault).
const WEB_ROOT = process.env.SRDI_WEB_ROOT ? path.resolve(process.env.SRDI_WEB_ROOT) : path.join(REPO, 'build/web');
const OFFLINE_FILE = path.join(WEB_ROOT, 'srdi-offline.html');
const OFFLINE_URL = pathToFileURL(OFFLINE_FILE).href;
const EXAMPLES = path.join(REPO, 'examples');
const SCREENSHOTS = path.join(REPO, 'build/screenshots');
const CLI = process.env.SRDI_CLI ? path.resolve(process.env.SRDI_CLI) : path.join(REPO, 'build/dev/srdi');
const CHROMIUM = process.env.SRDI_CHROMIUM || '/usr/bin/chromium';
const AS_OF = '2026-11-21';

// ---------------------------------------------------------------------------------------------
// Preconditions: fail loudly (never skip) when the build products are missing.

function requireBuilt() {
  const missing = [];
  for (const f of [path.join(WEB_ROOT, 'index.html'), OFFLINE_FILE]) if (!fs.existsSync(f)) missing.push(path.relative(REPO, f));
  if (missing.length) {
    throw new Error(`missing ${missing.join(', ')}: build the page first ` +
      '(NODE_PATH=/usr/share/nodejs cmake --preset wasm && cmake --build --preset wasm)');
  }
  if (!fs.existsSync(CLI)) {
    throw new Error(`missing native CLI ${CLI}: cmake --preset dev && cmake --build --preset dev --target srdi (or set SRDI_CLI)`);
  }
}

// ---------------------------------------------------------------------------------------------
// Browser and server.

const LAUNCH_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-dev-shm-usage',
];

async function launch() {
  const { chromium } = require('playwright-core');
  // playwright-core gives every launch a fresh temporary profile directory of its own.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS });
}

async function startServer() {
  const { start } = require('../../scripts/serve.js');
  return start({ root: WEB_ROOT, port: 0, host: '127.0.0.1' });
}

// One browser and one server for a test file: `const env = await setup(); ... await env.close()`.
async function setup({ server = true } = {}) {
  requireBuilt();
  const browser = await launch();
  const srv = server ? await startServer() : null;
  // What the server itself saw: requests the browser makes on its own (e.g. /favicon.ico) do
  // not reach page.on('request').
  const served = [];
  if (srv) {
    srv.server.on('request', (req, res) => {
      res.on('finish', () => served.push({ path: req.url, status: res.statusCode }));
    });
  }
  return {
    browser,
    server: srv,
    served,
    url: srv ? srv.url : null,
    async close() {
      await browser.close().catch(() => {});
      if (srv) await srv.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Request recorder: every request of a page; offenders are those that leave the page's own
// files (another origin for a served page; anything but file:, data: and blob: for file://).

function recordRequests(page, { onlyFile = null } = {}) {
  const requests = [];
  const failures = [];
  const errors = [];
  page.on('request', (r) => requests.push({ url: r.url(), type: r.resourceType(), frame: r.frame() === page.mainFrame() ? 'main' : 'sub' }));
  page.on('requestfailed', (r) => failures.push(`${r.url()} (${r.failure() && r.failure().errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) failures.push(`${r.url()} -> HTTP ${r.status()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });
  return {
    requests,
    failures,
    errors,
    // The requests that are not the page's own files.
    offenders(pageUrl = page.url()) {
      const base = new URL(pageUrl);
      return requests.filter(({ url }) => {
        const u = new URL(url);
        if (u.protocol === 'data:' || u.protocol === 'blob:') return false;
        if (base.protocol === 'file:') {
          if (u.protocol !== 'file:') return true;
          // The offline page is one self-contained file: it may load itself and nothing else.
          return onlyFile ? decodeURIComponent(u.pathname) !== decodeURIComponent(new URL(onlyFile).pathname) : false;
        }
        return u.origin !== base.origin;
      }).map((r) => `${r.type} ${r.url}`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Waiting on the page (DOM contract: html[data-srdi-state], #results[data-generation]).

async function waitReady(page, timeout = 30000) {
  const handle = await page.waitForFunction(
    () => {
      const s = document.documentElement.dataset.srdiState;
      return s === 'ready' || s === 'error' ? s : false;
    },
    null,
    { timeout, polling: 20 },
  ).catch(async (e) => {
    const state = await page.evaluate(() => document.documentElement.dataset.srdiState).catch(() => '?');
    throw new Error(`page did not reach data-srdi-state=ready within ${timeout} ms (state: ${state}): ${e.message}`);
  });
  const state = await handle.jsonValue();
  if (state !== 'ready') {
    const text = await page.evaluate(() => document.body.innerText.slice(0, 2000)).catch(() => '');
    throw new Error(`page reached data-srdi-state=${state}; page text:\n${text}`);
  }
}

async function generation(page) {
  return page.evaluate(() => {
    const el = document.querySelector('#results');
    return el ? Number(el.dataset.generation || 0) : -1;
  });
}

// Waits until #results has rendered past `before` and then stays unchanged for `quiet` ms, so a
// debounced or multi-step update has finished.
async function waitSettled(page, before, { timeout = 15000, quiet = 250 } = {}) {
  await page.waitForFunction(
    (b) => Number((document.querySelector('#results') || { dataset: {} }).dataset.generation || 0) > b,
    before,
    { timeout, polling: 10 },
  ).catch((e) => {
    throw new Error(`#results did not re-render (data-generation stayed ${before}) within ${timeout} ms: ${e.message}`);
  });
  let last = await generation(page);
  for (;;) {
    await page.waitForTimeout(quiet);
    const now = await generation(page);
    if (now === last) return now;
    last = now;
  }
}

// Runs `action` and waits for the re-render it causes.
async function rerender(page, action, opts) {
  const before = await generation(page);
  await action();
  return waitSettled(page, before, opts);
}

// Retries `fn` (which throws on mismatch) until it passes or `timeout` ms are over; then rethrows
// the last failure, so the assertion message is the real difference.
async function eventually(fn, timeout = 5000, interval = 100) {
  const end = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, interval));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// What the page shows, read through the DOM contract, and the same read from a result JSON.

async function readScreen(page) {
  return page.evaluate(() => {
    const q = (s) => Array.from(document.querySelectorAll(s));
    const size = document.querySelector('#result-size');
    return {
      size: size ? size.dataset.class || null : null,
      tiers: q('#result-tiers [data-tier-id]').map((e) => [e.dataset.tierId, e.dataset.verdict || null]),
      awards: q('#result-awards [data-policy][data-certain]').map((e) => [e.dataset.policy, e.dataset.certain, e.dataset.upperBound]),
    };
  });
}

function expectedScreen(result) {
  return {
    size: result.size.class,
    tiers: result.tiers.map((t) => [t.id, t.verdict]),
    awards: result.awards.documents.map((d) => [d.policy, d.totals.certain, d.totals.upper_bound]),
  };
}

// The comparison table: rows `[data-city][data-policy]` (the page puts both on the same row; a
// nested city > policy layout is read the same way), grouped by city in order.
async function readCompare(page) {
  return page.evaluate(() => {
    const out = [];
    for (const e of document.querySelectorAll('#result-compare [data-policy][data-certain]')) {
      const cityEl = e.closest('[data-city]');
      const city = cityEl ? cityEl.dataset.city : null;
      if (!out.length || out[out.length - 1][0] !== city) out.push([city, []]);
      out[out.length - 1][1].push([e.dataset.policy, e.dataset.certain, e.dataset.upperBound]);
    }
    return out;
  });
}

// A city without any award document has no row to show.
function expectedCompare(result) {
  return result.cities
    .filter((c) => c.awards.documents.length > 0)
    .map((c) => [c.city, c.awards.documents.map((d) => [d.policy, d.totals.certain, d.totals.upper_bound])]);
}

// Asserts (with retries while the page settles) that the screen shows `result`.
async function assertScreenMatches(page, result, label) {
  const want = expectedScreen(result);
  await eventually(async () => {
    const got = await readScreen(page);
    assert.deepEqual(got, want, `${label}: the page shows something else than the CLI`);
  });
}

// ---------------------------------------------------------------------------------------------
// The native CLI.

function cliRaw(command, profile, { asOf = AS_OF, criteria, applicant } = {}) {
  let file = profile;
  let tmp = null;
  if (typeof profile !== 'string' || !fs.existsSync(profile)) {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-web-'));
    file = path.join(tmp, 'profile.json');
    fs.writeFileSync(file, typeof profile === 'string' ? profile : JSON.stringify(profile));
  }
  const args = [command, '--format', 'compact', '--profile', file, '--as-of', asOf];  // the page's bytes
  if (criteria) args.push('--criteria', criteria);
  if (applicant) args.push('--applicant', applicant);
  try {
    return execFileSync(CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}
const cliEvaluate = (profile, opts) => JSON.parse(cliRaw('evaluate', profile, opts));
const cliCompare = (profile, opts) => JSON.parse(cliRaw('compare', profile, opts));

function examplePath(id) {
  return path.join(EXAMPLES, `${id}.json`);
}
function exampleIds() {
  return fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

// ---------------------------------------------------------------------------------------------
// Page actions.

async function gotoReady(page, url, timeout = 30000) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout });
  await waitReady(page, timeout);
}

async function sampleIds(page) {
  return page.$$eval('#sample-select option', (os) => os.map((o) => o.value).filter((v) => v !== ''));
}

async function loadSample(page, id) {
  // Choosing the option already selected fires no change: go through another one first.
  if ((await page.inputValue('#sample-select')) === id) {
    const values = await page.$$eval('#sample-select option', (os) => os.map((o) => o.value));
    const other = values.find((v) => v !== id && v !== '') ?? values.find((v) => v !== id);
    if (other !== undefined) await rerender(page, () => page.selectOption('#sample-select', other));
  }
  return rerender(page, () => page.selectOption('#sample-select', id));
}

async function setAsOf(page, date) {
  const current = await page.inputValue('#opt-as-of');
  if (current === date) return generation(page);
  return rerender(page, () => page.fill('#opt-as-of', date));
}

// Values of every control of the form and of the option pickers, by id (or name), for
// before/after comparisons.
async function readFields(page) {
  return page.evaluate(() => {
    const out = {};
    const els = document.querySelectorAll('#profile-form input, #profile-form select, #profile-form textarea, #opt-as-of, #opt-criteria, #opt-applicant');
    for (const el of els) {
      if (el.type === 'file' || el.type === 'button' || el.type === 'submit') continue;
      const key = el.id ? `#${el.id}` : `[name=${el.name}]`;
      out[key] = el.type === 'checkbox' || el.type === 'radio' ? el.checked : el.value;
    }
    return out;
  });
}

// ---------------------------------------------------------------------------------------------
// axe-core (the page's CSP forbids injected scripts: use a context with bypassCSP: true).

async function runAxe(page, options = {}) {
  const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate((opts) => window.axe.run(document, opts), {
    resultTypes: ['violations'],
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    ...options,
  });
}

function formatViolations(violations) {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 8).map((n) => `      ${n.target.join(' ')}: ${(n.failureSummary || '').replace(/\s+/g, ' ').slice(0, 240)}`);
    return `  [${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} node(s))\n${nodes.join('\n')}`;
  }).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Screenshots.

async function screenshot(page, name, opts = {}) {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, name.endsWith('.png') ? name : `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, ...opts });
  return file;
}

// Width and height of a PNG file, from its IHDR chunk.
function pngSize(file) {
  const b = fs.readFileSync(file);
  assert.equal(b.toString('latin1', 1, 4), 'PNG', `${file} is not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

// ---------------------------------------------------------------------------------------------
// Exact money conversion: yuan (decimal string, at most 2 decimals) -> 万元, by moving the
// decimal point four places, with no floating point. "86000000.00" -> "8600",
// "2450000.00" -> "245", "12345.67" -> "1.234567", "-5.5" -> "-0.00055", "0" -> "0".

function yuanToWan(yuan) {
  const s = String(yuan).trim();
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(s);
  if (!m) throw new Error(`not a yuan amount with at most 2 decimals: ${JSON.stringify(yuan)}`);
  const [, sign, int, frac = ''] = m;
  const digits = (int + frac.padEnd(2, '0')).replace(/^0+/, '') || '0'; // in fen
  const padded = digits.padStart(7, '0'); // 1 wan = 10^6 fen: keep at least one integer digit
  let whole = padded.slice(0, -6).replace(/^0+(?=\d)/, '');
  let dec = padded.slice(-6).replace(/0+$/, '');
  if (whole === '') whole = '0';
  const out = dec ? `${whole}.${dec}` : whole;
  return sign && out !== '0' ? `-${out}` : out;
}

// The inverse, for reading money controls back: "8600" -> "86000000.00".
function wanToYuan(wan) {
  const m = /^(-?)(\d+)(?:\.(\d{1,6}))?$/.exec(String(wan).trim());
  if (!m) throw new Error(`not a 万元 amount with at most 6 decimals: ${JSON.stringify(wan)}`);
  const [, sign, int, frac = ''] = m;
  const fen = ((int + frac.padEnd(6, '0')).replace(/^0+/, '') || '0').padStart(3, '0');
  const out = `${fen.slice(0, -2)}.${fen.slice(-2)}`;
  return sign && /[1-9]/.test(fen) ? `-${out}` : out;
}

// Scalar leaves of a profile, as [dotted path, value]; lists and sci_award are left to the caller.
function scalarFields(profile, prefix = '', out = []) {
  for (const [k, v] of Object.entries(profile)) {
    const p = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined) continue;
    if (Array.isArray(v)) continue;
    if (typeof v === 'object') scalarFields(v, p, out);
    else out.push([p, v]);
  }
  return out;
}

const fieldId = (dotted) => `f-${dotted.replace(/\./g, '-')}`;

// Asserts two texts are identical; on failure names the first differing line with some context
// (instead of printing two whole documents).
function assertSameText(actual, expected, label) {
  if (actual === expected) return;
  const a = actual.split('\n');
  const b = expected.split('\n');
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const ctx = (xs) => xs.slice(Math.max(0, i - 3), i + 4).map((l, k) => `  ${Math.max(0, i - 3) + k + 1}: ${l}`).join('\n');
  assert.fail(`${label}: texts differ first at line ${i + 1} (${a.length} vs ${b.length} lines)\n` +
    `--- page\n${ctx(a)}\n--- CLI\n${ctx(b)}`);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

module.exports = {
  REPO, WEB_ROOT, OFFLINE_FILE, OFFLINE_URL, EXAMPLES, SCREENSHOTS, CLI, AS_OF,
  requireBuilt, launch, startServer, setup,
  recordRequests, waitReady, generation, waitSettled, rerender, eventually,
  readScreen, expectedScreen, readCompare, expectedCompare, assertScreenMatches,
  cliRaw, cliEvaluate, cliCompare, examplePath, exampleIds,
  gotoReady, sampleIds, loadSample, setAsOf, readFields,
  runAxe, formatViolations, screenshot, pngSize,
  yuanToWan, wanToYuan, scalarFields, fieldId, median, assertSameText,
};

// ---------------------------------------------------------------------------------------------
// Embedding helpers (tests/web/embed, mount, kiosk, english): more static servers, the summary a
// host page receives, and the screen read inside a shadow root.

// A static server of any directory (scripts/serve.js), on 127.0.0.1 or localhost: two servers
// (or one server reached by two names) are two origins.
async function serveDir(root, host = '127.0.0.1') {
  const { start } = require('../../scripts/serve.js');
  const srv = await start({ root, port: 0, host });
  return { ...srv, origin: `http://${host}:${srv.port}` };
}

// The comparable part of a host summary ({type: 'srdi:result', summary}) and the same read from
// a CLI result.
function summaryKey(summary) {
  return {
    as_of: summary.as_of,
    size: summary.size,
    tiers: (summary.tiers || []).map((t) => [t.id, t.verdict]),
    awards: (summary.awards || []).map((a) => [a.policy, a.certain, a.upper_bound]),
  };
}
function expectedSummaryKey(result) {
  return {
    as_of: result.as_of,
    size: result.size.class,
    tiers: result.tiers.map((t) => [t.id, t.verdict]),
    awards: result.awards.documents.map((d) => [d.policy, d.totals.certain, d.totals.upper_bound]),
  };
}

// readScreen inside the shadow root of the element `hostSelector` (SRDI.mount).
async function readScreenIn(page, hostSelector) {
  return page.evaluate((sel) => {
    const host = document.querySelector(sel);
    const scope = host && host.shadowRoot;
    if (!scope) return null;
    const q = (s) => Array.from(scope.querySelectorAll(s));
    const size = scope.querySelector('#result-size');
    return {
      size: size ? size.dataset.class || null : null,
      tiers: q('#result-tiers [data-tier-id]').map((e) => [e.dataset.tierId, e.dataset.verdict || null]),
      awards: q('#result-awards [data-policy][data-certain]').map((e) => [e.dataset.policy, e.dataset.certain, e.dataset.upperBound]),
    };
  }, hostSelector);
}

// Waits until the element `selector` carries data-srdi-state="ready" (SRDI.mount's host element).
async function waitElementReady(page, selector, timeout = 30000) {
  await page.waitForFunction((sel) => {
    const el = document.querySelector(sel);
    return !!el && el.getAttribute('data-srdi-state') === 'ready';
  }, selector, { timeout, polling: 20 }).catch(async (e) => {
    const state = await page.evaluate((sel) => {
      const el = document.querySelector(sel);
      return el ? el.getAttribute('data-srdi-state') : 'no element';
    }, selector).catch(() => '?');
    throw new Error(`${selector} did not reach data-srdi-state=ready within ${timeout} ms (state: ${state}): ${e.message}`);
  });
}

// Chinese characters (CJK unified ideographs) in a text; full-width punctuation such as （） is
// not counted here.
const HAN = /[\u3400-\u4dbf\u4e00-\u9fff]/;
function hasChinese(text) {
  return HAN.test(String(text));
}

Object.assign(module.exports, {
  serveDir, summaryKey, expectedSummaryKey, readScreenIn, waitElementReady, hasChinese,
});
