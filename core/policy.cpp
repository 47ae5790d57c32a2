#include "core/policy.hpp"

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <utility>

#include "core/bundled_policies.hpp"
#include "core/events.hpp"
#include "core/sha256.hpp"

namespace srdi {

namespace {
// The names the policy files use, in the enums' order (None first, as "").
constexpr const char* kAmountKinds[] = {"",          "fixed",        "up_to",   "rate",         "rate_cap",
                                        "rate_up_to", "per_unit",     "tiered",  "by",           "unquantified",
                                        "benefit",    "tax_credit",   "same_as_group", "by_reading", "less_earlier",
                                        "not_paid"};
constexpr const char* kPolicyKinds[] = {"", "size_standard", "tiers", "awards", "definitions"};
}  // namespace

const char* amount_kind_name(AmountKind k) { return kAmountKinds[static_cast<int>(k)]; }

std::optional<AmountKind> parse_amount_kind(std::string_view name) {
  for (int i = 1; i < static_cast<int>(std::size(kAmountKinds)); ++i) {
    if (name == kAmountKinds[i]) return static_cast<AmountKind>(i);
  }
  return std::nullopt;
}

const char* policy_kind_name(PolicyKind k) { return kPolicyKinds[static_cast<int>(k)]; }

std::optional<Rational> common_cap(const Amount& a) {
  switch (a.kind) {
    case AmountKind::RateCap:
    case AmountKind::RateUpTo:
      return a.cap;
    case AmountKind::ByReading:
    case AmountKind::By:
    case AmountKind::Tiered: {
      std::optional<Rational> cap;
      for (const auto& c : a.cases) {
        auto each = common_cap(c.second);
        if (!each || (cap && !(*cap == *each))) return std::nullopt;
        cap = each;
      }
      return cap;
    }
    default:
      return std::nullopt;
  }
}


namespace {

const json kEmptyObject = json::object();

const std::vector<std::string> kIndustries = {
    "agriculture", "industry", "construction", "wholesale", "retail", "transport", "warehousing", "postal",
    "accommodation", "catering", "information_transmission", "software_it", "real_estate_development",
    "property_management", "leasing_business_services", "other"};

struct ReadingUse {
  std::string reading;
  std::vector<std::string> options;
  std::string path;
};

class PolicyLoader {
 public:
  PolicyLoader(const StrictDocument& doc, std::string file) : doc_(doc), file_(std::move(file)) {}

  Policy run() {
    Policy p;
    p.file = file_;
    const json& root = doc_.value;
    if (!root.is_object()) {
      fail("policy.wrong_type", "", "政策文件应为一个 JSON 对象");
      throw LoadFailure(errors_);
    }
    Obj o(*this, root, "");
    o.opt_str("$schema");  // where an editor finds docs/policy.schema.json; no meaning to the engine
    p.id = o.str("id");
    if (const auto it = root.find("source"); it != root.end() && it->is_string() && !it->get<std::string>().empty()) {
      source_id_ = p.id;
    }
    const std::string kind = o.str("kind");
    p.kind = PolicyKind::None;
    for (int i = 1; i < static_cast<int>(std::size(kPolicyKinds)); ++i) {
      if (kind == kPolicyKinds[i]) p.kind = static_cast<PolicyKind>(i);
    }
    p.title = o.str("title");
    p.issuer = o.str("issuer");
    p.doc_no = o.str("doc_no");
    p.status = o.str("status");
    bool awards = p.kind == PolicyKind::Awards;
    if (!p.status.empty() && p.status != "published" && p.status != "draft" && !(awards && p.status == "unknown")) {
      fail("policy.bad_enum", "/status",
           awards ? "status 只能是 published、draft 或 unknown" : "status 只能是 published 或 draft");
    }
    // An award document whose source states no date: `valid_from: null` (written, never left out).
    if (awards && o.has("valid_from") && root["valid_from"].is_null()) {
      o.get("valid_from");
      p.start_unknown = true;
    } else {
      p.valid_from = o.date("valid_from", true).value_or(Date{});
    }
    p.valid_to = o.date("valid_to", false);
    if (p.valid_to && !p.start_unknown && *p.valid_to < p.valid_from) {
      fail("policy.bad_date", "/valid_to", "valid_to 不能早于 valid_from");
    }
    p.description = o.opt_str("description");
    read_readings(o, p);
    if (p.kind == PolicyKind::SizeStandard) {
      read_industries(o, p);
    } else if (p.kind == PolicyKind::Tiers) {
      p.versions = versions(o, true);
      read_definitions(o);
      p.definitions = std::move(definitions_);
      read_tiers(o, p);
    } else if (p.kind == PolicyKind::Awards) {
      read_awards(o, p);
    } else if (p.kind == PolicyKind::Definitions) {
      read_definitions(o);
      p.definitions = std::move(definitions_);
    } else if (!kind.empty()) {
      fail("policy.bad_enum", "/kind", "kind 只能是 size_standard、tiers、awards 或 definitions");
    }
    // With the kind unknown, which other keys belong is unknown too: no "unknown key" for each.
    if (p.kind != PolicyKind::None) o.finish();
    if (!errors_.empty()) throw LoadFailure(errors_);
    return p;
  }

 private:
  void fail(std::string code, std::string path, std::string msg) {
    errors_.push_back(Error{std::move(code), std::move(path), std::move(msg), file_});
  }

  // Reads one JSON object, remembering which keys were used so the rest are refused.
  struct Obj {
    PolicyLoader& l;
    const json& j;
    std::string path;
    std::set<std::string> used;

    Obj(PolicyLoader& loader, const json& value, std::string p) : l(loader), j(value), path(std::move(p)) {}

    bool has(const std::string& k) const { return j.contains(k); }
    const json* get(const std::string& k) {
      used.insert(k);
      auto it = j.find(k);
      return it == j.end() ? nullptr : &*it;
    }
    std::string at(const std::string& k) const { return path + "/" + pointer_token(k); }

    std::string str(const std::string& k, bool required = true) {
      const json* v = get(k);
      if (!v) {
        if (required) l.fail("policy.missing_key", at(k), "缺少必填字段“" + k + "”");
        return "";
      }
      if (!v->is_string() || v->get_ref<const std::string&>().empty()) {
        l.fail("policy.wrong_type", at(k), "“" + k + "”应为非空文字");
        return "";
      }
      return v->get<std::string>();
    }
    std::string opt_str(const std::string& k) { return has(k) ? str(k) : std::string(); }

    std::optional<Date> date(const std::string& k, bool required) {
      const json* v = get(k);
      if (!v || v->is_null()) {
        if (required) l.fail("policy.missing_key", at(k), "缺少必填字段“" + k + "”");
        return std::nullopt;
      }
      auto d = v->is_string() ? parse_date(v->get<std::string>()) : std::nullopt;
      if (!d) l.fail("policy.bad_date", at(k), "“" + k + "”应为 YYYY-MM-DD 格式的有效日期");
      return d;
    }

    std::optional<int> integer(const std::string& k, bool required = true) {
      const json* v = get(k);
      if (!v) {
        if (required) l.fail("policy.missing_key", at(k), "缺少必填字段“" + k + "”");
        return std::nullopt;
      }
      if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > 1000) {
        l.fail("policy.wrong_type", at(k), "“" + k + "”应为 0 到 1000 之间的整数");
        return std::nullopt;
      }
      return static_cast<int>(v->get<std::int64_t>());
    }

    const json* array(const std::string& k, bool required = true) {
      const json* v = get(k);
      if (!v) {
        if (required) l.fail("policy.missing_key", at(k), "缺少必填字段“" + k + "”");
        return nullptr;
      }
      if (!v->is_array()) {
        l.fail("policy.wrong_type", at(k), "“" + k + "”应为列表");
        return nullptr;
      }
      return v;
    }

    void finish() {
      for (const auto& [k, v] : j.items()) {
        if (!used.count(k)) l.fail("policy.unknown_key", at(k), "未知字段“" + k + "”");
      }
    }
  };

