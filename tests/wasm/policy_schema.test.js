// docs/policy.schema.json against the strict loader (core/policy.cpp): every bundled policy validates,
// every broken fixture is refused at the loader's path, or is listed in LOADER_ONLY with the reason a
// schema cannot see it. Needs no wasm build.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020');

const repo = path.resolve(__dirname, '../..');
const schema = JSON.parse(fs.readFileSync(path.join(repo, 'docs/policy.schema.json'), 'utf8'));
const brokenDir = path.join(repo, 'tests/fixtures/broken/policy');
const expected = JSON.parse(fs.readFileSync(path.join(brokenDir, 'expected.json'), 'utf8'));

// Broken fixtures whose loader error no JSON Schema can express, with the reason. For each, the test
// asserts that the schema accepts the file, so an entry that the schema learns to refuse must leave.
const LOADER_ONLY = {
  'duplicate_key.json': 'duplicate keys exist only in the JSON text: JSON.parse keeps the last one',
  'duplicate_criterion_id.json': 'ids unique within the file: uniqueness across the whole tree',
  'unknown_ref.json': 'a ref must name a definition of some file of the policy set',
  'unknown_tier.json': 'a tier node must name a tier of some file of the policy set',
  'unknown_reading.json': 'a reading node must name a reading declared in some file of the set',
  'by_reading_unknown_reading.json': 'a by_reading amount must name a reading declared in some file of the set',
  'reading_options_mismatch.json': 'a reading node needs one option per option the reading declares (elsewhere)',
  'by_reading_options_mismatch.json': 'a by_reading amount needs one amount per option the reading declares (elsewhere)',
  'cap_scope_reading_options_mismatch.json': 'a cap_scope reading needs one scope per option the reading declares (elsewhere)',
  'cap_scope_caps_differ.json': 'cap_scope on a by_reading needs one cap shared by every option: a comparison across the options',
  'reading_bad_default.json': 'default must be one of the ids of its sibling options: a cross-reference',
  'unknown_score_table.json': 'a score node must name a score table of its own tier: a cross-reference',
  'unknown_score_category.json': 'a score node\'s category must be one of its table\'s categories: a cross-reference',
  'less_earlier_unknown_group.json': 'the group must be one of the document\'s groups: a cross-reference',
  'valid_to_before_from.json': 'valid_to not before valid_from: a comparison of two values',
  'band_over_max.json': 'a first_match band\'s points not above its indicator\'s max: a comparison of two values',
  'category_max_mismatch.json': 'a category\'s max equals the sum of its indicators\' max: arithmetic across the table',
};
// Fixtures that are not whole policies: the schema refuses them for other reasons, so the test asserts
// only that no schema error points at the loader's path.
const NOT_WHOLE_POLICIES = new Set(['duplicate_key.json']);
// Raise it with each new fixture in tests/fixtures/broken/policy/, once its row above (or none) is decided.
const BROKEN_FIXTURES = 44;

function compile() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  return ajv.compile(schema);
}

function jsonFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => path.join(dir, f));
}

