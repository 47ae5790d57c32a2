// Loads the built wasm module (build/wasm/srdi.js, wasm embedded) in Node.
'use strict';
const path = require('node:path');

const modulePath = path.resolve(__dirname, '../../build/wasm/srdi.js');

let instance;
async function loadSrdi() {
  if (!instance) {
    const factory = require(modulePath);
    instance = await factory();
  }
  return instance;
}

module.exports = { loadSrdi, modulePath };
