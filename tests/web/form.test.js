// The form covers the engine's input vocabulary (SRDI.schema()): every profile field is placed in
// web/form.js exactly once and has exactly one control of the right kind, as the DOM contract
// describes it (name = dotted path, id = f-<path with dashes>, money in 万元, bool and enum
// selects with '' = 未填写); every title can be ticked and every event type added.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const h = require('./harness');

let env;
let page;
let schema;
test.before(async () => {
  env = await h.setup();
  const context = await env.browser.newContext();
  page = await context.newPage();
  await h.gotoReady(page, env.url);
  schema = JSON.parse(await page.evaluate(() => window.SRDI.schema()));
});
test.after(async () => {
  if (env) await env.close();
});

test('every schema field is placed in web/form.js exactly once', async () => {
  const placed = await page.evaluate(() => {
    const out = [];
    for (const sec of window.SRDI_FORM.sections) {
      for (const row of sec.table || []) for (const y of row.years) out.push(`${row.base}.${y}`);
      for (const f of sec.fields || []) out.push(f.widget ? `widget:${f.widget}` : f.name);
      if (sec.widget) out.push(`widget:${sec.widget}`);
    }
    return out;
  });
  const counts = new Map();
  for (const p of placed) counts.set(p, (counts.get(p) || 0) + 1);
  const twice = [...counts].filter(([, n]) => n > 1).map(([p]) => p);
  assert.deepEqual(twice, [], 'placed more than once');
  // Fields handled by a widget or by the option pickers rather than a control of their own.
  const covered = (name) => {
    if (name === 'applicant') return true; // #opt-applicant
    if (name.startsWith('sci_award.')) return counts.has('widget:sci_award');
    if (name.startsWith('honors.')) return counts.has('widget:honors');
    return counts.has(name);
  };
  const missing = schema.fields.map((f) => f.name).filter((n) => !covered(n));
  assert.deepEqual(missing, [], 'schema fields with no place in the form');
  const known = new Set(schema.fields.map((f) => f.name));
  const unknown = placed.filter((p) => !p.startsWith('widget:') && !known.has(p));
  assert.deepEqual(unknown, [], 'form fields that are not in the schema');
  assert.ok(counts.has('widget:holds') && counts.has('widget:events'), 'the holds and events widgets are placed');
});

test('each field has one control of its kind, labelled, per the DOM contract', async () => {
  const controls = await page.evaluate((fields) => fields.map((f) => {
    const id = `f-${f.name.replace(/\./g, '-')}`;
    const all = document.querySelectorAll(`[name="${f.name}"]`);
    const el = document.getElementById(id);
    const label = el && (document.querySelector(`label[for="${id}"]`) || el.closest('label') || el.getAttribute('aria-label'));
    return {
      name: f.name,
      kind: f.kind,
      values: f.values || null,
      byName: all.length,
      exists: !!el,
      nameAttr: el ? el.getAttribute('name') : null,
      tag: el ? el.tagName.toLowerCase() : null,
      unit: el ? el.getAttribute('data-unit') : null,
      options: el && el.tagName === 'SELECT' ? Array.from(el.options).map((o) => o.value) : null,
      labelled: !!label,
      errorEl: !!document.getElementById(`err-${id.slice(2)}`),
    };
  }), schema.fields.filter((f) => f.name !== 'applicant' && !f.name.startsWith('honors.')));
  const problems = [];
  for (const c of controls) {
    const p = (msg) => problems.push(`${c.name} (${c.kind}): ${msg}`);
    if (!c.exists) { p('no #f- control'); continue; }
    if (c.byName !== 1) p(`${c.byName} controls named "${c.name}"`);
    if (c.nameAttr !== c.name) p(`name="${c.nameAttr}"`);
    if (!c.labelled) p('no label');
    if (!c.errorEl) p('no #err- element');
    if (c.kind === 'money' || c.kind === 'signed_money') {
      if (c.tag !== 'input' || c.unit !== 'wan') p(`money control should be an input with data-unit="wan" (${c.tag}, ${c.unit})`);
    } else if (c.kind === 'bool') {
      if (JSON.stringify(c.options) !== JSON.stringify(['', 'true', 'false'])) p(`bool select options ${JSON.stringify(c.options)}`);
    } else if (c.kind === 'enum') {
      if (JSON.stringify(c.options) !== JSON.stringify(['', ...c.values])) p(`enum select options ${JSON.stringify(c.options)} for ${JSON.stringify(c.values)}`);
    } else if (c.name === 'city') {
      if (c.tag !== 'select' || c.options[0] !== '') p('#f-city should be a select starting with 未填写');
    } else if (c.tag !== 'input') {
      p(`expected an input, got ${c.tag}`);
    }
  }
  assert.deepEqual(problems, []);
  // City choices: every city with an award policy of its own.
  const compare = JSON.parse(await page.evaluate(() => window.SRDI.compare('{}', '{"as_of":"2026-11-21"}')));
  const cities = await page.$$eval('#f-city option', (os) => os.map((o) => o.value));
  for (const c of compare.cities) assert.ok(cities.includes(c.city), `#f-city does not offer ${c.city}`);
  // Applicant kinds: the option picker.
  const kinds = await page.$$eval('#opt-applicant option', (os) => os.map((o) => o.value));
  assert.deepEqual(kinds, schema.fields.find((f) => f.name === 'applicant').values);
  assert.equal(await page.inputValue('#opt-applicant'), 'enterprise', 'the applicant defaults to enterprise');
});

