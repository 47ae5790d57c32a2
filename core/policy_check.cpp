#include "core/policy_check.hpp"

#include <algorithm>
#include <functional>

#include "core/engine.hpp"
#include "core/golden.hpp"

namespace srdi {

namespace {

// Signs that an interpretation describes a question the text leaves open: such a question should
// be a declared reading with each option's outcome, not one answer in prose.
const char* kContestedWords[] = {"有争议", "两种理解", "另一种理解", "也可理解为", "也可以理解为", "存疑"};

class Checker {
 public:
  Checker(const PolicyCheckInput& in, const Policy& p, const json& root) : in_(in), p_(p), root_(root) {}

  std::vector<Error> run() {
    excerpts();
    dates_and_status();
    caps();
    readings();
    golden();
    return std::move(warnings_);
  }

 private:
  void warn(std::string code, std::string path, std::string message) {
    warnings_.push_back(Error{std::move(code), std::move(path), std::move(message), in_.file});
  }

  // Every citation of the file (any object under a "citation"-named key), with its path.
  void each_citation(const json& node, const std::string& path, const std::function<void(const json&, const std::string&)>& fn) {
    if (node.is_object()) {
      for (const auto& [k, v] : node.items()) {
        std::string at = path + "/" + pointer_token(k);
        if ((k == "citation" || k == "stacking_citation") && v.is_object()) fn(v, at);
        else each_citation(v, at, fn);
      }
    } else if (node.is_array()) {
      for (std::size_t i = 0; i < node.size(); ++i) each_citation(node[i], path + "/" + std::to_string(i), fn);
    }
  }

  void excerpts() {
    if (!in_.source) {
      if (p_.kind == PolicyKind::Awards || p_.kind == PolicyKind::Tiers) {
        warn("check.no_source", "", "未提供原文（--source），摘录是否与原文逐字一致、日期是否出自原文均未核对");
      }
      return;
    }
    const std::string& text = *in_.source;
    each_citation(root_, "", [&](const json& c, const std::string& at) {
      if (!c.contains("excerpt") || !c["excerpt"].is_string()) return;
      if (c.value("excerpt_kind", "quote") != "quote") return;  // a paraphrase is not looked up
      const std::string excerpt = c["excerpt"].get<std::string>();
      if (text.find(excerpt) == std::string::npos) {
        warn("check.excerpt_not_found", at + "/excerpt",
             "摘录在原文中找不到（须逐字一致，包括标点和引号）：“" + excerpt.substr(0, 120) + "”");
      }
    });
  }

  // A date of the document must be one the source shows: 2022年2月1日, 2022年02月01日 or 2022-02-01.
  void dates_and_status() {
    if (p_.kind != PolicyKind::Awards) return;
    auto shown = [&](const Date& d) {
      if (!in_.source) return true;  // reported once as check.no_source
      const std::string& t = *in_.source;
      std::string y = std::to_string(d.year), m = std::to_string(d.month), dd = std::to_string(d.day);
      auto two = [](int v) { return (v < 10 ? "0" : "") + std::to_string(v); };
      for (const std::string& form : {y + "年" + m + "月" + dd + "日", y + "年" + two(d.month) + "月" + two(d.day) + "日", d.iso()}) {
        if (t.find(form) != std::string::npos) return true;
      }
      return false;
    };
    if (!p_.start_unknown && !shown(p_.valid_from)) {
      warn("check.date_not_in_source", "/valid_from",
           "施行日期 " + p_.valid_from.iso() + " 在原文中找不到；原文未载日期时应写 null（不要推测）");
    }
    if (p_.valid_to && !shown(*p_.valid_to)) {
      warn("check.date_not_in_source", "/valid_to", "截止日期 " + p_.valid_to->iso() + " 在原文中找不到；原文未载截止日期时应写 null");
    }
    bool no_number = p_.doc_no.find("未载") != std::string::npos || p_.doc_no.rfind("（", 0) == 0;
    // A news report is itself the source that the document was issued.
    if (p_.status == "published" && no_number && p_.source_kind != "news_report") {
      warn("check.status_without_source", "/status", "状态写为已发布（published），但文号为“" + p_.doc_no + "”：已发布的依据是什么？原文看不出时应写 unknown 并填写 provenance");
    }
  }

  // rate_cap / rate_up_to: whom the cap binds must be read from the text, not left to the default.
  void caps() {
    const json* measures = root_.is_object() && root_.contains("measures") ? &root_["measures"] : nullptr;
    if (!measures || !measures->is_array()) return;
    for (std::size_t i = 0; i < measures->size(); ++i) {
      const json& m = (*measures)[i];
      if (!m.is_object() || !m.contains("amount") || !m["amount"].is_object()) continue;
      const json& a = m["amount"];
      if (a.contains("cap") && !a.contains("cap_scope")) {
        warn("check.cap_without_scope", "/measures/" + std::to_string(i) + "/amount",
             "封顶金额没有写明适用范围（cap_scope）：按默认“每次事项”计算。原文若说“单家企业最高”应写 per_enterprise，“每家投资机构最高”写 per_investor");
      }
    }
  }

  static bool asks_reading(const Criterion& c) {
    if (c.kind == Criterion::Kind::Reading) return true;
    return std::any_of(c.children.begin(), c.children.end(), [](const Criterion& k) { return asks_reading(k); });
  }

  static bool asks_reading(const Amount& a) {
    if (a.kind == AmountKind::ByReading || !a.cap_scope_reading.empty()) return true;
    return std::any_of(a.cases.begin(), a.cases.end(), [](const auto& c) { return asks_reading(c.second); });
  }

