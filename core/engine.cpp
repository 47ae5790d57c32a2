#include "core/engine.hpp"

#include <algorithm>
#include <exception>
#include <functional>
#include <optional>
#include <set>

#include "core/awards.hpp"
#include "core/evaluate.hpp"
#include "core/evaluator.hpp"
#include "core/metrics.hpp"

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
void inline_refs(json& n, const json& table) {
  if (n.is_object()) {
    for (auto& [key, value] : n.items()) {
      if ((key == "citation" || key == "stacking_citation") && value.is_number_integer()) {
        value = table.at(value.get<std::size_t>());
      } else {
        inline_refs(value, table);
      }
    }
  } else if (n.is_array()) {
    for (auto& v : n) inline_refs(v, table);
  }
}
}  // namespace

json inline_citations(json result) {
  if (!result.is_object() || !result.contains("citations")) return result;
  json table = std::move(result["citations"]);
  result.erase("citations");
  inline_refs(result, table);
  return result;
}

void check_applicant(const std::string& applicant, const std::string& path) {
  if (applicant.empty()) return;
  const auto& kinds = applicant_kinds();
  if (std::find(kinds.begin(), kinds.end(), applicant) == kinds.end()) {
    throw LoadFailure({Error{"options.bad_applicant", path,
                             "申请主体“" + applicant + "”无效，可选：enterprise、service_platform、park_operator、investor、"
                             "financial_institution、training_institution",
                             "options"}});
  }
}