  std::optional<Citation> citation(Obj& o, bool required) {
    const json* v = o.get("citation");
    if (!v) {
      if (required) fail("policy.missing_citation", o.at("citation"), "每条规则都必须注明出处（citation）");
      return std::nullopt;
    }
    if (!v->is_object()) {
      fail("policy.wrong_type", o.at("citation"), "citation 应为对象");
      return std::nullopt;
    }
    Obj c(*this, *v, o.at("citation"));
    Citation out;
    out.doc = c.str("doc");
    out.clause = c.str("clause");
    out.excerpt = c.str("excerpt");
    out.excerpt_kind = c.str("excerpt_kind");
    out.source = source_id_;
    if (!out.excerpt_kind.empty() && out.excerpt_kind != "quote" && out.excerpt_kind != "paraphrase") {
      fail("policy.bad_enum", c.at("excerpt_kind"), "excerpt_kind 只能是 quote（原文）或 paraphrase（转述）");
    }
    c.finish();
    return out;
  }

  // `apply`: how to apply, as far as the source says; at least one field and a citation.
  std::optional<ApplyInfo> apply_info(Obj& o) {
    const json* v = o.get("apply");
    if (!v) return std::nullopt;
    if (!v->is_object()) {
      fail("policy.wrong_type", o.at("apply"), "apply 应为对象");
      return std::nullopt;
    }
    Obj a(*this, *v, o.at("apply"));
    ApplyInfo out;
    out.responsible = a.opt_str("responsible");
    out.channel = a.opt_str("channel");
    out.window = a.opt_str("window");
    // The window as dates, so a result can say whether it has passed; both or neither.
    if (a.has("window_from") || a.has("window_to")) {
      out.window_from = a.date("window_from", true);
      out.window_to = a.date("window_to", true);
      if (out.window.empty()) fail("policy.missing_key", a.at("window"), "写了 window_from / window_to 时须用 window 写明原文的申报时间");
      if (out.window_from && out.window_to && *out.window_to < *out.window_from) {
        fail("policy.bad_date", a.at("window_to"), "window_to 不能早于 window_from");
      }
    }
    out.materials = a.opt_str("materials");
    if (out.responsible.empty() && out.channel.empty() && out.window.empty() && out.materials.empty()) {
      fail("policy.missing_key", o.at("apply"), "apply 至少写明 responsible、channel、window、materials 之一（原文未载明时不写 apply）");
    }
    if (auto c = citation(a, true)) out.citation = *c;
    a.finish();
    return out;
  }

  void check_id(const std::string& id, const std::string& path) {
    if (id.empty()) return;
    if (!ids_.insert(id).second) fail("policy.duplicate_id", path, "编号“" + id + "”重复");
  }

  // `inherited`: the citation of the enclosing rule, if any. `scores`: tables a Score node may use.
  Criterion criterion(const json& j, const std::string& path, const Citation* inherited,
                      const std::vector<ScoreTable>* scores, bool anonymous_ok = false) {
    Criterion c;
    if (!j.is_object()) {
      fail("policy.wrong_type", path, "规则应为对象");
      return c;
    }
    Obj o(*this, j, path);
    bool empty_all_ok = std::exchange(empty_all_ok_, false);
    // A ref takes its definition's names; inside score bands, names may be left to the loader.
    bool need_names = !((anonymous_ok || o.has("ref")) && !o.has("id"));
    c.id = need_names ? o.str("id") : "";
    c.title = o.has("title") || need_names ? o.str("title") : "";
    check_id(c.id, o.at("id"));
    auto cit = citation(o, inherited == nullptr && !o.has("ref"));
    if (cit) {
      c.citation = *cit;
      c.own_citation = true;
    } else if (inherited) {
      c.citation = *inherited;
    }
    c.interpretation = o.opt_str("interpretation");
    c.valid_to = o.date("valid_to", false);
    int forms = 0;
    for (const char* k : {"all", "any", "not", "metric", "fact", "score", "ref", "size_in", "holds", "reading", "tier"}) {
      forms += o.has(k) ? 1 : 0;
    }
    if (forms != 1) {
      fail("policy.bad_criterion", path,
           "规则必须且只能使用 all、any、not、metric、fact、score、ref、size_in、holds、reading、tier 中的一种");
      o.finish();
      return c;
    }
    if (o.has("ref")) {
      c.kind = Criterion::Kind::Ref;
      c.ref = o.str("ref");
      refs_.emplace_back(c.ref, o.at("ref"));
    } else if (o.has("tier")) {
      c.kind = Criterion::Kind::Tier;
      c.tier = o.str("tier");
      tier_refs_.emplace_back(c.tier, o.at("tier"));
    } else if (o.has("reading")) {
      c.kind = Criterion::Kind::Reading;
      c.reading = o.str("reading");
      const json* opts = o.get("options");
      if (!opts || !opts->is_object() || opts->empty()) {
        fail("policy.bad_criterion", o.at("options"), "reading 规则需要 options：每个读法一条规则");
      } else {
        for (const auto& [opt, child] : opts->items()) {
          c.options.push_back(opt);
          // An option may ask nothing ("all": []), e.g. a condition a renewal does not examine.
          empty_all_ok_ = true;
          c.children.push_back(criterion(child, o.at("options") + "/" + pointer_token(opt), &c.citation, scores, anonymous_ok));
          if (!c.id.empty()) name_anonymous(c.children.back(), c.id + "." + opt);
        }
        reading_uses_.push_back(ReadingUse{c.reading, c.options, o.at("reading")});
      }
    } else if (o.has("size_in")) {
      c.kind = Criterion::Kind::Size;
      static const std::vector<std::string> classes = {"large", "medium", "small", "micro"};
      if (const json* list = o.array("size_in")) {
        if (list->empty()) fail("policy.bad_criterion", o.at("size_in"), "size_in 不能为空");
        for (const auto& v : *list) {
          if (!v.is_string() || std::find(classes.begin(), classes.end(), v.get<std::string>()) == classes.end()) {
            fail("policy.bad_enum", o.at("size_in"), "size_in 的取值只能是 large、medium、small、micro");
          } else {
            c.expected.push_back(v.get<std::string>());
          }
        }
      }
    } else if (o.has("holds")) {
      c.kind = Criterion::Kind::Holds;
      c.holds = o.str("holds");
      const auto& titles = holding_titles();
      if (!c.holds.empty() && std::find(titles.begin(), titles.end(), c.holds) == titles.end()) {
        fail("policy.bad_enum", o.at("holds"), "未知称号“" + c.holds + "”");
      }
      if (const json* lv = o.array("levels", false)) {
        for (const auto& v : *lv) {
          std::string level = v.is_string() ? v.get<std::string>() : "";
          if (level != "national" && level != "provincial" && level != "city") {
            fail("policy.bad_enum", o.at("levels"), "级别只能是 national、provincial、city");
          } else {
            c.levels.push_back(level);
          }
        }
      }
      // Absent: the text states no validity (the title counts as listed).
      auto years = o.integer("valid_years", false);
      if (years && *years < 1) fail("policy.wrong_type", o.at("valid_years"), "有效期年数应为正整数");
      c.valid_years = years.value_or(0);
    } else if (o.has("all") || o.has("any")) {
      bool any = o.has("any");
      c.kind = any ? Criterion::Kind::Any : Criterion::Kind::All;
      const json* list = o.array(any ? "any" : "all");
      if (list) {
        if (list->empty() && !(empty_all_ok && !any)) fail("policy.bad_criterion", o.at(any ? "any" : "all"), "条件列表不能为空");
        for (std::size_t i = 0; i < list->size(); ++i) {
          c.children.push_back(criterion((*list)[i], o.at(any ? "any" : "all") + "/" + std::to_string(i),
                                         &c.citation, scores, anonymous_ok));
          if (!c.id.empty()) name_anonymous(c.children.back(), c.id + "." + std::to_string(i + 1));
        }
      }
      if (o.has("routes")) {
        const json* r = o.get("routes");
        if (!any || !r->is_boolean()) fail("policy.wrong_type", o.at("routes"), "routes 只能用于 any，且应为 true/false");
        else c.routes = r->get<bool>();
      }
    } else if (o.has("not")) {
      c.kind = Criterion::Kind::Not;
      c.children.push_back(criterion(*o.get("not"), o.at("not"), &c.citation, scores, anonymous_ok));
      if (!c.id.empty()) name_anonymous(c.children.back(), c.id + ".not");
    } else if (o.has("metric")) {
      c.kind = Criterion::Kind::Compare;
      c.metric = o.str("metric");
      const MetricDef* def = find_metric(c.metric);
      if (!c.metric.empty() && !def) fail("policy.unknown_metric", o.at("metric"), "未知指标“" + c.metric + "”（见 docs/metrics.md）");
      comparison(o, c, def ? def->unit : Unit::Count);
      if (const json* g = o.get("gap")) {
        if (!g->is_boolean()) fail("policy.wrong_type", o.at("gap"), "gap 应为 true 或 false");
        else c.gap = g->get<bool>();
      }
      if (o.has("edge_reading")) {
        // A band's bound on an edge it shares with the next band: under the reading's second
        // option the edge belongs to the other band, so the comparison becomes strict.
        std::string rid = o.str("edge_reading");
        if (c.op != Op::Ge && c.op != Op::Le) {
          fail("policy.bad_criterion", o.at("edge_reading"), "edge_reading 只能用于 >= 或 <= 的比较");
        } else {
          Criterion strict = c;
          strict.op = c.op == Op::Ge ? Op::Gt : Op::Lt;
          Criterion inclusive = c;
          Criterion wrapper;
          wrapper.kind = Criterion::Kind::Reading;
          wrapper.id = c.id;
          wrapper.title = c.title;
          wrapper.citation = c.citation;
          wrapper.own_citation = c.own_citation;
          wrapper.interpretation = c.interpretation;
          wrapper.reading = rid;
          wrapper.options = {"inclusive", "exclusive"};
          inclusive.id = c.id.empty() ? "" : c.id + ".inclusive";
          strict.id = c.id.empty() ? "" : c.id + ".exclusive";
          inclusive.interpretation.clear();
          strict.interpretation.clear();
          strict.title.clear();
          wrapper.children = {std::move(inclusive), std::move(strict)};
          reading_uses_.push_back(ReadingUse{rid, wrapper.options, o.at("edge_reading")});
          o.finish();
          return wrapper;
        }
      }
    } else if (o.has("score")) {
      c.kind = Criterion::Kind::Score;
      c.score = o.str("score");
      c.category = o.opt_str("category");
      const ScoreTable* table = nullptr;
      if (scores) {
        for (const auto& t : *scores) {
          if (t.id == c.score) table = &t;
        }
      }
      if (!table) {
        fail("policy.unknown_score", o.at("score"), "未知评分表“" + c.score + "”");
      } else if (!c.category.empty() &&
                 std::none_of(table->categories.begin(), table->categories.end(),
                              [&](const ScoreCategory& cat) { return cat.id == c.category; })) {
        fail("policy.unknown_category", o.at("category"), "评分表中没有类别“" + c.category + "”");
      }
      comparison(o, c, Unit::Score);
    } else {
      c.kind = Criterion::Kind::Fact;
      c.fact = o.str("fact");
      const FieldSpec* spec = find_field(c.fact);
      if (!c.fact.empty() && (!spec || (spec->kind != FieldKind::Bool && spec->kind != FieldKind::Enum))) {
        fail("policy.unknown_fact", o.at("fact"), "“" + c.fact + "”不是可判断的是/否或枚举字段");
        spec = nullptr;
      }
      if (o.has("equals") == o.has("in")) {
        fail("policy.bad_criterion", path, "fact 规则需要 equals 或 in 之一");
      } else if (o.has("equals")) {
        const json* e = o.get("equals");
        if (spec && spec->kind == FieldKind::Bool && e->is_boolean()) {
          c.expected.push_back(e->get<bool>() ? "true" : "false");
        } else if (spec && spec->kind == FieldKind::Enum && e->is_string()) {
          c.expected.push_back(e->get<std::string>());
        } else {
          fail("policy.wrong_type", o.at("equals"), "equals 的类型与字段不符");
        }
      } else {
        const json* in = o.array("in");
        if (in) {
          for (const auto& e : *in) {
            if (e.is_string()) c.expected.push_back(e.get<std::string>());
            else fail("policy.wrong_type", o.at("in"), "in 应为文字列表");
          }
          if (spec && spec->kind == FieldKind::Bool) fail("policy.wrong_type", o.at("in"), "是/否字段请用 equals");
        }
      }
      if (spec && spec->kind == FieldKind::Enum) {
        for (const auto& e : c.expected) {
          if (std::find(spec->values.begin(), spec->values.end(), e) == spec->values.end()) {
            fail("policy.bad_enum", o.at(o.has("in") ? "in" : "equals"), "“" + e + "”不是该字段的可选值");
          }
        }
      }
    }
    o.finish();
    return c;
  }

