#!/usr/bin/env node
// Assembles the static site in build/web/ from web/, the built wasm module, the sample profiles
// and the bundled source texts, then inlines all of it into one file, srdi-offline.html, that
// works from file:// (a USB stick on a kiosk). Nothing here is fetched at run time: the wasm bytes
// travel as base64 in a classic script, because Chromium loads neither ES modules nor fetch()
// from file://.
//
//   node scripts/build_web.js --wasm-dir build/wasm --out build/web
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const root = path.resolve(__dirname, '..');
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : fallback;
};
const wasmDir = path.resolve(arg('--wasm-dir', path.join(root, 'build/wasm')));
const out = path.resolve(arg('--out', path.join(root, 'build/web')));
const read = (p) => fs.readFileSync(p, 'utf8');

fs.mkdirSync(out, { recursive: true });

// 1. The module and its bytes.
fs.copyFileSync(path.join(wasmDir, 'srdi.js'), path.join(out, 'srdi.js'));
// The bytes travel gzip-compressed (base64 text of random-looking bytes compresses poorly, so the
// one-file page would carry the engine at about 1.4 times its gzip size), with the function that
// unpacks them with the browser's own DecompressionStream: web/srdi-lib.js and the screening
// worker call srdiWasmBytes().
const UNPACK = `// The engine's bytes, unpacked: a promise of a Uint8Array.
function srdiWasmBytes() {
  if (typeof DecompressionStream !== 'function') {
    return Promise.reject(new Error('此浏览器版本过旧，无法载入计算引擎（不支持 DecompressionStream），请使用较新版本的浏览器'));
  }
  var raw = atob(SRDI_WASM_GZIP_BASE64);
  var packed = new Uint8Array(raw.length);
  for (var i = 0; i < raw.length; i++) packed[i] = raw.charCodeAt(i);
  var stream = new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).arrayBuffer().then(function (buffer) { return new Uint8Array(buffer); });
}`;
const packedWasm = (file) => {
  const bytes = fs.readFileSync(path.join(wasmDir, file));
  return `var SRDI_WASM_GZIP_BASE64 = "${zlib.gzipSync(bytes, { level: 9 }).toString('base64')}";\n${UNPACK}\n`;
};
fs.writeFileSync(path.join(out, 'srdi-wasm.js'),
  '// The engine (build/wasm/srdi.wasm), gzip-compressed, as base64; web/srdi-lib.js unpacks it. Generated.\n' +
  packedWasm('srdi.wasm'));

// 2. Data for the page: the sample enterprises (their exact text, so a sample loads byte for
// byte) and the source documents the citations open, keyed by 文号.
const samples = fs.readdirSync(path.join(root, 'examples'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const text = read(path.join(root, 'examples', f));
    const profile = JSON.parse(text);
    return { id: f.replace(/\.json$/, ''), label: profile.name || f, text };
  });
const sources = [];
const walk = (dir) => {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p);
    else if (entry.name.endsWith('.json')) {
      const policy = JSON.parse(read(p));
      if (!policy.source) continue;
      sources.push({
        doc_no: policy.doc_no,
        policy: policy.id,
        title: policy.title,
        issuer: policy.issuer,
        status: policy.status,
        file: policy.source,
        text: read(path.join(root, 'policies', policy.source)),
      });
    }
  }
};
walk(path.join(root, 'policies'));
sources.sort((a, b) => a.file.localeCompare(b.file));
fs.writeFileSync(path.join(out, 'data.js'),
  '// Sample profiles (examples/) and source texts (policies/sources/) for the page. Generated.\n' +
  `var SRDI_DATA = ${JSON.stringify({ samples, sources })};\n`);

// 3. The page's own files (files only: web/app/ holds the sources of app.js, bundled below).
const webFiles = fs.readdirSync(path.join(root, 'web'), { withFileTypes: true })
  .filter((e) => e.isFile()).map((e) => e.name).sort();
