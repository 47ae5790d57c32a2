#!/usr/bin/env node
// A dependency-free static file server for the built page (build/web), bound to 127.0.0.1 only.
//
//   node scripts/serve.js [--root build/web] [--port 8080] [--host 127.0.0.1]
//
// Prints exactly one line, `SRDI calculator: http://127.0.0.1:PORT/`, once listening (port 0 picks
// a free port). GET and HEAD only; `..` or anything resolving outside the root is 403, a missing
// file or an unknown kind of file is 404. Every response carries `Cache-Control: no-cache`.
// The tests use `start({root, port, host})`, which resolves to `{url, port, close()}`.
'use strict';
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
};

const ALLOWED_HOSTS = new Set(['127.0.0.1', 'localhost', '::1']);

function send(res, status, body, headers = {}, head = false) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(String(body), 'utf8');
  res.writeHead(status, {
    'Content-Length': buf.length,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(head ? undefined : buf);
}

function sendError(res, status, head) {
  const text = { 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 400: 'Bad Request' }[status];
  send(res, status, `${status} ${text}\n`, { 'Content-Type': 'text/plain; charset=utf-8' }, head);
}

// Maps a request URL to a file under root, or returns an HTTP status for a refusal.
function resolvePath(root, rawUrl) {
  const q = rawUrl.search(/[?#]/);
  const rawPath = q === -1 ? rawUrl : rawUrl.slice(0, q);
  if (!rawPath.startsWith('/')) return { status: 400 };
  let decoded;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0')) return { status: 400 };
  // Any `..` segment (raw or percent-encoded, with / or \) is a traversal attempt, whatever it
  // would normalise to.
  const segments = decoded.split(/[\\/]+/);
  if (segments.some((s) => s === '..')) return { status: 403 };
  let rel = decoded;
  if (rel.endsWith('/')) rel += 'index.html';
  const file = path.resolve(root, '.' + path.posix.normalize(rel));
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  // Hidden files (dotfiles) are not served.
  if (path.relative(root, file).split(path.sep).some((s) => s.startsWith('.'))) return { status: 404 };
  return { file };
}

function handler(root) {
  return (req, res) => {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      return send(res, 405, '405 Method Not Allowed\n', { 'Content-Type': 'text/plain; charset=utf-8', Allow: 'GET, HEAD' });
    }
    const r = resolvePath(root, req.url || '/');
    if (r.status) return sendError(res, r.status, head);
    let file = r.file;
    fs.stat(file, (err, st) => {
      if (!err && st.isDirectory()) {
        // A directory without a trailing slash: redirect so relative URLs resolve.
        const loc = (req.url.split(/[?#]/)[0] || '/') + '/';
        return send(res, 301, '', { Location: loc }, head);
      }
      if (err || !st.isFile()) return sendError(res, 404, head);
      const type = TYPES[path.extname(file).toLowerCase()];
      if (!type) return sendError(res, 404, head);
      // Symlinks must not lead outside the root either.
      fs.realpath(file, (err2, real) => {
        if (err2) return sendError(res, 404, head);
        if (real !== root && !real.startsWith(root + path.sep)) return sendError(res, 403, head);
        fs.readFile(real, (err3, data) => {
          if (err3) return sendError(res, 404, head);
          send(res, 200, data, { 'Content-Type': type }, head);
        });
      });
    });
  };
}

function start({ root = 'build/web', port = 8080, host = '127.0.0.1' } = {}) {
  if (!ALLOWED_HOSTS.has(host)) {
    return Promise.reject(new Error(`refusing to bind ${host}: only 127.0.0.1 (localhost) is allowed`));
  }
  let absRoot;
  try {
    absRoot = fs.realpathSync(path.resolve(root));
  } catch {
    return Promise.reject(new Error(`root directory not found: ${path.resolve(root)}`));
  }
  if (!fs.statSync(absRoot).isDirectory()) {
    return Promise.reject(new Error(`root is not a directory: ${absRoot}`));
  }
  const server = http.createServer(handler(absRoot));
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(Number(port), host, () => {
      server.off('error', reject);
      const actual = server.address().port;
      const shown = host === '::1' ? '[::1]' : host;
      resolve({
        url: `http://${shown}:${actual}/`,
        port: actual,
        root: absRoot,
        server,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy();
          }),
      });
    });
  });
}

function parseArgs(argv) {
  const opts = { root: path.resolve(__dirname, '..', 'build', 'web'), port: 8080, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const m = /^--(root|port|host)(?:=(.*))?$/.exec(a);
    if (!m) throw new Error(`unknown argument: ${a}`);
    const value = m[2] !== undefined ? m[2] : argv[++i];
    if (value === undefined) throw new Error(`missing value for --${m[1]}`);
    if (m[1] === 'port') {
      if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`bad port: ${value}`);
      opts.port = Number(value);
    } else {
      opts[m[1]] = value;
    }
  }
  return opts;
}

if (require.main === module) {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    process.stderr.write(`${e.message}\nusage: node scripts/serve.js [--root build/web] [--port 8080] [--host 127.0.0.1]\n`);
    process.exit(2);
  }
  start(opts).then(
    (s) => {
      process.stdout.write(`SRDI calculator: ${s.url}\n`);
      const stop = () => s.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (e) => {
      process.stderr.write(`${e.message}\n`);
      process.exit(1);
    },
  );
}

module.exports = { start, resolvePath, TYPES };
