#!/usr/bin/env node
// Lists the interface strings of the calculator (web/app/*.js) and web/author.js that web/i18n.js
// has no English for.
//   node scripts/i18n_missing.js        (exit 1 if any is missing)
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const root = path.resolve(__dirname, '..');
const sources = fs.readdirSync(path.join(root, 'web/app')).filter((f) => f.endsWith('.js')).sort().map((f) => `web/app/${f}`);
const app = [...sources, 'web/author.js'].map((f) => fs.readFileSync(path.join(root, f), 'utf8')).join('\n');
const ctx = {};
vm.createContext(ctx);
vm.runInContext(fs.readFileSync(path.join(root, 'web/i18n.js'), 'utf8') + '\nthis.I = SRDI_I18N;', ctx);
const ui = ctx.I.en.ui;
const keys = new Set();
for (const m of app.matchAll(/\bt\('((?:[^'\\]|\\.)*)'/g)) keys.add(m[1].replace(/\\'/g, "'"));
const missing = [...keys].filter((k) => !(k in ui));
for (const k of missing) console.log(JSON.stringify(k));
console.error(`${keys.size} interface strings, ${missing.length} without English`);
process.exit(missing.length ? 1 : 0);
