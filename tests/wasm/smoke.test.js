// The wasm module loads in Node, evaluates a profile, and returns structured errors, never throws.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { loadSrdi } = require('./load_module');

const example = fs.readFileSync(path.resolve(__dirname, '../../examples/precision-parts.json'), 'utf8');

test('the module reports its version', async () => {
  const srdi = await loadSrdi();
  assert.match(srdi.version(), /^\d+\.\d+\.\d+$/);
});

test('the bundled example evaluates to a small industrial enterprise', async () => {
  const srdi = await loadSrdi();
  const result = JSON.parse(srdi.evaluate(example, JSON.stringify({ as_of: '2026-11-21' })));
  assert.equal(result.size.class, 'small');
  assert.equal(result.as_of, '2026-11-21');
  assert.ok(Array.isArray(result.tiers));
});

test('a bad profile comes back as a structured error with its path', async () => {
  const srdi = await loadSrdi();
  const result = JSON.parse(srdi.evaluate('{"revenue": {"last": "1.234"}}', '{}'));
  assert.deepEqual(result.errors.map((e) => [e.code, e.path]), [['profile.money_precision', '/revenue/last']]);
  assert.match(result.errors[0].message, /小数/);
});

test('malformed JSON and bad options are errors, not exceptions', async () => {
  const srdi = await loadSrdi();
  assert.equal(JSON.parse(srdi.evaluate('{', '{}')).errors[0].code, 'json.syntax');
  assert.equal(JSON.parse(srdi.evaluate('{}', '{"as_of": "2026-02-30"}')).errors[0].code, 'options.bad_date');
  assert.equal(JSON.parse(srdi.evaluate('{}', '{"asof": "2026-02-03"}')).errors[0].code, 'options.unknown_key');
});

test('the policies compiled in are listed', async () => {
  const srdi = await loadSrdi();
  const policies = JSON.parse(srdi.policies());
  assert.ok(policies.some((p) => p.id === 'sme-size-2011' && p.status === 'published'));
});

test('compare returns one entry per city, each with its own documents', async () => {
  const srdi = await loadSrdi();
  const result = JSON.parse(srdi.compare(example, JSON.stringify({ as_of: '2025-06-30' })));
  assert.ok(result.cities.length >= 1);
  for (const city of result.cities) {
    assert.equal(city.awards.city, city.city);
    for (const doc of city.awards.documents) assert.ok(doc.totals.certain.match(/^\d+\.\d\d$/));
  }
});

test('a profile that is not valid UTF-8 comes back as a syntax error, not an exception (found by fuzzing)', async () => {
  const srdi = await loadSrdi();
  // A lone surrogate reaches the engine as bytes that are not UTF-8; the error message quotes them.
  for (const text of ['{"\uD800', '{"名称": 企业企业企业企业企业企业企业企业}']) {
    for (const fn of ['evaluate', 'compare', 'screen']) {
      const result = JSON.parse(srdi[fn](text, '{}'));
      assert.equal(result.errors[0].code, 'json.syntax', `${fn} ${text}`);
    }
    assert.equal(JSON.parse(srdi.screen_lines(text + '\n', '{}').trim()).errors[0].code, 'json.syntax');
  }
});
