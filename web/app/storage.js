// What is kept: remembered in this browser (opt-in), saved to and read from a file, samples
// loaded; before anything replaces the form, what was typed is kept for 撤销.
import { DATA } from './state.js';
import { profileText, parseExact } from './util.js';

var STORAGE_KEY = 'srdi.saved-profile';

export function storagePart(app) {
  var t = app.t, en = app.en, $ = app.$;

  // ---------------------------------------------------------------- this browser, files

  function remember() {
    if (app.config.kiosk || !$('opt-remember').checked) return;  // a kiosk stores nothing, ever
    try { window.localStorage.setItem(STORAGE_KEY, app.lastProfileText); } catch (e) { /* storage may be off */ }
  }
  function forget() {
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (e) { /* nothing stored */ }
  }
  function restore() {
    if (app.config.kiosk) return false;
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
    var check = JSON.parse(window.SRDI.evaluate(text, JSON.stringify(app.options())));
    if (check.errors) {
      $('file-status').textContent = t('文件有 ') + check.errors.length + t(' 处错误，未读取（当前填写的内容未改变）：') +
        check.errors.slice(0, 5).map(function (e) { return pathWords(e.path) + (en('errors', e.code) || e.message); }).join('；');
      return false;
    }
    app.fillForm(parsed);
    $('file-status').textContent = okMessage || '';
    app.runFull();
    return true;
  }
  // Where in a file an error is, in words: the field's label (事项 and 称号 rows by number), never
  // a JSON pointer. The engine's message already names the field, so only what it cannot say is added.
  function pathWords(path) {
    var m = /^\/(events|holds)\/(\d+)/.exec(path || '');
    if (m) return (m[1] === 'events' ? t('第 ') + (Number(m[2]) + 1) + t(' 项事项：') : t('第 ') + (Number(m[2]) + 1) + t(' 项已获称号：'));
    return '';
  }

  function save() {
    var read = app.readProfile();
    var text = profileText(read.profile);
    var name = (read.profile.name || t('企业信息')).replace(/[\\/:*?"<>|\u0000-\u001f\u2028\u2029]/g, '_') + '.json';
    var blob = new Blob([text], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    app.host.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
    $('file-status').textContent = t('已保存为“') + name + '”。' + (read.problems.length ? t('有误的字段未写入文件。') : '');
    if (!read.problems.length) markSaved();
  }

  // ---------------------------------------------------------------- nothing typed is lost

  // Before a sample, a file or 清除 replaces the form, what was typed is kept; the status line
  // then offers 撤销 to bring it back. Nothing to keep when the form is as it started.
  var undoSnap = null, blankKey = '', savedKey = '';
  function keepForUndo() {
    var snap = app.captureInput();
    undoSnap = app.inputKey(snap) === blankKey ? null : snap;
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
    app.clearForm();
    app.applyInput(snap);
    $('sample-select').value = '';
    statusWithUndo(t('已恢复之前填写的内容。'));
    app.runFull();
    var first = app.scope.querySelector('#profile-form input, #profile-form select');
    if (first) first.focus();
  }
  // Typed and not kept anywhere: not remembered in this browser, not just saved or loaded.
  function unsaved() {
    if (app.config.kiosk || app.destroyed || !app.schema) return false;
    if ($('opt-remember') && $('opt-remember').checked) return false;
    var key = app.inputKey(app.captureInput());
    return key !== blankKey && key !== savedKey;
  }
  function markSaved() { savedKey = app.inputKey(app.captureInput()); }
  // The form as it starts: nothing to keep, nothing unsaved.
  function markBlank() {
    blankKey = app.inputKey(app.captureInput());
    savedKey = blankKey;
  }

  // The toolbar's samples, files, memory and 清除 (with 撤销).
  function wireFiles() {
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
      app.resetAll();
      statusWithUndo(t('已清除：表单已清空，本浏览器中没有保存任何内容。') + (undoSnap ? t('撤销只恢复表单，不会重新保存到本浏览器。') : ''));
    });
    $('file-status').addEventListener('click', function (e) { if (e.target.id === 'btn-undo') undo(); });
  }

  return {
    remember: remember,
    forget: forget,
    restore: restore,
    loadText: loadText,
    unsaved: unsaved,
    markBlank: markBlank,
    wireFiles: wireFiles,
  };
}
