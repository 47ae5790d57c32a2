// The screening page's Web Worker (web/batch.js starts it from SRDI_WORKER_SOURCE, which the build
// makes of srdi.js, srdi-wasm.js and this file): the engine runs here, so the page stays
// responsive while a sheet of many thousands of firms is screened a chunk at a time.
//
// Messages in:  {type: 'tiers', as_of}               the rungs in force on that date
//               {type: 'template', format}           the template sheet (CSV text) and the schema
//               {type: 'run', text, options, chunk}  screen a sheet (options: as_of, rung, near)
//               {type: 'profile', headers, cells, as_of}  one row as a profile, for the calculator
//               {type: 'xlsx', buffer}               an .xlsx file's bytes: its first sheet as CSV text
// Messages out: {type: 'tiers', tiers} | {type: 'template', text, schema, format} | {type: 'head', head}
//               | {type: 'profile', text, as_of} | {type: 'csv', text} | {type: 'xlsx-error', message}
//               | {type: 'rows', rows, offset, size, done, seconds} | {type: 'error', errors}
// Cancelling is terminating the worker: web/batch.js starts a new one for the next run.
'use strict';
var enginePromise = null;
function engine() {
  if (!enginePromise) {
    enginePromise = srdiWasmBytes().then(function (bytes) {
      return createSrdiModule({ wasmBinary: bytes, print: function () {}, printErr: function () {} });
    });
  }
  return enginePromise;
}

function csvCell(s) { s = String(s == null ? '' : s); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }

// A sheet's cells as text: numbers exactly as Excel stored them (parseNumber keeps the digits,
// never a binary float), dates as YYYY-MM-DD, yes/no as 是/否. Then CSV text, which the engine
// reads. Here, not on the page: parsing a large .xlsx held the main thread for most of a second.
function xlsxToCsv(buffer) {
  return SRDI_XLSX.readXlsxFile(buffer, { parseNumber: function (s) { return s; } }).then(function (sheets) {
    var data = sheets[0] ? sheets[0].data : [];
    var cell = function (v) {
      if (v == null) return '';
      if (v instanceof Date) return v.toISOString().slice(0, 10);
      if (v === true) return '是';
      if (v === false) return '否';
      return String(v);
    };
    return data.map(function (row) { return row.map(function (v) { return csvCell(cell(v)); }).join(','); }).join('\r\n') + '\r\n';
  });
}

self.onmessage = function (e) {
  var m = e.data || {};
  if (m.type === 'xlsx') {
    xlsxToCsv(m.buffer).then(function (text) { self.postMessage({ type: 'csv', text: text }); }, function (err) {
      self.postMessage({ type: 'xlsx-error', message: err && err.message ? err.message : String(err) });
    });
    return;
  }
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
