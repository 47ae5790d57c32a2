#include "core/engine.hpp"

#include <exception>

#include "core/evaluate.hpp"
#include "core/size_class.hpp"

#ifndef SRDI_VERSION
#define SRDI_VERSION "0.0.0"
#endif

namespace srdi {

const char* engine_version() { return SRDI_VERSION; }

json errors_json(const std::vector<Error>& errors) {
  json list = json::array();
  for (const auto& e : errors) {
    list.push_back(json{{"code", e.code}, {"path", e.path}, {"message", e.message}, {"source", e.source}});
  }
  return json{{"errors", list}};
}

namespace {

json policy_meta(const Policy& p) {
  return json{{"id", p.id},           {"file", p.file},
              {"title", p.title},     {"issuer", p.issuer},
              {"doc_no", p.doc_no},   {"status", p.status},
              {"kind", p.kind},       {"valid_from", p.valid_from.iso()},
              {"valid_to", p.valid_to ? json(p.valid_to->iso()) : json(nullptr)}};
}

bool valid_on(const Policy& p, const Date& d) { return p.valid_from <= d && (!p.valid_to || d <= *p.valid_to); }

json tier_result(const Tier& tier, const Policy& policy, const Profile& profile) {
  Evaluator ev(profile);
  std::map<std::string, ScoreResult> scores;
  json score_traces = json::array();
  for (const auto& table : tier.scores) {
    scores[table.id] = ev.score(table);
    score_traces.push_back(scores[table.id].trace);
  }
  Outcome o = ev.criterion(tier.criterion, scores);
  json t{{"id", tier.id},
         {"tier", tier.tier},
         {"title", tier.title},
         {"version", policy.version},
         {"policy", policy.id},
         {"doc_no", policy.doc_no},
         {"status", policy.status},
         {"verdict", o.result == Tri::Met ? "eligible" : (o.result == Tri::NotMet ? "not_eligible" : "undetermined")},
         {"criteria", o.trace},
         {"missing", o.result == Tri::Undetermined ? o.trace["missing"] : json::array()}};
  t["scores"] = score_traces;
  if (!tier.scores.empty()) {
    const ScoreResult& first = scores[tier.scores.front().id];
    t["score"] = json{{"min", first.total.min}, {"max", first.total.max}};
  } else {
    t["score"] = nullptr;
  }
  return t;
}

}  // namespace

void check_criteria(const std::string& criteria, const PolicySet& policies, const std::string& path) {
  if (criteria.empty()) return;
  std::string known;
  for (const auto& p : policies.policies) {
    if (p.kind != "tiers") continue;
    if (p.version == criteria) return;
    if (known.find(p.version) == std::string::npos) known += (known.empty() ? "" : "、") + p.version;
  }
  throw LoadFailure({Error{"options.bad_criteria", path,
                           "认定标准版本“" + criteria + "”无效" + (known.empty() ? "" : "，可选：" + known), "options"}});
}

Options parse_options(std::string_view text, Date today, const PolicySet& policies) {
  Options o{today, ""};
  if (text.empty()) return o;
  StrictDocument doc = parse_strict_json(text, "options");
  if (!doc.value.is_object()) {
    throw LoadFailure({Error{"options.wrong_type", "", "选项应为一个 JSON 对象", "options"}});
  }
  for (const auto& [key, value] : doc.value.items()) {
    std::string path = "/" + pointer_token(key);
    if (key == "as_of") {
      if (value.is_null()) continue;
      auto d = value.is_string() ? parse_date(value.get<std::string>()) : std::nullopt;
      if (!d) throw LoadFailure({Error{"options.bad_date", path, "评估日期应为 YYYY-MM-DD 格式的有效日期", "options"}});
      o.as_of = *d;
    } else if (key == "criteria") {
      if (value.is_null()) continue;
      if (!value.is_string()) throw LoadFailure({Error{"options.wrong_type", path, "认定标准版本应为文字", "options"}});
      o.criteria = value.get<std::string>() == "auto" ? "" : value.get<std::string>();
      check_criteria(o.criteria, policies, path);
    } else {
      throw LoadFailure({Error{"options.unknown_key", path, "未知选项“" + key + "”", "options"}});
    }
  }
  return o;
}

json evaluate(const Profile& profile, const Options& options, const PolicySet& policies) {
  json result;
  result["engine"] = json{{"name", "srdi"}, {"version", engine_version()}};
  result["as_of"] = options.as_of.iso();
  json enterprise = json::object();
  for (const char* k : {"name", "city", "industry"}) {
    auto v = profile.text(k);
    enterprise[k] = v ? json(*v) : json(nullptr);
  }
  result["enterprise"] = enterprise;
  json used = json::array();
  const Policy* standard = policies.size_standard();
  result["size"] = classify_size(profile, *standard);
  used.push_back(policy_meta(*standard));

  // Tier policies: the version asked for, or else those in force on the evaluation date.
  json tiers = json::array();
  std::string version;
  for (const auto& p : policies.policies) {
    if (p.kind != "tiers") continue;
    bool chosen = options.criteria.empty() ? valid_on(p, options.as_of) : p.version == options.criteria;
    if (!chosen) continue;
    for (const auto& tier : p.tiers) tiers.push_back(tier_result(tier, p, profile));
    used.push_back(policy_meta(p));
  }
  result["criteria"] = json{{"requested", options.criteria.empty() ? "auto" : options.criteria}};
  result["tiers"] = tiers;
  result["policies"] = used;
  return result;
}

Response evaluate_request(std::string_view profile_text, const Options& options) {
  try {
    const PolicySet& policies = bundled_policies();
    check_criteria(options.criteria, policies, "/criteria");
    Profile profile = load_profile(profile_text);
    return Response{true, evaluate(profile, options, policies)};
  } catch (const LoadFailure& f) {
    return Response{false, errors_json(f.errors)};
  } catch (const ArithmeticOverflow&) {
    return Response{false, errors_json({Error{"engine.overflow", "", "数值过大，无法精确计算", "engine"}})};
  } catch (const std::exception& e) {
    return Response{false, errors_json({Error{"engine.internal", "", std::string("内部错误：") + e.what(), "engine"}})};
  }
}

Response evaluate_request(std::string_view profile_text, std::string_view options_text) {
  try {
    Options o = parse_options(options_text, today_local(), bundled_policies());
    return evaluate_request(profile_text, o);
  } catch (const LoadFailure& f) {
    return Response{false, errors_json(f.errors)};
  } catch (const std::exception& e) {
    return Response{false, errors_json({Error{"engine.internal", "", std::string("内部错误：") + e.what(), "engine"}})};
  }
}

json policies_json(const PolicySet& policies) {
  json list = json::array();
  for (const auto& p : policies.policies) {
    json m = policy_meta(p);
    if (p.kind == "tiers") m["version"] = p.version;
    list.push_back(m);
  }
  return list;
}

}  // namespace srdi
