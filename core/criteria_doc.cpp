#include "core/criteria_doc.hpp"

#include <sstream>

#include "core/events.hpp"

namespace srdi {

namespace {

// Table cells must stay on one line and must not break the table.
std::string cell(std::string s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += ' ';
    else out += c;
  }
  return out;
}

std::string test_of(const Criterion& c) {
  switch (c.kind) {
    case Criterion::Kind::All:
      return "同时满足以下各项";
    case Criterion::Kind::Any:
      return c.routes ? "满足其一（路径）" : "满足其一";
    case Criterion::Kind::Not:
      return "以下一项不成立";
    case Criterion::Kind::Compare: {
      const MetricDef* def = find_metric(c.metric);
      return "`" + c.metric + "` " + op_symbol(c.op) + " " + (def ? format_threshold(def->unit, c.threshold) : c.threshold_text);
    }
    case Criterion::Kind::Fact: {
      std::string v;
      for (const auto& e : c.expected) v += (v.empty() ? "" : " / ") + e;
      return "`" + c.fact + "` = " + v;
    }
    case Criterion::Kind::Score:
      return "得分 `" + c.score + (c.category.empty() ? "" : " · " + c.category) + "` " + op_symbol(c.op) + " " +
             format_decimal(c.threshold, 2);
    case Criterion::Kind::Ref:
      return "见定义 `" + c.ref + "`";
    case Criterion::Kind::Size: {
      std::string v;
      for (const auto& e : c.expected) v += (v.empty() ? "" : " / ") + e;
      return "划型为 " + v;
    }
    case Criterion::Kind::Holds: {
      std::string levels;
      for (const auto& l : c.levels) levels += (levels.empty() ? "" : "/") + l;
      return "持有 `" + c.holds + "`" + (levels.empty() ? "" : "（" + levels + "）") +
             (c.valid_years > 0 ? "，有效期 " + std::to_string(c.valid_years) + " 年" : "（原文未载有效期：列为持有即计）");
    }
    case Criterion::Kind::Reading: {
      std::string v;
      for (const auto& o : c.options) v += (v.empty() ? "" : " / ") + o;
      return "按读法 `" + c.reading + "` 选择（" + v + "，依次对应下列各项）";
    }
    case Criterion::Kind::Tier:
      return "符合层级 `" + c.tier + "` 的全部条件";
  }
  return "";
}

void criterion_rows(std::ostringstream& out, const Criterion& c, int depth, const Citation* parent) {
  std::string indent;
  for (int i = 0; i < depth; ++i) indent += "　";
  std::string source;
  if (c.kind != Criterion::Kind::Ref && (!parent || parent->clause != c.citation.clause || parent->doc != c.citation.doc)) {
    source = c.citation.doc + " " + c.citation.clause + (c.citation.excerpt_kind == "paraphrase" ? "（转述）" : "") +
             "：" + c.citation.excerpt;
  }
  out << "| " << indent << (c.kind == Criterion::Kind::Ref ? "→ " + c.ref : "`" + c.id + "`") << " | "
      << cell(c.title) << " | " << cell(test_of(c)) << " | " << cell(source) << " | "
      << cell(c.interpretation + (c.valid_to ? "（本项只适用至 " + c.valid_to->iso() + "）" : "")) << " |\n";
  for (const auto& child : c.children) criterion_rows(out, child, depth + 1, &c.citation);
}

void criteria_table(std::ostringstream& out, const Criterion& c) {
  out << "| 编号 | 条件 | 判定 | 出处（摘录） | 解读 |\n|---|---|---|---|---|\n";
  criterion_rows(out, c, 0, nullptr);
  out << "\n";
}

void score_table(std::ostringstream& out, const ScoreTable& t) {
  out << "**" << t.title << "**（`" << t.id << "`；" << t.citation.doc << " " << t.citation.clause << "）\n\n";
  out << "| 类别 | 指标 | 满分 | 计分 | 解读 |\n|---|---|---|---|---|\n";
  for (const auto& cat : t.categories) {
    for (const auto& ind : t.indicators) {
      if (ind.category != cat.id) continue;
      std::string bands;
      if (ind.mode == Indicator::Mode::Value) {
        bands = "取 `" + ind.metric + "` 的值（0–" + std::to_string(ind.max) + "）";
      } else {
        for (const auto& b : ind.bands) {
          std::string when = b.when ? test_of(*b.when) : "其他";
          if (b.when && (b.when->kind == Criterion::Kind::Any || b.when->kind == Criterion::Kind::All)) {
            std::string parts;
            for (const auto& ch : b.when->children) parts += (parts.empty() ? "" : (b.when->kind == Criterion::Kind::Any ? " 或 " : " 且 ")) + test_of(ch);
            when = parts;
          }
          bands += (bands.empty() ? "" : "；") + (b.label.empty() ? when : b.label + "（" + when + "）") + " → " +
                   std::to_string(b.points);
        }
        if (ind.mode == Indicator::Mode::Sum) bands += "；各项相加，最高 " + std::to_string(ind.max);
      }
      out << "| " << cat.title << "（" << cat.max << "） | `" << ind.id << "` " << cell(ind.title) << " | " << ind.max
          << " | " << cell(bands) << " | " << cell(ind.interpretation) << " |\n";
    }
  }
  out << "\n";
}

std::string amount_text(const Amount& a) {
  const std::string scope = !a.cap_scope_reading.empty()    ? "（封顶按每次还是按合计，有两种读法：" + a.cap_scope_reading + "）"
                            : a.cap_scope == "per_enterprise" ? "（单家企业本项合计）"
                            : a.cap_scope == "per_investor"   ? "（每家投资机构本项合计）"
                                                              : "";
  auto cases = [&](const char* sep) {
    std::string s;
    for (const auto& [key, sub] : a.cases) s += (s.empty() ? "" : sep) + key + " → " + amount_text(sub);
    return s;
  };
  switch (a.kind) {
    case AmountKind::Fixed:
      return format_wan(a.yuan) + "元";
    case AmountKind::UpTo:
      return "最高 " + format_wan(a.yuan) + "元";
    case AmountKind::Rate:
      return format_percent(a.rate) + " × `" + a.base + "`";
    case AmountKind::RateCap:
      return format_percent(a.rate) + " × `" + a.base + "`，上限 " + format_wan(*a.cap) + "元" + scope;
    case AmountKind::RateUpTo:
      return "不超过 " + format_percent(a.rate) + " × `" + a.base + "`，最高 " + format_wan(*a.cap) + "元" + scope;
    case AmountKind::TaxCredit:
      return "税收抵免：" + format_percent(a.rate) + " × `" + a.base + "`，可结转 " + std::to_string(a.carry_forward_years) + " 年";
    case AmountKind::PerUnit: {
      std::string s;
      for (const auto& [param, each] : a.units) s += (s.empty() ? "" : " + ") + ("`" + param + "` × " + format_decimal(each, 2) + "元");
      return s;
    }
    case AmountKind::Tiered:
    case AmountKind::By:
      return (a.kind == AmountKind::Tiered ? "按名次 `" : "按 `") + a.param + "`：" + cases("；");
    case AmountKind::SameAsGroup:
      return "参照组 `" + a.group + "` 的同级标准";
    case AmountKind::ByReading:
      return "按读法 `" + a.reading + "`：" + cases("；");
    case AmountKind::LessEarlier:
      if (a.cases.empty()) break;
      return amount_text(a.cases.front().second) + "，减去往年所获认定在组 `" + a.group + "` 中的最高奖励（补差额）";
    case AmountKind::Unquantified:
      return "无具体金额（" + a.text + "）";
    case AmountKind::Benefit:
      return "非资金支持：" + a.text;
    case AmountKind::NotPaid:
      return "不予奖励（" + a.text + "）";
    case AmountKind::None:
      break;
  }
  return amount_kind_name(a.kind);
}

std::string trigger_text(const Measure& m) {
  if (m.trigger.event.empty()) return m.requires_ ? "企业状态：" + m.requires_->title : "（无条件）";
  std::string s = "`" + m.trigger.event + "`";
  for (const auto& [param, values] : m.trigger.where) {
    std::string v;
    for (const auto& x : values) v += (v.empty() ? "" : "/") + x;
    s += " " + param + "=" + v;
  }
  for (const auto& [param, limit] : m.trigger.at_least) s += " " + param + "≥" + format_decimal(limit, 2);
  for (const auto& [param, limit] : m.trigger.at_most) s += " " + param + "≤" + format_decimal(limit, 2);
  for (const auto& [param, value] : m.trigger.blank_as) s += "（未填 " + param + " 按 " + value + "）";
  if (m.requires_) s += "；且 " + m.requires_->title;
  return s;
}

}  // namespace

