// The static server (scripts/serve.js) on a throw-away root, and the test helpers' exact money
// conversion. No browser here.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const { start } = require('../../scripts/serve.js');
const { yuanToWan, wanToYuan } = require('./harness');

// A raw GET: the path is sent as written (no client-side normalisation of `..`).
function get(port, rawPath, method = 'GET') {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('static server', async (t) => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-serve-'));
  const root = path.join(base, 'web');
  fs.mkdirSync(path.join(root, 'sub'), { recursive: true });
  const files = {
    'index.html': '<!doctype html><title>中文</title>',
    'app.js': 'console.log(1)',
    'style.css': 'body{}',
    'data.json': '{}',
    'icon.svg': '<svg/>',
    'icon.png': '\x89PNG',
    'app.webmanifest': '{}',
    'sub/index.html': 'sub',
    '.hidden.js': 'secret',
    'notes.xyz': 'unknown type',
  };
  for (const [f, c] of Object.entries(files)) fs.writeFileSync(path.join(root, f), c);
  fs.writeFileSync(path.join(base, 'secret.txt'), 'outside the root');
  fs.symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.js'));

  const srv = await start({ root, port: 0 });
  t.after(async () => {
    await srv.close();
    fs.rmSync(base, { recursive: true, force: true });
  });
  const port = srv.port;

  await t.test('listens on 127.0.0.1 with the port it picked', () => {
    assert.match(srv.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.ok(port > 0);
    assert.equal(srv.server.address().address, '127.0.0.1');
  });

  await t.test('serves files with their content type, utf-8 for text, and no-cache', async () => {
    const want = {
      '/': 'text/html; charset=utf-8',
      '/index.html': 'text/html; charset=utf-8',
      '/app.js': 'text/javascript; charset=utf-8',
      '/style.css': 'text/css; charset=utf-8',
      '/data.json': 'application/json; charset=utf-8',
      '/icon.svg': 'image/svg+xml; charset=utf-8',
      '/icon.png': 'image/png',
      '/app.webmanifest': 'application/manifest+json; charset=utf-8',
      '/sub/': 'text/html; charset=utf-8',
      '/app.js?v=1#x': 'text/javascript; charset=utf-8',
    };
    for (const [p, type] of Object.entries(want)) {
      const r = await get(port, p);
      assert.equal(r.status, 200, p);
      assert.equal(r.headers['content-type'], type, p);
      assert.equal(r.headers['cache-control'], 'no-cache', p);
    }
    const index = await get(port, '/');
    assert.equal(index.body, files['index.html']);
    assert.equal(Number(index.headers['content-length']), Buffer.byteLength(files['index.html']));
    const head = await get(port, '/app.js', 'HEAD');
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  await t.test('refuses path traversal with 403', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/..%5csecret.txt', '/sub/../../secret.txt',
      '/sub/%2E%2E/%2E%2E/secret.txt', '/link.js']) {
      const r = await get(port, p);
      assert.equal(r.status, 403, p);
      assert.doesNotMatch(r.body, /outside the root/, p);
      assert.equal(r.headers['cache-control'], 'no-cache', p);
    }
  });

  await t.test('unknown paths, hidden files and unknown types are 404; other methods 405', async () => {
    for (const p of ['/nope.js', '/sub/nope.html', '/.hidden.js', '/notes.xyz', '/index.html/x']) {
      assert.equal((await get(port, p)).status, 404, p);
    }
    assert.equal((await get(port, '/sub')).status, 301);
    assert.equal((await get(port, '/sub')).headers.location, '/sub/');
    assert.equal((await get(port, '/%zz')).status, 400);
    assert.equal((await get(port, '/index.html', 'POST')).status, 405);
  });

  await t.test('refuses to bind anything but loopback', async () => {
    await assert.rejects(start({ root, port: 0, host: '0.0.0.0' }), /only 127\.0\.0\.1/);
    await assert.rejects(start({ root: path.join(base, 'missing'), port: 0 }), /root directory not found/);
  });

  await t.test('CLI mode prints exactly one line with the URL, then serves', async () => {
    const child = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/serve.js'), '--root', root, '--port', '0'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const line = await new Promise((resolve, reject) => {
        let out = '';
        const timer = setTimeout(() => reject(new Error(`no URL line; got ${JSON.stringify(out)}`)), 5000);
        child.stdout.on('data', (d) => {
          out += d;
          if (out.includes('\n')) {
            clearTimeout(timer);
            resolve(out);
          }
        });
        child.on('exit', (code) => reject(new Error(`exited with ${code}`)));
      });
      const m = /^SRDI calculator: http:\/\/127\.0\.0\.1:(\d+)\/\n$/.exec(line);
      assert.ok(m, `unexpected output ${JSON.stringify(line)}`);
      assert.equal((await get(Number(m[1]), '/')).status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    const bad = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/serve.js'), '--bogus'], { stdio: 'ignore' });
    assert.equal(await new Promise((r) => bad.on('exit', r)), 2);
  });
});

test('yuan -> 万元 conversion is exact (shift by four places)', () => {
  const cases = {
    '86000000.00': '8600',
    '86000000': '8600',
    '2450000.00': '245',
    '18000.00': '1.8',
    '12345.67': '1.234567',
    '0.01': '0.000001',
    '0': '0',
    '0.00': '0',
    '-0': '0',
    '100000000.00': '10000',
    '79999999.99': '7999.999999',
    '10000000000000': '1000000000',
    '-7300000.00': '-730',
    '-5.50': '-0.00055',
  };
  for (const [yuan, wan] of Object.entries(cases)) {
    assert.equal(yuanToWan(yuan), wan, yuan);
    assert.equal(wanToYuan(wan), yuan.startsWith('-0') && !/[1-9]/.test(yuan) ? '0.00' : yuan.includes('.') ? yuan : `${yuan}.00`, wan);
  }
  assert.equal(yuanToWan(86000000), '8600');
  assert.throws(() => yuanToWan('1.234'));
  assert.throws(() => yuanToWan('1e7'));
});
