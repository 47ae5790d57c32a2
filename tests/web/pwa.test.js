// Offline use of the served page through its service worker (web/sw.js, registered by web/pwa.js):
// the build versions the worker's cache by the site's content and precaches every file; once
// opened, the page works with the server gone; a new version (new policy data) installs in the
// background, waits, is announced to the page (`srdi:update-available`) and takes over only when
// the page asks (SRDI_PWA.applyUpdate()), which reloads it under the new version and drops the old
// cache. The single offline file and kiosk mode register no worker at all.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
const h = require('./harness');
const { start } = require('../../scripts/serve.js');

const SAMPLE = 'precision-parts';

// The version and file list that scripts/build_web.js put into a built sw.js.
function readWorker(root) {
  const text = fs.readFileSync(path.join(root, 'sw.js'), 'utf8');
  const version = /const VERSION = '([0-9a-f]{16})';/.exec(text);
  const precache = /const PRECACHE = (\[[^\n]*\]);/.exec(text);
  assert.ok(version, `${root}/sw.js has no 16-hex-digit VERSION (was it built by scripts/build_web.js?)`);
  assert.ok(precache, `${root}/sw.js has no PRECACHE list`);
  return { text, version: version[1], precache: JSON.parse(precache[1]) };
}

// A server over `root` that records every path it is asked for.
async function serve(root) {
  const srv = await start({ root, port: 0, host: '127.0.0.1' });
  const seen = [];
  srv.server.on('request', (req) => seen.push(req.url));
  let closed = false;
  return {
    url: srv.url,
    seen,
    async close() {
      if (!closed) await srv.close();
      closed = true;
    },
  };
}

// A new browser context whose every page counts the `srdi:update-available` events it receives
// (an init script: it runs before the page's own scripts, whatever the page's CSP says).
async function newContext(browser) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    window.__srdiUpdates = 0;
    window.addEventListener('srdi:update-available', () => {
      window.__srdiUpdates += 1;
    });
  });
  return context;
}

// Waits until a service worker controls the page (the first install claims the page; otherwise
// one reload brings it under the worker).
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  const controlled = await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 5000 })
    .then(() => true, () => false);
  if (!controlled) {
    await page.reload({ waitUntil: 'domcontentloaded' });
    await h.waitReady(page);
  }
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'no service worker controls the page');
}

// The version of the worker that controls the page, as the worker itself tells it.
function controllerVersion(page) {
  return page.evaluate(() => new Promise((resolve, reject) => {
    const worker = navigator.serviceWorker.controller;
    if (!worker) return resolve(null);
    const channel = new MessageChannel();
    channel.port1.onmessage = (e) => resolve(e.data && e.data.version);
    worker.postMessage({ type: 'srdi:get-version' }, [channel.port2]);
    setTimeout(() => reject(new Error('the worker did not answer srdi:get-version')), 5000);
  }));
}

const cacheKeys = (page) => page.evaluate(() => caches.keys());

async function registrationCount(page) {
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator) || !navigator.serviceWorker) return 0;
    try {
      return (await navigator.serviceWorker.getRegistrations()).length;
    } catch (e) {
      return 0; // file://: no service workers at all
    }
  });
}

let browser;
test.before(async () => {
  h.requireBuilt();
  browser = await h.launch();
});
test.after(async () => {
  if (browser) await browser.close().catch(() => {});
});