namespace {

json policy_meta(const Policy& p) {
  json m{{"id", p.id},         {"file", p.file},       {"title", p.title},
         {"issuer", p.issuer}, {"doc_no", p.doc_no},   {"status", p.status},
         {"kind", policy_kind_name(p.kind)},     {"valid_from", p.start_unknown ? json(nullptr) : json(p.valid_from.iso())},
         {"valid_to", p.valid_to ? json(p.valid_to->iso()) : json(nullptr)},
         {"sha256", p.sha256.empty() ? json(nullptr) : json(p.sha256)},
         {"provenance", p.provenance.empty() ? json(nullptr) : json(p.provenance)}};
  if (p.kind == PolicyKind::Tiers) m["versions"] = p.versions;
  return m;
}

bool valid_on(const Policy& p, const Date& d) { return p.valid_from <= d && (!p.valid_to || d <= *p.valid_to); }

// A tier may outlive its document's other parts (63号's innovative table after 2026-04-01).
bool valid_on(const Policy& p, const Tier& t, const Date& d) {
  if (!t.own_validity) return valid_on(p, d);
  return p.valid_from <= d && (!t.valid_to || d <= *t.valid_to);
}

const std::vector<std::string>& versions_of(const Policy& p, const Tier& t) {
  return t.versions.empty() ? p.versions : t.versions;
}

bool has_version(const std::vector<std::string>& versions, const std::string& v) {
  return std::find(versions.begin(), versions.end(), v) != versions.end();
}

// The criteria version in force on a date: the one every tier policy in force belongs to (the
// 2022 innovative table belongs to both versions, the others to one). If the data leaves a
// choice, the most recently started policy decides.
std::string version_on(const PolicySet& set, const Date& d) {
  std::vector<std::string> common;
  const std::vector<std::string>* latest = nullptr;
  Date latest_from{0, 1, 1};
  bool first = true;
  for (const auto& p : set.policies) {
    for (const auto& t : p.tiers) {
      if (!valid_on(p, t, d)) continue;
      const auto& vs = versions_of(p, t);
      if (!latest || latest_from < p.valid_from) {
        latest = &vs;
        latest_from = p.valid_from;
      }
      if (first) {
        common = vs;
        first = false;
      } else {
        std::erase_if(common, [&](const std::string& v) { return !has_version(vs, v); });
      }
    }
  }
  if (common.size() == 1) return common.front();
  return latest ? latest->front() : "";
}

// Unmet leaves under a node that is not met: what the enterprise would have to change.
void collect_unmet(const json& n, json& out) {
  if (n["result"] != "not_met") return;
  const std::string kind = n["kind"];
  if ((kind == "all" || kind == "any" || kind == "reading") && n.contains("children")) {
    for (const auto& c : n["children"]) collect_unmet(c, out);
    return;
  }
  out.push_back(unmet_item(n));
}

const json* find_routes(const json& n) {
  if (n.value("routes", false)) return &n;
  if (n.contains("children")) {
    for (const auto& c : n["children"]) {
      if (const json* r = find_routes(c)) return r;
    }
  }
  return nullptr;
}

// For a score that falls short: each indicator's next band up, the points it would add and the
// changes that would reach it. Sorted by points added.
json improvements(const json& score_trace) {
  json list = json::array();
  for (const auto& ind : score_trace["indicators"]) {
    int now = ind["points"]["min"];
    if (now != ind["points"]["max"].get<int>() || !ind.contains("bands")) continue;  // open, or self-assessed
    const json& bands = ind["bands"];
    int max = ind["max"];
    bool sum = ind["mode"] == "sum";
    // first_match: the nearest higher band; sum: the first item not yet met (items add up to the cap).
    std::size_t current = ind.contains("band") ? ind["band"].get<std::size_t>() : bands.size();
    const json* step = nullptr;
    for (std::size_t i = 0; i < (sum ? bands.size() : std::min(current, bands.size())); ++i) {
      const json& b = bands[i];
      if (b["result"] != "not_met" || !b.contains("criterion")) continue;
      if (sum) {
        if (!step) step = &b;
      } else if (b["points"].get<int>() > now && (!step || b["points"].get<int>() < (*step)["points"].get<int>())) {
        step = &b;
      }
    }
    if (!step) continue;
    json changes = json::array();
    collect_unmet((*step)["criterion"], changes);
    int target = sum ? now + (*step)["points"].get<int>() : (*step)["points"].get<int>();
    int adds = std::min(target, max) - now;
    if (adds <= 0) continue;
    list.push_back(json{{"indicator", ind["id"]},
                        {"title", ind["title"]},
                        {"from_points", now},
                        {"to_points", now + adds},
                        {"adds", adds},
                        {"band", step->value("label", "")},
                        {"changes", changes}});
  }
  std::stable_sort(list.begin(), list.end(), [](const json& a, const json& b) { return a["adds"] > b["adds"]; });
  return list;
}


json tier_result(const Screener::ExplainedTier& e, const std::string& version, const PolicySet& policies, const Date& as_of,
                 Citations& cites) {
  const Tier& tier = *e.tier;
  const Policy& policy = *e.policy;
  const Tri result = e.result;
  json score_traces = json(e.scores);
  // Each contested reading met on the way: its options' verdicts.
  json readings = json::object();  // by reading id
  for (const auto& ro : e.readings) {
    const Reading& r = *policies.reading(ro.id);
    json outcomes = json::array();
    bool differs = false;
    for (std::size_t i = 0; i < r.options.size(); ++i) {
      const auto& opt = r.options[i];
      differs = differs || ro.verdicts[i] != result;
      outcomes.push_back(json{{"option", opt.id}, {"label", opt.label}, {"verdict", verdict_name(verdict_of(ro.verdicts[i]))},
                              {"citation", cites.ref(opt.citation)}});
    }
    readings[ro.id] = json{{"question", r.question},
                           {"option", ro.option},
                           {"option_label", r.option(ro.option)->label},
                           {"chosen_by", ro.by_request ? "request" : "default"},
                           {"decisive", differs},
                           {"outcomes", std::move(outcomes)}};
  }
  const json& trace = e.criteria;
  json t = json::object();
  t["id"] = tier.id;
  t["tier"] = tier.tier;
  t["title"] = tier.title;
  t["rung"] = tier.rung;
  t["version"] = version;
  t["policy"] = policy.id;
  t["doc_no"] = policy.doc_no;
  t["status"] = policy.status;
  t["in_force"] = valid_on(policy, tier, as_of);
  // A verdict that depends on a reading the sources do not settle is never stated as fact.
  t["verdict"] = verdict_name(verdict_of(result, e.contested));
  t["verdict_default_reading"] = verdict_name(verdict_of(result));
  t["missing"] = result == Tri::Undetermined ? trace["missing"] : json::array();
  t["purpose"] = e.renewal ? "renewal" : "new";
  if (e.substituted && tier.renewal_for) {
    t["renewal_rule"] = json{{"citation", cites.ref(tier.renewal_for->citation)}, {"note", tier.renewal_for->note}};
  }
  t["readings"] = std::move(readings);
  if (!tier.note.empty()) t["note"] = tier.note;
  if (tier.apply) t["apply"] = apply_json(*tier.apply, &cites, &as_of);
  if (tier.grants && tier.grants->kind == Criterion::Kind::Holds) {
    t["grants_title"] = tier.grants->holds;
    if (tier.grants->levels.size() == 1) t["grants_level"] = tier.grants->levels.front();
  }
  t["score"] = nullptr;
  if (!tier.scores.empty()) t["score"] = json{{"min", score_traces[0]["min"]}, {"max", score_traces[0]["max"]},
                                              {"categories", score_traces[0]["categories"]}};
  json unmet = json::array();
  collect_unmet(trace, unmet);
  t["unmet"] = std::move(unmet);
  json routes = json::array();
  if (const json* r = find_routes(trace)) {
    // Which condition the routes are alternatives of (the tier's own, or one condition's, as
    // 2号 条件4: Ⅰ类知识产权 or an exemption): the route is shown under it.
    t["routes_of"] = json{{"id", (*r)["id"]}, {"title", (*r)["title"]}};
    for (const auto& c : (*r)["children"]) {
      json route{{"id", c["id"]}, {"title", c["title"]}, {"result", c["result"]}};
      json route_unmet = json::array();
      collect_unmet(c, route_unmet);
      route["unmet"] = std::move(route_unmet);
      if (c["result"] == "undetermined") route["missing"] = c["missing"];
      routes.push_back(std::move(route));
      if (result == Tri::Met && r->contains("decided_by") && (*r)["decided_by"] == c["id"]) {
        t["route"] = json{{"id", c["id"]}, {"title", c["title"]}};
      }
    }
  }
  t["routes"] = std::move(routes);
  if (!tier.scores.empty() && result != Tri::Met) t["improvements"] = improvements(score_traces[0]);
  t["criteria"] = trace;
  t["scores"] = std::move(score_traces);
  return t;
}

}  // namespace