// The document's contested readings: the question, each option with its source, the default.
void readings_section(std::ostringstream& out, const Policy& p) {
  if (p.readings.empty()) return;
  out << "### 有争议的读法\n\n"
      << "原文没有定论的问题：结果在各读法下分别计算；读法不同导致结论不同时，结论显示为“依读法而定”，并列出每种读法的结论；"
         "读法不同导致奖励金额不同时，每行列出每种读法的金额，未选定读法的确定金额取较少者、上限取较多者。\n\n"
      << "| 编号 | 问题 | 读法（出处） | 默认 |\n|---|---|---|---|\n";
  for (const auto& r : p.readings) {
    std::string options;
    for (const auto& o : r.options) {
      options += (options.empty() ? "" : "<br>") + ("`" + o.id + "` " + o.label + "（" + o.citation.doc + " " + o.citation.clause +
                                                       (o.citation.excerpt_kind == "paraphrase" ? "，转述" : "") + "：" +
                                                       o.citation.excerpt + "）");
    }
    out << "| `" << r.id << "` | " << cell(r.question + (r.interpretation.empty() ? "" : " " + r.interpretation)) << " | "
        << cell(options) << " | `" << r.default_option << "` |\n";
  }
  out << "\n";
}

std::string render_policies_markdown(const PolicySet& set) {
  std::ostringstream out;
  out << "# 地方奖励与支持措施（按政策数据生成）\n\n"
      << "Generated from `policies/` by `srdi docs policies`; do not edit by hand (`bash scripts/gen_docs.sh`).\n\n"
      << "Every measure of the award policies as encoded: its id (the inventory id), who applies, what triggers it "
         "(an event of the profile, see `docs/events.md`, or the enterprise's status), the amount as the text states "
         "it, stacking, and the clause with its verbatim excerpt. Drafts (征求意见稿) and expired documents are labelled "
         "on every line of a result.\n\n";
  for (const auto& p : set.policies) {
    if (p.kind != PolicyKind::Awards) continue;
    out << "## " << p.title << "（" << p.doc_no << "）\n\n"
        << "- 文件：`policies/" << p.file << "`，编号 `" << p.id << "`，"
        << (p.status == "draft" ? "**征求意见稿**" : p.status == "unknown" ? "**发布状态不明**" : "正式发布")
        << (p.source_kind == "news_report" ? "（新闻报道）" : "")
        << "\n- 地区：" << p.jurisdiction.name << "（`" << p.jurisdiction.id << "`）"
        << "\n- 有效期：" << (p.start_unknown ? "（起始日期原文未载）" : p.valid_from.iso()) << " 至 "
        << (p.valid_to ? p.valid_to->iso() : "（未定）") << "\n";
    if (!p.provenance.empty()) out << "- 来源：" << p.provenance << "\n";
    if (!p.source.empty()) out << "- 原文：`policies/" << p.source << "`\n";
    out << "\n" << p.description << "\n\n";
    readings_section(out, p);
    if (!p.measures.empty()) {
      out << "| 编号 | 措施 | 申请主体 | 触发 | 金额 | 叠加 | 出处（原文摘录） | 解读 |\n|---|---|---|---|---|---|---|---|\n";
      for (const auto& m : p.measures) {
        std::string stacking = m.group;
        if (m.competitive) stacking += (stacking.empty() ? "" : "；") + std::string("竞争性评选");
        if (!m.adds_to.empty()) stacking += (stacking.empty() ? "" : "；") + ("在" + m.adds_to + "基础上");
        if (!m.funded_by.empty()) stacking += (stacking.empty() ? "" : "；") + m.funded_by;
        out << "| `" << m.id << "` | " << cell(m.title) << " | " << m.applicant << " | " << cell(trigger_text(m)) << " | "
            << cell(amount_text(m.amount)) << " | " << cell(stacking) << " | "
            << cell(m.citation.clause + "：" + m.citation.excerpt) << " | " << cell(m.interpretation) << " |\n";
      }
      out << "\n";
    }
    for (const auto& g : p.groups) {
      out << "- 叠加组 `" << g.id << "`（" << g.rule << "）：" << g.title << "。出处 " << g.citation.clause << "：“"
          << g.citation.excerpt << "”\n";
    }
    for (const auto& r : p.rules) {
      out << "- 规则 `" << r.id << "`：" << r.title << "。出处 " << r.citation.clause << "：“" << r.citation.excerpt << "”\n";
    }
    if (!p.benchmarks.empty()) {
      out << "\n| 对标编号 | 目标 | 对比 | 出处（摘录） |\n|---|---|---|---|\n";
      for (const auto& b : p.benchmarks) {
        out << "| `" << b.id << "` | " << cell(b.title + "：" + b.target) << " | "
            << cell(b.criterion ? test_of(*b.criterion) : "（群体目标，无企业可比数字）") << " | "
            << cell(b.citation.excerpt) << " |\n";
      }
    }
    out << "\n";
  }
  return out.str();
}

