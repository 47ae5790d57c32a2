// Small helpers that depend on no calculator: HTML escaping, element ids, dates, exact decimals,
// profile text.

export function esc(s) {
  return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
    return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
  });
}
export function idFor(path) { return 'f-' + path.replace(/\./g, '-'); }
// Policy words (titles, clauses, document numbers, the text's own phrases) stay in Chinese and
// say so, so an English page reads them as quoted Chinese, not as untranslated interface.
export function zh(text) { return '<span lang="zh-CN">' + esc(text) + '</span>'; }
export function todayIso() {
  var d = new Date();
  var p = function (n) { return (n < 10 ? '0' : '') + n; };
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}
// Full-width digits and punctuation from a Chinese input method count as the ASCII ones.
export function normalizeNumber(s) {
  var n = s.replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
    .replace(/[．。]/g, '.').replace(/－/g, '-').replace(/，/g, ',').trim();
  // Thousands separators as a finance officer types them (3,000 or 12,345.6), and only those.
  if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
  return n;
}
// 元 -> 万元 on the digits, exactly: never through a binary float.
export function yuanToWan(value) {
  var s = String(value);
  var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
  if (!m) return s;  // not a plain decimal: shown as is, the engine will say what is wrong
  var frac = ((m[3] || '') + '00');
  if ((m[3] || '').length > 2) return s;
  var fen = (m[2] + frac.slice(0, 2)).replace(/^0+(?=\d)/, '');
  while (fen.length < 7) fen = '0' + fen;
  var w = fen.slice(0, -6), f = fen.slice(-6).replace(/0+$/, '');
  return m[1] + w + (f ? '.' + f : '');
}
export function decimalPlaces(s) { var i = s.indexOf('.'); return i < 0 ? 0 : s.length - i - 1; }
export function cmpDecimal(a, b) {  // compares two non-negative plain decimals exactly
  var pa = a.split('.'), pb = b.split('.');
  var ia = pa[0].replace(/^0+(?=\d)/, ''), ib = pb[0].replace(/^0+(?=\d)/, '');
  if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
  if (ia !== ib) return ia < ib ? -1 : 1;
  var fa = pa[1] || '', fb = pb[1] || '';
  var n = Math.max(fa.length, fb.length);
  fa = (fa + '0'.repeat(n)).slice(0, n); fb = (fb + '0'.repeat(n)).slice(0, n);
  return fa === fb ? 0 : (fa < fb ? -1 : 1);
}

// Keys in the order of docs/profile.md, so a saved file reads like the documentation.
export function profileText(profile) { return JSON.stringify(profile, null, 2) + '\n'; }
// JSON.parse that keeps the digits of numbers exactly as written (money in a hand-written file).
export function parseExact(text) {
  return JSON.parse(text, function (key, value, ctx) {
    if (typeof value === 'number' && ctx && typeof ctx.source === 'string' && /[.eE]/.test(ctx.source)) return ctx.source;
    return value;
  });
}
