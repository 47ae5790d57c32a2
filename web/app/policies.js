// Policy files loaded at run time: a portal's own files (option `policy`), fetched before the
// calculator starts; the notices that say what became of them; the authoring view's drafts.
import { DATA } from './state.js';
import { idFor } from './util.js';

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
// What was loaded under a policy id, or undefined.
export function loadedPolicy(id) { return LOADED[id]; }
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
export function loadPortalPolicies(urls, fromUrl) {
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

export function policiesPart(app) {
  var t = app.t, $ = app.$;

  // The engine's policies changed (a draft loaded or unloaded in the authoring view): the city list
  // and everything else are built again from SRDI.schema(), keeping what was typed. `cityId`: the
  // city to select if the engine offers it (the draft's own).
  function refreshPolicies(cityId) {
    var snap = app.captureInput();
    var remembered = $('opt-remember').checked;
    app.schema = JSON.parse(window.SRDI.schema());
    // A reading picked from a draft that is gone would make every evaluation an error.
    Object.keys(snap.readings).forEach(function (id) {
      var r = app.schema.readings.filter(function (x) { return x.id === id; })[0];
      if (!r || !r.options.some(function (o) { return o.id === snap.readings[id]; })) delete snap.readings[id];
    });
    if (cityId && app.schema.cities.some(function (c) { return c.id === cityId; })) {
      snap.raw[idFor('city')] = cityId;
      delete snap.loadedText.city;
    }
    app.rebuild(snap, remembered);
    app.runFull();
  }

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
    app.policyNotices.forEach(function (n) {
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
        var others = app.policyNotices.some(function (x) { return x.ok; });
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
    if (app.shadow || !app.config.author) return;
    if (app.config.kiosk) { console.warn('[srdi] option author ignored in kiosk mode'); return; }
    if (SINGLE_FILE) { app.policyNotices.push({ file: '', ok: false, errors: [], kind: 'author_single_file' }); return; }
    var panel = document.createElement('section');
    panel.id = 'srdi-author';
    panel.className = 'srdi-root author';
    app.host.parentNode.insertBefore(panel, app.host);
    var api = {
      t: function () { return t.apply(null, arguments); },
      lang: function () { return app.lang; },
      money: function (yuan) { return app.money(yuan); },  // the calculator's own wording of an amount
      samples: DATA.samples,
      // The calculator's evaluation date and criteria version, for the sample firms.
      evalOptions: function () { var o = app.options(); return { as_of: o.as_of, criteria: o.criteria }; },
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
      if (window.SRDI_AUTHOR && !app.destroyed) app.authorPanel = window.SRDI_AUTHOR.init(panel, api);
    };
    script.onerror = function () { panel.textContent = t('编写视图（author.js）未能加载。'); };
    document.body.appendChild(script);
  }

  return {
    renderPolicyNotices: renderPolicyNotices,
    startAuthor: startAuthor,
  };
}
