// Citations: each conclusion's 依据 (document, clause, excerpt) and the viewer that opens the
// source text at the excerpt.
import { DATA } from './state.js';
import { esc } from './util.js';
import { loadedPolicy } from './policies.js';

export function citationsPart(app) {
  var t = app.t, $ = app.$;

  // A citation as the result gives it: its index in the result's list (an object in format 1).
  function citeOf(c) { return typeof c === 'number' ? app.citeTable[c] : c; }

  // A conclusion's 依据 block: excerpt, 查看原文 when this page has the text, and the reading.
  function citeHtml(ref, interpretation) {
    var c = citeOf(ref);
    if (!c) return '';
    var i = app.citations.push(c) - 1;
    var hasSource = sourceFor(c);
    var h = t('<details class="cite"><summary>依据：') + esc(c.doc) + (c.clause ? ' ' + esc(c.clause) : '') + '</summary><div class="cite-body">';
    h += '<blockquote>' + esc(c.excerpt) + '</blockquote><p class="cite-kind">' + (c.excerpt_kind === 'quote' ? t('原文摘录') : t('转述（非原文）')) + '</p>';
    if (hasSource) h += '<button type="button" class="open-source" data-cite="' + i + t('">查看原文并定位</button>');
    else if (loadedPolicy(c.source)) h += '<p class="cite-kind">' + esc(t('该文件是另行加载的政策文件（{0}），本页没有它的原文，无法在此查看。', loadedPolicy(c.source).file)) + '</p>';
    else h += t('<p class="cite-kind">本计算器未收录该文件全文。</p>');
    h += '</div></details>';
    if (interpretation) h += t('<p class="interp"><span class="tag">解读</span>') + esc(interpretation) + '</p>';
    return h;
  }
  // The bundled text a citation rests on, by the policy id the engine gives (`source`).
  function sourceFor(c) {
    if (!c || !c.source) return null;
    // A loaded policy opens only the text chosen with it, never the bundled text of the same id.
    if (loadedPolicy(c.source)) return loadedPolicy(c.source).source;
    for (var i = 0; i < DATA.sources.length; i++) if (DATA.sources[i].policy === c.source) return DATA.sources[i];
    return null;
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

  function wireSourceViewer() {
    $('source-close').addEventListener('click', function () { $('source-viewer').close(); });
    $('source-viewer').addEventListener('close', function () {
      var back = $('source-viewer').returnFocusTo;
      if (back && back.isConnected) back.focus();
    });
  }


  return {
    citeOf: citeOf,
    citeHtml: citeHtml,
    sourceFor: sourceFor,
    openSource: openSource,
    wireSourceViewer: wireSourceViewer,
  };
}
