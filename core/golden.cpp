#include "core/golden.hpp"

#include <cctype>
#include <charconv>
#include <map>
#include <set>

#include "core/engine.hpp"
#include "core/events.hpp"

namespace srdi {

namespace {

const std::set<std::string> kCaseKeys = {"name", "note", "base", "profile", "set", "unset", "as_of", "criteria", "renewal",
                                         "readings", "error", "expect", "tier_expect", "award_expect", "potential_expect",
                                         "next_rung_expect", "measure_expect", "met", "not_met", "undetermined"};
const std::set<std::string> kFileKeys = {"policy", "description", "as_of", "cases"};

std::string show(const json& v) { return v.dump(-1, ' ', false, json::error_handler_t::replace); }

// Collects the result of every criterion node (anything with "id" and "result") by id.
void collect(const json& node, std::map<std::string, std::string>& out) {
  if (node.is_object()) {
    if (node.contains("id") && node.contains("result") && node["result"].is_string()) {
      out[node["id"].get<std::string>()] = node["result"].get<std::string>();
    }
    for (const auto& [k, v] : node.items()) collect(v, out);
  } else if (node.is_array()) {
    for (const auto& v : node) collect(v, out);
  }
}

// The options a case asks for, as the JSON the engine's front doors take.
json case_options(const json& golden, const json& c) {
  json o{{"as_of", c.value("as_of", golden.value("as_of", "2026-11-21"))}};
  for (const char* k : {"criteria", "renewal", "readings"}) {
    if (c.contains(k)) o[k] = c[k];
  }
  return o;
}

class CaseCheck {
 public:
  explicit CaseCheck(std::vector<std::string>& out) : out_(out) {}
  void fail(std::string message) { out_.push_back(std::move(message)); }
  // Every pointer of `checks` must exist in `node` and equal its value.
  void pointers(const json& node, const json& checks, const std::string& where) {
    for (const auto& [pointer, want] : checks.items()) {
      json::json_pointer ptr(pointer);
      if (!node.contains(ptr)) fail(where + pointer + "：结果中没有这一项（期望 " + show(want) + "）");
      else if (show(node.at(ptr)) != show(want)) fail(where + pointer + "：期望 " + show(want) + "，实际 " + show(node.at(ptr)));
    }
  }

