// Loads the built wasm module (build/wasm/srdi.js and srdi.wasm) in Node. The bytes are handed to
// the factory, as the page does: Emscripten 3.1.6 would otherwise try fetch() on a file path.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const modulePath = path.resolve(__dirname, '../../build/wasm/srdi.js');
const wasmPath = path.resolve(__dirname, '../../build/wasm/srdi.wasm');

let instance;
async function loadSrdi() {
  if (!instance) {
    const factory = require(modulePath);
    instance = await factory({ wasmBinary: fs.readFileSync(wasmPath) });
  }
  return instance;
}

module.exports = { loadSrdi, modulePath, wasmPath };