for (const f of webFiles) {
  fs.copyFileSync(path.join(root, 'web', f), path.join(out, f));
}
// The calculator's script: the ES modules of web/app/ bundled by esbuild into one classic script
// (file:// loads no modules), build/web/app.js. Unminified, so it reads as its sources do;
// charset utf8 keeps the Chinese text as it is written (not \u escapes, three times the bytes).
if (webFiles.includes('app.js')) throw new Error('web/app.js is built from web/app/main.js: remove web/app.js');
const esbuild = require('esbuild');
fs.writeFileSync(path.join(out, 'app.js'), esbuild.buildSync({
  entryPoints: [path.join(root, 'web/app/main.js')],
  bundle: true,
  format: 'iife',
  platform: 'browser',
  target: 'es2019',
  charset: 'utf8',
  legalComments: 'none',
  // Whitespace only: names stay readable in the browser's tools, the one-file page stays small.
  minifyWhitespace: true,
  banner: { js: '// The calculator (web/app/*.js, docs/embedding.md), bundled by scripts/build_web.js. Generated.' },
  write: false,
}).outputFiles[0].text);
// The stylesheet as a script too, for SRDI.mount: a constructed stylesheet in the shadow root
// needs the CSS as text, and a portal's CSP may not allow fetching or inlining styles.
fs.writeFileSync(path.join(out, 'srdi-style.js'),
  '// web/style.css as text for SRDI.mount (docs/embedding.md). Generated.\n' +
  `var SRDI_CSS = ${JSON.stringify(read(path.join(root, 'web/style.css')))};\n`);

// 3b. The service worker (web/sw.js, registered by web/pwa.js on the served page only): its cache
// name is a version that changes whenever any file of the site changes (new policy data = new
// version), and it precaches every file of the site. The version is the first 16 hex digits of a
// SHA-256 over the site's files, names and contents, in name order, plus the worker's own source
// (before the version is put into it). Only the files this build wrote count, so a stale file
// left in build/web/ by an older build is neither hashed nor precached.
const SW = 'sw.js';
// 3a. Excel for the screening page: read-excel-file and write-excel-file bundled by esbuild into
// classic scripts (no module loader, no CDN; the calculator's page loads neither): the reader goes
// into the worker (an .xlsx becomes CSV text off the main thread), the writer into batch-xlsx.js.
function xlsxBundle(part) {
  return esbuild.buildSync({
    entryPoints: [path.join(root, 'scripts/xlsx-entry.js')],
    bundle: true,
    format: 'iife',
    minify: true,
    platform: 'browser',
    target: 'chrome100',
    legalComments: 'inline',
    write: false,
    define: { SRDI_XLSX_PART: JSON.stringify(part) },
    nodePaths: [path.join(root, 'node_modules')],
  }).outputFiles[0].text;
}
fs.writeFileSync(path.join(out, 'batch-xlsx.js'),
  '// write-excel-file (MIT), bundled for web/batch.js. Generated.\n' + xlsxBundle('write'));

// 3b. The screening page's worker (web/batch-worker.js) as one script text with its own module
// (build/wasm/srdi-batch.js: the engine with the sheet code) and the Excel reader, so
// web/batch.js can start it from a Blob: served or from file://, no file is fetched.
const workerSource = [read(path.join(wasmDir, 'srdi-batch.js')), packedWasm('srdi-batch.wasm'),
  '// read-excel-file (MIT), bundled. Generated.\n' + xlsxBundle('read'),
  read(path.join(root, 'web/batch-worker.js'))].join('\n');
fs.writeFileSync(path.join(out, 'batch-worker-src.js'),
  '// The engine, the Excel reader and web/batch-worker.js as text, for the screening page\'s worker. Generated.\n' +
  `var SRDI_WORKER_SOURCE = ${JSON.stringify(workerSource).replace(/<\//g, '<\\/')};\n`);

const siteFiles = [...new Set(['srdi.js', 'srdi-wasm.js', 'data.js', 'srdi-style.js', 'batch-worker-src.js', 'batch-xlsx.js', 'app.js', ...webFiles])]
  .filter((f) => f !== SW && f !== 'srdi-offline.html' && f !== 'srdi-batch.html')
  .sort();
