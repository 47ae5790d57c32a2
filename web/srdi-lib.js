// window.SRDI: the calculator's engine for the page and for portals that embed it
// (docs/embedding.md). A classic script, so it also runs from file://. Needs srdi.js (the
// Emscripten module factory) and srdi-wasm.js (the engine's bytes) loaded before it.
//
//   SRDI.ready                        a promise, resolved with SRDI once the engine is loaded
//   SRDI.evaluate(profile, options)   the result as compact JSON text, byte for byte what
//                                     `srdi evaluate --format compact` prints
//   SRDI.compare(profile, options)    the same for `srdi compare`
//   SRDI.screen(profile, options)     the verdicts-only result (size, verdicts, scores, deciding
//                                     fields, award totals): what `srdi evaluate --verdicts` prints,
//                                     compact; a fraction of the cost of the full result
//   SRDI.policies()                   the bundled policies (JSON text)
//   SRDI.schema()                     the input vocabulary: fields, titles, event types (JSON text)
//   SRDI.version                      the engine version ('' until ready)
//   SRDI.loadPolicy(text, file)       a policy file at run time (docs/authoring.md): replaces the
//                                     bundled policy of the same id or adds one; {ok, policy} or
//                                     {errors} (JSON text); the results name it and its SHA-256
//   SRDI.unloadPolicies()             back to the bundled policies only
//   SRDI.checkPolicy(text, {file, source, golden})   the checker of `srdi check-policy`
//   SRDI.testPolicy(goldenText)       golden cases over the policies in use, as `srdi test`
//
// Nothing throws: an error comes back as {"errors": [...]} text, as the CLI prints it.
(function (global) {
  'use strict';

  var engine = null;
  var api = { version: '' };

  function errorText(code, message) {
    return JSON.stringify({ errors: [{ code: code, message: message, path: '', source: 'engine' }] }, null, 2);
  }

  // A string is passed through untouched (exact money digits); anything else is serialized.
  function asText(value, fallback) {
    if (value === undefined || value === null) return fallback;
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  function call(name, args) {
    if (!engine) return errorText('engine.not_ready', '计算引擎尚未加载完成，请稍候（等待 SRDI.ready）');
    try {
      return engine[name].apply(engine, args);
    } catch (e) {
      // The C++ side never throws across the boundary; this guards against a JS-side failure.
      return errorText('engine.internal', '内部错误：' + (e && e.message ? e.message : String(e)));
    }
  }

  api.ready = new Promise(function (resolve, reject) {
    if (typeof global.createSrdiModule !== 'function' || typeof global.srdiWasmBytes !== 'function') {
      reject(new Error('srdi.js and srdi-wasm.js must be loaded before srdi-lib.js'));
      return;
    }
    global.srdiWasmBytes().then(function (bytes) {
      return global.createSrdiModule({
        wasmBinary: bytes,
        print: function () {},
        printErr: function (text) { if (global.console) global.console.warn('[srdi]', text); },
      });
    }).then(function (module) {
      engine = module;
      api.version = module.version();
      resolve(api);
    }, reject);
  });

  api.evaluate = function (profile, options) {
    return call('evaluate', [asText(profile, '{}'), asText(options, '{}')]);
  };
  api.screen = function (profile, options) {
    return call('screen', [asText(profile, '{}'), asText(options, '{}')]);
  };
  api.compare = function (profile, options) {
    return call('compare', [asText(profile, '{}'), asText(options, '{}')]);
  };
  api.policies = function () { return call('policies', []); };
  api.loadPolicy = function (text, file) {
    return call('load_policy', [asText(text, ''), typeof file === 'string' ? file : '']);
  };
  api.unloadPolicies = function () { return call('unload_policies', []); };
  api.checkPolicy = function (text, options) {
    var o = options || {};
    return call('check_policy', [asText(text, ''), typeof o.file === 'string' ? o.file : '',
      typeof o.source === 'string' ? o.source : '', asText(o.golden, '')]);
  };
  api.testPolicy = function (golden) { return call('test_policy', [asText(golden, '')]); };
  api.schema = function () { return call('schema', []); };

  global.SRDI = api;
})(typeof window !== 'undefined' ? window : globalThis);
