// The calculator in an iframe of a portal on another origin (docs/embedding.md): it announces
// itself (srdi:ready), takes a profile from the host (srdi:set-profile), reports every new result
// (srdi:result, the CLI's verdicts and totals), clears on srdi:clear, refuses invalid profiles
// (srdi:profile-rejected), and ignores — with a console warning, never an exception — messages
// from origins it was not told about and malformed messages. Two servers: build/web on
// http://127.0.0.1:A (the calculator) and tests/web/hosts/ on http://localhost:B (the portal); the
// portal server reached as http://127.0.0.1:B is a third origin.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const h = require('./harness');

const HOSTS = path.join(__dirname, 'hosts');
const PROFILE_FILE = h.examplePath('precision-parts');
const PROFILE_TEXT = fs.readFileSync(PROFILE_FILE, 'utf8');
const CITY = 'zaozhuang';

let env;
let calc; // the calculator: build/web on 127.0.0.1
let portal; // the host pages on localhost
let stranger; // the same host pages on 127.0.0.1: a third origin

test.before(async () => {
  env = await h.setup({ server: false });
  calc = await h.serveDir(h.WEB_ROOT, '127.0.0.1');
  portal = await h.serveDir(HOSTS, 'localhost');
  stranger = await h.serveDir(HOSTS, '127.0.0.1');
});
test.after(async () => {
  if (env) await env.close();
  for (const s of [calc, portal, stranger]) if (s) await s.close();
});

function calcSrc(allowed) {
  return `${calc.origin}/index.html?origins=${encodeURIComponent(allowed)}&as_of=${h.AS_OF}&city=${CITY}`;
}

// Opens iframe-host.html from `hostOrigin`, embedding the calculator that allows `allowed`; returns
// the page, the calculator's frame (ready) and what the page and its frames reported.
async function openHost(context, hostOrigin, allowed) {
  const page = await context.newPage();
  const log = { warnings: [], errors: [] };
  page.on('console', (m) => {
    if (m.type() === 'warning') log.warnings.push(m.text());
    if (m.type() === 'error') log.errors.push(`console.error: ${m.text()}`);
  });
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  const url = `${hostOrigin}/iframe-host.html?src=${encodeURIComponent(calcSrc(allowed))}`;
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const handle = await page.waitForSelector('#calc');
  let frame = null;
  await h.eventually(async () => {
    frame = await handle.contentFrame();
    assert.ok(frame && frame.url().startsWith(calc.origin), `the calculator frame has not navigated (${frame && frame.url()})`);
  }, 15000);
  await h.waitReady(frame);
  return { page, frame, log };
}

const received = (page) => page.evaluate(() => window.received);
const post = (page, message, target = calc.origin) =>
  page.evaluate(([m, t]) => window.sendToCalc(m, t), [message, target]);

// Waits for a message of `type` received after the first `from` messages and satisfying `pred`;
// on timeout, fails with what did arrive.
async function waitMessage(page, type, from, pred = () => true, timeout = 15000) {
  const end = Date.now() + timeout;
  for (;;) {
    const all = await received(page);
    const hit = all.slice(from).find((r) => r.data && r.data.type === type && pred(r));
    if (hit) return hit;
    if (Date.now() > end) {
      const got = all.slice(from).map((r) => `${r.origin} ${JSON.stringify(r.data).slice(0, 300)}`);
      assert.fail(`no ${type} message (after #${from}) within ${timeout} ms; received:\n  ${got.join('\n  ') || '(nothing)'}`);
    }
    await page.waitForTimeout(50);
  }
}

const keyEquals = (want) => (r) => {
  try {
    assert.deepEqual(h.summaryKey(r.data.summary), want);
    return true;
  } catch {
    return false;
  }
};

