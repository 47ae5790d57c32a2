#include "core/text_report.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include <sstream>

#include "core/exact.hpp"
#include "core/profile.hpp"
#include "core/engine.hpp"
#include "core/evaluate.hpp"

namespace srdi {

namespace {

// "研发费用（上年度）" for "rd_expense.last": the profile's own labels, so the reader sees words.
std::string field_label(const std::string& field) {
  if (field == "holds") return "已获称号";
  if (field.rfind("events/", 0) == 0) {  // events/<i>/<parameter>
    std::size_t slash = field.find('/', 7);
    int index = std::stoi(field.substr(7, slash - 7));
    return "本年度事项第 " + std::to_string(index + 1) + " 项的 " + field.substr(slash + 1);
  }
  if (field.rfind("holds/", 0) == 0) {  // holds/<i>/since
    std::size_t slash = field.find('/', 6);
    int index = std::stoi(field.substr(6, slash - 6));
    return "已获称号第 " + std::to_string(index + 1) + " 项的认定日期";
  }
  if (field == "industry") return "所属行业";
  const FieldSpec* spec = find_field(field);
  return spec && !spec->label.empty() ? spec->label : field;
}

std::string labelled_missing(const json& missing) {
  std::string s;
  for (const auto& m : missing) s += (s.empty() ? "" : "、") + field_label(m.get<std::string>());
  return s;
}


const char* result_word(const json& r) { return result_label(r.is_string() ? r.get_ref<const std::string&>() : ""); }
const char* verdict_word(const json& v) { return verdict_label(v.is_string() ? v.get_ref<const std::string&>() : ""); }

// A comparison in words, as the page writes it (no operators for the reader).
std::string op_word(const json& op) {
  const std::string o = op.is_string() ? op.get<std::string>() : "";
  const char* word = op_label(o);
  return *word ? word : o;
}


// Money in 万元 for the reader; other values as the result gives them.
std::string shown(const json& n, const std::string& key) {
  if (!n.contains(key) || n[key].is_null()) return "（未填写）";
  std::string v = n[key].get<std::string>();
  if (n.value("unit", "") != "yuan") return v;
  auto parsed = parse_decimal(v, 2);
  return parsed.value ? format_wan(*parsed.value) + "元" : v;
}

// A fact's value as a person reads it: 是 / 否 / 无, an allowed value's word, 未填写.
std::string fact_words(const json& n) {
  if (!n.contains("value") || !n["value"].is_string()) return "未填写";
  const std::string& v = n["value"].get_ref<const std::string&>();
  if (v == "true") return "是";
  if (v == "false") return "否";
  if (v == "none") return "无";
  for (const auto& [value, word] : value_labels(n.value("fact", ""))) {
    if (value == v) return word;
  }
  return v;
}

// A rank (名次: 1 is the best) in words: "第 3 名", "无"; what a rank test asks: "前 3 名以内", or
// for "at least rank 1", only that there is one.
bool is_rank(const json& n) {
  const FieldSpec* f = find_field(n.value("metric", ""));
  return f && f->kind == FieldKind::Rank;
}
std::string rank_words(const json& v) {
  if (!v.is_string()) return "未填写";
  const std::string& s = v.get_ref<const std::string&>();
  return s == "无" || s == "none" ? "无" : "第 " + s + " 名";
}
std::string rank_need(const json& n) {
  const std::string op = n.value("op", ""), t = n.value("threshold", "");
  if (op == "<=") return "前 " + t + " 名以内";
  if (op == ">=" && t == "1") return "有名次（获得）";
  return op_word(n["op"]) + " 第 " + t + " 名";
}

void render_node(std::ostringstream& out, const json& n, int depth, const json* parent_citation) {
  std::string indent(static_cast<std::size_t>(depth) * 2 + 2, ' ');
  out << indent << "[" << result_word(n["result"]) << "] " << n["title"].get<std::string>();
  const std::string kind = n["kind"];
  if (kind == "compare") {
    out << "：" << n["metric_label"].get<std::string>() << " ";
    if (is_rank(n)) out << rank_words(n.value("value", json())) << "，要求 " << rank_need(n);
    else out << shown(n, "value") << "，要求 " << op_word(n["op"]) << " " << shown(n, "threshold");
  } else if (kind == "fact") {
    out << "（" << n["label"].get<std::string>() << "：" << fact_words(n) << "）";
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

// "按…口径：符合；按…口径：不符合" for one reading.
std::string outcomes_text(const json& reading) {
  std::string s;
  for (const auto& o : reading["outcomes"]) {
    s += (s.empty() ? "" : "；") + o["label"].get<std::string>() + "：" + verdict_word(o["verdict"]);
  }
  return s;
}

// The decisive readings of a contested tier, for its one-line summary.
std::string reading_outcomes(const json& t) {
  std::string s;
  for (const auto& [id, r] : t["readings"].items()) {
    if (r["decisive"].get<bool>()) s += (s.empty() ? "" : "；") + outcomes_text(r);
  }
  return s;
}

void render_tier(std::ostringstream& out, const json& t) {
  out << "\n■ " << t["title"].get<std::string>() << "（" << t["doc_no"].get<std::string>() << "）：" << verdict_word(t["verdict"])
      << "\n";
  if (t.contains("note")) out << "  说明：" << t["note"].get<std::string>() << "\n";
  if (t.contains("not_needed")) out << "  " << t["not_needed"]["text"].get<std::string>() << "\n";
  if (t.contains("renewal_rule")) out << "  复核：" << t["renewal_rule"]["note"].get<std::string>() << "\n";
  for (const auto& [id, r] : t["readings"].items()) {
    if (!r["decisive"].get<bool>()) continue;
    out << "  有争议的读法（" << r["question"].get<std::string>() << "）：" << outcomes_text(r) << "\n";
  }
  if (t.contains("route")) {
    out << "  认定路径";
    if (t.contains("routes_of")) out << "（" << t["routes_of"]["title"].get<std::string>() << "）";
    out << "：" << t["route"]["title"].get<std::string>() << "\n";
  }
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

// 万元 for sums of ten thousand and more, 元 below (6172.83元 reads better than 0.617283万元).
std::string money_text(const std::string& yuan) {
  auto v = parse_decimal(yuan, 2);
  if (!v.value) return yuan;
  return *v.value >= Rational(10000) ? format_wan(*v.value) + "元" : format_decimal(*v.value, 2) + "元";
}

const char* status_word(const json& status) {
  if (status == "draft") return "征求意见稿";
  if (status == "unknown") return "发布状态不明";
  return "正式发布";
}

std::string line_labels(const json& l) {
  std::string s;
  for (const auto& label : l["labels"]) s += "【" + label.get<std::string>() + "】";
  return s;
}

// `payable`: false for the lines of a document not in force (their figures are for reference only).
void render_line(std::ostringstream& out, const json& l, const std::string& indent, bool payable = true) {
  const json& a = l["amount"];
  std::string tag, figure;
  if (l["state"] == "superseded") {
    tag = "不另计";
  } else if (l["state"] == "undetermined") {
    tag = "待定";
    if (a.contains("up_to")) figure = "最高 " + money_text(a["up_to"]);
  } else if (a.contains("certain") && a.contains("up_to")) {
    tag = "可获";  // contested: the readings give different amounts
    figure = "至少 " + money_text(a["certain"]) + "，至多 " + money_text(a["up_to"]) + "（视读法而定）";
  } else if (a.contains("certain")) {
    tag = "可获";
    figure = money_text(a["certain"]);
  } else if (a.contains("up_to")) {
    tag = "上限";
    figure = "最高 " + money_text(a["up_to"]);
  } else if (a.contains("tax_credit")) {
    tag = "税收抵免";
    figure = money_text(a["tax_credit"]);
  } else {
    tag = l["kind"] == "benefit" ? "支持" : "无金额";
  }
  if (!payable && l["state"] == "applies") tag = "不可领取";
  out << indent << "[" << tag << "] " << line_labels(l) << l["title"].get<std::string>();
  if (!figure.empty()) out << "：" << figure;
  out << "（" << l["citation"]["clause"].get<std::string>() << "）\n";
  // Money a city document restates from a province's programme is the province's: say whose.
  if (l.contains("funded_by")) out << indent << "    资金来源：" << l["funded_by"].get<std::string>() << "\n";
  if (l.contains("stacking")) out << indent << "    " << l["stacking"].get<std::string>() << "\n";
  if (l.contains("undetermined_by")) out << indent << "    待定原因：" << l["undetermined_by"].get<std::string>() << "\n";
  if (l.contains("assumed")) {
    std::string a2;
    for (const auto& [k, v] : l["assumed"].items()) a2 += (a2.empty() ? "" : "，") + k + " = " + v.get<std::string>();
    out << indent << "    未填写，按原文读作：" << a2 << "\n";
  }
  const std::string basis = l["basis"];
  bool plain = l["amount_kind"] == "fixed" || l["amount_kind"] == "up_to";
  if (!basis.empty() && !plain) {
    out << indent << (l["kind"] == "benefit" || l["kind"] == "unquantified" ? "    内容：" : "    计算：") << basis << "\n";
  }
  if (l.contains("readings")) {
    for (const auto& r : l["readings"]) {
      std::string how = r["chosen_by"] == "request" ? "已选定读法：" + r["option_label"].get<std::string>()
                        : r["decisive"].get<bool>() ? "未选定读法：确定金额取较少者，上限取较多者"
                                                    : "各读法金额相同";
      out << indent << "    有争议的读法：" << r["question"].get<std::string>() << "\n";
      out << indent << "      " << r["summary"].get<std::string>() << "（" << how << "）\n";
    }
  }
  if (l.contains("missing")) {
    std::string m;
    for (const auto& f : l["missing"]) m += (m.empty() ? "" : "、") + field_label(f.get<std::string>());
    out << indent << "    需补充：" << m << "\n";
  }
  if (l.contains("interpretation")) out << indent << "    解读：" << l["interpretation"].get<std::string>() << "\n";
}

void render_awards(std::ostringstream& out, const json& aw) {
  if (aw.contains("note")) out << "  " << aw["note"].get<std::string>() << "\n";
  for (const auto& d : aw["documents"]) {
    std::string doc_no = d["doc_no"];
    if (doc_no.rfind("（", 0) == 0) doc_no = doc_no.substr(3, doc_no.size() - 6);  // already bracketed: no double brackets
    out << "\n■ " << d["title"].get<std::string>() << "（" << doc_no << "，" << status_word(d["status"]) << "）\n";
    if (d.contains("provenance")) out << "  来源：" << d["provenance"].get<std::string>() << "\n";
    if (d.contains("validity_note")) out << "  " << d["validity_note"].get<std::string>() << "\n";
    if (d.contains("draft_note")) out << "  " << d["draft_note"].get<std::string>() << "\n";
    const bool payable = d["in_force"] != false;
    for (const auto& l : d["lines"]) render_line(out, l, "  ", payable);
    for (const auto& n : d["notes"]) out << "  注：" << n["text"].get<std::string>() << "\n";
    // How to apply for what the lines pay: only what the text states, the rest as the notice says.
    std::vector<std::string> seen;
    for (const auto& l : d["lines"]) {
      const std::string id = l["measure"];
      if (std::find(seen.begin(), seen.end(), id) != seen.end()) continue;
      seen.push_back(id);
      for (const auto& m : d["measures"]) {
        if (m["measure"] != id) continue;
        std::string how;
        if (m.contains("apply")) {
          const json& a = m["apply"];
          for (const auto& [key, word] : {std::pair{"responsible", "责任单位 "}, {"channel", "渠道 "}, {"window", "时间 "}, {"materials", "材料 "}}) {
            if (a.contains(key) && a[key].is_string()) how += (how.empty() ? "" : "；") + std::string(word) + a[key].get<std::string>();
          }
          const std::string state = a.value("window_state", "");
          if (state == "passed") how += "（评估日期时本期申报已截止，请关注下一年度通知）";
          if (state == "upcoming") how += "（评估日期时尚未开始）";
        }
        if (how.empty()) how = "以当年申报通知为准";
        else if (!m["apply"].contains("window") || !m["apply"].contains("materials")) how += "；其余以当年申报通知为准";
        out << "  申报（" << l["title"].get<std::string>() << "）：" << how << "\n";
      }
    }
    if (!d["lines"].empty()) {
      // A document not in force pays nothing: what it would pay is said apart, never as its total.
      const bool out_of_force = d.contains("totals_if_in_force");
      const json& t = out_of_force ? d["totals_if_in_force"] : d["totals"];
      out << (out_of_force ? "  本文件在评估日期不在有效期内，可领取金额为 0。假如仍在有效期内：确定金额 " : "  本文件合计：确定金额 ")
          << money_text(t["certain"]) << "；连同“最高”额度在内至多 " << money_text(t["upper_bound"]) << "；无具体金额 "
          << t["unquantified"].get<int>() << " 项";
      if (t["tax_credit"] != "0.00") out << "；另有税收抵免 " << money_text(t["tax_credit"]) << "（不计入奖补）";
      out << "\n";
    }
    for (const auto& r : d["rules"]) {
      out << "  规则：" << r["title"].get<std::string>() << "（" << r["citation"]["clause"].get<std::string>() << "）\n";
    }
    if (!d["benefits"].empty()) {
      out << "  非资金支持：\n";
      for (const auto& b : d["benefits"]) render_line(out, b, "    ", payable);
    }
    if (!d["benchmarks"].empty()) {
      out << "  对标（" << d["jurisdiction"].get<std::string>() << "发展目标）：\n";
      for (const auto& b : d["benchmarks"]) {
        out << "    - " << b["title"].get<std::string>() << "：目标 " << b["target"].get<std::string>();
        if (b.contains("check") && b["check"].contains("value")) out << "；本企业 " << b["check"]["value"].get<std::string>();
        if (!b["result"].is_null()) out << "（" << result_word(b["result"]) << "）";
        out << "\n";
      }
    }
  }
  if (!aw["potential"].empty()) {
    out << "\n  可申请的认定及其奖励：\n";
    for (const auto& l : aw["potential"]) {
      out << "  " << l["tier_title"].get<std::string>() << " → ";
      render_line(out, l, "");
    }
  }
}

}  // namespace

std::string render_text_compare(const json& compact) {
  const json c = inline_citations(compact);
  std::ostringstream out;
  out << "各城市奖励对比（评估日期 " << c["as_of"].get<std::string>() << "；各城市分别计算，不跨城市相加）\n";
  for (const auto& city : c["cities"]) {
    out << "\n== " << city["name"].get<std::string>() << " ==\n";
    for (const auto& d : city["awards"]["documents"]) {
      const json& t = d["totals"];
      out << "  " << d["title"].get<std::string>() << "（" << status_word(d["status"])
          << (d["in_force"] == true ? "" : d["in_force"] == false ? "，不在有效期内" : "，有效期不明") << "）：确定 "
          << money_text(t["certain"]) << "，至多 "
          << money_text(t["upper_bound"]) << "，无具体金额 " << t["unquantified"].get<int>() << " 项，非资金支持 "
          << t["benefits"].get<int>() << " 项\n";
    }
    std::ostringstream detail;
    render_awards(detail, city["awards"]);
    out << detail.str();
  }
  return out.str();
}

std::string render_text_report(const json& compact) {
  const json r = inline_citations(compact);
  std::ostringstream out;
  const json& e = r["enterprise"];
  out << "专精特新政策自测报告\n";
  out << "评估日期：" << r["as_of"].get<std::string>() << "    引擎版本：" << r["engine"]["version"].get<std::string>()
      << "\n";
  const json& crit = r["criteria"];
  if (!crit["version"].is_null()) {
    std::string docs;
    for (const auto& d : crit["documents"]) docs += (docs.empty() ? "" : "、") + d.get<std::string>();
    const std::string name = crit.value("label", json()).is_string() ? crit["label"].get<std::string>() : crit["version"].get<std::string>();
    out << "认定标准：" << name << (crit["chosen_by"] == "as_of" ? "，按评估日期选定" : "，按所选版本") << "；依据 " << docs << "\n";
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
    if (t["verdict"] == "contested") out << "（" << reading_outcomes(t) << "）";
    else if (t.contains("route")) out << "（" << t["route"]["title"].get<std::string>() << "）";
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

  out << "\n四、地方奖励与支持";
  const json& aw = r["awards"];
  if (!aw["city_name"].is_null()) out << "（" << aw["city_name"].get<std::string>() << "）";
  out << "\n";
  render_awards(out, aw);

  out << "\n所用政策文件：\n";
  for (const auto& p : r["policies"]) {
    out << "  " << p["title"].get<std::string>() << "（" << p["doc_no"].get<std::string>() << "，" << status_word(p["status"])
        << "）\n";
    // The data version: the exact file the figures come from (a bundled one, or one given at run time).
    if (p["sha256"].is_string()) out << "    数据文件 " << p["file"].get<std::string>() << "，SHA-256 " << p["sha256"].get<std::string>() << "\n";
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