std::string render_events_markdown() {
  std::ostringstream out;
  out << "# 本年度事项词表（profile 的 `events`）\n\n"
      << "Generated from `core/events.cpp` by `srdi docs events`; do not edit by hand.\n\n"
      << "Each event of the evaluation year is an object `{\"type\": ..., <parameters>}` in the profile's `events` list. "
         "Unknown types or parameters are refused with their JSON path. A parameter left out (or `null`) is unknown, "
         "whatever its kind, a bool included (an unset `renewal` is not `false`): where it decides an amount, the award "
         "line is kept, its amount is never certain but counts in the upper bound, and the line names the parameter "
         "(`docs/profile.md`, *Event flags and blanks*). The page offers these as a checklist. Which event pays what, "
         "and where, is in the award policies (`docs/policies.md`).\n\n";
  const char* kinds[] = {"enum", "money (yuan)", "count", "rank (≥1)", "bool", "percent"};
  for (const auto& t : event_types()) {
    out << "## `" << t.type << "` — " << t.label << "\n\n" << t.hint << "\n\n";
    if (t.params.empty()) {
      out << "(no parameters)\n\n";
      continue;
    }
    out << "| parameter | kind | label | values | required |\n|---|---|---|---|---|\n";
    for (const auto& p : t.params) {
      std::string values;
      for (const auto& v : p.values) values += (values.empty() ? "" : ", ") + v;
      out << "| `" << p.name << "` | " << kinds[static_cast<int>(p.kind)] << " | " << p.label << " | " << values << " | "
          << (p.required ? "yes" : "") << " |\n";
    }
    out << "\n";
  }
  return out.str();
}