std::vector<SelectedTier> select_tiers(const PolicySet& policies, const std::string& version, const Options& options) {
  std::vector<SelectedTier> out;
  if (version.empty()) return out;
  auto renewing = [&](const Tier& t) {
    return std::find(options.renewal.begin(), options.renewal.end(), t.tier) != options.renewal.end();
  };
  for (const auto& p : policies.policies) {
    for (const auto& tier : p.tiers) {
      if (!has_version(versions_of(p, tier), version)) continue;
      SelectedTier s{&p, &tier, renewing(tier), false, options.readings};
      if (s.renewal) {
        for (const auto& q : policies.policies) {
          for (const auto& other : q.tiers) {
            const auto& use = other.renewal_for;
            if (&other == &tier || other.tier != tier.tier || !use || !has_version(use->versions, version)) continue;
            if (use->from <= options.as_of && options.as_of <= use->to) {
              s.policy = &q;
              s.tier = &other;
              s.substituted = true;
            }
          }
        }
      }
      s.choice[kPurposeReading] = s.renewal ? "renewal" : "new";
      out.push_back(std::move(s));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const SelectedTier& a, const SelectedTier& b) { return a.tier->rung < b.tier->rung; });
  return out;
}

std::string criteria_version_on(const PolicySet& policies, const Date& date) { return version_on(policies, date); }

bool tier_in_version(const Policy& policy, const Tier& tier, const std::string& version) {
  return has_version(versions_of(policy, tier), version);
}

void check_criteria(const std::string& criteria, const PolicySet& policies, const std::string& path) {
  if (criteria.empty()) return;
  std::vector<std::string> known;
  for (const auto& p : policies.policies) {
    for (const auto& t : p.tiers) {
      if (has_version(versions_of(p, t), criteria)) return;
      for (const auto& v : versions_of(p, t)) {
        if (std::find(known.begin(), known.end(), v) == known.end()) known.push_back(v);
      }
    }
  }
  std::string list;
  for (const auto& v : known) list += (list.empty() ? "" : "、") + v;
  throw LoadFailure({Error{"options.bad_criteria", path,
                           "认定标准版本“" + criteria + "”无效" + (list.empty() ? "" : "，可选：" + list + " 或 auto"),
                           "options"}});
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
    } else if (key == "applicant") {
      if (value.is_null()) continue;
      if (!value.is_string()) throw LoadFailure({Error{"options.wrong_type", path, "申请主体应为文字", "options"}});
      o.applicant = value.get<std::string>();
      check_applicant(o.applicant, path);
    } else if (key == "criteria") {
      if (value.is_null()) continue;
      if (!value.is_string()) throw LoadFailure({Error{"options.wrong_type", path, "认定标准版本应为文字", "options"}});
      o.criteria = value.get<std::string>() == "auto" ? "" : value.get<std::string>();
      check_criteria(o.criteria, policies, path);
    } else if (key == "renewal") {
      if (value.is_null()) continue;
      if (!value.is_array()) throw LoadFailure({Error{"options.wrong_type", path, "复核的层级应为列表", "options"}});
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (!value[i].is_string()) {
          throw LoadFailure({Error{"options.wrong_type", path + "/" + std::to_string(i), "复核的层级应为文字", "options"}});
        }
        o.renewal.push_back(value[i].get<std::string>());
      }
    } else if (key == "readings") {
      if (value.is_null()) continue;
      if (!value.is_object()) throw LoadFailure({Error{"options.wrong_type", path, "读法应为对象（读法编号 → 选项）", "options"}});
      for (const auto& [rid, opt] : value.items()) {
        if (!opt.is_string()) {
          throw LoadFailure({Error{"options.wrong_type", path + "/" + pointer_token(rid), "读法的选项应为文字", "options"}});
        }
        o.readings[rid] = opt.get<std::string>();
      }
    } else {
      throw LoadFailure({Error{"options.unknown_key", path, "未知选项“" + key + "”", "options"}});
    }
  }
  check_request_choices(o, policies);
  return o;
}

void check_request_choices(const Options& o, const PolicySet& policies) {
  std::vector<std::string> kinds;
  for (const auto& p : policies.policies) {
    for (const auto& t : p.tiers) {
      if (std::find(kinds.begin(), kinds.end(), t.tier) == kinds.end()) kinds.push_back(t.tier);
    }
  }
  for (std::size_t i = 0; i < o.renewal.size(); ++i) {
    if (std::find(kinds.begin(), kinds.end(), o.renewal[i]) == kinds.end()) {
      std::string list;
      for (const auto& k : kinds) list += (list.empty() ? "" : "、") + k;
      throw LoadFailure({Error{"options.bad_renewal", "/renewal/" + std::to_string(i),
                               "复核的层级“" + o.renewal[i] + "”无效，可选：" + list, "options"}});
    }
  }
  for (const auto& [rid, opt] : o.readings) {
    const Reading* r = rid == kPurposeReading ? nullptr : policies.reading(rid);
    std::string path = "/readings/" + pointer_token(rid);
    if (!r) throw LoadFailure({Error{"options.bad_reading", path, "没有编号为“" + rid + "”的有争议读法", "options"}});
    if (!r->option(opt)) {
      std::string list;
      for (const auto& x : r->options) list += (list.empty() ? "" : "、") + x.id;
      throw LoadFailure({Error{"options.bad_reading", path, "读法“" + rid + "”没有选项“" + opt + "”，可选：" + list, "options"}});
    }
  }
}

