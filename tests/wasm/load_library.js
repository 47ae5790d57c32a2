// Loads window.SRDI exactly as the page does: build/web/srdi.js, srdi-wasm.js and srdi-lib.js run
// as classic scripts in one global scope (a Node vm context standing in for the browser window).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const webDir = path.resolve(__dirname, '../../build/web');

// A fresh global scope with the three scripts run in it; SRDI is defined but not yet ready.
function newLibraryContext() {
  const context = {
    console, atob, setTimeout, clearTimeout, performance, TextDecoder, TextEncoder, WebAssembly, URL,
    Uint8Array, Promise, Blob, Response, DecompressionStream,
  };
  context.window = context;
  context.self = context;
  context.globalThis = context;
  vm.createContext(context);
  for (const file of ['srdi.js', 'srdi-wasm.js', 'srdi-lib.js']) {
    vm.runInContext(fs.readFileSync(path.join(webDir, file), 'utf8'), context, { filename: file });
  }
  return context;
}

let library;
async function loadLibrary() {
  if (!library) {
    const context = newLibraryContext();
    await context.SRDI.ready;
    library = context.SRDI;
  }
  return library;
}

module.exports = { loadLibrary, newLibraryContext, webDir };
