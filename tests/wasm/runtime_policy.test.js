// Policy files loaded at run time through window.SRDI (docs/authoring.md): every bundled file
// loaded again gives byte-identical results; a new city's file pays and is stamped with its name
// and SHA-256; a broken file changes nothing; the checker and the golden runner give what the CLI
// gives (`srdi check-policy`, `srdi test`).
'use strict';
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { loadLibrary } = require('./load_library.js');

const root = path.resolve(__dirname, '../..');
const cli = process.env.SRDI_CLI || path.join(root, 'build/dev/srdi');
const checkDir = path.join(root, 'tests/fixtures/check');
const options = '{"as_of": "2026-11-21"}';

function policyFiles(dir, prefix = '') {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...policyFiles(path.join(dir, e.name), prefix + e.name + '/'));
    else if (e.name.endsWith('.json')) out.push({ file: prefix + e.name, text: fs.readFileSync(path.join(dir, e.name), 'utf8') });
  }
  return out;
}

test('every bundled file loaded again gives byte-identical results', async () => {
  const srdi = await loadLibrary();
  const examples = fs.readdirSync(path.join(root, 'examples')).map((f) => fs.readFileSync(path.join(root, 'examples', f), 'utf8'));
  const before = examples.map((p) => srdi.evaluate(p, options));
  const compareBefore = srdi.compare(examples[0], options);
  for (const f of policyFiles(path.join(root, 'policies'))) {
    const loaded = JSON.parse(srdi.loadPolicy(f.text, f.file));
    assert.strictEqual(loaded.ok, true, f.file);
    assert.strictEqual(loaded.replaces, 'bundled');
    assert.strictEqual(loaded.policy.sha256, crypto.createHash('sha256').update(f.text).digest('hex'));
    examples.forEach((p, i) => assert.strictEqual(srdi.evaluate(p, options), before[i], f.file));
  }
  assert.strictEqual(srdi.compare(examples[0], options), compareBefore);
  srdi.unloadPolicies();
});

test('a new city pays by its file, stamped with its name and SHA-256, and unloading forgets it', async () => {
  const srdi = await loadLibrary();
  const text = fs.readFileSync(path.join(checkDir, 'clean.json'), 'utf8');
  const firm = JSON.stringify({ name: '测试企业', city: 'ceshi', events: [{ type: 'recognition', title: 'little_giant', level: 'national', renewal: false }] });
  const opts = '{"as_of": "2026-06-01"}';
  assert.strictEqual(JSON.parse(srdi.evaluate(firm, opts)).awards.documents.length, 0);
  const loaded = JSON.parse(srdi.loadPolicy(text, 'ceshi.json'));
  assert.strictEqual(loaded.replaces, null);
  const result = JSON.parse(srdi.evaluate(firm, opts));
  assert.strictEqual(result.awards.documents[0].totals.certain, '500000.00');  // 一：新认定小巨人 50万元
  const stamp = result.policies.find((p) => p.id === 'check-fixture');
  assert.strictEqual(stamp.file, 'ceshi.json');
  assert.strictEqual(stamp.sha256, crypto.createHash('sha256').update(text).digest('hex'));
  assert.ok(JSON.parse(srdi.schema()).cities.some((c) => c.id === 'ceshi'), 'the new city is offered');
  // The same bytes as the CLI with --policies.
  const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'srdi-'));
  fs.writeFileSync(path.join(tmp, 'firm.json'), firm);
  fs.copyFileSync(path.join(checkDir, 'clean.json'), path.join(tmp, 'ceshi.json'));
  const fromCli = execFileSync(cli, ['evaluate', '--profile', path.join(tmp, 'firm.json'), '--as-of', '2026-06-01', '--format', 'compact',
    '--policies', path.join(tmp, 'ceshi.json')], { encoding: 'utf8' });
  assert.strictEqual(srdi.evaluate(firm, opts), fromCli.trimEnd());
  // A verdicts-only screen sees it too.
  assert.strictEqual(JSON.parse(srdi.screen(firm, opts)).awards.documents[0].totals.certain, '500000.00');
  srdi.unloadPolicies();
  assert.strictEqual(JSON.parse(srdi.evaluate(firm, opts)).awards.documents.length, 0);
  assert.strictEqual(JSON.parse(srdi.screen(firm, opts)).awards.documents.length, 0);
});