const pointerToken = (key) => String(key).replace(/~/g, '~0').replace(/\//g, '~1');
const parent = (p) => p.slice(0, Math.max(0, p.lastIndexOf('/')));

// The JSON pointer an ajv error is about. For a key that is missing (required, dependentRequired) or not
// allowed (additionalProperties, unevaluatedProperties, propertyNames), ajv reports the object and names
// the key in params: the key's own path is the one the loader gives (policy.missing_key, unknown_key).
function pointed(e) {
  const p = e.params || {};
  const key = p.missingProperty ?? p.additionalProperty ?? p.unevaluatedProperty ?? p.propertyName;
  return key === undefined ? e.instancePath : `${e.instancePath}/${pointerToken(key)}`;
}

// An ajv error matches the loader's path when it points at that path, at its parent (ajv reports oneOf,
// not and contains on the enclosing object or list, e.g. the loader's /bands/0 is ajv's /bands), or at a
// child (the loader reports a criterion as a whole where ajv names the offending key, e.g. holds in a
// size rule).
function matchesPath(e, loaderPath) {
  return [pointed(e), e.instancePath].some((p) => p === loaderPath || p === parent(loaderPath) || parent(p) === loaderPath);
}

const describe = (errors) =>
  JSON.stringify((errors || []).map((e) => ({ at: pointed(e), keyword: e.keyword, message: e.message })), null, 1);

test('the schema compiles in strict mode', () => {
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.match(schema.$id, /^https:\/\/[^/]+\.invalid\//);
  assert.equal(typeof compile(), 'function');
});

test('every bundled policy and policy fixture validates', () => {
  const validate = compile();
  const files = [...jsonFiles(path.join(repo, 'policies')), ...jsonFiles(path.join(repo, 'tests/fixtures/policies'))];
  assert.ok(files.length >= 9, `found only ${files.length} policy files`);
  for (const file of files) {
    const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
    assert.ok(ok, `${path.relative(repo, file)}:\n${describe(validate.errors)}`);
  }
});

test('a root "$schema" key is allowed, other unknown root keys are not', () => {
  const validate = compile();
  const policy = JSON.parse(fs.readFileSync(path.join(repo, 'tests/fixtures/policies/toy-tiers.json'), 'utf8'));
  assert.ok(validate({ $schema: '../../docs/policy.schema.json', ...policy }), describe(validate.errors));
  assert.ok(!validate({ ...policy, schema: 'x' }));
});

test('every broken fixture is decided: refused at the loader\'s path, or listed as LOADER_ONLY', () => {
  const files = fs.readdirSync(brokenDir).filter((f) => f.endsWith('.json') && f !== 'expected.json').sort();
  assert.equal(files.length, BROKEN_FIXTURES, 'a broken fixture was added or removed: decide it here (LOADER_ONLY or not) and update BROKEN_FIXTURES');
  assert.deepEqual(Object.keys(expected).sort(), files, 'expected.json and the fixture files differ');
  for (const name of Object.keys(LOADER_ONLY)) assert.ok(files.includes(name), `LOADER_ONLY names a missing fixture ${name}`);

  const validate = compile();
  const problems = [];
  for (const name of files) {
    const { code, path: loaderPath } = expected[name];
    const ok = validate(JSON.parse(fs.readFileSync(path.join(brokenDir, name), 'utf8')));
    const errors = validate.errors || [];
    if (NOT_WHOLE_POLICIES.has(name)) {
      // Only the key itself counts here: the root's own errors (missing kind, title…) are unrelated.
      if (errors.some((e) => pointed(e) === loaderPath)) problems.push(`${name}: the schema now sees ${code}; move it out of LOADER_ONLY`);
    } else if (name in LOADER_ONLY) {
      if (!ok) problems.push(`${name} (${code}, loader-only: ${LOADER_ONLY[name]}) should pass the schema:\n${describe(errors)}`);
    } else if (ok) {
      problems.push(`${name}: the loader refuses it (${code} at ${loaderPath}) but the schema accepts it`);
    } else if (!errors.some((e) => matchesPath(e, loaderPath))) {
      problems.push(`${name}: no schema error at ${loaderPath} (${code}):\n${describe(errors)}`);
    }
  }
  assert.deepEqual(problems, []);
});

// The vocabularies the loader checks come from the code; docs/metrics.md and docs/events.md are
// rendered from it (srdi metrics, srdi docs events), so the schema is compared with them.
test('the metric and event vocabularies match docs/metrics.md and docs/events.md', () => {
  const metricsMd = fs.readFileSync(path.join(repo, 'docs/metrics.md'), 'utf8');
  const units = {};
  for (const m of metricsMd.matchAll(/^\| `([^`]+)` \| [^|]+ \| (yuan|count|ratio|score) \|/gm)) units[m[1]] = m[2];
  const form = schema.$defs.form_metric;
  assert.deepEqual([...form.properties.metric.enum].sort(), Object.keys(units).sort());
  assert.deepEqual([...schema.$defs.indicator.properties.metric.enum].sort(), Object.keys(units).sort());
  const byUnit = (u) => Object.keys(units).filter((k) => units[k] === u).sort();
  assert.deepEqual([...form.allOf[0].if.properties.metric.enum].sort(), byUnit('yuan'));
  assert.deepEqual([...form.allOf[0].else.if.properties.metric.enum].sort(), byUnit('ratio'));

  const eventsMd = fs.readFileSync(path.join(repo, 'docs/events.md'), 'utf8');
  const events = {};
  let current = null;
  for (const line of eventsMd.split('\n')) {
    const heading = line.match(/^## `([a-z_]+)`/);
    if (heading) events[heading[1]] = current = {};
    const row = line.match(/^\| `([a-z_]+)` \| ([a-z]+)[^|]* \| [^|]* \| ([^|]*) \|/);
    if (row && current) current[row[1]] = { kind: row[2], values: row[3].trim() ? row[3].trim().split(', ') : [] };
  }
  const trigger = schema.$defs.trigger;
  assert.deepEqual([...trigger.properties.event.enum].sort(), Object.keys(events).sort());
  for (const c of trigger.allOf) {
    const type = c.if.properties.event.const;
    const params = events[type];
    const where = c.then.properties.where;
    const whereable = Object.keys(params).filter((p) => params[p].kind !== 'money').sort();
    assert.deepEqual([...(where.propertyNames?.enum || [])].sort(), whereable, `where of ${type}`);
    for (const p of whereable) {
      if (params[p].kind === 'enum') assert.deepEqual(where.properties[p].anyOf[0].enum, params[p].values, `${type}.${p}`);
    }
    const bounded = Object.keys(params).filter((p) => ['money', 'count', 'rank', 'percent'].includes(params[p].kind)).sort();
    assert.deepEqual([...(c.then.properties.at_least.propertyNames?.enum || [])].sort(), bounded, `at_least of ${type}`);
  }
});
