#include "core/size_class.hpp"

namespace srdi {

const char* size_class_label(const std::string& c) {
  if (c == "large") return "大型";
  if (c == "medium") return "中型";
  if (c == "small") return "小型";
  if (c == "micro") return "微型";
  return "待定";
}

json classify_size(const Profile& profile, const Policy& standard) {
  json out{{"policy", standard.id}, {"doc_no", standard.doc_no}};
  auto industry = profile.text("industry");
  const SizeIndustry* rules = nullptr;
  for (const auto& ind : standard.industries) {
    if (industry && ind.industry == *industry) rules = &ind;
  }
  if (!rules) {
    // Unknown industry, or one the standard lacks: nothing can be said.
    out["class"] = "undetermined";
    out["label"] = size_class_label("undetermined");
    out["industry"] = industry ? json(*industry) : json(nullptr);
    out["possible"] = json::array({"large", "medium", "small", "micro"});
    out["missing"] = json::array({"industry"});
    out["rules"] = json::array();
    out["is_sme"] = nullptr;
    return out;
  }
  out["industry"] = rules->industry;
  out["industry_label"] = rules->label;
  Evaluator ev(profile, /*with_gaps=*/false);
  json traces = json::array();
  json possible = json::array();
  json missing = json::array();
  bool settled = false;  // an earlier rule is known to hold, so later classes are impossible
  for (const auto& rule : rules->rules) {
    Outcome o = ev.criterion(rule.criterion);
    json t = o.trace;
    t["class"] = rule.size_class;
    traces.push_back(t);
    if (settled) continue;
    if (o.result != Tri::NotMet) possible.push_back(rule.size_class);
    if (o.result == Tri::Undetermined) merge_missing(missing, o.trace["missing"]);
    if (o.result == Tri::Met) settled = true;
  }
  if (!settled) possible.push_back("micro");
  std::string cls = possible.size() == 1 ? possible[0].get<std::string>() : "undetermined";
  out["class"] = cls;
  out["label"] = size_class_label(cls);
  out["possible"] = possible;
  out["missing"] = possible.size() == 1 ? json::array() : missing;
  out["rules"] = traces;
  bool can_be_large = false, can_be_sme = false;
  for (const auto& p : possible) (p == "large" ? can_be_large : can_be_sme) = true;
  out["is_sme"] = can_be_large && can_be_sme ? json(nullptr) : json(can_be_sme);
  return out;
}

}  // namespace srdi
