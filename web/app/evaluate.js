// Evaluation: every change of the form runs the engine, the quick verdicts per keystroke and the
// full result when typing pauses, then hands the result to the renderers.
import { profileText } from './util.js';

var FULL_PAUSE = 350;  // ms of no typing before the full result follows the quick one

export function evaluatePart(app) {
  var t = app.t, en = app.en, $ = app.$;
  var timer = 0, fullTimer = 0, compareTimer = 0;
  var generation = 0;  // full results rendered (data-generation, for tests and embedders)

  // Typing (no delay given) gets the quick summary per keystroke and the full result when typing
  // pauses; a discrete change (a select, a box, an option: delay 0) gets the full result at once.
  function schedule(delay) {
    if (app.destroyed) return;
    clearTimeout(timer);
    timer = delay == null ? setTimeout(run, 120) : setTimeout(runFull, delay);
  }

  // Per keystroke: the summary line (size, each rung's verdict, award totals) from the
  // verdicts-only path, a fraction of the cost of the explanation; the cards with their
  // explanations follow when typing pauses for FULL_PAUSE ms. Errors, a first result, or a ladder
  // or a set of documents that changed take the full path at once.
  function run() {
    if (app.destroyed) return;
    if (!app.lastResult) return runFull();
    var t0 = performance.now();
    var read = app.readProfile();
    if (read.problems.length) return runFull();
    var text = profileText(read.profile);
    var v = JSON.parse(window.SRDI.screen(text, JSON.stringify(app.options())));
    var model = v.errors ? null : quickModel(v);
    if (!model) return runFull();
    app.renderSummary(model);
    app.lastProfileText = text;
    app.remember();  // what was typed is kept at once, not only when the full result follows
    $('results').setAttribute('aria-busy', 'true');
    $('results').setAttribute('data-keystroke-ms', (performance.now() - t0).toFixed(2));
    clearTimeout(fullTimer);
    fullTimer = setTimeout(runFull, FULL_PAUSE);
  }

  // The summary's model from a verdicts-only result, with the titles and names of the last full
  // result (the same rungs and documents, or null).
  function quickModel(v) {
    var last = app.lastResult;
    if (!v.tiers || v.tiers.length !== last.tiers.length) return null;
    var tiers = [];
    for (var i = 0; i < v.tiers.length; i++) {
      if (v.tiers[i].id !== last.tiers[i].id) return null;
      tiers.push({ tier: last.tiers[i].tier, title: last.tiers[i].title, verdict: v.tiers[i].verdict });
    }
    var docs = v.awards ? v.awards.documents : [], lastDocs = last.awards.documents, out = [];
    if (docs.length !== lastDocs.length) return null;
    for (var k = 0; k < docs.length; k++) {
      if (docs[k].policy !== lastDocs[k].policy) return null;
      out.push({ jurisdiction: lastDocs[k].jurisdiction, status: docs[k].status, in_force: docs[k].in_force, totals: docs[k].totals });
    }
    var size = { class: v.size.class, label: v.size.class === last.size.class ? last.size.label : app.classWord(v.size.class) };
    return { as_of: v.as_of, criteria: { version: v.criteria }, size: size, tiers: tiers, awards: { documents: out } };
  }

  function runFull() {
    if (app.destroyed) return;
    clearTimeout(fullTimer);
    $('results').removeAttribute('aria-busy');
    var t0 = performance.now();
    var read = app.readProfile();
    var text = profileText(read.profile);
    var opts = app.options();
    var out = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(opts)));
    var problems = read.problems.slice();
    if (out.errors) {
      out.errors.forEach(function (e) {
        var id = read.paths[e.path] || (e.source === 'options' ? (e.path === '/as_of' ? 'opt-as-of' : 'opt-' + e.path.slice(1)) : null);
        problems.push({ id: id || 'profile-form', message: en('errors', e.code) || e.message });
      });
      app.showProblems(problems);
      $('results').classList.add('stale');
      $('summary').textContent = t('填写有误，结果未更新（显示的是上一次的结果）。');
      return;
    }
    $('results').classList.remove('stale');
    app.showProblems(problems);
    app.lastResult = out;
    app.lastProfileText = text;
    app.render(out, read);
    var ms = performance.now() - t0;
    generation += 1;
    $('results').setAttribute('data-generation', String(generation));
    $('results').setAttribute('data-eval-ms', ms.toFixed(2));
    if (app.root.getAttribute('data-srdi-state') !== 'ready') {
      app.root.setAttribute('data-srdi-state', 'ready');
      performance.mark('srdi-first-result');
    }
    app.remember();
    app.emitResult(out);
    // The comparison evaluates every city (about four evaluations): it waits until typing pauses
    // and the browser is idle, so it never delays a keystroke.
    clearTimeout(compareTimer);
    $('result-compare').classList.add('pending');
    compareTimer = setTimeout(function () {
      var go = function () { app.renderCompare(text, opts); $('result-compare').classList.remove('pending'); };
      if (window.requestIdleCallback) window.requestIdleCallback(go, { timeout: 1500 }); else go();
    }, 700);
  }

  // destroy(): nothing scheduled runs any more.
  function stopEvaluation() {
    clearTimeout(timer);
    clearTimeout(fullTimer);
    clearTimeout(compareTimer);
  }

  return {
    schedule: schedule,
    runFull: runFull,
    stopEvaluation: stopEvaluation,
  };
}
