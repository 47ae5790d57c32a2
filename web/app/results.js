// The result on screen: the summary line, size, the ladder of tiers with their traces, each
// document's awards and measures, whom to ask, the comparison of cities and the data stamp.
import { esc, zh } from './util.js';

// A trace node's result as a mark beside it.
var MARK = { met: '✔', not_met: '✘', undetermined: '?' };

// How many years before the evaluation each year column is.
var YEAR_BACK = { last: 1, prev: 2, prev2: 3 };

// Where this firm stands on a measure (the engine's `reach`), in words.
var REACH = {
  listed: '已计入上方奖补项目',
  potential: '本企业目前符合相应层级，获得认定后可申请（见“若获认定可得的奖励”）',
  next_rung: '达到相应层级并获得认定后可申请（见“达到更高层级后可得的奖励”）',
  condition_not_met: '需先满足：',
  on_event: '发生该事项后可申请；在“本年度事项”中勾选即可计算：',
  not_paid: '按目前填写的信息不适用',
  other_applicant: '申请主体为：',
};

export function resultsPart(app) {
  var t = app.t, en = app.en, $ = app.$;

  // Blank fields that would decide a conclusion, as links to them.
  function missingList(names) {
    if (!names || !names.length) return '';
    return t('<p class="missing">需补充：') + names.map(function (n) {
      return '<a href="#' + app.fieldTarget(n) + '" data-focus="' + app.fieldTarget(n) + '">' + esc(app.fieldLabel(n)) + '</a>';
    }).join(t('、')) + '</p>';
  }
  // The calendar year beside each year column: 上年度 is 2025年度 on a 2026 evaluation.
  function showCalendarYears(asOf) {
    var y = Number(String(asOf || '').slice(0, 4));
    app.scope.querySelectorAll('.cal-year').forEach(function (el) {
      var back = YEAR_BACK[el.getAttribute('data-year')];
      el.textContent = y && back ? (app.lang === 'en' ? ' (' + (y - back) + ')' : '（' + (y - back) + '年度）') : '';
    });
  }

  function render(r) {
    showCalendarYears(r.as_of);
    app.citations = [];
    app.citeTable = r.citations || [];
    $('result-notices').innerHTML = r.notices.map(function (n) { return '<p class="notice" data-code="' + n.code + '">' + esc(en('notices', n.code) || n.text) + '</p>'; }).join('');
    renderBlankHints(r);
    renderSize(r.size);
    renderTiers(r);
    renderAwards(r.awards);
    renderStamp(r);
    renderSummary(r);
  }

  function renderSummary(r) {
    var parts = [t('划型：') + app.sizeWord(r.size)];
    r.tiers.forEach(function (tier) { parts.push(app.tierTitle(tier) + '：' + app.verdictWord(tier.verdict)); });
    r.awards.documents.forEach(function (d) {
      var label = [app.statusWord(d), app.validityWord(d)].filter(Boolean).join('，');
      parts.push(app.placeWord(d.jurisdiction) + (label ? '（' + label + '）' : '') + t(' 确定 ') + app.money(d.totals.certain) + t('，最高 ') + app.money(d.totals.upper_bound));
    });
    // The phone's bottom bar: size and verdicts in one short line, always in sight while typing.
    $('live-summary').textContent = parts.slice(0, 1 + r.tiers.length).join(' · ');
    $('summary').innerHTML = t('<span class="sum-date">评估日期 ') + esc(r.as_of) + (r.criteria.version ? t(' · 标准 ') + zh(app.versionWord(r.criteria.version)) : '') + '</span>' +
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
    r.tiers.forEach(function (tier) { if (tier.verdict === 'undetermined') add(tier.missing, app.tierTitle(tier)); });
    r.awards.documents.forEach(function (d) {
      d.lines.forEach(function (l) { if (l.state === 'undetermined' || (l.missing && l.kind !== 'certain')) add(l.missing, l.title); });
    });
    if (!list.length) { $('blank-hints').innerHTML = ''; return; }
    $('blank-hints').innerHTML = t('<section class="card blanks" aria-labelledby="blanks-h"><h2 id="blanks-h">这些空白会改变结论</h2><p>补充以下信息后即可确定相应结论：</p><ul>') +
      list.map(function (n) {
        return '<li><a href="#' + app.fieldTarget(n) + '" data-focus="' + app.fieldTarget(n) + '">' + esc(app.fieldLabel(n)) + t('</a><span class="why">影响：') + esc(seen[n].join('、')) + '</span></li>';
      }).join('') + '</ul></section>';
  }

  function renderSize(s) {
    var h = t('<section class="card" aria-labelledby="size-h"><h2 id="size-h">企业规模（划型）</h2>');
    h += '<p class="big"><span class="size-class" data-class="' + s.class + '">' + esc(app.sizeWord(s)) + '</span>' +
      (s.industry_label ? '<span class="muted">（' + (app.lang === 'en' && s.industry ? esc(app.valueLabel('industry', s.industry)) : esc(s.industry_label)) + '）</span>' : '') + '</p>';
    if (s.class === 'undetermined') h += t('<p>可能为：') + s.possible.map(app.classWord).join('、') + '</p>';
    h += missingList(s.missing);
    h += t('<p class="muted">依据：') + zh(s.doc_no) + '</p>';
    if (s.rules.length) h += t('<details class="trace" data-trace="size"><summary>划型逐条依据</summary><div class="trace-body"></div></details>');
    $('result-size').innerHTML = h + '</section>';
    $('result-size').setAttribute('data-class', s.class);
  }

  // A gap in the reader's language: the engine's Chinese sentence, or in English the same change
  // composed from its parts (field, amount, unit), so no Chinese is left outside the rule's title.
  function gapText(g) {
    if (app.lang !== 'en' || !g.field || g.change == null) return g.text;
    var neg = String(g.change).charAt(0) === '-';
    var abs = neg ? String(g.change).slice(1) : String(g.change);
    var amount = g.unit === 'yuan' ? app.money(abs) : g.unit === 'percent_points' ? abs + ' percentage points'
      : g.unit === 'points' ? abs + ' points' : abs;
    return (neg ? 'Lower ' : 'Raise ') + app.fieldLabelText(g.field) + ' by ' + amount;
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
      h += '<h3 id="tier-h-' + i + t('"><span class="rung">第') + tier.rung + t('级</span>') + esc(app.tierTitle(tier)) + (app.lang === 'en' ? ' <span class="zh" lang="zh-CN">' + esc(tier.title) + '</span>' : '') +
        ' <span class="badge v-' + tier.verdict + '">' + app.verdictWord(tier.verdict) + '</span>' + (tier.held === true ? t(' <span class="badge held">已持有</span>') : '') + '</h3>';
      h += t('<p class="meta">标准版本 ') + zh(app.versionWord(tier.version)) + ' · ' + zh(tier.doc_no) + (tier.in_force ? '' : t(' · <span class="warn">该标准在评估日期不在有效期内，仅供参考</span>')) + '</p>';
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
      if (tier.route) h += t('<p class="route">通过路径') + (tier.routes_of ? '（' + zh(tier.routes_of.title) + '）' : '') + t('：') + zh(tier.route.title) + '</p>';
      if (tier.unmet.length) {
        h += t('<div class="unmet"><h4>还差什么</h4><ul>') + tier.unmet.map(function (u) { return '<li>' + gapSentence(u) + '</li>'; }).join('') + '</ul></div>';
      }
      if (tier.routes.length && tier.verdict !== 'eligible') {
        // Open: each route's own gaps (e.g. 4 applied Ⅰ类 IP, 2 entered) are the answer to "what is missing".
        h += t('<details class="routes" open><summary>可选路径（满足其一即可）</summary><ul>') + tier.routes.map(function (ro) {
          return '<li><strong>' + zh(ro.title) + '</strong>' + t('：') + app.resultWord(ro.result) +
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
        h += '<li>' + esc(o.label) + '：<span class="badge v-' + o.verdict + '">' + app.verdictWord(o.verdict) + '</span>' + app.citeHtml(o.citation) + '</li>';
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
  function opWord(op) { return t(app.schema.words.ops[op] || op); }  // the engine's words (schema)
  function valueWords(v, unit, field) {
    if (v == null) return t('未填写');
    if (v === 'true' || v === true) return t('是');
    if (v === 'false' || v === false) return t('否');
    if (v === 'none') return t('无');
    var kind = field && app.fieldSpec[field] ? app.fieldSpec[field].kind : '';
    if (unit === 'yuan' || kind === 'money' || kind === 'signed_money') return /^-?\d+(\.\d+)?$/.test(String(v)) ? app.money(v) : String(v);
    if (unit === 'score') return v + t(' 分');
    return String(v);
  }
  // A rank (名次: 1 is the best) in words, and what a rank test asks (as the text report says it).
  function rankWords(v) {
    if (v == null) return t('未知');
    return v === '无' || v === 'none' ? t('无') : t('第 {0} 名', v);
  }
  function rankNeed(n) {
    if (n.op === '<=') return t('前 {0} 名以内', n.threshold);
    if (n.op === '>=' && n.threshold === '1') return t('有名次（获得）');
    return opWord(n.op) + ' ' + t('第 {0} 名', n.threshold);
  }
  function traceHtml(n) {
    var h = '<li class="node r-' + n.result + '"><span class="mark" aria-hidden="true">' + MARK[n.result] + '</span>' +
      '<span class="node-title">' + esc(n.title || n.id) + '</span> <span class="res">' + app.resultWord(n.result) + '</span>';
    if (n.kind === 'compare') {
      var rank = app.fieldSpec[n.metric] && app.fieldSpec[n.metric].kind === 'rank';
      if (rank) h += t('<p class="cmp">当前 ') + esc(rankWords(n.value)) + t('，要求 ') + esc(rankNeed(n)) + '</p>';
      else h += t('<p class="cmp">当前 ') + esc(n.value != null ? valueWords(n.value, n.unit) : t('未知')) + t('，要求 ') + esc(opWord(n.op)) + ' ' + esc(valueWords(n.threshold, n.unit)) + '</p>';
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
    h += app.citeHtml(n.citation, n.interpretation);
    if (n.children) h += '<ul>' + n.children.map(traceHtml).join('') + '</ul>';
    return h + '</li>';
  }

  function fillTrace(details) {
    var body = details.querySelector('.trace-body');
    if (!body || body.childNodes.length || !app.lastResult) return;
    var nodes;
    if (details.getAttribute('data-trace') === 'size') nodes = app.lastResult.size.rules;
    else nodes = [app.lastResult.tiers[Number(details.getAttribute('data-index'))].criteria];
    body.innerHTML = '<ul class="tree">' + nodes.map(traceHtml).join('') + '</ul>';
  }

  function amountText(l) {
    // Contested: the readings give different amounts (the least is certain, the most the bound).
    if (l.amount.certain && l.amount.up_to) return t('至少 ') + app.money(l.amount.certain) + t('，至多 ') + app.money(l.amount.up_to) + t('（视读法而定）');
    if (l.amount.certain) return app.money(l.amount.certain);
    if (l.amount.up_to) return t('最高 ') + app.money(l.amount.up_to);
    if (l.amount.tax_credit) return t('抵免 ') + app.money(l.amount.tax_credit);
    return t('金额未定');
  }
  function lineHtml(l, extra) {
    var labels = (l.labels || []).map(function (x) { return '<span class="label">' + app.labelWords(x) + '</span>'; }).join('');
    var state = l.state === 'superseded' ? t('<span class="badge superseded">不叠加</span>') : (l.state === 'undetermined' ? t('<span class="badge v-undetermined">待定</span>') : '');
    var h = '<li class="line s-' + l.state + '" data-measure="' + esc(l.measure) + '"><div class="line-head"><span class="line-title">' + esc(l.title) + '</span>' +
      '<span class="amount">' + esc(amountText(l)) + '</span></div>';
    // The engine's calculation sentence is Chinese; an English reader gets the amount above and the labels.
    h += '<p class="basis">' + (extra || '') + (app.lang === 'en' ? '' : t('计算：') + esc(l.basis) + ' ') + state + labels + '</p>';
    if (l.stacking) h += '<p class="stacking">' + esc(l.stacking) + '</p>';
    // Money a city document restates from a province's programme: say whose it is.
    if (l.funded_by) h += '<p class="stacking">' + t('资金来源：') + esc(app.lang === 'en' ? t(l.funded_by) : l.funded_by) + '</p>';
    if (l.undetermined_by) h += t('<p class="stacking">待定原因：') + (app.lang === 'en' ? t('决定是否奖励的信息未填写（见下方“需补充”）') : esc(l.undetermined_by)) + '</p>';
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
    h += app.citeHtml(l.citation, l.interpretation);
    return h + '</li>';
  }

  var applyByMeasure = {};
  function renderAwards(a) {
    applyByMeasure = {};
    a.documents.forEach(function (d) { (d.measures || []).forEach(function (m) { if (m.apply) applyByMeasure[m.measure] = m.apply; }); });
    var h = t('<section aria-labelledby="awards-h"><h2 id="awards-h" class="section-title">地方奖励与支持') + (a.city_name ? t('：') + esc(app.placeWord(a.city_name)) : '') + '</h2>';
    if (a.note) h += '<p class="card">' + esc(a.note) + '</p>';
    if (a.documents.length > 1) h += t('<p class="muted">各文件的金额分别计算，不跨文件相加；同一事项通常不重复享受。</p>');
    a.documents.forEach(function (d) {
      var tot = d.totals;
      h += '<article class="card doc" data-policy="' + esc(d.policy) + '" data-certain="' + esc(tot.certain) + '" data-upper-bound="' + esc(tot.upper_bound) + '">';
      h += '<h3>' + zh(d.title) + '</h3><p class="meta">' + zh(d.doc_no) + ' · ' + esc(app.placeWord(d.jurisdiction)) +
        (d.status === 'draft' ? t(' <span class="label draft">征求意见稿</span>') : '') +
        (d.status === 'unknown' ? ' <span class="label draft">' + esc(app.statusWord(d)) + '</span>' : '') +
        (d.source_kind === 'news_report' ? t(' <span class="label">据新闻报道</span>') : '') +
        (app.validityWord(d) ? ' <span class="label expired">' + esc(app.validityWord(d)) + '</span>' : '') + '</p>';
      if (d.provenance) h += '<p class="notice">' + (app.lang === 'en' ? t('来源未载明：') + zh(d.provenance) : esc(d.provenance)) + '</p>';
      if (d.validity_note) h += '<p class="notice">' + validityNoteWords(d) + '</p>';
      if (d.draft_note) h += '<p class="notice">' + esc(t(d.draft_note)) + '</p>';
      h += t('<dl class="totals"><div><dt>确定可得</dt><dd>') + app.money(tot.certain) + t('</dd></div><div><dt>最高可达</dt><dd>') + app.money(tot.upper_bound) + '</dd></div>' +
        (tot.unquantified ? t('<div><dt>另有金额未定</dt><dd>') + tot.unquantified + t(' 项</dd></div>') : '') +
        (tot.tax_credit !== '0.00' ? t('<div><dt>税收抵免（不计入奖励）</dt><dd>') + app.money(tot.tax_credit) + '</dd></div>' : '') +
        t('<div><dt>非资金支持</dt><dd>') + tot.benefits + t(' 项</dd></div></dl>');
      if (d.totals_if_in_force) h += t('<p class="muted">假如仍在有效期内（不可领取）：确定 ') + app.money(d.totals_if_in_force.certain) + t('，最高 ') + app.money(d.totals_if_in_force.upper_bound) + '</p>';
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
            return '<tr><td>' + zh(b.title + '：' + b.target) + app.citeHtml(b.citation, b.interpretation) + '</td><td>' + esc(typeof mine === 'object' ? JSON.stringify(mine) : mine) + '</td><td>' +
              (b.result ? app.resultWord(b.result) : t('不适用')) + '</td></tr>';
          }).join('') + '</tbody></table></details>';
      }
      h += measuresHtml(d, a);
      if (d.rules.length) h += t('<details class="rules"><summary>适用规则（') + d.rules.length + t(' 条）</summary><ul>') + d.rules.map(function (ru) { return '<li>' + zh(ru.title) + app.citeHtml(ru.citation, ru.interpretation) + '</li>'; }).join('') + '</ul></details>';
      h += '</article>';
    });
    $('result-awards').innerHTML = h + '</section>';
    var p = '';
    if (a.potential.length) {
      p = t('<section class="card" aria-labelledby="potential-h"><h2 id="potential-h">若获认定可得的奖励</h2><p class="muted">以下层级本次评估为“符合”且尚未持有；获得认定后可申请：</p><ul class="lines">') +
        a.potential.map(function (l) { return lineHtml(l, t('获得“') + esc(app.tierTitleById(l.tier, l.tier_title)) + t('”认定后 · ')); }).join('') + '</ul></section>';
    }
    if (a.next_rungs && a.next_rungs.length) {
      p += t('<section class="card" aria-labelledby="next-rungs-h"><h2 id="next-rungs-h">达到更高层级后可得的奖励</h2><p class="muted">以下层级本次评估尚未符合或待定（差距和需补充的信息见上方各层级）；获得认定后才可申请，不计入上方金额：</p><ul class="lines">') +
        a.next_rungs.map(function (l) {
          return lineHtml(l, t('获得“') + esc(app.tierTitleById(l.tier, l.tier_title)) + t('”认定后 · 目前：') + app.verdictWord(l.tier_verdict) + ' · ');
        }).join('') + '</ul></section>';
    }
    $('result-potential').innerHTML = p;
  }

  // Sentences the engine writes in Chinese, composed from the structured result in English.
  function nextStepWords(n) {
    if (app.lang !== 'en') return esc(n.text);
    var tier = app.lastResult && app.lastResult.tiers.filter(function (x) { return x.id === n.id; })[0];
    var title = esc(tier ? app.tierTitle(tier) : n.title);
    if (n.verdict === 'eligible') return 'you can apply for ' + title;
    if (n.verdict === 'not_eligible') return 'first meet the conditions of ' + title;
    if (n.verdict === 'contested') return 'whether you can apply for ' + title + ' depends on a contested reading (see each reading\'s outcome); the year\'s application notice decides';
    return 'add the missing information to see whether you can apply for ' + title;
  }
  function notNeededWords(tier) {
    if (app.lang !== 'en') return esc(tier.not_needed.text);
    return 'A higher title is held, so there is no need to apply for ' + esc(app.tierTitle(tier)) + '; the verdict above is this rung\'s own conditions.' +
      (tier.not_needed.renewal_caution ? ' But the higher title\'s own conditions involve holding this title in force, so its review (复核) may need it again.' : '');
  }
  function prerequisiteWords(p) {
    if (app.lang !== 'en') return esc(p.text);
    var title = esc(en('tiers', (app.lastResult && app.lastResult.tiers.filter(function (x) { return x.id === p.granted_by; })[0] || {}).tier) || p.granted_by_title);
    return 'First obtain the title ' + title + '; in this check that rung is: ' + app.verdictWord(p.granted_by_verdict);
  }
  function validityNoteWords(d) {
    if (app.lang !== 'en') return esc(d.validity_note);
    if (d.in_force === false && d.valid_to) return 'This document expired on ' + esc(d.valid_to) + ': nothing below can be claimed; shown for reference only.';
    if (d.in_force === false) return 'This document applies from ' + esc(d.valid_from) + ', after the evaluation date: nothing below can be claimed.';
    return 'This document states no start date' + (d.valid_to ? ' (it runs to ' + esc(d.valid_to) + ')' : '') + ': whether it is in force on the evaluation date cannot be told, so no amount counts as certain.';
  }
  // A measure's amount: the engine's words in Chinese; in English, from its kind and largest figure.
  function share(m) {
    var r = /[\d.]+[%‰]/.exec(m.amount_words || '');
    return r ? (m.amount_kind === 'rate_up_to' ? 'up to ' : '') + r[0] : 'a share';
  }
  function measureAmountWords(m) {
    if (app.lang !== 'en') return esc(m.amount_words);
    var most = m.most ? app.money(m.most) : '';
    switch (m.amount_kind) {
      case 'fixed': return most;
      case 'up_to': return 'up to ' + most;
      // The rate as the engine's words give it (20%, 5‰); the cap's scope when it is a reading.
      case 'rate': return share(m) + ' of the amount concerned';
      case 'rate_cap': case 'rate_up_to': return share(m) + ' of the amount concerned, up to ' + most +
        (/两种读法/.test(m.amount_words || '') ? ' (two readings of whether the cap is per event or in total)' : '');
      case 'tax_credit': return 'tax credit';
      case 'per_unit': return 'per unit';
      case 'unquantified': return 'no amount stated';
      case 'benefit': return 'non-monetary support';
      case 'by_reading': return most ? 'depends on how the text is read (see below), up to ' + most : 'depends on how the text is read (see below)';
      case 'not_paid': return 'not paid';
      default: return most ? 'depends on the case, up to ' + most : 'depends on the case';
    }
  }

  function reachText(m) {
    var w = t(REACH[m.reach] || '');
    if (m.reach === 'condition_not_met') return w + zh(m.condition || '');
    if (m.reach === 'on_event') return w + esc(en('events', eventTypeOf(m.event), 'label') || m.event || '');
    if (m.reach === 'other_applicant') return w + esc(app.valueLabel('applicant', m.applicant));
    return w;
  }
  function eventTypeOf(label) {
    for (var k in app.eventSpec) if (app.eventSpec[k].label === label) return k;
    return '';
  }
  // What a document pays for: every measure, what the text pays, where this firm stands, and
  // who to ask. Open when nothing is payable yet, so a firm with totals of 0 is never left with
  // nothing to read.
  function measuresHtml(d, a) {
    if (!d.measures || !d.measures.length) return '';
    var mine = d.measures.filter(function (m) { return m.reach !== 'other_applicant'; });
    var others = d.measures.filter(function (m) { return m.reach === 'other_applicant'; });
    var anyApply = d.measures.some(function (m) { return m.apply; });  // none: said once for the document
    var item = function (m) {
      return '<li class="measure" data-measure="' + esc(m.measure) + '" data-reach="' + esc(m.reach) + '"><div class="line-head"><span class="line-title">' + esc(m.title) + '</span>' +
        '<span class="amount">' + measureAmountWords(m) + '</span></div>' +
        '<p class="basis">' + t('本企业：') + reachText(m) + (m.competitive ? t(' <span class="label">竞争性评选</span>') : '') + '</p>' +
        (m.apply || anyApply ? applyHtml(m.apply, 'measure', m.citation) : '') + app.citeHtml(m.citation) + '</li>';
    };
    var h = '<details class="measures"' + (d.lines.length ? '' : ' open') + '><summary>' + t('本文件奖励哪些事项（') + mine.length + t(' 项）') + '</summary>';
    h += '<ul class="lines">' + mine.map(item).join('') + '</ul>';
    if (others.length) h += '<details class="measures-others"><summary>' + t('由其他主体申请的事项（') + others.length + t(' 项）') + '</summary><ul class="lines">' + others.map(item).join('') + '</ul></details>';
    return h + '</details>';
  }
  // How to apply, only as far as a source says; otherwise the plain answer.
  // `beside`: the citation shown next to it; a 责任单位 line of the same clause opens from there.
  // Where the window is known as dates: whether it has closed on the evaluation date.
  function windowStateWords(ap) {
    if (ap.window_state === 'passed') return t('（评估日期时本期申报已截止，请关注下一年度通知）');
    if (ap.window_state === 'upcoming') return t('（评估日期时尚未开始）');
    if (ap.window_state === 'open') return t('（评估日期在申报期内）');
    return '';
  }
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
    if (ap.window) parts.push(t('时间：') + zh(ap.window) + windowStateWords(ap));
    if (ap.materials) parts.push(t('材料：') + zh(ap.materials));
    if (!ap.materials) parts.push(t('所需材料以当年申报通知为准'));
    var own = app.citeOf(ap.citation), near = app.citeOf(beside);
    var same = own && near && own.doc === near.doc && own.clause === near.clause;
    // Same clause as the citation beside it: one button to the 责任单位 words in the text, not a
    // second 依据 block that reads the same.
    if (same && app.sourceFor(own)) {
      // The same words (e.g. （责任单位：市工业和信息化局）) may close several clauses: the viewer
      // looks for them after this clause's own excerpt (data-near).
      var i = app.citations.push(own) - 1;
      var n = app.citations.push(near) - 1;
      h += parts.join(t('；')) + t('。') + ' <button type="button" class="open-source link" data-cite="' + i + '" data-near="' + n + '">' + t('在原文中查看') + '</button></p>';
    } else if (same) {
      h += parts.join(t('；')) + t('。') + '</p>';  // the 依据 beside it already says where the text is
    } else {
      h += parts.join(t('；')) + t('。') + '</p>' + app.citeHtml(ap.citation);
    }
    return h + '</div>';
  }

  function renderCompare(text, opts) {
    if (!app.lastResult) return;
    var out = JSON.parse(window.SRDI.compare(text, JSON.stringify(opts)));
    if (out.errors) return;
    var h = t('<section class="card" aria-labelledby="compare-h"><h2 id="compare-h">各城市对比</h2><p class="muted">') + esc(t(out.note)) + t('</p><table class="compare"><thead><tr><th scope="col">城市</th><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>');
    out.cities.forEach(function (c) {
      var docs = c.awards.documents;
      docs.forEach(function (d, k) {
        h += '<tr data-city="' + esc(c.city) + '" data-policy="' + esc(d.policy) + '" data-certain="' + esc(d.totals.certain) + '" data-upper-bound="' + esc(d.totals.upper_bound) + '">' +
          (k === 0 ? '<th scope="rowgroup" rowspan="' + docs.length + '">' + esc(app.placeWord(c.name)) + '</th>' : '') +
          '<td>' + zh(d.title) + (app.statusWord(d) ? ' <span class="label draft">' + esc(app.statusWord(d)) + '</span>' : '') + (app.validityWord(d) ? ' <span class="label expired">' + esc(app.validityWord(d)) + '</span>' : '') + '</td>' +
          '<td class="num">' + app.money(d.totals.certain) + '</td><td class="num">' + app.money(d.totals.upper_bound) + '</td></tr>';
      });
    });
    $('result-compare').innerHTML = h + '</tbody></table></section>';
  }

  function renderStamp(r) {
    $('result-stamp').innerHTML = t('<p>计算引擎 srdi ') + esc(r.engine.version) + t(' · 评估日期 ') + esc(r.as_of) + t(' · 使用的政策文件：') +
      r.policies.map(function (p) {
        return zh(p.doc_no) + '（' + (app.statusWord(p) ? esc(app.statusWord(p)) + '，' : '') + app.sinceText(p) + (p.valid_to ? t('，至 ') + esc(p.valid_to) : '') +
          (p.sha256 ? ' · <span class="hash" title="SHA-256 ' + esc(p.sha256) + '">' + esc(p.file) + ' ' + esc(p.sha256.slice(0, 12)) + '</span>' : '') + '）';
      }).join('；') + '</p>';
  }

  return {
    render: render,
    renderSummary: renderSummary,
    renderCompare: renderCompare,
    fillTrace: fillTrace,
    amountText: amountText,
    gapText: gapText,
    gapSentence: gapSentence,
    windowStateWords: windowStateWords,
  };
}