test('iframe on another origin: ready, set-profile → the CLI result, clear → the empty form, malformed messages ignored, invalid profile rejected', async () => {
  const context = await env.browser.newContext();
  try {
    const { page, frame, log } = await openHost(context, portal.origin, portal.origin);

    // srdi:ready, from the calculator's origin, with the engine version.
    const ready = await waitMessage(page, 'srdi:ready', 0);
    assert.equal(ready.origin, calc.origin, 'srdi:ready comes from the calculator origin');
    assert.match(String(ready.data.version), /^\d+\.\d+\.\d+$/, 'srdi:ready carries the engine version');
    // The first result (the empty form with the URL's city) is announced as well.
    const emptyWant = h.expectedSummaryKey(h.cliEvaluate({ city: CITY }));
    await waitMessage(page, 'srdi:result', 0, keyEquals(emptyWant));

    // set-profile (as an object) → a result equal to the CLI's for that profile and date.
    let from = (await received(page)).length;
    const full = h.cliEvaluate(PROFILE_FILE);
    const want = h.expectedSummaryKey(full);
    assert.equal(want.as_of, h.AS_OF);
    await post(page, { type: 'srdi:set-profile', profile: JSON.parse(PROFILE_TEXT) });
    const res = await waitMessage(page, 'srdi:result', from, (r) => r.data.summary && r.data.summary.tiers &&
      r.data.summary.tiers.length === want.tiers.length && r.data.summary.awards.length === want.awards.length);
    assert.equal(res.origin, calc.origin);
    const summary = res.data.summary;
    assert.deepEqual(h.summaryKey(summary), want, 'srdi:result differs from the CLI (tiers id+verdict, awards policy+certain+upper_bound, size)');
    assert.equal(summary.criteria, full.criteria.version, 'summary.criteria is the criteria version used');
    assert.deepEqual(summary.tiers.map((t) => t.title), full.tiers.map((t) => t.title));
    assert.deepEqual(summary.awards.map((a) => [a.jurisdiction, a.status, a.in_force, a.unquantified]),
      full.awards.documents.map((d) => [d.jurisdiction, d.status, d.in_force, d.totals.unquantified]));
    // data_version: the engine and the policy files used.
    assert.equal(summary.data_version.engine, full.engine.version);
    const pol = summary.data_version.policies;
    assert.ok(Array.isArray(pol) && pol.length > 0, 'data_version.policies lists the policy files');
    assert.deepEqual(pol.map((p) => p.id), full.policies.map((p) => p.id));
    if (pol.some((p) => p.sha256 !== undefined)) {
      for (const p of pol) assert.match(String(p.sha256), /^[0-9a-f]{64}$/, `policy ${p.id}: sha256 should be 64 hex digits`);
    } else {
      console.log('# data_version.policies carry no sha256 yet: that assertion is skipped');
    }
    // The page behind it shows the same.
    await h.assertScreenMatches(frame, full, 'the calculator frame after srdi:set-profile');
    assert.equal(await frame.inputValue('#f-employees'), '186');

    // Malformed messages from the allowed origin: ignored with a warning, nothing changes.
    const fieldsBefore = await h.readFields(frame);
    const genBefore = await h.generation(frame);
    from = (await received(page)).length;
    const warningsBefore = log.warnings.length;
    const malformed = [
      'srdi:set-profile',
      {},
      { type: 'srdi:set-profile' },
      { type: 'srdi:set-profile', profile: null },
      { type: 'srdi:set-profile', profile: 42 },
      null,
      [1, 2],
      { type: 42 },
      { type: 'srdi:no-such-message' },
    ];
    for (const m of malformed) await post(page, m);
    await page.waitForTimeout(800);
    assert.deepEqual(log.errors, [], 'malformed messages caused errors');
    assert.deepEqual(await h.readFields(frame), fieldsBefore, 'a malformed message changed the form');
    assert.equal(await h.generation(frame), genBefore, 'a malformed message re-rendered the results');
    const after = (await received(page)).slice(from).map((r) => r.data && r.data.type);
    assert.deepEqual(after, [], 'a malformed message was answered');
    assert.ok(log.warnings.length - warningsBefore >= malformed.length,
      `each malformed message should be reported with console.warn (${log.warnings.length - warningsBefore} warnings for ${malformed.length} messages):\n  ${log.warnings.slice(warningsBefore).join('\n  ')}`);

    // An invalid profile (as JSON text): srdi:profile-rejected with the engine's errors, form unchanged.
    from = (await received(page)).length;
    await post(page, { type: 'srdi:set-profile', profile: '{"employees": 10, "revenue": {"last": "1.234"}}' });
    const rej = await waitMessage(page, 'srdi:profile-rejected', from);
    assert.equal(rej.origin, calc.origin);
    assert.ok(Array.isArray(rej.data.errors), 'srdi:profile-rejected carries errors');
    assert.deepEqual(rej.data.errors.map((e) => [e.code, e.path]), [['profile.money_precision', '/revenue/last']]);
    // An invalid profile as an object (unknown key, wrong type): rejected too.
    await post(page, { type: 'srdi:set-profile', profile: { employees: 'many', no_such_field: 1 } });
    const rej2 = await waitMessage(page, 'srdi:profile-rejected', from + 1);
    assert.ok(rej2.data.errors.length >= 2, `both problems are reported: ${JSON.stringify(rej2.data.errors)}`);
    await page.waitForTimeout(300);
    assert.deepEqual(await h.readFields(frame), fieldsBefore, 'a rejected profile changed the form');
    assert.equal(await h.generation(frame), genBefore, 'a rejected profile re-rendered the results');
    assert.deepEqual((await received(page)).slice(from).filter((r) => r.data && r.data.type === 'srdi:result'), [],
      'a rejected profile produced a result');

    // srdi:clear → a result of the empty form (the URL's city stays).
    from = (await received(page)).length;
    await post(page, { type: 'srdi:clear' });
    const cleared = await waitMessage(page, 'srdi:result', from);
    assert.deepEqual(h.summaryKey(cleared.data.summary), emptyWant, 'after srdi:clear the result is the empty form\'s');
    assert.equal(await frame.inputValue('#f-employees'), '');
    assert.equal(await frame.inputValue('#f-city'), CITY, 'the URL option city= is kept after a clear');
    await h.assertScreenMatches(frame, h.cliEvaluate({ city: CITY }), 'the calculator frame after srdi:clear');

    // The profile as JSON text, byte for byte the example file: accepted as well.
    from = (await received(page)).length;
    await post(page, { type: 'srdi:set-profile', profile: PROFILE_TEXT });
    const again = await waitMessage(page, 'srdi:result', from);
    assert.deepEqual(h.summaryKey(again.data.summary), want, 'set-profile with JSON text');

    // Every message the host got came from the calculator and is one of the protocol's.
    for (const r of await received(page)) {
      assert.equal(r.origin, calc.origin);
      assert.ok(['srdi:ready', 'srdi:result', 'srdi:resize', 'srdi:profile-rejected'].includes(r.data && r.data.type), `unexpected message ${JSON.stringify(r.data)}`);
    }
    assert.deepEqual(log.errors, [], `errors in the host or the frame:\n  ${log.errors.join('\n  ')}`);
  } finally {
    await context.close();
  }
});