test('the build versions sw.js and lists every file of the site; only the served page loads pwa.js', () => {
  const { text, version, precache } = readWorker(h.WEB_ROOT);
  assert.ok(!text.includes('__SRDI_'), 'a placeholder was left in build/web/sw.js');
  // Every file of the site: all of web/'s files (but the worker itself), app.js (bundled from
  // web/app/) and the generated scripts; and only files of build/web/, never the offline file, the
  // worker or the sources of app.js.
  assert.deepEqual(precache.slice(0, 2), ['./', 'index.html']);
  const webFiles = fs.readdirSync(path.join(h.REPO, 'web'), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  const must = ['srdi.js', 'srdi-wasm.js', 'data.js', 'app.js', ...webFiles.filter((f) => f !== 'sw.js')];
  for (const f of must) assert.ok(precache.includes(f), `sw.js does not precache ${f}`);
  for (const f of precache.slice(1)) assert.ok(fs.existsSync(path.join(h.WEB_ROOT, f)), `precached ${f} is not in build/web`);
  assert.ok(!precache.includes('srdi-offline.html') && !precache.includes('sw.js'));
  assert.ok(!precache.some((f) => /^app\//.test(f)) && !fs.existsSync(path.join(h.WEB_ROOT, 'app')),
    'web/app/ (the sources of app.js) is neither precached nor copied into build/web');
  assert.equal(new Set(precache).size, precache.length, 'a file is listed twice');
  assert.match(version, /^[0-9a-f]{16}$/);

  const index = fs.readFileSync(path.join(h.WEB_ROOT, 'index.html'), 'utf8');
  assert.match(index, /<link rel="manifest" href="manifest\.webmanifest">/, 'index.html links the manifest');
  const scripts = [...index.matchAll(/<script src="([^"]+)"><\/script>/g)].map((m) => m[1]);
  assert.equal(scripts[scripts.length - 1], 'pwa.js', 'pwa.js is the last script of index.html');
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(index)[1];
  assert.match(csp, /(^|; )worker-src 'self'(;|$)/, 'the CSP allows the service worker');
  assert.match(csp, /(^|; )manifest-src 'self'(;|$)/, 'the CSP allows the manifest');
  // The page may fetch a portal's own policy files (option policy), from its own origin only.
  assert.match(csp, /(^|; )connect-src 'self'(;|$)/, 'the CSP allows connections to the page\'s own origin only');

  const offline = fs.readFileSync(h.OFFLINE_FILE, 'utf8');
  assert.doesNotMatch(offline, /rel="manifest"/, 'srdi-offline.html links no manifest');
  assert.doesNotMatch(offline, /serviceWorker\.register/, 'srdi-offline.html registers no service worker');
  const offlineCsp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(offline)[1];
  assert.match(offlineCsp, /(^|; )connect-src 'none'(;|$)/, 'srdi-offline.html forbids every connection');

  const manifest = JSON.parse(fs.readFileSync(path.join(h.WEB_ROOT, 'manifest.webmanifest'), 'utf8'));
  assert.equal(manifest.start_url, './');
  for (const icon of manifest.icons) assert.ok(precache.includes(icon.src), `icon ${icon.src} is precached`);
});

test('served: the worker precaches the site, and the page works with the server gone', async () => {
  const { version, precache } = readWorker(h.WEB_ROOT);
  const srv = await serve(h.WEB_ROOT);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const rec = h.recordRequests(page);
    await h.gotoReady(page, srv.url);
    await waitControlled(page);
    assert.equal(await controllerVersion(page), version, 'the controlling worker is the built version');

    const keys = await cacheKeys(page);
    assert.ok(keys.some((k) => k.includes(version)), `no cache named after version ${version}: ${JSON.stringify(keys)}`);
    const cached = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      return (await cache.keys()).map((r) => new URL(r.url).pathname);
    }, `srdi-${version}`);
    const base = new URL(srv.url).pathname;
    assert.deepEqual(cached.sort(), precache.map((f) => base + (f === './' ? '' : f)).sort(),
      'the cache holds exactly the precached files');
    // The manifest loads (the CSP allows it) and Chromium reads it without complaint.
    const cdp = await context.newCDPSession(page);
    const got = await cdp.send('Page.getAppManifest');
    await cdp.detach();
    assert.deepEqual(got.errors, [], 'Chromium found errors in manifest.webmanifest');
    assert.equal(got.url, new URL('manifest.webmanifest', srv.url).href);
    if (got.manifest) {
      assert.equal(got.manifest.name, '专精特新政策自测');
      assert.equal(got.manifest.display, 'kStandalone');
      assert.equal(got.manifest.startUrl, srv.url);
      assert.deepEqual(got.manifest.icons.map((i) => i.url), [new URL('icon.svg', srv.url).href]);
    }
    const events = await page.evaluate(() => window.__srdiUpdates);
    assert.equal(events, 0, 'a first install is not an update');

    // Offline: the browser has no network and the server is gone.
    await srv.close();
    await context.setOffline(true);
    await page.reload({ waitUntil: 'domcontentloaded' });
    await h.waitReady(page);
    assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller));
    await h.loadSample(page, SAMPLE);
    await h.setAsOf(page, h.AS_OF);
    await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(SAMPLE)), `offline, ${SAMPLE}`);
    const result = await page.evaluate(([p, o]) => JSON.parse(window.SRDI.evaluate(p, o)),
      [fs.readFileSync(h.examplePath(SAMPLE), 'utf8'), `{"as_of":"${h.AS_OF}"}`]);
    assert.deepEqual(h.expectedScreen(result), h.expectedScreen(h.cliEvaluate(h.examplePath(SAMPLE))),
      'offline: SRDI.evaluate gives the CLI\'s verdicts');

    // Parameters (?city=…) are still the cached page.
    await h.gotoReady(page, `${srv.url}?city=zaozhuang`);

    assert.deepEqual(rec.offenders(srv.url), [], 'requests beyond the page\'s own files');
    assert.deepEqual(rec.failures, [], `failed requests:\n  ${rec.failures.join('\n  ')}`);
    assert.deepEqual(rec.errors, [], `page errors:\n  ${rec.errors.join('\n  ')}`);
  } finally {
    await context.close();
    await srv.close();
  }
});

