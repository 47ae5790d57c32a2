#include "core/criteria_doc.hpp"

#include <sstream>

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
      return "持有 `" + c.holds + "`" + (levels.empty() ? "" : "（" + levels + "）") + "，有效期 " +
             std::to_string(c.valid_years) + " 年";
    }
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
      << cell(c.title) << " | " << cell(test_of(c)) << " | " << cell(source) << " | " << cell(c.interpretation)
      << " |\n";
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

}  // namespace

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
    if (p.kind != "tiers") continue;
    std::string versions;
    for (const auto& v : p.versions) versions += (versions.empty() ? "" : ", ") + v;
    out << "## " << p.title << "（" << p.doc_no << "）\n\n"
        << "- 文件：`policies/" << p.file << "`，编号 `" << p.id << "`，" << (p.status == "draft" ? "征求意见稿" : "正式发布")
        << "\n- 有效期：" << p.valid_from.iso() << " 至 " << (p.valid_to ? p.valid_to->iso() : "（未定）")
        << "\n- 标准版本：" << versions << "\n";
    if (!p.issuer.empty()) out << "- 发文机关：" << p.issuer << "\n";
    out << "\n" << p.description << "\n\n";
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
      out << "\n";
      criteria_table(out, t.criterion);
      for (const auto& s : t.scores) score_table(out, s);
    }
  }
  return out.str();
}

}  // namespace srdi
