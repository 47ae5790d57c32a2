// Sessions and the kiosk: back to an empty calculator; on a kiosk, the idle warning that clears
// everything for the next visitor and the on-screen numeric keypad (docs/kiosk.md).
import { idFor, todayIso } from './util.js';

var KEYS = ['7', '8', '9', '4', '5', '6', '1', '2', '3', '0', '.', '-'];

export function kioskPart(app) {
  var t = app.t, $ = app.$;
  var idleTimer = 0, countdownTimer = 0;

  // Back to an empty calculator: form, options, samples, dialogs, and anything remembered.
  function resetAll() {
    app.forget();
    $('opt-remember').checked = false;
    app.clearForm();
    $('sample-select').value = '';
    $('opt-as-of').value = app.config.as_of || todayIso();
    $('opt-criteria').value = 'auto';
    $('opt-applicant').value = app.config.applicant || 'enterprise';
    if (app.config.city) { app.ensureCityOption(app.config.city); $(idFor('city')).value = app.config.city; }
    $('file-status').textContent = '';
    ['source-viewer', 'idle-warning'].forEach(function (id) { if ($(id).open) $(id).close(); });
    $('print-report').innerHTML = '';
    if (app.host.scrollIntoView && app.config.kiosk) window.scrollTo(0, 0);
    // The next visitor starts in the page's own language (lang=, else Chinese), not the last one's.
    var home = app.config.lang === 'en' ? 'en' : 'zh';
    if (app.config.kiosk && app.lang !== home) { app.switchLang(home); return; }
    app.schedule(0);
  }

  // 新会话, and the idle warning's buttons (the template's, drawn again on a language switch).
  function wireSession() {
    $('btn-new-session').addEventListener('click', function () { resetAll(); });
    if (app.config.kiosk) {
      $('idle-continue').addEventListener('click', stillHere);
      $('idle-warning').addEventListener('cancel', function (e) { e.preventDefault(); stillHere(); });
    }
  }

  // Kiosk: after `idle` seconds without input, a warning counts down `warn` seconds, then
  // everything is cleared for the next visitor.
  function armIdle() {
    if (!app.config.kiosk) return;
    clearTimeout(idleTimer);
    idleTimer = setTimeout(warnIdle, 1000 * (app.config.idle || 180));
  }
  function warnIdle() {
    var left = app.config.warn || 30;
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
  function keypadHtml() {
    return '<div id="keypad" class="keypad" role="group" aria-label="' + t('数字键盘') + '" hidden>' +
      KEYS.map(function (k) { return '<button type="button" data-key="' + k + '" tabindex="-1">' + k + '</button>'; }).join('') +
      '<button type="button" data-key="back" tabindex="-1" aria-label="' + t('退格') + '">⌫</button>' +
      '<button type="button" data-key="clear" tabindex="-1">' + t('清空') + '</button>' +
      '<button type="button" data-key="done" tabindex="-1" class="keypad-done">' + t('完成') + '</button></div>';
  }
  function wireKeypad() {
    if (!app.config.kiosk || !app.config.keypad) return;
    app.host.insertAdjacentHTML('beforeend', keypadHtml());
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
    if (!app.config.kiosk) return;
    ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'].forEach(function (type) {
      app.listen(app.scope, type, function () { if (!$('idle-warning').open) armIdle(); }, true);
    });
    app.cleanups.push(function () { clearTimeout(idleTimer); clearTimeout(countdownTimer); });
    armIdle();
  }

  return {
    resetAll: resetAll,
    wireSession: wireSession,
    wireKiosk: wireKiosk,
    wireKeypad: wireKeypad,
  };
}
