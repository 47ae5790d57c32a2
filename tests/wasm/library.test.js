// window.SRDI (web/srdi-lib.js) as a portal sees it, and the page's form definition (web/form.js)
// checked against the engine's own input vocabulary.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');
const { loadLibrary, newLibraryContext } = require('./load_library');

const root = path.resolve(__dirname, '../..');
const examples = fs.readdirSync(path.join(root, 'examples')).filter((f) => f.endsWith('.json'));

test('SRDI.ready resolves with a version, and the functions return JSON text', async () => {
  const srdi = await loadLibrary();
  assert.match(srdi.version, /^\d+\.\d+\.\d+$/);
  assert.ok(Array.isArray(JSON.parse(srdi.policies())));
  const schema = JSON.parse(srdi.schema());
  assert.ok(schema.fields.some((f) => f.name === 'revenue.last' && f.kind === 'money'));
  assert.ok(schema.events.some((e) => e.type === 'recognition'));
});

test('a call before SRDI.ready is a structured error, not an exception', () => {
  const context = newLibraryContext();
  const out = JSON.parse(context.SRDI.evaluate('{}', '{}'));
  assert.equal(out.errors[0].code, 'engine.not_ready');
  return context.SRDI.ready;  // let it finish loading before the test ends
});

test('a profile given as an object gives the same text as the same profile given as a string', async () => {
  const srdi = await loadLibrary();
  const text = fs.readFileSync(path.join(root, 'examples/precision-parts.json'), 'utf8');
  const options = { as_of: '2026-11-21' };
  assert.equal(srdi.evaluate(JSON.parse(text), options), srdi.evaluate(text, JSON.stringify(options)));
});

test('bad input and bad options come back as errors with code, path and a Chinese message', async () => {
  const srdi = await loadLibrary();
  const bad = JSON.parse(srdi.evaluate('{"revenue": {"last": "1e7"}}', '{}'));
  assert.equal(bad.errors[0].code, 'profile.bad_number');
  assert.equal(bad.errors[0].path, '/revenue/last');
  const opts = JSON.parse(srdi.compare('{}', '{"as_of": "2026-02-30"}'));
  assert.equal(opts.errors[0].code, 'options.bad_date');
  assert.match(opts.errors[0].message, /[\u4e00-\u9fff]/);
});

for (const file of examples) {
  test(`SRDI.evaluate and SRDI.compare print what the CLI prints for examples/${file}`, { skip: !process.env.SRDI_CLI }, async () => {
    const srdi = await loadLibrary();
    const text = fs.readFileSync(path.join(root, 'examples', file), 'utf8');
    for (const command of ['evaluate', 'compare']) {
      const native = execFileSync(process.env.SRDI_CLI, [command, '--format', 'compact', '--profile', path.join(root, 'examples', file), '--as-of', '2026-11-21'], { encoding: 'utf8' });
      assert.equal(srdi[command](text, '{"as_of": "2026-11-21"}') + '\n', native, command);
    }
  });
}

test('the form shows every profile field of the engine exactly once', async () => {
  const srdi = await loadLibrary();
  const schema = JSON.parse(srdi.schema());
  const context = {};
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(root, 'web/form.js'), 'utf8') + '\nthis.SRDI_FORM = SRDI_FORM;', context);
  const form = context.SRDI_FORM;
  const shown = [];
  for (const section of form.sections) {
    for (const row of section.table || []) for (const y of row.years) shown.push(`${row.base}.${y}`);
    for (const f of section.fields || []) if (f.name) shown.push(f.name);
  }
  // Fields with a widget of their own, and the applicant (an option of the evaluation).
  const widgets = (name) => /^(sci_award|honors)\./.test(name) || name === 'applicant';
  const duplicates = shown.filter((n, i) => shown.indexOf(n) !== i);
  assert.deepEqual(duplicates, []);
  const names = schema.fields.map((f) => f.name);
  assert.deepEqual(shown.filter((n) => !names.includes(n)), [], 'fields in the form the engine does not know');
  assert.deepEqual(names.filter((n) => !widgets(n) && !shown.includes(n)), [], 'fields of the engine missing from the form');
  // Every enum value the form offers has Chinese words.
  for (const f of schema.fields.filter((x) => x.values)) {
    const group = form.values[f.name.split('.').pop()];
    assert.ok(group, `words for ${f.name}`);
    for (const v of f.values) assert.ok(group[v], `words for ${f.name} = ${v}`);
  }
  for (const e of schema.events) {
    for (const p of e.params.filter((x) => x.values)) {
      for (const v of p.values) assert.ok(form.values[p.name] && form.values[p.name][v], `words for event ${e.type}.${p.name} = ${v}`);
    }
  }
  for (const t of schema.holds_titles) assert.ok(form.values.title[t], `words for title ${t}`);
});

test('each city of the schema has award documents in the bundled policies, and the form\'s other city none', async () => {
  const srdi = await loadLibrary();
  const context = {};
  vm.createContext(context);
  vm.runInContext(fs.readFileSync(path.join(root, 'web/form.js'), 'utf8') + '\nthis.SRDI_FORM = SRDI_FORM;', context);
  const schema = JSON.parse(srdi.schema());
  assert.ok(schema.cities.length >= 1);
  for (const city of schema.cities) {
    const out = JSON.parse(srdi.evaluate(JSON.stringify({ city: city.id }), '{"as_of": "2026-11-21"}'));
    assert.ok(out.awards.documents.length > 0, city.id);
    // A draft or a text of unknown status is named where the city is offered.
    if (city.statuses.includes('draft')) assert.match(city.label, /征求意见稿/);
  }
  const other = JSON.parse(srdi.evaluate(JSON.stringify({ city: context.SRDI_FORM.other_city.value }), '{"as_of": "2026-11-21"}'));
  assert.equal(other.awards.documents.length, 0);
});

test('docs/srdi.d.ts declares exactly the members of window.SRDI', async () => {
  const srdi = await loadLibrary();
  const dts = fs.readFileSync(path.join(root, 'docs/srdi.d.ts'), 'utf8');
  const body = /export interface SrdiEngine \{([\s\S]*?)\n\}/.exec(dts);
  assert.ok(body, 'no SrdiEngine interface in docs/srdi.d.ts');
  // Members: `name(`, `name?(`, `readonly name:`; optional ones (mount, unmount) come from app.js.
  const declared = [...body[1].matchAll(/^\s+(?:readonly\s+)?(\w+)(\?)?\s*[(:]/gm)].map((m) => ({ name: m[1], optional: !!m[2] }));
  for (const d of declared) {
    if (!d.optional) assert.ok(d.name in srdi, `window.SRDI has no ${d.name}`);
  }
  for (const name of Object.keys(srdi)) {
    assert.ok(declared.some((d) => d.name === name), `docs/srdi.d.ts does not declare SRDI.${name}`);
  }
});
