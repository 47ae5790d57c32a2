// The self-check page: builds the form from SRDI.schema() and web/form.js, turns what is typed
// into a profile (docs/profile.md), evaluates it on every change through window.SRDI, and
// renders the one result structure (docs/output-format.md). No network, no storage unless the
// user opts in.
(function () {
  'use strict';

  var FORM = window.SRDI_FORM;
  var DATA = window.SRDI_DATA || { samples: [], sources: [] };
  var STORAGE_KEY = 'srdi.saved-profile';

  // The screening page beside this one (the build names it srdi-batch.html in the single files).
  var BATCH_PAGE = 'batch.html';

  // ---------------------------------------------------------------- policy files loaded at run time

  // The engine is one per page: a policy file loaded into it (a portal's own file named in the
  // `policy` option, or a draft in the authoring view) serves every calculator on the page. What
  // was loaded, by policy id: {file, sha256, origin: 'portal'|'draft', source: null | the source
  // text the author chose}. A loaded policy never opens the bundled text of a policy of the same id.
  var LOADED = {};
  var PORTAL_TEXTS = [];  // [{file, text}] of the portal's files, loaded again after a draft is unloaded
  var POLICY_MAX_BYTES = 2 * 1024 * 1024;
  // The one-file page (srdi-offline.html): build_web.js marks its <html>.
  var SINGLE_FILE = document.documentElement.hasAttribute('data-srdi-single-file');

  function noteLoaded(answer, file, origin, source) {
    var p = answer.policy || {};
    if (p.id) LOADED[p.id] = { id: p.id, file: file, sha256: p.sha256 || '', title: p.title || '', origin: origin, source: source || null };
  }
  function forgetLoaded() { LOADED = {}; }
  // After SRDI.unloadPolicies(): the portal's own files are loaded again (they were loaded before
  // the draft, so a draft of the same id had replaced them).
  function reloadPortalFiles() {
    PORTAL_TEXTS.forEach(function (f) {
      var answer = JSON.parse(window.SRDI.loadPolicy(f.text, f.file));
      if (answer.ok) noteLoaded(answer, f.file, 'portal', null);
    });
  }

  // The file name a policy is known by: the last segment of the URL's path.
  function fileNameOf(url) {
    var last = url.pathname.split('/').pop() || 'policy.json';
    try { return decodeURIComponent(last); } catch (e) { return last; }
  }
  // Reads a response body, refusing it once it passes `max` bytes.
  function readLimited(res, max) {
    var declared = Number(res.headers.get('content-length'));
    if (declared > max) return Promise.reject(new Error('too_large'));
    if (!res.body || !res.body.getReader) {
      return res.arrayBuffer().then(function (b) { if (b.byteLength > max) throw new Error('too_large'); return new Uint8Array(b); });
    }
    var reader = res.body.getReader(), chunks = [], size = 0;
    var pump = function () {
      return reader.read().then(function (r) {
        if (r.done) {
          var out = new Uint8Array(size), at = 0;
          chunks.forEach(function (c) { out.set(c, at); at += c.length; });
          return out;
        }
        size += r.value.length;
        if (size > max) { reader.cancel(); throw new Error('too_large'); }
        chunks.push(r.value);
        return pump();
      });
    };
    return pump();
  }
  // The portal's own policy files (option `policy`: same-origin URLs), fetched one after another
  // and loaded into the engine before the form is built. Resolves (never rejects) to the notices
  // to show: [{file, ok, title, errors: [text]}]. A URL of another origin is refused without any
  // request; so is everything on the one-file page and on a page opened from a file.
  // `fromUrl`: named in the page's own address, which anyone can link to; such a file must sit in
  // the page's folder or below it (where docs/authoring.md deploys it), not anywhere on the site.
  function loadPortalPolicies(urls, fromUrl) {
    var notices = [];
    if (!urls || !urls.length) return Promise.resolve(notices);
    if (SINGLE_FILE || window.location.protocol === 'file:') {
      console.warn('[srdi] option policy ignored: ' + (SINGLE_FILE ? 'the one-file page' : 'a page opened from a file') + ' cannot load policy files');
      notices.push({ file: urls.join(', '), ok: false, errors: [], kind: SINGLE_FILE ? 'single_file' : 'file_page' });
      return Promise.resolve(notices);
    }
    var chain = Promise.resolve();
    urls.forEach(function (raw) {
      chain = chain.then(function () {
        var url = null;
        try { url = new URL(raw, document.baseURI); } catch (e) { url = null; }
        if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
          console.warn('[srdi] policy file ' + JSON.stringify(raw) + ' refused: not an http(s) address');
          notices.push({ file: raw, ok: false, errors: [{ code: 'bad_url' }] });
          return null;
        }
        var file = fileNameOf(url);
        if (url.origin !== window.location.origin) {
          console.warn('[srdi] policy file ' + url.href + ' refused: not of this page\'s origin (' + window.location.origin + '); nothing was requested');
          notices.push({ file: file, ok: false, errors: [{ code: 'other_origin', arg: url.origin }] });
          return null;
        }
        var folder = window.location.pathname.replace(/[^/]*$/, '');
        if (fromUrl && (url.pathname.indexOf(folder) !== 0 || !/\.json$/i.test(url.pathname) || url.search)) {
          console.warn('[srdi] policy file ' + url.href + ' refused: a policy named in the address must be a .json file in ' + folder + ' or below; nothing was requested');
          notices.push({ file: file, ok: false, errors: [{ code: 'outside_folder' }] });
          return null;
        }
        return fetch(url.href, { method: 'GET', credentials: 'same-origin', redirect: 'error' }).then(function (res) {
          if (!res.ok) throw new Error('http ' + res.status);
          return readLimited(res, POLICY_MAX_BYTES);
        }).then(function (bytes) {
          var text;
          // ignoreBOM: a byte-order mark stays in the text, so the engine hashes the file's own bytes.
          try { text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes); } catch (e) {
            notices.push({ file: file, ok: false, errors: [{ code: 'not_utf8' }] });
            return;
          }
          var answer = JSON.parse(window.SRDI.loadPolicy(text, file));
          if (answer.ok) {
            noteLoaded(answer, file, 'portal', null);
            if (!PORTAL_TEXTS.some(function (f) { return f.file === file && f.text === text; })) PORTAL_TEXTS.push({ file: file, text: text });
            notices.push({ file: file, ok: true, title: answer.policy.title, status: answer.policy.status });
          } else {
            notices.push({ file: file, ok: false, errors: (answer.errors || []).map(function (e) { return { text: (e.path ? e.path + '：' : '') + e.message }; }) });
          }
        }, function (e) {
          var m = e && e.message;
          var why = m === 'too_large' ? { code: 'too_large' } : /^http \d+$/.test(m || '') ? { code: 'http', arg: m.slice(5) }
            : { code: 'network' };
          console.warn('[srdi] policy file ' + url.href + ' not loaded: ' + m);
          notices.push({ file: file, ok: false, errors: [why] });
        });
      });
    });
    return chain.then(function () { return notices; });
  }

// One calculator inside `host`: the whole page, or a widget in a shadow root (SRDI.mount).
// config: {lang, kiosk, city, applicant, as_of, idle, warn, onResult}.

