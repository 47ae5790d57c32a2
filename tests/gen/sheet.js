// Generated pools written as a 培育库 sheet (docs/screening.md), for the screening tests and the
// bench: each profile of tests/gen/profiles.js as a row of the template's columns, by the labels
// of `srdi schema`, money in 万元 (exact string shifting), yes/no as 是/否, choices by their Chinese
// words, and the ladder's titles held by date and level (the first entry of each title).
//   node tests/gen/sheet.js COUNT [SEED] > pool.csv
'use strict';
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { generateProfiles } = require('./profiles');

const LEVEL = { national: '国家级', provincial: '省级', city: '市级' };
const TITLES = { innovative_sme: '创新型中小企业', srdi_sme: '专精特新中小企业', little_giant: '专精特新“小巨人”企业' };

function wan(yuan) {
  const neg = yuan.startsWith('-');
  const [w, f = ''] = (neg ? yuan.slice(1) : yuan).split('.');
  const digits = (w + (f + '00').slice(0, 2)).padStart(7, '0');
  const whole = digits.slice(0, -6).replace(/^0+(?=\d)/, '');
  const frac = digits.slice(-6).replace(/0+$/, '');
  return (neg ? '-' : '') + whole + (frac ? '.' + frac : '');
}
const get = (p, name) => name.split('.').reduce((o, k) => (o == null ? undefined : o[k]), p);
const cell = (s) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

// `schema`: the parsed output of `srdi schema`.
function sheetOf(profiles, schema) {
  const fields = schema.fields.filter((f) => !/^(honors|sci_award)\./.test(f.name) && f.name !== 'applicant');
  const headers = fields.map((f) => f.label + (f.kind === 'money' || f.kind === 'signed_money' ? '（万元）' : f.kind === 'percent' ? '（%）' : ''));
  for (const t of Object.values(TITLES)) headers.push(`${t}认定日期`, `${t}级别`);
  const rows = profiles.map((p) => {
    const cells = fields.map((f) => {
      const v = get(p, f.name);
      if (v == null) return '';
      if (f.kind === 'money' || f.kind === 'signed_money') return wan(String(v));
      if (f.kind === 'bool') return v ? '是' : '否';
      if (f.kind === 'enum') return (f.value_labels && f.value_labels[v]) || v;
      return String(v);
    });
    for (const title of Object.keys(TITLES)) {
      const e = Array.isArray(p.holds) ? p.holds.find((x) => x && x.title === title) : null;
      cells.push(e && e.since ? e.since : '', e && e.level ? LEVEL[e.level] : '');
    }
    return cells;
  });
  return [headers, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

module.exports = { sheetOf, wan };

if (require.main === module) {
  const cli = process.env.SRDI_CLI || path.resolve(__dirname, '../../build/dev/srdi');
  const schema = JSON.parse(execFileSync(cli, ['schema']).toString());
  const count = Number(process.argv[2] || 1000);
  const seed = Number(process.argv[3] || 1);
  process.stdout.write(sheetOf(generateProfiles({ seed, count, asOf: '2026-11-21' }), schema));
}