if (!siteFiles.includes('index.html')) throw new Error('web/index.html is missing');
const versionHash = crypto.createHash('sha256');
for (const f of [...siteFiles, SW]) {
  const bytes = fs.readFileSync(path.join(f === SW ? path.join(root, 'web') : out, f));
  versionHash.update(`${f}\0${bytes.length}\0`).update(bytes);
}
const version = versionHash.digest('hex').slice(0, 16);
const precache = ['./', ...siteFiles.filter((f) => f === 'index.html'), ...siteFiles.filter((f) => f !== 'index.html')];
let sw = read(path.join(root, 'web', SW));
if (!sw.includes('__SRDI_VERSION__') || !sw.includes('__SRDI_PRECACHE__')) {
  throw new Error('web/sw.js lacks the __SRDI_VERSION__ or __SRDI_PRECACHE__ placeholder');
}
sw = sw.replace(/__SRDI_VERSION__/g, version).replace(/__SRDI_PRECACHE__/g, JSON.stringify(precache));
fs.writeFileSync(path.join(out, SW), sw);

// 4. One self-contained file: every script and the stylesheet inline, each allowed by its hash
// in the Content-Security-Policy (no 'unsafe-inline'), connections still forbidden. The same for
// the screening page (srdi-batch.html), whose worker starts from a Blob (worker-src blob:).
const hash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;
// The two single files link to each other by their own names.
const OFFLINE_LINKS = { 'app.js': ['batch.html', 'srdi-batch.html'], 'batch.html': ['index.html', 'srdi-offline.html'],
  'batch.js': ['index.html', 'srdi-offline.html'] };
function singleFile(page, target, extraCsp) {
  const scriptHashes = [];
  const styleHashes = [];
  let html = read(path.join(out, page));
  html = html.replace(/<link rel="manifest"[^>]*>\n?/g, '');
  html = html.replace(/<script src="pwa\.js"><\/script>\n?/g, '');
  if (OFFLINE_LINKS[page]) html = html.split(`href="${OFFLINE_LINKS[page][0]}"`).join(`href="${OFFLINE_LINKS[page][1]}"`);
  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) => {
    const css = '\n' + read(path.join(out, href));
    styleHashes.push(hash(css));
    return `<style>${css}</style>`;
  });
  html = html.replace(/<script src="([^"]+)"><\/script>/g, (_, src) => {
    let code = read(path.join(out, src));
    if (OFFLINE_LINKS[src]) {
      // In either quote: esbuild writes the bundled app.js's strings in double quotes.
      const [from, to] = OFFLINE_LINKS[src];
      const linked = ["'", '"'].reduce((c, q) => c.split(q + from + q).join(q + to + q), code);
      if (linked === code) throw new Error(`${src} no longer names '${from}': the link in ${target} would be wrong`);
      code = linked;
    }
    const js = '\n' + code.replace(/<\/script/gi, '<\\/script');
    scriptHashes.push(hash(js));
    return `<script>${js}</script>`;
  });
  const policy = [
    "default-src 'none'",
    `script-src ${scriptHashes.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styleHashes.join(' ')}`,
    "img-src data:",
    "connect-src 'none'",
    "font-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    ...extraCsp,
  ].join('; ');
  // The one-file page says so on its <html> (web/app/policies.js: the options policy and author
  // show a notice there instead of fetching or loading anything).
  html = html.replace(/<html /, '<html data-srdi-single-file="" ');
  const before = html;
  html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/,
    `<meta http-equiv="Content-Security-Policy" content="${policy}">`);
  if (html === before) throw new Error(`web/${page} has no Content-Security-Policy meta tag`);
  if (/<script src=|<link rel="stylesheet"/.test(html)) throw new Error(`an external file was left in ${target}`);
  if (/serviceWorker\.register|rel="manifest"/.test(html)) throw new Error(`${target} must not register a service worker or link a manifest`);
  fs.writeFileSync(path.join(out, target), html);
  return html;
}
const batchHtml = singleFile('batch.html', 'srdi-batch.html', ['worker-src blob:']);
const html = singleFile('index.html', 'srdi-offline.html', []);

const gz = zlib.gzipSync(Buffer.from(html), { level: 9 }).length;
const batchGz = zlib.gzipSync(Buffer.from(batchHtml), { level: 9 }).length;
console.log(`build/web: srdi-batch.html ${(Buffer.byteLength(batchHtml) / 1024).toFixed(0)} KB, ${(batchGz / 1024).toFixed(1)} KB gzipped`);
console.log(`build/web: ${samples.length} samples, ${sources.length} source texts; ` +
  `srdi-offline.html ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB, ${(gz / 1024).toFixed(1)} KB gzipped; ` +
  `site version ${version} (${precache.length} files precached by sw.js)`);
