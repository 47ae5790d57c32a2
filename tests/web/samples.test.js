// Every sample of the menu, evaluated on 2026-11-21, shows what the CLI prints for the example
// file of the same name: the size class, each tier's verdict, each award document's totals, and
// each city's totals in the comparison.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const h = require('./harness');

let env;
let context;
let page;
test.before(async () => {
  env = await h.setup();
  context = await env.browser.newContext();
  page = await context.newPage();
  await h.gotoReady(page, env.url);
});
test.after(async () => {
  if (env) await env.close();
});

test('the sample menu lists the example files', async () => {
  const ids = await h.sampleIds(page);
  assert.ok(ids.length >= 2, `expected the samples in the menu, got ${JSON.stringify(ids)}`);
  for (const id of ids) assert.ok(fs.existsSync(h.examplePath(id)), `sample ${id} has no examples/${id}.json`);
  for (const id of h.exampleIds()) assert.ok(ids.includes(id), `examples/${id}.json is not in the sample menu`);
});

test('each sample on 2026-11-21 shows the CLI result', async (t) => {
  const ids = await h.sampleIds(page);
  assert.ok(ids.length >= 1);
  // Start from another date, so setting 2026-11-21 is a real change.
  await h.setAsOf(page, '2025-06-30');
  for (const id of ids) {
    await t.test(id, async () => {
      await h.loadSample(page, id);
      await h.setAsOf(page, h.AS_OF);
      assert.equal(await page.inputValue('#sample-select'), id);
      const want = h.cliEvaluate(h.examplePath(id));
      assert.ok(want.tiers.length > 0 && want.awards.documents.length > 0, 'the example should exercise tiers and awards');
      await h.assertScreenMatches(page, want, id);

      // Cities compared: only if the page renders the comparison.
      const cmp = await page.$('#result-compare');
      assert.ok(cmp, '#result-compare is missing');
      const wantCmp = h.expectedCompare(h.cliCompare(h.examplePath(id)));
      await h.eventually(async () => assert.deepEqual(await h.readCompare(page), wantCmp, `${id}: comparison across cities`));
    });
  }
  // And back to another date: the screen follows (the test above is not reading stale values).
  const last = ids[ids.length - 1];
  await h.setAsOf(page, '2025-06-30');
  await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(last), { asOf: '2025-06-30' }), `${last} on 2025-06-30`);
});

test('criteria and applicant pickers are applied as the CLI applies them', async () => {
  const id = 'precision-parts';
  await h.loadSample(page, id);
  await h.setAsOf(page, h.AS_OF);
  await h.rerender(page, () => page.selectOption('#opt-criteria', 'miit-2022'));
  await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(id), { criteria: 'miit-2022' }), `${id} --criteria miit-2022`);
  await h.rerender(page, () => page.selectOption('#opt-criteria', 'auto'));
  const kinds = await page.$$eval('#opt-applicant option', (os) => os.map((o) => o.value));
  assert.ok(kinds.includes('enterprise'), '#opt-applicant offers enterprise');
  const other = kinds.find((k) => k && k !== 'enterprise');
  assert.ok(other, '#opt-applicant offers another applicant kind');
  await h.rerender(page, () => page.selectOption('#opt-applicant', other));
  await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(id), { applicant: other }), `${id} --applicant ${other}`);
  await h.rerender(page, () => page.selectOption('#opt-applicant', 'enterprise'));
  await h.assertScreenMatches(page, h.cliEvaluate(h.examplePath(id)), id);
});
