// The screening page's Web Worker (web/batch.js starts it from SRDI_WORKER_SOURCE, which the build
// makes of srdi.js, srdi-wasm.js and this file): the engine runs here, so the page stays
// responsive while a sheet of many thousands of firms is screened a chunk at a time.
//
// Messages in:  {type: 'tiers', as_of}               the rungs in force on that date
//               {type: 'template', format}           the template sheet (CSV text) and the schema
//               {type: 'run', text, options, chunk}  screen a sheet (options: as_of, rung, near)
//               {type: 'profile', headers, cells, as_of}  one row as a profile, for the calculator
// Messages out: {type: 'tiers', tiers} | {type: 'template', text, schema, format} | {type: 'head', head}
//               | {type: 'profile', text, as_of}
//               | {type: 'rows', rows, offset, size, done, seconds} | {type: 'error', errors}
// Cancelling is terminating the worker: web/batch.js starts a new one for the next run.
'use strict';
var enginePromise = null;
function engine() {
  if (!enginePromise) {
    var raw = atob(SRDI_WASM_BASE64);
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
    enginePromise = createSrdiModule({ wasmBinary: bytes, print: function () {}, printErr: function () {} });
  }
  return enginePromise;
}

self.onmessage = function (e) {
  var m = e.data || {};
  engine().then(function (mod) {
    if (m.type === 'tiers') {
      var r = JSON.parse(mod.evaluate('{}', JSON.stringify({ as_of: m.as_of })));
      if (r.errors) { self.postMessage({ type: 'error', errors: r.errors }); return; }
      self.postMessage({ type: 'tiers', tiers: r.tiers.map(function (t) { return { id: t.id, tier: t.tier, title: t.title }; }) });
    } else if (m.type === 'template') {
      self.postMessage({ type: 'template', text: mod.sheet_template(), schema: JSON.parse(mod.schema()), format: m.format });
    } else if (m.type === 'profile') {
      self.postMessage({ type: 'profile', text: mod.row_profile(JSON.stringify({ headers: m.headers, cells: m.cells, as_of: m.as_of })), as_of: m.as_of });
    } else if (m.type === 'run') {
      var sheet = new mod.Sheet();
      var head = JSON.parse(sheet.open(m.text, JSON.stringify(m.options || {})));
      if (head.errors) {
        sheet.delete();
        self.postMessage({ type: 'error', errors: head.errors });
        return;
      }
      self.postMessage({ type: 'head', head: head });
      var t0 = performance.now();
      var step = function () {
        // A chunk small enough that progress moves often, large enough that messages stay few.
        var chunk = JSON.parse(sheet.next(m.chunk || 250));
        chunk.type = 'rows';
        chunk.seconds = (performance.now() - t0) / 1000;
        self.postMessage(chunk);
        if (chunk.done) sheet.delete();
        else setTimeout(step, 0);
      };
      step();
    }
  }, function (err) {
    self.postMessage({ type: 'error', errors: [{ code: 'engine.load_failed', message: '计算引擎加载失败：' + (err && err.message ? err.message : err) }] });
  });
};