test('served: a new version waits, is announced, and takes over only when the page asks', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-pwa-'));
  const root = path.join(dir, 'web');
  fs.cpSync(h.WEB_ROOT, root, { recursive: true });
  const srv = await serve(root);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const rec = h.recordRequests(page);
    await h.gotoReady(page, srv.url);
    await waitControlled(page);
    const old = readWorker(root);
    assert.equal(await controllerVersion(page), old.version);

    // A new release: other policy data, hence another version in sw.js.
    const v2 = old.version === 'fedcba9876543210' ? '0123456789abcdef' : 'fedcba9876543210';
    fs.appendFileSync(path.join(root, 'data.js'), '\nvar SRDI_TEST_RELEASE = "v2";\n');
    fs.writeFileSync(path.join(root, 'sw.js'), old.text.split(old.version).join(v2));

    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg.update();
    });
    await page.waitForFunction(() => window.__srdiUpdates >= 1, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.SRDI_PWA.updateAvailable), true);
    assert.equal(await page.evaluate(() => window.__srdiUpdates), 1, 'the update is announced once');
    // Downloaded, not in use: the old worker still controls the page, both caches exist.
    assert.equal(await controllerVersion(page), old.version);
    assert.ok(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration()).waiting));
    let keys = await cacheKeys(page);
    assert.ok(keys.includes(`srdi-${old.version}`) && keys.includes(`srdi-${v2}`), JSON.stringify(keys));

    // A plain reload does not switch versions (no skipWaiting on install); the waiting version is
    // announced again to the reloaded page.
    await page.reload({ waitUntil: 'domcontentloaded' });
    await h.waitReady(page);
    assert.equal(await controllerVersion(page), old.version);
    assert.equal(await page.evaluate(() => typeof window.SRDI_TEST_RELEASE), 'undefined', 'the old data is still in use');
    await page.waitForFunction(() => window.__srdiUpdates >= 1, null, { timeout: 10000 });

    // The user accepts: the page reloads once, under the new version, and the old cache is gone.
    let loads = 0;
    page.on('load', () => loads++);
    const reloaded = page.waitForEvent('load', { timeout: 30000 });
    assert.equal(await page.evaluate(() => window.SRDI_PWA.applyUpdate()), true);
    await reloaded;
    await h.waitReady(page);
    assert.equal(await controllerVersion(page), v2);
    assert.equal(await page.evaluate(() => window.SRDI_TEST_RELEASE), 'v2', 'the new data is in use');
    await h.eventually(async () => {
      keys = await cacheKeys(page);
      assert.ok(keys.includes(`srdi-${v2}`), `the new cache exists: ${JSON.stringify(keys)}`);
      assert.ok(!keys.includes(`srdi-${old.version}`), `the old cache is deleted: ${JSON.stringify(keys)}`);
    });
    await page.waitForTimeout(500);
    assert.equal(loads, 1, 'applyUpdate reloads the page exactly once');
    assert.equal(await page.evaluate(() => window.__srdiUpdates), 0, 'nothing is waiting any more');
    assert.equal(await page.evaluate(() => window.SRDI_PWA.updateAvailable), false);
    assert.deepEqual(rec.offenders(srv.url), []);
    assert.deepEqual(rec.errors, [], `page errors:\n  ${rec.errors.join('\n  ')}`);
  } finally {
    await context.close();
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('served with ?kiosk=1: no service worker is registered', async () => {
  const srv = await serve(h.WEB_ROOT);
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const rec = h.recordRequests(page);
    await h.gotoReady(page, `${srv.url}?kiosk=1`);
    await page.waitForTimeout(500);
    assert.equal(await registrationCount(page), 0, 'kiosk mode registered a service worker');
    assert.ok(!srv.seen.some((u) => u.startsWith('/sw.js')), 'kiosk mode fetched sw.js');
    assert.equal(await page.evaluate(() => typeof window.SRDI_PWA.applyUpdate), 'function');
    assert.equal(await page.evaluate(() => window.SRDI_PWA.applyUpdate()), false, 'nothing to apply');
    assert.deepEqual(rec.errors, [], `page errors:\n  ${rec.errors.join('\n  ')}`);
  } finally {
    await context.close();
    await srv.close();
  }
});

test('file://: srdi-offline.html registers no worker and loads nothing but itself', async () => {
  const context = await newContext(browser);
  try {
    const page = await context.newPage();
    const rec = h.recordRequests(page, { onlyFile: h.OFFLINE_URL });
    await h.gotoReady(page, h.OFFLINE_URL);
    await page.waitForTimeout(500);
    assert.equal(await registrationCount(page), 0);
    assert.equal(await page.evaluate(() => typeof window.SRDI_PWA), 'undefined', 'pwa.js is not in the offline file');
    assert.deepEqual([...new Set(rec.requests.filter((r) => !/^(data|blob):/.test(r.url)).map((r) => r.url))], [h.OFFLINE_URL]);
    assert.deepEqual(rec.errors, [], `page errors:\n  ${rec.errors.join('\n  ')}`);

    // build/web/index.html opened from file:// loads pwa.js, which stays quiet.
    const warnings = [];
    page.on('console', (m) => {
      if (/srdi pwa/.test(m.text())) warnings.push(m.text());
    });
    await page.goto(pathToFileURL(path.join(h.WEB_ROOT, 'index.html')).href, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => typeof window.SRDI_PWA), 'object', 'pwa.js ran');
    assert.equal(await registrationCount(page), 0);
    assert.equal(await page.evaluate(() => window.SRDI_PWA.applyUpdate()), false);
    assert.deepEqual(warnings, []);
  } finally {
    await context.close();
  }
});
