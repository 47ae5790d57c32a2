// The printed report: a one-page summary, what was typed, each conclusion with its 依据, the
// 申请清单 (what to apply for and whom to ask) and the policy files' versions.
import { esc, todayIso } from './util.js';

export function reportPart(app) {
  var t = app.t, $ = app.$;

  function buildPrintReport() {
    if (!app.lastResult) return;
    var r = app.lastResult;
    var read = app.readProfile();
    var h = t('<h1>专精特新政策自测报告</h1><p>企业：') + esc(r.enterprise.name || t('（未填写名称）')) + t(' · 评估日期：') + esc(app.dateWords(r.as_of)) +
      t(' · 认定标准：') + esc(r.criteria.version ? app.versionWord(r.criteria.version) : t('无')) + t(' · 打印日期：') + esc(app.dateWords(todayIso())) + '</p>';
    h += t('<p class="muted">本报告为自测参考，以主管部门认定为准。</p>');
    h += reportSummaryHtml(r);
    h += '<div class="report-details">';
    h += t('<h2>填写的信息</h2><table><tbody>');
    // Titles held and honours print as the list ticked (or 无), not as the table's controls.
    var ticked = function (sel) {
      return Array.prototype.filter.call(app.scope.querySelectorAll(sel), function (c) { return c.checked; });
    };
    var holdsList = ticked('tr[data-hold] input[type=checkbox]').map(function (c) {
      var level = $(c.id + '-level'), since = $(c.id + '-since');
      var bits = [level && level.value ? level.options[level.selectedIndex].text : '', since && since.value ? since.value + t('认定') : ''].filter(Boolean);
      return app.labelForElement(c.id) + (bits.length ? '（' + bits.join('，') + '）' : '');
    });
    var honorsList = ticked('[data-honor]').map(function (c) { return app.labelForElement(c.id); });
    app.scope.querySelectorAll('#profile-form input, #profile-form select').forEach(function (c) {
      if (!c.id || c.type === 'file' || c.disabled) return;
      if (c.closest('tr[data-hold]') || c.matches('[data-honor]')) return;
      if ((c.id === 'f-holds' || c.id === 'f-honors') && c.value === 'list') {
        var list = c.id === 'f-holds' ? holdsList : honorsList;
        h += '<tr><th scope="row">' + esc(app.labelForElement(c.id)) + '</th><td>' + esc(list.length ? list.join('；') : t('无')) + '</td></tr>';
        return;
      }
      var v = c.type === 'checkbox' ? (c.checked ? t('是') : '') : (c.tagName === 'SELECT' ? (c.value ? c.options[c.selectedIndex].text : '') : c.value);
      if (!v) return;
      h += '<tr><th scope="row">' + esc(app.labelForElement(c.id)) + '</th><td>' + esc(v) + '</td></tr>';
    });
    h += '</tbody></table>';
    if (read.problems.length) h += t('<p class="notice">有 ') + read.problems.length + t(' 处填写有误，未计入。</p>');
    h += t('<h2>结论</h2><p>划型：') + esc(app.sizeWord(r.size)) + '</p>';
    r.notices.forEach(function (n) { h += '<p class="notice">' + esc(n.text) + '</p>'; });
    r.tiers.forEach(function (tier) {
      h += '<h3>' + esc(app.tierTitle(tier)) + '：' + app.verdictWord(tier.verdict) + '</h3><p>' + esc(tier.doc_no) + t(' · 标准版本 ') + esc(app.versionWord(tier.version)) + (tier.score ? t(' · 得分 ') + tier.score.min + (tier.score.max !== tier.score.min ? '–' + tier.score.max : '') : '') + (tier.route ? t(' · 路径：') + esc(tier.route.title) : '') + '</p>';
      if (tier.unmet.length) h += '<ul>' + tier.unmet.map(function (u) { return '<li>' + app.gapSentence(u) + '</li>'; }).join('') + '</ul>';
      if (tier.verdict === 'undetermined') h += t('<p>需补充：') + tier.missing.map(function (m) { return esc(app.fieldLabel(m)); }).join('、') + '</p>';
      if (tier.not_needed) h += '<p>' + esc(tier.not_needed.text) + '</p>';
      Object.keys(tier.readings || {}).forEach(function (id) {
        var rd = tier.readings[id];
        if (!rd.decisive) return;
        h += '<p>' + t('有争议的读法：') + esc(rd.question) + '：' + rd.outcomes.map(function (o) { return esc(o.label) + '：' + app.verdictWord(o.verdict); }).join('；') + '</p>';
      });
      h += printCite(tier.criteria.citation);
    });
    h += checklistHtml(r);
    h += t('<h2>地方奖励与支持</h2>');
    if (r.awards.note) h += '<p>' + esc(r.awards.note) + '</p>';
    r.awards.documents.forEach(function (d) {
      h += '<h3>' + esc(d.title) + (/^（/.test(d.doc_no) ? esc(d.doc_no) : '（' + esc(d.doc_no) + '）') + (app.statusWord(d) ? ' 【' + esc(app.statusWord(d)) + '】' : '') + (app.validityWord(d) ? ' 【' + esc(app.validityWord(d)) + '】' : '') + '</h3>';
      h += t('<p>确定可得 ') + app.money(d.totals.certain) + t('；最高可达 ') + app.money(d.totals.upper_bound) + (d.totals.unquantified ? t('；另有 ') + d.totals.unquantified + t(' 项金额未定') : '') + '</p><ul>';
      d.lines.concat(d.benefits).forEach(function (l) {
        h += '<li>' + esc(l.title) + '：' + esc(app.amountText(l)) + '（' + esc(l.basis) + '）' + (l.state === 'superseded' ? t(' 不叠加') : '') + (l.labels.length ? ' 【' + esc(l.labels.join('、')) + '】' : '') + printCite(l.citation) + '</li>';
      });
      h += '</ul>';
    });
    h += '</div><div class="report-appendix">';
    h += t('<h2>附录：政策文件版本</h2><p>计算引擎 srdi ') + esc(r.engine.version) + t('；以下为本次计算所用的每个政策数据文件及其 SHA-256 校验值。</p><ul>') + r.policies.map(function (p) {
      return '<li>' + esc(p.title) + ' ' + esc(p.doc_no) + '（' + (app.statusWord(p) ? esc(app.statusWord(p)) + '，' : '') + app.sinceText(p) + (p.valid_to ? t('，至 ') + esc(p.valid_to) : '') + t('；数据 ') + esc(p.file) + (p.sha256 ? ' SHA-256 ' + esc(p.sha256) : '') + '）</li>';
    }).join('') + '</ul></div>';
    $('print-report').innerHTML = h;
  }
  // Page 1 of the report: the firm's standing on one page. Each rung with the reasons that decide
  // it, the key ratios, and what each document pays, with its labels.
  function reportSummaryHtml(r) {
    var h = t('<div class="report-summary"><h2>摘要</h2><table class="sum-table"><thead><tr><th scope="col">项目</th><th scope="col">结论</th><th scope="col">主要原因</th></tr></thead><tbody>');
    var sizeWhy = [r.size.industry_label ? t('行业：') + r.size.industry_label : '', r.size.doc_no || ''];
    if (r.size.class === 'undetermined') sizeWhy.push(t('可能为：') + r.size.possible.map(app.classWord).join('、'), t('需补充：') + (r.size.missing || []).map(app.fieldLabel).join('、'));
    h += t('<tr><th scope="row">企业规模（划型）</th><td>') + esc(app.sizeWord(r.size)) + '</td><td>' + esc(sizeWhy.filter(Boolean).join('；')) + '</td></tr>';
    r.tiers.forEach(function (tier) {
      var why = [];
      if (tier.held === true) why.push(t('已持有该称号'));
      if (tier.not_needed) why.push(tier.not_needed.text);
      if (tier.verdict === 'eligible' && tier.route) why.push(t('通过路径：') + tier.route.title);
      if (tier.verdict === 'not_eligible') (tier.unmet || []).slice(0, 3).forEach(function (u) { why.push(u.gap && u.gap.text ? app.gapText(u.gap) : u.title); });
      if (tier.verdict === 'undetermined') why.push(t('需补充：') + (tier.missing || []).slice(0, 6).map(app.fieldLabel).join('、'));
      Object.keys(tier.readings || {}).forEach(function (id) {
        var rd = tier.readings[id];
        if (rd.decisive) why.push(rd.outcomes.map(function (o) { return o.label + '：' + app.verdictWord(o.verdict); }).join('；'));
      });
      if (!tier.in_force) why.push(t('该标准在评估日期不在有效期内，仅供参考'));
      h += '<tr><th scope="row">' + esc(app.tierTitle(tier)) + '</th><td>' + app.verdictWord(tier.verdict) + '</td><td>' + esc(why.join('；')) + '</td></tr>';
    });
    h += '</tbody></table>';
    var figs = r.key_figures || [];
    if (figs.length) {
      h += t('<h3>关键指标</h3><table class="sum-table"><tbody>') + figs.map(function (k) {
        var v = k.value != null ? k.value : (k.missing && k.missing.length ? t('未填写（') + k.missing.map(app.fieldLabel).join('、') + '）' : t('无法计算'));
        return '<tr><th scope="row">' + esc(k.label) + '</th><td>' + esc(v) + '</td></tr>';
      }).join('') + '</tbody></table>';
    }
    if (r.awards.documents.length) {
      h += t('<h3>地方奖励（各文件分别计算，不相加）</h3><table class="sum-table"><thead><tr><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>') +
        r.awards.documents.map(function (d) {
          var labels = [app.statusWord(d), app.validityWord(d), d.provenance ? d.provenance : ''].filter(Boolean);
          return '<tr><th scope="row">' + esc(d.jurisdiction) + '：' + esc(d.title) + (labels.length ? ' 【' + esc(labels.join('；')) + '】' : '') + '</th><td>' + app.money(d.totals.certain) + '</td><td>' + app.money(d.totals.upper_bound) +
            (d.totals.unquantified ? t('（另有 ') + d.totals.unquantified + t(' 项金额未定）') : '') + '</td></tr>';
        }).join('') + '</tbody></table>';
      if (r.awards.potential.length) h += t('<p>获得认定后还可申请：') + esc(r.awards.potential.map(function (l) { return l.title + ' ' + app.amountText(l); }).join('；')) + '</p>';
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
      if (ap.window) parts.push(t('时间：') + esc(ap.window) + app.windowStateWords(ap));
      parts.push(ap.materials ? t('材料：') + esc(ap.materials) : t('材料以当年申报通知为准'));
      return parts.join('；') + printCite(ap.citation);
    };
    var rows = [];
    r.tiers.forEach(function (tier) {
      if (tier.held === true || tier.not_needed || !tier.in_force) return;
      if (tier.verdict !== 'eligible' && tier.verdict !== 'contested' && tier.verdict !== 'undetermined') return;
      rows.push('<li>☐ ' + t('申请认定：') + esc(app.tierTitle(tier)) + '（' + app.verdictWord(tier.verdict) + '）：' + how(tier.apply, 'tier') + '</li>');
    });
    var lines = [];
    r.awards.documents.forEach(function (d) {
      if (d.in_force === false) return;
      d.lines.forEach(function (l) { if (l.state === 'applies' || l.state === 'undetermined') lines.push(l); });
    });
    lines.concat(r.awards.potential).forEach(function (l) {
      rows.push('<li>☐ ' + esc(l.title) + '：' + esc(app.amountText(l)) + (l.tier_title ? t('（获得“') + esc(l.tier_title) + t('”认定后）') : '') +
        (l.labels.length ? ' 【' + esc(l.labels.join('、')) + '】' : '') + '；' + how(applyOf[l.measure], 'measure') + '</li>');
    });
    if (!rows.length) return t('<h2>申请清单</h2><p>按目前填写的信息，暂无可申请的认定或奖励。</p>');
    return t('<h2>申请清单</h2><ul class="checklist">') + rows.join('') + '</ul>';
  }
  function printCite(ref) {
    var c = app.citeOf(ref);
    return c ? t('<span class="pcite">依据：') + esc(c.doc) + ' ' + esc(c.clause || '') + '：“' + esc(c.excerpt) + '”' + (c.excerpt_kind === 'quote' ? '' : t('（转述）')) + '</span>' : '';
  }

  // 打印报告, and printing from the browser's menu (or, mounted, from the host page): the
  // shadow root's print rules show the report alone inside the calculator.
  function wirePrint(first) {
    $('btn-print').addEventListener('click', function () { buildPrintReport(); window.print(); });
    if (first) app.listen(window, 'beforeprint', buildPrintReport);
  }


  return {
    wirePrint: wirePrint,
  };
}
