// English for the self-check page. Chinese stays the source: web/index.html, web/app/,
// web/form.js and the engine's schema (SRDI.schema()) carry the Chinese words, and this file maps
// them to English. Policy words stay in Chinese, marked lang="zh-CN" by app.js: citations
// (document names, clauses, excerpts), measure, criterion and route titles, interpretations, the
// texts' own phrases (责任单位, windows). Sentences the engine writes in Chinese (gaps, next step,
// prerequisites, validity notes, amounts in words) are composed in English by app.js from the
// result's structured fields; a line's calculation sentence is left out in English.
//
// Groups:
//   ui            the page's own strings, keyed by the exact Chinese text of index.html / app.js.
//                 A message built by concatenation is keyed by its Chinese with {0}, {1}, … in
//                 place of the inserted values, e.g. '有 {0} 处填写需要修改'.
//                 Counts are phrased so that they read correctly for 1 and for many.
//   sections      form.js sections by id: {title, note}
//   fields        every schema field by name: {label, hint, unit}. `hint` is given where form.js
//                 (or app.js, for sci_award.*) has one; `unit` where the form shows one. Use the
//                 field's `unit` rather than ui[<Chinese unit>]: 年 is 'years' for niche_years but
//                 'YYYY' for the award years (sci_award.*_year, maker_china_year). No ui value is '' (t() treats '' as missing).
//   table_rows    the finance table's rows by base name: {label, hint}
//   years         form.js years by key
//   cities        form.js cities by value
//   values        the same groups and keys as SRDI_FORM.values
//   events        every event type of the schema: {label, hint, params: {name: label}}
//   holds_titles  the titles of the schema's holds_titles
//   errors        every error code of docs/profile.md, docs/output-format.md,
//                 docs/policy-format.md and docs/embedding.md
//   notices       result notices by code
//   score_categories (score-table category titles), verdicts, results, size_classes, tiers (by the tier's `tier` kind), units (gap and metric
//   units), amount_kinds, line_states, statuses, source_kinds, jurisdictions (by the engine's
//   Chinese name), samples (by sample id)
var SRDI_I18N = {
  en: {
    ui: {
      "地址无效": "not a valid address",
      "不是本站的地址（{0}），为保护隐私未发出请求": "not an address of this site ({0}); for privacy, no request was made",
      "网址中指定的政策文件须是本页所在文件夹（或其子文件夹）中的 .json 文件，未发出请求": "a policy file named in the page's address must be a .json file in the page's folder (or below it); no request was made",
      "本文件未使用；计算器按内置的政策和本页已加载的其他文件计算。": "This file is not used; the calculator uses the bundled policies and the other files this page loaded.",
      "{0}（本计算器暂无该城市的政策文件）": "{0} (no policy file for this city in the calculator)",
      "文件不是 UTF-8 编码的文本": "the file is not UTF-8 text",
      "文件超过 2 MB，未读取": "the file is larger than 2 MB and was not read",
      "服务器回答 HTTP {0}": "the server answered HTTP {0}",
      "无法取得文件（网络错误、跳转或被拒绝）": "the file could not be fetched (network error, redirect or refusal)",
      "单文件离线版不能加载政策文件（选项 policy：{0}）；计算器按内置的政策计算。": "The one-file offline page cannot load policy files (option policy: {0}); the calculator uses the bundled policies.",
      "从本地文件打开的页面不能加载政策文件（选项 policy：{0}）；计算器按内置的政策计算。": "A page opened from a local file cannot load policy files (option policy: {0}); the calculator uses the bundled policies.",
      "编写视图不在单文件离线版中：请在服务器上打开 index.html?author=1。": "The authoring view is not part of the one-file offline page: open index.html?author=1 on a server.",
      "本页另外使用本站提供的政策文件 {0}：{1}": "This page also uses the policy file {0} provided by this site: {1}",
      "（征求意见稿）": " (draft for comment)",
      "本站配置的政策文件 {0} 未能加载：": "The policy file {0} configured by this site could not be loaded:",
      "计算器仍按内置的政策计算。": "The calculator still works with the bundled policies.",
      "编写视图（author.js）未能加载。": "The authoring view (author.js) could not be loaded.",
      "该文件是另行加载的政策文件（{0}），本页没有它的原文，无法在此查看。": "This document is a policy file loaded separately ({0}); this page does not have its source text, so it cannot be shown here.",
      "卸载草稿": "Unload the draft",
      "政策文件编写视图": "Policy authoring view",
      "供编写政策文件的人员使用：选择草稿、原文和黄金用例，检查草稿，并让下方的计算器按草稿计算。文件只在本浏览器中读取，不会发送到任何地方。": "For the people who write policy files: choose a draft, its source text and golden cases, check the draft, and let the calculator below use it. The files are read in this browser only and sent nowhere.",
      "政策文件草稿（.json）": "Draft policy file (.json)",
      "必选": "required",
      "原文（.txt）": "Source text (.txt)",
      "UTF-8 或 GBK 编码": "UTF-8 or GBK",
      "黄金用例（.json）": "Golden cases (.json)",
      "可选": "optional",
      "“{0}”不是 UTF-8 编码的文本，未读取。": "“{0}” is not UTF-8 text and was not read.",
      "无法读取“{0}”。": "Could not read “{0}”.",
      "已卸载草稿：计算器按内置的政策计算，表单中填写的内容未改变。": "Draft unloaded: the calculator uses the bundled policies; what you typed in the form is unchanged.",
      "请先选择政策文件草稿。": "Choose a draft policy file first.",
      "政策文件：{0}": "Policy file: {0}",
      "原文：{0}（{1}）": "source text: {0} ({1})",
      "黄金用例：{0}": "golden cases: {0}",
      "草稿已加载，下方计算器按它计算（城市：{0}）。": "the draft is loaded and the calculator below uses it (city: {0}).",
      "草稿未加载，下方计算器按内置的政策计算。": "the draft is not loaded; the calculator below uses the bundled policies.",
      "措施 {0}（{1}）": "measure {0} ({1})",
      "整个文件": "whole file",
      "检查结果": "Checker results",
      "有 {0} 个错误：草稿不能加载。": "{0} error(s): the draft cannot be loaded.",
      "没有错误，可以加载；{0} 个提醒。": "No errors, the draft can be loaded; {0} warning(s).",
      "错误": "Errors",
      "提醒": "Warnings",
      "按 {0} 的 {1}": "{1} of {0}",
      "按 {0} 的 {1}，最高 {2}": "{1} of {0}, at most {2}",
      "非资金支持：{0}": "non-monetary support: {0}",
      "未载金额：{0}": "no amount stated: {0}",
      "措施与原文对照": "Measures beside the source text",
      "选择原文后，每条措施的摘录会在原文中标出。": "Choose the source text to see each measure's excerpt marked in it.",
      "{0} 条措施，{1} 处摘录在原文中标出，{2} 条措施的摘录在原文中找不到。": "{0} measures; {1} excerpts marked in the source text; {2} measures whose excerpt is not in the source text.",
      "金额：": "Amount: ",
      "原文中找不到摘录": "Excerpt not found in the source text",
      "未选择原文。": "No source text chosen.",
      "措施（政策文件）": "Measures (policy file)",
      "已计入": "counted",
      "获得认定后可申请（本次符合）": "can apply once recognised (eligible now)",
      "达到相应层级并获得认定后可申请": "can apply after reaching and being recognised at that rung",
      "条件未满足": "condition not met",
      "未发生该事项": "the event has not happened",
      "由其他主体申请": "applied for by another kind of applicant",
      "{0}–{1}": "{0}–{1}",
      "（待定）": " (undetermined)",
      "（不叠加）": " (not cumulative)",
      "示例企业试算": "Sample firms",
      "计算器的 {0} 家示例企业，城市改为“{1}”，评估日期 {2}：每条措施对每家企业的结果。": "The calculator's {0} sample firms, moved to the city “{1}”, evaluated on {2}: what each measure gives each firm.",
      "措施": "Measure",
      "计算出错：{0}": "evaluation error: {0}",
      "草稿文件未参与计算": "the draft was not evaluated",
      "共有 {0} 处措施对示例企业产生奖补。": "{0} measure/firm pair(s) pay an award.",
      "黄金用例": "Golden cases",
      "草稿加载后才运行黄金用例。": "The golden cases run once the draft is loaded.",
      "（文件本身）": "(the file itself)",
      "黄金用例文件有错误：": "The golden-case file has errors:",
      "{0} 个用例，{1} 个未通过。": "{0} case(s), {1} failed.",
      "已载入培育库筛选中的企业。": "Loaded the firm from the pool screening.",
      "工信部门：培育库批量筛选（导入企业名单表格）": "For bureaus: screen a pool of firms from a spreadsheet",
      "本文件未载明受理部门、申报时间和材料：以当年申报通知为准。": "This document names no accepting department, dates or materials: see that year's application notice.",
      "各城市的金额分别依据各自的政策文件计算，不跨城市相加。": "Each city's amounts come from its own documents; they are never added across cities.",
      "决定是否奖励的信息未填写（见下方“需补充”）": "information that decides whether it is paid is missing (see “Still needed” below)",
      "施行日期不明：是否有效无法确定": "start date not stated: whether it is in force cannot be told",
      "来源未载明：": "Not stated by the source: ",
      "。": ".",
      "征求意见稿：金额以正式发布的文件为准。": "A draft for comment: the published document's amounts decide.",
      "不低于": "at least",
      "高于": "above",
      "不高于": "at most",
      "低于": "below",
      "等于": "equal to",
      " 分": " points",
      "数字键盘": "Number keypad",
      "退格": "Backspace",
      "清空": "Clear",
      "完成": "Done",
      "<h1>专精特新政策自测报告</h1><p>企业：": "<h1>SRDI self-check report</h1><p>Enterprise: ",
      " · 评估日期：": " · Evaluation date: ",
      " · 认定标准：": " · Criteria: ",
      " · 打印日期：": " · Printed: ",
      "<p class=\"muted\">本报告为自测参考，以主管部门认定为准。</p>": "<p class=\"muted\">A self-check for reference; the competent department's recognition decides.</p>",
      "<h2>附录：政策文件版本</h2><p>计算引擎 srdi ": "<h2>Appendix: policy data versions</h2><p>Engine srdi ",
      "；以下为本次计算所用的每个政策数据文件及其 SHA-256 校验值。</p><ul>": "; every policy data file used for this result, with its SHA-256.</p><ul>",
      "<div class=\"report-summary\"><h2>摘要</h2><table class=\"sum-table\"><thead><tr><th scope=\"col\">项目</th><th scope=\"col\">结论</th><th scope=\"col\">主要原因</th></tr></thead><tbody>": "<div class=\"report-summary\"><h2>Summary</h2><table class=\"sum-table\"><thead><tr><th scope=\"col\">Item</th><th scope=\"col\">Result</th><th scope=\"col\">Main reasons</th></tr></thead><tbody>",
      "<tr><th scope=\"row\">企业规模（划型）</th><td>": "<tr><th scope=\"row\">Enterprise size class</th><td>",
      "已持有该称号": "holds this title",
      "<h3>关键指标</h3><table class=\"sum-table\"><tbody>": "<h3>Key figures</h3><table class=\"sum-table\"><tbody>",
      "未填写（": "not entered (",
      "无法计算": "cannot be computed",
      "<h3>地方奖励（各文件分别计算，不相加）</h3><table class=\"sum-table\"><thead><tr><th scope=\"col\">文件</th><th scope=\"col\">确定可得</th><th scope=\"col\">最高可达</th></tr></thead><tbody>": "<h3>Local awards (each document on its own, never added up)</h3><table class=\"sum-table\"><thead><tr><th scope=\"col\">Document</th><th scope=\"col\">Certain</th><th scope=\"col\">Up to</th></tr></thead><tbody>",
      "（另有 ": " (plus ",
      " 项金额未定）": " without a set amount)",
      "<p>获得认定后还可申请：": "<p>Claimable once recognised: ",
      "行业：": "Industry: ",
      "认定": " recognised",
      "请填写整数，不带小数": "Enter a whole number, without decimals",
      "请填写整数（只含数字）": "Enter a whole number (digits only)",
      "第 ": "Item ",
      " 项事项：": " of the events: ",
      " 项已获称号：": " of the titles held: ",
      "在原文中查看": "See it in the text",
      "撤销，恢复之前填写的内容": "Undo: bring back what was typed",
      "已恢复之前填写的内容。": "What was typed before has been restored.",
      "<p class=\"muted\">按目前填写的事项和称号，本文件暂无可计算的奖补项目。下方列出本文件奖励哪些事项，以及本企业离每一项还差什么。</p>": "<p class=\"muted\">With the events and titles entered so far, this document pays nothing yet. Below is what it pays for, and where the enterprise stands on each.</p>",
      "<section class=\"card\" aria-labelledby=\"next-rungs-h\"><h2 id=\"next-rungs-h\">达到更高层级后可得的奖励</h2><p class=\"muted\">以下层级本次评估尚未符合或待定（差距和需补充的信息见上方各层级）；获得认定后才可申请，不计入上方金额：</p><ul class=\"lines\">": "<section class=\"card\" aria-labelledby=\"next-rungs-h\"><h2 id=\"next-rungs-h\">Awards for reaching a higher rung</h2><p class=\"muted\">These rungs are not met yet or undetermined (see each rung above for the gaps and the missing information); the awards can be claimed only after recognition and are not in the amounts above:</p><ul class=\"lines\">",
      "”认定后 · 目前：": "” · now: ",
      "本企业：": "This enterprise: ",
      " <span class=\"label\">竞争性评选</span>": " <span class=\"label\">competitive selection</span>",
      "本文件奖励哪些事项（": "What this document pays for (",
      " 项）": " items)",
      "由其他主体申请的事项（": "Items other applicants claim (",
      "如何申请": "How to apply",
      "申报渠道、时间和材料以当年申报通知为准（本计算器未收录载明这些信息的原文）。": "Channel, dates and materials: see that year's application notice (the calculator holds no text that states them).",
      "受理部门、时间和材料原文未载明，以当年申报通知为准。": "The text names no accepting department, dates or materials: see that year's application notice.",
      "责任单位（原文）：": "Responsible units (as the text names them): ",
      "渠道：": "Channel: ",
      "时间：": "When: ",
      "材料：": "Materials: ",
      "所需材料以当年申报通知为准": "materials: see that year's application notice",
      "申报渠道、时间和材料以当年申报通知为准": "channel, dates and materials: see that year's application notice",
      "受理部门、时间和材料以当年申报通知为准": "accepting department, dates and materials: see that year's application notice",
      "材料以当年申报通知为准": "materials: see that year's application notice",
      "申请认定：": "Apply for recognition: ",
      "（获得“": " (after recognition as “",
      "”认定后）": "”)",
      "<h2>申请清单</h2><p>按目前填写的信息，暂无可申请的认定或奖励。</p>": "<h2>Application checklist</h2><p>With the information entered so far, there is nothing to apply for yet.</p>",
      "<h2>申请清单</h2><ul class=\"checklist\">": "<h2>Application checklist</h2><ul class=\"checklist\">",
      "撤销只恢复表单，不会重新保存到本浏览器。": "Undo brings back the form only; nothing is stored in this browser again.",
      "已计入上方奖补项目": "counted in the award lines above",
      "本企业目前符合相应层级，获得认定后可申请（见“若获认定可得的奖励”）": "the enterprise meets the rung now and may claim this once recognised (see “Awards available once recognised”)",
      "达到相应层级并获得认定后可申请（见“达到更高层级后可得的奖励”）": "claimable once the enterprise reaches the rung and is recognised (see “Awards for reaching a higher rung”)",
      "需先满足：": "first requires: ",
      "发生该事项后可申请；在“本年度事项”中勾选即可计算：": "claimable when this happens; tick it under this year's events to compute it: ",
      "按目前填写的信息不适用": "does not apply with the information entered",
      "申请主体为：": "applicant: ",
      '申请类型': 'Application',
      '已持有称号、到期复核的，请选择复核': 'If you hold the title and it is due for review, choose the review',
      '新申请': 'New application',
      '复核': ' review',
      '<p class="interp"><span class="tag">复核</span>': '<p class="interp"><span class="tag">Review</span>',
      '有争议的读法：': 'Contested reading: ',
      '按哪种读法计算': 'Compute with reading',
      '各读法都列出': 'Show every reading',
      '<p class="cmp">按该层级的全部条件判断（见该层级）</p>': '<p class="cmp">Judged by all conditions of that tier (see that tier)</p>',
      '有新版本（含更新的政策数据）可用。': 'A newer version (with updated policy data) is available.',
      '更新并重新载入': 'Update and reload',
      // ---------------------------------------------------------------- index.html
      '专精特新政策自测（离线计算器）': 'SRDI policy self-check (offline calculator)',
      '跳到评估结果': 'Skip to the results',
      '专精特新政策自测': 'SRDI policy self-check',
      '中小企业划型 · 梯度培育（创新型 → 专精特新 → “小巨人”）· 地方奖励与支持':
        "SME size class · Tiered development (Innovative → SRDI → 'Little Giant') · Local awards and support",
      '所有计算都在本机浏览器中完成，填写的数据不会发送到任何地方。本结果为自测参考，以主管部门认定为准。':
        'All calculations run in this browser on your own device; nothing you enter is sent anywhere. The results are a self-assessment for reference only; the decisions of the competent authorities prevail.',
      '评估设置': 'Evaluation settings',
      '示例企业': 'Sample enterprise',
      '— 选择示例，一键查看完整结果 —': '— Choose a sample to see a complete result —',
      '评估日期': 'Evaluation date',
      '决定适用的标准版本和称号是否在有效期内': 'Decides which criteria version applies and whether the titles held are still valid',
      '认定标准版本': 'Criteria version',
      '按评估日期自动选择': 'Choose by the evaluation date',
      '2022年标准（工信部企业〔2022〕63号）': '2022 criteria (工信部企业〔2022〕63号)',
      '2026年标准（工信部企业〔2026〕2号）': '2026 criteria (工信部企业〔2026〕2号)',
      '2026年4月1日起施行新标准': 'The new criteria apply from 1 April 2026',
      '申请主体': 'Applicant',
      '保存为文件': 'Save to file',
      '从文件读取': 'Load from file',
      '打印报告': 'Print report',
      '清除我的数据': 'Clear my data',
      '在本浏览器中记住我填写的内容': 'Remember my entries in this browser',
      '企业信息': 'Enterprise information',
      '按上年度财务数据填写。<strong>留空即“未填写”</strong>，不会按 0 计算；结果会指出哪些空白会改变结论。':
        'Use the financial figures of last year. <strong>A blank field means “not filled in”</strong>; it is not counted as 0, and the results point out which blanks could change an outcome.',
      '按上年度财务数据填写。': 'Use the financial figures of last year.',
      '留空即“未填写”': 'A blank field means “not filled in”',
      '，不会按 0 计算；结果会指出哪些空白会改变结论。': '; it is not counted as 0, and the results point out which blanks could change an outcome.',
      '不会按 0 计算；结果会指出哪些空白会改变结论。': 'It is not counted as 0, and the results point out which blanks could change an outcome.',
      '评估结果': 'Results',
      '正在加载计算引擎……': 'Loading the calculation engine…',
      '查看结果 ↓': 'View results ↓',
      '原文': 'Source text',
      '关闭': 'Close',
      '政策数据随页面离线提供；每一项结论都注明所依据的文件、条款和原文摘录。标注“征求意见稿”“已失效”的金额仅供参考。':
        'The policy data comes with the page and works offline; every conclusion names the document, clause and excerpt it rests on. Amounts marked “draft for comment” or “expired” are for reference only.',
      // Words for a language switch and for the English page.
      '语言': 'Language',
      '中文': '中文',
      'English': 'English',
      '政策原文、引用和计算说明保持中文。': 'Policy texts, citations and the explanations of each calculation are shown in Chinese, as in the source documents.',

      // ---------------------------------------------------------------- punctuation and joins
      '：': ': ',
      '、': ', ',
      '；': '; ',
      '，': ', ',
      '（{0}）': ' ({0})',
      '{0}（{1}）': '{0} ({1})',
      '{0}：{1}': '{0}: {1}',
      '{0}：{1}（{2}）': '{0}: {1} ({2})',
      '【{0}】': '[{0}]',
      ' 【{0}】': ' [{0}]',
      '（': ' (',
      '）': ')',
      '：“': ': “',
      '”': '”',
      '”。': '”.',
      '</a>：': '</a>: ',
      '</strong>：': '</strong>: ',
      '）</li>': ')</li>',
      '”</button>': '”</button>',
      '<span class="unit">（': '<span class="unit"> (',
      '）</span>': ')</span>',
      '<span class="unit">（%）</span>': '<span class="unit"> (%)</span>',
      '<span class="muted">（': '<span class="muted"> (',

      // ---------------------------------------------------------------- units and amounts
      '万元': '10k yuan',
      '元': 'yuan',
      '{0}万元': '{0} × 10k yuan',
      '{0}元': '{0} yuan',
      '人': 'people',
      '项': 'number',
      '级': '1–4',
      '分': 'points',
      '年': 'years',
      '名': '1 = first',
      '%': '%',
      '（万元）': ' (10k yuan)',
      '（%）': ' (%)',
      '（必填）': ' (required)',

      // ---------------------------------------------------------------- typing errors (app.js)
      '请填写数字（以万元为单位，如 8600 或 12.5）': 'Enter a number in 10k yuan, e.g. 8600 or 12.5',
      '不能为负数': 'Cannot be negative',
      '万元最多 6 位小数（精确到分）': 'At most 6 decimal places in 10k yuan (exact to 0.01 yuan)',
      '请填写百分数（如 6.5 表示 6.5%）': 'Enter a percentage (6.5 means 6.5%)',
      '请填写分数（如 65 或 72.5）': 'Enter a score, e.g. 65 or 72.5',
      '最多 {0} 位小数': 'At most {0} decimal places',
      '不能超过 {0}': 'Cannot be more than {0}',
      '请填写整数': 'Enter a whole number',
      '应在 {0} 到 {1} 之间': 'Must be between {0} and {1}',
      '此项必填': 'Required',

      // ---------------------------------------------------------------- form controls
      '未填写': 'Not filled in',
      '是': 'Yes',
      '否': 'No',
      '请选择': 'Please choose',
      '财务数据（万元），三个年度并列': 'Financial data (10k yuan), three years side by side',
      '项目（万元）': 'Item (10k yuan)',
      '{0}（万元）': '{0} (10k yuan)',
      '科技奖励': 'Science and technology awards',
      '近年是否获得国家级或省级科技奖励': 'A national or provincial science and technology award in recent years?',
      '没有': 'No',
      '有（填写下方排名和年份）': 'Yes (enter the rank and year below)',
      '科技进步奖、技术发明奖等；排名指企业在获奖单位中的排名':
        "E.g. a Science and Technology Progress Award or a Technological Invention Award; the rank is the enterprise's place among the winning organisations",
      '该级别奖励的获奖年份，如 2024': 'Year of the award at this level, e.g. 2024',
      '企业在获奖单位中的排名（第1名填1）；没有该级别奖励则留空，不清楚则勾选“不清楚”':
        "The enterprise's place among the winning organisations (enter 1 for first place); leave blank if there is no award at this level, tick “Not known” if you do not know",
      '不清楚<span class="visually-hidden">：{0}</span>': 'Not known<span class="visually-hidden">: {0}</span>',
      '荣誉（有效期内）': 'Honours (currently valid)',
      '荣誉情况': 'Honours',
      '按下方勾选（未勾选即没有）': 'As ticked below (not ticked = not held)',
      '勾选任一项即视为已按勾选填写': 'Ticking any box counts as having answered this list',
      '填写已获得且仍在有效期内的称号及认定日期（创新型、专精特新、小巨人有效期3年）。':
        "Enter the titles held that are still valid, with their date of recognition (the Innovative SME, SRDI SME and 'Little Giant' titles are valid for 3 years).",
      '已获称号情况': 'Titles held',
      '按下表勾选（未勾选即没有）': 'As ticked in the table (not ticked = not held)',
      '勾选任一称号即视为已按下表填写': 'Ticking any title counts as having answered this table',
      '称号': 'Title',
      '级别': 'Level',
      '认定日期': 'Date of recognition',
      '{0}级别': '{0}: level',
      '{0}认定日期': '{0}: date of recognition',
      '勾选本年度发生的事项（新获认定、上市挂牌、展会、技改等），地方奖励按事项计算。同类事项可添加多项。':
        'Tick what happened this year (new recognitions, listing steps, trade fairs, technical upgrades and so on); local awards are calculated event by event. You can add several events of the same type.',
      '第 {0} 项': 'Item {0}',
      '删除此项': 'Remove this item',
      '再添加一项“{0}”': 'Add another “{0}”',
      '{0}（第 {1} 条）': '{0} (entry {1})',
      '再添加一条<span class="visually-hidden">“{0}”</span>': 'Add another<span class="visually-hidden"> “{0}”</span>',
      '删除此条<span class="visually-hidden">：{0}</span>': 'Remove<span class="visually-hidden">: {0}</span>',

      // ---------------------------------------------------------------- problems and status
      '有 {0} 处填写需要修改': 'Entries to correct: {0}',
      '（已在字段旁标出；其余结果暂按这些字段“未填写”计算，已填内容不会丢失）：':
        ' (marked next to each field; until then the results treat these fields as not filled in, and nothing you entered is lost):',
      '已在字段旁标出；其余结果暂按这些字段“未填写”计算，已填内容不会丢失':
        'Marked next to each field; until then the results treat these fields as not filled in, and nothing you entered is lost',
      '填写有误，结果未更新（显示的是上一次的结果）。': 'Some entries are invalid, so the results were not updated (the previous results are shown).',
      '计算引擎加载失败：{0}': 'The calculation engine failed to load: {0}',
      '计算引擎加载失败：': 'The calculation engine failed to load: ',

      // ---------------------------------------------------------------- verdicts and results
      '符合': 'Eligible',
      '不符合': 'Not eligible',
      '待定': 'Undetermined',
      '满足': 'Met',
      '不满足': 'Not met',
      '不适用': 'Not applicable',
      '未知': 'Unknown',
      '第 {0} 名': 'rank {0}',
      '前 {0} 名以内': 'within the top {0}',
      '有名次（获得）': 'any rank (awarded)',
      '无': 'None',

      // ---------------------------------------------------------------- citations
      '依据：': 'Basis: ',
      '依据：{0}': 'Basis: {0}',
      '依据：{0} {1}': 'Basis: {0} {1}',
      '原文摘录': 'Verbatim excerpt',
      '转述（非原文）': 'Paraphrase (not the original wording)',
      '查看原文并定位': 'Show it in the source text',
      '本计算器未收录该文件全文。': 'The full text of this document is not included in this calculator.',
      '解读': 'Interpretation',
      '说明': 'Note',
      '条款 {0}': 'Clause {0}',
      ' · 条款 ': ' · Clause ',
      '摘录为转述，未能在原文中逐字定位；请按条款“{0}”查阅。':
        'The excerpt is a paraphrase and could not be found word for word in the source text; see clause “{0}”.',

      // ---------------------------------------------------------------- missing information
      '已获称号': 'Titles held',
      '荣誉': 'Honours',
      '荣誉：{0}': 'Honours: {0}',
      '需补充：': 'Still needed: ',
      '需补充：{0}': 'Still needed: {0}',
      '这些空白会改变结论': 'These blanks could change the outcome',
      '补充以下信息后即可确定相应结论：': 'Fill in the following to settle the outcome:',
      '影响：': 'Affects: ',
      '影响：{0}': 'Affects: {0}',

      // ---------------------------------------------------------------- summary line
      '划型': 'Size class',
      '划型：': 'Size class: ',
      '划型：{0}': 'Size class: {0}',
      '征求意见稿': 'Draft for comment',
      '不在有效期内': 'Not in force',
      '有效期不明': 'Validity unknown',
      '<p class="muted">假如仍在有效期内（不可领取）：确定 ': '<p class="muted">If it were still in force (not payable): certain ',
      '发布状态不明': 'Publication status unknown',
      '起始日期不明': 'start date unknown',
      '<p class="stacking">待定原因：': '<p class="stacking">Undetermined because: ',
      '资金来源：': 'Paid from: ',
      '福建省级资金': 'Fujian provincial funds',
      '三明市级财政': 'Sanming city budget',
      '受益地财政': 'the budget of the beneficiary\'s locality',
      '各县（市、区）政府': 'the county (city, district) governments',
      '枣庄市级财政': 'Zaozhuang city budget',
      '征求意见稿，': 'draft for comment, ',
      '不在有效期内，': 'not in force, ',
      '征求意见稿，不在有效期内': 'draft for comment, not in force',
      ' 确定 ': ' certain ',
      '，最高 ': ', up to ',
      '{0} 确定 {1}，最高 {2}': '{0}: {1} certain, up to {2}',
      '评估日期 {0}': 'Evaluation date {0}',
      ' · 标准 ': ' · Criteria ',
      '标准 {0}': 'Criteria {0}',

      // ---------------------------------------------------------------- size class card
      '企业规模（划型）': 'Enterprise size (size class)',
      '可能为：': 'Could be: ',
      '可能为：{0}': 'Could be: {0}',
      '大型': 'Large',
      '中型': 'Medium',
      '小型': 'Small',
      '微型': 'Micro',
      '划型逐条依据': 'How the size class was decided, rule by rule',

      // ---------------------------------------------------------------- tiers
      '{0}，即可满足“{1}”': '{0}, and “{1}” would then be met',
      '，即可满足“': ', and this would then be met: “',
      '须持有相应称号：': 'Requires holding the title: ',
      '须持有相应称号：{0}': 'Requires holding the title: {0}',
      '梯度培育：创新型 → 专精特新 → “小巨人”': "Tiered development: Innovative → SRDI → 'Little Giant'",
      '下一步：': 'Next step: ',
      '下一步：{0}': 'Next step: {0}',
      '评估日期没有适用的认定标准。': 'No recognition criteria apply on the evaluation date.',
      '第{0}级': 'Tier {0}',
      '已持有': 'Already held',
      '标准版本 {0}': 'Criteria version {0}',
      '标准版本 ': 'Criteria version ',
      '该标准在评估日期不在有效期内，仅供参考': 'These criteria are not in force on the evaluation date; for reference only',
      '评价得分 {0} 分': 'Assessment score: {0} points',
      '评价得分': 'Assessment score',
      '（有未填写项，得分为区间）': ' (some items are blank, so the score is a range)',
      '有未填写项，得分为区间': 'Some items are blank, so the score is a range',
      '通过路径：': 'Qualifies through: ',
      '（评估日期时本期申报已截止，请关注下一年度通知）': ' (closed on the evaluation date: watch for next year\'s notice)',
      '（评估日期时尚未开始）': ' (not yet open on the evaluation date)',
      '（评估日期在申报期内）': ' (open on the evaluation date)',
      '<p class="route">通过路径': '<p class="route">Qualifies through',
      '通过路径：{0}': 'Qualifies through: {0}',
      '还差什么': 'Conditions not yet met',
      '可选路径（满足其一即可）': 'Alternative routes (any one is enough)',
      '提分最快的指标': 'Quickest ways to raise the score',
      '{0}：{1} → {2} 分（+{3}）': '{0}: {1} → {2} points (+{3})',
      '{0} → {1} 分（+{2}）': '{0} → {1} points (+{2})',
      '逐条依据（条件、取值、阈值和出处）': 'Condition by condition (values, thresholds and sources)',

      // ---------------------------------------------------------------- criterion trace
      '当前 {0}，要求 {1} {2}': 'Current value {0}; required {1} {2}',
      '当前 ': 'Current value ',
      '，要求 ': '; required ',
      '得分 {0}，要求 {1} {2}': 'Score {0}; required {1} {2}',
      '得分 ': 'Score ',
      '还差 {0} 分': 'Short by {0} points',
      '以下全部满足': 'All of the following must be met',
      '以下满足其一即可': 'Any one of the following is enough',
      '以下情形不得存在': 'None of the following may apply',

      // ---------------------------------------------------------------- award lines
      '确定': 'Certain',
      '最高': 'Up to',
      '金额未定': 'Amount not set',
      '至少 ': 'at least ',
      '，至多 ': ', at most ',
      '（视读法而定）': ' (depends on the reading)',
      '有争议的读法：': 'Contested reading: ',
      '已选定读法：': 'reading picked: ',
      '未选定读法：确定金额取较少者，上限取较多者': 'no reading picked: the certain total takes the least, the upper bound the most',
      '各读法金额相同': 'every reading gives the same amount',
      '税收抵免': 'Tax credit',
      '支持措施': 'Support measure',
      '最高 {0}': 'Up to {0}',
      '最高 ': 'Up to ',
      '抵免 {0}': 'Tax credit of {0}',
      '抵免 ': 'Tax credit of ',
      '不叠加': 'Not cumulative',
      '计算：': 'Calculation: ',
      '计算：{0}': 'Calculation: {0}',

      // ---------------------------------------------------------------- awards section
      '地方奖励与支持': 'Local awards and support',
      '地方奖励与支持：{0}': 'Local awards and support: {0}',
      '各文件的金额分别计算，不跨文件相加；同一事项通常不重复享受。':
        'Amounts are calculated for each document separately and never added across documents; the same event usually cannot be rewarded twice.',
      '据新闻报道': 'From a news report',
      '确定可得': 'Certain amount',
      '最高可达': 'Maximum possible',
      '另有金额未定': 'Items without a set amount',
      '{0} 项': '{0}',
      ' 项': ' ',
      '税收抵免（不计入奖励）': 'Tax credit (not counted as an award)',
      '非资金支持': 'Non-monetary support',
      '奖补项目': 'Awards and subsidies',
      '按目前填写的事项和称号，本文件没有可计算的奖补项目。勾选“本年度事项”可计算相应奖励。':
        'With the events and titles entered so far, this document gives no award that can be calculated. Tick items under “Events this year” to calculate the matching awards.',
      '非资金支持（{0} 项）': 'Non-monetary support ({0})',
      '省级培育目标与本企业对照（{0} 项）': 'Provincial development targets compared with this enterprise ({0})',
      '目标': 'Target',
      '本企业': 'This enterprise',
      '对照': 'Result',
      '适用规则（{0} 条）': 'Rules that apply ({0})',
      '若获认定可得的奖励': 'Awards available once recognised',
      '以下层级本次评估为“符合”且尚未持有；获得认定后可申请：':
        'These tiers are assessed as “Eligible” and are not held yet; once recognised, you can apply for:',
      '获得“{0}”认定后 · ': 'Once recognised as “{0}” · ',

      // ---------------------------------------------------------------- city comparison
      '各城市对比': 'Comparison of cities',
      '城市': 'City',
      '文件': 'Document',

      // ---------------------------------------------------------------- stamp and policy list
      '计算引擎 srdi {0} · 评估日期 {1} · 使用的政策文件：{2}': 'Calculation engine srdi {0} · Evaluation date {1} · Policy documents used: {2}',
      '计算引擎 srdi {0}': 'Calculation engine srdi {0}',
      '计算引擎 srdi ': 'Calculation engine srdi ',
      ' · 评估日期 ': ' · Evaluation date ',
      ' · 使用的政策文件：': ' · Policy documents used: ',
      '使用的政策文件：': 'Policy documents used: ',
      '{0} 起': 'from {0}',
      ' 起': ' onwards',
      '，至 {0}': ', until {0}',
      '，至 ': ', until ',
      '{0} 起，至 {1}': 'from {0} to {1}',
      '数据 {0}': 'data file {0}',
      '；数据 ': '; data file ',
      '（{0} 起）': ' (from {0})',
      '（{0} 起，至 {1}）': ' (from {0} to {1})',
      '（征求意见稿，{0} 起）': ' (draft for comment, from {0})',
      '（征求意见稿，{0} 起，至 {1}）': ' (draft for comment, from {0} to {1})',

      // ---------------------------------------------------------------- files and storage
      '已恢复本浏览器中记住的内容。': 'Restored the entries remembered in this browser.',
      '记住的原内容已另存在本浏览器中，不会被覆盖。': ' The remembered entries were kept aside in this browser and will not be overwritten.',
      '文件不是有效的 JSON：{0}。当前填写的内容未改变。': 'The file is not valid JSON: {0}. Your current entries are unchanged.',
      '文件有 {0} 处错误，未读取（当前填写的内容未改变）：{1}':
        'Errors in the file: {0}. The file was not loaded, and your current entries are unchanged: {1}',
      '已保存为“{0}”。': 'Saved as “{0}”.',
      '有误的字段未写入文件。': 'Fields with errors were not written to the file.',
      '已载入示例“{0}”。': 'Loaded the sample “{0}”.',
      '已读取“{0}”。': 'Loaded “{0}”.',
      '无法读取该文件。': 'The file could not be read.',
      '将在本浏览器中记住填写的内容（可随时清除）。': 'Your entries will be remembered in this browser (you can clear them at any time).',
      '已不再记住，本浏览器中保存的内容已删除。': 'No longer remembering; the entries saved in this browser have been deleted.',
      '已清除：表单已清空，本浏览器中没有保存任何内容。': 'Cleared: the form is empty and nothing is stored in this browser.',

      // ---------------------------------------------------------------- printed report
      '专精特新政策自测报告': 'SRDI policy self-check report',
      '评估日期：{0}': 'Evaluation date: {0}',
      '评估日期：': 'Evaluation date: ',
      ' · 标准版本：': ' · Criteria version: ',
      '标准版本：{0}': 'Criteria version: {0}',
      ' · 标准版本 ': ' · Criteria version ',
      ' · 计算引擎 srdi ': ' · Calculation engine srdi ',
      '企业：{0}': 'Enterprise: {0}',
      '企业：': 'Enterprise: ',
      '（未填写名称）': '(name not given)',
      '本报告为自测参考，以主管部门认定为准。': "This report is a self-assessment for reference only; the competent authority's recognition prevails.",
      '填写的信息': 'Information entered',
      '有 {0} 处填写有误，未计入。': 'Entries with errors, not counted: {0}.',
      '结论': 'Conclusions',
      '得分 {0}': 'Score {0}',
      ' · 得分 ': ' · Score ',
      '路径：{0}': 'Route: {0}',
      ' · 路径：': ' · Route: ',
      '【征求意见稿】': '[Draft for comment]',
      ' 【征求意见稿】': ' [Draft for comment]',
      '【不在有效期内】': '[Not in force]',
      ' 【不在有效期内】': ' [Not in force]',
      '确定可得 {0}；最高可达 {1}': 'Certain amount {0}; maximum possible {1}',
      '确定可得 ': 'Certain amount ',
      '；最高可达 ': '; maximum possible ',
      '；另有 {0} 项金额未定': '; plus {0} without a set amount',
      '；另有 ': '; plus ',
      ' 项金额未定': ' without a set amount',
      ' 不叠加': ' (not cumulative)',
      '政策文件版本': 'Policy document versions',
      '依据：{0} {1}：“{2}”': 'Basis: {0} {1}: “{2}”',
      '（转述）': ' (paraphrase)',

      // ---------------------------------------------------------------- engine sentences of a fixed shape
      // The engine writes these in Chinese; {0} is a Chinese tier or document title, a date or
      // a count. The page may show them in English when it recognises the shape.
      '可以申请{0}': 'You can apply for: {0}',
      '先满足{0}的条件': 'First meet the conditions for: {0}',
      '补充信息后判断能否申请{0}': 'Fill in the missing information to see whether you can apply for: {0}',
      '须先取得{0}称号；本次评估该层级符合，可先申请': 'Requires the title {0} first; that tier is assessed as eligible, so you can apply for it first',
      '须先取得{0}称号；本次评估该层级不符合': 'Requires the title {0} first; that tier is assessed as not eligible',
      '须先取得{0}称号；本次评估该层级待定': 'Requires the title {0} first; that tier is undetermined',
      '各城市的金额分别依据各自的政策文件计算，不跨城市相加。': "Each city's amounts are calculated from its own policy documents and never added across cities.",
      '未填写所在城市：不计算地方奖励。': 'No city given, so local awards are not calculated.',
      '本计算器暂无该城市的奖励政策。': 'This calculator has no award policies for this city yet.',
      '征求意见稿：金额以正式发布的文件为准。': 'Draft for comment: the officially published document will decide the amounts.',
      '本文件已于 {0} 失效：以下金额仅供参考。': 'This document expired on {0}: the amounts below are for reference only.',
      '本文件自 {0} 起施行：评估日期尚未生效。': 'This document applies from {0}: it is not yet in force on the evaluation date.',
      '已于 {0} 失效': 'Expired on {0}',
      '尚未施行（{0} 起）': 'Not yet in force (from {0})',
      '竞争性评选：具备资格不等于获奖': 'Competitive selection: being eligible does not mean winning',
      '得分还差 {0} 分': 'Score short by {0} points',
      '无穷大（分母为0）': 'Infinite (denominator is 0)',
      '无法计算（分母为0）': 'Cannot be calculated (denominator is 0)',
      '计算引擎尚未加载完成，请稍候（等待 SRDI.ready）': 'The calculation engine is still loading; please wait (SRDI.ready)',
      '内部错误：{0}': 'Internal error: {0}',
      // ---------------------------------------------------------------- exact literals of app.js
      // The strings app.js passes to t() today, markup included (the markup is kept unchanged).
      '新会话':
        'New session',
      '正在计算……':
        'Calculating…',
      '还在使用吗？':
        'Are you still there?',
      '为保护隐私，<strong id="idle-count">30</strong> 秒后将清除本次填写的全部信息。':
        'To protect your privacy, everything entered in this session will be cleared in <strong id="idle-count">30</strong> seconds.',
      '继续使用':
        'Continue',
      '最多 ':
        'At most ',
      ' 位小数':
        ' decimal places',
      '应在 ':
        'Must be between ',
      ' 到 ':
        ' and ',
      ' 之间':
        ' (inclusive)',
      '<option value="">未填写</option><option value="true">是</option><option value="false">否</option></select>':
        '<option value="">Not filled in</option><option value="true">Yes</option><option value="false">No</option></select>',
      '"><option value="">未填写</option>':
        '"><option value="">Not filled in</option>',
      '<table class="years"><caption class="visually-hidden">财务数据（万元），三个年度并列</caption><thead><tr><th scope="col">项目（万元）</th>':
        '<table class="years"><caption class="visually-hidden">Financial data (10k yuan), three years side by side</caption><thead><tr><th scope="col">Item (10k yuan)</th>',
      '（万元）</label>':
        ' (10k yuan)</label>',
      '<fieldset class="group" data-field="sci_award"><legend>科技奖励</legend>':
        '<fieldset class="group" data-field="sci_award"><legend>Science and technology awards</legend>',
      '<div class="field"><label for="f-sci_award">近年是否获得国家级、省级或部级科技奖励</label>':
        '<div class="field"><label for="f-sci_award">A national, provincial or ministerial science and technology award in recent years?</label>',
      '<select id="f-sci_award" aria-describedby="hint-sci_award err-sci_award"><option value="">未填写</option><option value="none">没有</option><option value="some">有（填写下方排名和年份）</option></select>':
        '<select id="f-sci_award" aria-describedby="hint-sci_award err-sci_award"><option value="">Not filled in</option><option value="none">No</option><option value="some">Yes (enter the rank and year below)</option></select>',
      '<span class="hint" id="hint-sci_award">科技进步奖、技术发明奖等；排名指企业在获奖单位中的排名</span><span class="field-error" id="err-sci_award"></span></div>':
        '<span class="hint" id="hint-sci_award">E.g. a Science and Technology Progress Award or a Technological Invention Award; the rank is the enterprise\'s place among the winning organisations</span><span class="field-error" id="err-sci_award"></span></div>',
      '<fieldset class="group" data-field="honors"><legend>荣誉（有效期内）</legend>':
        '<fieldset class="group" data-field="honors"><legend>Honours (currently valid)</legend>',
      '<div class="field"><label for="f-honors">荣誉情况</label><select id="f-honors" aria-describedby="hint-honors"><option value="">未填写</option><option value="list">按下方勾选（未勾选即没有）</option></select>':
        '<div class="field"><label for="f-honors">Honours</label><select id="f-honors" aria-describedby="hint-honors"><option value="">Not filled in</option><option value="list">As ticked below (not ticked = not held)</option></select>',
      '<span class="hint" id="hint-honors">勾选任一项即视为已按勾选填写</span></div><div class="checks">':
        '<span class="hint" id="hint-honors">Ticking any box counts as having answered this list</span></div><div class="checks">',
      '<p class="section-note">填写已获得且仍在有效期内的称号及认定日期（创新型、专精特新、小巨人有效期3年）。</p>':
        '<p class="section-note">Enter the titles held that are still valid, with their date of recognition (the Innovative SME, SRDI SME and \'Little Giant\' titles are valid for 3 years).</p>',
      '<div class="field"><label for="f-holds">已获称号情况</label><select id="f-holds" aria-describedby="hint-holds"><option value="">未填写</option><option value="list">按下表勾选（未勾选即没有）</option></select>':
        '<div class="field"><label for="f-holds">Titles held</label><select id="f-holds" aria-describedby="hint-holds"><option value="">Not filled in</option><option value="list">As ticked in the table (not ticked = not held)</option></select>',
      '<span class="hint" id="hint-holds">勾选任一称号即视为已按下表填写</span></div>':
        '<span class="hint" id="hint-holds">Ticking any title counts as having answered this table</span></div>',
      '<table class="holds"><thead><tr><th scope="col">称号</th><th scope="col">级别</th><th scope="col">认定日期</th></tr></thead><tbody>':
        '<table class="holds"><thead><tr><th scope="col">Title</th><th scope="col">Level</th><th scope="col">Date of recognition</th></tr></thead><tbody>',
      '<p class="section-note">勾选本年度发生的事项（新获认定、上市挂牌、展会、技改等），地方奖励按事项计算。同类事项可添加多项。</p><div id="events-list">':
        '<p class="section-note">Tick what happened this year (new recognitions, listing steps, trade fairs, technical upgrades and so on); local awards are calculated event by event. You can add several events of the same type.</p><div id="events-list">',
      '"><p class="ev-head">第 ':
        '"><p class="ev-head">Item ',
      '">删除此项</button></p>':
        '">Remove this item</button></p>',
      '<span class="unit">（万元）</span>':
        '<span class="unit"> (10k yuan)</span>',
      '<span class="req">（必填）</span>':
        '<span class="req"> (required)</span>',
      '">再添加一项“':
        '">Add another “',
      '<p><strong>有 ':
        '<p><strong>Entries to correct: ',
      ' 处填写需要修改</strong>（已在字段旁标出；其余结果暂按这些字段“未填写”计算，已填内容不会丢失）：</p><ul>':
        '</strong> (marked next to each field; until then the results treat these fields as not filled in, and nothing you entered is lost):</p><ul>',
      '<details class="cite"><summary>依据：':
        '<details class="cite"><summary>Basis: ',
      '">查看原文并定位</button>':
        '">Show it in the source text</button>',
      '<p class="cite-kind">本计算器未收录该文件全文。</p>':
        '<p class="cite-kind">The full text of this document is not included in this calculator.</p>',
      '<p class="interp"><span class="tag">解读</span>':
        '<p class="interp"><span class="tag">Interpretation</span>',
      '荣誉：':
        'Honours: ',
      '<p class="missing">需补充：':
        '<p class="missing">Still needed: ',
      '<span class="sum-date">评估日期 ':
        '<span class="sum-date">Evaluation date ',
      '<section class="card blanks" aria-labelledby="blanks-h"><h2 id="blanks-h">这些空白会改变结论</h2><p>补充以下信息后即可确定相应结论：</p><ul>':
        '<section class="card blanks" aria-labelledby="blanks-h"><h2 id="blanks-h">These blanks could change the outcome</h2><p>Fill in the following to settle the outcome:</p><ul>',
      '</a><span class="why">影响：':
        '</a><span class="why">Affects: ',
      '<section class="card" aria-labelledby="size-h"><h2 id="size-h">企业规模（划型）</h2>':
        '<section class="card" aria-labelledby="size-h"><h2 id="size-h">Enterprise size (size class)</h2>',
      '<p>可能为：':
        '<p>Could be: ',
      '<p class="muted">依据：':
        '<p class="muted">Basis: ',
      '<details class="trace" data-trace="size"><summary>划型逐条依据</summary><div class="trace-body"></div></details>':
        '<details class="trace" data-trace="size"><summary>How the size class was decided, rule by rule</summary><div class="trace-body"></div></details>',
      '<section aria-labelledby="tiers-h"><h2 id="tiers-h" class="section-title">梯度培育：创新型 → 专精特新 → “小巨人”</h2>':
        '<section aria-labelledby="tiers-h"><h2 id="tiers-h" class="section-title">Tiered development: Innovative → SRDI → \'Little Giant\'</h2>',
      '<p class="next-step">下一步：':
        '<p class="next-step">Next step: ',
      '<p class="card">评估日期没有适用的认定标准。</p>':
        '<p class="card">No recognition criteria apply on the evaluation date.</p>',
      '"><span class="rung">第':
        '"><span class="rung">Tier ',
      '级</span>':
        '</span>',
      ' <span class="badge held">已持有</span>':
        ' <span class="badge held">Already held</span>',
      '<p class="meta">标准版本 ':
        '<p class="meta">Criteria version ',
      ' · <span class="warn">该标准在评估日期不在有效期内，仅供参考</span>':
        ' · <span class="warn">These criteria are not in force on the evaluation date; for reference only</span>',
      '<p class="interp"><span class="tag">说明</span>':
        '<p class="interp"><span class="tag">Note</span>',
      '<div class="score"><p>评价得分 <strong>':
        '<div class="score"><p>Assessment score <strong>',
      '</strong> 分':
        '</strong> points',
      '<p class="route">通过路径：':
        '<p class="route">Qualifies through: ',
      '<div class="unmet"><h4>还差什么</h4><ul>':
        '<div class="unmet"><h4>Conditions not yet met</h4><ul>',
      '<details class="routes" open><summary>可选路径（满足其一即可）</summary><ul>':
        '<details class="routes" open><summary>Alternative routes (any one is enough)</summary><ul>',
      '<div class="improve"><h4>提分最快的指标</h4><ul>':
        '<div class="improve"><h4>Quickest ways to raise the score</h4><ul>',
      ' 分（+':
        ' points (+',
      '"><summary>逐条依据（条件、取值、阈值和出处）</summary><div class="trace-body"></div></details>':
        '"><summary>Condition by condition (values, thresholds and sources)</summary><div class="trace-body"></div></details>',
      '<p class="cmp">当前 ':
        '<p class="cmp">Current value ',
      '<p class="cmp">得分 ':
        '<p class="cmp">Score ',
      '<p class="gap">还差 ':
        '<p class="gap">Short by ',
      ' 分</p>':
        ' points</p>',
      '<p class="cmp">以下全部满足</p>':
        '<p class="cmp">All of the following must be met</p>',
      '<p class="cmp">以下满足其一即可</p>':
        '<p class="cmp">Any one of the following is enough</p>',
      '<p class="cmp">以下情形不得存在</p>':
        '<p class="cmp">None of the following may apply</p>',
      '<span class="badge superseded">不叠加</span>':
        '<span class="badge superseded">Not cumulative</span>',
      '<span class="badge v-undetermined">待定</span>':
        '<span class="badge v-undetermined">Undetermined</span>',
      '<section aria-labelledby="awards-h"><h2 id="awards-h" class="section-title">地方奖励与支持':
        '<section aria-labelledby="awards-h"><h2 id="awards-h" class="section-title">Local awards and support',
      '<p class="muted">各文件的金额分别计算，不跨文件相加；同一事项通常不重复享受。</p>':
        '<p class="muted">Amounts are calculated for each document separately and never added across documents; the same event usually cannot be rewarded twice.</p>',
      ' <span class="label draft">征求意见稿</span>':
        ' <span class="label draft">Draft for comment</span>',
      ' <span class="label">据新闻报道</span>':
        ' <span class="label">From a news report</span>',
      ' <span class="label expired">不在有效期内</span>':
        ' <span class="label expired">Not in force</span>',
      '<dl class="totals"><div><dt>确定可得</dt><dd>':
        '<dl class="totals"><div><dt>Certain amount</dt><dd>',
      '</dd></div><div><dt>最高可达</dt><dd>':
        '</dd></div><div><dt>Maximum possible</dt><dd>',
      '<div><dt>另有金额未定</dt><dd>':
        '<div><dt>Items without a set amount</dt><dd>',
      ' 项</dd></div>':
        '</dd></div>',
      '<div><dt>税收抵免（不计入奖励）</dt><dd>':
        '<div><dt>Tax credit (not counted as an award)</dt><dd>',
      '<div><dt>非资金支持</dt><dd>':
        '<div><dt>Non-monetary support</dt><dd>',
      ' 项</dd></div></dl>':
        '</dd></div></dl>',
      '<h4>奖补项目</h4><ul class="lines">':
        '<h4>Awards and subsidies</h4><ul class="lines">',
      '<p class="muted">按目前填写的事项和称号，本文件没有可计算的奖补项目。勾选“本年度事项”可计算相应奖励。</p>':
        '<p class="muted">With the events and titles entered so far, this document gives no award that can be calculated. Tick items under “Events this year” to calculate the matching awards.</p>',
      '<details class="benefits"><summary>非资金支持（':
        '<details class="benefits"><summary>Non-monetary support (',
      ' 项）</summary><ul class="lines">':
        ')</summary><ul class="lines">',
      '<details class="benchmarks"><summary>省级培育目标与本企业对照（':
        '<details class="benchmarks"><summary>Provincial development targets compared with this enterprise (',
      ' 项）</summary><table><thead><tr><th scope="col">目标</th><th scope="col">本企业</th><th scope="col">对照</th></tr></thead><tbody>':
        ')</summary><table><thead><tr><th scope="col">Target</th><th scope="col">This enterprise</th><th scope="col">Result</th></tr></thead><tbody>',
      '<details class="rules"><summary>适用规则（':
        '<details class="rules"><summary>Rules that apply (',
      ' 条）</summary><ul>':
        ')</summary><ul>',
      '<section class="card" aria-labelledby="potential-h"><h2 id="potential-h">若获认定可得的奖励</h2><p class="muted">以下层级本次评估为“符合”且尚未持有；获得认定后可申请：</p><ul class="lines">':
        '<section class="card" aria-labelledby="potential-h"><h2 id="potential-h">Awards available once recognised</h2><p class="muted">These tiers are assessed as “Eligible” and are not held yet; once recognised, you can apply for:</p><ul class="lines">',
      '获得“':
        'Once recognised as “',
      '”认定后 · ':
        '” · ',
      '<section class="card" aria-labelledby="compare-h"><h2 id="compare-h">各城市对比</h2><p class="muted">':
        '<section class="card" aria-labelledby="compare-h"><h2 id="compare-h">Comparison of cities</h2><p class="muted">',
      '</p><table class="compare"><thead><tr><th scope="col">城市</th><th scope="col">文件</th><th scope="col">确定可得</th><th scope="col">最高可达</th></tr></thead><tbody>':
        '</p><table class="compare"><thead><tr><th scope="col">City</th><th scope="col">Document</th><th scope="col">Certain amount</th><th scope="col">Maximum possible</th></tr></thead><tbody>',
      '<p>计算引擎 srdi ':
        '<p>Calculation engine srdi ',
      ' · 征求意见稿':
        ' · Draft for comment',
      '<p class="notice">摘录为转述，未能在原文中逐字定位；请按条款“':
        '<p class="notice">The excerpt is a paraphrase and could not be found word for word in the source text; see clause “',
      '”查阅。</p>':
        '”.</p>',
      '文件不是有效的 JSON：':
        'The file is not valid JSON: ',
      '。当前填写的内容未改变。':
        '. Your current entries are unchanged.',
      '文件有 ':
        'Errors in the file: ',
      ' 处错误，未读取（当前填写的内容未改变）：':
        '. The file was not loaded, and your current entries are unchanged: ',
      '已保存为“':
        'Saved as “',
      '<h1>专精特新政策自测报告</h1><p>评估日期：':
        '<h1>SRDI policy self-check report</h1><p>Evaluation date: ',
      '<p>企业：':
        '<p>Enterprise: ',
      '</p><p class="muted">本报告为自测参考，以主管部门认定为准。</p>':
        '</p><p class="muted">This report is a self-assessment for reference only; the competent authority\'s recognition prevails.</p>',
      '<h2>填写的信息</h2><table><tbody>':
        '<h2>Information entered</h2><table><tbody>',
      '<p class="notice">有 ':
        '<p class="notice">Entries with errors, not counted: ',
      ' 处填写有误，未计入。</p>':
        '.</p>',
      '<h2>结论</h2><p>划型：':
        '<h2>Conclusions</h2><p>Size class: ',
      '<p>需补充：':
        '<p>Still needed: ',
      '<h2>地方奖励与支持</h2>':
        '<h2>Local awards and support</h2>',
      '<p>确定可得 ':
        '<p>Certain amount ',
      '<h2>政策文件版本</h2><ul>':
        '<h2>Policy document versions</h2><ul>',
      '<span class="pcite">依据：':
        '<span class="pcite">Basis: ',
      '已载入示例“':
        'Loaded the sample “',
      '已读取“':
        'Loaded “',
      // ---------------------------------------------------------------- end of the exact literals
    },

    sections: {
      basic: { title: 'Basic information' },
      finance: {
        title: 'Financial data',
        note: 'Enter amounts in 10k yuan, exact to 0.01 yuan (up to 6 decimal places). A blank means “not filled in” and is not counted as 0.',
      },
      rd: { title: 'R&D and intellectual property' },
      quality: { title: 'Quality and digitalisation' },
      market: { title: 'Market and honours' },
      holds: { title: 'Titles held' },
      events: { title: 'Events this year' },
    },

    fields: {
      'name': { label: 'Enterprise name', hint: 'Only used in the heading of the report; not used in any calculation' },
      'city': { label: 'City', hint: "Decides which award policies apply: those of the city and of its province" },
      'applicant': { label: 'Applicant' },
      'industry': { label: 'Industry (for the size class)', hint: 'Choose by the industry categories of the SME size classification standard (《中小企业划型标准规定》)' },
      'employees': { label: 'Employees', unit: 'people', hint: 'Employees at the end of last year, including agency workers; used for the size class' },
      'revenue.last': { label: 'Operating revenue (last year)', unit: '10k yuan' },
      'revenue.prev': { label: 'Operating revenue (year before last)', unit: '10k yuan' },
      'revenue.prev2': { label: 'Operating revenue (three years ago)', unit: '10k yuan' },
      'main_business_revenue.last': { label: 'Main business revenue (last year)', unit: '10k yuan' },
      'main_business_revenue.prev': { label: 'Main business revenue (year before last)', unit: '10k yuan' },
      'main_business_revenue.prev2': { label: 'Main business revenue (three years ago)', unit: '10k yuan' },
      'total_assets': { label: 'Total assets', unit: '10k yuan', hint: 'Total assets at the end of last year; used for the size class and the debt-to-asset ratio' },
      'total_liabilities': { label: 'Total liabilities', unit: '10k yuan', hint: 'Total liabilities at the end of last year; used for the debt-to-asset ratio' },
      'net_profit': { label: 'Net profit (last year)', unit: '10k yuan', hint: 'Net profit for last year; enter a loss as a negative number' },
      'rd_expense.last': { label: 'R&D expenses (last year)', unit: '10k yuan' },
      'rd_expense.prev': { label: 'R&D expenses (year before last)', unit: '10k yuan' },
      'rd_staff': { label: 'R&D staff', unit: 'people', hint: 'People engaged in R&D and related technological innovation last year' },
      'niche_years': { label: 'Years in the niche market', unit: 'years', hint: 'How long the enterprise has worked in its specific niche market' },
      'equity_financing.last': { label: 'New equity financing paid in by qualified institutional investors (last year)', unit: '10k yuan' },
      'equity_financing.prev': { label: 'New equity financing paid in by qualified institutional investors (year before last)', unit: '10k yuan' },
      'equity_financing.prev2': { label: 'New equity financing paid in by qualified institutional investors (three years ago)', unit: '10k yuan' },
      'ip.class1_high_value': { label: 'High-value Class I IP rights', unit: 'number', hint: 'Of which high-value: in a strategic emerging industry, with patent family members abroad, maintained for over 10 years, or awarded the China Patent Award, etc.' },
      'ip.class1_self_developed': { label: 'Self-developed Class I IP rights', unit: 'number', hint: 'Of which obtained through own R&D (not by transfer, gift or acquisition)' },
      'ip.class1': { label: 'Class I IP rights', unit: 'number', hint: 'Class I: invention patents (including defence patents), new plant varieties, national crop varieties, national new drugs, first-grade protected traditional Chinese medicine varieties, and exclusive rights to integrated circuit layout designs' },
      'ip.class1_applied': { label: 'Class I IP rights in use and generating returns', unit: 'number', hint: 'Of which used in the leading products and generating economic returns' },
      'ip.class2': { label: 'Class II IP rights', unit: 'number', hint: 'Class II: utility model patents, design patents and software copyrights (trademarks not included)' },
      'rd_institution': { label: 'Level of own R&D institution', hint: 'The highest level of an R&D institution set up by the enterprise alone or jointly with universities or research institutes' },
      'provincial_rd_institution': { label: 'Has an R&D institution at provincial or ministerial level or above', hint: 'A recognised R&D institution at provincial or ministerial level or above (e.g. a technology centre, engineering research centre or key laboratory); may be left blank when the level is given: it follows from it (provincial or national means yes), and a contradiction is reported' },
      'digital_level': { label: 'Digitalisation level', unit: '1–4', hint: 'Level in the SME digitalisation assessment (1 to 4)' },
      'quality.provincial_award': { label: 'Quality award at provincial level or above', hint: 'Has won a quality award at provincial level or above' },
      'quality.iso9001': { label: 'Certified to ISO 9001 or another quality management system', hint: 'Certified to ISO 9001 or another quality management system' },
      'quality.standards': { label: 'Takes part in drafting or revising standards', hint: 'Has led or taken part in drafting or revising international, national, industry or association standards' },
      'info_system_core_business': { label: 'Core business supported by information systems', hint: 'Core operations such as R&D and design, production and supply chain management are supported by information systems' },
      'management_certified': { label: 'Management system certification, or product certification in developed countries', hint: 'Holds a relevant management system certification, or its products are certified in developed countries or regions' },
      'strategic_emerging': { label: 'Leading product in a strategic emerging industry', hint: 'The leading product belongs to a strategic emerging industry' },
      'product_field': { label: 'Field of the leading product', hint: 'Whether the leading product serves a key field (shoring up weak links, strengthening strong links, filling gaps), the industrial “six foundations”, or an industrial chain of the manufacturing-power strategy' },
      'key_field_little_giant': { label: "Leading product in a 'Little Giant' key field and at a key link of the industrial chain", hint: "The leading product belongs to a 'Little Giant' key field and sits at a key link of the industrial chain" },
      'market_share_domestic': { label: 'Domestic niche market share', unit: '%', hint: 'Share of the leading product in its domestic niche market, in percent (6.5 means 6.5%)' },
      'market_share_international': { label: 'International niche market share', unit: '%', hint: 'Share of the leading product in its international niche market, in percent; leave blank if it does not export or is not known' },
      'market_rank_domestic': { label: 'Rank in the domestic niche market', unit: '1 = first', hint: 'Rank of the leading product in its domestic niche market (enter 1 for first place)' },
      'own_brand': { label: 'Has its own brand', hint: 'Owns its own brand' },
      'market_leading': { label: 'Leading product among the market leaders of its niche', hint: "The leading product's share of its niche market is among the highest in the province or the country" },
      'sci_award.national_rank': { label: 'Rank in a national science and technology award', unit: '1 = first', hint: "The enterprise's place among the winning organisations (enter 1 for first place); leave blank if there is no award at this level, tick “Not known” if you do not know" },
      'sci_award.provincial_rank': { label: 'Rank in a provincial science and technology award', unit: '1 = first', hint: "The enterprise's place among the winning organisations (enter 1 for first place); leave blank if there is no award at this level, tick “Not known” if you do not know" },
      'sci_award.national_year': { label: 'Year of the national science and technology award', unit: 'YYYY', hint: 'Year of the award at this level, e.g. 2024' },
      'sci_award.provincial_year': { label: 'Year of the provincial science and technology award', unit: 'YYYY', hint: 'Year of the award at this level, e.g. 2024' },
      'sci_award.ministerial_rank': { label: 'Rank in a ministerial science and technology award', unit: '1 = first', hint: "The enterprise's place among the winning organisations (enter 1 for first place); leave blank if there is no award at this level, tick “Not known” if you do not know" },
      'sci_award.ministerial_year': { label: 'Year of the ministerial science and technology award', unit: 'YYYY', hint: 'Year of the award at this level, e.g. 2024' },
      'maker_china': { label: 'Result in the Maker China national competition', hint: 'Result in the national round of the “Maker China” SME innovation and entrepreneurship competition' },
      'maker_china_year': { label: 'Year of the Maker China result', unit: 'YYYY', hint: 'Year in which the enterprise entered the national list; needed for “in the last three years”' },
      'honors.high_tech_enterprise': { label: 'High-tech enterprise' },
      'honors.tech_innovation_demo': { label: 'National technological innovation demonstration enterprise' },
      'honors.ip_advantage': { label: 'IP advantage enterprise' },
      'honors.ip_demo': { label: 'IP demonstration enterprise' },
      'distinctive_score': { label: 'Distinctiveness indicator score (self-assessed)', unit: 'points', hint: "Your own score on your province's distinctiveness indicators (0–15 points); leave blank if you do not know it" },
      'platform_score.this_year': { label: 'SRDI development assessment score (this year)', unit: 'points', hint: 'The SRDI development assessment score on the platform for the tiered development of quality SMEs (used by the criteria from 2026)' },
      'platform_score.last_year': { label: 'SRDI development assessment score (last year)', unit: 'points', hint: 'The same assessment score for the previous year' },
      'compliance.registered_in_china': { label: 'Registered in China as an independent legal person', hint: "Registered in the People's Republic of China and operating continuously" },
      'compliance.not_abnormal': { label: 'Not on the list of abnormal operations or of seriously dishonest entities', hint: 'Not on the list of enterprises with abnormal operations or the list of seriously dishonest entities' },
      'compliance.no_major_incident': { label: 'No major accident or violation in the last three years', hint: 'No major safety, quality or environmental pollution accident in the last three years, and no tax evasion or other violation of laws and regulations' },
      'compliance.product_allowed': { label: 'Products not in a prohibited, restricted or phase-out category', hint: 'The products (services) are not in a category that the state prohibits, restricts or is phasing out' },
    },

    table_rows: {
      revenue: { label: 'Operating revenue', hint: '“Operating revenue” in the income statement; used for the size class, growth and R&D intensity' },
      main_business_revenue: { label: 'Main business revenue', hint: 'Revenue from the main business (the leading products in the niche market); used for the specialisation indicators' },
      rd_expense: { label: 'R&D expenses', hint: 'R&D expenses as counted for the additional tax deduction of R&D expenses' },
      equity_financing: { label: 'New equity financing', hint: 'New equity financing paid in by qualified institutional investors' },
    },

    years: { last: 'Last year', prev: 'Year before last', prev2: 'Three years ago' },

    cities: {
      zaozhuang: 'Zaozhuang, Shandong',
      jinan: 'Jinan, Shandong (draft for comment)',
      sanming: 'Sanming, Fujian (draft for comment)',
      benshi: '“This city” (document 001, city not named)',
      other: 'Other city (no local policy yet)',
    },

    values: {
      industry: {
        agriculture: 'Agriculture, forestry, animal husbandry and fishery',
        industry: 'Industry (mining, manufacturing, utilities)',
        construction: 'Construction',
        wholesale: 'Wholesale',
        retail: 'Retail',
        transport: 'Transport',
        warehousing: 'Warehousing',
        postal: 'Postal services',
        accommodation: 'Accommodation',
        catering: 'Catering',
        information_transmission: 'Information transmission',
        software_it: 'Software and information technology services',
        real_estate_development: 'Real estate development',
        property_management: 'Property management',
        leasing_business_services: 'Leasing and business services',
        other: 'Other industries not listed',
      },
      applicant: {
        enterprise: 'Enterprise',
        service_platform: 'SME public service platform or demonstration base',
        park_operator: 'Industrial park operator',
        investor: 'Equity investment institution',
        financial_institution: 'Bank or guarantee institution',
        training_institution: 'Training institution or school',
      },
      rd_institution: { none: 'None', below_city: 'Below city level', city: 'City level', provincial: 'Provincial level', national: 'National level' },
      product_field: {
        key_breakthrough: 'Key field: shoring up weak links, strengthening strong links or filling gaps',
        six_basics_or_chain: 'Industrial “six foundations” or an industrial chain of the manufacturing-power strategy',
        none: 'Neither',
      },
      maker_china: { top50: 'National top 50', top500: 'National top 500', none: 'Not placed' },
      level: { national: 'National', provincial: 'Provincial', city: 'City' },
      honors: {
        high_tech_enterprise: 'High-tech enterprise',
        tech_innovation_demo: 'National technological innovation demonstration enterprise',
        ip_advantage: 'IP advantage enterprise',
        ip_demo: 'IP demonstration enterprise',
      },
      title: {
        innovative_sme: 'Innovative SME',
        tech_sme: 'Technology-based SME',
        srdi_sme: 'SRDI SME',
        little_giant: "SRDI 'Little Giant' enterprise",
        gazelle: 'Gazelle enterprise',
        single_champion_enterprise: 'Manufacturing single champion enterprise',
        single_champion_product: 'Manufacturing single champion product',
        high_tech_enterprise: 'High-tech enterprise',
        smart_factory: 'Smart factory',
        tech_center: 'Enterprise technology centre',
        mfg_innovation_center: 'Manufacturing innovation centre',
        mfg_innovation_pilot: 'Manufacturing innovation centre (in development)',
        new_rd_institution: 'New-type R&D institution',
        innovation_platform: 'Innovation platform',
        digital_benchmark: 'Digital transformation benchmark',
        quality_benchmark: 'Quality benchmark',
        standard_leader: 'Standards front-runner',
        green_factory: 'Green factory',
        green_supply_chain: 'Green supply chain management enterprise',
        green_system_integration: 'Green manufacturing system integration',
        green_product: 'Green design product',
        green_datacenter: 'Green data centre',
        green_park: 'Green industrial park',
        ai_excellence: 'Outstanding AI application case',
        key_new_product: 'Key new product',
        public_service_platform: 'SME public service demonstration platform',
        sme_demo_base: 'Small and micro business entrepreneurship and innovation demonstration base',
        srdi_park: 'SRDI industrial park',
        training_base: 'Training base',
        industry_college: 'Modern industry college',
        industrial_heritage: 'National industrial heritage',
      },
      stage: {
        joint_stock_reform: 'Conversion to a joint-stock company completed',
        regional_equity: 'Listed on a regional equity market',
        neeq: 'Listed on the NEEQ (New Third Board)',
        tutoring: 'Pre-listing tutoring filed with the regulator',
        accepted: 'IPO application accepted',
        listed: 'Initial public offering completed',
      },
      contest: { platform_digital_demo: 'Platform digitalisation demonstration selection', chuangxiang_fujian: '“Chuangxiang Fujian” competition', city_labor_competition: 'City labour competition' },
      category: { equipment: 'First unit (set) of equipment', key_component: 'Key core component', new_material: 'First batch of a new material', software: 'First version of software' },
      fund: { national_fund: 'Direct investment by a national fund', sub_fund: 'Investment by a first-level sub-fund' },
      fund_family: { mfg_upgrade_fund: 'National Manufacturing Transformation and Upgrading Fund (or its sub-funds)', sme_development_fund: 'National SME Development Fund (or its sub-funds)' },
      role: {
        iso_secretariat: 'Holding the secretariat of an international standards body',
        lead_international_standard: 'Leading the drafting of an international standard',
        lead_national_standard: 'Leading the drafting of a national standard',
        national_tc: 'Holding the secretariat of a national technical committee for standardisation',
        national_sc: 'Holding the secretariat of a national technical subcommittee',
      },
    },

    events: {
      recognition: {
        label: 'New recognition (title, platform, demonstration)',
        hint: 'A recognition obtained this year; for a passed review or a renewal on expiry, set “Review or renewal” to Yes, for a new recognition to No (left blank it counts as unknown)',
        params: { title: 'Recognition', level: 'Level', renewal: 'Review or renewal', first_time: 'Obtained for the first time', previously_funded: 'Already received this kind of special fund before' },
      },
      relocation: {
        label: 'Whole enterprise moved to this city',
        hint: 'An enterprise holding a title moved as a whole to this city and has operated normally for at least one year',
        params: { title: 'Title held when moving', level: 'Level', operating_years: 'Years of normal operation since the move' },
      },
      listing: {
        label: 'Progress towards listing',
        hint: 'The listing stage reached this year',
        params: { stage: 'Stage' },
      },
      competition_prize: {
        label: 'Competition prize',
        hint: 'Placing in a selection or competition (competitive: being eligible does not mean winning)',
        params: { contest: 'Competition', rank: 'Placing (first prize = 1)' },
      },
      exhibition: {
        label: 'Trade fair',
        hint: 'Took part in a large trade fair organised by a department at city level or above',
        params: { booth_fee: 'Booth fee' },
      },
      first_set: {
        label: 'First unit (set), first batch or first version',
        hint: 'First unit (set) of equipment or key components, first batch of a new material, or first version of software, recognised or sold this year',
        params: { category: 'Category', level: 'Recognition level', unit_price: 'Price per unit (set)', sales: 'Actual sales in the recognition period' },
      },
      retrofit_project: {
        label: 'Technical upgrade project',
        hint: 'A technical upgrade project carried out this year (including one listed as a key provincial technical upgrade project) and its investment',
        params: {
          equipment_investment: 'Investment in equipment (including technology and software)',
          total_investment: 'Total project investment',
          completed: 'Completed',
          revenue_grew: 'Operating revenue grew year on year',
        },
      },
      green_retrofit: {
        label: 'Green upgrade project',
        hint: 'Upgrade projects for energy storage, energy saving, smart energy, resource recycling and the like',
        params: { investment: 'Project investment' },
      },
      equipment_purchase: {
        label: 'Purchase of special equipment for energy or water saving, environmental protection or work safety',
        hint: 'Investment in special equipment listed in the catalogue (can be credited against corporate income tax)',
        params: { investment: 'Investment in the equipment' },
      },
      fund_investment: {
        label: 'Investment from a national fund',
        hint: 'Paid-in investment from the National Manufacturing Transformation and Upgrading Fund, the National SME Development Fund, or one of their first-level sub-funds',
        params: { fund: 'Investment level', fund_family: 'Which national fund', paid_in: 'Amount paid in' },
      },
      standard_work: {
        label: 'Standardisation work',
        hint: 'International or national standardisation work undertaken this year',
        params: { role: 'Role' },
      },
      certification: {
        label: 'Certification',
        hint: 'A certification obtained from the encouraged catalogue',
        params: { in_catalogue: 'In the encouraged catalogue' },
      },
      lab_built: { label: 'New laboratory', hint: 'A newly established laboratory', params: {} },
      top_talent: { label: 'Top talent or team recruited', hint: 'Top talent or a team with key core technologies, recruited full-time', params: {} },
      open_competition: { label: 'Open-competition project', hint: 'Undertook a project under the open competition mechanism (揭榜挂帅)', params: {} },
      supply_chain_opening: { label: 'Lead enterprise opens its supply chain', hint: 'A lead enterprise of an industrial chain opens its supply chain to SMEs', params: {} },
      consortium_procurement: { label: 'Consortium in government procurement', hint: 'A lead enterprise and SMEs form a consortium to take part in government procurement', params: {} },
      attract_little_giant: { label: "Bringing in a 'Little Giant' enterprise", hint: "The park operator brought a 'Little Giant' enterprise from elsewhere to settle in the park", params: {} },
      ai_island_operation: { label: 'Operating the AI Island', hint: 'Operator of the Jinan Artificial Intelligence Island', params: {} },
      demo_base_review: { label: 'Performance review of a demonstration base', hint: 'A small and micro business entrepreneurship and innovation demonstration base took part in the periodic performance review', params: {} },
      technician_training: {
        label: 'Training technicians for SRDI enterprises',
        hint: 'Technicians and senior technicians newly trained by the training institution for SRDI enterprises',
        params: {
          new_technicians: 'Technicians newly trained (people)',
          new_senior_technicians: 'Senior technicians newly trained (people)',
          upgraded_senior_technicians: 'Technicians promoted to senior technician (people)',
        },
      },
      equity_investment_made: {
        label: 'Equity investment in an enterprise of this city',
        hint: 'Invested in an unrelated enterprise of this city and held the stake for at least two years',
        params: { amount: 'Amount invested', years_held: 'Years held' },
      },
      guarantee_provided: {
        label: 'Guarantees for small and micro enterprises',
        hint: 'The guaranteed amount and the guarantee fee rate',
        params: { loan: 'Guaranteed loan amount', fee_rate: 'Guarantee fee rate' },
      },
      bad_loan: { label: 'Loss on a loan to an SRDI enterprise', hint: "A bank's loan to an SRDI enterprise recognised at provincial level or above became non-performing", params: {} },
      industry_college_investment: {
        label: 'Co-founding a modern industry college',
        hint: 'Total investment in a modern industry college recognised at provincial or national level',
        params: { level: 'Recognition level', investment: 'Total investment' },
      },
    },

    holds_titles: {
      innovative_sme: 'Innovative SME',
      tech_sme: 'Technology-based SME',
      srdi_sme: 'SRDI SME',
      little_giant: "SRDI 'Little Giant' enterprise",
      gazelle: 'Gazelle enterprise',
      single_champion_enterprise: 'Manufacturing single champion enterprise',
      single_champion_product: 'Manufacturing single champion product',
      high_tech_enterprise: 'High-tech enterprise',
    },

    errors: {
      // docs/profile.md
      'json.syntax': 'Not valid JSON',
      'json.duplicate_key': 'This key appears twice',
      'profile.unknown_key': 'Unknown field',
      'profile.wrong_type': 'Wrong type of value',
      'profile.negative': 'Cannot be negative',
      'profile.money_precision': 'Too many decimal places (at most 2 in yuan)',
      'profile.precision': 'Too many decimal places',
      'profile.bad_number': 'Not a valid number',
      'profile.out_of_range': 'Outside the allowed range',
      'profile.bad_enum': 'Not one of the allowed values',
      'profile.bad_date': 'Not a valid date (YYYY-MM-DD)',
      'profile.missing_key': 'Required',
      // docs/output-format.md
      'cli.cannot_read': 'The file cannot be read',
      'options.bad_date': 'Not a valid evaluation date (YYYY-MM-DD)',
      'options.bad_criteria': 'Unknown criteria version',
      'options.bad_renewal': 'Unknown tier for a renewal',
      'options.bad_reading': 'Unknown contested reading or option',
      'options.bad_applicant': 'Unknown applicant type',
      'options.wrong_type': 'Wrong type of option value',
      'options.unknown_key': 'Unknown option',
      'engine.overflow': 'A number is too large to calculate exactly',
      'engine.internal': 'Internal error',
      // docs/embedding.md
      'engine.not_ready': 'The calculation engine is still loading; please wait',
      // docs/policy-format.md (a broken bundled policy file; never caused by what is typed)
      'policy.wrong_type': 'Policy data error: wrong type of value',
      'policy.missing_key': 'Policy data error: a required key is missing',
      'policy.unknown_key': 'Policy data error: unknown key',
      'policy.bad_enum': 'Policy data error: value not allowed',
      'policy.bad_date': 'Policy data error: invalid date',
      'policy.missing_citation': 'Policy data error: citation missing',
      'policy.bad_criterion': 'Policy data error: malformed criterion',
      'policy.unknown_metric': 'Policy data error: unknown metric',
      'policy.unknown_fact': 'Policy data error: unknown fact',
      'policy.unknown_score': 'Policy data error: unknown score table',
      'policy.unknown_category': 'Policy data error: unknown score category',
      'policy.unknown_ref': 'Policy data error: unknown reference',
      'policy.ref_cycle': 'Policy data error: circular reference',
      'policy.bad_threshold': 'Policy data error: invalid threshold or amount',
      'policy.bad_score_table': 'Policy data error: inconsistent score table',
      'policy.bad_size_rules': 'Policy data error: invalid size class rules',
      'policy.size_standard_count': 'Policy data error: there must be exactly one size standard',
      'policy.duplicate_id': 'Policy data error: duplicate id',
      'policy.unknown_param': 'Policy data error: unknown event parameter',
      'policy.unknown_group': 'Policy data error: unknown group',
    },

    notices: {
      large_enterprise: 'Under the size standard this is a large enterprise, not an SME, so it cannot take part in the tiered development of quality SMEs (none of the tiers below is eligible).',
      size_undetermined: 'The enterprise size cannot be determined yet: if it is a large enterprise, it cannot take part in the tiered development of quality SMEs.',
      criteria_change_ahead: 'New criteria take effect later this calendar year: applications made after that date are judged by them. Pick the criteria version to see the verdict under the new ones.',
      event_title_not_held: 'An event reports a new recognition this year, but the titles held do not list it with this year\'s date: if it has been granted, enter it under titles held so that the tiers and the next step treat it as held.',
      renewal_by_other_version: 'This renewal is judged by the criteria of another version, as the notice cited says.',
      policy_not_in_force: 'The criteria of this tier are not in force on the evaluation date; computed anyway for reference (e.g. for a review).',
      event_title_already_held: 'An event reports a new recognition of a title that the firm lists as held since an earlier year: if it is a review (复核) or a re-recognition on expiry, mark the event so; local awards treat new recognitions and reviews differently.',
    },

    verdicts: { eligible: 'Eligible', not_eligible: 'Not eligible', undetermined: 'Undetermined', contested: 'Depends on the reading' },
    results: { met: 'Met', not_met: 'Not met', undetermined: 'Undetermined' },
    score_categories: { '创新能力': 'Innovation', '成长性': 'Growth', '专业化': 'Specialisation', '精细化': 'Refinement', '特色化': 'Distinctiveness', '新颖化': 'Novelty' },
    size_classes: { large: 'Large', medium: 'Medium', small: 'Small', micro: 'Micro', undetermined: 'Undetermined' },

    // By the `tier` kind of results' tiers[] (policies/national/*.json).
    tiers: {
      innovative: 'Innovative SME',
      tech_innovative: 'Technology and innovation SME',
      srdi: 'SRDI SME',
      little_giant: "SRDI 'Little Giant' enterprise",
    },

    // Gap units (gap.unit), metric units (trace `unit`) and the 万元 input unit.
    units: {
      yuan: 'yuan',
      wan: '10k yuan',
      percent_points: 'percentage points',
      points: 'points',
      count: '',
      ratio: '%',
      score: 'points',
    },

    // Award lines: `kind` (what the figure is), `state`, the document's `status` and `source_kind`.
    amount_kinds: { certain: 'Certain', up_to: 'Up to', unquantified: 'Amount not set', tax_credit: 'Tax credit', benefit: 'Support measure' },
    line_states: { applies: 'Applies', superseded: 'Not cumulative', undetermined: 'Undetermined' },
    statuses: { published: 'Published', draft: 'Draft for comment' },
    source_kinds: { official: 'Official text', news_report: 'From a news report' },

    // Jurisdiction names as the engine writes them (awards.city_name, documents[].jurisdiction,
    // compare cities[].name).
    jurisdictions: {
      '枣庄市': 'Zaozhuang',
      '济南市': 'Jinan',
      '三明市': 'Sanming',
      '本市（001号文件未署城市名）': '“This city” (document 001 does not name the city)',
      '山东省': 'Shandong Province',
      '福建省': 'Fujian Province',
    },

    // The bundled sample enterprises, by sample id (their names are fictitious).
    samples: {
      'benshi-instrument-maker': 'Sample: precision instrument maker (“this city”)',
      'little-giant-candidate': "Sample: precision sensor maker in Jinan ('Little Giant' candidate)",
      'precision-parts': 'Sample: precision parts maker in Zaozhuang',
      'sanming-software-startup': 'Sample: software start-up in Sanming (incomplete information)',
    },
  },
};
