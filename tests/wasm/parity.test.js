// Native–wasm parity on generated profiles (tests/gen/profiles.js): the CLI's `srdi batch` and the
// module's evaluate_lines / screen_lines must print the same bytes, line by line, for the full
// result and for the verdicts-only result, under the 2022 criteria (as of 2025-06-30) and the 2026
// criteria (as of 2026-11-21). Each verdicts-only line must also agree with its full result (size,
// tier verdicts, scores, missing fields, held, award totals), and the profiles must cover the
// ground (industries, fields, every verdict of every tier).
//
// Full results are 100–250 KB a line, so nothing is held whole: one native `batch` child per option
// set is read line by line (paused while ahead), and the module runs in worker threads, a chunk of
// lines per call, so the native and the wasm evaluations run on both cores at once.
//
// Environment: SRDI_PARITY_CLI, else SRDI_CLI (default build/dev/srdi; the test command passes the
// optimised build/release/srdi, as a Debug CLI takes 5–8× longer); SRDI_PARITY_COUNT (default 10000 profiles);
// SRDI_PARITY_FULL_EVERY=k compares the full result of every k-th profile only (default 1: all;
// the verdicts are always compared for all).
'use strict';
const { isMainThread, parentPort, workerData, Worker } = require('node:worker_threads');

const PARITY_WORKER = 'srdi-parity-worker';

// ----------------------------------------------------------------- shared: verdicts vs full

// The verdicts-only line against the full result of the same profile. Every key the verdicts
// object has must equal the full result's, except `score` (the full score object also has the
// categories) and `awards` (null when the profile names no city; per document, its keys).
// Returns a description of the first disagreement, or null.
function crossCheck(verdicts, full) {
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  if (verdicts.errors || full.errors) return same(verdicts.errors, full.errors) ? null : 'errors differ';
  for (const k of ['as_of', 'criteria', 'engine']) {
    // the full result's `criteria` is an object whose `version` is the verdicts' string
    const want = k === 'criteria' && full.criteria && typeof full.criteria === 'object' ? full.criteria.version : full[k];
    if (k in verdicts && !same(verdicts[k], want)) return `${k}: ${JSON.stringify(verdicts[k])} vs ${JSON.stringify(want)}`;
  }
  for (const [k, v] of Object.entries(verdicts.size)) {
    if (!same(v, full.size[k])) return `size.${k}: ${JSON.stringify(v)} vs ${JSON.stringify(full.size[k])}`;
  }
  if (verdicts.tiers.length !== full.tiers.length) return `tiers: ${verdicts.tiers.length} vs ${full.tiers.length}`;
  for (let i = 0; i < verdicts.tiers.length; i++) {
    const vt = verdicts.tiers[i];
    const ft = full.tiers[i];
    for (const [k, v] of Object.entries(vt)) {
      const want = k === 'score' ? (ft.score ? { min: ft.score.min, max: ft.score.max } : null)
        : k === 'held' ? (ft.held === undefined ? null : ft.held) : ft[k];
      const got = k === 'score' && v ? { min: v.min, max: v.max } : v;
      if (!same(got, want)) return `tiers[${i}] (${vt.id}).${k}: ${JSON.stringify(v)} vs ${JSON.stringify(want)}`;
    }
  }
  const fa = full.awards;
  if (verdicts.awards === null) {
    return fa && fa.city != null ? `awards: null vs the full result's city ${fa.city}` : null;
  }
  for (const [k, v] of Object.entries(verdicts.awards)) {
    if (k === 'documents') continue;
    if (!same(v, fa[k])) return `awards.${k}: ${JSON.stringify(v)} vs ${JSON.stringify(fa[k])}`;
  }
  if (verdicts.awards.documents.length !== fa.documents.length) {
    return `awards.documents: ${verdicts.awards.documents.length} vs ${fa.documents.length}`;
  }
  for (let i = 0; i < fa.documents.length; i++) {
    for (const [k, v] of Object.entries(verdicts.awards.documents[i])) {
      if (!same(v, fa.documents[i][k])) return `awards.documents[${i}].${k}: ${JSON.stringify(v)} vs ${JSON.stringify(fa.documents[i][k])}`;
    }
  }
  return null;
}

// ----------------------------------------------------------------- worker: the wasm side