  // Names an unnamed criterion of a score band from its place and its test.
  static void name_anonymous(Criterion& c, const std::string& id) {
    if (c.kind == Criterion::Kind::Ref) return;
    if (c.id.empty()) c.id = id;
    for (std::size_t i = 0; i < c.children.size(); ++i) {
      if (c.children[i].id.empty()) name_anonymous(c.children[i], c.id + "." + std::to_string(i + 1));
    }
    if (!c.title.empty()) return;
    if (c.kind == Criterion::Kind::Compare) {
      const MetricDef* def = find_metric(c.metric);
      c.title = (def ? def->label : c.metric) + " " + op_symbol(c.op) + " " + (def ? format_threshold(def->unit, c.threshold) : c.threshold_text);
    } else if (c.kind == Criterion::Kind::Fact) {
      const FieldSpec* spec = find_field(c.fact);
      std::string values;
      for (const auto& e : c.expected) values += (values.empty() ? "" : "/") + e;
      c.title = (spec ? spec->label : c.fact) + "：" + values;
    } else if (c.kind == Criterion::Kind::Any) {
      c.title = "满足其一";
    } else if (c.kind == Criterion::Kind::All) {
      c.title = "同时满足";
    } else if (c.kind == Criterion::Kind::Not) {
      c.title = "以下不成立";
    } else if (c.kind == Criterion::Kind::Holds) {
      c.title = "持有称号 " + c.holds;
    } else if (c.kind == Criterion::Kind::Reading) {
      c.title = c.children.empty() ? "按读法" : c.children.front().title;
    } else if (c.kind == Criterion::Kind::Tier) {
      c.title = "符合 " + c.tier + " 的条件";
    } else {
      c.title = "划型";
    }
  }

  void comparison(Obj& o, Criterion& c, Unit unit) {
    std::string op = o.str("op");
    auto parsed_op = parse_op(op);
    if (!op.empty() && !parsed_op) fail("policy.bad_enum", o.at("op"), "op 只能是 >=、>、<=、<、==");
    c.op = parsed_op.value_or(Op::Ge);
    const json* v = o.get("value");
    if (!v) {
      fail("policy.missing_key", o.at("value"), "缺少必填字段“value”");
      return;
    }
    std::string text = v->is_string() ? v->get<std::string>() : (v->is_number_integer() ? v->dump() : "");
    bool percent_ok = unit == Unit::Ratio;
    auto parsed = parse_decimal(text, unit == Unit::Yuan ? 2 : -1, percent_ok);
    if (!parsed.value) {
      fail("policy.bad_threshold", o.at("value"),
           percent_ok ? "比例阈值应写成 \"3%\" 或 \"0.03\"" : "阈值应为整数或十进制字符串（金额单位为元，最多两位小数）");
      return;
    }
    c.threshold = *parsed.value;
    c.threshold_text = text;
  }