 private:
  std::vector<std::string>& out_;
};

void check_case(const json& golden, const json& c, const PolicySet& policies,
                const std::function<json(const std::string&)>& base_profile, std::vector<std::string>& out) {
  CaseCheck check(out);
  for (const auto& [k, v] : c.items()) {
    if (!kCaseKeys.count(k)) check.fail("用例中有未知的键“" + k + "”");
  }
  // A case that expects nothing would pass whatever the engine says.
  bool expects = c.contains("error");
  for (const char* k : {"expect", "tier_expect", "award_expect", "potential_expect", "next_rung_expect", "measure_expect", "met", "not_met", "undetermined"}) {
    if (c.contains(k) && !c[k].empty()) expects = true;
  }
  if (!expects) return check.fail("用例没有写任何期望（expect、award_expect、met 等）");
  Response r = evaluate_request(show(golden_case_profile(c, base_profile)), show(case_options(golden, c)), policies);
  if (c.contains("error")) {
    const json& want = c["error"];
    if (!want.is_object() || !want.contains("code") || !want.contains("path")) {
      return check.fail("error 应写出期望的 code 和 path，例如 {\"code\": \"profile.bad_enum\", \"path\": \"/industry\"}");
    }
    if (r.ok) return check.fail("期望错误 " + show(want) + "，实际没有错误");
    const json& e = r.body["errors"][0];
    if (e["code"] != want["code"] || e["path"] != want["path"]) {
      check.fail("期望错误 " + show(want) + "，实际 " + show(json{{"code", e["code"]}, {"path", e["path"]}}));
    }
    return;
  }
  if (!r.ok) return check.fail("计算出错：" + show(r.body["errors"]).substr(0, 400));
  // Pointers address the result as a reader sees it: a citation, not its index in the list.
  const json body = inline_citations(r.body);
  check.pointers(body, c.value("expect", json::object()), "");
  const json tier_expect = c.value("tier_expect", json::object());
  for (const auto& [tier_id, checks] : tier_expect.items()) {
    const json* tier = nullptr;
    for (const auto& t : body["tiers"]) {
      if (t["id"] == tier_id) tier = &t;
    }
    if (!tier) check.fail("层级 " + tier_id + "：结果中没有");
    else check.pointers(*tier, checks, "层级 " + tier_id + " ");
  }
  // Award lines by measure id: potential_expect / next_rung_expect address awards.potential /
  // awards.next_rungs; measure_expect the entry of documents[].measures; award_expect the lines.
  for (const char* key : {"award_expect", "potential_expect", "next_rung_expect", "measure_expect"}) {
    const json award_expect = c.value(key, json::object());
    const std::string k = key;
    for (const auto& [measure, checks] : award_expect.items()) {
      std::vector<const json*> found;
      const json& aw = body["awards"];
      if (k == "potential_expect" || k == "next_rung_expect") {
        for (const auto& l : aw[k == "potential_expect" ? "potential" : "next_rungs"]) {
          if (l["measure"] == measure) found.push_back(&l);
        }
      } else {
        for (const auto& d : aw["documents"]) {
          for (const char* list : k == "measure_expect" ? std::vector<const char*>{"measures"} : std::vector<const char*>{"lines", "benefits"}) {
            for (const auto& l : d[list]) {
              if (l["measure"] == measure) found.push_back(&l);
            }
          }
        }
      }
      if (checks.is_null()) {  // null: the measure must not appear at all
        if (!found.empty()) check.fail(k + " " + measure + "：期望不出现，实际出现 " + std::to_string(found.size()) + " 次");
        continue;
      }
      if (found.size() != 1) {
        check.fail(k + " " + measure + "：期望恰好一条，实际 " + std::to_string(found.size()) + " 条");
        continue;
      }
      check.pointers(*found[0], checks, k + " " + measure + " ");
    }
  }
  std::map<std::string, std::string> results;
  collect(body, results);
  for (const char* kind : {"met", "not_met", "undetermined"}) {
    for (const auto& id : c.value(kind, json::array())) {
      std::string name = id.is_string() ? id.get<std::string>() : show(id);
      auto it = results.find(name);
      if (it == results.end()) check.fail("条件 " + name + "：结果中没有");
      else if (it->second != kind) check.fail("条件 " + name + "：期望 " + kind + "，实际 " + it->second);
    }
  }
}

// The ids of the tests that decide something (a comparison, a fact, a title held, a size class, a
// score): all / any / not / reading nodes only combine them.
void collect_criterion_ids(const Criterion& c, std::vector<std::string>& out) {
  using K = Criterion::Kind;
  bool leaf = c.kind == K::Compare || c.kind == K::Fact || c.kind == K::Holds || c.kind == K::Size || c.kind == K::Score;
  if (leaf && !c.id.empty()) out.push_back(c.id);
  for (const auto& k : c.children) collect_criterion_ids(k, out);
}

}  // namespace

json golden_case_profile(const json& c, const std::function<json(const std::string&)>& base_profile) {
  if (c.contains("profile")) return c["profile"];
  if (!c.contains("base") || !c["base"].is_string()) {
    throw LoadFailure({Error{"golden.no_profile", "", "用例既没有 profile 也没有 base", "golden"}});
  }
  json p = base_profile(c["base"].get<std::string>());
  const json set = c.value("set", json::object());
  const json unset = c.value("unset", json::array());
  for (const auto& [pointer, value] : set.items()) p[json::json_pointer(pointer)] = value;
  for (const auto& pointer : unset) {
    json::json_pointer ptr(pointer.get<std::string>());
    p[ptr.parent_pointer()].erase(ptr.back());
  }
  return p;
}

GoldenRun run_golden(const json& golden, const PolicySet& policies,
                     const std::function<json(const std::string&)>& base_profile) {
  GoldenRun run;
  if (!golden.is_object() || !golden.contains("cases") || !golden["cases"].is_array()) {
    run.failures.push_back(GoldenFailure{"", "黄金用例文件应为对象，且有 cases 列表"});
    return run;
  }
  for (const auto& [k, v] : golden.items()) {
    if (!kFileKeys.count(k)) run.failures.push_back(GoldenFailure{"", "文件中有未知的键“" + k + "”"});
  }
  for (const auto& c : golden["cases"]) {
    ++run.cases;
    std::string name = c.is_object() && c.contains("name") && c["name"].is_string() ? c["name"].get<std::string>()
                                                                                       : "（第 " + std::to_string(run.cases) + " 个用例，没有 name）";
    std::vector<std::string> messages;
    try {
      if (!c.is_object()) messages.push_back("用例应为对象");
      else check_case(golden, c, policies, base_profile, messages);
    } catch (const LoadFailure& f) {
      messages.push_back(f.errors.empty() ? "无法读取用例" : f.errors.front().message);
    } catch (const std::exception& e) {
      messages.push_back(std::string("用例有误：") + e.what());  // e.g. a malformed JSON pointer
    }
    if (!messages.empty()) ++run.failed_cases;
    for (auto& m : messages) run.failures.push_back(GoldenFailure{name, std::move(m)});
  }
  if (run.cases == 0) run.failures.push_back(GoldenFailure{"", "文件中没有用例"});
  return run;
}

std::vector<std::string> golden_ids(const Policy& p) {
  std::vector<std::string> ids;
  for (const auto& m : p.measures) ids.push_back(m.id);
  for (const auto& r : p.rules) ids.push_back(r.id);
  for (const auto& b : p.benchmarks) ids.push_back(b.id);
  for (const auto& t : p.tiers) {
    ids.push_back(t.id);
    collect_criterion_ids(t.criterion, ids);
  }
  return ids;
}

json golden_template(const Policy& p) {
  json cases = json::array();
  std::string city = p.jurisdiction.id.empty() ? "other" : p.jurisdiction.id;
  for (const auto& m : p.measures) {
    json profile{{"name", "示例企业"}, {"city", city}, {"industry", "industry"}, {"employees", 120},
                 {"revenue", {{"last", "50000000.00"}}}, {"holds", json::array()}, {"events", json::array()}};
    std::string excerpt = m.citation.excerpt;
    const std::string stop = "。";
    if (excerpt.size() >= stop.size() && excerpt.compare(excerpt.size() - stop.size(), stop.size(), stop) == 0) {
      excerpt.resize(excerpt.size() - stop.size());
    }
    std::string note = "原文：" + excerpt + "。请按原文写出金额的算式，并在 award_expect 中填写期望值。";
    if (!m.trigger.event.empty()) {
      json event{{"type", m.trigger.event}};
      for (const auto& [param, accepted] : m.trigger.where) {
        if (accepted.empty()) continue;
        const std::string& v = accepted.front();
        int number = 0;
        auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), number);
        bool integer = ec == std::errc() && end == v.data() + v.size();
        event[param] = v == "true" ? json(true) : v == "false" ? json(false) : integer ? json(number) : json(v);
      }
      // Each threshold's figure exactly at the threshold (以上/以下 are inclusive): the author moves
      // it to either side for the pair of cases.
      for (const auto* limits : {&m.trigger.at_least, &m.trigger.at_most}) {
        for (const auto& [param, value] : *limits) {
          const EventType* t = find_event_type(m.trigger.event);
          const EventParam* prm = t ? find_event_param(*t, param) : nullptr;
          if (prm && prm->kind == ParamKind::Money) event[param] = format_decimal(value, 2, 2);
          else event[param] = json::parse(format_decimal(value, 0), nullptr, false);
        }
      }
      // Required parameters the trigger does not fix get a plain value for the author to change.
      if (const EventType* t = find_event_type(m.trigger.event)) {
        for (const auto& prm : t->params) {
          if (!prm.required || event.contains(prm.name)) continue;
          if (prm.kind == ParamKind::Enum) event[prm.name] = prm.values.front();
          else if (prm.kind == ParamKind::Money) event[prm.name] = "100000.00";
          else event[prm.name] = 1;
        }
      }
      profile["events"].push_back(std::move(event));
    } else {
      note += " 本项不由事项触发：请在 profile 中写出使它成立的企业情况。";
    }
    cases.push_back(json{{"name", "待填写：一句话说明“" + m.title + "”这一用例（例如：符合条件的企业获得多少）"},
                         {"note", note},
                         {"profile", std::move(profile)},
                         {"award_expect", {{m.id, {{"/state", "applies"}, {"/amount/certain", "待填写"}}}}}});
  }
  return json{{"policy", p.id},
              {"description", "《" + p.title + "》的黄金用例（模板，由 srdi test --template 生成）：每个金额、门槛和触发条件两侧各一个用例，算式写在 note 中。"},
              {"as_of", "2026-11-21"},
              {"cases", std::move(cases)}};
}

}  // namespace srdi
