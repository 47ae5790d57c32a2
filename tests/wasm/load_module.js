// Loads a built wasm module (build/wasm/srdi.js and srdi.wasm; or, by name, the screening page's
// build/wasm/srdi-batch.js) in Node. The bytes are handed to the factory, as the page does:
// Emscripten 3.1.6 would otherwise try fetch() on a file path.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const dir = path.resolve(__dirname, '../../build/wasm');
const modulePath = path.join(dir, 'srdi.js');
const wasmPath = path.join(dir, 'srdi.wasm');

const instances = new Map();
async function loadSrdi(name = 'srdi') {
  if (!instances.has(name)) {
    const factory = require(path.join(dir, `${name}.js`));
    instances.set(name, await factory({ wasmBinary: fs.readFileSync(path.join(dir, `${name}.wasm`)) }));
  }
  return instances.get(name);
}

module.exports = { loadSrdi, modulePath, wasmPath };