json criteria_versions_json(const PolicySet& set);  // below, with the schema

namespace {
// The result without its citation table: `cites` collects the citations it refers to.
// The figures a bank or a bureau reads first (docs/output-format.md, `key_figures`), each from
// the metric catalogue, exact. A choice of presentation, not a rule: no verdict rests on it.
json key_figures(const Profile& profile) {
  static constexpr const char* kNames[] = {"rd_ratio.last", "main_business_share.last", "debt_ratio",
                                           "revenue_growth.last", "main_business_growth.avg2"};
  const FactLookup lookup = [&](std::string_view name) { return profile.fact(name); };
  json out = json::array();
  for (const char* name : kNames) {
    const MetricDef* def = find_metric(name);
    if (!def) continue;
    MetricValue v = compute_metric(*def, lookup);
    json k{{"metric", name}, {"label", def->label}, {"formula", def->formula}};
    k["value"] = v.state == MetricValue::State::Known ? json(format_metric_value(*def, v)) : json(nullptr);
    k["missing"] = v.missing;
    if (v.state == MetricValue::State::Infinite || v.state == MetricValue::State::Undefined) k["note"] = "分母为零，无法计算";
    out.push_back(std::move(k));
  }
  return out;
}

// A criteria version in words, as the schema's criteria_versions name it ("2026年标准（工信部企业〔2026〕2号）").
json criteria_version_label(const PolicySet& set, const std::string& version) {
  for (const auto& v : criteria_versions_json(set)) {
    if (v["id"] == version) return v["label"];
  }
  return nullptr;
}

// A tier's result as the later steps read it (the ladder, 无需申请, the next step, prerequisites,
// the awards' rungs); `body` is what the result shows of it.
struct TierEntry {
  const Tier* tier = nullptr;
  Verdict verdict = Verdict::Undetermined;
  bool renewal = false;             // judged as a renewal (复核)
  std::optional<bool> held;         // the title it grants, held on the evaluation date (unknown: nullopt)
  json body;
  bool not_needed = false;          // a higher title is held: no need to apply
};

json evaluate_with(const Profile& loaded, const Options& options, const PolicySet& policies, Citations& cites,
                   const Screener* compiled = nullptr) {
  Profile profile = with_evaluation_facts(loaded, options.as_of);
  json result;
  result["engine"] = json{{"name", "srdi"}, {"version", engine_version()}};
  result["format"] = kOutputFormat;
  result["as_of"] = options.as_of.iso();
  json enterprise = json::object();
  for (const char* k : {"name", "city", "industry"}) {
    auto v = profile.text(k);
    enterprise[k] = v ? json(*v) : json(nullptr);
  }
  result["enterprise"] = enterprise;
  result["key_figures"] = key_figures(profile);
  json used = json::array();
  // The request's tiers, compiled (or compiled once for a batch under the same options).
  std::optional<Screener> own;
  if (!compiled) own.emplace(policies, options);
  const Screener& engine = compiled ? *compiled : *own;
  Screener::Explanation explained = engine.explain(profile, &cites);
  json& size = explained.size;
  used.push_back(policy_meta(*policies.size_standard()));

  json notices = json::array();
  if (size["is_sme"] == false) {
    notices.push_back(json{{"code", "large_enterprise"},
                           {"text", "按划型标准属于大型企业，不属于中小企业，不能参加优质中小企业梯度培育（以下各层级均不符合）。"}});
  } else if (size["is_sme"].is_null()) {
    notices.push_back(json{{"code", "size_undetermined"},
                           {"text", "企业规模尚不能确定：若为大型企业，则不能参加梯度培育。"}});
  }

  // This year's events that report a new recognition (not marked a renewal) of a title `holds`
  // knows: the title and its words, else null.
  auto new_recognition = [](const Event& e) -> const std::pair<const std::string, std::string>* {
    const EventValue* title = e.get("title");
    const EventValue* renewal = e.get("renewal");
    if (e.type != "recognition" || !title || (renewal && renewal->flag && *renewal->flag)) return nullptr;
    auto word = holding_title_words().find(title->text);
    return word == holding_title_words().end() ? nullptr : &*word;
  };
  // A recognition reported as new for a title already held since an earlier year is most likely
  // a 复核 or a re-recognition on expiry, which most award texts pay differently (or not at all).
  for (const auto& e : profile.events) {
    const auto* word = new_recognition(e);
    if (!word || !profile.holds) continue;
    for (const auto& h : *profile.holds) {
      if (h.title != word->first || !h.since || h.since->year >= options.as_of.year) continue;
      notices.push_back(json{{"code", "event_title_already_held"},
                             {"text", "本年度事项填写了新获认定“" + word->second + "”，但“已获称号”中该称号的认定日期为 " +
                                          h.since->iso() + "：若本次是复核或到期重新认定，请在该事项中将“复核或到期重新认定”选为“是”，"
                                          "各地对新认定与复核的奖励规定不同。"}});
      break;
    }
  }

  // A new recognition entered as this year's event for a title that `holds` does not list: the
  // ladder still judges the firm as not holding it (next step: apply for it), so say where to
  // enter it. Only when `holds` is given (unknown holds is asked for anyway).
  if (profile.holds) {
    for (const auto& e : profile.events) {
      const auto* word = new_recognition(e);
      if (!word) continue;
      // Listed in any year: one of an earlier year has its own notice (event_title_already_held).
      const bool listed = std::any_of(profile.holds->begin(), profile.holds->end(),
                                      [&](const Holding& h) { return h.title == word->first; });
      if (listed) continue;
      notices.push_back(json{{"code", "event_title_not_held"},
                             {"text", "本年度事项填写了新获认定“" + word->second + "”，但“已获称号”中没有该称号："
                                          "已获认定的，请在“已获称号”中填写认定日期，以上各层级的结论和下一步才会按已持有判断。"}});
      break;
    }
  }

  std::string version = options.criteria.empty() ? version_on(policies, options.as_of) : options.criteria;
  std::vector<TierEntry> tiers;
  json documents = json::array();
  std::vector<const Policy*> tier_policies;
  for (const auto& e : explained.tiers) {
    const Policy& p = *e.policy;
    const Tier& tier = *e.tier;
    tiers.push_back(TierEntry{&tier, verdict_of(e.result, e.contested), e.renewal, std::nullopt,
                              tier_result(e, version, policies, options.as_of, cites)});
    if (e.substituted) {
      notices.push_back(json{{"code", "renewal_by_other_version"},
                             {"text", tier.title + "的复核按" + p.doc_no + "的认定标准判断（" +
                                          tier.renewal_for->citation.doc + "）。"}});
    } else if (!valid_on(p, tier, options.as_of)) {
      notices.push_back(json{{"code", "policy_not_in_force"},
                             {"text", tier.title + "的认定标准（" + p.doc_no + "）在评估日期 " + options.as_of.iso() +
                                          " 不在有效期内；按所选标准版本仍作计算，仅供参考（如复核）。"}});
    }
    if (std::find(tier_policies.begin(), tier_policies.end(), &p) == tier_policies.end()) tier_policies.push_back(&p);
  }
  // Criteria chosen by the date that another version replaces later in the same year: this
  // year's applications made after the switch are judged by the new one (2号 from 2026-04-01).
  if (options.criteria.empty()) {
    for (const auto& p : policies.policies) {
      if (p.kind != PolicyKind::Tiers || !(options.as_of < p.valid_from) || p.valid_from.year != options.as_of.year) continue;
      if (std::find(tier_policies.begin(), tier_policies.end(), &p) != tier_policies.end()) continue;
      notices.push_back(json{{"code", "criteria_change_ahead"},
                             {"text", p.doc_no + "自 " + p.valid_from.iso() + " 起施行：本年度在此之后提出的新申请按新标准评审，"
                                          "以上结论按评估日期适用的标准得出；可改选认定标准版本查看按新标准的结论。"}});
    }
  }
  for (const auto& p : policies.policies) {  // in the policy set's order, as before
    if (std::find(tier_policies.begin(), tier_policies.end(), &p) == tier_policies.end()) continue;
    used.push_back(policy_meta(p));
    documents.push_back(p.doc_no);
  }

  // The ladder: each rung, whether its title is held, and the first step to take.
  json ladder = json::array();
  json next = nullptr;
  int top_held = 0;  // the highest rung held: a lapsed lower title is no step back up the ladder
  for (std::size_t i = 0; i < tiers.size(); ++i) {
    TierEntry& t = tiers[i];
    const Screener::ExplainedTier& e = explained.tiers[i];
    if (e.grants && e.held != Tri::Undetermined) t.held = e.held == Tri::Met;
    const json held = t.held ? json(*t.held) : json(nullptr);
    ladder.push_back(json{{"rung", t.tier->rung}, {"id", t.tier->id}, {"title", t.tier->title},
                          {"verdict", verdict_name(t.verdict)}, {"held", held}});
    t.body["held"] = held;
    if (t.held == true) top_held = std::max(top_held, t.tier->rung);
  }
  // A higher title held makes a lower rung unnecessary, never failed: its own verdict stays.
  // Not while a higher rung is being renewed: its 复核 may ask for the lower title in force
  // (2号: 为有效期内的科技和创新型 / 专精特新中小企业), so the lower title may well be needed.
  auto higher_renewed = [&](int rung) {
    return std::any_of(tiers.begin(), tiers.end(), [&](const TierEntry& o) { return o.tier->rung > rung && o.renewal; });
  };
  // The titles a criterion asks to hold, through refs (a tier's grants: the lower title; a
  // higher tier's test: whether it asks for the lower title, as 2号 条件1 does).
  std::function<void(const Criterion&, std::set<std::string>&)> held_titles = [&](const Criterion& c, std::set<std::string>& out) {
    if (c.kind == Criterion::Kind::Holds) out.insert(c.holds);
    if (c.kind == Criterion::Kind::Ref) {
      if (const Criterion* d = policies.definition(c.ref)) held_titles(*d, out);
    }
    for (const auto& k : c.children) held_titles(k, out);  // a reading's options are its children
  };
  for (auto& t : tiers) {
    const Tier* tier = t.tier;
    if (t.held == true || tier->rung >= top_held || higher_renewed(tier->rung)) continue;
    for (const auto& o : tiers) {
      const Tier* other = o.tier;
      if (other->rung > tier->rung && o.held == true) {
        std::string text = "已持有有效期内的" + other->title + "称号，无需申请" + tier->title + "；以上为本层级自身条件的判断";
        std::set<std::string> lower, asked;
        if (tier->grants) held_titles(*tier->grants, lower);
        held_titles(other->criterion, asked);
        const bool asks_lower = std::any_of(lower.begin(), lower.end(), [&](const std::string& x) { return asked.count(x) > 0; });
        // The higher title's own conditions ask for the lower one (2号: 为有效期内的科技和创新型 /
        // 专精特新中小企业): at its 复核 the lower title may well be needed again.
        if (asks_lower) text += "。但" + other->title + "的认定条件涉及持有有效期内的" + tier->title + "称号，到期复核时可能仍须持有";
        t.body["not_needed"] = json{{"held_tier", other->id}, {"held_title", other->title}, {"text", text}};
        if (asks_lower) t.body["not_needed"]["renewal_caution"] = true;
        t.not_needed = true;
        break;
      }
    }
  }
  for (auto& l : ladder) {
    for (const auto& t : tiers) {
      if (t.tier->id == l["id"] && t.not_needed) l["not_needed"] = true;
    }
  }
  for (const auto& t : tiers) {
    const Tier* tier = t.tier;
    if (tier->rung <= top_held) continue;
    if (next.is_null() && t.held != true) {
      const std::string text = t.verdict == Verdict::Eligible      ? "可以申请" + tier->title
                               : t.verdict == Verdict::NotEligible ? "先满足" + tier->title + "的条件"
                               : t.verdict == Verdict::Contested
                                   ? "能否申请" + tier->title + "取决于有争议的读法（见各读法的结果），请以申报通知为准"
                                   : "补充信息后判断能否申请" + tier->title;
      next = json{{"rung", tier->rung}, {"id", tier->id}, {"title", tier->title}, {"verdict", verdict_name(t.verdict)},
                  {"text", text}};
    }
  }
  // A tier whose prerequisite title is missing points to the rung that grants it.
  json tier_list = json::array();
  for (auto& t : tiers) {
    json prereq = json::array();
    for (const auto& u : t.body["unmet"]) {
      if (u["kind"] != "holds") continue;
      for (const auto& o : tiers) {
        const Tier* other = o.tier;
        bool grants_title = other->grants && other->grants->kind == Criterion::Kind::Holds &&
                            u.contains("holds") && u["holds"] == other->grants->holds;
        if (!grants_title || other == t.tier) continue;
        prereq.push_back(json{{"criterion", u["id"]},
                              {"granted_by", other->id},
                              {"granted_by_title", other->title},
                              {"granted_by_verdict", verdict_name(o.verdict)},
                              {"text", "须先取得" + other->title + "称号；本次评估该层级" + verdict_label(o.verdict) +
                                           (o.verdict == Verdict::Eligible ? "，可先申请" : "")}});
      }
    }
    if (!prereq.empty()) t.body["prerequisites"] = std::move(prereq);
  }
  // The awards read only what each rung grants and its verdict.
  std::vector<RungBrief> rungs;
  for (const auto& t : tiers) {
    if (!consulted_by_awards(t.held, t.renewal)) continue;
    rungs.push_back(RungBrief{t.tier, t.verdict, t.renewal});
  }
  for (auto& t : tiers) tier_list.push_back(std::move(t.body));
  result["criteria"] = json{{"requested", options.criteria.empty() ? "auto" : options.criteria},
                            {"version", version.empty() ? json(nullptr) : json(version)},
                            {"label", version.empty() ? json(nullptr) : criteria_version_label(policies, version)},
                            {"chosen_by", options.criteria.empty() ? "as_of" : "request"},
                            {"documents", documents}};
  result["notices"] = std::move(notices);
  result["size"] = size;  // copied: the awards still read it through ctx
  result["tiers"] = std::move(tier_list);
  result["ladder"] = std::move(ladder);
  result["next_step"] = std::move(next);
  auto city = profile.text("city");
  std::string applicant = !options.applicant.empty() ? options.applicant : profile.text("applicant").value_or("enterprise");
  // The awards see the readings the request chose (a measure may rest on a contested reading).
  AwardContext award_ctx{options.as_of, &policies, &options.readings, engine.checker(profile, false, &cites), &cites};
  result["awards"] = evaluate_awards(profile, AwardRequest{city.value_or(""), applicant}, policies, award_ctx, rungs);
  for (const auto& d : result["awards"]["documents"]) {
    for (const auto& p : policies.policies) {
      if (p.id == d["policy"]) used.push_back(policy_meta(p));
    }
  }
  result["policies"] = std::move(used);
  return result;
}
}  // namespace