  void read_industries(Obj& o, Policy& p) {
    const json* list = o.array("industries");
    if (!list) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string ip = o.at("industries") + "/" + std::to_string(i);
      if (!(*list)[i].is_object()) {
        fail("policy.wrong_type", ip, "行业应为对象");
        continue;
      }
      Obj io(*this, (*list)[i], ip);
      SizeIndustry ind;
      ind.industry = io.str("industry");
      if (!ind.industry.empty() && std::find(kIndustries.begin(), kIndustries.end(), ind.industry) == kIndustries.end()) {
        fail("policy.bad_enum", io.at("industry"), "未知行业“" + ind.industry + "”");
      }
      if (!seen.insert(ind.industry).second) fail("policy.duplicate_id", io.at("industry"), "行业重复");
      ind.label = io.str("label");
      auto cit = citation(io, true);
      const json* rules = io.array("rules");
      static const std::vector<std::string> order = {"large", "medium", "small"};
      if (rules && rules->size() != order.size()) {
        fail("policy.bad_size_rules", io.at("rules"), "每个行业须依次给出 large、medium、small 三条规则（其余为微型）");
      }
      for (std::size_t r = 0; rules && r < rules->size(); ++r) {
        std::string rp = io.at("rules") + "/" + std::to_string(r);
        if (!(*rules)[r].is_object()) {
          fail("policy.wrong_type", rp, "规则应为对象");
          continue;
        }
        Obj ro(*this, (*rules)[r], rp);
        SizeRule rule;
        rule.size_class = ro.str("class");
        if (r < order.size() && rule.size_class != order[r]) {
          fail("policy.bad_size_rules", ro.at("class"), "第 " + std::to_string(r + 1) + " 条规则应为 " + order[r]);
        }
        const json* crit = ro.get("criterion");
        if (!crit) {
          fail("policy.missing_key", ro.at("criterion"), "缺少必填字段“criterion”");
        } else {
          rule.criterion = criterion(*crit, ro.at("criterion"), cit ? &*cit : nullptr, nullptr);
          // 划型 comes first and reads the profile alone: no refs, titles, sizes or scores in it.
          std::function<bool(const Criterion&)> plain = [&](const Criterion& k) {
            if (k.kind == Criterion::Kind::Ref || k.kind == Criterion::Kind::Size || k.kind == Criterion::Kind::Holds ||
                k.kind == Criterion::Kind::Score) {
              return false;
            }
            return std::all_of(k.children.begin(), k.children.end(), plain);
          };
          if (!plain(rule.criterion)) {
            fail("policy.bad_criterion", ro.at("criterion"), "划型规则只能使用 metric、fact、all、any、not");
          }
        }
        ro.finish();
        ind.rules.push_back(std::move(rule));
      }
      io.finish();
      p.industries.push_back(std::move(ind));
    }
  }

  ScoreTable score_table(const json& j, const std::string& path) {
    ScoreTable t;
    if (!j.is_object()) {
      fail("policy.wrong_type", path, "评分表应为对象");
      return t;
    }
    Obj o(*this, j, path);
    t.id = o.str("id");
    check_id(t.id, o.at("id"));
    t.title = o.str("title");
    auto cit = citation(o, true);
    if (cit) t.citation = *cit;
    if (const json* cats = o.array("categories")) {
      for (std::size_t i = 0; i < cats->size(); ++i) {
        std::string cp = o.at("categories") + "/" + std::to_string(i);
        if (!(*cats)[i].is_object()) {
          fail("policy.wrong_type", cp, "类别应为对象");
          continue;
        }
        Obj co(*this, (*cats)[i], cp);
        ScoreCategory cat{co.str("id"), co.str("title"), co.integer("max").value_or(0)};
        check_id(cat.id, co.at("id"));
        co.finish();
        t.categories.push_back(cat);
      }
    }
    if (const json* inds = o.array("indicators")) {
      for (std::size_t i = 0; i < inds->size(); ++i) {
        t.indicators.push_back(indicator((*inds)[i], o.at("indicators") + "/" + std::to_string(i), t));
      }
    }
    for (const auto& cat : t.categories) {
      int sum = 0;
      for (const auto& ind : t.indicators) sum += ind.category == cat.id ? ind.max : 0;
      if (sum != cat.max) {
        fail("policy.bad_score_table", path, "类别“" + cat.id + "”的满分 " + std::to_string(cat.max) +
                                                 " 与其指标满分之和 " + std::to_string(sum) + " 不一致");
      }
    }
    o.finish();
    return t;
  }

  Indicator indicator(const json& j, const std::string& path, const ScoreTable& table) {
    Indicator ind;
    if (!j.is_object()) {
      fail("policy.wrong_type", path, "指标应为对象");
      return ind;
    }
    Obj o(*this, j, path);
    ind.id = o.str("id");
    check_id(ind.id, o.at("id"));
    ind.title = o.str("title");
    ind.category = o.str("category");
    if (std::none_of(table.categories.begin(), table.categories.end(),
                     [&](const ScoreCategory& c) { return c.id == ind.category; })) {
      fail("policy.unknown_category", o.at("category"), "评分表中没有类别“" + ind.category + "”");
    }
    ind.max = o.integer("max").value_or(0);
    auto cit = citation(o, false);
    ind.citation = cit ? *cit : table.citation;
    ind.interpretation = o.opt_str("interpretation");
    std::string mode = o.has("mode") ? o.str("mode") : "first_match";
    if (mode == "first_match") {
      ind.mode = Indicator::Mode::FirstMatch;
    } else if (mode == "sum") {
      ind.mode = Indicator::Mode::Sum;
    } else if (mode == "value") {
      ind.mode = Indicator::Mode::Value;
    } else {
      fail("policy.bad_enum", o.at("mode"), "mode 只能是 first_match、sum 或 value");
    }
    if (ind.mode == Indicator::Mode::Value) {
      ind.metric = o.str("metric");
      if (!ind.metric.empty() && !find_metric(ind.metric)) fail("policy.unknown_metric", o.at("metric"), "未知指标“" + ind.metric + "”");
    } else if (const json* bands = o.array("bands")) {
      for (std::size_t i = 0; i < bands->size(); ++i) {
        std::string bp = o.at("bands") + "/" + std::to_string(i);
        if (!(*bands)[i].is_object()) {
          fail("policy.wrong_type", bp, "分档应为对象");
          continue;
        }
        Obj bo(*this, (*bands)[i], bp);
        Band b;
        b.points = bo.integer("points").value_or(0);
        if (b.points > ind.max && ind.mode == Indicator::Mode::FirstMatch) {
          fail("policy.bad_score_table", bo.at("points"), "分档得分超过指标满分");
        }
        b.label = bo.opt_str("label");
        if (const json* w = bo.get("when")) {
          b.when = criterion(*w, bo.at("when"), &ind.citation, nullptr, true);
          if (b.when->title.empty() && !b.label.empty()) b.when->title = b.label;
          name_anonymous(*b.when, ind.id + ".band" + std::to_string(i + 1));
        } else if (i + 1 != bands->size() || ind.mode != Indicator::Mode::FirstMatch) {
          fail("policy.bad_score_table", bp, "只有最后一档可以省略 when（表示“其他情况”）");
        }
        bo.finish();
        ind.bands.push_back(std::move(b));
      }
    }
    o.finish();
    return ind;
  }

  // A list of criteria version names (a policy's, required and non-empty; a tier's, optional).
  std::vector<std::string> versions(Obj& o, bool required) {
    std::vector<std::string> out;
    const json* vs = o.array("versions", required);
    if (!vs) return out;
    for (const auto& v : *vs) {
      if (v.is_string() && !v.get_ref<const std::string&>().empty()) out.push_back(v.get<std::string>());
      else fail("policy.wrong_type", o.at("versions"), "versions 应为非空文字列表");
    }
    if (required && vs->empty()) fail("policy.wrong_type", o.at("versions"), "versions 不能为空");
    return out;
  }

  // ---- awards -------------------------------------------------------------------------------

