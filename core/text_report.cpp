#include "core/text_report.hpp"

#include <sstream>

#include "core/exact.hpp"
#include "core/profile.hpp"
#include "core/size_class.hpp"

namespace srdi {

namespace {

// "研发费用（上年度）" for "rd_expense.last": the profile's own labels, so the reader sees words.
std::string field_label(const std::string& field) {
  if (field == "holds") return "已获称号";
  if (field == "industry") return "所属行业";
  const FieldSpec* spec = find_field(field);
  return spec && !spec->label.empty() ? spec->label : field;
}

std::string labelled_missing(const json& missing) {
  std::string s;
  for (const auto& m : missing) s += (s.empty() ? "" : "、") + field_label(m.get<std::string>());
  return s;
}


const char* result_word(const std::string& r) {
  if (r == "met") return "满足";
  if (r == "not_met") return "不满足";
  return "待定";
}

const char* verdict_word(const std::string& v) {
  if (v == "eligible") return "符合";
  if (v == "not_eligible") return "不符合";
  return "待定";
}

std::string op_word(const std::string& op) {
  if (op == ">=") return "≥";
  if (op == "<=") return "≤";
  return op;
}


// Money in 万元 for the reader; other values as the result gives them.
std::string shown(const json& n, const std::string& key) {
  if (!n.contains(key) || n[key].is_null()) return "（未知）";
  std::string v = n[key].get<std::string>();
  if (n.value("unit", "") != "yuan") return v;
  auto parsed = parse_decimal(v, 2);
  return parsed.value ? format_wan(*parsed.value) + "元" : v;
}

void render_node(std::ostringstream& out, const json& n, int depth, const json* parent_citation) {
  std::string indent(static_cast<std::size_t>(depth) * 2 + 2, ' ');
  out << indent << "[" << result_word(n["result"]) << "] " << n["title"].get<std::string>();
  const std::string kind = n["kind"];
  if (kind == "compare") {
    out << "：" << n["metric_label"].get<std::string>() << " ";
    out << shown(n, "value") << "，要求 " << op_word(n["op"]) << " " << shown(n, "threshold");
  } else if (kind == "fact") {
    out << "：" << n["label"].get<std::string>() << " = "
        << (n["value"].is_null() ? std::string("（未知）") : n["value"].get<std::string>());
  } else if (kind == "score") {
    out << "：得分 " << n["value"]["min"].get<int>();
    if (n["value"]["min"] != n["value"]["max"]) out << "–" << n["value"]["max"].get<int>();
    out << "，要求 " << op_word(n["op"]) << " " << n["threshold"].get<std::string>();
  }
  out << "\n";
  if (n.contains("gap")) out << indent << "    差距：" << n["gap"]["text"].get<std::string>() << "\n";
  if (n["result"] == "undetermined" && kind != "all" && kind != "any" && kind != "not" && !n["missing"].empty()) {
    out << indent << "    缺少：" << labelled_missing(n["missing"]) << "\n";
  }
  if (n.contains("interpretation")) out << indent << "    解读：" << n["interpretation"].get<std::string>() << "\n";
  const json& c = n["citation"];
  if (!parent_citation || *parent_citation != c) out << indent << "    出处：" << c["doc"].get<std::string>() << " " << c["clause"].get<std::string>()
      << (c["excerpt_kind"] == "paraphrase" ? "（转述）" : "") << "\n";
  if (n.contains("children")) {
    for (const auto& child : n["children"]) render_node(out, child, depth + 1, &c);
  }
}

}  // namespace

namespace {

std::string score_text(const json& score) {
  std::string s = std::to_string(score["min"].get<int>());
  if (score["min"] != score["max"]) s += "–" + std::to_string(score["max"].get<int>());
  return s + " 分";
}

void render_tier(std::ostringstream& out, const json& t) {
  out << "\n■ " << t["title"].get<std::string>() << "（" << t["version"].get<std::string>() << "，"
      << t["doc_no"].get<std::string>() << "）：" << verdict_word(t["verdict"]) << "\n";
  if (t.contains("note")) out << "  说明：" << t["note"].get<std::string>() << "\n";
  if (t.contains("route")) out << "  认定路径：" << t["route"]["title"].get<std::string>() << "\n";
  if (!t["score"].is_null()) {
    out << "  评分：" << score_text(t["score"]) << "（";
    bool first = true;
    for (const auto& c : t["score"]["categories"]) {
      out << (first ? "" : "，") << c["title"].get<std::string>() << " " << c["min_points"].get<int>();
      if (c["min_points"] != c["max_points"]) out << "–" << c["max_points"].get<int>();
      out << "/" << c["max"].get<int>();
      first = false;
    }
    out << "）\n";
  }
  if (t.contains("prerequisites")) {
    for (const auto& p : t["prerequisites"]) out << "  先决条件：" << p["text"].get<std::string>() << "\n";
  }
  if (!t["unmet"].empty() && t["verdict"] != "eligible") {
    out << "  未满足的条件：\n";
    for (const auto& u : t["unmet"]) {
      out << "    - " << u["title"].get<std::string>();
      if (u.contains("gap")) out << "；" << u["gap"]["text"].get<std::string>();
      out << "\n";
    }
  }
  if (!t["missing"].empty()) out << "  需补充信息：" << labelled_missing(t["missing"]) << "\n";
  if (t.contains("improvements") && !t["improvements"].empty()) {
    out << "  提分建议（各指标升一档）：\n";
    for (const auto& i : t["improvements"]) {
      out << "    - " << i["title"].get<std::string>() << "：+" << i["adds"].get<int>() << " 分";
      std::string changes;
      for (const auto& c : i["changes"]) {
        changes += (changes.empty() ? "" : "，") + (c.contains("gap") ? c["gap"]["text"].get<std::string>() : c["title"].get<std::string>());
      }
      if (!changes.empty()) out << "（" << changes << "）";
      out << "\n";
    }
  }
  out << "  逐项明细：\n";
  render_node(out, t["criteria"], 1, nullptr);
}

}  // namespace

std::string render_text_report(const json& r) {
  std::ostringstream out;
  const json& e = r["enterprise"];
  out << "专精特新政策自测报告\n";
  out << "评估日期：" << r["as_of"].get<std::string>() << "    引擎版本：" << r["engine"]["version"].get<std::string>()
      << "\n";
  const json& crit = r["criteria"];
  if (!crit["version"].is_null()) {
    std::string docs;
    for (const auto& d : crit["documents"]) docs += (docs.empty() ? "" : "、") + d.get<std::string>();
    out << "认定标准：" << crit["version"].get<std::string>()
        << (crit["chosen_by"] == "as_of" ? "（按评估日期选定）" : "（按指定版本）") << "，" << docs << "\n";
  }
  if (!e["name"].is_null()) out << "企业：" << e["name"].get<std::string>() << "\n";
  for (const auto& n : r["notices"]) out << "\n【提示】" << n["text"].get<std::string>() << "\n";

  out << "\n一、企业规模（划型）\n";
  const json& s = r["size"];
  out << "  结论：" << s["label"].get<std::string>();
  if (s.contains("industry_label")) out << "（" << s["industry_label"].get<std::string>() << "）";
  out << "    依据：" << s["doc_no"].get<std::string>() << "\n";
  if (s["class"] == "undetermined") {
    out << "  可能的规模：";
    std::string p;
    for (const auto& c : s["possible"]) p += (p.empty() ? "" : "、") + std::string(size_class_label(c.get<std::string>()));
    out << p << "\n  需补充：" << labelled_missing(s["missing"]) << "\n";
  }
  if (s["is_sme"] == false) out << "  大型企业不属于中小企业，不能参加优质中小企业梯度培育。\n";
  // The rule that decided the class; all of them while the class is open.
  for (const auto& rule : s["rules"]) {
    if (s["class"] == "undetermined" || rule["class"] == s["class"]) render_node(out, rule, 0, nullptr);
  }
  if (s["class"] == "micro") out << "  （小型企业的下限未全部达到，为微型企业）\n";

  out << "\n二、梯度培育概览\n";
  if (r["tiers"].empty()) out << "  （评估日期没有适用的梯度认定标准）\n";
  for (const auto& t : r["tiers"]) {
    out << "  第" << t["rung"].get<int>() << "层  " << t["title"].get<std::string>() << "：" << verdict_word(t["verdict"]);
    if (t.contains("route")) out << "（" << t["route"]["title"].get<std::string>() << "）";
    else if (t["verdict"] == "not_eligible" && !t["unmet"].empty()) {
      out << "（未满足：" << t["unmet"][0]["title"].get<std::string>();
      if (t["unmet"].size() > 1) out << " 等 " << t["unmet"].size() << " 项";
      out << "）";
    } else if (t["verdict"] == "undetermined" && !t["missing"].empty()) {
      out << "（需补充：" << labelled_missing(t["missing"]) << "）";
    } else if (!t["score"].is_null()) {
      out << "（评分 " << score_text(t["score"]) << "）";
    }
    out << "\n";
  }
  for (const auto& l : r["ladder"]) {
    if (l["held"] == true) out << "  已持有：" << l["title"].get<std::string>() << "\n";
  }
  if (!r["next_step"].is_null()) out << "  下一步：" << r["next_step"]["text"].get<std::string>() << "\n";

  if (!r["tiers"].empty()) out << "\n三、逐层说明\n";
  for (const auto& t : r["tiers"]) render_tier(out, t);

  out << "\n所用政策文件：\n";
  for (const auto& p : r["policies"]) {
    out << "  " << p["title"].get<std::string>() << "（" << p["doc_no"].get<std::string>() << "，"
        << (p["status"] == "draft" ? "征求意见稿" : "正式发布") << "）\n";
  }
  out << "\n本报告由离线计算器根据企业自填数据生成，仅供自测参考，以主管部门认定为准。\n";
  return out.str();
}

std::string render_text_errors(const json& errors) {
  std::ostringstream out;
  for (const auto& e : errors["errors"]) {
    out << "错误 " << e["code"].get<std::string>() << " 位置 " << (e["path"] == "" ? "/" : e["path"].get<std::string>())
        << "（" << e["source"].get<std::string>() << "）：" << e["message"].get<std::string>() << "\n";
  }
  return out.str();
}

}  // namespace srdi