json evaluate(const Profile& loaded, const Options& options, const PolicySet& policies) {
  Citations cites;
  json result = evaluate_with(loaded, options, policies, cites);
  result["citations"] = cites.table();
  return result;
}

json tier_unmet(const Profile& loaded, const Options& options, const Screener& compiled, const std::string& tier_id) {
  Citations cites;  // referred to by index, never read: cheaper than inline citations
  return compiled.unmet(with_evaluation_facts(loaded, options.as_of), tier_id, &cites);
}

json evaluate(const Profile& loaded, const Options& options, const PolicySet& policies, const Screener& compiled) {
  Citations cites;
  json result = evaluate_with(loaded, options, policies, cites, &compiled);
  result["citations"] = cites.table();
  return result;
}

json compare(const Profile& loaded, const Options& options, const PolicySet& policies) {
  json out{{"engine", json{{"name", "srdi"}, {"version", engine_version()}}}, {"as_of", options.as_of.iso()}};
  out["format"] = kOutputFormat;
  Citations cites;  // one table for every city
  json cities = json::array();
  std::string applicant;
  for (const auto& [id, name] : award_cities(policies)) {
    Profile p = loaded;
    Fact city;
    city.kind = Fact::Kind::Text;
    city.text = id;
    p.facts["city"] = city;
    json r = evaluate_with(p, options, policies, cites);
    applicant = r["awards"]["applicant"];
    json entry = json::object();
    entry["city"] = id;
    entry["name"] = name;
    entry["awards"] = std::move(r["awards"]);
    cities.push_back(std::move(entry));
  }
  out["applicant"] = applicant;
  out["cities"] = std::move(cities);
  out["note"] = "各城市的金额分别依据各自的政策文件计算，不跨城市相加。";
  out["citations"] = cites.table();
  return out;
}

