// One calculator: its parts put together on one state (web/app/state.js), the page drawn from
// the template and the engine's schema, the toolbar wired, and the handle SRDI.mount returns.
import { createState } from './state.js';
import { esc, idFor, todayIso } from './util.js';
import { i18nPart } from './i18n.js';
import { formPart } from './form.js';
import { evaluatePart } from './evaluate.js';
import { resultsPart } from './results.js';
import { citationsPart } from './citations.js';
import { storagePart } from './storage.js';
import { reportPart } from './report.js';
import { kioskPart } from './kiosk.js';
import { embedPart, warnOption } from './embed.js';
import { policiesPart, loadPortalPolicies } from './policies.js';

// The screening page beside this one (the build names it srdi-batch.html in the single files).
var BATCH_PAGE = 'batch.html';

// One calculator inside `host`: the whole page, or a widget in a shadow root (SRDI.mount).
// config: {lang, kiosk, city, applicant, as_of, idle, warn, onResult}.
export function createApp(host, shadow, config) {
  var app = createState(host, shadow, config);
  // i18n first: the other parts take t and en from it when they are made. The parts call each
  // other through `app` only when they run, so their order does not matter otherwise.
  [i18nPart, formPart, evaluatePart, resultsPart, citationsPart, storagePart, reportPart, kioskPart, embedPart, policiesPart].forEach(function (part) {
    var fns = part(app);
    Object.keys(fns).forEach(function (name) {
      if (name in app) throw new Error('srdi: two parts define ' + name);
      app[name] = fns[name];
    });
  });
  app.rebuild = rebuild;
  var t = app.t, $ = app.$;
  var scopeWired = false;  // the listeners on the scope outlive a rebuild

  // The calculator's frame: toolbar, form, results and dialogs (the form and the results are
  // filled in from the schema and each evaluation).
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
      opt('auto', t('按评估日期自动选择')) + app.schema.criteria_versions.map(function (v) { return opt(v.id, v.label); }).join('') + '</select>' +
      '<span class="hint" id="opt-criteria-hint">' + esc(t(app.switchHint())) + '</span></div>' +
      '<div class="tool"><label for="opt-applicant">' + t('申请主体') + '</label><select id="opt-applicant"></select></div>' +
      '<div class="tool"><label for="opt-renewal">' + t('申请类型') + '</label><select id="opt-renewal" aria-describedby="opt-renewal-hint"></select>' +
      '<span class="hint" id="opt-renewal-hint">' + t('已持有称号、到期复核的，请选择复核') + '</span></div>' +
      '<div class="tool"><label for="opt-lang">语言 Language</label><select id="opt-lang"><option value="zh"' + (app.lang === 'zh' ? ' selected' : '') + '>中文</option><option value="en"' + (app.lang === 'en' ? ' selected' : '') + '>English</option></select></div>' +
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
      (app.shadow || app.config.kiosk ? '' : '<p><a id="to-batch" href="' + BATCH_PAGE + '">' + t('工信部门：培育库批量筛选（导入企业名单表格）') + '</a></p>') + '</footer>';
  }

  // The calculator drawn again from the template and the schema, with what was typed put back.
  function rebuild(snap, remembered) {
    app.host.innerHTML = templateHtml();
    app.buildForm();
    app.fillSamples();
    app.applyInput(snap);
    $('opt-remember').checked = remembered;
    wire();
    app.renderPolicyNotices();
  }

  // ---------------------------------------------------------------- wiring

  // Everything in the template listens again after each rebuild.
  function wire() {
    app.wireForm();
    // Links to a field (data-focus) and 查看原文 buttons, anywhere in the calculator.
    if (!scopeWired) app.listen(app.scope, 'click', function (e) {
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
      if (o) app.openSource(app.citations[Number(o.getAttribute('data-cite'))], o, o.hasAttribute('data-near') ? app.citations[Number(o.getAttribute('data-near'))] : null);
    });
    if (!scopeWired) app.listen(app.scope, 'toggle', function (e) {
      if (e.target.matches && e.target.matches('details.trace') && e.target.open) app.fillTrace(e.target);
    }, true);
    ['opt-as-of', 'opt-criteria', 'opt-applicant', 'opt-renewal'].forEach(function (id) { $(id).addEventListener('change', function () { app.schedule(0); }); });
    // A reading picked in a tier card: the engine then states that reading's verdict plainly.
    $('result-tiers').addEventListener('change', function (e) {
      var sel = e.target.closest && e.target.closest('select[data-reading]');
      if (!sel) return;
      if (sel.value) app.readingChoice[sel.getAttribute('data-reading')] = sel.value;
      else delete app.readingChoice[sel.getAttribute('data-reading')];
      app.schedule(0);
    });
    app.wireFiles();
    app.wireSession();
    $('opt-lang').addEventListener('change', function () { app.switchLang($('opt-lang').value); });
    $('btn-update').addEventListener('click', function () {
      if (window.SRDI_PWA) window.SRDI_PWA.applyUpdate();
    });
    app.wirePrint(!scopeWired);  // the window's beforeprint once, the button after each rebuild
    scopeWired = true;
    app.wireSourceViewer();
    app.wireKeypad();  // the keypad belongs to the form drawn now
  }

  // Once the engine (and the portal's policy files) are ready: the page drawn, the form built
  // from the schema, then a handed, remembered or empty profile evaluated.
  function start() {
    if (!app.shadow) document.documentElement.lang = app.lang === 'en' ? 'en' : 'zh-CN';
    else app.host.lang = app.lang === 'en' ? 'en' : 'zh-CN';
    app.schema = JSON.parse(window.SRDI.schema());
    app.host.innerHTML = templateHtml();
    app.host.classList.add('srdi-root');
    app.startAuthor();
    app.renderPolicyNotices();
    if (app.config.kiosk) app.host.classList.add('srdi-kiosk');
    (app.config.hide || []).forEach(function (part) { app.host.classList.add('srdi-hide-' + part); });
    app.schema.fields.forEach(function (f) { app.fieldSpec[f.name] = f; });
    app.schema.events.forEach(function (e) { app.eventSpec[e.type] = e; });
    if (config.applicant != null && app.fieldSpec.applicant.values.indexOf(config.applicant) < 0) {
      warnOption('applicant', config.applicant);
      delete config.applicant;
    }
    app.buildForm();
    $('opt-as-of').value = app.config.as_of || todayIso();
    if (app.config.applicant) $('opt-applicant').value = app.config.applicant;
    if (app.config.city) { app.ensureCityOption(app.config.city); $(idFor('city')).value = app.config.city; }
    app.fillSamples();
    // On a phone the bar gives way when the results themselves are on screen.
    if (typeof IntersectionObserver === 'function') {
      var seen = new IntersectionObserver(function (entries) {
        app.host.classList.toggle('srdi-results-in-view', entries.some(function (e) { return e.isIntersecting; }));
      });
      seen.observe($('results'));
      app.cleanups.push(function () { seen.disconnect(); });
    }
    app.markBlank();
    wire();
    app.wireKiosk();
    // Leaving with typed input that is kept nowhere asks first (never in a kiosk, which clears itself).
    if (!app.shadow) app.listen(window, 'beforeunload', function (e) {
      if (!app.unsaved()) return undefined;
      e.preventDefault();
      e.returnValue = '';
      return '';
    });
    // A newer version of the site (new policy data) was installed by the service worker (web/pwa.js).
    if (!app.shadow) {
      app.listen(window, 'srdi:update-available', function () { $('update-banner').hidden = false; });
      if (window.SRDI_PWA && window.SRDI_PWA.updateAvailable) $('update-banner').hidden = false;
    }
    // A firm opened from the screening page (batch.html): its profile travels in the URL's
    // fragment, which no server ever receives, and is removed from the address at once.
    var handed = !app.shadow && !app.config.kiosk && /^#profile=/.test(window.location.hash) ? window.location.hash.slice(9) : null;
    if (handed != null) {
      try { window.history.replaceState(null, '', window.location.pathname + window.location.search); } catch (e) { /* file:// may refuse */ }
      var handedText = null;
      try { handedText = decodeURIComponent(handed); } catch (e) { handedText = null; }
      if (handedText && app.loadText(handedText, t('已载入培育库筛选中的企业。'))) return;
    }
    if (app.config.kiosk || !app.restore()) app.runFull();
  }

  var startedResolve;
  var started = new Promise(function (resolve) { startedResolve = resolve; });
  // The portal's own policy files are loaded first, so the form is built from the schema with them.
  window.SRDI.ready.then(function () {
    loadPortalPolicies(config.policy, config.policyFromUrl).then(function (notices) {
      if (app.destroyed) return;
      app.policyNotices = notices;
      start();
      startedResolve();
    });
  }, function (e) {
    app.root.setAttribute('data-srdi-state', 'error');
    host.textContent = t('计算引擎加载失败：') + (e && e.message ? e.message : e);
  });

  return {
    // Resolves to {ok: true} or {ok: false, errors} (the engine's errors; the form is left as it was).
    setProfile: function (profile) {
      return started.then(function () {
        var text = typeof profile === 'string' ? profile : JSON.stringify(profile);
        var check = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(app.options())));
        if (check.errors) return { ok: false, errors: check.errors };
        app.loadText(text, '');
        return { ok: true };
      });
    },
    clear: function () { return started.then(function () { app.resetAll(); }); },
    destroy: function () {
      app.destroyed = true;
      app.stopEvaluation();
      app.cleanups.forEach(function (f) { f(); });
      host.innerHTML = '';
    },
  };
}