test('a host on an origin not in origins= is not heard and not answered', async () => {
  const context = await env.browser.newContext();
  try {
    // The calculator allows only the portal (localhost:B); this host is 127.0.0.1:B.
    assert.notEqual(stranger.origin, portal.origin);
    const { page, frame, log } = await openHost(context, stranger.origin, portal.origin);
    const fieldsBefore = await h.readFields(frame);
    const genBefore = await h.generation(frame);
    assert.equal(fieldsBefore['#f-employees'], '');

    const warningsBefore = log.warnings.length;
    await post(page, { type: 'srdi:set-profile', profile: JSON.parse(PROFILE_TEXT) });
    await post(page, { type: 'srdi:set-profile', profile: PROFILE_TEXT });
    await post(page, { type: 'srdi:clear' });
    await post(page, 'garbage');
    await h.eventually(() => {
      const ignored = log.warnings.slice(warningsBefore).filter((w) => /ignored/i.test(w));
      assert.ok(ignored.length >= 4, `each message from ${stranger.origin} should be reported as ignored; warnings:\n  ${log.warnings.join('\n  ')}`);
    });
    await page.waitForTimeout(800);
    assert.equal(await page.frameLocator('#calc').locator('#f-employees').inputValue(), '', 'the form took a profile from a foreign origin');
    assert.deepEqual(await h.readFields(frame), fieldsBefore, 'a message from a foreign origin changed the form');
    assert.equal(await h.generation(frame), genBefore, 'a message from a foreign origin re-rendered the results');
    // The frame posts only to the allowed origin, so this host hears nothing at all.
    assert.deepEqual(await received(page), [], 'the calculator posted to a parent that is not an allowed origin');
    assert.deepEqual(log.errors, [], `errors:\n  ${log.errors.join('\n  ')}`);
  } finally {
    await context.close();
  }
});

test('no origins= at all: the frame neither posts nor listens', async () => {
  const context = await env.browser.newContext();
  try {
    const page = await context.newPage();
    const log = { warnings: [], errors: [] };
    page.on('console', (m) => { if (m.type() === 'warning') log.warnings.push(m.text()); });
    page.on('pageerror', (e) => log.errors.push(e.message));
    const src = `${calc.origin}/index.html?as_of=${h.AS_OF}`;
    await page.goto(`${portal.origin}/iframe-host.html?src=${encodeURIComponent(src)}`);
    const frame = await (await page.waitForSelector('#calc')).contentFrame();
    await h.eventually(() => assert.ok(frame.url().startsWith(calc.origin)), 15000);
    await h.waitReady(frame);
    await post(page, { type: 'srdi:set-profile', profile: PROFILE_TEXT });
    await h.eventually(() => assert.ok(log.warnings.some((w) => /ignored/i.test(w)), `no "ignored" warning: ${log.warnings.join(' | ')}`));
    await page.waitForTimeout(500);
    assert.equal(await frame.inputValue('#f-employees'), '');
    assert.deepEqual(await received(page), []);
    assert.deepEqual(log.errors, []);
  } finally {
    await context.close();
  }
});