namespace {
// The one path of every request: check the options, load the profile, run `body`; errors come
// back structured, never as exceptions.
Response run_request(std::string_view profile_text, const Options& options, const PolicySet& policies,
                     json (*body)(const Profile&, const Options&, const PolicySet&)) {
  return guarded_response([&] {
    check_criteria(options.criteria, policies, "/criteria");
    check_applicant(options.applicant, "/applicant");
    check_request_choices(options, policies);
    return body(load_profile(profile_text, options.as_of), options, policies);
  });
}

Response run_request(std::string_view profile_text, std::string_view options_text, const PolicySet& policies,
                     json (*body)(const Profile&, const Options&, const PolicySet&)) {
  Options o;
  Response bad = guarded_response([&] {
    o = parse_options(options_text, today_local(), policies);
    return json();
  });
  return bad.ok ? run_request(profile_text, o, policies, body) : bad;
}
}  // namespace

Response evaluate_request(std::string_view profile_text, const Options& options) {
  return run_request(profile_text, options, active_policies(), &evaluate);
}

Response compare_request(std::string_view profile_text, const Options& options) {
  return run_request(profile_text, options, active_policies(), &compare);
}

Response evaluate_request(std::string_view profile_text, std::string_view options_text) {
  return run_request(profile_text, options_text, active_policies(), &evaluate);
}

