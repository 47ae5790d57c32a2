// The self-check page: builds the form from SRDI.schema() and web/form.js, turns what is typed
// into a profile (docs/profile.md), evaluates it on every change through window.SRDI, and
// renders the one result structure (docs/output-format.md). No network, no storage unless the
// user opts in.
(function () {
  'use strict';

  var FORM = window.SRDI_FORM;
  var DATA = window.SRDI_DATA || { samples: [], sources: [] };
  var root = document.documentElement;
  var $ = function (id) { return document.getElementById(id); };
  var STORAGE_KEY = 'srdi.saved-profile';

  var schema = null;          // SRDI.schema(), parsed
  var fieldSpec = {};         // name -> schema field
  var eventSpec = {};         // type -> schema event type
  var events = [];            // the events list, in profile order: {type, values: {param: raw}}
  var lastResult = null;      // the last successful evaluation (parsed)
  var lastProfileText = '';
  var citations = [];         // citation registry of the current render (for the source viewer)
  var generation = 0;
  var applicantGiven = false;  // the loaded profile named its applicant (kept on save even if 'enterprise')
  var timer = 0;
  var compareTimer = 0;

  // ---------------------------------------------------------------- small helpers

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function idFor(path) { return 'f-' + path.replace(/\./g, '-'); }
  function valueLabel(group, v) {
    var g = FORM.values[group];
    return (g && g[v]) || v;
  }
  function todayIso() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }
  // Full-width digits and punctuation from a Chinese input method count as the ASCII ones.
  function normalizeNumber(s) {
    return s.replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[．。]/g, '.').replace(/－/g, '-').trim();
  }

  // Exact decimal shifting on strings: 万元 <-> 元, never through a binary float.
  function wanToYuan(text, allowNegative) {
    var s = normalizeNumber(text);
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return { error: '请填写数字（以万元为单位，如 8600 或 12.5）' };
    if (m[1] && !allowNegative) return { error: '不能为负数' };
    var frac = m[3] || '';
    if (frac.length > 6) return { error: '万元最多 6 位小数（精确到分）' };
    frac = (frac + '000000').slice(0, 6);
    var whole = (m[2] + frac.slice(0, 4)).replace(/^0+(?=\d)/, '');
    var yuan = whole + '.' + frac.slice(4);
    if (m[1] && /^0\.00$/.test(yuan)) return { value: '0.00' };
    return { value: m[1] + yuan };
  }
  function yuanToWan(value) {
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
  // A yuan amount for reading: 万元 from 1万 up (exact), else 元.
  function money(yuan) {
    if (yuan == null) return '';
    var s = String(yuan);
    var neg = s.charAt(0) === '-';
    var abs = neg ? s.slice(1) : s;
    var whole = abs.split('.')[0];
    if (whole.length >= 5) return (neg ? '-' : '') + yuanToWan(abs) + '万元';
    return s.replace(/\.00$/, '') + '元';
  }
  function decimalPlaces(s) { var i = s.indexOf('.'); return i < 0 ? 0 : s.length - i - 1; }
  function cmpDecimal(a, b) {  // compares two non-negative plain decimals exactly
    var pa = a.split('.'), pb = b.split('.');
    var ia = pa[0].replace(/^0+(?=\d)/, ''), ib = pb[0].replace(/^0+(?=\d)/, '');
    if (ia.length !== ib.length) return ia.length < ib.length ? -1 : 1;
    if (ia !== ib) return ia < ib ? -1 : 1;
    var fa = pa[1] || '', fb = pb[1] || '';
    var n = Math.max(fa.length, fb.length);
    fa = (fa + '0'.repeat(n)).slice(0, n); fb = (fb + '0'.repeat(n)).slice(0, n);
    return fa === fb ? 0 : (fa < fb ? -1 : 1);
  }

  // Parses one typed value by the field's kind. Returns {value} (JSON value to put in the
  // profile), {blank: true}, or {error: '...'}.
  function parseValue(kind, raw, spec) {
    var s = normalizeNumber(raw || '');
    if (s === '') return { blank: true };
    switch (kind) {
      case 'money': return wanToYuan(s, false);
      case 'signed_money': return wanToYuan(s, true);
      case 'percent':
      case 'score': {
        if (!/^\d+(\.\d+)?$/.test(s)) return { error: kind === 'percent' ? '请填写百分数（如 6.5 表示 6.5%）' : '请填写分数（如 65 或 72.5）' };
        var places = kind === 'percent' ? 4 : 2;
        if (decimalPlaces(s) > places) return { error: '最多 ' + places + ' 位小数' };
        if (cmpDecimal(s, '100') > 0) return { error: '不能超过 100' };
        return { value: s };
      }
      case 'count':
      case 'rank':
      case 'int_range': {
        if (!/^\d+$/.test(s)) return { error: '请填写整数' };
        var n = Number(s);
        var min = kind === 'rank' ? 1 : (kind === 'int_range' ? spec.min : 0);
        var max = kind === 'int_range' ? spec.max : 1000000000;
        if (s.length > 10 || n < min || n > max) return { error: '应在 ' + min + ' 到 ' + max + ' 之间' };
        return { value: n };
      }
      case 'bool': return { value: s === 'true' };
      default: return { value: raw };
    }
  }
  function showValue(kind, v) {
    if (v == null) return '';
    if (kind === 'money' || kind === 'signed_money') return yuanToWan(v);
    if (kind === 'bool') return v ? 'true' : 'false';
    return String(v);
  }

  // ---------------------------------------------------------------- the form

  function unitFor(f, spec) {
    if (f.unit) return f.unit;
    if (spec.kind === 'money' || spec.kind === 'signed_money') return '万元';
    if (spec.kind === 'percent') return '%';
    return '';
  }
  function enumGroup(name) { return name.split('.').pop(); }

  function control(id, name, spec, label, hint, unit) {
    var describe = 'hint-' + id.slice(2) + ' err-' + id.slice(2);
    var h = '<div class="field" data-field="' + esc(name) + '">';
    h += '<label for="' + id + '">' + esc(label) + (unit ? '<span class="unit">（' + esc(unit) + '）</span>' : '') + '</label>';
    if (spec.kind === 'bool') {
      h += '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + describe + '">' +
        '<option value="">未填写</option><option value="true">是</option><option value="false">否</option></select>';
    } else if (spec.kind === 'enum' || name === 'city') {
      var opts = name === 'city' ? FORM.cities.map(function (c) { return [c.value, c.label]; })
        : spec.values.map(function (v) { return [v, valueLabel(enumGroup(name), v)]; });
      h += '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + describe + '"><option value="">未填写</option>' +
        opts.map(function (o) { return '<option value="' + esc(o[0]) + '">' + esc(o[1]) + '</option>'; }).join('') + '</select>';
    } else {
      var numeric = spec.kind !== 'text';
      h += '<input id="' + id + '" name="' + esc(name) + '" type="text" autocomplete="off"' +
        (numeric ? ' inputmode="' + (/count|rank|int_range/.test(spec.kind) ? 'numeric' : 'decimal') + '"' : '') +
        (spec.kind === 'money' || spec.kind === 'signed_money' ? ' data-unit="wan"' : '') +
        ' aria-describedby="' + describe + '">';
    }
    h += '<span class="hint" id="hint-' + id.slice(2) + '">' + esc(hint || '') + '</span>';
    h += '<span class="field-error" id="err-' + id.slice(2) + '" aria-live="polite"></span>';
    return h + '</div>';
  }

  function fieldHtml(f) {
    if (f.widget === 'sci_award') return sciAwardHtml();
    if (f.widget === 'honors') return honorsHtml();
    var spec = fieldSpec[f.name];
    if (!spec) return '';
    return control(idFor(f.name), f.name, spec, spec.label, f.hint, unitFor(f, spec));
  }

  function financeTableHtml(sec) {
    var h = '<table class="years"><caption class="visually-hidden">财务数据（万元），三个年度并列</caption><thead><tr><th scope="col">项目（万元）</th>';
    FORM.years.forEach(function (y) { h += '<th scope="col">' + y.label + '</th>'; });
    h += '</tr></thead><tbody>';
    sec.table.forEach(function (row) {
      var base = fieldSpec[row.base + '.last'].label.replace(/（上年度）$/, '');
      h += '<tr><th scope="row"><span>' + esc(base) + '</span><span class="hint" id="hint-' + row.base + '">' + esc(row.hint) + '</span></th>';
      FORM.years.forEach(function (y) {
        var name = row.base + '.' + y.key;
        if (row.years.indexOf(y.key) < 0) { h += '<td class="na">—</td>'; return; }
        var id = idFor(name);
        h += '<td data-field="' + name + '"><label class="visually-hidden" for="' + id + '">' + esc(fieldSpec[name].label) + '（万元）</label>' +
          '<input id="' + id + '" name="' + name + '" type="text" inputmode="decimal" autocomplete="off" data-unit="wan" aria-describedby="hint-' + row.base + ' err-' + id.slice(2) + '">' +
          '<span class="field-error" id="err-' + id.slice(2) + '" aria-live="polite"></span></td>';
      });
      h += '</tr>';
    });
    return h + '</tbody></table>';
  }

  function sciAwardHtml() {
    var h = '<fieldset class="group" data-field="sci_award"><legend>科技奖励</legend>';
    h += '<div class="field"><label for="f-sci_award">近年是否获得国家级或省级科技奖励</label>' +
      '<select id="f-sci_award" aria-describedby="hint-sci_award err-sci_award"><option value="">未填写</option><option value="none">没有</option><option value="some">有（填写下方排名和年份）</option></select>' +
      '<span class="hint" id="hint-sci_award">科技进步奖、技术发明奖等；排名指企业在获奖单位中的排名</span><span class="field-error" id="err-sci_award"></span></div>';
    h += '<div class="sub" id="sci-award-details">';
    ['sci_award.national_rank', 'sci_award.provincial_rank', 'sci_award.year'].forEach(function (n) {
      var spec = fieldSpec[n];
      var hint = n === 'sci_award.year' ? '获奖年份，如 2024' : '企业在获奖单位中的排名（第1名填1）；没有该级别奖励则留空';
      h += control(idFor(n), n, spec, spec.label, hint, n === 'sci_award.year' ? '年' : '名');
    });
    return h + '</div></fieldset>';
  }

  function honorsHtml() {
    var h = '<fieldset class="group" data-field="honors"><legend>荣誉（有效期内）</legend>';
    h += '<div class="field"><label for="f-honors">荣誉情况</label><select id="f-honors" aria-describedby="hint-honors"><option value="">未填写</option><option value="list">按下方勾选（未勾选即没有）</option></select>' +
      '<span class="hint" id="hint-honors">勾选任一项即视为已按勾选填写</span></div><div class="checks">';
    Object.keys(FORM.values.honors).forEach(function (k) {
      h += '<span class="check"><input type="checkbox" id="honor-' + k + '" data-honor="' + k + '"><label for="honor-' + k + '">' + esc(FORM.values.honors[k]) + '</label></span>';
    });
    return h + '</div></fieldset>';
  }

  function holdsHtml() {
    var h = '<p class="section-note">填写已获得且仍在有效期内的称号及认定日期（创新型、专精特新、小巨人有效期3年）。</p>';
    h += '<div class="field"><label for="f-holds">已获称号情况</label><select id="f-holds" aria-describedby="hint-holds"><option value="">未填写</option><option value="list">按下表勾选（未勾选即没有）</option></select>' +
      '<span class="hint" id="hint-holds">勾选任一称号即视为已按下表填写</span></div>';
    h += '<table class="holds"><thead><tr><th scope="col">称号</th><th scope="col">级别</th><th scope="col">认定日期</th></tr></thead><tbody>';
    schema.holds_titles.forEach(function (t) {
      var label = valueLabel('title', t);
      h += '<tr data-hold="' + t + '"><td><input type="checkbox" id="hold-' + t + '"><label for="hold-' + t + '">' + esc(label) + '</label></td>' +
        '<td><label class="visually-hidden" for="hold-' + t + '-level">' + esc(label) + '级别</label><select id="hold-' + t + '-level"><option value="">未填写</option>' +
        ['national', 'provincial', 'city'].filter(function (l) { return !((t === 'srdi_sme' || t === 'gazelle') && l === 'national'); })
          .map(function (l) { return '<option value="' + l + '">' + valueLabel('level', l) + '</option>'; }).join('') + '</select></td>' +
        '<td><label class="visually-hidden" for="hold-' + t + '-since">' + esc(label) + '认定日期</label><input type="date" id="hold-' + t + '-since">' +
        '<span class="field-error" id="err-hold-' + t + '"></span></td></tr>';
    });
    return h + '</tbody></table>';
  }

  function eventsHtml() {
    var h = '<p class="section-note">勾选本年度发生的事项（新获认定、上市挂牌、展会、技改等），地方奖励按事项计算。同类事项可添加多项。</p><div id="events-list">';
    schema.events.forEach(function (t) {
      var mine = [];
      events.forEach(function (e, i) { if (e.type === t.type) mine.push(i); });
      h += '<fieldset class="ev-type" data-event-type="' + t.type + '"><legend class="visually-hidden">' + esc(t.label) + '</legend>' +
        '<span class="check"><input type="checkbox" id="ev-type-' + t.type + '"' + (mine.length ? ' checked' : '') + ' aria-describedby="ev-hint-' + t.type + '">' +
        '<label for="ev-type-' + t.type + '">' + esc(t.label) + '</label></span>' +
        '<span class="hint" id="ev-hint-' + t.type + '">' + esc(t.hint) + '</span>';
      mine.forEach(function (i, k) {
        var e = events[i];
        h += '<div class="ev" data-event-index="' + i + '"><p class="ev-head">第 ' + (k + 1) + ' 项' +
          ' <button type="button" class="link ev-remove" data-remove="' + i + '">删除此项</button></p>';
        t.params.forEach(function (p) {
          var id = 'ev-' + i + '-' + p.name;
          var money = p.kind === 'money';
          var label = p.label.replace(/（元）$/, '') + (p.required ? '' : '');
          h += '<div class="field"><label for="' + id + '">' + esc(label) + (money ? '<span class="unit">（万元）</span>' : (p.kind === 'percent' ? '<span class="unit">（%）</span>' : '')) +
            (p.required ? '<span class="req">（必填）</span>' : '') + '</label>';
          var v = e.values[p.name] == null ? '' : e.values[p.name];
          if (p.kind === 'enum' || p.kind === 'bool') {
            var opts = p.kind === 'bool' ? [['true', '是'], ['false', '否']] : p.values.map(function (x) { return [x, valueLabel(p.name, x)]; });
            h += '<select id="' + id + '" data-param="' + p.name + '" aria-describedby="err-' + id + '"><option value="">' + (p.required ? '请选择' : '未填写') + '</option>' +
              opts.map(function (o) { return '<option value="' + o[0] + '"' + (o[0] === v ? ' selected' : '') + '>' + esc(o[1]) + '</option>'; }).join('') + '</select>';
          } else {
            h += '<input id="' + id + '" type="text" data-param="' + p.name + '" inputmode="' + (p.kind === 'count' || p.kind === 'rank' ? 'numeric' : 'decimal') + '"' +
              (money ? ' data-unit="wan"' : '') + ' value="' + esc(v) + '" autocomplete="off" aria-describedby="err-' + id + '">';
          }
          h += '<span class="field-error" id="err-' + id + '"></span></div>';
        });
        h += '</div>';
      });
      if (mine.length) h += '<button type="button" class="link ev-add" data-add="' + t.type + '">再添加一项“' + esc(t.label) + '”</button>';
      h += '</fieldset>';
    });
    return h + '</div>';
  }

  function buildForm() {
    var h = '';
    FORM.sections.forEach(function (sec) {
      h += '<fieldset class="section" id="sec-' + sec.id + '"><legend><span>' + esc(sec.title) + '</span></legend>';
      if (sec.note) h += '<p class="section-note">' + esc(sec.note) + '</p>';
      if (sec.table) h += financeTableHtml(sec);
      if (sec.widget === 'holds') h += holdsHtml();
      if (sec.widget === 'events') h += '<div id="events-host">' + eventsHtml() + '</div>';
      if (sec.fields) h += '<div class="grid">' + sec.fields.map(fieldHtml).join('') + '</div>';
      h += '</fieldset>';
    });
    $('form-sections').innerHTML = h;
    var app = $('opt-applicant');
    app.innerHTML = fieldSpec.applicant.values.map(function (v) {
      return '<option value="' + v + '">' + esc(valueLabel('applicant', v)) + '</option>';
    }).join('');
  }

  // Reads the event inputs back into `events` (before the list is re-rendered or read).
  function syncEvents() {
    document.querySelectorAll('#events-list .ev').forEach(function (div) {
      var i = Number(div.getAttribute('data-event-index'));
      div.querySelectorAll('[data-param]').forEach(function (c) { events[i].values[c.getAttribute('data-param')] = c.value; });
    });
  }
  function renderEvents(focusId) {
    $('events-host').innerHTML = eventsHtml();
    if (focusId && $(focusId)) $(focusId).focus();
  }

  // ---------------------------------------------------------------- profile <-> form

  // Builds the profile from the form. Returns {profile, problems: [{id, message}], paths: {jsonPointer: elementId}}.
  function readProfile() {
    syncEvents();
    var profile = {};
    var problems = [];
    var paths = {};
    var put = function (name, value) {
      var parts = name.split('.');
      var o = profile;
      for (var i = 0; i < parts.length - 1; i++) o = o[parts[i]] = o[parts[i]] || {};
      o[parts[parts.length - 1]] = value;
    };
    schema.fields.forEach(function (spec) {
      var name = spec.name;
      if (name === 'applicant' || /^honors\.|^sci_award\./.test(name)) return;
      var c = $(idFor(name));
      if (!c) return;
      paths['/' + name.replace(/\./g, '/')] = c.id;
      var r = spec.kind === 'text' ? (c.value.trim() === '' ? { blank: true } : { value: c.value.trim() }) : parseValue(spec.kind, c.value, spec);
      if (r.error) problems.push({ id: c.id, message: r.error });
      else if (!r.blank) put(name, r.value);
    });
    // The applicant picker is the profile's `applicant`: written when it is not the default.
    var applicant = $('opt-applicant').value;
    if (applicantGiven || applicant !== 'enterprise') profile.applicant = applicant;
    paths['/applicant'] = 'opt-applicant';
    // 科技奖励: unknown / none / an object whose blank ranks mean "no award at that level".
    var sci = $('f-sci_award').value;
    paths['/sci_award'] = 'f-sci_award';
    if (sci === 'none') profile.sci_award = 'none';
    else if (sci === 'some') {
      var award = {};
      ['national_rank', 'provincial_rank', 'year'].forEach(function (k) {
        var c = $(idFor('sci_award.' + k));
        paths['/sci_award/' + k] = c.id;
        var r = parseValue(fieldSpec['sci_award.' + k].kind, c.value, fieldSpec['sci_award.' + k]);
        if (r.error) problems.push({ id: c.id, message: r.error });
        else if (!r.blank) award[k] = r.value;
      });
      profile.sci_award = award;
    }
    if ($('f-honors').value === 'list') {
      profile.honors = [];
      document.querySelectorAll('[data-honor]').forEach(function (c) { if (c.checked) profile.honors.push(c.getAttribute('data-honor')); });
    }
    paths['/honors'] = 'f-honors';
    paths['/holds'] = 'f-holds';
    if ($('f-holds').value === 'list') {
      profile.holds = [];
      schema.holds_titles.forEach(function (t) {
        if (!$('hold-' + t).checked) return;
        var h = { title: t };
        var level = $('hold-' + t + '-level').value;
        var since = $('hold-' + t + '-since').value;
        if (level) h.level = level;
        if (since) h.since = since;
        var i = profile.holds.length;
        paths['/holds/' + i] = 'hold-' + t;
        paths['/holds/' + i + '/level'] = 'hold-' + t + '-level';
        paths['/holds/' + i + '/since'] = 'hold-' + t + '-since';
        profile.holds.push(h);
      });
    }
    if (events.length) {
      profile.events = events.map(function (e, i) {
        var out = { type: e.type };
        paths['/events/' + i] = 'ev-type-' + e.type;
        (eventSpec[e.type] ? eventSpec[e.type].params : []).forEach(function (p) {
          var id = 'ev-' + i + '-' + p.name;
          paths['/events/' + i + '/' + p.name] = id;
          var raw = e.values[p.name] == null ? '' : e.values[p.name];
          var r = parseValue(p.kind === 'enum' ? 'enum' : p.kind, raw, p);
          if (p.kind === 'enum') r = raw === '' ? { blank: true } : { value: raw };
          if (r.error) problems.push({ id: id, message: r.error });
          else if (!r.blank) out[p.name] = r.value;
          else if (p.required) problems.push({ id: id, message: '此项必填' });
        });
        return out;
      });
    }
    return { profile: profile, problems: problems, paths: paths };
  }

  function clearForm() {
    document.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (c.type === 'checkbox') c.checked = false; else c.value = '';
    });
    events = [];
    applicantGiven = false;
    $('opt-applicant').value = 'enterprise';
    renderEvents();
  }

  // Fills the form from a profile object (already checked by the engine).
  function fillForm(p) {
    clearForm();
    var get = function (name) {
      var o = p;
      var parts = name.split('.');
      for (var i = 0; i < parts.length; i++) {
        if (o == null || typeof o !== 'object') return undefined;
        o = o[parts[i]];
      }
      return o;
    };
    schema.fields.forEach(function (spec) {
      if (spec.name === 'applicant' || /^honors\.|^sci_award\./.test(spec.name)) return;
      var c = $(idFor(spec.name));
      var v = get(spec.name);
      if (c && v != null) c.value = showValue(spec.kind, v);
    });
    applicantGiven = p.applicant != null;
    $('opt-applicant').value = p.applicant || 'enterprise';
    if (p.sci_award === 'none') $('f-sci_award').value = 'none';
    else if (p.sci_award && typeof p.sci_award === 'object') {
      $('f-sci_award').value = 'some';
      ['national_rank', 'provincial_rank', 'year'].forEach(function (k) {
        if (p.sci_award[k] != null) $(idFor('sci_award.' + k)).value = String(p.sci_award[k]);
      });
    }
    if (Array.isArray(p.honors)) {
      $('f-honors').value = 'list';
      p.honors.forEach(function (h) { if ($('honor-' + h)) $('honor-' + h).checked = true; });
    }
    if (Array.isArray(p.holds)) {
      $('f-holds').value = 'list';
      p.holds.forEach(function (h) {
        if (!$('hold-' + h.title)) return;
        $('hold-' + h.title).checked = true;
        if (h.level) $('hold-' + h.title + '-level').value = h.level;
        if (h.since) $('hold-' + h.title + '-since').value = h.since;
      });
    }
    events = (Array.isArray(p.events) ? p.events : []).map(function (e) {
      var values = {};
      var spec = eventSpec[e.type];
      Object.keys(e).forEach(function (k) {
        if (k === 'type' || e[k] == null) return;
        var ps = spec && spec.params.filter(function (x) { return x.name === k; })[0];
        values[k] = ps && ps.kind === 'money' ? yuanToWan(e[k]) : String(e[k]);
      });
      return { type: e.type, values: values };
    });
    renderEvents();
  }

  // Keys in the order of docs/profile.md, so a saved file reads like the documentation.
  function profileText(profile) { return JSON.stringify(profile, null, 2) + '\n'; }

  function options() {
    var o = { as_of: $('opt-as-of').value || todayIso(), criteria: $('opt-criteria').value, applicant: $('opt-applicant').value };
    return o;
  }

  // ---------------------------------------------------------------- evaluation

  function schedule(delay) {
    clearTimeout(timer);
    timer = setTimeout(run, delay == null ? 120 : delay);
  }

  function showProblems(problems) {
    document.querySelectorAll('[aria-invalid="true"]').forEach(function (c) { c.removeAttribute('aria-invalid'); });
    document.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
    problems.forEach(function (p) {
      var c = $(p.id);
      if (!c) return;
      c.setAttribute('aria-invalid', 'true');
      var err = $('err-' + p.id.replace(/^f-/, '')) || $('err-' + p.id);
      if (err) err.textContent = p.message;
    });
    var box = $('input-errors');
    if (problems.length) {
      box.hidden = false;
      box.innerHTML = '<p><strong>有 ' + problems.length + ' 处填写需要修改</strong>（已在字段旁标出；其余结果暂按这些字段“未填写”计算，已填内容不会丢失）：</p><ul>' +
        problems.map(function (p) {
          var label = labelForElement(p.id);
          return '<li><a href="#' + p.id + '" data-focus="' + p.id + '">' + esc(label) + '</a>：' + esc(p.message) + '</li>';
        }).join('') + '</ul>';
    } else {
      box.hidden = true;
      box.innerHTML = '';
    }
  }
  function labelForElement(id) {
    var l = document.querySelector('label[for="' + id + '"]');
    return l ? l.textContent.replace(/（必填）/, '') : id;
  }

  function run() {
    var t0 = performance.now();
    var read = readProfile();
    var text = profileText(read.profile);
    var opts = options();
    var out = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(opts)));
    var problems = read.problems.slice();
    if (out.errors) {
      out.errors.forEach(function (e) {
        var id = read.paths[e.path] || (e.source === 'options' ? (e.path === '/as_of' ? 'opt-as-of' : 'opt-' + e.path.slice(1)) : null);
        problems.push({ id: id || 'profile-form', message: e.message });
      });
      showProblems(problems);
      $('results').classList.add('stale');
      $('summary').textContent = '填写有误，结果未更新（显示的是上一次的结果）。';
      return;
    }
    $('results').classList.remove('stale');
    showProblems(problems);
    lastResult = out;
    lastProfileText = text;
    render(out, read);
    var ms = performance.now() - t0;
    generation += 1;
    $('results').setAttribute('data-generation', String(generation));
    $('results').setAttribute('data-eval-ms', ms.toFixed(2));
    if (root.getAttribute('data-srdi-state') !== 'ready') {
      root.setAttribute('data-srdi-state', 'ready');
      performance.mark('srdi-first-result');
    }
    remember();
    // The comparison evaluates every city (about four evaluations): it waits until typing pauses
    // and the browser is idle, so it never delays a keystroke.
    clearTimeout(compareTimer);
    $('result-compare').classList.add('pending');
    compareTimer = setTimeout(function () {
      var go = function () { renderCompare(text, opts); $('result-compare').classList.remove('pending'); };
      if (window.requestIdleCallback) window.requestIdleCallback(go, { timeout: 1500 }); else go();
    }, 700);
  }

  // ---------------------------------------------------------------- rendering

  var VERDICT = { eligible: '符合', not_eligible: '不符合', undetermined: '待定' };
  var RESULT = { met: '满足', not_met: '不满足', undetermined: '待定' };
  var MARK = { met: '✔', not_met: '✘', undetermined: '?' };

  function citeHtml(c, interpretation) {
    if (!c) return '';
    var i = citations.push(c) - 1;
    var hasSource = sourceFor(c.doc);
    var h = '<details class="cite"><summary>依据：' + esc(c.doc) + (c.clause ? ' ' + esc(c.clause) : '') + '</summary><div class="cite-body">';
    h += '<blockquote>' + esc(c.excerpt) + '</blockquote><p class="cite-kind">' + (c.excerpt_kind === 'quote' ? '原文摘录' : '转述（非原文）') + '</p>';
    if (hasSource) h += '<button type="button" class="open-source" data-cite="' + i + '">查看原文并定位</button>';
    else h += '<p class="cite-kind">本计算器未收录该文件全文。</p>';
    h += '</div></details>';
    if (interpretation) h += '<p class="interp"><span class="tag">解读</span>' + esc(interpretation) + '</p>';
    return h;
  }
  function sourceFor(doc) {
    for (var i = 0; i < DATA.sources.length; i++) if (DATA.sources[i].doc_no === doc) return DATA.sources[i];
    return null;
  }

  function fieldLabel(name) {
    if (/^events\/\d+\//.test(name)) {
      var parts = name.split('/');
      var e = events[Number(parts[1])];
      var spec = e && eventSpec[e.type];
      var p = spec && spec.params.filter(function (x) { return x.name === parts[2]; })[0];
      return (spec ? spec.label + '：' : '') + (p ? p.label.replace(/（元）$/, '') : parts[2]);
    }
    if (name === 'holds') return '已获称号';
    if (name === 'honors') return '荣誉';
    if (/^honors\./.test(name)) return '荣誉：' + valueLabel('honors', name.slice(7));
    var s = fieldSpec[name];
    return s ? s.label : name;
  }
  function fieldTarget(name) {
    if (/^events\/\d+\//.test(name)) { var p = name.split('/'); return 'ev-' + p[1] + '-' + p[2]; }
    if (name === 'holds') return 'f-holds';
    if (/^honors/.test(name)) return 'f-honors';
    if (/^sci_award/.test(name) && !$('f-sci_award').value) return 'f-sci_award';
    return idFor(name);
  }
  function missingList(names) {
    if (!names || !names.length) return '';
    return '<p class="missing">需补充：' + names.map(function (n) {
      return '<a href="#' + fieldTarget(n) + '" data-focus="' + fieldTarget(n) + '">' + esc(fieldLabel(n)) + '</a>';
    }).join('、') + '</p>';
  }

  function render(r) {
    citations = [];
    $('result-notices').innerHTML = r.notices.map(function (n) { return '<p class="notice" data-code="' + n.code + '">' + esc(n.text) + '</p>'; }).join('');
    renderBlankHints(r);
    renderSize(r.size);
    renderTiers(r);
    renderAwards(r.awards);
    renderStamp(r);
    renderSummary(r);
  }

  function renderSummary(r) {
    var parts = ['划型：' + r.size.label];
    r.tiers.forEach(function (t) { parts.push(t.title + '：' + VERDICT[t.verdict]); });
    r.awards.documents.forEach(function (d) {
      var label = (d.status === 'draft' ? '征求意见稿，' : '') + (d.in_force ? '' : '不在有效期内，');
      parts.push(d.jurisdiction + (label ? '（' + label.slice(0, -1) + '）' : '') + ' 确定 ' + money(d.totals.certain) + '，最高 ' + money(d.totals.upper_bound));
    });
    $('summary').innerHTML = '<span class="sum-date">评估日期 ' + esc(r.as_of) + (r.criteria.version ? ' · 标准 ' + esc(r.criteria.version) : '') + '</span>' +
      parts.map(function (p) { return '<span>' + esc(p) + '</span>'; }).join('');
  }

  function renderBlankHints(r) {
    var seen = {}, list = [];
    var add = function (names, why) {
      (names || []).forEach(function (n) {
        if (!seen[n]) { seen[n] = []; list.push(n); }
        if (seen[n].indexOf(why) < 0) seen[n].push(why);
      });
    };
    if (r.size.class === 'undetermined') add(r.size.missing, '划型');
    r.tiers.forEach(function (t) { if (t.verdict === 'undetermined') add(t.missing, t.title); });
    r.awards.documents.forEach(function (d) {
      d.lines.forEach(function (l) { if (l.state === 'undetermined' || (l.missing && l.kind !== 'certain')) add(l.missing, l.title); });
    });
    if (!list.length) { $('blank-hints').innerHTML = ''; return; }
    $('blank-hints').innerHTML = '<section class="card blanks" aria-labelledby="blanks-h"><h2 id="blanks-h">这些空白会改变结论</h2><p>补充以下信息后即可确定相应结论：</p><ul>' +
      list.map(function (n) {
        return '<li><a href="#' + fieldTarget(n) + '" data-focus="' + fieldTarget(n) + '">' + esc(fieldLabel(n)) + '</a><span class="why">影响：' + esc(seen[n].join('、')) + '</span></li>';
      }).join('') + '</ul></section>';
  }

  function renderSize(s) {
    var h = '<section class="card" aria-labelledby="size-h"><h2 id="size-h">企业规模（划型）</h2>';
    h += '<p class="big"><span class="size-class" data-class="' + s.class + '">' + esc(s.label) + '</span>' +
      (s.industry_label ? '<span class="muted">（' + esc(s.industry_label) + '）</span>' : '') + '</p>';
    if (s.class === 'undetermined') h += '<p>可能为：' + s.possible.map(function (c) { return { large: '大型', medium: '中型', small: '小型', micro: '微型' }[c]; }).join('、') + '</p>';
    h += missingList(s.missing);
    h += '<p class="muted">依据：' + esc(s.doc_no) + '</p>';
    if (s.rules.length) h += '<details class="trace" data-trace="size"><summary>划型逐条依据</summary><div class="trace-body"></div></details>';
    $('result-size').innerHTML = h + '</section>';
    $('result-size').setAttribute('data-class', s.class);
  }

  function gapSentence(u) {
    if (u.gap && u.gap.text) return esc(u.gap.text) + '，即可满足“' + esc(u.title) + '”';
    if (u.kind === 'holds') return '须持有相应称号：' + esc(u.title);
    return esc(u.title);
  }

  function renderTiers(r) {
    var h = '<section aria-labelledby="tiers-h"><h2 id="tiers-h" class="section-title">梯度培育：创新型 → 专精特新 → “小巨人”</h2>';
    if (r.next_step) h += '<p class="next-step">下一步：' + esc(r.next_step.text) + '</p>';
    if (!r.tiers.length) h += '<p class="card">评估日期没有适用的认定标准。</p>';
    r.tiers.forEach(function (t, i) {
      h += '<article class="card tier" data-tier-id="' + esc(t.id) + '" data-verdict="' + t.verdict + '" aria-labelledby="tier-h-' + i + '">';
      h += '<h3 id="tier-h-' + i + '"><span class="rung">第' + t.rung + '级</span>' + esc(t.title) +
        ' <span class="badge v-' + t.verdict + '">' + VERDICT[t.verdict] + '</span>' + (t.held === true ? ' <span class="badge held">已持有</span>' : '') + '</h3>';
      h += '<p class="meta">标准版本 ' + esc(t.version) + ' · ' + esc(t.doc_no) + (t.in_force ? '' : ' · <span class="warn">该标准在评估日期不在有效期内，仅供参考</span>') + '</p>';
      if (t.note) h += '<p class="interp"><span class="tag">说明</span>' + esc(t.note) + '</p>';
      if (t.score) {
        var sc = t.score.min === t.score.max ? String(t.score.min) : t.score.min + '–' + t.score.max;
        h += '<div class="score"><p>评价得分 <strong>' + sc + '</strong> 分' + (t.score.min !== t.score.max ? '（有未填写项，得分为区间）' : '') + '</p><ul class="cats">';
        t.score.categories.forEach(function (c) {
          var pts = c.min_points === c.max_points ? c.min_points : c.min_points + '–' + c.max_points;
          h += '<li><span class="cat-name">' + esc(c.title) + '</span><meter min="0" max="' + c.max + '" value="' + c.min_points + '" aria-hidden="true"></meter><span class="cat-pts">' + pts + ' / ' + c.max + '</span></li>';
        });
        h += '</ul></div>';
      }
      if (t.route) h += '<p class="route">通过路径：' + esc(t.route.title) + '</p>';
      if (t.unmet.length) {
        h += '<div class="unmet"><h4>还差什么</h4><ul>' + t.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul></div>';
      }
      if (t.routes.length && t.verdict !== 'eligible') {
        h += '<details class="routes"><summary>可选路径（满足其一即可）</summary><ul>' + t.routes.map(function (ro) {
          return '<li><strong>' + esc(ro.title) + '</strong>：' + RESULT[ro.result] +
            (ro.unmet.length ? '<ul>' + ro.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul>' : '') +
            missingList(ro.missing) + '</li>';
        }).join('') + '</ul></details>';
      }
      if (t.improvements && t.improvements.length) {
        h += '<div class="improve"><h4>提分最快的指标</h4><ul>' + t.improvements.slice(0, 5).map(function (im) {
          return '<li>' + esc(im.title) + '：' + im.from_points + ' → ' + im.to_points + ' 分（+' + im.adds + '）' +
            (im.changes.length ? '，' + im.changes.map(function (c) { return c.gap && c.gap.text ? esc(c.gap.text) : esc(c.title); }).join('；') : '') + '</li>';
        }).join('') + '</ul></div>';
      }
      (t.prerequisites || []).forEach(function (p) { h += '<p class="prereq">' + esc(p.text) + '</p>'; });
      if (t.verdict === 'undetermined') h += missingList(t.missing);
      h += '<details class="trace" data-trace="tier" data-index="' + i + '"><summary>逐条依据（条件、取值、阈值和出处）</summary><div class="trace-body"></div></details>';
      h += '</article>';
    });
    $('result-tiers').innerHTML = h + '</section>';
  }

  // A criterion trace as a nested list; built only when its <details> is opened.
  function traceHtml(n) {
    var h = '<li class="node r-' + n.result + '"><span class="mark" aria-hidden="true">' + MARK[n.result] + '</span>' +
      '<span class="node-title">' + esc(n.title || n.id) + '</span> <span class="res">' + RESULT[n.result] + '</span>';
    if (n.kind === 'compare') {
      h += '<p class="cmp">当前 ' + esc(n.value != null ? n.value : '未知') + '，要求 ' + esc(n.op) + ' ' + esc(n.threshold) + '</p>';
      if (n.inputs && n.inputs.length) h += '<p class="inputs">' + n.inputs.map(function (x) { return esc(x.label) + '：' + esc(x.value == null ? '未填写' : x.value); }).join('；') + '</p>';
      if (n.gap) h += '<p class="gap">' + esc(n.gap.text) + '</p>';
    } else if (n.kind === 'fact') {
      h += '<p class="cmp">' + esc(n.label) + '：' + esc(n.value == null ? '未填写' : n.value) + '</p>';
    } else if (n.kind === 'score') {
      h += '<p class="cmp">得分 ' + n.value.min + (n.value.max !== n.value.min ? '–' + n.value.max : '') + '，要求 ' + esc(n.op) + ' ' + esc(n.threshold) + '</p>';
      if (n.gap) h += '<p class="gap">还差 ' + esc(n.gap.change) + ' 分</p>';
    } else if (n.kind === 'all') h += '<p class="cmp">以下全部满足</p>';
    else if (n.kind === 'any') h += '<p class="cmp">以下满足其一即可</p>';
    else if (n.kind === 'not') h += '<p class="cmp">以下情形不得存在</p>';
    if (n.result === 'undetermined' && n.missing && n.missing.length && !n.children) h += missingList(n.missing);
    h += citeHtml(n.citation, n.interpretation);
    if (n.children) h += '<ul>' + n.children.map(traceHtml).join('') + '</ul>';
    return h + '</li>';
  }

  function fillTrace(details) {
    var body = details.querySelector('.trace-body');
    if (!body || body.childNodes.length || !lastResult) return;
    var nodes;
    if (details.getAttribute('data-trace') === 'size') nodes = lastResult.size.rules;
    else nodes = [lastResult.tiers[Number(details.getAttribute('data-index'))].criteria];
    body.innerHTML = '<ul class="tree">' + nodes.map(traceHtml).join('') + '</ul>';
  }

  var KIND = { certain: '确定', up_to: '最高', unquantified: '金额未定', tax_credit: '税收抵免', benefit: '支持措施' };

  function amountText(l) {
    if (l.amount.certain) return money(l.amount.certain);
    if (l.amount.up_to) return '最高 ' + money(l.amount.up_to);
    if (l.amount.tax_credit) return '抵免 ' + money(l.amount.tax_credit);
    return '金额未定';
  }
  function lineHtml(l, extra) {
    var labels = (l.labels || []).map(function (x) { return '<span class="label">' + esc(x) + '</span>'; }).join('');
    var state = l.state === 'superseded' ? '<span class="badge superseded">不叠加</span>' : (l.state === 'undetermined' ? '<span class="badge v-undetermined">待定</span>' : '');
    var h = '<li class="line s-' + l.state + '" data-measure="' + esc(l.measure) + '"><div class="line-head"><span class="line-title">' + esc(l.title) + '</span>' +
      '<span class="amount">' + esc(amountText(l)) + '</span></div>';
    h += '<p class="basis">' + (extra || '') + '计算：' + esc(l.basis) + ' ' + state + labels + '</p>';
    if (l.stacking) h += '<p class="stacking">' + esc(l.stacking) + '</p>';
    if (l.missing && l.missing.length) h += missingList(l.missing.map(function (m) { return m; }));
    h += citeHtml(l.citation, l.interpretation);
    return h + '</li>';
  }

  function renderAwards(a) {
    var h = '<section aria-labelledby="awards-h"><h2 id="awards-h" class="section-title">地方奖励与支持' + (a.city_name ? '：' + esc(a.city_name) : '') + '</h2>';
    if (a.note) h += '<p class="card">' + esc(a.note) + '</p>';
    if (a.documents.length > 1) h += '<p class="muted">各文件的金额分别计算，不跨文件相加；同一事项通常不重复享受。</p>';
    a.documents.forEach(function (d) {
      var t = d.totals;
      h += '<article class="card doc" data-policy="' + esc(d.policy) + '" data-certain="' + esc(t.certain) + '" data-upper-bound="' + esc(t.upper_bound) + '">';
      h += '<h3>' + esc(d.title) + '</h3><p class="meta">' + esc(d.doc_no) + ' · ' + esc(d.jurisdiction) +
        (d.status === 'draft' ? ' <span class="label draft">征求意见稿</span>' : '') +
        (d.source_kind === 'news_report' ? ' <span class="label">据新闻报道</span>' : '') +
        (d.in_force ? '' : ' <span class="label expired">不在有效期内</span>') + '</p>';
      if (d.validity_note) h += '<p class="notice">' + esc(d.validity_note) + '</p>';
      if (d.draft_note) h += '<p class="notice">' + esc(d.draft_note) + '</p>';
      h += '<dl class="totals"><div><dt>确定可得</dt><dd>' + money(t.certain) + '</dd></div><div><dt>最高可达</dt><dd>' + money(t.upper_bound) + '</dd></div>' +
        (t.unquantified ? '<div><dt>另有金额未定</dt><dd>' + t.unquantified + ' 项</dd></div>' : '') +
        (t.tax_credit !== '0.00' ? '<div><dt>税收抵免（不计入奖励）</dt><dd>' + money(t.tax_credit) + '</dd></div>' : '') +
        '<div><dt>非资金支持</dt><dd>' + t.benefits + ' 项</dd></div></dl>';
      if (d.lines.length) h += '<h4>奖补项目</h4><ul class="lines">' + d.lines.map(function (l) { return lineHtml(l); }).join('') + '</ul>';
      else h += '<p class="muted">按目前填写的事项和称号，本文件没有可计算的奖补项目。勾选“本年度事项”可计算相应奖励。</p>';
      (d.notes || []).forEach(function (n) { h += '<p class="interp"><span class="tag">说明</span>' + esc(n.text) + '</p>'; });
      if (d.benefits.length) h += '<details class="benefits"><summary>非资金支持（' + d.benefits.length + ' 项）</summary><ul class="lines">' + d.benefits.map(function (l) { return lineHtml(l); }).join('') + '</ul></details>';
      if (d.benchmarks.length) {
        h += '<details class="benchmarks"><summary>省级培育目标与本企业对照（' + d.benchmarks.length + ' 项）</summary><table><thead><tr><th scope="col">目标</th><th scope="col">本企业</th><th scope="col">对照</th></tr></thead><tbody>' +
          d.benchmarks.map(function (b) {
            var mine = b.check ? (b.check.value != null ? b.check.value : '未填写') : '—';
            return '<tr><td>' + esc(b.title) + '：' + esc(b.target) + citeHtml(b.citation, b.interpretation) + '</td><td>' + esc(typeof mine === 'object' ? JSON.stringify(mine) : mine) + '</td><td>' +
              (b.result ? RESULT[b.result] : '不适用') + '</td></tr>';
          }).join('') + '</tbody></table></details>';
      }
      if (d.rules.length) h += '<details class="rules"><summary>适用规则（' + d.rules.length + ' 条）</summary><ul>' + d.rules.map(function (ru) { return '<li>' + esc(ru.title) + citeHtml(ru.citation, ru.interpretation) + '</li>'; }).join('') + '</ul></details>';
      h += '</article>';
    });
    $('result-awards').innerHTML = h + '</section>';
    var p = '';
    if (a.potential.length) {
      p = '<section class="card" aria-labelledby="potential-h"><h2 id="potential-h">若获认定可得的奖励</h2><p class="muted">以下层级本次评估为“符合”且尚未持有；获得认定后可申请：</p><ul class="lines">' +
        a.potential.map(function (l) { return lineHtml(l, '获得“' + esc(l.tier_title) + '”认定后 · '); }).join('') + '</ul></section>';
    }
    $('result-potential').innerHTML = p;
  }

  function renderCompare(text, opts) {
    if (!lastResult) return;
    var out = JSON.parse(window.SRDI.compare(text, JSON.stringify(opts)));
    if (out.errors) return;
    var h = '<section class="card" aria-labelledby="compare-h"><h2 id="compare-h">各城市对比</h2><p class="muted">' + esc(out.note) + '</p><table class="compare"><thead><tr><th scope="col">城市</th><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>';
    out.cities.forEach(function (c) {
      var docs = c.awards.documents;
      docs.forEach(function (d, k) {
        h += '<tr data-city="' + esc(c.city) + '" data-policy="' + esc(d.policy) + '" data-certain="' + esc(d.totals.certain) + '" data-upper-bound="' + esc(d.totals.upper_bound) + '">' +
          (k === 0 ? '<th scope="rowgroup" rowspan="' + docs.length + '">' + esc(c.name) + '</th>' : '') +
          '<td>' + esc(d.title) + (d.status === 'draft' ? ' <span class="label draft">征求意见稿</span>' : '') + (d.in_force ? '' : ' <span class="label expired">不在有效期内</span>') + '</td>' +
          '<td class="num">' + money(d.totals.certain) + '</td><td class="num">' + money(d.totals.upper_bound) + '</td></tr>';
      });
    });
    $('result-compare').innerHTML = h + '</tbody></table></section>';
  }

  function renderStamp(r) {
    $('result-stamp').innerHTML = '<p>计算引擎 srdi ' + esc(r.engine.version) + ' · 评估日期 ' + esc(r.as_of) + ' · 使用的政策文件：' +
      r.policies.map(function (p) {
        return esc(p.doc_no) + '（' + (p.status === 'draft' ? '征求意见稿，' : '') + esc(p.valid_from) + ' 起' + (p.valid_to ? '，至 ' + esc(p.valid_to) : '') + '）';
      }).join('；') + '</p>';
  }

  // ---------------------------------------------------------------- source viewer

  function openSource(c, opener) {
    var src = sourceFor(c.doc);
    if (!src) return;
    $('source-title').textContent = src.title;
    $('source-meta').textContent = src.doc_no + ' · ' + src.issuer + (src.status === 'draft' ? ' · 征求意见稿' : '') + ' · 条款 ' + (c.clause || '');
    // Find the excerpt, ignoring line breaks and spaces inside it; else the clause heading.
    var text = src.text;
    var pattern = function (s) { return s.replace(/\s+/g, '').split('').map(function (ch) { return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('\\s*'); };
    var m = null;
    if (c.excerpt) m = new RegExp(pattern(c.excerpt)).exec(text);
    if (!m && c.excerpt) m = new RegExp(pattern(c.excerpt.slice(0, 12))).exec(text);
    var html = m ? esc(text.slice(0, m.index)) + '<mark id="source-hit">' + esc(m[0]) + '</mark>' + esc(text.slice(m.index + m[0].length))
      : '<p class="notice">摘录为转述，未能在原文中逐字定位；请按条款“' + esc(c.clause || '') + '”查阅。</p>' + esc(text);
    $('source-text').innerHTML = html;
    var dlg = $('source-viewer');
    dlg.returnFocusTo = opener;
    if (typeof dlg.showModal === 'function') dlg.showModal(); else dlg.setAttribute('open', '');
    var hit = $('source-hit');
    if (hit) hit.scrollIntoView({ block: 'center' });
    $('source-close').focus();
  }

  // ---------------------------------------------------------------- storage, files, print

  function remember() {
    if (!$('opt-remember').checked) return;
    try { window.localStorage.setItem(STORAGE_KEY, lastProfileText); } catch (e) { /* storage may be off */ }
  }
  function forget() {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  }
  function restore() {
    var text = null;
    try { text = window.localStorage.getItem(STORAGE_KEY); } catch (e) { text = null; }
    if (!text) return false;
    $('opt-remember').checked = true;
    return loadText(text, '已恢复本浏览器中记住的内容。');
  }

  // Loads a profile text into the form if the engine accepts it; otherwise keeps the form as it
  // is and says what is wrong.
  function loadText(text, okMessage) {
    var parsed;
    try { parsed = parseExact(text); } catch (e) {
      $('file-status').textContent = '文件不是有效的 JSON：' + e.message + '。当前填写的内容未改变。';
      return false;
    }
    var check = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(options())));
    if (check.errors) {
      $('file-status').textContent = '文件有 ' + check.errors.length + ' 处错误，未读取（当前填写的内容未改变）：' +
        check.errors.slice(0, 5).map(function (e) { return e.path + ' ' + e.message; }).join('；');
      return false;
    }
    fillForm(parsed);
    $('file-status').textContent = okMessage || '';
    run();
    return true;
  }
  // JSON.parse that keeps the digits of numbers exactly as written (money in a hand-written file).
  function parseExact(text) {
    return JSON.parse(text, function (key, value, ctx) {
      if (typeof value === 'number' && ctx && typeof ctx.source === 'string' && /[.eE]/.test(ctx.source)) return ctx.source;
      return value;
    });
  }

  function save() {
    var read = readProfile();
    var text = profileText(read.profile);
    var name = (read.profile.name || '企业信息').replace(/[\\/:*?"<>|]/g, '_') + '.json';
    var blob = new Blob([text], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    $('file-status').textContent = '已保存为“' + name + '”。' + (read.problems.length ? '有误的字段未写入文件。' : '');
  }

  function buildPrintReport() {
    if (!lastResult) return;
    var r = lastResult;
    var read = readProfile();
    var h = '<h1>专精特新政策自测报告</h1><p>评估日期：' + esc(r.as_of) + ' · 标准版本：' + esc(r.criteria.version || '无') + ' · 计算引擎 srdi ' + esc(r.engine.version) + '</p>';
    h += '<p>企业：' + esc(r.enterprise.name || '（未填写名称）') + '</p><p class="muted">本报告为自测参考，以主管部门认定为准。</p>';
    h += '<h2>填写的信息</h2><table><tbody>';
    document.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (!c.id || c.type === 'file') return;
      var v = c.type === 'checkbox' ? (c.checked ? '是' : '') : (c.tagName === 'SELECT' ? (c.value ? c.options[c.selectedIndex].text : '') : c.value);
      if (!v) return;
      h += '<tr><th scope="row">' + esc(labelForElement(c.id)) + '</th><td>' + esc(v) + '</td></tr>';
    });
    h += '</tbody></table>';
    if (read.problems.length) h += '<p class="notice">有 ' + read.problems.length + ' 处填写有误，未计入。</p>';
    h += '<h2>结论</h2><p>划型：' + esc(r.size.label) + '</p>';
    r.notices.forEach(function (n) { h += '<p class="notice">' + esc(n.text) + '</p>'; });
    r.tiers.forEach(function (t) {
      h += '<h3>' + esc(t.title) + '：' + VERDICT[t.verdict] + '</h3><p>' + esc(t.doc_no) + ' · 标准版本 ' + esc(t.version) + (t.score ? ' · 得分 ' + t.score.min + (t.score.max !== t.score.min ? '–' + t.score.max : '') : '') + (t.route ? ' · 路径：' + esc(t.route.title) : '') + '</p>';
      if (t.unmet.length) h += '<ul>' + t.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul>';
      if (t.verdict === 'undetermined') h += '<p>需补充：' + t.missing.map(function (m) { return esc(fieldLabel(m)); }).join('、') + '</p>';
      h += printCite(t.criteria.citation);
    });
    h += '<h2>地方奖励与支持</h2>';
    if (r.awards.note) h += '<p>' + esc(r.awards.note) + '</p>';
    r.awards.documents.forEach(function (d) {
      h += '<h3>' + esc(d.title) + (/^（/.test(d.doc_no) ? esc(d.doc_no) : '（' + esc(d.doc_no) + '）') + (d.status === 'draft' ? ' 【征求意见稿】' : '') + (d.in_force ? '' : ' 【不在有效期内】') + '</h3>';
      h += '<p>确定可得 ' + money(d.totals.certain) + '；最高可达 ' + money(d.totals.upper_bound) + (d.totals.unquantified ? '；另有 ' + d.totals.unquantified + ' 项金额未定' : '') + '</p><ul>';
      d.lines.concat(d.benefits).forEach(function (l) {
        h += '<li>' + esc(l.title) + '：' + esc(amountText(l)) + '（' + esc(l.basis) + '）' + (l.state === 'superseded' ? ' 不叠加' : '') + (l.labels.length ? ' 【' + esc(l.labels.join('、')) + '】' : '') + printCite(l.citation) + '</li>';
      });
      h += '</ul>';
    });
    h += '<h2>政策文件版本</h2><ul>' + r.policies.map(function (p) {
      return '<li>' + esc(p.title) + ' ' + esc(p.doc_no) + '（' + (p.status === 'draft' ? '征求意见稿，' : '') + esc(p.valid_from) + ' 起' + (p.valid_to ? '，至 ' + esc(p.valid_to) : '') + '；数据 ' + esc(p.file) + '）</li>';
    }).join('') + '</ul>';
    $('print-report').innerHTML = h;
  }
  function printCite(c) {
    return c ? '<span class="pcite">依据：' + esc(c.doc) + ' ' + esc(c.clause || '') + '：“' + esc(c.excerpt) + '”' + (c.excerpt_kind === 'quote' ? '' : '（转述）') + '</span>' : '';
  }

  // ---------------------------------------------------------------- wiring

  function wire() {
    var form = $('profile-form');
    form.addEventListener('input', function (e) {
      var t = e.target;
      if (t.matches('[data-honor]') && t.checked) $('f-honors').value = 'list';
      if (t.matches('#holds-table input, tr[data-hold] input, tr[data-hold] select') && (t.checked || t.value)) $('f-holds').value = 'list';
      if (t.id && /^f-sci_award-/.test(t.id) && t.value && !$('f-sci_award').value) $('f-sci_award').value = 'some';
      schedule();
    });
    form.addEventListener('change', function (e) {
      var t = e.target;
      if (t.matches('tr[data-hold] input[type=checkbox]') && t.checked) $('f-holds').value = 'list';
      if (t.matches('[data-honor]') && t.checked) $('f-honors').value = 'list';
      if (t.id && t.id.indexOf('ev-type-') === 0) {
        syncEvents();
        var type = t.id.slice(8);
        if (t.checked) events.push({ type: type, values: {} });
        else events = events.filter(function (ev) { return ev.type !== type; });
        renderEvents(t.id);
      }
      schedule(0);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('click', function (e) {
      var add = e.target.closest('[data-add]');
      var rm = e.target.closest('[data-remove]');
      if (add) {
        syncEvents();
        events.push({ type: add.getAttribute('data-add'), values: {} });
        var i = events.length - 1;
        renderEvents();
        var first = document.querySelector('[data-event-index="' + i + '"] input, [data-event-index="' + i + '"] select');
        if (first) first.focus();
        schedule(0);
      } else if (rm) {
        syncEvents();
        var idx = Number(rm.getAttribute('data-remove'));
        var type = events[idx].type;
        events.splice(idx, 1);
        renderEvents('ev-type-' + type);
        schedule(0);
      }
    });
    document.addEventListener('click', function (e) {
      var f = e.target.closest('[data-focus]');
      if (f) {
        var target = $(f.getAttribute('data-focus'));
        if (target) {
          e.preventDefault();
          var sec = target.closest('details');
          if (sec) sec.open = true;
          target.focus();
          target.scrollIntoView({ block: 'center' });
        }
      }
      var o = e.target.closest('.open-source');
      if (o) openSource(citations[Number(o.getAttribute('data-cite'))], o);
    });
    document.addEventListener('toggle', function (e) {
      if (e.target.matches && e.target.matches('details.trace') && e.target.open) fillTrace(e.target);
    }, true);
    ['opt-as-of', 'opt-criteria', 'opt-applicant'].forEach(function (id) { $(id).addEventListener('change', function () { schedule(0); }); });
    $('sample-select').addEventListener('change', function () {
      var id = $('sample-select').value;
      var s = DATA.samples.filter(function (x) { return x.id === id; })[0];
      if (s) loadText(s.text, '已载入示例“' + s.label + '”。');
    });
    $('btn-save').addEventListener('click', save);
    $('file-load').addEventListener('change', function () {
      var file = $('file-load').files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () { loadText(String(reader.result), '已读取“' + file.name + '”。'); $('file-load').value = ''; };
      reader.onerror = function () { $('file-status').textContent = '无法读取该文件。'; };
      reader.readAsText(file);
    });
    $('opt-remember').addEventListener('change', function () {
      if ($('opt-remember').checked) { remember(); $('file-status').textContent = '将在本浏览器中记住填写的内容（可随时清除）。'; }
      else { forget(); $('file-status').textContent = '已不再记住，本浏览器中保存的内容已删除。'; }
    });
    $('btn-clear').addEventListener('click', function () {
      forget();
      $('opt-remember').checked = false;
      clearForm();
      $('sample-select').value = '';
      $('file-status').textContent = '已清除：表单已清空，本浏览器中没有保存任何内容。';
      schedule(0);
    });
    $('btn-print').addEventListener('click', function () { buildPrintReport(); window.print(); });
    window.addEventListener('beforeprint', buildPrintReport);
    $('source-close').addEventListener('click', function () { $('source-viewer').close(); });
    $('source-viewer').addEventListener('close', function () {
      var back = $('source-viewer').returnFocusTo;
      if (back && document.body.contains(back)) back.focus();
    });
  }

  function start() {
    schema = JSON.parse(window.SRDI.schema());
    schema.fields.forEach(function (f) { fieldSpec[f.name] = f; });
    schema.events.forEach(function (e) { eventSpec[e.type] = e; });
    buildForm();
    $('opt-as-of').value = todayIso();
    var sel = $('sample-select');
    DATA.samples.forEach(function (s) {
      var o = document.createElement('option');
      o.value = s.id;
      o.textContent = s.label;
      sel.appendChild(o);
    });
    wire();
    if (!restore()) run();
  }

  window.SRDI.ready.then(start, function (e) {
    root.setAttribute('data-srdi-state', 'error');
    $('summary').textContent = '计算引擎加载失败：' + (e && e.message ? e.message : e);
  });
})();