  // Calls fn(item) for each element of the list `key`, refusing an element that is not an object.
  template <typename F>
  void each_object(Obj& o, const std::string& key, bool required, const std::string& what, F&& fn) {
    const json* list = o.array(key, required);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      std::string path = o.at(key) + "/" + std::to_string(i);
      if (!(*list)[i].is_object()) {
        fail("policy.wrong_type", path, what + "应为对象");
        continue;
      }
      Obj item(*this, (*list)[i], path);
      fn(item);
      item.finish();
    }
  }

  std::optional<Rational> money(Obj& o, const std::string& key, bool required = true) {
    const json* v = o.get(key);
    if (!v) {
      if (required) fail("policy.missing_key", o.at(key), "缺少必填字段“" + key + "”");
      return std::nullopt;
    }
    auto parsed = parse_decimal(v->is_string() ? v->get<std::string>() : (v->is_number_integer() ? v->dump() : ""), 2);
    if (!parsed.value || parsed.value->sign() < 0) {
      fail("policy.bad_threshold", o.at(key), "金额应为元，最多两位小数（如 \"100000\"）");
      return std::nullopt;
    }
    return parsed.value;
  }

  std::optional<Rational> rate(Obj& o, const std::string& key) {
    const json* v = o.get(key);
    auto parsed = parse_decimal(v && v->is_string() ? v->get<std::string>() : "", -1, true);
    if (!parsed.value || parsed.value->sign() <= 0) {
      fail("policy.bad_threshold", o.at(key), "比例应写成 \"50%\" 或 \"0.5\"");
      return std::nullopt;
    }
    return parsed.value;
  }

  const EventParam* event_param(const EventType* type, Obj& o, const std::string& key, std::initializer_list<ParamKind> kinds) {
    std::string name = o.str(key);
    if (!type || name.empty()) return nullptr;
    const EventParam* param = find_event_param(*type, name);
    if (!param || std::find(kinds.begin(), kinds.end(), param->kind) == kinds.end()) {
      fail("policy.unknown_param", o.at(key), "事项“" + type->type + "”没有可用于此处的参数“" + name + "”");
      return nullptr;
    }
    return param;
  }

  Amount amount(const json& j, const std::string& path, const EventType* type, bool top = false) {
    Amount a;
    if (!j.is_object()) {
      fail("policy.wrong_type", path, "amount 应为对象");
      return a;
    }
    Obj o(*this, j, path);
    const std::string k = o.str("kind");
    a.kind = parse_amount_kind(k).value_or(AmountKind::None);
    switch (a.kind) {
      case AmountKind::Fixed:
      case AmountKind::UpTo:
        a.yuan = money(o, "yuan").value_or(Rational(0));
        break;
      case AmountKind::Rate:
      case AmountKind::RateCap:
      case AmountKind::RateUpTo:
      case AmountKind::TaxCredit:
        a.rate = rate(o, "rate").value_or(Rational(0));
        event_param(type, o, "base", {ParamKind::Money});
        a.base = j.value("base", "");
        if (a.kind == AmountKind::RateCap || a.kind == AmountKind::RateUpTo) {
          a.cap = money(o, "cap");
          // Whom the cap binds: only a measure's own amount may share its cap across lines.
          if (top && o.has("cap_scope")) read_cap_scope(o, a);
        }
        if (a.kind == AmountKind::TaxCredit) a.carry_forward_years = o.integer("carry_forward_years").value_or(0);
        break;
      case AmountKind::PerUnit:
        each_object(o, "units", true, "units 的每一项", [&](Obj& u) {
          const EventParam* param = event_param(type, u, "param", {ParamKind::Count});
          auto each = money(u, "yuan");
          if (param && each) a.units.emplace_back(param->name, *each);
        });
        break;
      case AmountKind::Tiered:
      case AmountKind::By: {
        const EventParam* param = event_param(type, o, "param", {ParamKind::Rank, ParamKind::Enum, ParamKind::Bool});
        a.param = param ? param->name : "";
        if (const json* cases = o.get("cases"); cases && cases->is_object()) {
          for (const auto& [key, value] : cases->items()) {
            std::string cp = o.at("cases") + "/" + pointer_token(key);
            bool known = param && (param->kind == ParamKind::Rank   ? parse_decimal(key).value.has_value()
                                   : param->kind == ParamKind::Bool ? (key == "true" || key == "false")
                                   : std::find(param->values.begin(), param->values.end(), key) != param->values.end());
            if (param && !known) fail("policy.bad_enum", cp, "“" + key + "”不是参数“" + param->name + "”的可选值");
            a.cases.emplace_back(key, amount(value, cp, type));
          }
        } else {
          fail("policy.missing_key", o.at("cases"), "tiered / by 需要 cases 对象");
        }
        break;
      }
      case AmountKind::Unquantified:
      case AmountKind::Benefit:
      case AmountKind::NotPaid:
        a.text = o.str(a.kind == AmountKind::Benefit ? "text" : "reason");
        break;
      case AmountKind::SameAsGroup:
        a.group = o.str("group");
        a.param = "title";
        same_as_groups_.emplace_back(a.group, o.at("group"));
        break;
      case AmountKind::ByReading: {
        // An amount that rests on a contested reading: one amount for each option of the reading.
        a.reading = o.str("reading");
        std::vector<std::string> option_ids;
        if (const json* opts = o.get("options"); opts && opts->is_object()) {
          for (const auto& [key, value] : opts->items()) {
            option_ids.push_back(key);
            a.cases.emplace_back(key, amount(value, o.at("options") + "/" + pointer_token(key), type));
          }
        } else {
          fail("policy.missing_key", o.at("options"), "by_reading 需要 options 对象：每个读法一个金额");
        }
        if (!a.reading.empty()) reading_uses_.push_back(ReadingUse{a.reading, option_ids, o.at("reading")});
        // Options that share one cap (三明 sm.fund_investment: 最高100万元 under either rate) may
        // say whom it binds, as a rate_cap does.
        if (top && o.has("cap_scope")) {
          if (common_cap(a)) {
            read_cap_scope(o, a);
          } else {
            o.get("cap_scope");
            fail("policy.unknown_key", o.at("cap_scope"), "cap_scope 只用于有封顶金额的金额；by_reading 的各选项须有同一个封顶金额");
          }
        }
        break;
      }
      case AmountKind::LessEarlier:
        // The amount less the largest award of the group for a title held since an earlier year.
        a.group = o.str("group");
        same_as_groups_.emplace_back(a.group, o.at("group"));
        if (const json* inner = o.get("amount")) {
          a.cases.emplace_back("", amount(*inner, o.at("amount"), type));
        } else {
          fail("policy.missing_key", o.at("amount"), "less_earlier 需要 amount");
        }
        break;
      case AmountKind::None:
        if (!k.empty()) {
          fail("policy.bad_enum", o.at("kind"),
               "amount.kind 只能是 fixed、up_to、rate、rate_cap、rate_up_to、per_unit、tiered、unquantified、benefit、tax_credit、by、same_as_group、by_reading、less_earlier");
        }
        break;
    }
    o.finish();
    return a;
  }

  static bool is_cap_scope(const std::string& s) { return s == "per_event" || s == "per_enterprise" || s == "per_investor"; }

  // `cap_scope`: a scope, or, where the text leaves open whom the cap binds, a declared reading
  // with a scope for each option: {"reading": id, "options": {option: scope, …}}.
  void read_cap_scope(Obj& o, Amount& a) {
    const json* v = o.get("cap_scope");
    if (v && v->is_object()) {
      Obj so(*this, *v, o.at("cap_scope"));
      a.cap_scope_reading = so.str("reading");
      std::vector<std::string> option_ids;
      if (const json* opts = so.get("options"); opts && opts->is_object()) {
        for (const auto& [key, value] : opts->items()) {
          const std::string at = so.at("options") + "/" + pointer_token(key);
          if (!value.is_string() || !is_cap_scope(value.get<std::string>())) {
            fail("policy.bad_enum", at, "cap_scope 的每个选项只能是 per_event、per_enterprise 或 per_investor");
            continue;
          }
          option_ids.push_back(key);
          a.cap_scope_options.emplace_back(key, value.get<std::string>());
        }
      } else {
        fail("policy.missing_key", so.at("options"), "cap_scope 的读法需要 options 对象：每个读法一个适用范围");
      }
      so.finish();
      if (!a.cap_scope_reading.empty()) reading_uses_.push_back(ReadingUse{a.cap_scope_reading, option_ids, so.at("reading")});
      // The scope checked against the applicant below: the first that shares the cap.
      a.cap_scope = "per_event";
      for (const auto& [option, scope] : a.cap_scope_options) {
        if (scope != "per_event") {
          a.cap_scope = scope;
          break;
        }
      }
      return;
    }
    a.cap_scope = o.str("cap_scope");
    if (!is_cap_scope(a.cap_scope)) {
      fail("policy.bad_enum", o.at("cap_scope"), "cap_scope 只能是 per_event、per_enterprise 或 per_investor，或一个读法 {reading, options}");
      a.cap_scope = "per_event";
    }
  }

  void read_awards(Obj& o, Policy& p) {
    if (const json* j = o.get("jurisdiction"); j && j->is_object()) {
      Obj jo(*this, *j, o.at("jurisdiction"));
      p.jurisdiction = Jurisdiction{jo.str("id"), jo.str("name"), jo.str("level"), jo.opt_str("parent")};
      if (p.jurisdiction.level != "city" && p.jurisdiction.level != "province") {
        fail("policy.bad_enum", jo.at("level"), "level 只能是 city 或 province");
      }
      jo.finish();
    } else {
      fail("policy.missing_key", o.at("jurisdiction"), "缺少必填字段“jurisdiction”");
    }
    p.provenance = o.opt_str("provenance");
    if (p.status == "unknown" && p.provenance.empty() && !o.has("provenance")) {
      fail("policy.missing_key", o.at("provenance"), "status 为 unknown 时须用 provenance 说明来源缺少什么（如未载发文机关、文号和日期）");
    }
    p.source = o.opt_str("source");
    p.source_kind = o.str("source_kind");
    if (!p.source_kind.empty() && p.source_kind != "official" && p.source_kind != "news_report") {
      fail("policy.bad_enum", o.at("source_kind"), "source_kind 只能是 official 或 news_report");
    }
    each_object(o, "groups", false, "叠加组", [&](Obj& g) {
      AwardGroup group{g.str("id"), g.str("title"), g.str("rule"), {}, g.opt_str("interpretation")};
      check_id(group.id, g.at("id"));
      if (group.rule != "highest_only") fail("policy.bad_enum", g.at("rule"), "rule 只能是 highest_only");
      if (auto c = citation(g, true)) group.citation = *c;
      p.groups.push_back(group);
    });
    each_object(o, "rules", false, "规则", [&](Obj& r) {
      AwardRule rule{r.str("id"), r.str("title"), {}, r.opt_str("interpretation")};
      check_id(rule.id, r.at("id"));
      if (auto c = citation(r, true)) rule.citation = *c;
      p.rules.push_back(rule);
    });
    each_object(o, "benchmarks", false, "对标目标", [&](Obj& b) {
      Benchmark mark{b.str("id"), b.str("title"), b.str("target"), std::nullopt, {}, b.opt_str("interpretation")};
      check_id(mark.id, b.at("id"));
      if (auto c = citation(b, true)) mark.citation = *c;
      if (const json* crit = b.get("criterion")) {
        mark.criterion = criterion(*crit, b.at("criterion"), &mark.citation, nullptr, true);
        name_anonymous(*mark.criterion, mark.id + ".check");
      }
      p.benchmarks.push_back(std::move(mark));
    });
    same_as_groups_.clear();
    each_object(o, "measures", true, "措施", [&](Obj& m) {
      Measure me;
      me.id = m.str("id");
      check_id(me.id, m.at("id"));
      me.title = m.str("title");
      me.applicant = m.str("applicant");
      const auto& kinds = applicant_kinds();
      if (!me.applicant.empty() && std::find(kinds.begin(), kinds.end(), me.applicant) == kinds.end()) {
        fail("policy.bad_enum", m.at("applicant"), "未知申请主体“" + me.applicant + "”");
      }
      auto cit = citation(m, true);
      if (cit) me.citation = *cit;
      me.interpretation = m.opt_str("interpretation");
      me.apply = apply_info(m);
      const EventType* type = nullptr;
      if (const json* t = m.get("trigger"); t && t->is_object()) {
        Obj to(*this, *t, m.at("trigger"));
        if (to.has("event")) {
          me.trigger.event = to.str("event");
          type = find_event_type(me.trigger.event);
          if (!type) fail("policy.bad_enum", to.at("event"), "未知事项类型“" + me.trigger.event + "”（见 docs/events.md）");
        }
        if (const json* where = to.get("where"); where && type) {
          for (const auto& [param, accepted] : where->items()) {
            std::string wp = to.at("where") + "/" + pointer_token(param);
            const EventParam* ep = find_event_param(*type, param);
            std::vector<std::string> values;
            for (const auto& v : accepted.is_array() ? accepted : json::array({accepted})) {
              values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
            }
            if (!ep || ep->kind == ParamKind::Money) {
              fail("policy.unknown_param", wp, "事项“" + type->type + "”没有可用于匹配的参数“" + param + "”");
            } else if (std::find(values.begin(), values.end(), "") != values.end()) {
              // A blank is unknown, never a value a measure pays for (see blank_as).
              fail("policy.bad_enum", wp, "“未填写”不能作为匹配值：未填写的参数按未知处理（文本确定其取值时用 blank_as）");
            } else if (ep->kind == ParamKind::Bool) {
              for (const auto& v : values) {
                if (v != "true" && v != "false") fail("policy.bad_enum", wp, "是/否参数“" + param + "”只能取 true 或 false");
              }
            } else if (ep->kind == ParamKind::Enum) {
              for (const auto& v : values) {
                if (std::find(ep->values.begin(), ep->values.end(), v) == ep->values.end()) {
                  fail("policy.bad_enum", wp, "“" + v + "”不是参数“" + param + "”的可选值");
                }
              }
            }
            me.trigger.where.emplace_back(param, values);
          }
        }
        if (const json* blanks = to.get("blank_as"); blanks && type) {
          if (!blanks->is_object()) fail("policy.wrong_type", to.at("blank_as"), "blank_as 应为对象 {参数: 取值}");
          for (const auto& item : (blanks->is_object() ? *blanks : kEmptyObject).items()) {
            const std::string param = item.key();  // a copy: clang rejects structured bindings captured by a lambda
            const json& value = item.value();
            std::string bp = to.at("blank_as") + "/" + pointer_token(param);
            auto w = std::find_if(me.trigger.where.begin(), me.trigger.where.end(), [&](const auto& x) { return x.first == param; });
            std::string v = value.is_string() ? value.get<std::string>() : value.dump();
            if (w == me.trigger.where.end()) {
              fail("policy.unknown_param", bp, "blank_as 只能用于 where 中检验的参数（“" + param + "”不在 where 中）");
            } else if (std::find(w->second.begin(), w->second.end(), v) == w->second.end()) {
              fail("policy.bad_enum", bp, "blank_as 的取值“" + v + "”应是 where 接受的值之一");
            } else {
              me.trigger.blank_as.emplace_back(param, v);
            }
          }
        }
        for (const char* bound : {"at_least", "at_most"}) {
          const json* limits = to.get(bound);
          if (!limits || !type) continue;
          for (const auto& [param, value] : limits->items()) {
            std::string bp = to.at(bound) + "/" + pointer_token(param);
            const EventParam* ep = find_event_param(*type, param);
            auto v = parse_decimal(value.is_string() ? value.get<std::string>() : value.dump(), -1);
            if (!ep || ep->kind == ParamKind::Enum || ep->kind == ParamKind::Bool || !v.value) {
              fail("policy.unknown_param", bp, "事项“" + type->type + "”没有可比较大小的参数“" + param + "”，或取值不是数字");
              continue;
            }
            (std::string(bound) == "at_least" ? me.trigger.at_least : me.trigger.at_most).emplace_back(param, *v.value);
          }
        }
        to.finish();
      } else {
        fail("policy.missing_key", m.at("trigger"), "缺少必填字段“trigger”（事项 event，或空对象表示按企业状态适用）");
      }
      if (const json* req = m.get("requires")) {
        me.requires_ = criterion(*req, m.at("requires"), &me.citation, nullptr, true);
        name_anonymous(*me.requires_, me.id + ".requires");
      }
      if (const json* a = m.get("amount")) {
        me.amount = amount(*a, m.at("amount"), type, true);
        // 单家企业最高 binds an enterprise (or platform, park…), 每家股权投资企业最高 an investor.
        const std::string& scope = me.amount.cap_scope;
        if ((scope == "per_investor") != (me.applicant == "investor") && scope != "per_event" && !me.applicant.empty()) {
          fail("policy.bad_enum", m.at("amount") + "/cap_scope",
               scope == "per_investor" ? "per_investor 只用于申请主体为 investor 的措施"
                                       : "申请主体为 investor 的措施请用 per_investor");
        }
      } else {
        fail("policy.missing_key", m.at("amount"), "缺少必填字段“amount”");
      }
      me.group = m.opt_str("group");
      if (!me.group.empty() && std::none_of(p.groups.begin(), p.groups.end(), [&](const AwardGroup& g) { return g.id == me.group; })) {
        fail("policy.unknown_group", m.at("group"), "未知叠加组“" + me.group + "”");
      }
      if (const json* c = m.get("competitive")) me.competitive = c->is_boolean() && c->get<bool>();
      me.funded_by = m.opt_str("funded_by");
      me.adds_to = m.opt_str("adds_to");
      p.measures.push_back(std::move(me));
    });
    for (const auto& named : same_as_groups_) {  // not a structured binding: clang 14 cannot capture one
      if (std::none_of(p.groups.begin(), p.groups.end(), [&](const AwardGroup& g) { return g.id == named.first; })) {
        fail("policy.unknown_group", named.second, "未知叠加组“" + named.first + "”");
      }
    }
  }

  void read_readings(Obj& o, Policy& p) {
    each_object(o, "readings", false, "读法", [&](Obj& r) {
      Reading reading;
      reading.id = r.str("id");
      check_id(reading.id, r.at("id"));
      if (reading.id == kPurposeReading) fail("policy.duplicate_id", r.at("id"), "“purpose”是内置读法（新申请或复核），不能重新声明");
      reading.question = r.str("question");
      reading.default_option = r.str("default");
      reading.interpretation = r.opt_str("interpretation");
      each_object(r, "options", true, "读法选项", [&](Obj& op) {
        ReadingOption option;
        option.id = op.str("id");
        option.label = op.str("label");
        if (auto cit = citation(op, true)) option.citation = *cit;
        for (const auto& seen : reading.options) {
          if (seen.id == option.id) fail("policy.duplicate_id", op.at("id"), "读法选项“" + option.id + "”重复");
        }
        reading.options.push_back(std::move(option));
      });
      if (reading.options.size() < 2) fail("policy.bad_reading", r.at("options"), "有争议的读法至少要有两个选项");
      if (!reading.default_option.empty() && !reading.option(reading.default_option)) {
        fail("policy.bad_reading", r.at("default"), "默认读法“" + reading.default_option + "”不在选项中");
      }
      p.readings.push_back(std::move(reading));
    });
  }

  void read_definitions(Obj& o) {
    const json* list = o.array("definitions", false);
    if (!list) return;
    for (std::size_t i = 0; i < list->size(); ++i) {
      definitions_.push_back(criterion((*list)[i], o.at("definitions") + "/" + std::to_string(i), nullptr, nullptr));
    }
  }

  void read_tiers(Obj& o, Policy& p) {
    each_object(o, "tiers", true, "梯度", [&](Obj& to) {
      Tier t;
      t.id = to.str("id");
      check_id(t.id, to.at("id"));
      t.tier = to.str("tier");
      t.title = to.str("title");
      t.rung = to.integer("rung").value_or(0);
      if (const json* g = to.get("grants")) {
        t.grants = criterion(*g, to.at("grants"), nullptr, nullptr);
      }
      t.versions = versions(to, false);
      if (to.has("valid_to")) {
        t.own_validity = true;
        t.valid_to = to.date("valid_to", false);
      }
      t.note = to.opt_str("note");
      t.apply = apply_info(to);
      if (to.has("renewal_for")) {
        const json* rf = to.get("renewal_for");
        if (!rf->is_object()) {
          fail("policy.wrong_type", to.at("renewal_for"), "renewal_for 应为对象");
        } else {
          Obj ro(*this, *rf, to.at("renewal_for"));
          Tier::RenewalUse use;
          use.versions = versions(ro, true);
          use.from = ro.date("from", true).value_or(Date{});
          use.to = ro.date("to", true).value_or(Date{});
          if (auto cit = citation(ro, true)) use.citation = *cit;
          use.note = ro.opt_str("note");
          ro.finish();
          t.renewal_for = std::move(use);
        }
      }
      if (const json* scores = to.array("scores", false)) {
        for (std::size_t s = 0; s < scores->size(); ++s) {
          t.scores.push_back(score_table((*scores)[s], to.at("scores") + "/" + std::to_string(s)));
        }
      }
      if (const json* crit = to.get("criterion")) {
        t.criterion = criterion(*crit, to.at("criterion"), nullptr, &t.scores);
      } else {
        fail("policy.missing_key", to.at("criterion"), "缺少必填字段“criterion”");
      }
      p.tiers.push_back(std::move(t));
    });
  }

  const StrictDocument& doc_;
  std::string file_;
  std::vector<Error> errors_;
  std::set<std::string> ids_;
  std::string source_id_;  // the policy's id when it has a bundled source text (Citation::source)
  std::vector<Criterion> definitions_;
  std::vector<std::pair<std::string, std::string>> same_as_groups_;
  bool empty_all_ok_ = false;  // set for the criterion read next (a reading's option)

 public:
  // Every `ref` with its path, checked against the whole policy set once all files are loaded;
  // so are `tier` nodes and the options of every `reading` node.
  std::vector<std::pair<std::string, std::string>> refs_;
  std::vector<std::pair<std::string, std::string>> tier_refs_;
  std::vector<ReadingUse> reading_uses_;
};



}  // namespace

