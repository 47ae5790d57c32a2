// The form: built from the engine's schema and web/form.js; the profile read from it and put
// back into it; typed values parsed (万元 to exact 元) and shown; input errors beside their fields.
import { FORM, DATA } from './state.js';
import { esc, idFor, todayIso, normalizeNumber, yuanToWan, decimalPlaces, cmpDecimal } from './util.js';

export function formPart(app) {
  var t = app.t, en = app.en, $ = app.$;

  // ---------------------------------------------------------------- values typed and shown

  // Exact decimal shifting on strings: 万元 <-> 元, never through a binary float.
  function wanToYuan(text, allowNegative) {
    var s = normalizeNumber(text);
    var m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(s);
    if (!m) return { error: t('请填写数字（以万元为单位，如 8600 或 12.5）') };
    if (m[1] && !allowNegative) return { error: t('不能为负数') };
    var frac = m[3] || '';
    if (frac.length > 6) return { error: t('万元最多 6 位小数（精确到分）') };
    frac = (frac + '000000').slice(0, 6);
    var whole = (m[2] + frac.slice(0, 4)).replace(/^0+(?=\d)/, '');
    var yuan = whole + '.' + frac.slice(4);
    if (m[1] && /^0\.00$/.test(yuan)) return { value: '0.00' };
    return { value: m[1] + yuan };
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
        if (!/^\d+(\.\d+)?$/.test(s)) return { error: kind === 'percent' ? t('请填写百分数（如 6.5 表示 6.5%）') : t('请填写分数（如 65 或 72.5）') };
        // Precision and range as the engine's loader checks them (schema: decimals, max).
        if (decimalPlaces(s) > spec.decimals) return { error: t('最多 ') + spec.decimals + t(' 位小数') };
        if (cmpDecimal(s, spec.max) > 0) return { error: t('不能超过 {0}', spec.max) };
        return { value: s };
      }
      case 'count':
      case 'rank':
      case 'int_range': {
        if (/^-\d+(\.\d+)?$/.test(s)) return { error: kind === 'int_range' ? t('应在 ') + spec.min + t(' 到 ') + spec.max + t(' 之间') : t('不能为负数') };
        if (/^\d+\.\d+$/.test(s)) return { error: t('请填写整数，不带小数') };
        if (!/^\d+$/.test(s)) return { error: t('请填写整数（只含数字）') };
        var n = Number(s);
        var min = spec.min, max = spec.max;  // the engine's limits (schema)
        // More digits than the maximum has (leading zeros aside) is out of range before Number() rounds it.
        var digits = s.replace(/^0+(?=\d)/, '');
        if (digits.length > String(max).length || n < min || n > max) return { error: t('应在 ') + min + t(' 到 ') + max + t(' 之间') };
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
    if (en('fields', f.name, 'unit')) return en('fields', f.name, 'unit');
    if (app.lang === 'en' && (spec.kind === 'money' || spec.kind === 'signed_money')) return t('万元');
    if (f.unit) return f.unit;
    if (spec.kind === 'money' || spec.kind === 'signed_money') return t('万元');
    if (spec.kind === 'percent') return '%';
    return '';
  }
  function enumGroup(name) { return name.split('.').pop(); }

  function control(id, name, spec, label, hint, unit) {
    var describe = 'hint-' + id.slice(2) + ' err-' + id.slice(2);
    var h = '<div class="field" data-field="' + esc(name) + '">';
    h += '<label for="' + id + '">' + esc(label) + (unit ? '<span class="unit">' + (app.lang === 'en' ? ' (' + esc(unit) + ')' : '（' + esc(unit) + '）') + '</span>' : '') + '</label>';
    if (spec.kind === 'bool') {
      h += '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + describe + '">' +
        t('<option value="">未填写</option><option value="true">是</option><option value="false">否</option></select>');
    } else if (spec.kind === 'enum' || name === 'city') {
      // The cities with award documents come from the engine (with their drafts named), then
      // the form's "other city".
      var opts = name === 'city' ? app.schema.cities.map(function (c) { return [c.id, en('cities', c.id) || c.label]; })
        .concat([[FORM.other_city.value, en('cities', FORM.other_city.value) || FORM.other_city.label]])
        : spec.values.map(function (v) { return [v, app.valueLabel(enumGroup(name), v)]; });
      h += '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + describe + t('"><option value="">未填写</option>') +
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
    var spec = app.fieldSpec[f.name];
    if (!spec) return '';
    return control(idFor(f.name), f.name, spec, app.fieldLabelText(f.name), en('fields', f.name, 'hint') || f.hint, unitFor(f, spec));
  }

  function financeTableHtml(sec) {
    var h = t('<table class="years"><caption class="visually-hidden">财务数据（万元），三个年度并列</caption><thead><tr><th scope="col">项目（万元）</th>');
    FORM.years.forEach(function (y) { h += '<th scope="col">' + esc(en('years', y.key) || y.label) + '<span class="cal-year" data-year="' + y.key + '"></span></th>'; });
    h += '</tr></thead><tbody>';
    sec.table.forEach(function (row) {
      var base = app.fieldSpec[row.base + '.last'].label.replace(/（上年度）$/, '');
      h += '<tr><th scope="row"><span>' + esc(en('table_rows', row.base, 'label') || base) + '</span><span class="hint" id="hint-' + row.base + '">' + esc(en('table_rows', row.base, 'hint') || row.hint) + '</span></th>';
      FORM.years.forEach(function (y) {
        var name = row.base + '.' + y.key;
        var yearLabel = esc(en('years', y.key) || y.label);  // shown beside the cell on a phone
        if (row.years.indexOf(y.key) < 0) { h += '<td class="na" data-label="' + yearLabel + '">—</td>'; return; }
        var id = idFor(name);
        h += '<td data-field="' + name + '" data-label="' + yearLabel + '"><label class="visually-hidden" for="' + id + '">' + esc(app.fieldLabelText(name)) + t('（万元）</label>') +
          '<input id="' + id + '" name="' + name + '" type="text" inputmode="decimal" autocomplete="off" data-unit="wan" aria-describedby="hint-' + row.base + ' err-' + id.slice(2) + '">' +
          '<span class="field-error" id="err-' + id.slice(2) + '" aria-live="polite"></span></td>';
      });
      h += '</tr>';
    });
    return h + '</tbody></table>';
  }

  // The keys of the sci_award object (national_rank, national_year, ...), from the engine schema.
  function sciAwardKeys() {
    return app.schema.fields.filter(function (f) { return /^sci_award\./.test(f.name); }).map(function (f) { return f.name.slice(10); });
  }

  function sciAwardHtml() {
    var h = t('<fieldset class="group" data-field="sci_award"><legend>科技奖励</legend>');
    h += t('<div class="field"><label for="f-sci_award">近年是否获得国家级、省级或部级科技奖励</label>') +
      t('<select id="f-sci_award" aria-describedby="hint-sci_award err-sci_award"><option value="">未填写</option><option value="none">没有</option><option value="some">有（填写下方排名和年份）</option></select>') +
      t('<span class="hint" id="hint-sci_award">科技进步奖、技术发明奖等；排名指企业在获奖单位中的排名</span><span class="field-error" id="err-sci_award"></span></div>');
    h += '<div class="sub" id="sci-award-details">';
    // The ranks and their years, in the engine schema's order (each rank has its own year).
    sciAwardKeys().forEach(function (k) {
      var n = 'sci_award.' + k;
      var spec = app.fieldSpec[n];
      var isYear = /_year$/.test(k);
      var hint = isYear ? t('该级别奖励的获奖年份，如 2024') : t('企业在获奖单位中的排名（第1名填1）；没有该级别奖励则留空，不清楚则勾选“不清楚”');
      var html = control(idFor(n), n, spec, app.fieldLabelText(n), en('fields', n, 'hint') || hint, isYear ? t('年') : t('名'));
      // A blank rank means "no award at that level" (docs/profile.md), so "unknown" needs a box of
      // its own: it writes the rank as null. (A year is unknown when blank.)
      if (!isYear) {
        html = html.replace(/<\/div>$/, '<span class="check"><input type="checkbox" id="sci-unknown-' + k + '" data-sci-unknown="' + k + '">' +
          '<label for="sci-unknown-' + k + '">' + t('不清楚<span class="visually-hidden">：{0}</span>', esc(app.fieldLabelText(n))) + '</label></span></div>');
      }
      h += html;
    });
    return h + '</div></fieldset>';
  }

  // The honours (high_tech_enterprise, ...): the engine schema's honors.* fields, in its order.
  function honorKeys() {
    return app.schema.fields.filter(function (f) { return /^honors\./.test(f.name); }).map(function (f) { return f.name.slice(7); });
  }

  function honorsHtml() {
    var h = t('<fieldset class="group" data-field="honors"><legend>荣誉（有效期内）</legend>');
    h += t('<div class="field"><label for="f-honors">荣誉情况</label><select id="f-honors" aria-describedby="hint-honors"><option value="">未填写</option><option value="list">按下方勾选（未勾选即没有）</option></select>') +
      t('<span class="hint" id="hint-honors">勾选任一项即视为已按勾选填写</span></div><div class="checks">');
    honorKeys().forEach(function (k) {
      h += '<span class="check"><input type="checkbox" id="honor-' + k + '" data-honor="' + k + '"><label for="honor-' + k + '">' + esc(app.valueLabel('honors', k)) + '</label></span>';
    });
    return h + '</div></fieldset>';
  }

  function holdsHtml() {
    var h = t('<p class="section-note">填写已获得且仍在有效期内的称号及认定日期（创新型、专精特新、小巨人有效期3年）。</p>');
    h += t('<div class="field"><label for="f-holds">已获称号情况</label><select id="f-holds" aria-describedby="hint-holds"><option value="">未填写</option><option value="list">按下表勾选（未勾选即没有）</option></select>') +
      t('<span class="hint" id="hint-holds">勾选任一称号即视为已按下表填写</span></div>');
    h += t('<table class="holds"><thead><tr><th scope="col">称号</th><th scope="col">级别</th><th scope="col">认定日期</th></tr></thead><tbody>');
    app.schema.holds_titles.forEach(function (title) { h += holdRowHtml(title, 1); });
    return h + '</tbody></table>';
  }

  // One entry of `holds`: a table row per entry. Row 1 of a title is always there (ids hold-<title>,
  // -level, -since); a title held more than once (e.g. a lapsed and a renewed recognition) gets
  // rows 2, 3, … (ids hold-<title>-<n>…), numbered without gaps.
  function holdId(title, n) { return 'hold-' + title + (n > 1 ? '-' + n : ''); }
  function holdRowHtml(title, n) {
    var id = holdId(title, n);
    var label = n > 1 ? t('{0}（第 {1} 条）', esc(app.valueLabel('title', title)), n) : esc(app.valueLabel('title', title));
    var more = n > 1
      ? '<button type="button" class="link hold-remove" data-hold-remove="' + title + '" data-hold-n="' + n + '">' + t('删除此条<span class="visually-hidden">：{0}</span>', label) + '</button>'
      : '<button type="button" class="link hold-add" data-hold-add="' + title + '">' + t('再添加一条<span class="visually-hidden">“{0}”</span>', label) + '</button>';
    return '<tr data-hold="' + title + '"><td><input type="checkbox" id="' + id + '"><label for="' + id + '">' + label + '</label>' + more + '</td>' +
      '<td data-label="' + t('级别') + '"><label class="visually-hidden" for="' + id + '-level">' + t('{0}级别', label) + '</label><select id="' + id + '-level"><option value="">' + t('未填写') + '</option>' +
      app.schema.holds_levels[title]  // the levels the engine accepts for the title (小巨人: 国家级 only)
        .map(function (l) { return '<option value="' + l + '">' + esc(app.valueLabel('level', l)) + '</option>'; }).join('') + '</select></td>' +
      '<td data-label="' + t('认定日期') + '"><label class="visually-hidden" for="' + id + '-since">' + t('{0}认定日期', label) + '</label><input type="date" id="' + id + '-since">' +
      '<span class="field-error" id="err-' + id + '"></span></td></tr>';
  }
  function holdRows(title) { return Array.prototype.slice.call(app.scope.querySelectorAll('tr[data-hold="' + title + '"]')); }
  // Gives `title` exactly `count` rows (at least the first); new rows are blank and unticked.
  function setHoldRowCount(title, count) {
    var rows = holdRows(title);
    for (var i = rows.length; i > Math.max(count, 1); i--) rows[i - 1].remove();
    for (var n = rows.length + 1; n <= count; n++) holdRows(title).pop().insertAdjacentHTML('afterend', holdRowHtml(title, n));
  }
  function holdEntry(title, n) {
    var id = holdId(title, n);
    return { checked: $(id).checked, level: $(id + '-level').value, since: $(id + '-since').value };
  }
  function setHoldEntry(title, n, e) {
    var id = holdId(title, n);
    $(id).checked = !!e.checked;
    $(id + '-level').value = e.level || '';
    $(id + '-since').value = e.since || '';
  }

  function eventsHtml() {
    var h = t('<p class="section-note">勾选本年度发生的事项（新获认定、上市挂牌、展会、技改等），地方奖励按事项计算。同类事项可添加多项。</p><div id="events-list">');
    app.schema.events.forEach(function (et) {
      var mine = [];
      app.events.forEach(function (e, i) { if (e.type === et.type) mine.push(i); });
      h += '<fieldset class="ev-type" data-event-type="' + et.type + '"><legend class="visually-hidden">' + esc(en('events', et.type, 'label') || et.label) + '</legend>' +
        '<span class="check"><input type="checkbox" id="ev-type-' + et.type + '"' + (mine.length ? ' checked' : '') + ' aria-describedby="ev-hint-' + et.type + '">' +
        '<label for="ev-type-' + et.type + '">' + esc(en('events', et.type, 'label') || et.label) + '</label></span>' +
        '<span class="hint" id="ev-hint-' + et.type + '">' + esc(en('events', et.type, 'hint') || et.hint) + '</span>';
      mine.forEach(function (i, k) {
        var e = app.events[i];
        h += '<div class="ev" data-event-index="' + i + t('"><p class="ev-head">第 ') + (k + 1) + t(' 项') +
          ' <button type="button" class="link ev-remove" data-remove="' + i + t('">删除此项</button></p>');
        et.params.forEach(function (p) {
          var id = 'ev-' + i + '-' + p.name;
          var money = p.kind === 'money';
          var pen = en('events', et.type, 'params');
          var label = (pen && pen[p.name]) || p.label.replace(/（元）$/, '');
          h += '<div class="field"><label for="' + id + '">' + esc(label) + (money ? t('<span class="unit">（万元）</span>') : (p.kind === 'percent' ? '<span class="unit">（%）</span>' : '')) +
            (p.required ? t('<span class="req">（必填）</span>') : '') + '</label>';
          var v = e.values[p.name] == null ? '' : e.values[p.name];
          if (p.kind === 'enum' || p.kind === 'bool') {
            var opts = p.kind === 'bool' ? [['true', t('是')], ['false', t('否')]] : p.values.map(function (x) { return [x, app.valueLabel(p.name, x)]; });
            h += '<select id="' + id + '" data-param="' + p.name + '" aria-describedby="err-' + id + '"><option value="">' + (p.required ? t('请选择') : t('未填写')) + '</option>' +
              opts.map(function (o) { return '<option value="' + o[0] + '"' + (o[0] === v ? ' selected' : '') + '>' + esc(o[1]) + '</option>'; }).join('') + '</select>';
          } else {
            h += '<input id="' + id + '" type="text" data-param="' + p.name + '" inputmode="' + (p.kind === 'count' || p.kind === 'rank' ? 'numeric' : 'decimal') + '"' +
              (money ? ' data-unit="wan"' : '') + ' value="' + esc(v) + '" autocomplete="off" aria-describedby="err-' + id + '">';
          }
          h += '<span class="field-error" id="err-' + id + '"></span></div>';
        });
        h += '</div>';
      });
      if (mine.length) h += '<button type="button" class="link ev-add" data-add="' + et.type + t('">再添加一项“') + esc(en('events', et.type, 'label') || et.label) + '”</button>';
      h += '</fieldset>';
    });
    return h + '</div>';
  }

  function buildForm() {
    var h = '';
    FORM.sections.forEach(function (sec) {
      h += '<fieldset class="section" id="sec-' + sec.id + '"><legend><span>' + esc(en('sections', sec.id, 'title') || sec.title) + '</span></legend>';
      if (sec.note) h += '<p class="section-note">' + esc(en('sections', sec.id, 'note') || sec.note) + '</p>';
      if (sec.table) h += financeTableHtml(sec);
      if (sec.widget === 'holds') h += holdsHtml();
      if (sec.widget === 'events') h += '<div id="events-host">' + eventsHtml() + '</div>';
      if (sec.fields) h += '<div class="grid">' + sec.fields.map(fieldHtml).join('') + '</div>';
      h += '</fieldset>';
    });
    $('form-sections').innerHTML = h;
    syncForm();
    $('opt-renewal').innerHTML = '<option value="">' + esc(t('新申请')) + '</option>' + (app.schema.renewal_rungs || []).map(function (r) {
      return '<option value="' + esc(r.tier) + '">' + esc(app.tierTitle(r)) + esc(t('复核')) + '</option>';
    }).join('');
    var picker = $('opt-applicant');
    picker.innerHTML = app.fieldSpec.applicant.values.map(function (v) {
      return '<option value="' + v + '">' + esc(app.valueLabel('applicant', v)) + '</option>';
    }).join('');
  }

  // Reads the event inputs back into `events` (before the list is re-rendered or read).
  function syncEvents() {
    app.scope.querySelectorAll('#events-list .ev').forEach(function (div) {
      var i = Number(div.getAttribute('data-event-index'));
      div.querySelectorAll('[data-param]').forEach(function (c) { app.events[i].values[c.getAttribute('data-param')] = c.value; });
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
    app.schema.fields.forEach(function (spec) {
      var name = spec.name;
      if (name === 'applicant' || /^honors\.|^sci_award\./.test(name)) return;
      var c = $(idFor(name));
      if (!c) return;
      paths['/' + name.replace(/\./g, '/')] = c.id;
      var r = Object.prototype.hasOwnProperty.call(app.loadedText, name) ? { value: app.loadedText[name] }
        : spec.kind === 'text' ? (c.value.trim() === '' ? { blank: true } : { value: c.value.trim() }) : parseValue(spec.kind, c.value, spec);
      if (r.error) problems.push({ id: c.id, message: r.error });
      else if (!r.blank) put(name, r.value);
    });
    // The applicant picker is the profile's `applicant`: written when it is not the default.
    var applicant = $('opt-applicant').value;
    if (app.applicantGiven || applicant !== 'enterprise') profile.applicant = applicant;
    paths['/applicant'] = 'opt-applicant';
    // 科技奖励: unknown / none / an object whose blank ranks mean "no award at that level" and
    // whose ranks ticked 不清楚 are null (unknown).
    var sci = $('f-sci_award').value;
    paths['/sci_award'] = 'f-sci_award';
    if (sci === 'none') profile.sci_award = 'none';
    else if (sci === 'some') {
      var award = {};
      sciAwardKeys().forEach(function (k) {
        var c = $(idFor('sci_award.' + k));
        paths['/sci_award/' + k] = c.id;
        if (!/_year$/.test(k) && $('sci-unknown-' + k).checked) { award[k] = null; return; }
        var r = parseValue(app.fieldSpec['sci_award.' + k].kind, c.value, app.fieldSpec['sci_award.' + k]);
        if (r.error) problems.push({ id: c.id, message: r.error });
        else if (!r.blank) award[k] = r.value;
      });
      profile.sci_award = award;
    }
    if ($('f-honors').value === 'list') {
      profile.honors = [];
      app.scope.querySelectorAll('[data-honor]').forEach(function (c) { if (c.checked) profile.honors.push(c.getAttribute('data-honor')); });
    }
    paths['/honors'] = 'f-honors';
    paths['/holds'] = 'f-holds';
    if ($('f-holds').value === 'list') {
      profile.holds = [];
      app.schema.holds_titles.forEach(function (title) {
        holdRows(title).forEach(function (row, k) {
          var e = holdEntry(title, k + 1);
          if (!e.checked) return;
          var h = { title: title };
          if (e.level) h.level = e.level;
          if (e.since) h.since = e.since;
          var i = profile.holds.length, id = holdId(title, k + 1);
          paths['/holds/' + i] = id;
          paths['/holds/' + i + '/level'] = id + '-level';
          paths['/holds/' + i + '/since'] = id + '-since';
          profile.holds.push(h);
        });
      });
    }
    if (app.events.length) {
      profile.events = app.events.map(function (e, i) {
        var out = { type: e.type };
        paths['/events/' + i] = 'ev-type-' + e.type;
        (app.eventSpec[e.type] ? app.eventSpec[e.type].params : []).forEach(function (p) {
          var id = 'ev-' + i + '-' + p.name;
          paths['/events/' + i + '/' + p.name] = id;
          var raw = e.values[p.name] == null ? '' : e.values[p.name];
          var r = parseValue(p.kind === 'enum' ? 'enum' : p.kind, raw, p);
          if (p.kind === 'enum') r = raw === '' ? { blank: true } : { value: raw };
          if (r.error) problems.push({ id: id, message: r.error });
          else if (!r.blank) out[p.name] = r.value;
          else if (p.required) problems.push({ id: id, message: t('此项必填') });
        });
        return out;
      });
    }
    return { profile: profile, problems: problems, paths: paths };
  }

  function clearForm() {
    app.schema.holds_titles.forEach(function (title) { setHoldRowCount(title, 1); });
    app.scope.querySelectorAll('#' + idFor('city') + ' option[data-extra]').forEach(function (o) { o.remove(); });
    app.scope.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (c.type === 'checkbox') c.checked = false; else c.value = '';
    });
    syncForm();
    app.loadedText = {};
    app.events = [];
    app.applicantGiven = false;
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
    app.schema.fields.forEach(function (spec) {
      if (spec.name === 'applicant' || /^honors\.|^sci_award\./.test(spec.name)) return;
      var c = $(idFor(spec.name));
      var v = get(spec.name);
      if (spec.name === 'city') ensureCityOption(v);
      if (c && v != null) c.value = showValue(spec.kind, v);
      if (c && spec.kind === 'text' && typeof v === 'string') app.loadedText[spec.name] = v;
    });
    app.applicantGiven = p.applicant != null;
    $('opt-applicant').value = p.applicant || 'enterprise';
    if (p.sci_award === 'none') $('f-sci_award').value = 'none';
    else if (p.sci_award && typeof p.sci_award === 'object') {
      $('f-sci_award').value = 'some';
      sciAwardKeys().forEach(function (k) {
        if (p.sci_award[k] != null) $(idFor('sci_award.' + k)).value = String(p.sci_award[k]);
        else if (p.sci_award[k] === null && !/_year$/.test(k)) $('sci-unknown-' + k).checked = true;
      });
    }
    if (Array.isArray(p.honors)) {
      $('f-honors').value = 'list';
      p.honors.forEach(function (h) { if ($('honor-' + h)) $('honor-' + h).checked = true; });
    }
    if (Array.isArray(p.holds)) {
      $('f-holds').value = 'list';
      // Every entry keeps its row, in the file's order within its title.
      var byTitle = {};
      p.holds.forEach(function (h) { if ($('hold-' + h.title)) (byTitle[h.title] = byTitle[h.title] || []).push(h); });
      Object.keys(byTitle).forEach(function (title) {
        setHoldRowCount(title, byTitle[title].length);
        byTitle[title].forEach(function (h, k) { setHoldEntry(title, k + 1, { checked: true, level: h.level, since: h.since }); });
      });
    }
    syncForm();
    app.events = (Array.isArray(p.events) ? p.events : []).map(function (e) {
      var values = {};
      var spec = app.eventSpec[e.type];
      Object.keys(e).forEach(function (k) {
        if (k === 'type' || e[k] == null) return;
        var ps = spec && spec.params.filter(function (x) { return x.name === k; })[0];
        values[k] = ps && ps.kind === 'money' ? yuanToWan(e[k]) : String(e[k]);
      });
      return { type: e.type, values: values };
    });
    renderEvents();
  }

  // `city` is any string (docs/profile.md): a value the list lacks (a province id, a city without
  // award documents here) becomes an extra option, so it is shown, evaluated and saved as it is.
  function ensureCityOption(value) {
    var sel = $(idFor('city'));
    if (typeof value !== 'string' || value === '' || !sel) return;
    for (var i = 0; i < sel.options.length; i++) if (sel.options[i].value === value) return;
    var o = document.createElement('option');
    o.value = value;
    o.setAttribute('data-extra', '');
    var name = null;
    try { name = JSON.parse(window.SRDI.evaluate(JSON.stringify({ city: value }), JSON.stringify(options()))).awards.city_name; } catch (e) { name = null; }
    // A city the policies in use do not know (a draft unloaded, a file refused): kept as typed,
    // and said so in words rather than as a bare code.
    o.textContent = name ? (en('jurisdictions', name) || name) + (app.lang === 'en' ? ' (' + value + ')' : '（' + value + '）')
      : t('{0}（本计算器暂无该城市的政策文件）', value);
    sel.appendChild(o);
  }

  // State the controls show but do not hold: a rank marked 不清楚 is disabled (its text is kept for
  // when the box is unticked); a title's "add another" appears once one of its rows is ticked.
  function syncForm() {
    app.scope.querySelectorAll('[data-sci-unknown]').forEach(function (c) {
      $(idFor('sci_award.' + c.getAttribute('data-sci-unknown'))).disabled = c.checked;
    });
    app.scope.querySelectorAll('[data-hold-add]').forEach(function (b) {
      // (style, not `hidden`: the stylesheet gives every button display: inline-block)
      b.style.display = app.scope.querySelector('tr[data-hold="' + b.getAttribute('data-hold-add') + '"] input[type=checkbox]:checked') ? '' : 'none';
    });
  }

  // The evaluation options the toolbar sets (date, criteria, applicant, renewal) and the readings picked.
  function options() {
    var o = { as_of: $('opt-as-of').value || todayIso(), criteria: $('opt-criteria').value, applicant: $('opt-applicant').value };
    var renewal = $('opt-renewal').value;
    if (renewal) o.renewal = [renewal];
    if (Object.keys(app.readingChoice).length) o.readings = app.readingChoice;
    return o;
  }

  // ---------------------------------------------------------------- what was typed, kept and put back

  // Everything typed, as the controls hold it (even a value with an error), with the events and
  // the rows of titles held more than once: what a language switch carries over and what an undo
  // brings back.
  function captureInput() {
    syncEvents();
    var raw = {};
    app.scope.querySelectorAll('#profile-form input, #profile-form select, .toolbar input, .toolbar select').forEach(function (c) {
      if (!c.id || c.type === 'file' || c.id === 'opt-lang' || c.id === 'opt-remember') return;
      raw[c.id] = c.type === 'checkbox' ? c.checked : c.value;
    });
    var holdCounts = {};
    app.schema.holds_titles.forEach(function (title) { holdCounts[title] = holdRows(title).length; });
    return { raw: raw, holdCounts: holdCounts, events: JSON.parse(JSON.stringify(app.events)), loadedText: JSON.parse(JSON.stringify(app.loadedText)),
      applicantGiven: app.applicantGiven, readings: JSON.parse(JSON.stringify(app.readingChoice)) };
  }
  // The controls of `snap` back in the form (the form's structure is rebuilt first).
  function applyInput(snap) {
    app.schema.holds_titles.forEach(function (title) { setHoldRowCount(title, snap.holdCounts[title] || 1); });
    app.events = JSON.parse(JSON.stringify(snap.events));
    renderEvents();
    ensureCityOption(snap.raw[idFor('city')]);
    Object.keys(snap.raw).forEach(function (id) {
      var c = $(id);
      if (!c) return;
      if (c.type === 'checkbox') c.checked = snap.raw[id]; else c.value = snap.raw[id];
    });
    app.loadedText = JSON.parse(JSON.stringify(snap.loadedText));
    app.applicantGiven = snap.applicantGiven;
    app.readingChoice = JSON.parse(JSON.stringify(snap.readings));
    syncForm();
  }
  // What was typed, for comparing states: the sample menu's position is not input.
  function inputKey(snap) {
    var raw = Object.assign({}, snap.raw);
    delete raw['sample-select'];
    return JSON.stringify([raw, snap.events, snap.holdCounts]);
  }

  function fillSamples() {
    var sel = $('sample-select');
    DATA.samples.forEach(function (s) {
      var o = document.createElement('option');
      o.value = s.id;
      o.textContent = s.label;
      sel.appendChild(o);
    });
  }

  // ---------------------------------------------------------------- input errors, field names

  function showProblems(problems) {
    app.scope.querySelectorAll('[aria-invalid="true"]').forEach(function (c) { c.removeAttribute('aria-invalid'); });
    app.scope.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
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
      box.innerHTML = t('<p><strong>有 ') + problems.length + t(' 处填写需要修改</strong>（已在字段旁标出；其余结果暂按这些字段“未填写”计算，已填内容不会丢失）：</p><ul>') +
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
    var l = app.scope.querySelector('label[for="' + id + '"]');
    return l ? l.textContent.replace(/（必填）/, '') : id;
  }

  function fieldLabel(name) {
    if (/^events\/\d+\//.test(name)) {
      var parts = name.split('/');
      var e = app.events[Number(parts[1])];
      var spec = e && app.eventSpec[e.type];
      var p = spec && spec.params.filter(function (x) { return x.name === parts[2]; })[0];
      var pen = spec ? en('events', spec.type, 'params') : null;
      return (spec ? (en('events', spec.type, 'label') || spec.label) + '：' : '') + (p ? (pen && pen[p.name]) || p.label.replace(/（元）$/, '') : parts[2]);
    }
    if (name === 'holds') return t('已获称号');
    if (name === 'honors') return t('荣誉');
    if (/^honors\./.test(name)) return t('荣誉：') + app.valueLabel('honors', name.slice(7));
    var s = app.fieldSpec[name];
    return s ? app.fieldLabelText(name) : name;
  }
  function fieldTarget(name) {
    if (/^events\/\d+\//.test(name)) { var p = name.split('/'); return 'ev-' + p[1] + '-' + p[2]; }
    if (name === 'holds') return 'f-holds';
    if (/^honors/.test(name)) return 'f-honors';
    if (/^sci_award/.test(name) && !$('f-sci_award').value) return 'f-sci_award';
    var unknown = $('sci-unknown-' + name.slice(10));
    if (/^sci_award\./.test(name) && unknown && unknown.checked) return unknown.id;  // the rank is disabled
    return idFor(name);
  }

  // ---------------------------------------------------------------- wiring

  // The form's own events: typing, ticking, adding and removing rows of titles and events.
  function wireForm() {
    var form = $('profile-form');
    form.addEventListener('input', function (e) {
      var tg = e.target;
      if (tg.matches('[data-honor]') && tg.checked) $('f-honors').value = 'list';
      if (tg.matches('#holds-table input, tr[data-hold] input, tr[data-hold] select') && (tg.checked || tg.value)) $('f-holds').value = 'list';
      if (tg.id && /^f-sci_award-/.test(tg.id) && tg.value && !$('f-sci_award').value) $('f-sci_award').value = 'some';
      if (tg.name) delete app.loadedText[tg.name];  // edited: the field's own value from now on
      app.schedule();
    });
    form.addEventListener('change', function (e) {
      var tg = e.target;
      if (tg.matches('tr[data-hold] input[type=checkbox]') && tg.checked) $('f-holds').value = 'list';
      if (tg.matches('[data-honor]') && tg.checked) $('f-honors').value = 'list';
      if (tg.matches('[data-sci-unknown]') && tg.checked && !$('f-sci_award').value) $('f-sci_award').value = 'some';
      if (tg.name) delete app.loadedText[tg.name];
      syncForm();
      if (tg.id && tg.id.indexOf('ev-type-') === 0) {
        syncEvents();
        var type = tg.id.slice(8);
        if (tg.checked) app.events.push({ type: type, values: {} });
        else app.events = app.events.filter(function (ev) { return ev.type !== type; });
        renderEvents(tg.id);
      }
      app.schedule(0);
    });
    form.addEventListener('submit', function (e) { e.preventDefault(); });
    form.addEventListener('click', function (e) {
      var add = e.target.closest('[data-add]');
      var rm = e.target.closest('[data-remove]');
      var holdAdd = e.target.closest('[data-hold-add]');
      var holdRm = e.target.closest('[data-hold-remove]');
      if (holdAdd) {
        // Another entry of the same title: a new ticked row, focused.
        var title = holdAdd.getAttribute('data-hold-add');
        var n = holdRows(title).length + 1;
        setHoldRowCount(title, n);
        setHoldEntry(title, n, { checked: true });
        $('f-holds').value = 'list';
        $(holdId(title, n)).focus();
        app.schedule(0);
      } else if (holdRm) {
        // The rows after the removed one move up, so the rows stay numbered 1, 2, 3, …
        var ht = holdRm.getAttribute('data-hold-remove');
        var entries = holdRows(ht).map(function (row, k) { return holdEntry(ht, k + 1); });
        var gone = Number(holdRm.getAttribute('data-hold-n'));
        entries.splice(gone - 1, 1);
        setHoldRowCount(ht, entries.length);
        entries.forEach(function (x, k) { if (k + 1 >= gone) setHoldEntry(ht, k + 1, x); });
        syncForm();
        var back = app.scope.querySelector('[data-hold-add="' + ht + '"]');
        (back && back.style.display !== 'none' ? back : $(holdId(ht, 1))).focus();
        app.schedule(0);
      } else if (add) {
        syncEvents();
        app.events.push({ type: add.getAttribute('data-add'), values: {} });
        var i = app.events.length - 1;
        renderEvents();
        var first = app.scope.querySelector('[data-event-index="' + i + '"] input, [data-event-index="' + i + '"] select');
        if (first) first.focus();
        app.schedule(0);
      } else if (rm) {
        syncEvents();
        var idx = Number(rm.getAttribute('data-remove'));
        var type = app.events[idx].type;
        app.events.splice(idx, 1);
        renderEvents('ev-type-' + type);
        app.schedule(0);
      }
    });
  }

  return {
    buildForm: buildForm,
    readProfile: readProfile,
    clearForm: clearForm,
    fillForm: fillForm,
    ensureCityOption: ensureCityOption,
    options: options,
    captureInput: captureInput,
    applyInput: applyInput,
    inputKey: inputKey,
    fillSamples: fillSamples,
    showProblems: showProblems,
    labelForElement: labelForElement,
    fieldLabel: fieldLabel,
    fieldTarget: fieldTarget,
    wireForm: wireForm,
  };
}
