// The screening page (web/batch.html, docs/screening.md): a 培育库 sheet read in this browser
// (CSV; GBK detected with TextDecoder), screened by the engine in a Web Worker a chunk at a time
// (web/batch-worker.js, the same code as `srdi screen`), shown as a filterable, sortable table
// paged so that 100,000 firms stay fast, and exported as CSV. Nothing is stored or sent.
(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var CLASSES = ['重点推荐', '重点提升', '重点关注', '待补充', '依读法而定', '数据有误'];
  var PAGE = 200;
  var CALCULATOR = 'index.html';  // the build names it srdi-offline.html in the single file
  var worker = null, text = '', fileName = '', head = null, rows = [], view = [], page = 0, sort = null, t0 = 0;
  // Columns mapped by hand (column index -> field, '' for none); remembered for this header row
  // in this browser only if the officer ticks the box.
  var overrides = {}, MAP_KEY = 'srdi.batch.mapping:';
  function headerKey() { return MAP_KEY + text.split(/\r?\n/, 1)[0]; }
  function saveMapping() {
    try {
      if ($('remember-mapping').checked && text) window.localStorage.setItem(headerKey(), JSON.stringify(overrides));
      else if (text) window.localStorage.removeItem(headerKey());
    } catch (e) { /* storage may be off */ }
  }

  function esc(s) { return String(s == null ? '' : s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function todayIso() { var d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); }
  function status(msg) { $('status').textContent = msg; }

  // A fresh worker per run: cancelling is terminating it.
  var xlsxPending = null;  // an .xlsx being read in the worker: {loaded}
  function startWorker() {
    if (worker) worker.terminate();
    var url = URL.createObjectURL(new Blob([window.SRDI_WORKER_SOURCE], { type: 'text/javascript' }));
    worker = new Worker(url);
    URL.revokeObjectURL(url);
    worker.onmessage = onMessage;
    return worker;
  }

  function loadTiers() {
    startWorker().postMessage({ type: 'tiers', as_of: $('as-of').value });
  }

  function onMessage(e) {
    var m = e.data;
    if (m.type === 'tiers') {
      var keep = $('rung').value;
      $('rung').innerHTML = m.tiers.map(function (t) { return '<option value="' + esc(t.id) + '">' + esc(t.title) + '</option>'; }).join('');
      var srdi = m.tiers.filter(function (t) { return t.tier === 'srdi'; })[0];
      if (m.tiers.some(function (t) { return t.id === keep; })) $('rung').value = keep;
      else if (srdi) $('rung').value = srdi.id;
      document.documentElement.setAttribute('data-state', 'ready');
    } else if (m.type === 'csv' && xlsxPending) {
      var pending = xlsxPending;
      xlsxPending = null;
      pending.loaded(m.text, 'Excel');
    } else if (m.type === 'xlsx-error' && xlsxPending) {
      xlsxPending = null;
      status('无法读取该 Excel 文件（' + m.message + '）：可在 Excel 中另存为 CSV 后再试。');
      $('file').value = '';
    } else if (m.type === 'template') {
      if (m.format === 'csv') download('培育库模板.csv', '\uFEFF' + m.text);
      else templateXlsx(m.text, m.schema);
    } else if (m.type === 'profile') {
      // The calculator in a new tab, the firm's figures in the fragment (never sent anywhere).
      var w = window.open(CALCULATOR + '?as_of=' + encodeURIComponent(m.as_of) + '#profile=' + encodeURIComponent(m.text), '_blank');
      if (!w) status('浏览器阻止了新窗口：请允许本页面打开新窗口后再试。');
    } else if (m.type === 'head') {
      head = m.head;
      showMapping();
    } else if (m.type === 'rows') {
      for (var i = 0; i < m.rows.length; i++) rows.push(m.rows[i]);
      var rate = m.seconds > 0 ? Math.round(rows.length / m.seconds) : 0;
      $('progress').value = m.size ? m.offset / m.size : 0;
      status('已处理 ' + rows.length + ' 家企业（每秒约 ' + rate + ' 家）' + (m.done ? '，完成。' : '……'));
      document.documentElement.setAttribute('data-rows-per-second', String(rate));
      if (m.done) finish(m.seconds);
      else if (rows.length <= PAGE || rows.length % (PAGE * 10) < m.rows.length) showResults();
    } else if (m.type === 'error') {
      busy(false);
      status('无法筛选：' + m.errors.map(function (x) { return x.message; }).join('；'));
    }
  }

  function busy(on) {
    $('run').disabled = on || !text;
    $('cancel').disabled = !on;
    $('progress').hidden = !on;
    document.documentElement.setAttribute('data-state', on ? 'running' : 'ready');
  }

  function nearText() {
    var pick = function (id, key, unit) { var v = $(id).value.trim(); return v ? key + '=' + v + (unit || '') : ''; };
    return [pick('near-money', 'money_share', '%'), pick('near-count', 'count'), pick('near-pp', 'percent_points'), pick('near-points', 'points')]
      .filter(Boolean).join(',');
  }

  function run() {
    rows = [];
    head = null;
    page = 0;
    sort = null;
    t0 = performance.now();
    busy(true);
    status('正在筛选……');
    startWorker().postMessage({ type: 'run', text: text, options: { as_of: $('as-of').value, rung: $('rung').value, near: nearText(), mapping: overrides } });
  }

  function cancel() {
    if (worker) worker.terminate();
    worker = null;
    busy(false);
    status('已取消：已处理 ' + rows.length + ' 家，结果不完整。可修改设置后重新筛选。');
    showResults();
    loadTiers();
  }

  function finish(seconds) {
    busy(false);
    var bad = rows.filter(function (r) { return r.problems.length; }).length;
    status('完成：' + rows.length + ' 家企业，用时 ' + seconds.toFixed(1) + ' 秒' + (bad ? '；' + bad + ' 行数据有误（已列出，未删除）' : '') + '。');
    document.documentElement.setAttribute('data-state', 'done');
    document.documentElement.setAttribute('data-seconds', (( performance.now() - t0) / 1000).toFixed(2));
    $('export-errors').hidden = !bad;
    showResults();
  }

  // ---------------------------------------------------------------- the sheet's columns

  function showMapping() {
    var used = head.columns.filter(function (c) { return c.field; });
    var h = '<p>识别了 ' + used.length + ' / ' + head.columns.length + ' 列；筛选层级：' + esc(head.rung_title) + '；' + esc(head.near) + '。</p>';
    var unknown = head.columns.length - used.length;
    h += '<details' + (unknown ? ' open' : '') + '><summary>逐列对照（' + head.columns.length + ' 列' + (unknown ? '，' + unknown + ' 列未识别' : '') + '）</summary>';
    // Each menu starts with its own choice only; the full list (a hundred fields) is filled in
    // when the menu is focused or pressed: seventy full menus held the main thread for most of a
    // second (and filling them in the background slowed the whole run by a third).
    var label = {};
    head.fields.forEach(function (f) { label[f[0]] = f[1]; });
    var own = function (field) { return field ? '<option value="' + esc(field) + '">' + esc(label[field] || field) + '</option>' : '<option value="">（不使用，原样保留）</option>'; };
    h += '<table class="mapping"><thead><tr><th scope="col">表格中的列</th><th scope="col">对应为（可修改）</th></tr></thead><tbody>' +
      head.columns.map(function (c, i) {
        return '<tr data-field="' + esc(c.field) + '"><td><label for="map-' + i + '">' + esc(c.header) + '</label></td><td><select id="map-' + i + '" data-col="' + i + '">' + own(c.field) + '</select>' +
          (c.field ? '' : ' <span class="muted">未识别</span>') + (overrides[i] != null ? ' <span class="label">已手动指定</span>' : '') + '</td></tr>';
      }).join('') + '</tbody></table></details>';
    if (head.uncovered.length) {
      h += '<p class="notice">表中没有以下列，每家企业的这些项都按“未填写”处理，相关结论可能为“待定”：' + esc(head.uncovered.join('、')) + '</p>';
    }
    $('mapping').innerHTML = h;
    $('mapping-card').hidden = false;
  }

  // The full list of fields in one column's menu, keeping its choice.
  function fillMenu(sel) {
    if (!sel || sel.getAttribute('data-full') || !head) return;
    var keep = sel.value;
    var frag = document.createDocumentFragment();
    [['', '（不使用，原样保留）']].concat(head.fields).forEach(function (f) {
      var o = document.createElement('option');
      o.value = f[0];
      o.textContent = f[1];
      frag.appendChild(o);
    });
    sel.textContent = '';
    sel.appendChild(frag);
    sel.value = keep;
    sel.setAttribute('data-full', '1');
  }

  // ---------------------------------------------------------------- results

  function classOf(r) { return r.class; }

  function showResults() {
    if (!head) return;
    $('results-card').hidden = false;
    var counts = {};
    rows.forEach(function (r) { counts[r.class] = (counts[r.class] || 0) + 1; });
    $('counts').innerHTML = CLASSES.filter(function (c) { return counts[c]; }).map(function (c) {
      return '<span class="count" data-class="' + esc(c) + '"><strong>' + counts[c] + '</strong> ' + esc(c) + '</span>';
    }).join('');
    var keep = $('filter').value;
    $('filter').innerHTML = '<option value="">全部（' + rows.length + '）</option>' + CLASSES.filter(function (c) { return counts[c]; }).map(function (c) {
      return '<option value="' + esc(c) + '">' + esc(c) + '（' + counts[c] + '）</option>';
    }).join('');
    $('filter').value = keep && counts[keep] ? keep : '';
    nearChart();
    refreshView();
  }

  // How far the 重点提升 firms are: how many lack one, two or three conditions.
  function nearChart() {
    var buckets = [0, 0, 0];
    var gapCol = head.added_headers.indexOf('主要差距');
    rows.forEach(function (r) {
      if (r.class !== '重点提升') return;
      var n = r.added[gapCol] ? r.added[gapCol].split('；').length : 0;
      buckets[Math.min(Math.max(n, 1), 3) - 1] += 1;
    });
    var total = buckets[0] + buckets[1] + buckets[2];
    if (!total) { $('near-chart').innerHTML = ''; return; }
    var labels = ['差 1 项', '差 2 项', '差 3 项及以上'];
    $('near-chart').innerHTML = '<p>重点提升的企业离达标还差几项：</p>' + buckets.map(function (b, i) {
      return '<div class="bar-row"><span class="bar-label">' + labels[i] + '</span><span class="bar" data-width="' + Math.round(100 * b / total) + '"></span><span class="bar-n">' + b + '</span></div>';
    }).join('');
    // Widths set through the CSSOM: the page's CSP allows no inline style attribute.
    Array.prototype.forEach.call($('near-chart').querySelectorAll('.bar'), function (el) { el.style.width = el.getAttribute('data-width') + '%'; });
  }

  // Export order: the sheet's columns as they were, then the added ones. On screen the firm's name
  // (the first column) comes first, then what the screening says, then the rest of the sheet.
  function headers() { return head.columns.map(function (c) { return c.header; }).concat(head.added_headers); }
  function cellsOf(r) { return r.cells.concat(r.added); }
  function screenOrder() {
    var n = head.columns.length, added = head.added_headers.length, order = [0];
    var cls = head.added_headers.indexOf('分类（' + head.rung_title + '）');
    [cls, cls + 1, cls + 2].forEach(function (i) { order.push(n + i); });  // 分类, 主要差距, 需补充
    for (var i = 0; i < added; i++) if (order.indexOf(n + i) < 0) order.push(n + i);
    for (var j = 1; j < n; j++) order.push(j);
    return order;
  }

  function refreshView() {
    var f = $('filter').value;
    view = rows.filter(function (r) { return !f || classOf(r) === f; });
    if (sort) {
      var col = sort.col, dir = sort.dir;
      var numeric = view.every(function (r) { var v = cellsOf(r)[col]; return v === '' || v == null || !isNaN(Number(String(v).replace(/,/g, ''))); });
      view.sort(function (a, b) {
        var x = cellsOf(a)[col] || '', y = cellsOf(b)[col] || '';
        if (numeric) { x = x === '' ? -Infinity : Number(String(x).replace(/,/g, '')); y = y === '' ? -Infinity : Number(String(y).replace(/,/g, '')); return (x - y) * dir; }
        return String(x).localeCompare(String(y), 'zh-CN') * dir;
      });
    }
    page = Math.min(page, Math.max(0, Math.ceil(view.length / PAGE) - 1));
    drawPage();
  }

  var drawGeneration = 0;
  var DRAW_STEP = 10;
  function drawPage() {
    var hs = headers(), order = screenOrder();
    $('results').querySelector('thead').innerHTML = '<tr><th scope="col">行</th>' + order.map(function (i) {
      var mark = sort && sort.col === i ? (sort.dir > 0 ? ' ▲' : ' ▼') : '';
      return '<th scope="col"><button type="button" class="link sort" data-col="' + i + '">' + esc(hs[i]) + mark + '</button></th>';
    }).join('') + '</tr>';
    var slice = view.slice(page * PAGE, (page + 1) * PAGE);
    var rowHtml = function (r) {
      var bad = {}, cells = cellsOf(r);
      r.problems.forEach(function (p) { bad[p.column] = p.message; });
      return '<tr data-row="' + r.row + '" data-class="' + esc(r.class) + '"><th scope="row">' + r.row +
        ' <button type="button" class="link open-firm" data-row="' + r.row + '" title="在单家企业自测中查看完整依据">详情</button></th>' + order.map(function (i) {
        return '<td data-col="' + i + '"' + (bad[i] ? ' class="bad" title="' + esc(bad[i]) + '"' : '') + '>' + esc(cells[i]) + '</td>';
      }).join('') + '</tr>';
    };
    // A page of 200 wide rows drawn at once held the main thread for a quarter of a second: the
    // first rows now, the rest a few at a time; data-drawn says when the page is complete.
    var body = $('results').querySelector('tbody');
    var drawing = ++drawGeneration;
    body.innerHTML = slice.slice(0, DRAW_STEP).map(rowHtml).join('');
    var next = DRAW_STEP;
    var more = function () {
      if (drawing !== drawGeneration) return;
      if (next >= slice.length) { $('results').setAttribute('data-drawn', 'full'); return; }
      body.insertAdjacentHTML('beforeend', slice.slice(next, next + DRAW_STEP).map(rowHtml).join(''));
      next += DRAW_STEP;
      setTimeout(more, 0);
    };
    $('results').setAttribute('data-drawn', 'partial');
    more();
    var pages = Math.max(1, Math.ceil(view.length / PAGE));
    $('page-info').textContent = '第 ' + (page + 1) + ' / ' + pages + ' 页（' + view.length + ' 家）';
    $('prev').disabled = page === 0;
    $('next').disabled = page >= pages - 1;
  }

  // ---------------------------------------------------------------- files

  function csvCell(s) { s = String(s == null ? '' : s); return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function download(name, content) { downloadBlob(name, new Blob([content], { type: 'text/csv;charset=utf-8' })); }
  function resultsCsv() {
    var lines = [headers().map(csvCell).join(',')].concat(rows.map(function (r) { return cellsOf(r).map(csvCell).join(','); }));
    return lines.join('\r\n') + '\r\n';
  }
  function exportResults() {
    download(fileName.replace(/\.[^.]*$/, '') + '-筛选结果.csv', '\uFEFF' + resultsCsv());
  }

  // GBK, for an older Excel or a system that reads only GBK. Browsers decode GBK but do not encode
  // it, so the table is built once from the browser's own decoder: every two-byte code, each
  // followed by a newline so that an unmapped pair cannot run into the next one.
  var gbkTable = null;
  function gbkEncoder() {
    if (gbkTable) return gbkTable;
    var pairs = [];
    var bytes = [];
    for (var lead = 0x81; lead <= 0xfe; lead++) {
      for (var trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        pairs.push([lead, trail]);
        bytes.push(lead, trail, 0x0a);
      }
    }
    var decoded = new TextDecoder('gbk').decode(new Uint8Array(bytes)).split('\n');
    gbkTable = new Map();
    pairs.forEach(function (pair, i) {
      var ch = decoded[i];
      if (ch && ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, pair);
    });
    return gbkTable;
  }
  // {bytes, lost}: characters GBK cannot hold become "?" and are counted, never dropped silently.
  function encodeGbk(text) {
    var table = gbkEncoder();
    var out = new Uint8Array(text.length * 2);
    var n = 0;
    var lost = 0;
    for (var i = 0; i < text.length; i++) {
      var code = text.charCodeAt(i);
      if (code < 0x80) { out[n++] = code; continue; }
      var ch = text[i];
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) { ch = text.slice(i, i + 2); i++; }
      var pair = table.get(ch);
      if (pair) { out[n++] = pair[0]; out[n++] = pair[1]; } else { out[n++] = 0x3f; lost++; }
    }
    return { bytes: out.slice(0, n), lost: lost };
  }
  function exportResultsGbk() {
    var encoded = encodeGbk(resultsCsv());
    downloadBlob(fileName.replace(/\.[^.]*$/, '') + '-筛选结果-GBK.csv', new Blob([encoded.bytes], { type: 'text/csv;charset=gbk' }));
    status(encoded.lost ? '已导出 GBK 编码的 CSV；其中 ' + encoded.lost + ' 个字符 GBK 无法表示，已替换为“?”（需要保留时请导出 Excel 或 UTF-8 的 CSV）。'
      : '已导出 GBK 编码的 CSV。');
  }
  function exportErrors() {
    var lines = ['行,列,问题'];
    rows.forEach(function (r) {
      r.problems.forEach(function (p) { lines.push([r.row, head.columns[p.column] ? head.columns[p.column].header : '', p.message].map(csvCell).join(',')); });
    });
    download(fileName.replace(/\.[^.]*$/, '') + '-数据问题.csv', '\uFEFF' + lines.join('\r\n') + '\r\n');
  }

  // ---------------------------------------------------------------- Excel (web/batch-xlsx.js)

  function rowsToXlsx(rowsOfText) {
    return rowsOfText.map(function (r) { return r.map(function (v) { return v === '' || v == null ? null : { value: String(v), type: String }; }); });
  }
  function downloadBlob(name, blob) {
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }
  function exportXlsx() {
    var data = rowsToXlsx([headers()].concat(rows.map(cellsOf)));
    window.SRDI_XLSX.writeXlsxFile(data, { sheet: '筛选结果' }).toBlob().then(function (blob) {
      downloadBlob(fileName.replace(/\.[^.]*$/, '') + '-筛选结果.xlsx', blob);
    });
  }
  // The template: its columns and example row, and a second sheet saying what each column holds,
  // its unit, the values it takes and what a blank means. From the engine's schema, not retyped.
  var KIND_WORDS = { money: '金额（万元）', signed_money: '金额（万元，可为负数）', count: '整数', rank: '名次（整数）', int_range: '整数',
    percent: '百分数（如 12.5 表示 12.5%）', score: '分数', bool: '是 或 否', enum: '从列出的值中选一个', text: '文字' };
  function templateXlsx(csv, schema) {
    var lines = csv.trim().split(/\r\n/).map(function (l) { return l.split(','); });
    var byLabel = {};
    schema.fields.forEach(function (f) { byLabel[f.label] = f; });
    var explain = [['列名', '填写内容', '可填的值', '留空表示']];
    lines[0].forEach(function (h) {
      var f = byLabel[h.replace(/（万元）$|（%）$/, '')];
      var values = f && f.value_labels ? Object.keys(f.value_labels).map(function (k) { return f.value_labels[k]; }).join('、') : '';
      var what = f ? KIND_WORDS[f.kind] || '' : (/认定日期$/.test(h) ? '日期（如 2025-03-01）' : /级别$/.test(h) ? '国家级、省级或市级' : '');
      if (f && f.kind === 'int_range') values = f.min + ' 至 ' + f.max;
      explain.push([h, what, values, '未填写（未知），不按 0 或“否”计算；会改变结论的空白在结果的“需补充”中列出']);
    });
    window.SRDI_XLSX.writeXlsxFile([
      { sheet: '企业名单', data: rowsToXlsx(lines) },
      { sheet: '填写说明', data: rowsToXlsx(explain) },
    ]).toBlob().then(function (blob) { downloadBlob('培育库模板.xlsx', blob); });
  }

  // UTF-8 if the bytes are valid UTF-8, else GBK (what Excel in China writes).
  function decode(buffer) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(buffer), encoding: 'UTF-8' };
    } catch (e) {
      return { text: new TextDecoder('gbk').decode(buffer), encoding: 'GBK' };
    }
  }

  function onFile() {
    var file = $('file').files[0];
    if (!file) return;
    xlsxPending = null;  // an Excel file still being read is superseded by this one
    var isXlsx = /\.xlsx$/i.test(file.name);
    var loaded = function (content, encoding) {
      text = content;
      fileName = file.name;
      var remembered = null;
      try { remembered = window.localStorage.getItem(headerKey()); } catch (e) { remembered = null; }
      overrides = remembered ? JSON.parse(remembered) : {};
      $('remember-mapping').checked = !!remembered;
      $('file-name').textContent = file.name + '（' + encoding + '，' + Math.round(file.size / 1024) + ' KB）';
      $('run').disabled = false;
      status('已读取“' + file.name + '”，可以开始筛选。');
      $('file').value = '';
    };
    var reader = new FileReader();
    reader.onload = function () {
      if (!isXlsx) {
        var d = decode(reader.result);
        loaded(d.text, d.encoding);
        return;
      }
      // Read in the worker (web/batch-worker.js), off the main thread.
      var pending = xlsxPending = { loaded: loaded };  // a later file replaces it: this one's answer is then dropped
      status('正在读取 Excel 文件……');
      // Its own worker, so that a run or the rung list in progress is not cut short.
      var url = URL.createObjectURL(new Blob([window.SRDI_WORKER_SOURCE], { type: 'text/javascript' }));
      var xlsxWorker = new Worker(url);
      URL.revokeObjectURL(url);
      xlsxWorker.onmessage = function (e) {
        xlsxWorker.terminate();
        if (xlsxPending === pending) onMessage(e);
      };
      xlsxWorker.onerror = function (e) {
        xlsxWorker.terminate();
        if (xlsxPending !== pending) return;
        xlsxPending = null;
        status('无法读取该 Excel 文件（' + (e && e.message ? e.message : '读取程序出错') + '）：可在 Excel 中另存为 CSV 后再试。');
      };
      xlsxWorker.postMessage({ type: 'xlsx', buffer: reader.result }, [reader.result]);
    };
    reader.onerror = function () { status('无法读取该文件。'); };
    reader.readAsArrayBuffer(file);
  }

  function clearAll() {
    if (worker) worker.terminate();
    worker = null;
    // Everything, including any column mapping remembered in this browser.
    try {
      for (var k = window.localStorage.length - 1; k >= 0; k--) {
        var key = window.localStorage.key(k);
        if (key && key.indexOf(MAP_KEY) === 0) window.localStorage.removeItem(key);
      }
    } catch (e) { /* storage may be off */ }
    $('remember-mapping').checked = false;
    overrides = {};
    text = ''; fileName = ''; head = null; rows = []; view = []; sort = null; page = 0;
    $('file-name').textContent = '';
    $('mapping').innerHTML = '';
    $('mapping-card').hidden = true;
    $('results-card').hidden = true;
    $('results').querySelector('tbody').innerHTML = '';
    busy(false);
    $('run').disabled = true;
    status('已清除：表格和结果都已从本页面移除（本页面从未保存任何内容）。');
    loadTiers();
  }

  // ---------------------------------------------------------------- wiring

  $('as-of').value = todayIso();
  $('as-of').addEventListener('change', loadTiers);
  $('file').addEventListener('change', onFile);
  $('run').addEventListener('click', run);
  $('cancel').addEventListener('click', cancel);
  $('clear').addEventListener('click', clearAll);
  $('template').addEventListener('click', function () { (worker || startWorker()).postMessage({ type: 'template', format: 'xlsx' }); });
  $('template-csv').addEventListener('click', function () { (worker || startWorker()).postMessage({ type: 'template', format: 'csv' }); });
  $('export').addEventListener('click', exportResults);
  $('export-gbk').addEventListener('click', exportResultsGbk);
  $('export-xlsx').addEventListener('click', exportXlsx);
  $('export-errors').addEventListener('click', exportErrors);
  $('filter').addEventListener('change', function () { page = 0; refreshView(); });
  $('mapping').addEventListener('focusin', function (e) { fillMenu(e.target.closest('select[data-col]')); });
  $('mapping').addEventListener('pointerdown', function (e) { fillMenu(e.target.closest('select[data-col]')); });
  $('mapping').addEventListener('change', function (e) {
    var sel = e.target.closest('select[data-col]');
    if (!sel) return;
    overrides[sel.getAttribute('data-col')] = sel.value;
    saveMapping();
    status('已修改列的对应关系：点“开始筛选”按新的对应关系重新筛选。');
  });
  $('remember-mapping').addEventListener('change', saveMapping);
  $('prev').addEventListener('click', function () { page -= 1; drawPage(); });
  $('next').addEventListener('click', function () { page += 1; drawPage(); });
  $('results').addEventListener('click', function (e) {
    var open = e.target.closest('button.open-firm');
    if (open) {
      var n = Number(open.getAttribute('data-row'));
      var r = rows.filter(function (x) { return x.row === n; })[0];
      if (r) (worker || startWorker()).postMessage({ type: 'profile', headers: head.columns.map(function (c) { return c.header; }), cells: r.cells, as_of: $('as-of').value });
      return;
    }
    var b = e.target.closest('button.sort');
    if (!b) return;
    var col = Number(b.getAttribute('data-col'));
    sort = sort && sort.col === col ? { col: col, dir: -sort.dir } : { col: col, dir: 1 };
    refreshView();
  });
  loadTiers();
})();
