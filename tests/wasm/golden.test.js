// Runs every golden file under tests/golden/ through the wasm module, with the same expectations
// as the native runner (tests/unit/golden_test.cpp). With SRDI_CLI set, also checks that the page's
// library (window.SRDI, web/srdi-lib.js over the built module) returns byte for byte the JSON the
// native CLI prints, for every case.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { loadSrdi } = require('./load_module');
const { loadLibrary } = require('./load_library');

const goldenDir = path.resolve(__dirname, '../golden');
const files = fs.readdirSync(goldenDir).filter((f) => f.endsWith('.json'));

// A format-2 result as a reader sees it: each citation index replaced by the citation (as
// srdi::inline_citations does for the native harness), so pointers may pass through `citation`.
function inlineCitations(result) {
  const table = result.citations || [];
  const walk = (n) => {
    if (Array.isArray(n)) return n.map(walk);
    if (n === null || typeof n !== 'object') return n;
    const out = {};
    for (const [k, v] of Object.entries(n)) {
      out[k] = (k === 'citation' || k === 'stacking_citation') && Number.isInteger(v) ? table[v] : walk(v);
    }
    return out;
  };
  const out = walk(result);
  delete out.citations;
  return out;
}

function at(obj, pointer) {
  if (pointer === '') return obj;
  let cur = obj;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (cur === null || typeof cur !== 'object' || !(key in cur)) return undefined;
    cur = cur[key];
  }
  return cur;
}

function collect(node, out) {
  if (Array.isArray(node)) node.forEach((n) => collect(n, out));
  else if (node && typeof node === 'object') {
    if (typeof node.id === 'string' && typeof node.result === 'string') out.set(node.id, node.result);
    Object.values(node).forEach((v) => collect(v, out));
  }
}

// A case's profile: in full, or a base from tests/golden/profiles/ with pointer edits.
function caseProfile(c) {
  if (c.profile) return c.profile;
  const p = JSON.parse(fs.readFileSync(path.join(goldenDir, 'profiles', `${c.base}.json`), 'utf8'));
  const walk = (pointer) => {
    const keys = pointer.split('/').slice(1).map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    let cur = p;
    for (const k of keys.slice(0, -1)) {
      if (cur[k] === undefined) cur[k] = {};
      cur = cur[k];
    }
    return [cur, keys[keys.length - 1]];
  };
  for (const [pointer, value] of Object.entries(c.set || {})) {
    const [obj, key] = walk(pointer);
    obj[key] = value;
  }
  for (const pointer of c.unset || []) {
    const [obj, key] = walk(pointer);
    delete obj[key];
  }
  return p;
}

// The options a case asks for (as tests/unit/golden_test.cpp builds them).
function caseOptions(golden, c) {
  const options = { as_of: c.as_of || golden.as_of || '2026-11-21' };
  for (const k of ['criteria', 'renewal', 'readings']) if (c[k] !== undefined) options[k] = c[k];
  return options;
}

for (const file of files) {
  const golden = JSON.parse(fs.readFileSync(path.join(goldenDir, file), 'utf8'));
  test(`golden ${file} through wasm`, async (t) => {
    const srdi = await loadSrdi();
    for (const c of golden.cases) {
      await t.test(c.name, () => {
        const options = caseOptions(golden, c);
        const result = inlineCitations(JSON.parse(srdi.evaluate(JSON.stringify(caseProfile(c)), JSON.stringify(options))));
        if (c.error) {
          assert.equal(result.errors[0].code, c.error.code);
          assert.equal(result.errors[0].path, c.error.path);
          return;
        }
        assert.equal(result.errors, undefined, JSON.stringify(result.errors));
        for (const [pointer, want] of Object.entries(c.expect || {})) {
          assert.deepEqual(at(result, pointer), want, `at ${pointer}`);
        }
        for (const [tierId, checks] of Object.entries(c.tier_expect || {})) {
          const tier = result.tiers.find((t) => t.id === tierId);
          assert.ok(tier, `tier ${tierId}`);
          for (const [pointer, want] of Object.entries(checks)) assert.deepEqual(at(tier, pointer), want, `${tierId} at ${pointer}`);
        }
        const listOf = {
          award_expect: () => result.awards.documents.flatMap((d) => [...d.lines, ...d.benefits]),
          potential_expect: () => result.awards.potential,
          next_rung_expect: () => result.awards.next_rungs,
          measure_expect: () => result.awards.documents.flatMap((d) => d.measures),
        };
        for (const key of Object.keys(listOf)) {
          for (const [measure, checks] of Object.entries(c[key] || {})) {
            const found = listOf[key]().filter((l) => l.measure === measure);
            if (checks === null) {
              assert.equal(found.length, 0, `${key} ${measure} should not appear`);
              continue;
            }
            assert.equal(found.length, 1, `${key} ${measure}`);
            for (const [pointer, want] of Object.entries(checks)) assert.deepEqual(at(found[0], pointer), want, `${measure} at ${pointer}`);
          }
        }
        const results = new Map();
        collect(result, results);
        for (const kind of ['met', 'not_met', 'undetermined']) {
          for (const id of c[kind] || []) assert.equal(results.get(id), kind, `criterion ${id}`);
        }
      });
    }
  });
}

test('SRDI.evaluate and the native CLI give byte-identical JSON for every golden case', { skip: !process.env.SRDI_CLI }, async () => {
  const srdi = await loadLibrary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'srdi-parity-'));
  let compared = 0;
  for (const file of files) {
    const golden = JSON.parse(fs.readFileSync(path.join(goldenDir, file), 'utf8'));
    for (const c of golden.cases) {
      const asOf = c.as_of || golden.as_of || '2026-11-21';
      const profilePath = path.join(dir, 'profile.json');
      fs.writeFileSync(profilePath, JSON.stringify(caseProfile(c)));
      const args = ['evaluate', '--format', 'compact', '--profile', profilePath, '--as-of', asOf];
      const options = caseOptions(golden, c);
      if (c.criteria) args.push('--criteria', c.criteria);
      if (c.renewal) args.push('--renewal', c.renewal.join(','));
      for (const [id, option] of Object.entries(c.readings || {})) args.push('--reading', `${id}=${option}`);
      let native;
      try {
        native = execFileSync(process.env.SRDI_CLI, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      } catch (e) {
        native = e.stderr;  // errors: the same JSON on stderr
      }
      const wasm = srdi.evaluate(JSON.stringify(caseProfile(c)), JSON.stringify(options)) + '\n';
      assert.equal(wasm, native, `${file}: ${c.name}`);
      compared += 1;
    }
  }
  fs.rmSync(dir, { recursive: true, force: true });
  assert.ok(compared > 0);
});