test('a broken file is refused with every error and changes nothing', async () => {
  const srdi = await loadLibrary();
  const before = srdi.policies();
  const out = JSON.parse(srdi.loadPolicy('{"id": "x", "kind": "awards", "title": 3}', 'broken.json'));
  assert.ok(out.errors.length >= 3);
  assert.ok(out.errors.every((e) => e.code && e.message && e.source === 'broken.json'));
  assert.strictEqual(srdi.policies(), before);
  const deep = JSON.parse(srdi.loadPolicy('{"id": "x", "a": ' + '['.repeat(100) + ']'.repeat(100) + '}', 'deep.json'));
  assert.strictEqual(deep.errors[0].code, 'json.too_deep');
  const unnamed = JSON.parse(srdi.loadPolicy(fs.readFileSync(path.join(checkDir, 'clean.json'), 'utf8'), ''));
  assert.strictEqual(unnamed.errors[0].code, 'policy.no_file_name');
  assert.strictEqual(srdi.policies(), before);
});

test('checkPolicy and testPolicy give what srdi check-policy and srdi test give', async () => {
  const srdi = await loadLibrary();
  const expected = JSON.parse(fs.readFileSync(path.join(checkDir, 'expected.json'), 'utf8'));
  const source = fs.readFileSync(path.join(checkDir, 'source.txt'), 'utf8');
  for (const [name, want] of Object.entries(expected)) {
    if (name === '_comment') continue;
    const text = fs.readFileSync(path.join(checkDir, want.policy), 'utf8');
    const golden = want.golden ? fs.readFileSync(path.join(checkDir, want.golden), 'utf8') : '';
    const got = JSON.parse(srdi.checkPolicy(text, { file: want.policy, source: want.source ? source : '', golden }));
    assert.deepStrictEqual(got.warnings.map((w) => [w.code, w.path]), want.warnings, name);
    const args = ['check-policy', path.join(checkDir, want.policy), '--format', 'json'];
    if (want.source) args.push('--source', path.join(checkDir, 'source.txt'));
    if (want.golden) args.push('--golden', path.join(checkDir, want.golden));
    assert.deepStrictEqual(got, JSON.parse(execFileSync(cli, args, { encoding: 'utf8' })), name);
  }
  srdi.loadPolicy(fs.readFileSync(path.join(checkDir, 'clean.json'), 'utf8'), 'clean.json');
  const pass = JSON.parse(srdi.testPolicy(fs.readFileSync(path.join(checkDir, 'golden_clean.json'), 'utf8')));
  assert.deepStrictEqual(pass, { ok: true, cases: 3, failed: 0, failures: [] });
  const fail = JSON.parse(srdi.testPolicy(fs.readFileSync(path.join(checkDir, 'golden_failing.json'), 'utf8')));
  assert.strictEqual(fail.failed, 1);
  assert.strictEqual(fail.failures[0].case, 'A retrofit of 2000万 equipment is capped at 100万');
  assert.strictEqual(fail.ok, false);
  // No cases, or a case that expects nothing, is never a pass.
  assert.strictEqual(JSON.parse(srdi.testPolicy('{"cases": []}')).ok, false);
  const empty = JSON.parse(srdi.testPolicy(JSON.stringify({ cases: [{ name: 'expects nothing', profile: { city: 'ceshi' } }] })));
  assert.strictEqual(empty.ok, false);
  assert.strictEqual(empty.failed, 1);
  // An error expectation without its path is the case's failure, never a crash.
  const noPath = JSON.parse(srdi.testPolicy(JSON.stringify({ cases: [{ name: 'bad error', profile: { city: 3 }, error: { code: 'profile.wrong_type' } }] })));
  assert.strictEqual(noPath.failed, 1);
  srdi.unloadPolicies();
});