if (!isMainThread && workerData && workerData.role === PARITY_WORKER) {
  const { loadSrdi } = require(workerData.loader);
  const ready = loadSrdi();
  parentPort.on('message', async (task) => {
    try {
      const srdi = await ready;
      if (typeof srdi.evaluate_lines !== 'function' || typeof srdi.screen_lines !== 'function') {
        throw new Error('the wasm module has no evaluate_lines / screen_lines (rebuild build/wasm)');
      }
      const fn = task.kind === 'screen' ? srdi.screen_lines : srdi.evaluate_lines;
      const out = fn.call(srdi, task.jsonl, task.options);
      let cross = null;
      if (task.verdicts) {  // parsing here keeps the main thread free for the native side
        const lines = out.split('\n');
        for (let j = 0; j < task.verdicts.length && !cross; j++) {
          if (task.verdicts[j] === null) continue;
          const why = crossCheck(JSON.parse(task.verdicts[j]), JSON.parse(lines[j]));
          if (why) cross = { line: j, why };
        }
      }
      parentPort.postMessage({ id: task.id, out, cross });
    } catch (e) {
      parentPort.postMessage({ id: task.id, error: String(e && e.stack || e) });
    }
  });
} else {
  main();
}

// ----------------------------------------------------------------- main thread

function main() {
  const test = require('node:test');
  const assert = require('node:assert/strict');
  const os = require('node:os');
  const path = require('node:path');
  const { spawn, execFileSync } = require('node:child_process');
  const { generateProfiles, boundaryTargets } = require('../gen/profiles');

  const root = path.resolve(__dirname, '../..');
  const CLI = path.resolve(root, process.env.SRDI_PARITY_CLI || process.env.SRDI_CLI || 'build/dev/srdi');
  const COUNT = Number(process.env.SRDI_PARITY_COUNT || 10000);
  const FULL_EVERY = Math.max(1, Number(process.env.SRDI_PARITY_FULL_EVERY || 1));
  const SEED = 20261121;
  const CHUNK = 100;
  const SETS = [
    { as_of: '2025-06-30', criteria: 'miit-2022' },
    { as_of: '2026-11-21', criteria: 'miit-2026' },
  ];

  // Lines of a child's stdout, read as bytes (a line is split only at 0x0A, never inside a UTF-8
  // sequence). Reading pauses while `high` lines wait, so a fast child cannot fill the memory.
  class LineReader {
    constructor(stream, high = 64) {
      this.stream = stream;
      this.high = high;
      this.lines = [];
      this.parts = [];
      this.bytes = 0;
      this.ended = false;
      this.error = null;
      this.waiter = null;
      stream.on('data', (buf) => this.onData(buf));
      stream.on('end', () => { this.ended = true; this.wake(); });
      stream.on('error', (e) => { this.error = e; this.wake(); });
    }
    onData(buf) {
      this.bytes += buf.length;
      let start = 0;
      let nl;
      while ((nl = buf.indexOf(10, start)) !== -1) {
        this.parts.push(buf.subarray(start, nl));
        this.lines.push(Buffer.concat(this.parts).toString('utf8'));
        this.parts = [];
        start = nl + 1;
      }
      if (start < buf.length) this.parts.push(buf.subarray(start));
      if (this.lines.length >= this.high) this.stream.pause();
      this.wake();
    }
    wake() { if (this.waiter) { const w = this.waiter; this.waiter = null; w(); } }
    // The next line, or null at the end (a last line without "\n" is returned as well).
    async next() {
      for (;;) {
        if (this.lines.length) {
          const line = this.lines.shift();
          if (this.lines.length < this.high / 2) this.stream.resume();
          return line;
        }
        if (this.error) throw this.error;
        if (this.ended) {
          if (!this.parts.length) return null;
          const rest = Buffer.concat(this.parts).toString('utf8');
          this.parts = [];
          return rest;
        }
        await new Promise((resolve) => { this.waiter = resolve; });
      }
    }
  }

  // Worker threads running the module; tasks are answered in any order, matched by id.
  class Pool {
    constructor(size) {
      this.workers = [];
      this.pending = new Map();
      this.queue = [];
      this.nextId = 0;
      for (let i = 0; i < size; i++) {
        const w = new Worker(__filename, { workerData: { role: PARITY_WORKER, loader: path.join(__dirname, 'load_module.js') } });
        w.busy = false;
        w.on('message', (msg) => this.done(w, msg));
        w.on('error', (e) => { for (const p of this.pending.values()) p.reject(e); this.pending.clear(); });
        this.workers.push(w);
      }
    }
    run(task) {
      return new Promise((resolve, reject) => {
        const id = this.nextId++;
        this.pending.set(id, { resolve, reject });
        this.queue.push({ ...task, id });
        this.pump();
      });
    }
    pump() {
      for (const w of this.workers) {
        if (!w.busy && this.queue.length) { w.busy = true; w.postMessage(this.queue.shift()); }
      }
    }
    done(w, msg) {
      w.busy = false;
      const p = this.pending.get(msg.id);
      this.pending.delete(msg.id);
      if (msg.error) p.reject(new Error(msg.error)); else p.resolve(msg);
      this.pump();
    }
    async close() { await Promise.all(this.workers.map((w) => w.terminate())); }
  }

  // The first JSON pointer where two documents differ, for the failure message.
  function firstDiff(a, b, at = '') {
    if (JSON.stringify(a) === JSON.stringify(b)) return null;
    if (a && b && typeof a === 'object' && typeof b === 'object' && Array.isArray(a) === Array.isArray(b)) {
      const keys = Array.isArray(a) ? [...Array(Math.max(a.length, b.length)).keys()] : [...new Set([...Object.keys(a), ...Object.keys(b)])];
      for (const k of keys) {
        const d = firstDiff(a[k], b[k], `${at}/${k}`);
        if (d) return d;
      }
      return `${at} (key order)`;
    }
    return `${at}: native ${JSON.stringify(a)?.slice(0, 200)} | wasm ${JSON.stringify(b)?.slice(0, 200)}`;
  }

  function describeMismatch(what, index, profileLine, native, wasm) {
    let i = 0;
    const n = Math.min(native.length, wasm.length);
    while (i < n && native.charCodeAt(i) === wasm.charCodeAt(i)) i++;
    let pointer = '';
    try { pointer = firstDiff(JSON.parse(native), JSON.parse(wasm)) || ''; } catch { pointer = '(a line is not JSON)'; }
    return [
      `${what}: profile #${index} differs at character ${i} (native ${native.length} chars, wasm ${wasm.length})`,
      `first difference: ${pointer}`,
      `native: …${native.slice(Math.max(0, i - 120), i + 120)}…`,
      `wasm:   …${wasm.slice(Math.max(0, i - 120), i + 120)}…`,
      `profile: ${profileLine}`,
    ].join('\n');
  }

  // One option set through the native `batch` child and the module, compared line by line.
  // `onLine(index, line)` sees each agreed line; `verdictsOf(index)` gives the verdicts line to
  // cross-check a full line with.
  async function pass({ pool, kind, set, items, onLine, verdictsOf }) {
    const args = ['batch', '--as-of', set.as_of];
    if (kind === 'screen') args.push('--verdicts');
    const child = spawn(CLI, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => { if (stderr.length < 20000) stderr += d; });
    const exited = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
    const spawnFailed = new Promise((_, reject) => child.on('error', reject));
    spawnFailed.catch(() => {});
    child.stdin.on('error', () => {});  // EPIPE if the child dies: reported by its exit status
    child.stdin.end(items.map((it) => it.line).join('\n') + '\n');
    const reader = new LineReader(child.stdout);
    const options = JSON.stringify({ as_of: set.as_of });
    const chunks = [];
    for (let i = 0; i < items.length; i += CHUNK) chunks.push(items.slice(i, i + CHUNK));
    const inflight = new Map();
    const dispatch = (k) => {
      if (k >= chunks.length || inflight.has(k)) return;
      const chunk = chunks[k];
      const task = { kind, options, jsonl: chunk.map((it) => it.line).join('\n') + '\n' };
      if (verdictsOf) task.verdicts = chunk.map((it) => verdictsOf(it.index));
      inflight.set(k, pool.run(task));
    };
    let lines = 0;
    try {
      for (let k = 0; k < chunks.length; k++) {
        for (let a = k; a <= k + pool.workers.length; a++) dispatch(a);
        const res = await Promise.race([inflight.get(k), spawnFailed]);
        inflight.delete(k);
        const wasmLines = res.out.split('\n');
        assert.equal(wasmLines.length, chunks[k].length + 1, `${kind} ${set.as_of}: the module gave ${wasmLines.length - 1} lines for ${chunks[k].length}`);
        assert.equal(wasmLines[wasmLines.length - 1], '', 'the module output ends with "\\n"');
        for (let j = 0; j < chunks[k].length; j++) {
          const it = chunks[k][j];
          const native = await Promise.race([reader.next(), spawnFailed]);
          if (native === null) assert.fail(`${kind} ${set.as_of}: native batch ended after ${lines} lines; stderr: ${stderr}`);
          if (native !== wasmLines[j]) {
            assert.fail(describeMismatch(`${kind === 'screen' ? 'batch --verdicts / screen_lines' : 'batch / evaluate_lines'} as of ${set.as_of}`,
              it.index, it.line, native, wasmLines[j]));
          }
          lines += 1;
          if (onLine) onLine(it.index, native);
        }
        if (res.cross) {
          const it = chunks[k][res.cross.line];
          assert.fail(`verdicts-only and full results disagree for profile #${it.index} as of ${set.as_of}: ${res.cross.why}\nprofile: ${it.line}`);
        }
      }
      const extra = await reader.next();
      assert.equal(extra, null, `native batch printed more lines than profiles: ${String(extra).slice(0, 200)}`);
      const { code, signal } = await exited;
      assert.equal(signal, null, `native batch killed by ${signal}`);
      assert.equal(code, 0, `native batch exit ${code} (2 = a line had errors); stderr: ${stderr}`);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill();
      await Promise.allSettled([...inflight.values()]);
    }
    return { lines, bytes: reader.bytes };
  }

  const half = Math.floor(COUNT / 2);
  const generated = SETS.map((set, s) => {
    const profiles = generateProfiles({ seed: SEED + s, count: s === 0 ? half : COUNT - half, asOf: set.as_of });
    const base = s === 0 ? 0 : half;
    return { set, profiles, items: profiles.map((p, i) => ({ index: base + i, line: JSON.stringify(p) })) };
  });

  test('the generated profiles cover the input vocabulary and every policy threshold', () => {
    const schema = JSON.parse(execFileSync(CLI, ['schema'], { encoding: 'utf8' }));
    const profiles = generated.flatMap((g) => g.profiles);
    const industries = schema.fields.find((f) => f.name === 'industry').values;
    for (const ind of industries) assert.ok(profiles.some((p) => p.industry === ind), `industry ${ind}`);
    const known = (p, dotted) => (dotted.startsWith('honors.') ? (Array.isArray(p.honors) ? p.honors : null)
      : dotted.split('.').reduce((o, k) => (o && typeof o === 'object' ? o[k] : undefined), p));
    for (const f of schema.fields) {
      assert.ok(profiles.some((p) => known(p, f.name) != null), `field ${f.name} is given somewhere`);
      if (!['applicant'].includes(f.name)) assert.ok(profiles.some((p) => known(p, f.name) == null), `field ${f.name} is unknown somewhere`);
    }
    for (const t of schema.holds_titles) assert.ok(profiles.some((p) => (p.holds || []).some((h) => h.title === t)), `holds ${t}`);
    for (const e of schema.events) assert.ok(profiles.some((p) => (p.events || []).some((v) => v.type === e.type)), `event ${e.type}`);
    assert.ok(profiles.some((p) => p.holds === undefined) && profiles.some((p) => p.holds === null) &&
      profiles.some((p) => Array.isArray(p.holds) && p.holds.length === 0), 'holds absent, null and []');
    const { all, unsupported } = boundaryTargets();
    assert.ok(all.length > 100, `${all.length} comparisons found in policies/`);
    assert.deepEqual(unsupported.map((c) => `${c.file}: ${c.metric}`), [], 'metrics the generator cannot aim at');
    const n = Math.min(200, generated[0].profiles.length);
    const again = generateProfiles({ seed: SEED, count: n, asOf: SETS[0].as_of });
    assert.deepEqual(again, generated[0].profiles.slice(0, n), 'deterministic for a seed');
  });

  test(`native batch and wasm evaluate_lines / screen_lines agree on ${COUNT} generated profiles`, { timeout: 20 * 60 * 1000 }, async () => {
    const started = Date.now();
    const pool = new Pool(Math.max(1, Math.min(2, os.availableParallelism())));
    const totals = { lines: 0, bytes: 0, full: 0, screen: 0, screenSeconds: 0 };
    const verdicts = new Map();  // index → verdicts line, for the full pass's cross-check
    const seen = {};  // as_of → tier id → verdict → count
    const sizes = new Set();
    let errorLines = 0;
    let withAwards = 0;
    let paying = 0;
    try {
      for (const { set, items } of generated) {
        const tally = (seen[set.as_of] = {});
        const r = await pass({
          pool, kind: 'screen', set, items,
          onLine: (index, line) => {
            const v = JSON.parse(line);
            if (v.errors) { errorLines += 1; return; }
            if (index % FULL_EVERY === 0) verdicts.set(index, line);
            assert.equal(v.criteria, set.criteria, `profile #${index}: criteria version`);
            sizes.add(v.size.class);
            for (const t of v.tiers) {
              tally[t.id] ||= { eligible: 0, not_eligible: 0, undetermined: 0, contested: 0 };
              tally[t.id][t.verdict] += 1;
            }
            if (v.awards) {
              withAwards += 1;
              if (v.awards.documents.some((d) => d.totals.certain !== '0.00' || d.totals.upper_bound !== '0.00')) paying += 1;
            }
          },
        });
        totals.lines += r.lines; totals.bytes += r.bytes; totals.screen += r.lines;
      }
      totals.screenSeconds = (Date.now() - started) / 1000;
      for (const { set, items } of generated) {
        const chosen = items.filter((it) => it.index % FULL_EVERY === 0);
        const r = await pass({
          pool, kind: 'full', set, items: chosen,
          verdictsOf: (index) => { const v = verdicts.get(index); verdicts.delete(index); return v ?? null; },
        });
        totals.lines += r.lines; totals.bytes += r.bytes; totals.full += r.lines;
      }
    } finally {
      await pool.close();
    }
    const seconds = (Date.now() - started) / 1000;
    console.log(`parity: ${COUNT} profiles, ${totals.lines} lines compared (${totals.screen} verdicts-only, ${totals.full} full), ` +
      `${(totals.bytes / 1e6).toFixed(1)} MB, ${seconds.toFixed(1)} s (verdicts-only ${totals.screenSeconds.toFixed(1)} s, ` +
      `full ${(seconds - totals.screenSeconds).toFixed(1)} s)`);

    // Coverage, so that a degenerate generator fails.
    assert.equal(errorLines, 0, 'every generated profile loads');
    for (const [asOf, tiers] of Object.entries(seen)) {
      assert.ok(Object.keys(tiers).length >= 3, `tiers as of ${asOf}`);
      for (const [id, counts] of Object.entries(tiers)) {
        for (const [verdict, n] of Object.entries(counts)) {
          if (verdict !== 'contested') assert.ok(n > 0, `as of ${asOf}, no profile is ${verdict} on ${id}`);
        }
      }
    }
    // Only a tier whose criteria rest on a contested reading can be contested, and only on a
    // reading's edge (the 2026 set has few such tiers): asked of the whole run.
    assert.ok(Object.values(seen).some((tiers) => Object.values(tiers).some((c) => c.contested > 0)),
      'no profile is contested on any tier');
    for (const c of ['large', 'medium', 'small', 'micro', 'undetermined']) assert.ok(sizes.has(c), `size class ${c}`);
    assert.ok(withAwards > COUNT / 2 && paying > COUNT / 20, `awards: ${withAwards} with a city, ${paying} paying something`);
  });

  // The batch path (Screening: run() keeps no missing fields and evaluates the 划型 rules only as
  // far as a criterion needs) against screen_lines, on the same profiles, in the module.
  test(`the Screening batch gives screen_lines' verdicts on ${COUNT} generated profiles`, { timeout: 10 * 60 * 1000 }, async () => {
    const { loadSrdi } = require('./load_module');
    const srdi = await loadSrdi();
    const s = new srdi.Screening();
    let compared = 0;
    try {
      for (const { set, items } of generated) {
        const options = JSON.stringify({ as_of: set.as_of });
        assert.equal(s.configure(options), '');
        for (let k = 0; k < items.length; k += 1000) {
          const chunk = items.slice(k, k + 1000);
          const jsonl = chunk.map((it) => it.line).join('\n') + '\n';
          assert.deepEqual(JSON.parse(s.load(jsonl)).errors, []);
          const run = JSON.parse(s.run());
          const expected = srdi.screen_lines(jsonl, options).trimEnd().split('\n').map((l) => JSON.parse(l));
          for (const t of run.tiers) {
            const got = s.verdicts(t.id);
            const want = expected.map((v) => ({ eligible: 'E', not_eligible: 'N', undetermined: 'U', contested: 'C' })[v.tiers.find((x) => x.id === t.id).verdict]).join('');
            if (got !== want) {
              const i = [...got].findIndex((c, j) => c !== want[j]);
              assert.fail(`${t.id} as of ${set.as_of}: profile #${chunk[i].index} is ${got[i]} in the batch, ${want[i]} in screen_lines\nprofile: ${chunk[i].line}`);
            }
            compared += got.length;
          }
        }
      }
    } finally {
      s.delete();
    }
    console.log(`Screening batch: ${compared} tier verdicts compared with screen_lines`);
  });
}