namespace {
struct LoadChecks {
  std::vector<std::pair<std::string, std::string>> refs, tier_refs;
  std::vector<ReadingUse> reading_uses;
};

Policy load_policy(std::string_view text, const std::string& file, LoadChecks& checks) {
  StrictDocument doc = parse_strict_json(text, file);
  PolicyLoader loader(doc, file);
  Policy p = loader.run();
  checks.refs = std::move(loader.refs_);
  checks.tier_refs = std::move(loader.tier_refs_);
  checks.reading_uses = std::move(loader.reading_uses_);
  return p;
}

// The refs, tier references and reading options of one file, checked against `set`.
void check_references(const LoadChecks& checks, const PolicySet& set, const std::string& file, std::vector<Error>& errors) {
  for (const auto& [ref, at] : checks.refs) {
    if (!set.definition(ref)) errors.push_back(Error{"policy.unknown_ref", at, "引用的规则“" + ref + "”不存在", file});
  }
  for (const auto& [tier, at] : checks.tier_refs) {
    if (!set.tier(tier).second) errors.push_back(Error{"policy.unknown_tier", at, "引用的层级“" + tier + "”不存在", file});
  }
  for (const auto& use : checks.reading_uses) {
    const Reading* r = set.reading(use.reading);
    if (!r) {
      errors.push_back(Error{"policy.unknown_reading", use.path, "读法“" + use.reading + "”未在 readings 中声明", file});
      continue;
    }
    std::vector<std::string> declared, used = use.options;
    for (const auto& o : r->options) declared.push_back(o.id);
    std::sort(declared.begin(), declared.end());
    std::sort(used.begin(), used.end());
    if (declared != used) {
      std::string list;
      for (const auto& d : declared) list += (list.empty() ? "" : "、") + d;
      errors.push_back(Error{"policy.bad_reading", use.path, "读法“" + use.reading + "”的每个选项须各给一条规则：" + list, file});
    }
  }
}
}  // namespace