function createApp(host, shadow, config) {
  var scope = shadow || document;  // where the calculator's ids live
  var root = shadow ? shadow.host : document.documentElement;  // carries data-srdi-state
  var $ = function (id) { return scope.getElementById(id); };
  var lang = config.lang === 'en' ? 'en' : 'zh';
  var scopeWired = false;
  var destroyed = false;  // after destroy(): no more evaluation, even from a late change event
  var cleanups = [];  // listeners outside the calculator, removed by destroy()
  var listen = function (target, type, fn, capture) {
    target.addEventListener(type, fn, capture);
    cleanups.push(function () { target.removeEventListener(type, fn, capture); });
  };

  var schema = null;          // SRDI.schema(), parsed
  var fieldSpec = {};         // name -> schema field
  var eventSpec = {};         // type -> schema event type
  var events = [];            // the events list, in profile order: {type, values: {param: raw}}
  var lastResult = null;      // the last successful evaluation (parsed)
  var lastProfileText = '';
  var citations = [];         // citation registry of the current render (for the source viewer)
  var citeTable = [];         // the result's own list: its citations are indices into it (format 2)
  var generation = 0;
  var applicantGiven = false;
  var readingChoice = {};     // contested readings the user picked (reading id -> option id); kept until changed  // the loaded profile named its applicant (kept on save even if 'enterprise')
  // The loaded profile's text fields (name, city) exactly as written, kept until the user edits the
  // field: a text input strips line breaks, and a select cannot say "" apart from 未填写.
  var loadedText = {};
  var timer = 0;
  var compareTimer = 0;
  var policyNotices = [];     // what became of the portal's own policy files (option `policy`)
  var authorPanel = null;     // the authoring view (web/author.js), index.html?author=1 only


  // ---------------------------------------------------------------- words (web/i18n.js for English)

  var EN = (window.SRDI_I18N && window.SRDI_I18N.en) || {};
  // A UI string: the Chinese text is the key; {0}, {1} are filled from the arguments.
  function t(zh) {
    var text = lang === 'en' && EN.ui && EN.ui[zh] ? EN.ui[zh] : zh;
    var args = arguments;
    return text.replace(/\{(\d)\}/g, function (_, i) { return args[Number(i) + 1]; });
  }
  function en(group, key, sub) {
    if (lang !== 'en' || !EN[group] || EN[group][key] == null) return null;
    var v = EN[group][key];
    return sub ? (v && v[sub] != null ? v[sub] : null) : v;
  }

  // The date from which the newest criteria version applies, from the engine's schema.
  function switchHint() {
    var v = schema.criteria_versions[schema.criteria_versions.length - 1];
    var m = v && v.from && /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.from);
    return m ? Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日起施行新标准' : '';
  }

  function templateHtml() {
    var opt = function (v, zh) { return '<option value="' + esc(v) + '">' + esc(t(zh)) + '</option>'; };
    return '<a class="skip" href="#results">' + t('跳到评估结果') + '</a>' +
      '<header class="top"><div class="brand"><h1>' + t('专精特新政策自测') + '</h1>' +
      '<p class="tagline">' + t('中小企业划型 · 梯度培育（创新型 → 专精特新 → “小巨人”）· 地方奖励与支持') + '</p></div>' +
      '<p class="privacy" id="privacy">' + t('所有计算都在本机浏览器中完成，填写的数据不会发送到任何地方。本结果为自测参考，以主管部门认定为准。') + '</p></header>' +
      '<section class="toolbar" aria-label="' + t('评估设置') + '">' +
      '<div class="tool"><label for="sample-select">' + t('示例企业') + '</label><select id="sample-select">' + opt('', t('— 选择示例，一键查看完整结果 —')) + '</select></div>' +
      '<div class="tool"><label for="opt-as-of">' + t('评估日期') + '</label><input type="date" id="opt-as-of" aria-describedby="opt-as-of-hint">' +
      '<span class="hint" id="opt-as-of-hint">' + t('决定适用的标准版本和称号是否在有效期内') + '</span></div>' +
      '<div class="tool"><label for="opt-criteria">' + t('认定标准版本') + '</label><select id="opt-criteria" aria-describedby="opt-criteria-hint">' +
      opt('auto', t('按评估日期自动选择')) + schema.criteria_versions.map(function (v) { return opt(v.id, v.label); }).join('') + '</select>' +
      '<span class="hint" id="opt-criteria-hint">' + esc(t(switchHint())) + '</span></div>' +
      '<div class="tool"><label for="opt-applicant">' + t('申请主体') + '</label><select id="opt-applicant"></select></div>' +
      '<div class="tool"><label for="opt-renewal">' + t('申请类型') + '</label><select id="opt-renewal" aria-describedby="opt-renewal-hint"></select>' +
      '<span class="hint" id="opt-renewal-hint">' + t('已持有称号、到期复核的，请选择复核') + '</span></div>' +
      '<div class="tool"><label for="opt-lang">语言 Language</label><select id="opt-lang"><option value="zh"' + (lang === 'zh' ? ' selected' : '') + '>中文</option><option value="en"' + (lang === 'en' ? ' selected' : '') + '>English</option></select></div>' +
      '<div class="tool actions">' +
      '<button type="button" id="btn-new-session" class="kiosk-only">' + t('新会话') + '</button>' +
      '<button type="button" id="btn-save" class="no-kiosk">' + t('保存为文件') + '</button>' +
      '<input type="file" id="file-load" accept="application/json,.json" class="visually-hidden no-kiosk">' +
      '<label class="button no-kiosk" for="file-load">' + t('从文件读取') + '</label>' +
      '<button type="button" id="btn-print">' + t('打印报告') + '</button>' +
      '<button type="button" id="btn-clear" class="danger no-kiosk">' + t('清除我的数据') + '</button>' +
      '<span class="remember no-kiosk"><input type="checkbox" id="opt-remember"><label for="opt-remember">' + t('在本浏览器中记住我填写的内容') + '</label></span>' +
      '</div><p id="file-status" class="status-line" role="status" aria-live="polite"></p>' +
      '<p id="update-banner" class="notice update" role="status" hidden>' + t('有新版本（含更新的政策数据）可用。') +
      ' <button type="button" id="btn-update">' + t('更新并重新载入') + '</button></p></section>' +
      '<div id="policy-notices" class="policy-notices"></div>' +
      '<main class="layout"><form id="profile-form" class="form" novalidate aria-label="' + t('企业信息') + '">' +
      '<p class="form-intro">' + t('按上年度财务数据填写。<strong>留空即“未填写”</strong>，不会按 0 计算；结果会指出哪些空白会改变结论。') + '</p>' +
      '<div id="form-sections"></div></form>' +
      '<section id="results" class="results" aria-label="' + t('评估结果') + '" data-generation="0" tabindex="-1">' +
      '<div id="summary" class="summary" role="status" aria-live="polite">' + t('正在计算……') + '</div>' +
      '<div id="input-errors" class="errors" hidden></div><div id="result-notices"></div><div id="blank-hints"></div>' +
      '<div id="result-size"></div><div id="result-tiers"></div><div id="result-awards"></div><div id="result-potential"></div>' +
      '<div id="result-compare"></div><div id="result-stamp" class="stamp"></div></section></main>' +
      '<a class="to-results" href="#results"><span class="to-results-sum" id="live-summary"></span><span class="to-results-go">' + t('查看结果 ↓') + '</span></a>' +
      '<section id="print-report" class="print-report" aria-hidden="true"></section>' +
      '<dialog id="source-viewer" aria-labelledby="source-title"><div class="dialog-head"><h2 id="source-title">' + t('原文') + '</h2>' +
      '<button type="button" id="source-close">' + t('关闭') + '</button></div><p id="source-meta" class="source-meta"></p>' +
      '<div id="source-text" class="source-text" tabindex="0"></div></dialog>' +
      '<dialog id="idle-warning" aria-labelledby="idle-title" aria-describedby="idle-text"><h2 id="idle-title">' + t('还在使用吗？') + '</h2>' +
      '<p id="idle-text">' + t('为保护隐私，<strong id="idle-count">30</strong> 秒后将清除本次填写的全部信息。') + '</p>' +
      '<button type="button" id="idle-continue">' + t('继续使用') + '</button></dialog>' +
      '<footer class="foot"><p>' + t('政策数据随页面离线提供；每一项结论都注明所依据的文件、条款和原文摘录。标注“征求意见稿”“已失效”的金额仅供参考。') + '</p>' +
      // The screening page for officials (a sheet of many firms): not in a portal's widget or a kiosk.
      (shadow || config.kiosk ? '' : '<p><a id="to-batch" href="' + BATCH_PAGE + '">' + t('工信部门：培育库批量筛选（导入企业名单表格）') + '</a></p>') + '</footer>';
  }

  // Changes the interface language and keeps everything typed: the controls' raw text is carried
  // over by id, so even a value with an error survives.
  // Everything typed, as the controls hold it (even a value with an error), with the events and
  // the rows of titles held more than once: what a language switch carries over and what an undo
  // brings back.
  function captureInput() {
    syncEvents();
    var raw = {};
    scope.querySelectorAll('#profile-form input, #profile-form select, .toolbar input, .toolbar select').forEach(function (c) {
      if (!c.id || c.type === 'file' || c.id === 'opt-lang' || c.id === 'opt-remember') return;
      raw[c.id] = c.type === 'checkbox' ? c.checked : c.value;
    });
    var holdCounts = {};
    schema.holds_titles.forEach(function (title) { holdCounts[title] = holdRows(title).length; });
    return { raw: raw, holdCounts: holdCounts, events: JSON.parse(JSON.stringify(events)), loadedText: JSON.parse(JSON.stringify(loadedText)),
      applicantGiven: applicantGiven, readings: JSON.parse(JSON.stringify(readingChoice)) };
  }
  // The controls of `snap` back in the form (the form's structure is rebuilt first).
  function applyInput(snap) {
    schema.holds_titles.forEach(function (title) { setHoldRowCount(title, snap.holdCounts[title] || 1); });
    events = JSON.parse(JSON.stringify(snap.events));
    renderEvents();
    ensureCityOption(snap.raw[idFor('city')]);
    Object.keys(snap.raw).forEach(function (id) {
      var c = $(id);
      if (!c) return;
      if (c.type === 'checkbox') c.checked = snap.raw[id]; else c.value = snap.raw[id];
    });
    loadedText = JSON.parse(JSON.stringify(snap.loadedText));
    applicantGiven = snap.applicantGiven;
    readingChoice = JSON.parse(JSON.stringify(snap.readings));
    syncForm();
  }
  // What was typed, for comparing states: the sample menu's position is not input.
  function inputKey(snap) {
    var raw = Object.assign({}, snap.raw);
    delete raw['sample-select'];
    return JSON.stringify([raw, snap.events, snap.holdCounts]);
  }

  function switchLang(next) {
    var snap = captureInput();
    var remembered = $('opt-remember').checked;
    lang = next === 'en' ? 'en' : 'zh';
    if (!shadow) document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    else host.lang = lang === 'en' ? 'en' : 'zh-CN';
    rebuild(snap, remembered);
    if (authorPanel) authorPanel.render();
    runFull();
    $('opt-lang').focus();
  }

  // The calculator drawn again from the template and the schema, with what was typed put back.
  function rebuild(snap, remembered) {
    host.innerHTML = templateHtml();
    buildForm();
    fillSamples();
    applyInput(snap);
    $('opt-remember').checked = remembered;
    wire();
    renderPolicyNotices();
  }

  // The engine's policies changed (a draft loaded or unloaded in the authoring view): the city list
  // and everything else are built again from SRDI.schema(), keeping what was typed. `cityId`: the
  // city to select if the engine offers it (the draft's own).
  function refreshPolicies(cityId) {
    var snap = captureInput();
    var remembered = $('opt-remember').checked;
    schema = JSON.parse(window.SRDI.schema());
    // A reading picked from a draft that is gone would make every evaluation an error.
    Object.keys(snap.readings).forEach(function (id) {
      var r = schema.readings.filter(function (x) { return x.id === id; })[0];
      if (!r || !r.options.some(function (o) { return o.id === snap.readings[id]; })) delete snap.readings[id];
    });
    if (cityId && schema.cities.some(function (c) { return c.id === cityId; })) {
      snap.raw[idFor('city')] = cityId;
      delete snap.loadedText.city;
    }
    rebuild(snap, remembered);
    runFull();
  }

  // ---------------------------------------------------------------- policy files: notices, authoring

  function policyErrorWords(e) {
    switch (e.code) {
      case 'bad_url': return t('地址无效');
      case 'other_origin': return t('不是本站的地址（{0}），为保护隐私未发出请求', e.arg);
      case 'not_utf8': return t('文件不是 UTF-8 编码的文本');
      case 'outside_folder': return t('网址中指定的政策文件须是本页所在文件夹（或其子文件夹）中的 .json 文件，未发出请求');
      case 'too_large': return t('文件超过 2 MB，未读取');
      case 'http': return t('服务器回答 HTTP {0}', e.arg);
      case 'network': return t('无法取得文件（网络错误、跳转或被拒绝）');
      default: return e.text || '';
    }
  }
  // Above the form: each of the portal's files that could not be loaded (with every error), or the
  // one that serves the calculator. Text nodes only: the messages quote the file.
  function renderPolicyNotices() {
    var box = $('policy-notices');
    if (!box) return;
    box.textContent = '';
    policyNotices.forEach(function (n) {
      var div = document.createElement('div');
      div.className = 'notice ' + (n.ok ? 'policy-loaded' : 'policy-failed');
      div.setAttribute('data-policy-file', n.file);
      var p = document.createElement('p');
      div.appendChild(p);
      if (n.kind === 'single_file') {
        p.textContent = t('单文件离线版不能加载政策文件（选项 policy：{0}）；计算器按内置的政策计算。', n.file);
      } else if (n.kind === 'file_page') {
        p.textContent = t('从本地文件打开的页面不能加载政策文件（选项 policy：{0}）；计算器按内置的政策计算。', n.file);
      } else if (n.kind === 'author_single_file') {
        p.textContent = t('编写视图不在单文件离线版中：请在服务器上打开 index.html?author=1。');
      } else if (n.ok) {
        p.textContent = t('本页另外使用本站提供的政策文件 {0}：{1}', n.file, n.title) +
          (n.status === 'draft' && String(n.title).indexOf('征求意见稿') < 0 ? t('（征求意见稿）') : '');
      } else {
        p.textContent = t('本站配置的政策文件 {0} 未能加载：', n.file);
        var ul = document.createElement('ul');
        n.errors.forEach(function (e) {
          var li = document.createElement('li');
          li.textContent = policyErrorWords(e);
          ul.appendChild(li);
        });
        div.appendChild(ul);
        var after = document.createElement('p');
        // Other files of the option may have loaded: then say that the calculator uses those.
        var others = policyNotices.some(function (x) { return x.ok; });
        after.textContent = others ? t('本文件未使用；计算器按内置的政策和本页已加载的其他文件计算。') : t('计算器仍按内置的政策计算。');
        div.appendChild(after);
      }
      box.appendChild(div);
    });
  }

  // The authoring view: web/author.js, loaded only for index.html?author=1 (never in a kiosk, never
  // in the one-file page), in a panel above the calculator (outside it, so a language switch or a
  // refreshed city list keeps the panel's state).
  function startAuthor() {
    if (shadow || !config.author) return;
    if (config.kiosk) { console.warn('[srdi] option author ignored in kiosk mode'); return; }
    if (SINGLE_FILE) { policyNotices.push({ file: '', ok: false, errors: [], kind: 'author_single_file' }); return; }
    var panel = document.createElement('section');
    panel.id = 'srdi-author';
    panel.className = 'srdi-root author';
    host.parentNode.insertBefore(panel, host);
    var api = {
      t: function () { return t.apply(null, arguments); },
      lang: function () { return lang; },
      money: function (yuan) { return money(yuan); },  // the calculator's own wording of an amount
      samples: DATA.samples,
      // The calculator's evaluation date and criteria version, for the sample firms.
      evalOptions: function () { var o = options(); return { as_of: o.as_of, criteria: o.criteria }; },
      // A draft was loaded into the engine: remember it (its source text, if chosen, opens from its
      // citations) and rebuild the form's city list, selecting the draft's city.
      loaded: function (answer, file, source, cityId) {
        noteLoaded(answer, file, 'draft', source);
        refreshPolicies(cityId);
      },
      // Back to the bundled policies (and the portal's own files), keeping the form's input.
      unload: function () {
        window.SRDI.unloadPolicies();
        forgetLoaded();
        reloadPortalFiles();
        refreshPolicies(null);
      },
    };
    var script = document.createElement('script');
    script.src = 'author.js';
    script.onload = function () {
      if (window.SRDI_AUTHOR && !destroyed) authorPanel = window.SRDI_AUTHOR.init(panel, api);
    };
    script.onerror = function () { panel.textContent = t('编写视图（author.js）未能加载。'); };
    document.body.appendChild(script);
  }

  // ---------------------------------------------------------------- nothing typed is lost

  // Before a sample, a file or 清除 replaces the form, what was typed is kept; the status line
  // then offers 撤销 to bring it back. Nothing to keep when the form is as it started.
  var undoSnap = null, blankKey = '', savedKey = '';
  function keepForUndo() {
    var snap = captureInput();
    undoSnap = inputKey(snap) === blankKey ? null : snap;
  }
  function statusWithUndo(message) {
    var st = $('file-status');
    st.textContent = message;
    if (!undoSnap) return;
    var b = document.createElement('button');
    b.type = 'button';
    b.id = 'btn-undo';
    b.textContent = t('撤销，恢复之前填写的内容');
    st.appendChild(document.createTextNode(' '));
    st.appendChild(b);
  }
  // Undo swaps: what is on screen now becomes the next undo, so even an undo loses nothing.
  function undo() {
    if (!undoSnap) return;
    var snap = undoSnap;
    keepForUndo();
    clearForm();
    applyInput(snap);
    $('sample-select').value = '';
    statusWithUndo(t('已恢复之前填写的内容。'));
    runFull();
    var first = scope.querySelector('#profile-form input, #profile-form select');
    if (first) first.focus();
  }
  // Typed and not kept anywhere: not remembered in this browser, not just saved or loaded.
  function unsaved() {
    if (config.kiosk || destroyed || !schema) return false;
    if ($('opt-remember') && $('opt-remember').checked) return false;
    var key = inputKey(captureInput());
    return key !== blankKey && key !== savedKey;
  }
  function markSaved() { savedKey = inputKey(captureInput()); }

  function fillSamples() {
    var sel = $('sample-select');
    DATA.samples.forEach(function (s) {
      var o = document.createElement('option');
      o.value = s.id;
      o.textContent = s.label;
      sel.appendChild(o);
    });
  }

  // ---------------------------------------------------------------- small helpers

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function idFor(path) { return 'f-' + path.replace(/\./g, '-'); }
  function valueLabel(group, v) {
    var e = en('values', group) || (group === 'title' ? en('holds_titles') : null);
    if (e && e[v]) return e[v];
    if (group === 'title' && en('holds_titles', v)) return en('holds_titles', v);
    var g = FORM.values[group];
    return (g && g[v]) || v;
  }
  function fieldLabelText(name) { return en('fields', name, 'label') || (fieldSpec[name] ? fieldSpec[name].label : name); }
  function sizeWord(s) { return en('size_classes', s.class) || s.label; }
  function tierTitle(x) { return en('tiers', x.tier) || x.title; }
  // Policy words (titles, clauses, document numbers, the text's own phrases) stay in Chinese and
  // say so, so an English page reads them as quoted Chinese, not as untranslated interface.
  function zh(text) { return '<span lang="zh-CN">' + esc(text) + '</span>'; }
  function placeWord(name) { return en('jurisdictions', name) || name; }
  function tierTitleById(id, fallback) {
    var tier = lastResult && lastResult.tiers.filter(function (x) { return x.id === id; })[0];
    return tier ? tierTitle(tier) : fallback;
  }
  // A line's label (征求意见稿, 据新闻报道, …): in English where the page knows it, else quoted Chinese.
  function labelWords(x) {
    if (lang !== 'en') return esc(x);
    var e = en('ui', x);
    return e ? esc(e) : zh(x);
  }
  function todayIso() {
    var d = new Date();
    var p = function (n) { return (n < 10 ? '0' : '') + n; };
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
  }
  // Full-width digits and punctuation from a Chinese input method count as the ASCII ones.
  function normalizeNumber(s) {
    var n = s.replace(/[０-９]/g, function (c) { return String.fromCharCode(c.charCodeAt(0) - 0xFEE0); })
      .replace(/[．。]/g, '.').replace(/－/g, '-').replace(/，/g, ',').trim();
    // Thousands separators as a finance officer types them (3,000 or 12,345.6), and only those.
    if (/^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) n = n.replace(/,/g, '');
    return n;
  }

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
    if (lang === 'en') {  // 1,234,567.89 yuan: the English reader does not count in 万
      var frac = abs.split('.')[1];
      return (neg ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac && frac !== '00' ? '.' + frac : '') + ' yuan';
    }
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
        if (!/^\d+(\.\d+)?$/.test(s)) return { error: kind === 'percent' ? t('请填写百分数（如 6.5 表示 6.5%）') : t('请填写分数（如 65 或 72.5）') };
        var places = kind === 'percent' ? 4 : 2;
        if (decimalPlaces(s) > places) return { error: t('最多 ') + places + t(' 位小数') };
        if (cmpDecimal(s, '100') > 0) return { error: t('不能超过 100') };
        return { value: s };
      }
      case 'count':
      case 'rank':
      case 'int_range': {
        if (/^-\d+(\.\d+)?$/.test(s)) return { error: kind === 'int_range' ? t('应在 ') + spec.min + t(' 到 ') + spec.max + t(' 之间') : t('不能为负数') };
        if (/^\d+\.\d+$/.test(s)) return { error: t('请填写整数，不带小数') };
        if (!/^\d+$/.test(s)) return { error: t('请填写整数（只含数字）') };
        var n = Number(s);
        var min = kind === 'rank' ? 1 : (kind === 'int_range' ? spec.min : 0);
        var max = kind === 'int_range' ? spec.max : 1000000000;
        if (s.length > 10 || n < min || n > max) return { error: t('应在 ') + min + t(' 到 ') + max + t(' 之间') };
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
    if (lang === 'en' && (spec.kind === 'money' || spec.kind === 'signed_money')) return t('万元');
    if (f.unit) return f.unit;
    if (spec.kind === 'money' || spec.kind === 'signed_money') return t('万元');
    if (spec.kind === 'percent') return '%';
    return '';
  }
  function enumGroup(name) { return name.split('.').pop(); }

  function control(id, name, spec, label, hint, unit) {
    var describe = 'hint-' + id.slice(2) + ' err-' + id.slice(2);
    var h = '<div class="field" data-field="' + esc(name) + '">';
    h += '<label for="' + id + '">' + esc(label) + (unit ? '<span class="unit">' + (lang === 'en' ? ' (' + esc(unit) + ')' : '（' + esc(unit) + '）') + '</span>' : '') + '</label>';
    if (spec.kind === 'bool') {
      h += '<select id="' + id + '" name="' + esc(name) + '" aria-describedby="' + describe + '">' +
        t('<option value="">未填写</option><option value="true">是</option><option value="false">否</option></select>');
    } else if (spec.kind === 'enum' || name === 'city') {
      // The cities with award documents come from the engine (with their drafts named), then
      // the form's "other city".
      var opts = name === 'city' ? schema.cities.map(function (c) { return [c.id, en('cities', c.id) || c.label]; })
        .concat([[FORM.other_city.value, en('cities', FORM.other_city.value) || FORM.other_city.label]])
        : spec.values.map(function (v) { return [v, valueLabel(enumGroup(name), v)]; });
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
    var spec = fieldSpec[f.name];
    if (!spec) return '';
    return control(idFor(f.name), f.name, spec, fieldLabelText(f.name), en('fields', f.name, 'hint') || f.hint, unitFor(f, spec));
  }

  function financeTableHtml(sec) {
    var h = t('<table class="years"><caption class="visually-hidden">财务数据（万元），三个年度并列</caption><thead><tr><th scope="col">项目（万元）</th>');
    FORM.years.forEach(function (y) { h += '<th scope="col">' + esc(en('years', y.key) || y.label) + '<span class="cal-year" data-year="' + y.key + '"></span></th>'; });
    h += '</tr></thead><tbody>';
    sec.table.forEach(function (row) {
      var base = fieldSpec[row.base + '.last'].label.replace(/（上年度）$/, '');
      h += '<tr><th scope="row"><span>' + esc(en('table_rows', row.base, 'label') || base) + '</span><span class="hint" id="hint-' + row.base + '">' + esc(en('table_rows', row.base, 'hint') || row.hint) + '</span></th>';
      FORM.years.forEach(function (y) {
        var name = row.base + '.' + y.key;
        if (row.years.indexOf(y.key) < 0) { h += '<td class="na">—</td>'; return; }
        var id = idFor(name);
        h += '<td data-field="' + name + '"><label class="visually-hidden" for="' + id + '">' + esc(fieldLabelText(name)) + t('（万元）</label>') +
          '<input id="' + id + '" name="' + name + '" type="text" inputmode="decimal" autocomplete="off" data-unit="wan" aria-describedby="hint-' + row.base + ' err-' + id.slice(2) + '">' +
          '<span class="field-error" id="err-' + id.slice(2) + '" aria-live="polite"></span></td>';
      });
      h += '</tr>';
    });
    return h + '</tbody></table>';
  }

  // The keys of the sci_award object (national_rank, national_year, ...), from the engine schema.
  function sciAwardKeys() {
    return schema.fields.filter(function (f) { return /^sci_award\./.test(f.name); }).map(function (f) { return f.name.slice(10); });
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
      var spec = fieldSpec[n];
      var isYear = /_year$/.test(k);
      var hint = isYear ? t('该级别奖励的获奖年份，如 2024') : t('企业在获奖单位中的排名（第1名填1）；没有该级别奖励则留空，不清楚则勾选“不清楚”');
      var html = control(idFor(n), n, spec, fieldLabelText(n), en('fields', n, 'hint') || hint, isYear ? t('年') : t('名'));
      // A blank rank means "no award at that level" (docs/profile.md), so "unknown" needs a box of
      // its own: it writes the rank as null. (A year is unknown when blank.)
      if (!isYear) {
        html = html.replace(/<\/div>$/, '<span class="check"><input type="checkbox" id="sci-unknown-' + k + '" data-sci-unknown="' + k + '">' +
          '<label for="sci-unknown-' + k + '">' + t('不清楚<span class="visually-hidden">：{0}</span>', esc(fieldLabelText(n))) + '</label></span></div>');
      }
      h += html;
    });
    return h + '</div></fieldset>';
  }

  function honorsHtml() {
    var h = t('<fieldset class="group" data-field="honors"><legend>荣誉（有效期内）</legend>');
    h += t('<div class="field"><label for="f-honors">荣誉情况</label><select id="f-honors" aria-describedby="hint-honors"><option value="">未填写</option><option value="list">按下方勾选（未勾选即没有）</option></select>') +
      t('<span class="hint" id="hint-honors">勾选任一项即视为已按勾选填写</span></div><div class="checks">');
    Object.keys(FORM.values.honors).forEach(function (k) {
      h += '<span class="check"><input type="checkbox" id="honor-' + k + '" data-honor="' + k + '"><label for="honor-' + k + '">' + esc(valueLabel('honors', k)) + '</label></span>';
    });
    return h + '</div></fieldset>';
  }

  function holdsHtml() {
    var h = t('<p class="section-note">填写已获得且仍在有效期内的称号及认定日期（创新型、专精特新、小巨人有效期3年）。</p>');
    h += t('<div class="field"><label for="f-holds">已获称号情况</label><select id="f-holds" aria-describedby="hint-holds"><option value="">未填写</option><option value="list">按下表勾选（未勾选即没有）</option></select>') +
      t('<span class="hint" id="hint-holds">勾选任一称号即视为已按下表填写</span></div>');
    h += t('<table class="holds"><thead><tr><th scope="col">称号</th><th scope="col">级别</th><th scope="col">认定日期</th></tr></thead><tbody>');
    schema.holds_titles.forEach(function (title) { h += holdRowHtml(title, 1); });
    return h + '</tbody></table>';
  }

  // One entry of `holds`: a table row per entry. Row 1 of a title is always there (ids hold-<title>,
  // -level, -since); a title held more than once (e.g. a lapsed and a renewed recognition) gets
  // rows 2, 3, … (ids hold-<title>-<n>…), numbered without gaps.
  function holdId(title, n) { return 'hold-' + title + (n > 1 ? '-' + n : ''); }
  function holdRowHtml(title, n) {
    var id = holdId(title, n);
    var label = n > 1 ? t('{0}（第 {1} 条）', esc(valueLabel('title', title)), n) : esc(valueLabel('title', title));
    var more = n > 1
      ? '<button type="button" class="link hold-remove" data-hold-remove="' + title + '" data-hold-n="' + n + '">' + t('删除此条<span class="visually-hidden">：{0}</span>', label) + '</button>'
      : '<button type="button" class="link hold-add" data-hold-add="' + title + '">' + t('再添加一条<span class="visually-hidden">“{0}”</span>', label) + '</button>';
    return '<tr data-hold="' + title + '"><td><input type="checkbox" id="' + id + '"><label for="' + id + '">' + label + '</label>' + more + '</td>' +
      '<td data-label="' + t('级别') + '"><label class="visually-hidden" for="' + id + '-level">' + t('{0}级别', label) + '</label><select id="' + id + '-level"><option value="">' + t('未填写') + '</option>' +
      ['national', 'provincial', 'city'].filter(function (l) { return !((title === 'srdi_sme' || title === 'gazelle') && l === 'national'); })
        .map(function (l) { return '<option value="' + l + '">' + esc(valueLabel('level', l)) + '</option>'; }).join('') + '</select></td>' +
      '<td data-label="' + t('认定日期') + '"><label class="visually-hidden" for="' + id + '-since">' + t('{0}认定日期', label) + '</label><input type="date" id="' + id + '-since">' +
      '<span class="field-error" id="err-' + id + '"></span></td></tr>';
  }
  function holdRows(title) { return Array.prototype.slice.call(scope.querySelectorAll('tr[data-hold="' + title + '"]')); }
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
    schema.events.forEach(function (et) {
      var mine = [];
      events.forEach(function (e, i) { if (e.type === et.type) mine.push(i); });
      h += '<fieldset class="ev-type" data-event-type="' + et.type + '"><legend class="visually-hidden">' + esc(en('events', et.type, 'label') || et.label) + '</legend>' +
        '<span class="check"><input type="checkbox" id="ev-type-' + et.type + '"' + (mine.length ? ' checked' : '') + ' aria-describedby="ev-hint-' + et.type + '">' +
        '<label for="ev-type-' + et.type + '">' + esc(en('events', et.type, 'label') || et.label) + '</label></span>' +
        '<span class="hint" id="ev-hint-' + et.type + '">' + esc(en('events', et.type, 'hint') || et.hint) + '</span>';
      mine.forEach(function (i, k) {
        var e = events[i];
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
            var opts = p.kind === 'bool' ? [['true', t('是')], ['false', t('否')]] : p.values.map(function (x) { return [x, valueLabel(p.name, x)]; });
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
    $('opt-renewal').innerHTML = '<option value="">' + esc(t('新申请')) + '</option>' + (schema.renewal_rungs || []).map(function (r) {
      return '<option value="' + esc(r.tier) + '">' + esc(tierTitle(r)) + esc(t('复核')) + '</option>';
    }).join('');
    var app = $('opt-applicant');
    app.innerHTML = fieldSpec.applicant.values.map(function (v) {
      return '<option value="' + v + '">' + esc(valueLabel('applicant', v)) + '</option>';
    }).join('');
  }

  // Reads the event inputs back into `events` (before the list is re-rendered or read).
  function syncEvents() {
    scope.querySelectorAll('#events-list .ev').forEach(function (div) {
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
      var r = Object.prototype.hasOwnProperty.call(loadedText, name) ? { value: loadedText[name] }
        : spec.kind === 'text' ? (c.value.trim() === '' ? { blank: true } : { value: c.value.trim() }) : parseValue(spec.kind, c.value, spec);
      if (r.error) problems.push({ id: c.id, message: r.error });
      else if (!r.blank) put(name, r.value);
    });
    // The applicant picker is the profile's `applicant`: written when it is not the default.
    var applicant = $('opt-applicant').value;
    if (applicantGiven || applicant !== 'enterprise') profile.applicant = applicant;
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
        var r = parseValue(fieldSpec['sci_award.' + k].kind, c.value, fieldSpec['sci_award.' + k]);
        if (r.error) problems.push({ id: c.id, message: r.error });
        else if (!r.blank) award[k] = r.value;
      });
      profile.sci_award = award;
    }
    if ($('f-honors').value === 'list') {
      profile.honors = [];
      scope.querySelectorAll('[data-honor]').forEach(function (c) { if (c.checked) profile.honors.push(c.getAttribute('data-honor')); });
    }
    paths['/honors'] = 'f-honors';
    paths['/holds'] = 'f-holds';
    if ($('f-holds').value === 'list') {
      profile.holds = [];
      schema.holds_titles.forEach(function (title) {
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
          else if (p.required) problems.push({ id: id, message: t('此项必填') });
        });
        return out;
      });
    }
    return { profile: profile, problems: problems, paths: paths };
  }

  function clearForm() {
    schema.holds_titles.forEach(function (title) { setHoldRowCount(title, 1); });
    scope.querySelectorAll('#' + idFor('city') + ' option[data-extra]').forEach(function (o) { o.remove(); });
    scope.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (c.type === 'checkbox') c.checked = false; else c.value = '';
    });
    syncForm();
    loadedText = {};
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
      if (spec.name === 'city') ensureCityOption(v);
      if (c && v != null) c.value = showValue(spec.kind, v);
      if (c && spec.kind === 'text' && typeof v === 'string') loadedText[spec.name] = v;
    });
    applicantGiven = p.applicant != null;
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
    o.textContent = name ? (en('jurisdictions', name) || name) + (lang === 'en' ? ' (' + value + ')' : '（' + value + '）')
      : t('{0}（本计算器暂无该城市的政策文件）', value);
    sel.appendChild(o);
  }

  // State the controls show but do not hold: a rank marked 不清楚 is disabled (its text is kept for
  // when the box is unticked); a title's "add another" appears once one of its rows is ticked.
  function syncForm() {
    scope.querySelectorAll('[data-sci-unknown]').forEach(function (c) {
      $(idFor('sci_award.' + c.getAttribute('data-sci-unknown'))).disabled = c.checked;
    });
    scope.querySelectorAll('[data-hold-add]').forEach(function (b) {
      // (style, not `hidden`: the stylesheet gives every button display: inline-block)
      b.style.display = scope.querySelector('tr[data-hold="' + b.getAttribute('data-hold-add') + '"] input[type=checkbox]:checked') ? '' : 'none';
    });
  }

  // Keys in the order of docs/profile.md, so a saved file reads like the documentation.
  function profileText(profile) { return JSON.stringify(profile, null, 2) + '\n'; }

  function options() {
    var o = { as_of: $('opt-as-of').value || todayIso(), criteria: $('opt-criteria').value, applicant: $('opt-applicant').value };
    var renewal = $('opt-renewal').value;
    if (renewal) o.renewal = [renewal];
    if (Object.keys(readingChoice).length) o.readings = readingChoice;
    return o;
  }

  // ---------------------------------------------------------------- evaluation

  // Typing (no delay given) gets the quick summary per keystroke and the full result when typing
  // pauses; a discrete change (a select, a box, an option: delay 0) gets the full result at once.
  function schedule(delay) {
    if (destroyed) return;
    clearTimeout(timer);
    timer = delay == null ? setTimeout(run, 120) : setTimeout(runFull, delay);
  }

  function showProblems(problems) {
    scope.querySelectorAll('[aria-invalid="true"]').forEach(function (c) { c.removeAttribute('aria-invalid'); });
    scope.querySelectorAll('.field-error').forEach(function (e) { e.textContent = ''; });
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
    var l = scope.querySelector('label[for="' + id + '"]');
    return l ? l.textContent.replace(/（必填）/, '') : id;
  }

  // Per keystroke: the summary line (size, each rung's verdict, award totals) from the
  // verdicts-only path, a fraction of the cost of the explanation; the cards with their
  // explanations follow when typing pauses for FULL_PAUSE ms. Errors, a first result, or a ladder
  // or a set of documents that changed take the full path at once.
  var FULL_PAUSE = 350, fullTimer = 0;
  function run() {
    if (destroyed) return;
    if (!lastResult) return runFull();
    var t0 = performance.now();
    var read = readProfile();
    if (read.problems.length) return runFull();
    var text = profileText(read.profile);
    var v = JSON.parse(window.SRDI.screen(text, JSON.stringify(options())));
    var model = v.errors ? null : quickModel(v);
    if (!model) return runFull();
    renderSummary(model);
    lastProfileText = text;
    remember();  // what was typed is kept at once, not only when the full result follows
    $('results').setAttribute('aria-busy', 'true');
    $('results').setAttribute('data-keystroke-ms', (performance.now() - t0).toFixed(2));
    clearTimeout(fullTimer);
    fullTimer = setTimeout(runFull, FULL_PAUSE);
  }

  // The summary's model from a verdicts-only result, with the titles and names of the last full
  // result (the same rungs and documents, or null).
  function quickModel(v) {
    var last = lastResult;
    if (!v.tiers || v.tiers.length !== last.tiers.length) return null;
    var tiers = [];
    for (var i = 0; i < v.tiers.length; i++) {
      if (v.tiers[i].id !== last.tiers[i].id) return null;
      tiers.push({ tier: last.tiers[i].tier, title: last.tiers[i].title, verdict: v.tiers[i].verdict });
    }
    var docs = v.awards ? v.awards.documents : [], lastDocs = last.awards.documents, out = [];
    if (docs.length !== lastDocs.length) return null;
    for (var k = 0; k < docs.length; k++) {
      if (docs[k].policy !== lastDocs[k].policy) return null;
      out.push({ jurisdiction: lastDocs[k].jurisdiction, status: docs[k].status, in_force: docs[k].in_force, totals: docs[k].totals });
    }
    var size = { class: v.size.class, label: v.size.class === last.size.class ? last.size.label : classWord(v.size.class) };
    return { as_of: v.as_of, criteria: { version: v.criteria }, size: size, tiers: tiers, awards: { documents: out } };
  }
  function classWord(c) {
    return { large: t('大型'), medium: t('中型'), small: t('小型'), micro: t('微型') }[c] || t('待定');
  }

  function runFull() {
    if (destroyed) return;
    clearTimeout(fullTimer);
    $('results').removeAttribute('aria-busy');
    var t0 = performance.now();
    var read = readProfile();
    var text = profileText(read.profile);
    var opts = options();
    var out = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(opts)));
    var problems = read.problems.slice();
    if (out.errors) {
      out.errors.forEach(function (e) {
        var id = read.paths[e.path] || (e.source === 'options' ? (e.path === '/as_of' ? 'opt-as-of' : 'opt-' + e.path.slice(1)) : null);
        problems.push({ id: id || 'profile-form', message: en('errors', e.code) || e.message });
      });
      showProblems(problems);
      $('results').classList.add('stale');
      $('summary').textContent = t('填写有误，结果未更新（显示的是上一次的结果）。');
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
    emitResult(out);
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

  function verdictWord(v) { return en('verdicts', v) || VERDICT[v]; }
  function resultWord(v) { return en('results', v) || RESULT[v]; }
  var VERDICT = { eligible: '符合', not_eligible: '不符合', undetermined: '待定', contested: '依读法而定' };
  var RESULT = { met: '满足', not_met: '不满足', undetermined: '待定' };
  var MARK = { met: '✔', not_met: '✘', undetermined: '?' };

  function citeHtml(ref, interpretation) {
    var c = citeOf(ref);
    if (!c) return '';
    var i = citations.push(c) - 1;
    var hasSource = sourceFor(c);
    var h = t('<details class="cite"><summary>依据：') + esc(c.doc) + (c.clause ? ' ' + esc(c.clause) : '') + '</summary><div class="cite-body">';
    h += '<blockquote>' + esc(c.excerpt) + '</blockquote><p class="cite-kind">' + (c.excerpt_kind === 'quote' ? t('原文摘录') : t('转述（非原文）')) + '</p>';
    if (hasSource) h += '<button type="button" class="open-source" data-cite="' + i + t('">查看原文并定位</button>');
    else if (LOADED[c.source]) h += '<p class="cite-kind">' + esc(t('该文件是另行加载的政策文件（{0}），本页没有它的原文，无法在此查看。', LOADED[c.source].file)) + '</p>';
    else h += t('<p class="cite-kind">本计算器未收录该文件全文。</p>');
    h += '</div></details>';
    if (interpretation) h += t('<p class="interp"><span class="tag">解读</span>') + esc(interpretation) + '</p>';
    return h;
  }
  // The bundled text a citation rests on, by the policy id the engine gives (`source`).
  function sourceFor(c) {
    if (!c || !c.source) return null;
    // A loaded policy opens only the text chosen with it, never the bundled text of the same id.
    if (LOADED[c.source]) return LOADED[c.source].source;
    for (var i = 0; i < DATA.sources.length; i++) if (DATA.sources[i].policy === c.source) return DATA.sources[i];
    return null;
  }

  function fieldLabel(name) {
    if (/^events\/\d+\//.test(name)) {
      var parts = name.split('/');
      var e = events[Number(parts[1])];
      var spec = e && eventSpec[e.type];
      var p = spec && spec.params.filter(function (x) { return x.name === parts[2]; })[0];
      var pen = spec ? en('events', spec.type, 'params') : null;
      return (spec ? (en('events', spec.type, 'label') || spec.label) + '：' : '') + (p ? (pen && pen[p.name]) || p.label.replace(/（元）$/, '') : parts[2]);
    }
    if (name === 'holds') return t('已获称号');
    if (name === 'honors') return t('荣誉');
    if (/^honors\./.test(name)) return t('荣誉：') + valueLabel('honors', name.slice(7));
    var s = fieldSpec[name];
    return s ? fieldLabelText(name) : name;
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
  function missingList(names) {
    if (!names || !names.length) return '';
    return t('<p class="missing">需补充：') + names.map(function (n) {
      return '<a href="#' + fieldTarget(n) + '" data-focus="' + fieldTarget(n) + '">' + esc(fieldLabel(n)) + '</a>';
    }).join(t('、')) + '</p>';
  }

  // A citation as the result gives it: its index in the result's list (an object in format 1).
  function citeOf(c) { return typeof c === 'number' ? citeTable[c] : c; }

  // A criteria version in words (2026年标准（工信部企业〔2026〕2号）), from the engine's schema.
  function versionWord(id) {
    var v = schema.criteria_versions.filter(function (x) { return x.id === id; })[0];
    return v ? t(v.label) : id;
  }
  // The calendar year of each year column: 上年度 is 2025年度 on a 2026 evaluation.
  var YEAR_BACK = { last: 1, prev: 2, prev2: 3 };
  function showCalendarYears(asOf) {
    var y = Number(String(asOf || '').slice(0, 4));
    scope.querySelectorAll('.cal-year').forEach(function (el) {
      var back = YEAR_BACK[el.getAttribute('data-year')];
      el.textContent = y && back ? (lang === 'en' ? ' (' + (y - back) + ')' : '（' + (y - back) + '年度）') : '';
    });
  }

  function render(r) {
    showCalendarYears(r.as_of);
    citations = [];
    citeTable = r.citations || [];
    $('result-notices').innerHTML = r.notices.map(function (n) { return '<p class="notice" data-code="' + n.code + '">' + esc(en('notices', n.code) || n.text) + '</p>'; }).join('');
    renderBlankHints(r);
    renderSize(r.size);
    renderTiers(r);
    renderAwards(r.awards);
    renderStamp(r);
    renderSummary(r);
  }

  function renderSummary(r) {
    var parts = [t('划型：') + sizeWord(r.size)];
    r.tiers.forEach(function (tier) { parts.push(tierTitle(tier) + '：' + verdictWord(tier.verdict)); });
    r.awards.documents.forEach(function (d) {
      var label = [statusWord(d), validityWord(d)].filter(Boolean).join('，');
      parts.push(placeWord(d.jurisdiction) + (label ? '（' + label + '）' : '') + t(' 确定 ') + money(d.totals.certain) + t('，最高 ') + money(d.totals.upper_bound));
    });
    // The phone's bottom bar: size and verdicts in one short line, always in sight while typing.
    $('live-summary').textContent = parts.slice(0, 1 + r.tiers.length).join(' · ');
    $('summary').innerHTML = t('<span class="sum-date">评估日期 ') + esc(r.as_of) + (r.criteria.version ? t(' · 标准 ') + zh(versionWord(r.criteria.version)) : '') + '</span>' +
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
    if (r.size.class === 'undetermined') add(r.size.missing, t('划型'));
    r.tiers.forEach(function (tier) { if (tier.verdict === 'undetermined') add(tier.missing, tierTitle(tier)); });
    r.awards.documents.forEach(function (d) {
      d.lines.forEach(function (l) { if (l.state === 'undetermined' || (l.missing && l.kind !== 'certain')) add(l.missing, l.title); });
    });
    if (!list.length) { $('blank-hints').innerHTML = ''; return; }
    $('blank-hints').innerHTML = t('<section class="card blanks" aria-labelledby="blanks-h"><h2 id="blanks-h">这些空白会改变结论</h2><p>补充以下信息后即可确定相应结论：</p><ul>') +
      list.map(function (n) {
        return '<li><a href="#' + fieldTarget(n) + '" data-focus="' + fieldTarget(n) + '">' + esc(fieldLabel(n)) + t('</a><span class="why">影响：') + esc(seen[n].join('、')) + '</span></li>';
      }).join('') + '</ul></section>';
  }

  function renderSize(s) {
    var h = t('<section class="card" aria-labelledby="size-h"><h2 id="size-h">企业规模（划型）</h2>');
    h += '<p class="big"><span class="size-class" data-class="' + s.class + '">' + esc(sizeWord(s)) + '</span>' +
      (s.industry_label ? '<span class="muted">（' + (lang === 'en' && s.industry ? esc(valueLabel('industry', s.industry)) : esc(s.industry_label)) + '）</span>' : '') + '</p>';
    if (s.class === 'undetermined') h += t('<p>可能为：') + s.possible.map(classWord).join('、') + '</p>';
    h += missingList(s.missing);
    h += t('<p class="muted">依据：') + zh(s.doc_no) + '</p>';
    if (s.rules.length) h += t('<details class="trace" data-trace="size"><summary>划型逐条依据</summary><div class="trace-body"></div></details>');
    $('result-size').innerHTML = h + '</section>';
    $('result-size').setAttribute('data-class', s.class);
  }

  // A gap in the reader's language: the engine's Chinese sentence, or in English the same change
  // composed from its parts (field, amount, unit), so no Chinese is left outside the rule's title.
  function gapText(g) {
    if (lang !== 'en' || !g.field || g.change == null) return g.text;
    var neg = String(g.change).charAt(0) === '-';
    var abs = neg ? String(g.change).slice(1) : String(g.change);
    var amount = g.unit === 'yuan' ? money(abs) : g.unit === 'percent_points' ? abs + ' percentage points'
      : g.unit === 'points' ? abs + ' points' : abs;
    return (neg ? 'Lower ' : 'Raise ') + fieldLabelText(g.field) + ' by ' + amount;
  }
  function gapSentence(u) {
    if (u.gap && u.gap.text) return esc(gapText(u.gap)) + t('，即可满足“') + zh(u.title) + '”';
    if (u.kind === 'holds') return t('须持有相应称号：') + zh(u.title);
    return zh(u.title);
  }

  function renderTiers(r) {
    var h = t('<section aria-labelledby="tiers-h"><h2 id="tiers-h" class="section-title">梯度培育：创新型 → 专精特新 → “小巨人”</h2>');
    if (r.next_step) h += t('<p class="next-step">下一步：') + nextStepWords(r.next_step) + '</p>';
    if (!r.tiers.length) h += t('<p class="card">评估日期没有适用的认定标准。</p>');
    r.tiers.forEach(function (tier, i) {
      h += '<article class="card tier" data-tier-id="' + esc(tier.id) + '" data-verdict="' + tier.verdict + '" aria-labelledby="tier-h-' + i + '">';
      h += '<h3 id="tier-h-' + i + t('"><span class="rung">第') + tier.rung + t('级</span>') + esc(tierTitle(tier)) + (lang === 'en' ? ' <span class="zh" lang="zh-CN">' + esc(tier.title) + '</span>' : '') +
        ' <span class="badge v-' + tier.verdict + '">' + verdictWord(tier.verdict) + '</span>' + (tier.held === true ? t(' <span class="badge held">已持有</span>') : '') + '</h3>';
      h += t('<p class="meta">标准版本 ') + zh(versionWord(tier.version)) + ' · ' + zh(tier.doc_no) + (tier.in_force ? '' : t(' · <span class="warn">该标准在评估日期不在有效期内，仅供参考</span>')) + '</p>';
      if (tier.note) h += t('<p class="interp"><span class="tag">说明</span>') + esc(tier.note) + '</p>';
      if (tier.not_needed) h += '<p class="interp">' + notNeededWords(tier) + '</p>';
      if (tier.renewal_rule) h += t('<p class="interp"><span class="tag">复核</span>') + esc(tier.renewal_rule.note) + '</p>';
      h += readingsHtml(tier);
      if (tier.score) {
        var sc = tier.score.min === tier.score.max ? String(tier.score.min) : tier.score.min + '–' + tier.score.max;
        h += t('<div class="score"><p>评价得分 <strong>') + sc + t('</strong> 分') + (tier.score.min !== tier.score.max ? t('（有未填写项，得分为区间）') : '') + '</p><ul class="cats">';
        tier.score.categories.forEach(function (c) {
          var pts = c.min_points === c.max_points ? c.min_points : c.min_points + '–' + c.max_points;
          h += '<li><span class="cat-name">' + esc(en('score_categories', c.title) || c.title) + '</span><meter min="0" max="' + c.max + '" value="' + c.min_points + '" aria-hidden="true"></meter><span class="cat-pts">' + pts + ' / ' + c.max + '</span></li>';
        });
        h += '</ul></div>';
      }
      if (tier.route) h += t('<p class="route">通过路径：') + zh(tier.route.title) + '</p>';
      if (tier.unmet.length) {
        h += t('<div class="unmet"><h4>还差什么</h4><ul>') + tier.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul></div>';
      }
      if (tier.routes.length && tier.verdict !== 'eligible') {
        // Open: each route's own gaps (e.g. 4 applied Ⅰ类 IP, 2 entered) are the answer to "what is missing".
        h += t('<details class="routes" open><summary>可选路径（满足其一即可）</summary><ul>') + tier.routes.map(function (ro) {
          return '<li><strong>' + zh(ro.title) + '</strong>' + t('：') + resultWord(ro.result) +
            (ro.unmet.length ? '<ul>' + ro.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul>' : '') +
            missingList(ro.missing) + '</li>';
        }).join('') + '</ul></details>';
      }
      if (tier.improvements && tier.improvements.length) {
        h += t('<div class="improve"><h4>提分最快的指标</h4><ul>') + tier.improvements.slice(0, 5).map(function (im) {
          return '<li>' + zh(im.title) + t('：') + im.from_points + ' → ' + im.to_points + t(' 分（+') + im.adds + t('）') +
            (im.changes.length ? t('，') + im.changes.map(function (c) { return c.gap && c.gap.text ? esc(gapText(c.gap)) : zh(c.title); }).join(t('；')) : '') + '</li>';
        }).join('') + '</ul></div>';
      }
      (tier.prerequisites || []).forEach(function (p) { h += '<p class="prereq">' + prerequisiteWords(p) + '</p>'; });
      if (tier.verdict === 'undetermined') h += missingList(tier.missing);
      if (tier.held !== true) h += applyHtml(tier.apply, 'tier');
      h += '<details class="trace" data-trace="tier" data-index="' + i + t('"><summary>逐条依据（条件、取值、阈值和出处）</summary><div class="trace-body"></div></details>');
      h += '</article>';
    });
    $('result-tiers').innerHTML = h + '</section>';
  }

  // The readings the sources leave open that decide this tier (or that the user picked): the
  // verdict under each, with its source, and a picker.
  function readingsHtml(tier) {
    var h = '';
    Object.keys(tier.readings || {}).forEach(function (id) {
      var rd = tier.readings[id];
      if (!rd.decisive && rd.chosen_by !== 'request') return;
      h += '<div class="reading"><p><strong>' + t('有争议的读法：') + '</strong>' + zh(rd.question) + '</p><ul>';
      rd.outcomes.forEach(function (o) {
        h += '<li>' + esc(o.label) + '：<span class="badge v-' + o.verdict + '">' + verdictWord(o.verdict) + '</span>' + citeHtml(o.citation) + '</li>';
      });
      h += '</ul><label>' + t('按哪种读法计算') + ' <select data-reading="' + esc(id) + '"><option value="">' + t('各读法都列出') + '</option>' +
        rd.outcomes.map(function (o) {
          return '<option value="' + esc(o.option) + '"' + (rd.chosen_by === 'request' && rd.option === o.option ? ' selected' : '') + '>' + esc(o.label) + '</option>';
        }).join('') + '</select></label></div>';
    });
    return h;
  }

  // A criterion trace as a nested list; built only when its <details> is opened.
  // Values and comparisons as a finance officer reads them: 万元 for money, 是/否 for facts, words
  // for the comparison (不低于 3%), never >= or true.
  var OP_WORDS = { '>=': '不低于', '>': '高于', '<=': '不高于', '<': '低于', '==': '等于' };
  function opWord(op) { return t(OP_WORDS[op] || op); }
  function valueWords(v, unit, field) {
    if (v == null) return t('未填写');
    if (v === 'true' || v === true) return t('是');
    if (v === 'false' || v === false) return t('否');
    if (v === 'none') return t('无');
    var kind = field && fieldSpec[field] ? fieldSpec[field].kind : '';
    if (unit === 'yuan' || kind === 'money' || kind === 'signed_money') return /^-?\d+(\.\d+)?$/.test(String(v)) ? money(v) : String(v);
    if (unit === 'score') return v + t(' 分');
    return String(v);
  }
  function traceHtml(n) {
    var h = '<li class="node r-' + n.result + '"><span class="mark" aria-hidden="true">' + MARK[n.result] + '</span>' +
      '<span class="node-title">' + esc(n.title || n.id) + '</span> <span class="res">' + resultWord(n.result) + '</span>';
    if (n.kind === 'compare') {
      h += t('<p class="cmp">当前 ') + esc(n.value != null ? valueWords(n.value, n.unit) : t('未知')) + t('，要求 ') + esc(opWord(n.op)) + ' ' + esc(valueWords(n.threshold, n.unit)) + '</p>';
      if (n.inputs && n.inputs.length) h += '<p class="inputs">' + n.inputs.map(function (x) { return esc(x.label) + '：' + esc(valueWords(x.value, null, x.field)); }).join('；') + '</p>';
      if (n.gap) h += '<p class="gap">' + esc(gapText(n.gap)) + '</p>';
    } else if (n.kind === 'fact') {
      h += '<p class="cmp">' + esc(n.label) + '：' + esc(valueWords(n.value)) + '</p>';
    } else if (n.kind === 'score') {
      h += t('<p class="cmp">得分 ') + n.value.min + (n.value.max !== n.value.min ? '–' + n.value.max : '') + t('，要求 ') + esc(opWord(n.op)) + ' ' + esc(n.threshold) + '</p>';
      if (n.gap) h += t('<p class="gap">还差 ') + esc(n.gap.change) + t(' 分</p>');
    } else if (n.kind === 'all') h += t('<p class="cmp">以下全部满足</p>');
    else if (n.kind === 'any') h += t('<p class="cmp">以下满足其一即可</p>');
    else if (n.kind === 'not') h += t('<p class="cmp">以下情形不得存在</p>');
    else if (n.kind === 'tier') h += t('<p class="cmp">按该层级的全部条件判断（见该层级）</p>');
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


  // A document's state in words: not in force, validity unknown (no start date in the source), or
  // publication status unknown; '' when none applies.
  function validityWord(d) { return d.in_force === false ? t('不在有效期内') : (d.in_force == null ? t('有效期不明') : ''); }
  function statusWord(d) { return d.status === 'draft' ? t('征求意见稿') : (d.status === 'unknown' ? t('发布状态不明') : ''); }
  function sinceText(p) { return p.valid_from == null ? t('起始日期不明') : esc(p.valid_from) + t(' 起'); }

  function amountText(l) {
    // Contested: the readings give different amounts (the least is certain, the most the bound).
    if (l.amount.certain && l.amount.up_to) return t('至少 ') + money(l.amount.certain) + t('，至多 ') + money(l.amount.up_to) + t('（视读法而定）');
    if (l.amount.certain) return money(l.amount.certain);
    if (l.amount.up_to) return t('最高 ') + money(l.amount.up_to);
    if (l.amount.tax_credit) return t('抵免 ') + money(l.amount.tax_credit);
    return t('金额未定');
  }
  function lineHtml(l, extra) {
    var labels = (l.labels || []).map(function (x) { return '<span class="label">' + labelWords(x) + '</span>'; }).join('');
    var state = l.state === 'superseded' ? t('<span class="badge superseded">不叠加</span>') : (l.state === 'undetermined' ? t('<span class="badge v-undetermined">待定</span>') : '');
    var h = '<li class="line s-' + l.state + '" data-measure="' + esc(l.measure) + '"><div class="line-head"><span class="line-title">' + esc(l.title) + '</span>' +
      '<span class="amount">' + esc(amountText(l)) + '</span></div>';
    // The engine's calculation sentence is Chinese; an English reader gets the amount above and the labels.
    h += '<p class="basis">' + (extra || '') + (lang === 'en' ? '' : t('计算：') + esc(l.basis) + ' ') + state + labels + '</p>';
    if (l.stacking) h += '<p class="stacking">' + esc(l.stacking) + '</p>';
    // Money a city document restates from a province's programme: say whose it is.
    if (l.funded_by) h += '<p class="stacking">' + t('资金来源：') + esc(lang === 'en' ? t(l.funded_by) : l.funded_by) + '</p>';
    if (l.undetermined_by) h += t('<p class="stacking">待定原因：') + (lang === 'en' ? t('决定是否奖励的信息未填写（见下方“需补充”）') : esc(l.undetermined_by)) + '</p>';
    // Each contested reading the amount rests on, with what each option gives, in plain words.
    Object.keys(l.readings || {}).forEach(function (id) {
      var r = l.readings[id];
      var how = r.chosen_by === 'request' ? t('已选定读法：') + esc(r.option_label) : (r.decisive ? t('未选定读法：确定金额取较少者，上限取较多者') : t('各读法金额相同'));
      h += '<p class="reading" data-reading="' + esc(id) + '">' + t('有争议的读法：') + zh(r.question) + '<br>' + zh(r.summary) + '（' + how + '）</p>';
    });
    if (l.missing && l.missing.length) h += missingList(l.missing.map(function (m) { return m; }));
    // Whom to ask, where the text names them (a document that names no one says so once, above).
    var ap = applyByMeasure[l.measure];
    if (ap && l.state !== 'superseded') h += applyHtml(ap, 'measure', l.citation);
    h += citeHtml(l.citation, l.interpretation);
    return h + '</li>';
  }

  var applyByMeasure = {};
  function renderAwards(a) {
    applyByMeasure = {};
    a.documents.forEach(function (d) { (d.measures || []).forEach(function (m) { if (m.apply) applyByMeasure[m.measure] = m.apply; }); });
    var h = t('<section aria-labelledby="awards-h"><h2 id="awards-h" class="section-title">地方奖励与支持') + (a.city_name ? t('：') + esc(placeWord(a.city_name)) : '') + '</h2>';
    if (a.note) h += '<p class="card">' + esc(a.note) + '</p>';
    if (a.documents.length > 1) h += t('<p class="muted">各文件的金额分别计算，不跨文件相加；同一事项通常不重复享受。</p>');
    a.documents.forEach(function (d) {
      var tot = d.totals;
      h += '<article class="card doc" data-policy="' + esc(d.policy) + '" data-certain="' + esc(tot.certain) + '" data-upper-bound="' + esc(tot.upper_bound) + '">';
      h += '<h3>' + zh(d.title) + '</h3><p class="meta">' + zh(d.doc_no) + ' · ' + esc(placeWord(d.jurisdiction)) +
        (d.status === 'draft' ? t(' <span class="label draft">征求意见稿</span>') : '') +
        (d.status === 'unknown' ? ' <span class="label draft">' + esc(statusWord(d)) + '</span>' : '') +
        (d.source_kind === 'news_report' ? t(' <span class="label">据新闻报道</span>') : '') +
        (validityWord(d) ? ' <span class="label expired">' + esc(validityWord(d)) + '</span>' : '') + '</p>';
      if (d.provenance) h += '<p class="notice">' + (lang === 'en' ? t('来源未载明：') + zh(d.provenance) : esc(d.provenance)) + '</p>';
      if (d.validity_note) h += '<p class="notice">' + validityNoteWords(d) + '</p>';
      if (d.draft_note) h += '<p class="notice">' + esc(t(d.draft_note)) + '</p>';
      h += t('<dl class="totals"><div><dt>确定可得</dt><dd>') + money(tot.certain) + t('</dd></div><div><dt>最高可达</dt><dd>') + money(tot.upper_bound) + '</dd></div>' +
        (tot.unquantified ? t('<div><dt>另有金额未定</dt><dd>') + tot.unquantified + t(' 项</dd></div>') : '') +
        (tot.tax_credit !== '0.00' ? t('<div><dt>税收抵免（不计入奖励）</dt><dd>') + money(tot.tax_credit) + '</dd></div>' : '') +
        t('<div><dt>非资金支持</dt><dd>') + tot.benefits + t(' 项</dd></div></dl>');
      if (d.totals_if_in_force) h += t('<p class="muted">假如仍在有效期内（不可领取）：确定 ') + money(d.totals_if_in_force.certain) + t('，最高 ') + money(d.totals_if_in_force.upper_bound) + '</p>';
      if (d.measures && d.measures.length && !d.measures.some(function (m) { return m.apply; })) {
        h += '<div class="apply"><p><span class="tag">' + t('如何申请') + '</span>' + t('本文件未载明受理部门、申报时间和材料：以当年申报通知为准。') + '</p></div>';
      }
      if (d.lines.length) h += t('<h4>奖补项目</h4><ul class="lines">') + d.lines.map(function (l) { return lineHtml(l); }).join('') + '</ul>';
      else h += t('<p class="muted">按目前填写的事项和称号，本文件暂无可计算的奖补项目。下方列出本文件奖励哪些事项，以及本企业离每一项还差什么。</p>');
      (d.notes || []).forEach(function (n) { h += t('<p class="interp"><span class="tag">说明</span>') + esc(n.text) + '</p>'; });
      if (d.benefits.length) h += t('<details class="benefits"><summary>非资金支持（') + d.benefits.length + t(' 项）</summary><ul class="lines">') + d.benefits.map(function (l) { return lineHtml(l); }).join('') + '</ul></details>';
      if (d.benchmarks.length) {
        h += t('<details class="benchmarks"><summary>省级培育目标与本企业对照（') + d.benchmarks.length + t(' 项）</summary><table><thead><tr><th scope="col">目标</th><th scope="col">本企业</th><th scope="col">对照</th></tr></thead><tbody>') +
          d.benchmarks.map(function (b) {
            var mine = b.check ? (b.check.value != null ? b.check.value : t('未填写')) : '—';
            return '<tr><td>' + zh(b.title + '：' + b.target) + citeHtml(b.citation, b.interpretation) + '</td><td>' + esc(typeof mine === 'object' ? JSON.stringify(mine) : mine) + '</td><td>' +
              (b.result ? resultWord(b.result) : t('不适用')) + '</td></tr>';
          }).join('') + '</tbody></table></details>';
      }
      h += measuresHtml(d, a);
      if (d.rules.length) h += t('<details class="rules"><summary>适用规则（') + d.rules.length + t(' 条）</summary><ul>') + d.rules.map(function (ru) { return '<li>' + zh(ru.title) + citeHtml(ru.citation, ru.interpretation) + '</li>'; }).join('') + '</ul></details>';
      h += '</article>';
    });
    $('result-awards').innerHTML = h + '</section>';
    var p = '';
    if (a.potential.length) {
      p = t('<section class="card" aria-labelledby="potential-h"><h2 id="potential-h">若获认定可得的奖励</h2><p class="muted">以下层级本次评估为“符合”且尚未持有；获得认定后可申请：</p><ul class="lines">') +
        a.potential.map(function (l) { return lineHtml(l, t('获得“') + esc(tierTitleById(l.tier, l.tier_title)) + t('”认定后 · ')); }).join('') + '</ul></section>';
    }
    if (a.next_rungs && a.next_rungs.length) {
      p += t('<section class="card" aria-labelledby="next-rungs-h"><h2 id="next-rungs-h">达到更高层级后可得的奖励</h2><p class="muted">以下层级本次评估尚未符合或待定（差距和需补充的信息见上方各层级）；获得认定后才可申请，不计入上方金额：</p><ul class="lines">') +
        a.next_rungs.map(function (l) {
          return lineHtml(l, t('获得“') + esc(tierTitleById(l.tier, l.tier_title)) + t('”认定后 · 目前：') + verdictWord(l.tier_verdict) + ' · ');
        }).join('') + '</ul></section>';
    }
    $('result-potential').innerHTML = p;
  }

  // Sentences the engine writes in Chinese, composed from the structured result in English.
  function nextStepWords(n) {
    if (lang !== 'en') return esc(n.text);
    var tier = lastResult && lastResult.tiers.filter(function (x) { return x.id === n.id; })[0];
    var title = esc(tier ? tierTitle(tier) : n.title);
    if (n.verdict === 'eligible') return 'you can apply for ' + title;
    if (n.verdict === 'not_eligible') return 'first meet the conditions of ' + title;
    if (n.verdict === 'contested') return 'whether you can apply for ' + title + ' depends on a contested reading (see each reading\'s outcome); the year\'s application notice decides';
    return 'add the missing information to see whether you can apply for ' + title;
  }
  function notNeededWords(tier) {
    if (lang !== 'en') return esc(tier.not_needed.text);
    return 'A higher title is held, so there is no need to apply for ' + esc(tierTitle(tier)) + '; the verdict above is this rung\'s own conditions.';
  }
  function prerequisiteWords(p) {
    if (lang !== 'en') return esc(p.text);
    var title = esc(en('tiers', (lastResult && lastResult.tiers.filter(function (x) { return x.id === p.granted_by; })[0] || {}).tier) || p.granted_by_title);
    return 'First obtain the title ' + title + '; in this check that rung is: ' + verdictWord(p.granted_by_verdict);
  }
  function validityNoteWords(d) {
    if (lang !== 'en') return esc(d.validity_note);
    if (d.in_force === false && d.valid_to) return 'This document expired on ' + esc(d.valid_to) + ': nothing below can be claimed; shown for reference only.';
    if (d.in_force === false) return 'This document applies from ' + esc(d.valid_from) + ', after the evaluation date: nothing below can be claimed.';
    return 'This document states no start date' + (d.valid_to ? ' (it runs to ' + esc(d.valid_to) + ')' : '') + ': whether it is in force on the evaluation date cannot be told, so no amount counts as certain.';
  }
  // A measure's amount: the engine's words in Chinese; in English, from its kind and largest figure.
  function measureAmountWords(m) {
    if (lang !== 'en') return esc(m.amount_words);
    var most = m.most ? money(m.most) : '';
    switch (m.amount_kind) {
      case 'fixed': return most;
      case 'up_to': return 'up to ' + most;
      case 'rate': return 'a share of the amount concerned';
      case 'rate_cap': case 'rate_up_to': return 'a share of the amount concerned, up to ' + most;
      case 'tax_credit': return 'tax credit';
      case 'per_unit': return 'per unit';
      case 'unquantified': return 'no amount stated';
      case 'benefit': return 'non-monetary support';
      default: return most ? 'depends on the case, up to ' + most : 'depends on the case';
    }
  }

  // What a document pays for: every measure, what the text pays, where this firm stands, and
  // who to ask. Open when nothing is payable yet, so a firm with totals of 0 is never left with
  // nothing to read.
  var REACH = {
    listed: '已计入上方奖补项目',
    potential: '本企业目前符合相应层级，获得认定后可申请（见“若获认定可得的奖励”）',
    next_rung: '达到相应层级并获得认定后可申请（见“达到更高层级后可得的奖励”）',
    condition_not_met: '需先满足：',
    on_event: '发生该事项后可申请；在“本年度事项”中勾选即可计算：',
    not_paid: '按目前填写的信息不适用',
    other_applicant: '申请主体为：',
  };
  function reachText(m) {
    var w = t(REACH[m.reach] || '');
    if (m.reach === 'condition_not_met') return w + zh(m.condition || '');
    if (m.reach === 'on_event') return w + esc(en('events', eventTypeOf(m.event), 'label') || m.event || '');
    if (m.reach === 'other_applicant') return w + esc(valueLabel('applicant', m.applicant));
    return w;
  }
  function eventTypeOf(label) {
    for (var k in eventSpec) if (eventSpec[k].label === label) return k;
    return '';
  }
  function measuresHtml(d, a) {
    if (!d.measures || !d.measures.length) return '';
    var mine = d.measures.filter(function (m) { return m.reach !== 'other_applicant'; });
    var others = d.measures.filter(function (m) { return m.reach === 'other_applicant'; });
    var anyApply = d.measures.some(function (m) { return m.apply; });  // none: said once for the document
    var item = function (m) {
      return '<li class="measure" data-measure="' + esc(m.measure) + '" data-reach="' + esc(m.reach) + '"><div class="line-head"><span class="line-title">' + esc(m.title) + '</span>' +
        '<span class="amount">' + measureAmountWords(m) + '</span></div>' +
        '<p class="basis">' + t('本企业：') + reachText(m) + (m.competitive ? t(' <span class="label">竞争性评选</span>') : '') + '</p>' +
        (m.apply || anyApply ? applyHtml(m.apply, 'measure', m.citation) : '') + citeHtml(m.citation) + '</li>';
    };
    var h = '<details class="measures"' + (d.lines.length ? '' : ' open') + '><summary>' + t('本文件奖励哪些事项（') + mine.length + t(' 项）') + '</summary>';
    h += '<ul class="lines">' + mine.map(item).join('') + '</ul>';
    if (others.length) h += '<details class="measures-others"><summary>' + t('由其他主体申请的事项（') + others.length + t(' 项）') + '</summary><ul class="lines">' + others.map(item).join('') + '</ul></details>';
    return h + '</details>';
  }
  // How to apply, only as far as a source says; otherwise the plain answer.
  // `beside`: the citation shown next to it; a 责任单位 line of the same clause opens from there.
  function applyHtml(ap, kind, beside) {
    var h = '<div class="apply"><p><span class="tag">' + t('如何申请') + '</span>';
    if (!ap) {
      h += kind === 'tier' ? t('申报渠道、时间和材料以当年申报通知为准（本计算器未收录载明这些信息的原文）。')
        : t('受理部门、时间和材料原文未载明，以当年申报通知为准。');
      return h + '</p></div>';
    }
    var parts = [];
    if (ap.responsible) parts.push(t('责任单位（原文）：') + zh(ap.responsible));
    if (ap.channel) parts.push(t('渠道：') + zh(ap.channel));
    if (ap.window) parts.push(t('时间：') + zh(ap.window));
    if (ap.materials) parts.push(t('材料：') + zh(ap.materials));
    if (!ap.materials) parts.push(t('所需材料以当年申报通知为准'));
    var own = citeOf(ap.citation), near = citeOf(beside);
    var same = own && near && own.doc === near.doc && own.clause === near.clause;
    // Same clause as the citation beside it: one button to the 责任单位 words in the text, not a
    // second 依据 block that reads the same.
    if (same && sourceFor(own)) {
      // The same words (e.g. （责任单位：市工业和信息化局）) may close several clauses: the viewer
      // looks for them after this clause's own excerpt (data-near).
      var i = citations.push(own) - 1;
      var n = citations.push(near) - 1;
      h += parts.join(t('；')) + t('。') + ' <button type="button" class="open-source link" data-cite="' + i + '" data-near="' + n + '">' + t('在原文中查看') + '</button></p>';
    } else if (same) {
      h += parts.join(t('；')) + t('。') + '</p>';  // the 依据 beside it already says where the text is
    } else {
      h += parts.join(t('；')) + t('。') + '</p>' + citeHtml(ap.citation);
    }
    return h + '</div>';
  }

  function renderCompare(text, opts) {
    if (!lastResult) return;
    var out = JSON.parse(window.SRDI.compare(text, JSON.stringify(opts)));
    if (out.errors) return;
    var h = t('<section class="card" aria-labelledby="compare-h"><h2 id="compare-h">各城市对比</h2><p class="muted">') + esc(t(out.note)) + t('</p><table class="compare"><thead><tr><th scope="col">城市</th><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>');
    out.cities.forEach(function (c) {
      var docs = c.awards.documents;
      docs.forEach(function (d, k) {
        h += '<tr data-city="' + esc(c.city) + '" data-policy="' + esc(d.policy) + '" data-certain="' + esc(d.totals.certain) + '" data-upper-bound="' + esc(d.totals.upper_bound) + '">' +
          (k === 0 ? '<th scope="rowgroup" rowspan="' + docs.length + '">' + esc(placeWord(c.name)) + '</th>' : '') +
          '<td>' + zh(d.title) + (statusWord(d) ? ' <span class="label draft">' + esc(statusWord(d)) + '</span>' : '') + (validityWord(d) ? ' <span class="label expired">' + esc(validityWord(d)) + '</span>' : '') + '</td>' +
          '<td class="num">' + money(d.totals.certain) + '</td><td class="num">' + money(d.totals.upper_bound) + '</td></tr>';
      });
    });
    $('result-compare').innerHTML = h + '</tbody></table></section>';
  }

  function renderStamp(r) {
    $('result-stamp').innerHTML = t('<p>计算引擎 srdi ') + esc(r.engine.version) + t(' · 评估日期 ') + esc(r.as_of) + t(' · 使用的政策文件：') +
      r.policies.map(function (p) {
        return zh(p.doc_no) + '（' + (statusWord(p) ? esc(statusWord(p)) + '，' : '') + sinceText(p) + (p.valid_to ? t('，至 ') + esc(p.valid_to) : '') +
          (p.sha256 ? ' · <span class="hash" title="SHA-256 ' + esc(p.sha256) + '">' + esc(p.file) + ' ' + esc(p.sha256.slice(0, 12)) + '</span>' : '') + '）';
      }).join('；') + '</p>';
  }

  // ---------------------------------------------------------------- source viewer

  // `near`: a citation whose excerpt comes before this one's in the text (its clause's own words).
  function openSource(c, opener, near) {
    var src = sourceFor(c);
    if (!src) return;
    $('source-title').textContent = src.title;
    $('source-viewer').setAttribute('data-policy', src.policy);
    $('source-meta').textContent = src.doc_no + ' · ' + src.issuer + (src.status === 'draft' ? t(' · 征求意见稿') : '') + t(' · 条款 ') + (c.clause || '');
    // Find the excerpt, ignoring line breaks and spaces inside it; else the clause heading.
    var text = src.text;
    var pattern = function (s) { return s.replace(/\s+/g, '').split('').map(function (ch) { return ch.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); }).join('\\s*'); };
    var m = null;
    var from = 0;
    var anchor = near && near.excerpt ? new RegExp(pattern(near.excerpt)).exec(text) : null;
    if (anchor) from = anchor.index;
    if (c.excerpt && from) {
      var later = new RegExp(pattern(c.excerpt), 'g');
      later.lastIndex = from;
      m = later.exec(text);
    }
    if (!m && c.excerpt) m = new RegExp(pattern(c.excerpt)).exec(text);
    if (!m && c.excerpt) m = new RegExp(pattern(c.excerpt.slice(0, 12))).exec(text);
    var html = m ? esc(text.slice(0, m.index)) + '<mark id="source-hit">' + esc(m[0]) + '</mark>' + esc(text.slice(m.index + m[0].length))
      : t('<p class="notice">摘录为转述，未能在原文中逐字定位；请按条款“') + esc(c.clause || '') + t('”查阅。</p>') + esc(text);
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
    if (config.kiosk || !$('opt-remember').checked) return;  // a kiosk stores nothing, ever
    try { window.localStorage.setItem(STORAGE_KEY, lastProfileText); } catch (e) { /* storage may be off */ }
  }
  function forget() {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  }
  function restore() {
    if (config.kiosk) return false;
    var text = null;
    try { text = window.localStorage.getItem(STORAGE_KEY); } catch (e) { text = null; }
    if (!text) return false;
    $('opt-remember').checked = true;
    if (loadText(text, t('已恢复本浏览器中记住的内容。'))) return true;
    // Remembered by an earlier version whose fields this one refuses (e.g. the single award year):
    // kept under a key of its own, so the next keystroke's remember() cannot overwrite it.
    try { window.localStorage.setItem(STORAGE_KEY + '.unreadable', text); } catch (e) { /* storage may be off */ }
    $('file-status').textContent += t('记住的原内容已另存在本浏览器中，不会被覆盖。');
    return false;
  }

  // Loads a profile text into the form if the engine accepts it; otherwise keeps the form as it
  // is and says what is wrong.
  function loadText(text, okMessage) {
    var parsed;
    try { parsed = parseExact(text); } catch (e) {
      $('file-status').textContent = t('文件不是有效的 JSON：') + e.message + t('。当前填写的内容未改变。');
      return false;
    }
    var check = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(options())));
    if (check.errors) {
      $('file-status').textContent = t('文件有 ') + check.errors.length + t(' 处错误，未读取（当前填写的内容未改变）：') +
        check.errors.slice(0, 5).map(function (e) { return pathWords(e.path) + (en('errors', e.code) || e.message); }).join('；');
      return false;
    }
    fillForm(parsed);
    $('file-status').textContent = okMessage || '';
    runFull();
    return true;
  }
  // Where in a file an error is, in words: the field's label (事项 and 称号 rows by number), never
  // a JSON pointer. The engine's message already names the field, so only what it cannot say is added.
  function pathWords(path) {
    var m = /^\/(events|holds)\/(\d+)/.exec(path || '');
    if (m) return (m[1] === 'events' ? t('第 ') + (Number(m[2]) + 1) + t(' 项事项：') : t('第 ') + (Number(m[2]) + 1) + t(' 项已获称号：'));
    return '';
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
    var name = (read.profile.name || t('企业信息')).replace(/[\\/:*?"<>|\u0000-\u001f\u2028\u2029]/g, '_') + '.json';
    var blob = new Blob([text], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    host.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    $('file-status').textContent = t('已保存为“') + name + '”。' + (read.problems.length ? t('有误的字段未写入文件。') : '');
    if (!read.problems.length) markSaved();
  }

  function buildPrintReport() {
    if (!lastResult) return;
    var r = lastResult;
    var read = readProfile();
    var h = t('<h1>专精特新政策自测报告</h1><p>企业：') + esc(r.enterprise.name || t('（未填写名称）')) + t(' · 评估日期：') + esc(dateWords(r.as_of)) +
      t(' · 认定标准：') + esc(r.criteria.version ? versionWord(r.criteria.version) : t('无')) + t(' · 打印日期：') + esc(dateWords(todayIso())) + '</p>';
    h += t('<p class="muted">本报告为自测参考，以主管部门认定为准。</p>');
    h += reportSummaryHtml(r);
    h += '<div class="report-details">';
    h += t('<h2>填写的信息</h2><table><tbody>');
    // Titles held and honours print as the list ticked (or 无), not as the table's controls.
    var ticked = function (sel) {
      return Array.prototype.filter.call(scope.querySelectorAll(sel), function (c) { return c.checked; });
    };
    var holdsList = ticked('tr[data-hold] input[type=checkbox]').map(function (c) {
      var level = $(c.id + '-level'), since = $(c.id + '-since');
      var bits = [level && level.value ? level.options[level.selectedIndex].text : '', since && since.value ? since.value + t('认定') : ''].filter(Boolean);
      return labelForElement(c.id) + (bits.length ? '（' + bits.join('，') + '）' : '');
    });
    var honorsList = ticked('[data-honor]').map(function (c) { return labelForElement(c.id); });
    scope.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (!c.id || c.type === 'file' || c.disabled) return;
      if (c.closest('tr[data-hold]') || c.matches('[data-honor]')) return;
      if ((c.id === 'f-holds' || c.id === 'f-honors') && c.value === 'list') {
        var list = c.id === 'f-holds' ? holdsList : honorsList;
        h += '<tr><th scope="row">' + esc(labelForElement(c.id)) + '</th><td>' + esc(list.length ? list.join('；') : t('无')) + '</td></tr>';
        return;
      }
      var v = c.type === 'checkbox' ? (c.checked ? t('是') : '') : (c.tagName === 'SELECT' ? (c.value ? c.options[c.selectedIndex].text : '') : c.value);
      if (!v) return;
      h += '<tr><th scope="row">' + esc(labelForElement(c.id)) + '</th><td>' + esc(v) + '</td></tr>';
    });
    h += '</tbody></table>';
    if (read.problems.length) h += t('<p class="notice">有 ') + read.problems.length + t(' 处填写有误，未计入。</p>');
    h += t('<h2>结论</h2><p>划型：') + esc(sizeWord(r.size)) + '</p>';
    r.notices.forEach(function (n) { h += '<p class="notice">' + esc(n.text) + '</p>'; });
    r.tiers.forEach(function (tier) {
      h += '<h3>' + esc(tierTitle(tier)) + '：' + verdictWord(tier.verdict) + '</h3><p>' + esc(tier.doc_no) + t(' · 标准版本 ') + esc(versionWord(tier.version)) + (tier.score ? t(' · 得分 ') + tier.score.min + (tier.score.max !== tier.score.min ? '–' + tier.score.max : '') : '') + (tier.route ? t(' · 路径：') + esc(tier.route.title) : '') + '</p>';
      if (tier.unmet.length) h += '<ul>' + tier.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul>';
      if (tier.verdict === 'undetermined') h += t('<p>需补充：') + tier.missing.map(function (m) { return esc(fieldLabel(m)); }).join('、') + '</p>';
      if (tier.not_needed) h += '<p>' + esc(tier.not_needed.text) + '</p>';
      Object.keys(tier.readings || {}).forEach(function (id) {
        var rd = tier.readings[id];
        if (!rd.decisive) return;
        h += '<p>' + t('有争议的读法：') + esc(rd.question) + '：' + rd.outcomes.map(function (o) { return esc(o.label) + '：' + verdictWord(o.verdict); }).join('；') + '</p>';
      });
      h += printCite(tier.criteria.citation);
    });
    h += checklistHtml(r);
    h += t('<h2>地方奖励与支持</h2>');
    if (r.awards.note) h += '<p>' + esc(r.awards.note) + '</p>';
    r.awards.documents.forEach(function (d) {
      h += '<h3>' + esc(d.title) + (/^（/.test(d.doc_no) ? esc(d.doc_no) : '（' + esc(d.doc_no) + '）') + (statusWord(d) ? ' 【' + esc(statusWord(d)) + '】' : '') + (validityWord(d) ? ' 【' + esc(validityWord(d)) + '】' : '') + '</h3>';
      h += t('<p>确定可得 ') + money(d.totals.certain) + t('；最高可达 ') + money(d.totals.upper_bound) + (d.totals.unquantified ? t('；另有 ') + d.totals.unquantified + t(' 项金额未定') : '') + '</p><ul>';
      d.lines.concat(d.benefits).forEach(function (l) {
        h += '<li>' + esc(l.title) + '：' + esc(amountText(l)) + '（' + esc(l.basis) + '）' + (l.state === 'superseded' ? t(' 不叠加') : '') + (l.labels.length ? ' 【' + esc(l.labels.join('、')) + '】' : '') + printCite(l.citation) + '</li>';
      });
      h += '</ul>';
    });
    h += '</div><div class="report-appendix">';
    h += t('<h2>附录：政策文件版本</h2><p>计算引擎 srdi ') + esc(r.engine.version) + t('；以下为本次计算所用的每个政策数据文件及其 SHA-256 校验值。</p><ul>') + r.policies.map(function (p) {
      return '<li>' + esc(p.title) + ' ' + esc(p.doc_no) + '（' + (statusWord(p) ? esc(statusWord(p)) + '，' : '') + sinceText(p) + (p.valid_to ? t('，至 ') + esc(p.valid_to) : '') + t('；数据 ') + esc(p.file) + (p.sha256 ? ' SHA-256 ' + esc(p.sha256) : '') + '）</li>';
    }).join('') + '</ul></div>';
    $('print-report').innerHTML = h;
  }
  function dateWords(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || '';
    return lang === 'en' ? iso : Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
  }
  // Page 1 of the report: the firm's standing on one page. Each rung with the reasons that decide
  // it, the key ratios, and what each document pays, with its labels.
  function reportSummaryHtml(r) {
    var h = t('<div class="report-summary"><h2>摘要</h2><table class="sum-table"><thead><tr><th scope="col">项目</th><th scope="col">结论</th><th scope="col">主要原因</th></tr></thead><tbody>');
    var sizeWhy = [r.size.industry_label ? t('行业：') + r.size.industry_label : '', r.size.doc_no || ''];
    if (r.size.class === 'undetermined') sizeWhy.push(t('可能为：') + r.size.possible.map(classWord).join('、'), t('需补充：') + (r.size.missing || []).map(fieldLabel).join('、'));
    h += t('<tr><th scope="row">企业规模（划型）</th><td>') + esc(sizeWord(r.size)) + '</td><td>' + esc(sizeWhy.filter(Boolean).join('；')) + '</td></tr>';
    r.tiers.forEach(function (tier) {
      var why = [];
      if (tier.held === true) why.push(t('已持有该称号'));
      if (tier.not_needed) why.push(tier.not_needed.text);
      if (tier.verdict === 'eligible' && tier.route) why.push(t('通过路径：') + tier.route.title);
      if (tier.verdict === 'not_eligible') (tier.unmet || []).slice(0, 3).forEach(function (u) { why.push(u.gap && u.gap.text ? gapText(u.gap) : u.title); });
      if (tier.verdict === 'undetermined') why.push(t('需补充：') + (tier.missing || []).slice(0, 6).map(fieldLabel).join('、'));
      Object.keys(tier.readings || {}).forEach(function (id) {
        var rd = tier.readings[id];
        if (rd.decisive) why.push(rd.outcomes.map(function (o) { return o.label + '：' + verdictWord(o.verdict); }).join('；'));
      });
      if (!tier.in_force) why.push(t('该标准在评估日期不在有效期内，仅供参考'));
      h += '<tr><th scope="row">' + esc(tierTitle(tier)) + '</th><td>' + verdictWord(tier.verdict) + '</td><td>' + esc(why.join('；')) + '</td></tr>';
    });
    h += '</tbody></table>';
    var figs = r.key_figures || [];
    if (figs.length) {
      h += t('<h3>关键指标</h3><table class="sum-table"><tbody>') + figs.map(function (k) {
        var v = k.value != null ? k.value : (k.missing && k.missing.length ? t('未填写（') + k.missing.map(fieldLabel).join('、') + '）' : t('无法计算'));
        return '<tr><th scope="row">' + esc(k.label) + '</th><td>' + esc(v) + '</td></tr>';
      }).join('') + '</tbody></table>';
    }
    if (r.awards.documents.length) {
      h += t('<h3>地方奖励（各文件分别计算，不相加）</h3><table class="sum-table"><thead><tr><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>') +
        r.awards.documents.map(function (d) {
          var labels = [statusWord(d), validityWord(d), d.provenance ? d.provenance : ''].filter(Boolean);
          return '<tr><th scope="row">' + esc(d.jurisdiction) + '：' + esc(d.title) + (labels.length ? ' 【' + esc(labels.join('；')) + '】' : '') + '</th><td>' + money(d.totals.certain) + '</td><td>' + money(d.totals.upper_bound) +
            (d.totals.unquantified ? t('（另有 ') + d.totals.unquantified + t(' 项金额未定）') : '') + '</td></tr>';
        }).join('') + '</tbody></table>';
      if (r.awards.potential.length) h += t('<p>获得认定后还可申请：') + esc(r.awards.potential.map(function (l) { return l.title + ' ' + amountText(l); }).join('；')) + '</p>';
    } else if (r.awards.note) {
      h += '<p>' + esc(r.awards.note) + '</p>';
    }
    return h + '</div>';
  }

  // 申请清单: what the firm can apply for now, and whom to ask, for the printed report.
  function checklistHtml(r) {
    var applyOf = {};
    r.awards.documents.forEach(function (d) { (d.measures || []).forEach(function (m) { applyOf[m.measure] = m.apply; }); });
    var how = function (ap, kind) {
      if (!ap) return kind === 'tier' ? t('申报渠道、时间和材料以当年申报通知为准') : t('受理部门、时间和材料以当年申报通知为准');
      var parts = [];
      if (ap.responsible) parts.push(t('责任单位（原文）：') + esc(ap.responsible));
      if (ap.channel) parts.push(t('渠道：') + esc(ap.channel));
      if (ap.window) parts.push(t('时间：') + esc(ap.window));
      parts.push(ap.materials ? t('材料：') + esc(ap.materials) : t('材料以当年申报通知为准'));
      return parts.join('；') + printCite(ap.citation);
    };
    var rows = [];
    r.tiers.forEach(function (tier) {
      if (tier.held === true || tier.not_needed || !tier.in_force) return;
      if (tier.verdict !== 'eligible' && tier.verdict !== 'contested' && tier.verdict !== 'undetermined') return;
      rows.push('<li>☐ ' + t('申请认定：') + esc(tierTitle(tier)) + '（' + verdictWord(tier.verdict) + '）：' + how(tier.apply, 'tier') + '</li>');
    });
    var lines = [];
    r.awards.documents.forEach(function (d) {
      if (d.in_force === false) return;
      d.lines.forEach(function (l) { if (l.state === 'applies' || l.state === 'undetermined') lines.push(l); });
    });
    lines.concat(r.awards.potential).forEach(function (l) {
      rows.push('<li>☐ ' + esc(l.title) + '：' + esc(amountText(l)) + (l.tier_title ? t('（获得“') + esc(l.tier_title) + t('”认定后）') : '') +
        (l.labels.length ? ' 【' + esc(l.labels.join('、')) + '】' : '') + '；' + how(applyOf[l.measure], 'measure') + '</li>');
    });
    if (!rows.length) return t('<h2>申请清单</h2><p>按目前填写的信息，暂无可申请的认定或奖励。</p>');
    return t('<h2>申请清单</h2><ul class="checklist">') + rows.join('') + '</ul>';
  }
  function printCite(ref) {
    var c = citeOf(ref);
    return c ? t('<span class="pcite">依据：') + esc(c.doc) + ' ' + esc(c.clause || '') + '：“' + esc(c.excerpt) + '”' + (c.excerpt_kind === 'quote' ? '' : t('（转述）')) + '</span>' : '';
  }

  // ---------------------------------------------------------------- wiring

  function wire() {
    var form = $('profile-form');
    form.addEventListener('input', function (e) {
      var tg = e.target;
      if (tg.matches('[data-honor]') && tg.checked) $('f-honors').value = 'list';
      if (tg.matches('#holds-table input, tr[data-hold] input, tr[data-hold] select') && (tg.checked || tg.value)) $('f-holds').value = 'list';
      if (tg.id && /^f-sci_award-/.test(tg.id) && tg.value && !$('f-sci_award').value) $('f-sci_award').value = 'some';
      if (tg.name) delete loadedText[tg.name];  // edited: the field's own value from now on
      schedule();
    });
    form.addEventListener('change', function (e) {
      var tg = e.target;
      if (tg.matches('tr[data-hold] input[type=checkbox]') && tg.checked) $('f-holds').value = 'list';
      if (tg.matches('[data-honor]') && tg.checked) $('f-honors').value = 'list';
      if (tg.matches('[data-sci-unknown]') && tg.checked && !$('f-sci_award').value) $('f-sci_award').value = 'some';
      if (tg.name) delete loadedText[tg.name];
      syncForm();
      if (tg.id && tg.id.indexOf('ev-type-') === 0) {
        syncEvents();
        var type = tg.id.slice(8);
        if (tg.checked) events.push({ type: type, values: {} });
        else events = events.filter(function (ev) { return ev.type !== type; });
        renderEvents(tg.id);
      }
      schedule(0);
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
        schedule(0);
      } else if (holdRm) {
        // The rows after the removed one move up, so the rows stay numbered 1, 2, 3, …
        var ht = holdRm.getAttribute('data-hold-remove');
        var entries = holdRows(ht).map(function (row, k) { return holdEntry(ht, k + 1); });
        var gone = Number(holdRm.getAttribute('data-hold-n'));
        entries.splice(gone - 1, 1);
        setHoldRowCount(ht, entries.length);
        entries.forEach(function (x, k) { if (k + 1 >= gone) setHoldEntry(ht, k + 1, x); });
        syncForm();
        var back = scope.querySelector('[data-hold-add="' + ht + '"]');
        (back && back.style.display !== 'none' ? back : $(holdId(ht, 1))).focus();
        schedule(0);
      } else if (add) {
        syncEvents();
        events.push({ type: add.getAttribute('data-add'), values: {} });
        var i = events.length - 1;
        renderEvents();
        var first = scope.querySelector('[data-event-index="' + i + '"] input, [data-event-index="' + i + '"] select');
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
    if (!scopeWired) listen(scope, 'click', function (e) {
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
      if (o) openSource(citations[Number(o.getAttribute('data-cite'))], o, o.hasAttribute('data-near') ? citations[Number(o.getAttribute('data-near'))] : null);
    });
    if (!scopeWired) listen(scope, 'toggle', function (e) {
      if (e.target.matches && e.target.matches('details.trace') && e.target.open) fillTrace(e.target);
    }, true);
    ['opt-as-of', 'opt-criteria', 'opt-applicant', 'opt-renewal'].forEach(function (id) { $(id).addEventListener('change', function () { schedule(0); }); });
    // A reading picked in a tier card: the engine then states that reading's verdict plainly.
    $('result-tiers').addEventListener('change', function (e) {
      var sel = e.target.closest && e.target.closest('select[data-reading]');
      if (!sel) return;
      if (sel.value) readingChoice[sel.getAttribute('data-reading')] = sel.value;
      else delete readingChoice[sel.getAttribute('data-reading')];
      schedule(0);
    });
    $('sample-select').addEventListener('change', function () {
      var id = $('sample-select').value;
      var s = DATA.samples.filter(function (x) { return x.id === id; })[0];
      if (!s) return;
      keepForUndo();
      if (loadText(s.text, t('已载入示例“') + s.label + '”。')) { markSaved(); statusWithUndo($('file-status').textContent); }
      else undoSnap = null;
    });
    $('btn-save').addEventListener('click', save);
    $('file-load').addEventListener('change', function () {
      var file = $('file-load').files[0];
      if (!file) return;
      var reader = new FileReader();
      reader.onload = function () {
        keepForUndo();
        if (loadText(String(reader.result), t('已读取“') + file.name + '”。')) { markSaved(); statusWithUndo($('file-status').textContent); }
        else undoSnap = null;
        $('file-load').value = '';
      };
      reader.onerror = function () { $('file-status').textContent = t('无法读取该文件。'); };
      reader.readAsText(file);
    });
    $('opt-remember').addEventListener('change', function () {
      if ($('opt-remember').checked) { remember(); $('file-status').textContent = t('将在本浏览器中记住填写的内容（可随时清除）。'); }
      else { forget(); $('file-status').textContent = t('已不再记住，本浏览器中保存的内容已删除。'); }
    });
    $('btn-clear').addEventListener('click', function () {
      keepForUndo();
      resetAll();
      statusWithUndo(t('已清除：表单已清空，本浏览器中没有保存任何内容。') + (undoSnap ? t('撤销只恢复表单，不会重新保存到本浏览器。') : ''));
    });
    $('file-status').addEventListener('click', function (e) { if (e.target.id === 'btn-undo') undo(); });
    $('btn-new-session').addEventListener('click', function () { resetAll(); });
    $('opt-lang').addEventListener('change', function () { switchLang($('opt-lang').value); });
    $('btn-update').addEventListener('click', function () {
      if (window.SRDI_PWA) window.SRDI_PWA.applyUpdate();
    });
    if (config.kiosk) {
      $('idle-continue').addEventListener('click', stillHere);
      $('idle-warning').addEventListener('cancel', function (e) { e.preventDefault(); stillHere(); });
    }
    scopeWired = true;
    $('btn-print').addEventListener('click', function () { buildPrintReport(); window.print(); });
    // Mounted too: printing from the host page prints the calculator's report (the shadow root's
    // print rules show it alone inside the calculator).
    listen(window, 'beforeprint', buildPrintReport);
    $('source-close').addEventListener('click', function () { $('source-viewer').close(); });
    $('source-viewer').addEventListener('close', function () {
      var back = $('source-viewer').returnFocusTo;
      if (back && back.isConnected) back.focus();
    });
  }


  // ---------------------------------------------------------------- sessions, summary, kiosk

  // Back to an empty calculator: form, options, samples, dialogs, and anything remembered.
  function resetAll() {
    forget();
    $('opt-remember').checked = false;
    clearForm();
    $('sample-select').value = '';
    $('opt-as-of').value = config.as_of || todayIso();
    $('opt-criteria').value = 'auto';
    $('opt-applicant').value = config.applicant || 'enterprise';
    if (config.city) { ensureCityOption(config.city); $(idFor('city')).value = config.city; }
    $('file-status').textContent = '';
    ['source-viewer', 'idle-warning'].forEach(function (id) { if ($(id).open) $(id).close(); });
    $('print-report').innerHTML = '';
    if (host.scrollIntoView && config.kiosk) window.scrollTo(0, 0);
    schedule(0);
  }

  // What a host page needs to show: verdicts and totals, with the data-version stamp.
  function summaryOf(r) {
    return {
      as_of: r.as_of,
      criteria: r.criteria.version,
      size: r.size.class,
      // With each rung, what it lacks in words and the fields whose blank leaves it undetermined.
      tiers: r.tiers.map(function (x) {
        return { id: x.id, title: x.title, verdict: x.verdict, held: x.held,
          gaps: (x.unmet || []).map(function (u) { return u.gap && u.gap.text ? u.gap.text : u.title; }),
          missing: (x.verdict === 'undetermined' ? x.missing || [] : []).map(function (m) { return fieldLabel(m); }) };
      }),
      awards: r.awards.documents.map(function (d) {
        return { policy: d.policy, jurisdiction: d.jurisdiction, status: d.status, in_force: d.in_force,
          certain: d.totals.certain, upper_bound: d.totals.upper_bound, unquantified: d.totals.unquantified };
      }),
      data_version: { engine: r.engine.version, policies: r.policies },
    };
  }
  var lastSummaryText = '';
  function emitResult(r) {
    var summary = summaryOf(r);
    var text = JSON.stringify(summary);
    if (text === lastSummaryText) return;  // only when the result changes
    lastSummaryText = text;
    if (typeof config.onResult === 'function') {
      try { config.onResult(summary); } catch (e) { console.warn('[srdi] onResult failed:', e); }
    }
    if (shadow) shadow.host.dispatchEvent(new CustomEvent('srdi:result', { detail: summary, bubbles: true, composed: true }));
  }

  // Kiosk: after `idle` seconds without input, a warning counts down `warn` seconds, then
  // everything is cleared for the next visitor.
  var idleTimer = 0, countdownTimer = 0;
  function armIdle() {
    if (!config.kiosk) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warnIdle, 1000 * (config.idle || 180));
  }
  function warnIdle() {
    var left = config.warn || 30;
    var dlg = $('idle-warning');
    var tick = function () {
      $('idle-count').textContent = String(left);
      if (left <= 0) { dlg.close(); resetAll(); armIdle(); return; }
      left -= 1;
      countdownTimer = setTimeout(tick, 1000);
    };
    if (!dlg.open) dlg.showModal();
    tick();
  }
  function stillHere() {
    clearTimeout(countdownTimer);
    if ($('idle-warning').open) $('idle-warning').close();
    armIdle();
  }
  // An on-screen numeric keypad for touch-only terminals (kiosk=1&keypad=1, docs/kiosk.md): it
  // opens under a focused number field and types into it as a keyboard would, so every check and
  // the re-evaluation run exactly as for typed input.
  var KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '-'];
  function keypadHtml() {
    return '<div id="keypad" class="keypad" role="group" aria-label="' + t('数字键盘') + '" hidden>' +
      KEYS.map(function (k) { return '<button type="button" data-key="' + k + '" tabindex="-1">' + k + '</button>'; }).join('') +
      '<button type="button" data-key="back" tabindex="-1" aria-label="' + t('退格') + '">⌫</button>' +
      '<button type="button" data-key="clear" tabindex="-1">' + t('清空') + '</button>' +
      '<button type="button" data-key="done" tabindex="-1" class="keypad-done">' + t('完成') + '</button></div>';
  }
  function wireKeypad() {
    if (!config.kiosk || !config.keypad) return;
    host.insertAdjacentHTML('beforeend', keypadHtml());
    var pad = $('keypad'), target = null;
    var numeric = function (el) { return el && el.tagName === 'INPUT' && /^(decimal|numeric)$/.test(el.getAttribute('inputmode') || ''); };
    $('profile-form').addEventListener('focusin', function (e) {
      if (numeric(e.target)) { target = e.target; pad.hidden = false; } else { pad.hidden = true; target = null; }
    });
    // Pressing a key must not move the focus away from the field.
    pad.addEventListener('mousedown', function (e) { e.preventDefault(); });
    pad.addEventListener('click', function (e) {
      var b = e.target.closest('[data-key]');
      if (!b || !target) return;
      var k = b.getAttribute('data-key');
      if (k === 'done') { pad.hidden = true; target.blur(); target = null; return; }
      var v = target.value;
      target.value = k === 'back' ? v.slice(0, -1) : k === 'clear' ? '' : v + k;
      target.dispatchEvent(new Event('input', { bubbles: true }));
      armIdle();
    });
  }

  function wireKiosk() {
    if (!config.kiosk) return;
    ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach(function (type) {
      listen(scope, type, function () { if (!$('idle-warning').open) armIdle(); }, true);
    });
    cleanups.push(function () { clearTimeout(idleTimer); clearTimeout(countdownTimer); });
    armIdle();
  }

  function start() {
    if (!shadow) document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    else host.lang = lang === 'en' ? 'en' : 'zh-CN';
    schema = JSON.parse(window.SRDI.schema());
    host.innerHTML = templateHtml();
    host.classList.add('srdi-root');
    startAuthor();
    renderPolicyNotices();
    if (config.kiosk) host.classList.add('srdi-kiosk');
    (config.hide || []).forEach(function (part) { host.classList.add('srdi-hide-' + part); });
    schema.fields.forEach(function (f) { fieldSpec[f.name] = f; });
    schema.events.forEach(function (e) { eventSpec[e.type] = e; });
    buildForm();
    $('opt-as-of').value = config.as_of || todayIso();
    if (config.applicant) $('opt-applicant').value = config.applicant;
    if (config.city) { ensureCityOption(config.city); $(idFor('city')).value = config.city; }
    fillSamples();
    // On a phone the bar gives way when the results themselves are on screen.
    if (typeof IntersectionObserver === 'function') {
      var seen = new IntersectionObserver(function (entries) {
        host.classList.toggle('srdi-results-in-view', entries.some(function (e) { return e.isIntersecting; }));
      });
      seen.observe($('results'));
      cleanups.push(function () { seen.disconnect(); });
    }
    blankKey = inputKey(captureInput());
    savedKey = blankKey;
    wire();
    wireKiosk();
    wireKeypad();
    // Leaving with typed input that is kept nowhere asks first (never in a kiosk, which clears itself).
    if (!shadow) listen(window, 'beforeunload', function (e) {
      if (!unsaved()) return undefined;
      e.preventDefault();
      e.returnValue = '';
      return '';
    });
    // A newer version of the site (new policy data) was installed by the service worker (web/pwa.js).
    if (!shadow) {
      listen(window, 'srdi:update-available', function () { $('update-banner').hidden = false; });
      if (window.SRDI_PWA && window.SRDI_PWA.updateAvailable) $('update-banner').hidden = false;
    }
    // A firm opened from the screening page (batch.html): its profile travels in the URL's
    // fragment, which no server ever receives, and is removed from the address at once.
    var handed = !shadow && !config.kiosk && /^#profile=/.test(window.location.hash) ? window.location.hash.slice(9) : null;
    if (handed != null) {
      try { window.history.replaceState(null, '', window.location.pathname + window.location.search); } catch (e) { /* file:// may refuse */ }
      var handedText = null;
      try { handedText = decodeURIComponent(handed); } catch (e) { handedText = null; }
      if (handedText && loadText(handedText, t('已载入培育库筛选中的企业。'))) return;
    }
    if (config.kiosk || !restore()) runFull();
  }

  var startedResolve;
  var started = new Promise(function (resolve) { startedResolve = resolve; });
  // The portal's own policy files are loaded first, so the form is built from the schema with them.
  window.SRDI.ready.then(function () {
    loadPortalPolicies(config.policy, config.policyFromUrl).then(function (notices) {
      if (destroyed) return;
      policyNotices = notices;
      start();
      startedResolve();
    });
  }, function (e) {
    root.setAttribute('data-srdi-state', 'error');
    host.textContent = t('计算引擎加载失败：') + (e && e.message ? e.message : e);
  });

  return {
    // Resolves to {ok: true} or {ok: false, errors} (the engine's errors; the form is left as it was).
    setProfile: function (profile) {
      return started.then(function () {
        var text = typeof profile === 'string' ? profile : JSON.stringify(profile);
        var check = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(options())));
        if (check.errors) return { ok: false, errors: check.errors };
        loadText(text, '');
        return { ok: true };
      });
    },
    clear: function () { return started.then(function () { resetAll(); }); },
    destroy: function () {
      destroyed = true;
      clearTimeout(timer);
      clearTimeout(fullTimer);
      clearTimeout(compareTimer);
      cleanups.forEach(function (f) { f(); });
      host.innerHTML = '';
    },
  };
}

  // ---------------------------------------------------------------- how the calculator is started

  var APPLICANTS = ['enterprise', 'service_platform', 'park_operator', 'investor', 'financial_institution', 'training_institution'];

  // Options from a URL (the page itself, or the page in an iframe) or from SRDI.mount. A bad value
  // is reported in the console and ignored, never thrown.
  function cleanConfig(raw) {
    var c = { kiosk: false, origins: [] };
    var warn = function (k, v) { console.warn('[srdi] option ' + k + '=' + JSON.stringify(v) + ' ignored'); };
    if (raw.lang != null) { if (raw.lang === 'en' || raw.lang === 'zh') c.lang = raw.lang; else warn('lang', raw.lang); }
    if (raw.city != null) { if (typeof raw.city === 'string' && /^[a-z0-9_-]{1,40}$/.test(raw.city)) c.city = raw.city; else warn('city', raw.city); }
    if (raw.applicant != null) { if (APPLICANTS.indexOf(raw.applicant) >= 0) c.applicant = raw.applicant; else warn('applicant', raw.applicant); }
    if (raw.as_of != null) { if (/^\d{4}-\d{2}-\d{2}$/.test(raw.as_of)) c.as_of = raw.as_of; else warn('as_of', raw.as_of); }
    if (raw.kiosk != null) c.kiosk = raw.kiosk === true || raw.kiosk === '1' || raw.kiosk === 'true';
    if (raw.keypad != null) c.keypad = raw.keypad === true || raw.keypad === '1' || raw.keypad === 'true';
    ['idle', 'warn'].forEach(function (k) {
      if (raw[k] == null) return;
      var n = Number(raw[k]);
      if (/^\d+$/.test(String(raw[k])) && n >= 1 && n <= 86400) c[k] = n; else warn(k, raw[k]);
    });
    if (raw.origins != null) {
      var list = Array.isArray(raw.origins) ? raw.origins : String(raw.origins).split(',');
      list.forEach(function (o) {
        o = String(o).trim();
        if (/^https?:\/\/[^/]+$/.test(o)) c.origins.push(o); else if (o) warn('origins', o);
      });
    }
    if (raw.hide != null) {
      // Parts of the calculator's own chrome a portal hides: its header, its toolbar.
      c.hide = [];
      (Array.isArray(raw.hide) ? raw.hide : String(raw.hide).split(',')).forEach(function (x) {
        x = String(x).trim();
        if (x === 'header' || x === 'toolbar') c.hide.push(x); else if (x) warn('hide', x);
      });
    }
    if (raw.policy != null) {
      // The portal's own policy files: same-origin URLs (checked when they are fetched).
      c.policy = [];
      // A comma separates files; an address with a scheme other than http(s) (data:, blob:, …) is
      // one entry, refused as a whole when it is checked.
      var list = String(raw.policy);
      var whole = /^\s*[a-z][a-z0-9+.-]*:/i.test(list) && !/^\s*https?:/i.test(list);
      (Array.isArray(raw.policy) ? raw.policy : whole ? [list] : list.split(',')).forEach(function (x) {
        x = String(x).trim();
        if (x && x.length <= 2048) c.policy.push(x); else if (x) warn('policy', x);
      });
    }
    if (typeof raw.onResult === 'function') c.onResult = raw.onResult;
    return c;
  }

  function configFromUrl() {
    var q = new URLSearchParams(window.location.search);
    var raw = {};
    ['city', 'applicant', 'lang', 'kiosk', 'keypad', 'as_of', 'idle', 'warn', 'origins', 'hide', 'policy'].forEach(function (k) {
      if (q.has(k)) raw[k] = q.get(k);
    });
    var c = cleanConfig(raw);
    c.policyFromUrl = true;
    // The authoring view: the page's own URL only (not a mount option).
    if (q.has('author')) c.author = q.get('author') === '1';
    return c;
  }

  // In an iframe: the host page talks to the calculator with postMessage (docs/embedding.md).
  // Only the origins the host named in `origins=` are heard and written to.
  function connectParent(app, config) {
    var origins = config.origins;
    var post = function (message) {
      origins.forEach(function (o) {
        try { window.parent.postMessage(message, o); } catch (e) { console.warn('[srdi] postMessage failed:', e); }
      });
    };
    var readySent = false;
    var sendReady = function () {
      if (readySent) return;
      readySent = true;
      post({ type: 'srdi:ready', version: window.SRDI.version });
    };
    // The first result comes right after the engine is ready: 'ready' always goes out first.
    config.onResult = function (summary) { sendReady(); post({ type: 'srdi:result', summary: summary }); };
    // The content's height, whenever it changes, so the host can size the frame (no inner scrollbar).
    var lastHeight = 0, pending = false;
    var sendHeight = function () {
      pending = false;
      var height = Math.ceil(document.documentElement.scrollHeight);
      if (!readySent || height === lastHeight) return;
      lastHeight = height;
      post({ type: 'srdi:resize', height: height });
    };
    var onResize = function () { if (!pending) { pending = true; requestAnimationFrame(sendHeight); } };
    if (typeof ResizeObserver === 'function') new ResizeObserver(onResize).observe(document.body);
    window.addEventListener('resize', onResize);
    var readyThenHeight = sendReady;
    sendReady = function () { var first = !readySent; readyThenHeight(); if (first) onResize(); };
    window.addEventListener('message', function (e) {
      if (e.source !== window.parent) return;
      if (origins.indexOf(e.origin) < 0) {
        console.warn('[srdi] message from ' + e.origin + ' ignored: not in the allowed origins');
        return;
      }
      var m = e.data;
      if (!m || typeof m !== 'object' || typeof m.type !== 'string') {
        console.warn('[srdi] malformed message ignored:', m);
        return;
      }
      if (m.type === 'srdi:set-profile') {
        if (!m.profile || (typeof m.profile !== 'object' && typeof m.profile !== 'string')) {
          console.warn('[srdi] srdi:set-profile without a profile ignored');
          return;
        }
        app.setProfile(m.profile).then(function (r) {
          if (!r.ok) post({ type: 'srdi:profile-rejected', errors: r.errors });
        });
      } else if (m.type === 'srdi:clear') {
        app.clear();
      } else {
        console.warn('[srdi] unknown message type ignored: ' + m.type);
      }
    });
    window.SRDI.ready.then(sendReady);
  }

  // SRDI.mount(element, options): the whole calculator inside `element`, in a shadow root, so the
  // host's styles neither reach in nor are touched. Returns {unmount, setProfile, clear}.
  function mount(element, options) {
    if (!element || element.nodeType !== 1) throw new TypeError('SRDI.mount(element, options): element must be a DOM element');
    if (element.__srdiMount) element.__srdiMount.unmount();
    var shadow = element.shadowRoot || element.attachShadow({ mode: 'open' });
    if (window.SRDI_CSS && 'adoptedStyleSheets' in shadow) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(window.SRDI_CSS);
      shadow.adoptedStyleSheets = [sheet];
    }
    var container = document.createElement('div');
    container.className = 'srdi-root';
    shadow.appendChild(container);
    var app = createApp(container, shadow, cleanConfig(options || {}));
    var handle = {
      setProfile: app.setProfile,
      clear: app.clear,
      unmount: function () {
        app.destroy();
        shadow.innerHTML = '';
        if ('adoptedStyleSheets' in shadow) shadow.adoptedStyleSheets = [];
        element.removeAttribute('data-srdi-state');
        element.__srdiMount = null;
      },
    };
    element.__srdiMount = handle;
    return handle;
  }

  if (window.SRDI) {
    window.SRDI.mount = mount;
    window.SRDI.unmount = function (element) { if (element && element.__srdiMount) element.__srdiMount.unmount(); };
  }

  // The one-line embed: <srdi-calculator city="jinan" lang="zh"></srdi-calculator>, its attributes
  // the options of SRDI.mount (docs/embedding.md). Changing an attribute mounts it afresh.
  var ELEMENT_OPTIONS = ['city', 'applicant', 'lang', 'kiosk', 'as_of', 'idle', 'warn', 'hide', 'policy'];
  if (window.SRDI && window.customElements && !window.customElements.get('srdi-calculator')) {
    var SrdiCalculator = function () { return Reflect.construct(HTMLElement, [], SrdiCalculator); };
    SrdiCalculator.prototype = Object.create(HTMLElement.prototype);
    SrdiCalculator.prototype.constructor = SrdiCalculator;
    Object.setPrototypeOf(SrdiCalculator, HTMLElement);
    Object.defineProperty(SrdiCalculator, 'observedAttributes', { get: function () { return ELEMENT_OPTIONS; } });
    SrdiCalculator.prototype.options = function () {
      var o = {}, self = this;
      ELEMENT_OPTIONS.forEach(function (k) { if (self.hasAttribute(k)) o[k] = self.getAttribute(k); });
      return o;  // results arrive as 'srdi:result' events on the element, as with SRDI.mount
    };
    SrdiCalculator.prototype.connectedCallback = function () { this.handle = mount(this, this.options()); };
    SrdiCalculator.prototype.disconnectedCallback = function () { if (this.handle) this.handle.unmount(); this.handle = null; };
    SrdiCalculator.prototype.attributeChangedCallback = function () { if (this.handle) this.handle = mount(this, this.options()); };
    SrdiCalculator.prototype.setProfile = function (p) { return this.handle ? this.handle.setProfile(p) : Promise.resolve({ ok: false, errors: [] }); };
    SrdiCalculator.prototype.clear = function () { return this.handle ? this.handle.clear() : Promise.resolve(); };
    window.customElements.define('srdi-calculator', SrdiCalculator);
  }

  // The page itself (index.html, srdi-offline.html): the calculator fills #srdi-app.
  var pageHost = document.getElementById('srdi-app');
  if (pageHost) {
    var pageConfig = configFromUrl();
    var pageApp = createApp(pageHost, null, pageConfig);
    if (window.parent !== window) connectParent(pageApp, pageConfig);
  }
})();
