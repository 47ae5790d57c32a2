// The reader's language: interface strings (English from web/i18n.js), the words for values,
// verdicts, documents, amounts and dates, and the switch between 中文 and English.
import { FORM } from './state.js';
import { esc, zh, yuanToWan } from './util.js';

export function i18nPart(app) {
  var $ = app.$;
  var EN = (window.SRDI_I18N && window.SRDI_I18N.en) || {};

  // A UI string: the Chinese text is the key; {0}, {1} are filled from the arguments.
  function t(zh) {
    var text = app.lang === 'en' && EN.ui && EN.ui[zh] ? EN.ui[zh] : zh;
    var args = arguments;
    return text.replace(/\{(\d)\}/g, function (_, i) { return args[Number(i) + 1]; });
  }
  function en(group, key, sub) {
    if (app.lang !== 'en' || !EN[group] || EN[group][key] == null) return null;
    var v = EN[group][key];
    return sub ? (v && v[sub] != null ? v[sub] : null) : v;
  }

  // The date from which the newest criteria version applies, from the engine's schema.
  function switchHint() {
    var v = app.schema.criteria_versions[app.schema.criteria_versions.length - 1];
    var m = v && v.from && /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.from);
    return m ? Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日起施行新标准' : '';
  }

  // Changes the interface language and keeps everything typed: the controls' raw text is carried
  // over by id, so even a value with an error survives.
  function switchLang(next) {
    var snap = app.captureInput();
    var remembered = $('opt-remember').checked;
    app.lang = next === 'en' ? 'en' : 'zh';
    if (!app.shadow) document.documentElement.lang = app.lang === 'en' ? 'en' : 'zh-CN';
    else app.host.lang = app.lang === 'en' ? 'en' : 'zh-CN';
    app.rebuild(snap, remembered);
    if (app.authorPanel) app.authorPanel.render();
    app.runFull();
    $('opt-lang').focus();
  }
  // A value in words: English where web/i18n.js has it; else the engine's words (an enum field's
  // value_labels, an honour's own label); else web/form.js's (titles, levels, events' values).
  function valueLabel(group, v) {
    var e = en('values', group) || (group === 'title' ? en('holds_titles') : null);
    if (e && e[v]) return e[v];
    if (group === 'title' && en('holds_titles', v)) return en('holds_titles', v);
    var spec = app.fieldSpec[group];
    if (spec && spec.value_labels && spec.value_labels[v]) return spec.value_labels[v];
    var honour = group === 'honors' && app.fieldSpec['honors.' + v];  // each honour is a field of its own
    if (honour) return honour.label;
    var g = FORM.values[group];
    return (g && g[v]) || v;
  }
  function fieldLabelText(name) { return en('fields', name, 'label') || (app.fieldSpec[name] ? app.fieldSpec[name].label : name); }
  function sizeWord(s) { return en('size_classes', s.class) || s.label; }
  function tierTitle(x) { return en('tiers', x.tier) || x.title; }
  function placeWord(name) { return en('jurisdictions', name) || name; }
  function tierTitleById(id, fallback) {
    var tier = app.lastResult && app.lastResult.tiers.filter(function (x) { return x.id === id; })[0];
    return tier ? tierTitle(tier) : fallback;
  }
  // A line's label (征求意见稿, 据新闻报道, …): in English where the page knows it, else quoted Chinese.
  function labelWords(x) {
    if (app.lang !== 'en') return esc(x);
    var e = en('ui', x);
    return e ? esc(e) : zh(x);
  }
  // A yuan amount for reading: 万元 from 1万 up (exact), else 元.
  function money(yuan) {
    if (yuan == null) return '';
    var s = String(yuan);
    var neg = s.charAt(0) === '-';
    var abs = neg ? s.slice(1) : s;
    var whole = abs.split('.')[0];
    if (app.lang === 'en') {  // 1,234,567.89 yuan: the English reader does not count in 万
      var frac = abs.split('.')[1];
      return (neg ? '-' : '') + whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (frac && frac !== '00' ? '.' + frac : '') + ' yuan';
    }
    if (whole.length >= 5) return (neg ? '-' : '') + yuanToWan(abs) + '万元';
    return s.replace(/\.00$/, '') + '元';
  }
  // The words of the result's codes are the engine's (schema "words"), as the text report uses them.
  function classWord(c) {
    var w = app.schema.words.size_classes;
    return t(w[c] || w.undetermined);
  }

  function verdictWord(v) { return en('verdicts', v) || app.schema.words.verdicts[v]; }
  function resultWord(v) { return en('results', v) || app.schema.words.results[v]; }

  // A criteria version in words (2026年标准（工信部企业〔2026〕2号）), from the engine's schema.
  function versionWord(id) {
    var v = app.schema.criteria_versions.filter(function (x) { return x.id === id; })[0];
    return v ? t(v.label) : id;
  }

  // A document's state in words: not in force, validity unknown (no start date in the source), or
  // publication status unknown; '' when none applies.
  function validityWord(d) { return d.in_force === false ? t('不在有效期内') : (d.in_force == null ? t('有效期不明') : ''); }
  function statusWord(d) { return d.status === 'draft' ? t('征求意见稿') : (d.status === 'unknown' ? t('发布状态不明') : ''); }
  function sinceText(p) { return p.valid_from == null ? t('起始日期不明') : esc(p.valid_from) + t(' 起'); }
  function dateWords(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    if (!m) return iso || '';
    return app.lang === 'en' ? iso : Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
  }

  return {
    t: t,
    en: en,
    switchHint: switchHint,
    switchLang: switchLang,
    valueLabel: valueLabel,
    fieldLabelText: fieldLabelText,
    sizeWord: sizeWord,
    tierTitle: tierTitle,
    placeWord: placeWord,
    tierTitleById: tierTitleById,
    labelWords: labelWords,
    money: money,
    classWord: classWord,
    verdictWord: verdictWord,
    resultWord: resultWord,
    versionWord: versionWord,
    validityWord: validityWord,
    statusWord: statusWord,
    sinceText: sinceText,
    dateWords: dateWords,
  };
}