Response compare_request(std::string_view profile_text, std::string_view options_text) {
  return run_request(profile_text, options_text, active_policies(), &compare);
}

Response evaluate_request(std::string_view profile_text, std::string_view options_text, const PolicySet& policies) {
  return run_request(profile_text, options_text, policies, &evaluate);
}

json policies_json(const PolicySet& policies) {
  json list = json::array();
  for (const auto& p : policies.policies) list.push_back(policy_meta(p));
  return list;
}

namespace {
const char* field_kind_name(FieldKind k) {
  switch (k) {
    case FieldKind::Money: return "money";
    case FieldKind::SignedMoney: return "signed_money";
    case FieldKind::Count: return "count";
    case FieldKind::Rank: return "rank";
    case FieldKind::IntRange: return "int_range";
    case FieldKind::Percent: return "percent";
    case FieldKind::Score: return "score";
    case FieldKind::Bool: return "bool";
    case FieldKind::Enum: return "enum";
    case FieldKind::Text: return "text";
  }
  return "text";
}

const char* param_kind_name(ParamKind k) {
  switch (k) {
    case ParamKind::Enum: return "enum";
    case ParamKind::Money: return "money";
    case ParamKind::Count: return "count";
    case ParamKind::Rank: return "rank";
    case ParamKind::Bool: return "bool";
    case ParamKind::Percent: return "percent";
  }
  return "enum";
}
}  // namespace

// The criteria versions a request may name, each with the date from which `auto` chooses it (the
// latest start among its documents) and a label from that year and that document.
json criteria_versions_json(const PolicySet& set) {
  std::vector<std::string> order;
  std::map<std::string, const Policy*> latest;
  for (const auto& p : set.policies) {
    for (const auto& t : p.tiers) {
      for (const auto& v : versions_of(p, t)) {
        if (std::find(order.begin(), order.end(), v) == order.end()) order.push_back(v);
        const Policy*& l = latest[v];
        if (!l || l->valid_from < p.valid_from) l = &p;
      }
    }
  }
  json out = json::array();
  for (const auto& v : order) {
    const Policy& p = *latest[v];
    json from = p.start_unknown ? json(nullptr) : json(p.valid_from.iso());
    std::string label = (p.start_unknown ? v : std::to_string(p.valid_from.year) + "年标准") + "（" + p.doc_no + "）";
    out.push_back(json{{"id", v}, {"label", label}, {"from", from}, {"document", p.doc_no}});
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    return a["from"].is_string() && b["from"].is_string() && a["from"].get<std::string>() < b["from"].get<std::string>();
  });
  return out;
}