std::string render_criteria_markdown(const PolicySet& set) {
  std::ostringstream out;
  out << "# 梯度认定标准（按政策数据生成）\n\n"
      << "Generated from `policies/` by `srdi docs criteria`; do not edit by hand (`bash scripts/gen_docs.sh` "
         "rewrites it, and a test fails when it is stale).\n\n"
      << "Each table lists a tier's criteria as encoded: the id a result carries, the condition, the test the engine "
         "applies (metric names in `docs/metrics.md`), the clause with its excerpt (marked 转述 where it is a "
         "paraphrase, not a quotation), and our interpretation where the reading is ours. The page shows the same "
         "interpretation beside each criterion.\n\n";
  if (const Policy* size = set.size_standard()) {
    out << "## " << size->title << "（" << size->doc_no << "）\n\n"
        << "- 文件：`policies/" << size->file << "`。大型、中型、小型依次判断，所列指标须全部达到；其余为微型。\n\n"
        << "| 行业 | 大型 | 中型 | 小型 | 出处 |\n|---|---|---|---|---|\n";
    for (const auto& ind : size->industries) {
      out << "| " << cell(ind.label);
      for (const auto& rule : ind.rules) {
        std::string parts;
        for (const auto& ch : rule.criterion.children) parts += (parts.empty() ? "" : " 且 ") + test_of(ch);
        out << " | " << cell(parts);
      }
      const Citation& c = ind.rules.empty() ? Citation{} : ind.rules.front().criterion.citation;
      out << " | " << cell(c.doc + " " + c.clause) << " |\n";
    }
    out << "\n";
  }
  for (const auto& p : set.policies) {
    if (p.kind != PolicyKind::Tiers) continue;
    std::string versions;
    for (const auto& v : p.versions) versions += (versions.empty() ? "" : ", ") + v;
    out << "## " << p.title << "（" << p.doc_no << "）\n\n"
        << "- 文件：`policies/" << p.file << "`，编号 `" << p.id << "`，" << (p.status == "draft" ? "征求意见稿" : "正式发布")
        << "\n- 有效期：" << p.valid_from.iso() << " 至 " << (p.valid_to ? p.valid_to->iso() : "（未定）")
        << "\n- 标准版本：" << versions << "\n";
    if (!p.issuer.empty()) out << "- 发文机关：" << p.issuer << "\n";
    out << "\n" << p.description << "\n\n";
    readings_section(out, p);
    for (const auto& d : p.definitions) {
      out << "### 定义：" << d.title << "（`" << d.id << "`）\n\n";
      criteria_table(out, d);
    }
    for (const auto& t : p.tiers) {
      out << "### 第" << t.rung << "层：" << t.title << "（`" << t.id << "`）\n\n";
      if (!t.versions.empty()) {
        std::string vs;
        for (const auto& v : t.versions) vs += (vs.empty() ? "" : ", ") + v;
        out << "- 适用版本：" << vs << "\n";
      }
      if (t.own_validity) out << "- 本层有效期至：" << (t.valid_to ? t.valid_to->iso() : "（未定）") << "\n";
      if (!t.note.empty()) out << "- 说明：" << t.note << "\n";
      if (t.renewal_for) {
        out << "- 复核：" << t.renewal_for->note << "（" << t.renewal_for->citation.doc << "；适用 " << t.renewal_for->from.iso() << " 至 "
            << t.renewal_for->to.iso() << "）\n";
      }
      out << "\n";
      criteria_table(out, t.criterion);
      for (const auto& s : t.scores) score_table(out, s);
    }
  }
  return out.str();
}

}  // namespace srdi