Policy load_policy(std::string_view text, const std::string& file) {
  LoadChecks checks;
  Policy p = load_policy(text, file, checks);
  // Alone, a policy can only refer to its own definitions, tiers and readings.
  PolicySet alone;
  alone.policies.push_back(p);
  std::vector<Error> errors;
  check_references(checks, alone, file, errors);
  if (!errors.empty()) throw LoadFailure({errors.front()});
  return p;
}

const std::vector<std::string>& applicant_kinds() {
  static const std::vector<std::string> kinds = {"enterprise",         "service_platform",      "park_operator",
                                                 "investor",           "financial_institution", "training_institution"};
  return kinds;
}

const Criterion* PolicySet::definition(const std::string& id) const {
  for (const auto& p : policies) {
    for (const auto& d : p.definitions) {
      if (d.id == id) return &d;
    }
  }
  return nullptr;
}

const ReadingOption* Reading::option(const std::string& option_id) const {
  for (const auto& o : options) {
    if (o.id == option_id) return &o;
  }
  return nullptr;
}

const Reading* PolicySet::reading(const std::string& id) const {
  static const Reading purpose = [] {
    Reading r;
    r.id = kPurposeReading;
    r.question = "新申请还是复核";
    r.default_option = "new";
    r.options = {ReadingOption{"new", "新申请", {}}, ReadingOption{"renewal", "复核", {}}};
    return r;
  }();
  if (id == kPurposeReading) return &purpose;
  for (const auto& p : policies) {
    for (const auto& r : p.readings) {
      if (r.id == id) return &r;
    }
  }
  return nullptr;
}