// The cities that have award documents: id, name with its province, and the status of its own
// documents, so that a draft or a text of unknown status is named as such wherever a city is
// offered. Cities whose documents are all published come first.
json cities_json(const PolicySet& set) {
  json out = json::array();
  for (const auto& [id, name] : award_cities(set)) {
    std::string province;
    std::vector<std::string> statuses;
    for (const auto& p : set.policies) {
      if (p.kind != PolicyKind::Awards || p.jurisdiction.id != id) continue;
      if (std::find(statuses.begin(), statuses.end(), p.status) == statuses.end()) statuses.push_back(p.status);
      for (const auto& q : set.policies) {
        if (q.kind == PolicyKind::Awards && !p.jurisdiction.parent.empty() && q.jurisdiction.id == p.jurisdiction.parent) province = q.jurisdiction.name;
      }
    }
    std::string label = province + name;
    if (std::find(statuses.begin(), statuses.end(), "draft") != statuses.end()) label += "（征求意见稿）";
    else if (std::find(statuses.begin(), statuses.end(), "unknown") != statuses.end()) label += "（发布状态不明）";
    out.push_back(json{{"id", id}, {"name", name}, {"label", label}, {"statuses", statuses}});
  }
  std::stable_sort(out.begin(), out.end(), [](const json& a, const json& b) {
    auto published = [](const json& c) { return c["statuses"] == json::array({"published"}); };
    return published(a) && !published(b);
  });
  return out;
}

namespace {
// A number's limits as the schema gives them: whole numbers as numbers, decimals as exact text.
void add_limits(json& j, const NumberLimits& limits) {
  j["decimals"] = limits.decimals;
  if (limits.decimals == 0) {
    j["min"] = static_cast<std::int64_t>(limits.min.num());
    j["max"] = static_cast<std::int64_t>(limits.max.num());
  } else {
    j["min"] = format_decimal(limits.min, limits.decimals);
    j["max"] = format_decimal(limits.max, limits.decimals);
  }
}
}  // namespace

json schema_json() {
  json fields = json::array();
  for (const auto& f : profile_fields()) {
    if (f.internal) continue;
    json j{{"name", f.name}, {"kind", field_kind_name(f.kind)}, {"label", f.label}};
    if (!f.values.empty()) j["values"] = f.values;
    if (const auto& labels = value_labels(f.name); !labels.empty()) {
      json words = json::object();
      for (const auto& [value, word] : labels) words[value] = word;
      j["value_labels"] = std::move(words);
    }
    // What the loader accepts: whole numbers as numbers, decimals as the exact text (no double).
    if (const auto limits = number_limits(f)) add_limits(j, *limits);
    fields.push_back(std::move(j));
  }
  json events = json::array();
  for (const auto& t : event_types()) {
    json params = json::array();
    for (const auto& p : t.params) {
      json j{{"name", p.name}, {"kind", param_kind_name(p.kind)}, {"label", p.label}, {"required", p.required}};
      if (!p.values.empty()) j["values"] = p.values;
      if (const auto limits = number_limits(p.kind)) add_limits(j, *limits);
      params.push_back(std::move(j));
    }
    events.push_back(json{{"type", t.type}, {"label", t.label}, {"hint", t.hint}, {"params", std::move(params)}});
  }
  json out = json::object();
  out["fields"] = std::move(fields);
  out["holds_titles"] = holding_titles();
  json levels = json::object();
  for (const auto& title : holding_titles()) levels[title] = holding_levels(title);
  out["holds_levels"] = std::move(levels);
  out["events"] = std::move(events);
  out["words"] = words_json();
  // The rungs whose renewal (复核) the policies judge differently from a new application, and the
  // contested readings a request may pick: the page's pickers are built from these.
  const PolicySet& set = active_policies();
  std::function<bool(const Criterion&)> asks_purpose = [&](const Criterion& c) {
    if (c.kind == Criterion::Kind::Reading && c.reading == kPurposeReading) return true;
    return std::any_of(c.children.begin(), c.children.end(), asks_purpose);
  };
  json rungs = json::array();
  for (const auto& p : set.policies) {
    for (const auto& t : p.tiers) {
      if (!t.renewal_for && !asks_purpose(t.criterion)) continue;
      bool seen = std::any_of(rungs.begin(), rungs.end(), [&](const json& r) { return r["tier"] == t.tier; });
      if (!seen) rungs.push_back(json{{"tier", t.tier}, {"title", t.title}});
    }
  }
  std::stable_sort(rungs.begin(), rungs.end(), [&](const json& a, const json& b) {
    auto rung = [&](const json& r) {
      for (const auto& p : set.policies) {
        for (const auto& t : p.tiers) {
          if (t.tier == r["tier"]) return t.rung;
        }
      }
      return 0;
    };
    return rung(a) < rung(b);
  });
  out["renewal_rungs"] = std::move(rungs);
  json readings = json::array();
  for (const auto& p : set.policies) {
    for (const auto& r : p.readings) {
      json options = json::array();
      for (const auto& o : r.options) options.push_back(json{{"id", o.id}, {"label", o.label}});
      readings.push_back(json{{"id", r.id}, {"question", r.question}, {"default", r.default_option}, {"options", std::move(options)}});
    }
  }
  out["readings"] = std::move(readings);
  out["criteria_versions"] = criteria_versions_json(set);
  out["cities"] = cities_json(set);
  return out;
}

}  // namespace srdi
