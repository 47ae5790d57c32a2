#include "core/size_class.hpp"

#include <algorithm>

namespace srdi {

const char* size_class_label(const std::string& c) {
  if (c == "large") return "大型";
  if (c == "medium") return "中型";
  if (c == "small") return "小型";
  if (c == "micro") return "微型";
  return "待定";
}

namespace {

const char* const kClasses[] = {"large", "medium", "small", "micro"};

// One industry's rules (large, medium, small; micro is what is left): the classes still possible,
// the fields that would narrow them ([] once one class is left) and the rules' traces.
struct IndustryClass {
  json possible = json::array();
  json missing = json::array();
  json traces = json::array();
};

IndustryClass classify_in(const Profile& profile, const SizeIndustry* rules) {
  IndustryClass r;
  if (!rules) {  // an industry the standard lacks: nothing can be said
    for (const char* c : kClasses) r.possible.push_back(c);
    r.missing = json::array({"industry"});
    return r;
  }
  Evaluator ev(profile, /*with_gaps=*/false);
  json missing = json::array();
  bool settled = false;  // an earlier rule is known to hold, so later classes are impossible
  for (const auto& rule : rules->rules) {
    Outcome o = ev.criterion(rule.criterion);
    json t = o.trace;
    t["class"] = rule.size_class;
    r.traces.push_back(t);
    if (settled) continue;
    if (o.result != Tri::NotMet) r.possible.push_back(rule.size_class);
    if (o.result == Tri::Undetermined) merge_missing(missing, o.trace["missing"]);
    if (o.result == Tri::Met) settled = true;
  }
  if (!settled) r.possible.push_back("micro");
  r.missing = r.possible.size() == 1 ? json::array() : missing;
  return r;
}

const SizeIndustry* rules_of(const Policy& standard, const std::string& industry) {
  for (const auto& ind : standard.industries) {
    if (ind.industry == industry) return &ind;
  }
  return nullptr;
}

}  // namespace

json classify_size(const Profile& profile, const Policy& standard) {
  json out{{"policy", standard.id}, {"doc_no", standard.doc_no}};
  auto industry = profile.text("industry");
  IndustryClass r;
  if (industry) {
    const SizeIndustry* rules = rules_of(standard, *industry);
    r = classify_in(profile, rules);
    out["industry"] = *industry;
    if (rules) out["industry_label"] = rules->label;
  } else {
    // Unknown industry: a class is possible if it is possible in some industry of the format, so
    // figures below every industry's large-enterprise limits make a sure SME (and the class is
    // decided when every industry gives the same one).
    bool seen[4] = {false, false, false, false};
    json missing = json::array({"industry"});
    for (const auto& value : find_field("industry")->values) {
      IndustryClass one = classify_in(profile, rules_of(standard, value));
      for (const auto& c : one.possible) {
        for (int k = 0; k < 4; ++k) seen[k] = seen[k] || c == kClasses[k];
      }
      merge_missing(missing, one.missing);
    }
    for (int k = 0; k < 4; ++k) {
      if (seen[k]) r.possible.push_back(kClasses[k]);
    }
    r.missing = r.possible.size() == 1 ? json::array() : missing;
    out["industry"] = nullptr;
  }
  std::string cls = r.possible.size() == 1 ? r.possible[0].get<std::string>() : "undetermined";
  out["class"] = cls;
  out["label"] = size_class_label(cls);
  out["possible"] = r.possible;
  out["missing"] = r.missing;
  out["rules"] = r.traces;
  bool can_be_large = false, can_be_sme = false;
  for (const auto& p : r.possible) (p == "large" ? can_be_large : can_be_sme) = true;
  out["is_sme"] = can_be_large && can_be_sme ? json(nullptr) : json(can_be_sme);
  return out;
}

}  // namespace srdi
