// The verdicts-only path through the wasm module: `screen` gives the CLI's `evaluate --verdicts`
// bytes, and the `Screening` batch (configure, load, run, verdicts) counts what it evaluated,
// answers bad lines and bad options with structured errors, and does not grow the heap when the
// same batch is loaded and run again and again.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { loadSrdi } = require('./load_module');

const root = path.resolve(__dirname, '../..');
const cli = path.resolve(root, process.env.SRDI_CLI || 'build/dev/srdi');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json'));
const compact = (file) => JSON.stringify(JSON.parse(fs.readFileSync(path.join(root, 'examples', file), 'utf8')));

test('screen gives the bytes of `srdi evaluate --verdicts` for every example', async () => {
  const srdi = await loadSrdi();
  for (const file of examples) {
    for (const asOf of ['2025-06-30', '2026-11-21']) {
      // An example dated after asOf is refused (profile.date_after_as_of): both sides give the same error.
      let native;
      try {
        native = execFileSync(cli, ['evaluate', '--verdicts', '--format', 'compact', '--profile', path.join(root, 'examples', file),
          '--as-of', asOf], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        native = e.stdout || e.stderr;  // the CLI writes a refusal to stderr
      }
      const wasm = srdi.screen(fs.readFileSync(path.join(root, 'examples', file), 'utf8'), JSON.stringify({ as_of: asOf }));
      assert.equal(wasm + '\n', native, `${file} at ${asOf}`);
    }
  }
});

// 2025-12-31: the candidate's provincial title dates from 2025-07-01; the 2022 criteria are asked for.
test('a Screening batch counts each tier\'s verdicts and gives one character per row', async () => {
  const srdi = await loadSrdi();
  const s = new srdi.Screening();
  try {
    assert.equal(s.configure('{"as_of":"2025-12-31","criteria":"miit-2022"}'), '');
    const lines = [compact('precision-parts.json'), '{"employees": -1}', compact('little-giant-candidate.json')];
    const loaded = JSON.parse(s.load(lines.join('\n') + '\n'));
    assert.equal(loaded.rows, 3);
    assert.deepEqual(loaded.errors.map((e) => [e.line, e.errors[0].path]), [[2, '/employees']]);
    const run = JSON.parse(s.run());
    assert.equal(run.rows, 3);
    assert.deepEqual(run.tiers.map((t) => t.id), ['miit2022.innovative', 'miit2022.srdi', 'miit2022.little_giant']);
    for (const t of run.tiers) {
      const v = s.verdicts(t.id);
      assert.equal(v.length, 3);
      assert.equal(v[1], '-', 'the row that did not load is not evaluated');
      assert.equal(t.eligible + t.not_eligible + t.undetermined + t.contested, 2);
      // Each row's character is the verdict of `screen` for that profile.
      for (const k of [0, 2]) {
        const one = JSON.parse(srdi.screen(lines[k], '{"as_of":"2025-12-31","criteria":"miit-2022"}'));
        const verdict = one.tiers.find((x) => x.id === t.id).verdict;
        assert.equal(v[k], { eligible: 'E', not_eligible: 'N', undetermined: 'U', contested: 'C' }[verdict], `${t.id} row ${k}`);
      }
    }
  } finally {
    s.delete();
  }
});

test('Screening refuses bad options and runs nothing before it is configured', async () => {
  const srdi = await loadSrdi();
  const s = new srdi.Screening();
  try {
    assert.equal(JSON.parse(s.load('{}\n')).errors[0].code, 'engine.not_configured');
    assert.equal(JSON.parse(s.configure('{"tiers": "miit2022.srdi"}')).errors[0].path, '/tiers');
    assert.equal(JSON.parse(s.configure('{"as_of":"2026-11-21","tiers": ["miit2022.srdi"]}')).errors[0].code,
      'options.bad_tier');
    assert.equal(JSON.parse(s.configure('{"criteria": "miit-1999"}')).errors[0].code, 'options.bad_criteria');
    assert.equal(JSON.parse(s.configure('{')).errors[0].code, 'json.syntax');
  } finally {
    s.delete();
  }
});

test('loading and running the same batch again does not grow the wasm heap', async () => {
  const srdi = await loadSrdi();
  const s = new srdi.Screening();
  try {
    s.configure('{"as_of":"2026-11-21"}');
    const batch = (examples.map(compact).join('\n') + '\n').repeat(50);
    s.load(batch);
    s.run();  // warm-up: the rows and scratch reach their size here
    const before = srdi.HEAP8.length;
    for (let i = 0; i < 20; ++i) {
      s.load(batch);
      s.run();
    }
    assert.equal(srdi.HEAP8.length, before);
  } finally {
    s.delete();
  }
});