test('every honour, title held and event type can be entered', async () => {
  const missing = await page.evaluate((s) => {
    const out = [];
    for (const f of s.fields.filter((x) => x.name.startsWith('honors.'))) {
      const k = f.name.slice(7);
      if (!document.getElementById(`honor-${k}`)) out.push(`#honor-${k}`);
    }
    for (const t of s.holds_titles) {
      for (const id of [`hold-${t}`, `hold-${t}-level`, `hold-${t}-since`]) if (!document.getElementById(id)) out.push(`#${id}`);
    }
    for (const e of s.events) if (!document.getElementById(`ev-type-${e.type}`)) out.push(`#ev-type-${e.type}`);
    return out;
  }, schema);
  assert.deepEqual(missing, []);
  // Each event type, once added, shows one control per parameter.
  const gaps = [];
  for (const e of schema.events) {
    // (An event with a required parameter left blank is flagged, not evaluated: wait for the row.)
    await page.check(`#ev-type-${e.type}`);
    await page.waitForSelector(`[data-event-type="${e.type}"] [data-event-index]`, { state: 'attached', timeout: 5000 }).catch(() => {});
    const i = await page.evaluate((type) => {
      const ev = document.querySelector(`[data-event-type="${type}"] [data-event-index]`);
      return ev ? Number(ev.getAttribute('data-event-index')) : -1;
    }, e.type);
    if (i < 0) { gaps.push(`${e.type}: no event row after ticking`); continue; }
    for (const p of e.params) {
      const ok = await page.evaluate(([id, kind]) => {
        const el = document.getElementById(id);
        if (!el) return 'missing';
        if (!document.querySelector(`label[for="${id}"]`)) return 'no label';
        if (kind === 'money' && el.getAttribute('data-unit') !== 'wan') return 'money without data-unit="wan"';
        if ((kind === 'enum' || kind === 'bool') && el.tagName !== 'SELECT') return 'not a select';
        return 'ok';
      }, [`ev-${i}-${p.name}`, p.kind]);
      if (ok !== 'ok') gaps.push(`events/${i}/${p.name} (${e.type}): ${ok}`);
    }
    await page.uncheck(`#ev-type-${e.type}`);
    await page.waitForSelector(`[data-event-type="${e.type}"] [data-event-index]`, { state: 'detached', timeout: 5000 });
  }
  assert.deepEqual(gaps, []);
});
