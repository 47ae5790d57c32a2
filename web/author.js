// The authoring view (index.html?author=1; docs/embedding.md, "The authoring view"): for the people
// who write a city's policy file, not for enterprises. Loaded by web/app/ only when the URL asks
// for it (never in a kiosk, never inlined into the one-file page). Everything happens in this
// browser: the files are read with FileReader and nothing is sent anywhere.
//
//   1. choose a draft policy file (.json), its source text (.txt, UTF-8 or GBK) and, optionally,
//      a golden-case file;
//   2. the checker's errors and warnings (SRDI.checkPolicy), each with where it is;
//   3. if the draft loads, the calculator below pays by it (SRDI.loadPolicy); 卸载草稿 goes back
//      to the bundled policies, keeping what was typed in the form;
//   4. the measures beside the source text, every excerpt marked where it is found;
//   5. the sample firms in the draft's city, measure by measure, and the golden cases.
//
// File content reaches the page only as text nodes (never innerHTML).
(function () {
  'use strict';

  // A DOM element: el('p', {class: 'x', 'data-y': 1}, 'text', child, …). Text stays text.
  function el(tag, attrs) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] == null || attrs[k] === false) return;
      if (k === 'text') e.textContent = attrs[k];
      else e.setAttribute(k, attrs[k] === true ? '' : String(attrs[k]));
    });
    for (var i = 2; i < arguments.length; i++) {
      var c = arguments[i];
      if (c == null || c === false) continue;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }

  // Reads a chosen file's bytes.
  function readBytes(file) {
    return new Promise(function (resolve, reject) {
      var r = new FileReader();
      r.onload = function () { resolve(new Uint8Array(r.result)); };
      r.onerror = function () { reject(r.error || new Error('read failed')); };
      r.readAsArrayBuffer(file);
    });
  }
  // UTF-8 if the bytes are valid UTF-8; else (a source text saved on a Chinese Windows) GBK.
  function decodeText(bytes, allowGbk) {
    try { return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes), encoding: 'UTF-8' }; } catch (e) {
      if (!allowGbk) return null;
      try { return { text: new TextDecoder('gbk').decode(bytes), encoding: 'GBK' }; } catch (e2) { return null; }
    }
  }

  // A yuan amount in 万元 from 1万 up, else 元 (the policy file's plain decimal strings).
  function init(panel, api) {
    var yuanWords = api.money;  // amounts worded as the calculator words them (万元; yuan in English)
    var t = api.t;
    var state = {
      policy: null,    // {file, text, json (or null when it is not JSON)}
      source: null,    // {file, text, encoding}
      golden: null,    // {file, text}
      check: null,     // SRDI.checkPolicy's answer
      loaded: null,    // SRDI.loadPolicy's answer while the draft is loaded
      loadErrors: null,
      readError: '',
      engineMeasures: {},  // measure id -> the engine's measure entry (amount_words)
      current: -1,     // the measure last selected
    };
    var nodes = {};

    // ------------------------------------------------------------------ the panel's frame

    function fileField(id, label, hint, accept) {
      return el('div', { class: 'author-file' },
        el('label', { for: id }, label),
        el('input', { type: 'file', id: id, accept: accept, 'aria-describedby': id + '-hint' }),
        el('span', { class: 'hint', id: id + '-hint' }, hint));
    }

    function render() {
      panel.textContent = '';
      panel.setAttribute('aria-labelledby', 'author-h');
      panel.setAttribute('lang', api.lang() === 'en' ? 'en' : 'zh-CN');
      var unload = el('button', { type: 'button', id: 'author-unload', disabled: !state.loaded }, t('卸载草稿'));
      panel.appendChild(el('div', { class: 'author-inner' },
        el('h2', { id: 'author-h' }, t('政策文件编写视图')),
        el('p', { class: 'muted' }, t('供编写政策文件的人员使用：选择草稿、原文和黄金用例，检查草稿，并让下方的计算器按草稿计算。文件只在本浏览器中读取，不会发送到任何地方。')),
        el('div', { class: 'author-files' },
          fileField('author-policy', t('政策文件草稿（.json）'), t('必选'), '.json,application/json'),
          fileField('author-source', t('原文（.txt）'), t('UTF-8 或 GBK 编码'), '.txt,text/plain'),
          fileField('author-golden', t('黄金用例（.json）'), t('可选'), '.json,application/json'),
          el('div', { class: 'author-file author-actions' }, unload)),
        nodes.status = el('p', { id: 'author-status', class: 'status-line', role: 'status', 'aria-live': 'polite' }),
        nodes.check = el('div', { id: 'author-check' }),
        nodes.side = el('div', { id: 'author-side' }),
        nodes.samples = el('div', { id: 'author-samples' }),
        nodes.goldenOut = el('div', { id: 'author-golden-result' })));
      panel.querySelector('#author-policy').addEventListener('change', function (e) { choose(e.target, 'policy'); });
      panel.querySelector('#author-source').addEventListener('change', function (e) { choose(e.target, 'source'); });
      panel.querySelector('#author-golden').addEventListener('change', function (e) { choose(e.target, 'golden'); });
      unload.addEventListener('click', unloadDraft);
      update();
    }

    // ------------------------------------------------------------------ files in

    function choose(input, kind) {
      var file = input.files && input.files[0];
      if (!file) return;
      readBytes(file).then(function (bytes) {
        var decoded = decodeText(bytes, kind === 'source');
        if (!decoded) {
          state.readError = t('“{0}”不是 UTF-8 编码的文本，未读取。', file.name);
          update();
          return;
        }
        state.readError = '';
        if (kind === 'policy') {
          var json = null;
          try { json = JSON.parse(decoded.text); } catch (e) { json = null; }
          state.policy = { file: file.name, text: decoded.text, json: json && typeof json === 'object' ? json : null };
        } else if (kind === 'source') {
          state.source = { file: file.name, text: decoded.text, encoding: decoded.encoding };
        } else {
          state.golden = { file: file.name, text: decoded.text };
        }
        process(kind === 'policy');
      }, function () {
        state.readError = t('无法读取“{0}”。', file.name);
        update();
      });
    }

    function draftCity() {
      var j = state.policy && state.policy.json && state.policy.json.jurisdiction;
      return j && typeof j.id === 'string' ? j.id : null;
    }

    // Checks the draft and, if it has no errors, loads it into the engine.
    function process(policyChanged) {
      if (!state.policy) { update(); return; }
      state.check = JSON.parse(window.SRDI.checkPolicy(state.policy.text, {
        file: state.policy.file,
        source: state.source ? state.source.text : undefined,
        golden: state.golden ? state.golden.text : undefined,
      }));
      var wasLoaded = !!state.loaded;
      state.loaded = null;
      state.loadErrors = null;
      // Another draft replaces the one loaded before (of another id, it would otherwise be added).
      if (wasLoaded && policyChanged) {
        api.unload();
        wasLoaded = false;
      }
      if (state.check.ok) {
        var answer = JSON.parse(window.SRDI.loadPolicy(state.policy.text, state.policy.file));
        if (answer.ok) {
          state.loaded = answer;
          var p = state.policy.json || {};
          var source = state.source ? { policy: answer.policy.id, title: p.title || answer.policy.title, doc_no: p.doc_no || '',
            issuer: p.issuer || '', status: p.status || '', text: state.source.text } : null;
          // The calculator rebuilds its city list; the draft's city is selected when the draft
          // itself was (re)chosen, not when only its source or golden file was.
          api.loaded(answer, state.policy.file, source, policyChanged ? draftCity() : null);
        } else {
          state.loadErrors = answer.errors || [];
        }
      }
      if (!state.loaded && wasLoaded) api.unload();
      update();
    }

    function unloadDraft() {
      if (!state.loaded) return;
      state.loaded = null;
      api.unload();
      update();
      nodes.status.textContent = t('已卸载草稿：计算器按内置的政策计算，表单中填写的内容未改变。');
      var b = panel.querySelector('#author-unload');
      if (b) { b.disabled = true; }
      var first = panel.querySelector('#author-policy');
      if (first) first.focus();
    }

    // ------------------------------------------------------------------ what the panel shows

    function update() {
      nodes.status.textContent = statusText();
      var b = panel.querySelector('#author-unload');
      if (b) b.disabled = !state.loaded;
      renderCheck();
      renderSide();
      renderSamples();
      renderGolden();
    }

    function statusText() {
      if (state.readError) return state.readError;
      if (!state.policy) return t('请先选择政策文件草稿。');
      var parts = [t('政策文件：{0}', state.policy.file)];
      if (state.source) parts.push(t('原文：{0}（{1}）', state.source.file, state.source.encoding));
      if (state.golden) parts.push(t('黄金用例：{0}', state.golden.file));
      if (state.loaded) parts.push(t('草稿已加载，下方计算器按它计算（城市：{0}）。', draftCity() || '—'));
      else parts.push(t('草稿未加载，下方计算器按内置的政策计算。'));
      return parts.join(t('；'));
    }

    // Where a message points: the measure's id and title for a path under /measures/N, the JSON
    // path itself for the rest.
    function whereWords(path) {
      var m = /^\/measures\/(\d+)(\/.*)?$/.exec(path || '');
      var json = state.policy && state.policy.json;
      if (m && json && Array.isArray(json.measures) && json.measures[Number(m[1])]) {
        var ms = json.measures[Number(m[1])];
        return t('措施 {0}（{1}）', String(ms.id || ''), String(ms.title || '')) + ' ' + path;
      }
      return path ? path : t('整个文件');
    }

    function messageList(items, cls) {
      return el.apply(null, ['ul', { class: 'author-messages ' + cls }].concat(items.map(function (x) {
        return el('li', { 'data-code': x.code || '', 'data-path': x.path || '' },
          el('span', { class: 'author-where' }, whereWords(x.path)), t('：'), x.message || '',
          x.code ? el('span', { class: 'author-code' }, ' [' + x.code + ']') : null);
      })));
    }

    function renderCheck() {
      var box = nodes.check;
      box.textContent = '';
      if (!state.check) return;
      var c = state.check;
      var errors = (c.errors || []).concat(state.loadErrors || []);
      box.appendChild(el('h3', {}, t('检查结果')));
      box.appendChild(el('p', { class: errors.length ? 'author-verdict bad' : 'author-verdict ok' },
        errors.length ? t('有 {0} 个错误：草稿不能加载。', errors.length) : t('没有错误，可以加载；{0} 个提醒。', (c.warnings || []).length)));
      if (errors.length) {
        box.appendChild(el('h4', {}, t('错误')));
        box.appendChild(messageList(errors, 'errors'));
      }
      if ((c.warnings || []).length) {
        box.appendChild(el('h4', {}, t('提醒')));
        box.appendChild(messageList(c.warnings, 'warnings'));
      }
    }

    // Amount words from the policy file itself (the engine's own words when the draft is loaded).
    function amountWords(ms) {
      var eng = state.engineMeasures[ms.id];
      if (eng && eng.amount_words) return eng.amount_words;
      var a = ms.amount || {};
      switch (a.kind) {
        case 'fixed': return yuanWords(a.yuan);
        case 'up_to': return t('最高 {0}', yuanWords(a.yuan));
        case 'rate': return t('按 {0} 的 {1}', String(a.base || ''), String(a.rate || ''));
        case 'rate_cap': case 'rate_up_to': return t('按 {0} 的 {1}，最高 {2}', String(a.base || ''), String(a.rate || ''), yuanWords(a.cap));
        case 'benefit': return t('非资金支持：{0}', String(a.text || ''));
        case 'unquantified': return t('未载金额：{0}', String(a.reason || ''));
        default: return String(a.kind || '');
      }
    }

    // The excerpts found in the source: ranges in text order, each with the measures citing it.
    // The same excerpt cited twice is one mark; an excerpt inside another's mark shares that mark.
    function findExcerpts(measures, text) {
      var found = [];
      measures.forEach(function (ms, i) {
        var ex = ms && ms.citation && typeof ms.citation.excerpt === 'string' ? ms.citation.excerpt : '';
        var at = ex && text ? text.indexOf(ex) : -1;
        if (at >= 0) found.push({ start: at, end: at + ex.length, measures: [i] });
      });
      found.sort(function (a, b) { return a.start - b.start || b.end - a.end; });
      var ranges = [];
      found.forEach(function (f) {
        var last = ranges[ranges.length - 1];
        if (last && f.start < last.end) last.measures.push(f.measures[0]);
        else ranges.push(f);
      });
      var markOf = {};
      ranges.forEach(function (r, k) { r.measures.forEach(function (i) { markOf[i] = k; }); });
      return { ranges: ranges, markOf: markOf };
    }

    function select(i, from) {
      state.current = i;
      panel.querySelectorAll('.author-measure.current, .author-source mark.current').forEach(function (n) { n.classList.remove('current'); });
      var item = panel.querySelector('.author-measure[data-index="' + i + '"]');
      var mark = panel.querySelector('.author-source mark[data-measures~="' + i + '"]');
      if (item) item.classList.add('current');
      if (mark) mark.classList.add('current');
      var target = from === 'mark' ? item : from === 'measure' ? mark : null;
      if (target) target.scrollIntoView({ block: 'nearest' });
    }

    function renderSide() {
      var box = nodes.side;
      box.textContent = '';
      var json = state.policy && state.policy.json;
      if (!json || !Array.isArray(json.measures)) return;
      var measures = json.measures;
      var text = state.source ? state.source.text : '';
      var ex = findExcerpts(measures, text);
      box.appendChild(el('h3', {}, t('措施与原文对照')));
      var missing = measures.filter(function (ms, i) { return text && ex.markOf[i] == null; }).length;
      box.appendChild(el('p', { class: 'muted' }, !text ? t('选择原文后，每条措施的摘录会在原文中标出。')
        : t('{0} 条措施，{1} 处摘录在原文中标出，{2} 条措施的摘录在原文中找不到。', measures.length, ex.ranges.length, missing)));
      var list = el('ol', { class: 'author-measures' });
      measures.forEach(function (ms, i) {
        ms = ms || {};
        var excerpt = ms.citation && typeof ms.citation.excerpt === 'string' ? ms.citation.excerpt : '';
        var notFound = text && ex.markOf[i] == null;
        var go = el('button', { type: 'button', class: 'link author-go', 'data-index': i, disabled: ex.markOf[i] == null },
          String(ms.id || ''), ' ', String(ms.title || ''));
        list.appendChild(el('li', { class: 'author-measure' + (notFound ? ' author-missing' : ''), 'data-index': i, 'data-measure': String(ms.id || '') },
          el('p', { class: 'author-measure-head' }, go),
          el('p', { class: 'author-amount' }, t('金额：'), amountWords(ms)),
          el('blockquote', {}, excerpt),
          notFound ? el('p', { class: 'author-flag' }, t('原文中找不到摘录')) : null));
      });
      list.addEventListener('click', function (e) {
        var b = e.target.closest('.author-go');
        if (b && !b.disabled) select(Number(b.getAttribute('data-index')), 'measure');
      });
      var src = el('div', { class: 'author-source', tabindex: '0', role: 'region', 'aria-label': t('原文') });
      if (!text) src.appendChild(el('p', { class: 'muted' }, t('未选择原文。')));
      var at = 0;
      ex.ranges.forEach(function (r, k) {
        src.appendChild(document.createTextNode(text.slice(at, r.start)));
        var ids = r.measures.map(function (i) { return String((measures[i] || {}).id || ''); }).join(' ');
        src.appendChild(el('mark', { 'data-mark': k, 'data-measures': r.measures.join(' '), tabindex: '0', title: ids }, text.slice(r.start, r.end)));
        at = r.end;
      });
      if (text) src.appendChild(document.createTextNode(text.slice(at)));
      var fromMark = function (e) {
        var m = e.target.closest('mark[data-measures]');
        if (!m) return;
        if (e.type === 'keydown' && e.key !== 'Enter' && e.key !== ' ') return;
        if (e.type === 'keydown') e.preventDefault();
        select(Number(m.getAttribute('data-measures').split(' ')[0]), 'mark');
      };
      src.addEventListener('click', fromMark);
      src.addEventListener('keydown', fromMark);
      box.appendChild(el('div', { class: 'author-columns' },
        el('div', { class: 'author-col' }, el('h4', {}, t('措施（政策文件）')), list),
        el('div', { class: 'author-col' }, el('h4', {}, t('原文')), src)));
      if (state.current >= 0) select(state.current, null);
    }

    function reachWords(r) {
      switch (r) {
        case 'listed': return t('已计入');
        case 'potential': return t('获得认定后可申请（本次符合）');
        case 'next_rung': return t('达到相应层级并获得认定后可申请');
        case 'condition_not_met': return t('条件未满足');
        case 'on_event': return t('未发生该事项');
        case 'not_paid': return t('不适用');
        case 'other_applicant': return t('由其他主体申请');
        default: return String(r || '');
      }
    }
    function lineWords(l) {
      var a = l.amount || {};
      var amount = a.certain && a.up_to ? t('{0}–{1}', yuanWords(a.certain), yuanWords(a.up_to))
        : a.certain ? yuanWords(a.certain) : a.up_to ? t('最高 {0}', yuanWords(a.up_to)) : a.tax_credit ? t('抵免 {0}', yuanWords(a.tax_credit))
          : l.kind === 'benefit' ? t('非资金支持') : t('金额未定');
      var state = l.state === 'undetermined' ? t('（待定）') : l.state === 'superseded' ? t('（不叠加）') : '';
      return amount + state;
    }

    // The calculator's sample firms, each moved to the draft's city, at the page's evaluation date:
    // what the draft gives each of them, measure by measure.
    function renderSamples() {
      var box = nodes.samples;
      box.textContent = '';
      state.engineMeasures = {};
      var json = state.policy && state.policy.json;
      if (!state.loaded || !json || !Array.isArray(json.measures)) return;
      var city = draftCity();
      var opts = api.evalOptions();
      var id = state.loaded.policy.id;
      var columns = api.samples.map(function (s) {
        var profile = JSON.parse(s.text);
        profile.city = city;
        var r = JSON.parse(window.SRDI.evaluate(JSON.stringify(profile), JSON.stringify(opts)));
        var doc = r.errors ? null : r.awards.documents.filter(function (d) { return d.policy === id; })[0];
        if (doc) (doc.measures || []).forEach(function (m) { if (!state.engineMeasures[m.measure]) state.engineMeasures[m.measure] = m; });
        return { sample: s, doc: doc, errors: r.errors || null };
      });
      box.appendChild(el('h3', {}, t('示例企业试算')));
      box.appendChild(el('p', { class: 'muted' }, t('计算器的 {0} 家示例企业，城市改为“{1}”，评估日期 {2}：每条措施对每家企业的结果。', api.samples.length, city || '—', opts.as_of)));
      var head = el('tr', {}, el('th', { scope: 'col' }, t('措施')));
      columns.forEach(function (c) { head.appendChild(el('th', { scope: 'col', 'data-firm': c.sample.id }, c.sample.label)); });
      var body = el('tbody');
      var fired = 0;
      json.measures.forEach(function (ms) {
        ms = ms || {};
        var row = el('tr', { 'data-measure': String(ms.id || '') }, el('th', { scope: 'row' }, String(ms.id || ''), el('br'), String(ms.title || '')));
        columns.forEach(function (c) {
          var cell;
          if (!c.doc) {
            cell = el('td', { 'data-firm': c.sample.id, 'data-state': 'none' }, c.errors ? t('计算出错：{0}', c.errors[0].message) : t('草稿文件未参与计算'));
          } else {
            var lines = c.doc.lines.concat(c.doc.benefits || []).filter(function (l) { return l.measure === ms.id; });
            var entry = (c.doc.measures || []).filter(function (m) { return m.measure === ms.id; })[0];
            if (lines.length) {
              var pays = lines.some(function (l) { return l.state === 'applies'; });
              if (pays) fired += 1;
              cell = el('td', { 'data-firm': c.sample.id, 'data-state': pays ? 'applies' : lines[0].state, class: pays ? 'author-fires' : '' },
                lines.map(lineWords).join(t('；')));
            } else {
              cell = el('td', { 'data-firm': c.sample.id, 'data-state': entry ? entry.reach : 'none' }, entry ? reachWords(entry.reach) : '—');
            }
          }
          row.appendChild(cell);
        });
        body.appendChild(row);
      });
      box.appendChild(el('div', { class: 'author-table-wrap', tabindex: '0', role: 'region', 'aria-label': t('示例企业试算') },
        el('table', { class: 'author-samples' }, el('thead', {}, head), body)));
      box.appendChild(el('p', { class: 'muted', id: 'author-fired', 'data-fired': fired }, t('共有 {0} 处措施对示例企业产生奖补。', fired)));
      // The amount words now come from the engine: the measure column follows.
      if (Object.keys(state.engineMeasures).length) {
        panel.querySelectorAll('.author-measure').forEach(function (li) {
          var ms = json.measures[Number(li.getAttribute('data-index'))] || {};
          var p = li.querySelector('.author-amount');
          if (p) { p.textContent = ''; p.appendChild(document.createTextNode(t('金额：') + amountWords(ms))); }
        });
      }
    }

    function renderGolden() {
      var box = nodes.goldenOut;
      box.textContent = '';
      if (!state.golden) return;
      box.appendChild(el('h3', {}, t('黄金用例')));
      if (!state.loaded) { box.appendChild(el('p', { class: 'muted' }, t('草稿加载后才运行黄金用例。'))); return; }
      var r = JSON.parse(window.SRDI.testPolicy(state.golden.text));
      if (r.errors) {
        box.appendChild(el('p', { class: 'author-verdict bad' }, t('黄金用例文件有错误：')));
        box.appendChild(messageList(r.errors, 'errors'));
        return;
      }
      // ok: every case passed and there was at least one; a failure without a case is the file's own.
      box.appendChild(el('p', { class: r.ok ? 'author-verdict ok' : 'author-verdict bad', 'data-cases': r.cases, 'data-failed': r.failed },
        t('{0} 个用例，{1} 个未通过。', r.cases, r.failed)));
      if (r.failures && r.failures.length) {
        box.appendChild(el.apply(null, ['ul', { class: 'author-messages errors' }].concat(r.failures.map(function (f) {
          return el('li', {}, el('span', { class: 'author-where' }, String(f['case'] || t('（文件本身）'))), t('：'), String(f.message || ''));
        }))));
      }
    }

    // The sample firms follow the calculator's evaluation date and criteria version.
    document.addEventListener('change', function (e) {
      var id = e.target && e.target.id;
      if ((id === 'opt-as-of' || id === 'opt-criteria') && state.loaded) update();
    });

    render();
    return { render: render };
  }

  window.SRDI_AUTHOR = { init: init };
})();