  void readings() {
    // A declared reading that no rule asks: its options never reach a result.
    for (std::size_t r = 0; r < p_.readings.size(); ++r) {
      const std::string& id = p_.readings[r].id;
      const std::string all = root_.dump(), quoted = "\"" + id + "\"";
      bool used = all.find(quoted) != all.rfind(quoted);  // named somewhere besides its declaration
      if (!used) {
        warn("check.reading_unused", "/readings/" + std::to_string(r),
             "读法“" + id + "”已声明，但没有规则或金额按它的选项分别计算：结果不会显示各读法的结论");
      }
    }
    auto contested = [&](const std::string& text) {
      return std::any_of(std::begin(kContestedWords), std::end(kContestedWords),
                         [&](const char* w) { return text.find(w) != std::string::npos; });
    };
    for (std::size_t i = 0; i < p_.measures.size(); ++i) {
      const Measure& m = p_.measures[i];
      bool has_reading = asks_reading(m.amount) || (m.requires_ && asks_reading(*m.requires_));
      if (contested(m.interpretation) && !has_reading) {
        warn("check.contested_without_options", "/measures/" + std::to_string(i) + "/interpretation",
             "说明中写到原文可有不同理解，但本项没有按读法（readings）分别给出各选项的结果：有争议的读法须列出每个选项");
      }
    }
  }

  // Each measure, rule, benchmark and criterion id should be named by a golden case; one with a
  // threshold, a cap or tiers by two (one on each side).
  void golden() {
    std::vector<std::string> ids = golden_ids(p_);
    if (ids.empty()) return;
    if (!in_.golden) {
      warn("check.no_golden", "", "未提供黄金用例（--golden）：每个金额、门槛和触发条件都应有用例（srdi test --template 生成模板）");
      return;
    }
    const json& g = *in_.golden;
    if (g.is_object() && g.contains("policy") && g["policy"] != p_.id) {
      warn("check.golden_other_policy", "", "黄金用例文件写的是政策“" + g["policy"].dump() + "”，不是“" + p_.id + "”");
    }
    std::vector<std::string> cases;
    if (g.is_object() && g.contains("cases") && g["cases"].is_array()) {
      for (const auto& c : g["cases"]) cases.push_back(c.dump());
    }
    auto named = [&](const std::string& id) {
      return static_cast<int>(std::count_if(cases.begin(), cases.end(), [&](const std::string& c) {
        return c.find("\"" + id + "\"") != std::string::npos;
      }));
    };
    auto where = [&](const std::string& id) -> std::string {
      for (std::size_t i = 0; i < p_.measures.size(); ++i) {
        if (p_.measures[i].id == id) return "/measures/" + std::to_string(i);
      }
      for (std::size_t i = 0; i < p_.rules.size(); ++i) {
        if (p_.rules[i].id == id) return "/rules/" + std::to_string(i);
      }
      for (std::size_t i = 0; i < p_.benchmarks.size(); ++i) {
        if (p_.benchmarks[i].id == id) return "/benchmarks/" + std::to_string(i);
      }
      return "/tiers";
    };
    for (const auto& id : ids) {
      if (named(id) == 0) warn("check.no_golden_case", where(id), "“" + id + "”没有任何黄金用例");
    }
    for (std::size_t i = 0; i < p_.measures.size(); ++i) {
      const Measure& m = p_.measures[i];
      bool threshold = !m.trigger.at_least.empty() || !m.trigger.at_most.empty() || m.amount.cap ||
                       m.amount.kind == AmountKind::Tiered;
      int n = named(m.id);
      if (threshold && n == 1) {
        warn("check.threshold_one_case", "/measures/" + std::to_string(i),
             "“" + m.id + "”有门槛或封顶，但只有一个用例：门槛两侧各需一个用例（恰好达到、差一点）");
      }
    }
  }

  const PolicyCheckInput& in_;
  const Policy& p_;
  const json& root_;
  std::vector<Error> warnings_;
};

}  // namespace


PolicyCheck check_policy(const PolicyCheckInput& in) {
  PolicyCheck out;
  // The checked file stands in for any other given file of the same name or policy id.
  std::vector<std::pair<std::string, std::string>> files;
  const std::string id = declared_policy_id(in.text);
  for (const auto& f : in.others) {
    if (f.first != in.file && (id.empty() || declared_policy_id(f.second) != id)) files.push_back(f);
  }
  files.emplace_back(in.file, in.text);
  PolicySet set;
  try {
    set = policies_with(files);
  } catch (const LoadFailure& f) {
    out.errors = f.errors;
    return out;
  }
  const Policy* p = nullptr;
  std::size_t index = 0;
  for (std::size_t i = 0; i < set.policies.size(); ++i) {
    if (set.policies[i].file == in.file) {
      p = &set.policies[i];
      index = i;
    }
  }
  if (!p) return out;
  out.policy = policies_json(set)[index];
  StrictDocument doc = parse_strict_json(in.text, in.file);
  out.warnings = Checker(in, *p, doc.value).run();
  return out;
}

json check_json(const PolicyCheck& c) {
  json body = json::object();
  body["ok"] = c.errors.empty();
  body["policy"] = c.policy.is_null() ? json(nullptr) : c.policy;
  body["errors"] = errors_json(c.errors)["errors"];
  body["warnings"] = errors_json(c.warnings)["errors"];
  return body;
}

}  // namespace srdi