std::pair<const Policy*, const Tier*> PolicySet::tier(const std::string& id) const {
  for (const auto& p : policies) {
    for (const auto& t : p.tiers) {
      if (t.id == id) return {&p, &t};
    }
  }
  return {nullptr, nullptr};
}

const Policy* PolicySet::size_standard() const {
  for (const auto& p : policies) {
    if (p.kind == PolicyKind::SizeStandard) return &p;
  }
  return nullptr;
}

PolicySet load_policy_set(const std::vector<std::pair<std::string, std::string>>& files) {
  PolicySet set;
  std::vector<Error> errors;
  std::set<std::string> ids;
  std::vector<std::pair<std::string, LoadChecks>> checks;  // file, its references
  for (const auto& [path, text] : files) {
    try {
      LoadChecks file_checks;
      Policy p = load_policy(text, path, file_checks);
      checks.emplace_back(path, std::move(file_checks));
      if (!ids.insert(p.id).second) {
        errors.push_back(Error{"policy.duplicate_id", "/id", "政策编号“" + p.id + "”与另一文件重复", path});
      }
      set.policies.push_back(std::move(p));
    } catch (const LoadFailure& f) {
      errors.insert(errors.end(), f.errors.begin(), f.errors.end());
    }
  }
  std::map<std::string, std::string> definition_file;
  for (const auto& p : set.policies) {
    for (const auto& d : p.definitions) {
      if (!definition_file.emplace(d.id, p.file).second) {
        errors.push_back(Error{"policy.duplicate_id", "/definitions", "定义“" + d.id + "”在多个文件中出现", p.file});
      }
    }
  }
  std::set<std::string> reading_ids;
  for (const auto& p : set.policies) {
    for (const auto& r : p.readings) {
      if (!reading_ids.insert(r.id).second) {
        errors.push_back(Error{"policy.duplicate_id", "/readings", "读法“" + r.id + "”在多个文件中声明", p.file});
      }
    }
  }
  for (const auto& [file, c] : checks) check_references(c, set, file, errors);
  // A definition that reaches itself through refs would never finish evaluating.
  std::function<bool(const Criterion&, std::set<std::string>&)> cyclic = [&](const Criterion& c, std::set<std::string>& path) {
    if (c.kind == Criterion::Kind::Ref || c.kind == Criterion::Kind::Tier) {
      const Criterion* d = c.kind == Criterion::Kind::Ref ? set.definition(c.ref) : nullptr;
      if (c.kind == Criterion::Kind::Tier && set.tier(c.tier).second) d = &set.tier(c.tier).second->criterion;
      std::string key = c.kind == Criterion::Kind::Ref ? c.ref : "tier:" + c.tier;
      if (!d) return false;
      if (!path.insert(key).second) return true;
      bool found = cyclic(*d, path);
      path.erase(key);
      return found;
    }
    return std::any_of(c.children.begin(), c.children.end(), [&](const Criterion& k) { return cyclic(k, path); });
  };
  if (errors.empty()) {
    for (const auto& p : set.policies) {
      for (const auto& d : p.definitions) {
        std::set<std::string> path{d.id};
        if (cyclic(d, path)) errors.push_back(Error{"policy.ref_cycle", "/definitions", "定义“" + d.id + "”通过 ref 引用了自身", p.file});
      }
      for (const auto& t : p.tiers) {
        std::set<std::string> path{"tier:" + t.id};
        if (cyclic(t.criterion, path)) errors.push_back(Error{"policy.ref_cycle", "/tiers", "层级“" + t.id + "”通过 tier 引用了自身", p.file});
      }
    }
  }
  int size_standards = 0;
  for (const auto& p : set.policies) size_standards += p.kind == PolicyKind::SizeStandard ? 1 : 0;
  if (errors.empty() && size_standards != 1) {
    errors.push_back(Error{"policy.size_standard_count", "", "政策集中应有且只有一个划型标准（size_standard）", "policies"});
  }
  if (!errors.empty()) throw LoadFailure(errors);
  return set;
}

const PolicySet& bundled_policies() {
  static const PolicySet set = [] {
    std::vector<std::pair<std::string, std::string>> files;
    std::map<std::string, std::string> sha256;
    for (const auto& f : bundled_policy_files()) {
      files.emplace_back(f.path, f.text);
      sha256.emplace(f.path, f.sha256);
    }
    PolicySet loaded = load_policy_set(files);
    for (auto& p : loaded.policies) p.sha256 = sha256.at(p.file);
    return loaded;
  }();
  return set;
}

std::string declared_policy_id(std::string_view text) {
  if (text.size() > kMaxPolicyBytes) return "";
  try {
    StrictDocument d = parse_strict_json(text, "policy");
    if (d.value.is_object() && d.value.contains("id") && d.value["id"].is_string()) return d.value["id"].get<std::string>();
  } catch (const LoadFailure&) {
  }
  return "";
}

PolicySet policies_with(const std::vector<std::pair<std::string, std::string>>& files) {
  std::vector<Error> errors;
  std::map<std::string, std::size_t> given;  // policy id -> index in `files`
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto& [file, text] = files[i];
    if (text.size() > kMaxPolicyBytes) {
      errors.push_back(Error{"policy.too_large", "", "政策文件过大（超过 " + std::to_string(kMaxPolicyBytes / 1024 / 1024) + " MB）", file});
      continue;
    }
    try {
      LoadChecks refs;  // checked below, against the whole set
      Policy p = load_policy(text, file, refs);
      if (!given.emplace(p.id, i).second) {
        errors.push_back(Error{"policy.duplicate_id", "/id", "政策编号“" + p.id + "”与另一文件重复", file});
      }
    } catch (const LoadFailure& f) {
      errors.insert(errors.end(), f.errors.begin(), f.errors.end());
    }
  }
  if (!errors.empty()) throw LoadFailure(errors);
  // The bundled files in their order, each replaced in its place by a given file of the same id
  // (so a file given unchanged gives byte-identical results), then the new ones.
  std::vector<std::pair<std::string, std::string>> all;
  std::vector<std::string> sha256;  // parallel to `all`: CMake's for a bundled file, computed for a given one
  std::set<std::size_t> placed;
  const PolicySet& bundled = bundled_policies();
  for (const auto& f : bundled_policy_files()) {
    std::string id;
    for (const auto& p : bundled.policies) {
      if (p.file == f.path) id = p.id;
    }
    if (auto it = given.find(id); it != given.end()) {
      all.push_back(files[it->second]);
      sha256.push_back(sha256_hex(files[it->second].second));
      placed.insert(it->second);
    } else {
      all.emplace_back(f.path, f.text);
      sha256.push_back(f.sha256);
    }
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (placed.count(i)) continue;
    all.push_back(files[i]);
    sha256.push_back(sha256_hex(files[i].second));
  }
  PolicySet set = load_policy_set(all);
  for (std::size_t i = 0; i < set.policies.size(); ++i) set.policies[i].sha256 = sha256[i];
  return set;
}

namespace {
std::shared_ptr<const PolicySet>& active_slot() {
  static std::shared_ptr<const PolicySet> slot;
  return slot;
}
}  // namespace

std::shared_ptr<const PolicySet> active_policy_set() {
  auto& slot = active_slot();
  if (!slot) slot = std::shared_ptr<const PolicySet>(&bundled_policies(), [](const PolicySet*) {});
  return slot;
}

const PolicySet& active_policies() { return *active_policy_set(); }

void use_policies(std::shared_ptr<const PolicySet> set) { active_slot() = std::move(set); }

}  // namespace srdi
