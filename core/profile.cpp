#include "core/profile.hpp"

#include "core/json_tree.hpp"

#include <algorithm>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace srdi {

namespace {

// 10万亿元: above any enterprise's figure, and small enough that every ratio, growth rate and
// average of the metric catalogue stays far inside 128-bit intermediates.
const Rational kMaxMoney = Rational(10'000'000'000'000);
constexpr std::int64_t kMaxCount = 1'000'000'000;

std::vector<FieldSpec> make_fields() {
  std::vector<FieldSpec> f;
  auto add = [&](std::string name, FieldKind kind, std::string label) {
    f.push_back(FieldSpec{std::move(name), kind, std::move(label)});
  };
  auto years3 = [&](const std::string& base, FieldKind kind, const std::string& label) {
    add(base + ".last", kind, label + "（上年度）");
    add(base + ".prev", kind, label + "（上上年度）");
    add(base + ".prev2", kind, label + "（前三年度）");
  };
  add("name", FieldKind::Text, "企业名称");
  add("city", FieldKind::Text, "所在城市");
  f.push_back(FieldSpec{"applicant", FieldKind::Enum, "申请主体",
                        {"enterprise", "service_platform", "park_operator", "investor", "financial_institution",
                         "training_institution"}});
  f.push_back(FieldSpec{"industry", FieldKind::Enum, "所属行业（划型）",
                        {"agriculture", "industry", "construction", "wholesale", "retail", "transport",
                         "warehousing", "postal", "accommodation", "catering", "information_transmission",
                         "software_it", "real_estate_development", "property_management",
                         "leasing_business_services", "other"}});
  add("employees", FieldKind::Count, "从业人员");
  years3("revenue", FieldKind::Money, "营业收入");
  years3("main_business_revenue", FieldKind::Money, "主营业务收入");
  add("total_assets", FieldKind::Money, "资产总额");
  add("total_liabilities", FieldKind::Money, "负债总额");
  add("net_profit", FieldKind::SignedMoney, "净利润（上年度）");
  add("rd_expense.last", FieldKind::Money, "研发费用（上年度）");
  add("rd_expense.prev", FieldKind::Money, "研发费用（上上年度）");
  add("rd_staff", FieldKind::Count, "研发人员");
  add("niche_years", FieldKind::Count, "从事特定细分市场年限");
  years3("equity_financing", FieldKind::Money, "新增股权融资（合格机构投资者实缴）");
  add("ip.class1_high_value", FieldKind::Count, "Ⅰ类高价值知识产权");
  add("ip.class1_self_developed", FieldKind::Count, "自主研发的Ⅰ类知识产权");
  add("ip.class1", FieldKind::Count, "Ⅰ类知识产权");
  add("ip.class1_applied", FieldKind::Count, "已应用并产生效益的Ⅰ类知识产权");
  add("ip.class2", FieldKind::Count, "Ⅱ类知识产权");
  f.push_back(FieldSpec{"rd_institution", FieldKind::Enum, "自建研发机构级别",
                        {"none", "below_city", "city", "provincial", "national"}});
  add("provincial_rd_institution", FieldKind::Bool, "拥有省部级以上研发机构");
  f.push_back(FieldSpec{"digital_level", FieldKind::IntRange, "数字化水平等级", {}, 1, 4});
  add("quality.provincial_award", FieldKind::Bool, "获得省级以上质量奖");
  add("quality.iso9001", FieldKind::Bool, "通过ISO9001等质量管理体系认证");
  add("quality.standards", FieldKind::Bool, "参与制修订标准");
  add("info_system_core_business", FieldKind::Bool, "核心业务采用信息系统支撑");
  add("management_certified", FieldKind::Bool, "取得管理体系认证或发达国家产品认证");
  add("strategic_emerging", FieldKind::Bool, "主导产品属于战略性新兴产业");
  f.push_back(FieldSpec{"product_field", FieldKind::Enum, "主导产品所属领域",
                        {"key_breakthrough", "six_basics_or_chain", "none"}});
  add("key_field_little_giant", FieldKind::Bool, "主导产品属于小巨人重点领域且位于产业链关键环节");
  add("market_share_domestic", FieldKind::Percent, "国内细分市场占有率");
  // 2号 小巨人 condition 5 reads 国内或国际细分市场占有率: an exporter's world share counts too.
  add("market_share_international", FieldKind::Percent, "国际细分市场占有率");
  add("market_rank_domestic", FieldKind::Rank, "国内细分市场排名");
  add("own_brand", FieldKind::Bool, "拥有自主品牌");
  add("market_leading", FieldKind::Bool, "主导产品细分市场占有率较为靠前");
  // Each rank of 科技奖励 has its own year: the criteria judge 近三年 per rank.
  add("sci_award.national_rank", FieldKind::Rank, "国家级科技奖励排名");
  f.push_back(FieldSpec{"sci_award.national_year", FieldKind::IntRange, "国家级科技奖励获奖年份", {}, 1949, 2100,
                        false, true});
  add("sci_award.provincial_rank", FieldKind::Rank, "省级科技奖励排名");
  f.push_back(FieldSpec{"sci_award.provincial_year", FieldKind::IntRange, "省级科技奖励获奖年份", {}, 1949, 2100,
                        false, true});
  add("sci_award.ministerial_rank", FieldKind::Rank, "部级科技奖励排名");
  f.push_back(FieldSpec{"sci_award.ministerial_year", FieldKind::IntRange, "部级科技奖励获奖年份", {}, 1949, 2100,
                        false, true});
  f.push_back(FieldSpec{"maker_china", FieldKind::Enum, "创客中国全国赛成绩", {"top50", "top500", "none"}});
  f.push_back(FieldSpec{"maker_china_year", FieldKind::IntRange, "创客中国全国赛入围年份", {}, 1949, 2100, false, true});
  for (const char* h : {"high_tech_enterprise", "tech_innovation_demo", "ip_advantage", "ip_demo"}) {
    add(std::string("honors.") + h, FieldKind::Bool, "");
  }
  f.push_back(FieldSpec{"distinctive_score", FieldKind::IntRange, "特色化指标得分（自评）", {}, 0, 15});
  add("platform_score.this_year", FieldKind::Score, "专精特新发展评价得分（本年度）");
  add("platform_score.last_year", FieldKind::Score, "专精特新发展评价得分（上年度）");
  add("compliance.registered_in_china", FieldKind::Bool, "境内注册、具有独立法人资格");
  add("compliance.not_abnormal", FieldKind::Bool, "未列入经营异常名录或严重失信名单");
  add("compliance.no_major_incident", FieldKind::Bool, "近三年未发生重大事故或违法行为");
  add("compliance.product_allowed", FieldKind::Bool, "产品不属于禁止、限制或淘汰类");
  f.push_back(FieldSpec{"evaluation_year", FieldKind::IntRange, "评估年度", {}, 1900, 9999, true});
  // Labels of the honours, set here so the loop above stays short.
  for (auto& s : f) {
    if (s.name == "honors.high_tech_enterprise") s.label = "高新技术企业";
    if (s.name == "honors.tech_innovation_demo") s.label = "国家级技术创新示范企业";
    if (s.name == "honors.ip_advantage") s.label = "知识产权优势企业";
    if (s.name == "honors.ip_demo") s.label = "知识产权示范企业";
  }
  return f;
}

const std::vector<std::string> kLevels = {"national", "provincial", "city"};

// The words of rd_institution's levels, for messages.
std::string level_word(const std::string& level) {
  if (level == "none") return "无";
  if (level == "below_city") return "市级以下";
  if (level == "city") return "市级";
  if (level == "provincial") return "省级";
  if (level == "national") return "国家级";
  return level;
}

// The ranks of a 科技奖励 object: inside a given object, a rank left out means no award at that level.
const std::vector<std::string> kAwardRanks = {"sci_award.national_rank", "sci_award.provincial_rank",
                                              "sci_award.ministerial_rank"};

// Field and group names, indexed once: the loader and the metrics look names up for every value.
struct FieldIndex {
  std::unordered_map<std::string_view, const FieldSpec*> fields;
  std::unordered_set<std::string> groups;  // "revenue", "ip", "sci_award", ... (prefixes of dotted names)
  FieldIndex() {
    for (const auto& f : profile_fields()) {
      fields.emplace(f.name, &f);
      for (std::size_t dot = f.name.find('.'); dot != std::string::npos; dot = f.name.find('.', dot + 1)) {
        groups.insert(f.name.substr(0, dot));
      }
    }
  }
};
const FieldIndex& field_index() {
  static const FieldIndex index;
  return index;
}

// A JSON pointer, written out only when an error needs it: reading a good profile builds no path.
struct Path {
  const Path* parent = nullptr;
  std::string_view key;                          // a member's key, or
  std::size_t index = std::string_view::npos;    // an array element's index
  std::string str() const {
    if (!parent) return "";
    return parent->str() + "/" + (index != std::string_view::npos ? std::to_string(index) : pointer_token(std::string(key)));
  }
};

class Loader {
 public:
  Loader(const JsonTree& tree, const Date* as_of) : tree_(tree), as_of_(as_of) {}

  Profile run() {
    const JsonView root(tree_, tree_.root());
    if (!root.is_object()) {
      fail("profile.wrong_type", "", "企业信息应为一个 JSON 对象");
    } else {
      walk_object(root, "", Path{});
      derive_rd_institution();
      derive_high_tech_honor();
    }
    if (!errors_.empty()) throw LoadFailure(errors_);
    return std::move(profile_);
  }

 private:
  void fail(std::string code, std::string path, std::string message) {
    errors_.push_back(Error{std::move(code), std::move(path), std::move(message), "profile"});
  }
  void fail(std::string code, const Path& path, std::string message) { fail(std::move(code), path.str(), std::move(message)); }

  static bool is_group(std::string_view prefix) { return field_index().groups.count(std::string(prefix)) > 0; }

  void walk_object(const JsonView& obj, std::string_view prefix, const Path& path) {
    // The dotted name of each member ("revenue.last"), built in place: no allocation per value.
    char buffer[128];
    for (std::size_t i = 0; i < obj.size(); ++i) {
      const JsonView value = obj[i];
      const std::string_view key = value.key();
      std::string long_name;  // only for a name longer than the buffer (an unknown key)
      std::string_view name = key;
      if (!prefix.empty()) {
        if (prefix.size() + 1 + key.size() <= sizeof buffer) {
          std::copy(prefix.begin(), prefix.end(), buffer);
          buffer[prefix.size()] = '.';
          std::copy(key.begin(), key.end(), buffer + prefix.size() + 1);
          name = std::string_view(buffer, prefix.size() + 1 + key.size());
        } else {
          long_name = std::string(prefix) + "." + std::string(key);
          name = long_name;
        }
      }
      const Path p{&path, value.key()};
      if (key.find('.') != std::string_view::npos) {
        // Dotted names are the engine's own; in the profile, "revenue.last" is spelled {"revenue": {"last"}}.
        fail("profile.unknown_key", p, "未知字段“" + std::string(key) + "”（请使用嵌套写法，例如 {\"revenue\": {\"last\": …}}）");
      } else if (prefix.empty() && key == "holds") {
        read_holds(value, p);
      } else if (prefix.empty() && key == "honors") {
        read_honors(value, p);
      } else if (prefix.empty() && key == "events") {
        read_events(value, p);
      } else if (prefix.empty() && key == "sci_award" && value.is_string()) {
        if (value.text() != "none") {
          fail("profile.bad_enum", p, "科技奖励只能填 \"none\"（没有）或一个包含排名和年份的对象");
        } else {
          for (const auto& k : kAwardRanks) set_none(k);
        }
      } else if (name == "sci_award.year") {
        // The single year of earlier versions: each rank now has its own (a national and a
        // provincial award need not be of the same year).
        fail("profile.unknown_key", p,
             "未知字段“year”：科技奖励的获奖年份已按级别分开填写，请改用 national_year（国家级）、"
             "provincial_year（省级）或 ministerial_year（部级），各填对应奖励的获奖年份");
      } else if (const FieldSpec* spec = find_field(name); spec && !spec->internal) {
        read_leaf(*spec, value, p);
      } else if (!find_field(name) && is_group(name)) {
        if (value.is_null()) continue;
        if (!value.is_object()) {
          fail("profile.wrong_type", p, "“" + std::string(key) + "”应为一个对象");
          continue;
        }
        walk_object(value, name, p);  // its own frame builds its names in its own buffer
        if (name == "sci_award") {
          // Inside a given award object, a missing rank means no award at that level.
          for (const auto& k : kAwardRanks) {
            if (!value.has(std::string_view(k).substr(10))) set_none(k);
          }
        }
      } else {
        fail("profile.unknown_key", p, "未知字段“" + std::string(key) + "”（请检查拼写，字段名见文档 docs/profile.md）");
      }
    }
  }

  // rd_institution (the level) and provincial_rd_institution (the flag) both say whether a
  // 省部级以上 R&D institution exists: the level is the source of truth (provincial or national is
  // 省部级以上). Given the level, the flag follows from it; given both, they must agree; the flag
  // alone is kept as given.
  void derive_rd_institution() {
    const Fact* level = profile_.fact("rd_institution");
    if (!level || level->kind != Fact::Kind::Text) return;
    const bool high = level->text == "provincial" || level->text == "national";
    const Fact* flag = profile_.fact("provincial_rd_institution");
    if (flag && flag->kind == Fact::Kind::Bool) {
      if (flag->flag != high) {
        fail("profile.conflicting_fields", "/provincial_rd_institution",
             std::string("“拥有省部级以上研发机构”填的是“") + (flag->flag ? "是" : "否") + "”，但“自建研发机构级别”填的是“" +
                 level_word(level->text) + "”，两者矛盾（省级、国家级即省部级以上）。请改正其中一项，或只填研发机构级别");
      }
      return;
    }
    Fact derived;
    derived.kind = Fact::Kind::Bool;
    derived.flag = high;
    profile_.facts["provincial_rd_institution"] = derived;
  }

  // 高新技术企业 is both an honour (63号 附件1's direct route) and a title the form lists under
  // 已获称号 (济南's 高新 awards). A firm that lists it under 已获称号 holds it: the honour is then
  // met whatever the honours list says (no source states 高新's validity, so a listed title
  // counts as held, as any `holds` node without `valid_years` does).
  void derive_high_tech_honor() {
    if (!profile_.holds) return;
    const bool listed = std::any_of(profile_.holds->begin(), profile_.holds->end(),
                                    [](const Holding& h) { return h.title == "high_tech_enterprise"; });
    if (!listed) return;
    Fact f;
    f.kind = Fact::Kind::Bool;
    f.flag = true;
    profile_.facts["honors.high_tech_enterprise"] = f;
  }

  void set_none(const std::string& name) { profile_.facts[name] = Fact{Fact::Kind::None, {}, false, {}}; }

  // Money or a decimal: a JSON integer, a JSON number (read from its text), or a decimal string.
  // A number is read from its source text (never through a double).
  static std::optional<DecimalParse> read_decimal_text(const JsonView& v, int max_decimals) {
    if (!v.is_number() && !v.is_string()) return std::nullopt;
    return parse_decimal(v.text(), max_decimals);
  }

  void read_leaf(const FieldSpec& spec, const JsonView& v, const Path& p) {
    if (v.is_null()) return;  // null is the same as absent: unknown
    Fact fact;
    switch (spec.kind) {
      case FieldKind::Money:
      case FieldKind::SignedMoney:
      case FieldKind::Percent:
      case FieldKind::Score: {
        const NumberLimits limits = *number_limits(spec);
        const int places = limits.decimals;
        auto parsed = read_decimal_text(v, places);
        if (!parsed) {
          fail("profile.wrong_type", p, spec.label + "应为数字或数字字符串");
          return;
        }
        if (parsed->too_many_decimals) {
          fail(spec.kind == FieldKind::Money || spec.kind == FieldKind::SignedMoney ? "profile.money_precision"
                                                                                      : "profile.precision",
               p, spec.label + "最多保留 " + std::to_string(places) + " 位小数");
          return;
        }
        if (!parsed->value) {
          fail("profile.bad_number", p, spec.label + "不是有效的数字（只能含数字、小数点和负号，不能用科学计数法）");
          return;
        }
        Rational x = *parsed->value;
        if (x.sign() < 0 && limits.min.sign() == 0) {
          fail("profile.negative", p, spec.label + "不能为负数");
          return;
        }
        if (x > limits.max || x < limits.min) {
          // Say the range: percentages and scores stop at 100, money at 10万亿元 either way.
          const bool hundred = spec.kind == FieldKind::Percent || spec.kind == FieldKind::Score;
          fail("profile.out_of_range", p,
               spec.label + (hundred ? "超出允许范围：不能超过 100"
                                     : "超出允许范围：绝对值不能超过 10万亿元"));
          return;
        }
        fact.kind = Fact::Kind::Number;
        fact.number = x;
        break;
      }
      case FieldKind::Count:
      case FieldKind::Rank:
      case FieldKind::IntRange: {
        if (!v.is_integer()) {
          fail("profile.wrong_type", p, spec.label + "应为整数");
          return;
        }
        bool neg = v.integer() < 0;
        if (neg && spec.kind == FieldKind::Count) {
          fail("profile.negative", p, spec.label + "不能为负数");
          return;
        }
        std::int64_t n = neg ? v.integer() : std::min<std::int64_t>(v.integer(), kMaxCount + 1);
        const NumberLimits limits = *number_limits(spec);
        const auto lo = static_cast<std::int64_t>(limits.min.num());
        const auto hi = static_cast<std::int64_t>(limits.max.num());
        if (n < lo || n > hi) {
          fail("profile.out_of_range", p,
               spec.label + "应在 " + std::to_string(lo) + " 到 " + std::to_string(hi) + " 之间");
          return;
        }
        if (spec.calendar_year && as_of_ && n > as_of_->year) {
          fail("profile.date_after_as_of", p,
               spec.label + " " + std::to_string(n) + " 年晚于评估日期 " + as_of_->iso() + "，请检查是否填错");
          return;
        }
        fact.kind = Fact::Kind::Number;
        fact.number = Rational(n);
        break;
      }
      case FieldKind::Bool:
        if (!v.is_boolean()) {
          fail("profile.wrong_type", p, spec.label + "应为 true 或 false");
          return;
        }
        fact.kind = Fact::Kind::Bool;
        fact.flag = v.boolean();
        break;
      case FieldKind::Enum:
      case FieldKind::Text:
        if (!v.is_string()) {
          fail("profile.wrong_type", p, spec.label + "应为文字");
          return;
        }
        fact.kind = Fact::Kind::Text;
        fact.text = std::string(v.text());
        if (spec.kind == FieldKind::Enum &&
            std::find(spec.values.begin(), spec.values.end(), fact.text) == spec.values.end()) {
          std::string allowed;
          for (const auto& a : spec.values) allowed += (allowed.empty() ? "" : "、") + a;
          fail("profile.bad_enum", p, spec.label + "的取值“" + fact.text + "”无效，可选：" + allowed);
          return;
        }
        break;
    }
    // The walk meets the names in sorted order (keys sorted, '.' below every key character), so
    // the end is the place: no search.
    profile_.facts.insert_or_assign(profile_.facts.end(), spec.name, std::move(fact));
  }

  void read_honors(const JsonView& v, const Path& p) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      fail("profile.wrong_type", p, "荣誉应为列表");
      return;
    }
    std::vector<std::string> given;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Path ip{&p, {}, i};
      if (!v[i].is_string() || !find_field("honors." + std::string(v[i].text()))) {
        if (v[i].is_string()) {
          fail("profile.bad_enum", ip, "荣誉“" + std::string(v[i].text()) +
                                           "”无效，可选：high_tech_enterprise、tech_innovation_demo、ip_advantage、ip_demo");
        } else {
          fail("profile.wrong_type", ip, "荣誉应为文字");
        }
        continue;
      }
      given.emplace_back(v[i].text());
    }
    // A list given is complete: every honour not in it is known not to be held.
    for (const auto& spec : profile_fields()) {
      if (spec.name.rfind("honors.", 0) != 0) continue;
      Fact f;
      f.kind = Fact::Kind::Bool;
      f.flag = std::find(given.begin(), given.end(), spec.name.substr(7)) != given.end();
      profile_.facts[spec.name] = f;
    }
  }

  void read_holds(const JsonView& v, const Path& p) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      fail("profile.wrong_type", p, "已获称号应为列表");
      return;
    }
    std::vector<Holding> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Path ip{&p, {}, i};
      const JsonView item = v[i];
      if (!item.is_object()) {
        fail("profile.wrong_type", ip, "每个已获称号应为一个对象（title、level、since）");
        continue;
      }
      Holding h;
      bool ok = true;
      for (std::size_t m = 0; m < item.size(); ++m) {
        const JsonView value = item[m];
        const std::string key(value.key());
        const Path kp{&ip, value.key()};
        if (key == "title") {
          const auto& titles = holding_titles();
          if (!value.is_string()) {
            fail("profile.wrong_type", kp, "称号应为文字");
            ok = false;
          } else if (std::find(titles.begin(), titles.end(), value.text()) == titles.end()) {
            fail("profile.bad_enum", kp, "称号“" + std::string(value.text()) + "”无效");
            ok = false;
          } else {
            h.title = std::string(value.text());
          }
        } else if (key == "level") {
          if (value.is_null()) continue;
          if (!value.is_string() || std::find(kLevels.begin(), kLevels.end(), value.text()) == kLevels.end()) {
            fail("profile.bad_enum", kp, "级别应为 national、provincial 或 city");
            ok = false;
          } else {
            h.level = std::string(value.text());
          }
        } else if (key == "since") {
          if (value.is_null()) continue;
          auto d = value.is_string() ? parse_date(std::string(value.text())) : std::nullopt;
          if (!d) {
            fail("profile.bad_date", kp, "认定日期应为 YYYY-MM-DD 格式的有效日期");
            ok = false;
          } else if (as_of_ && *as_of_ < *d) {
            fail("profile.date_after_as_of", kp,
                 "认定日期 " + d->iso() + " 晚于评估日期 " + as_of_->iso() + "：尚未获得的称号不要填在“已获称号”里，请检查日期");
            ok = false;
          } else {
            h.since = d;
          }
        } else {
          fail("profile.unknown_key", kp, "未知字段“" + key + "”（已获称号只有 title、level、since）");
          ok = false;
        }
      }
      if (const auto& allowed = holding_levels(h.title); ok && h.level && std::find(allowed.begin(), allowed.end(), *h.level) == allowed.end()) {
        fail("profile.bad_enum", ip.str() + "/level",
             h.title == "little_giant" ? "专精特新“小巨人”企业只有国家级认定（由工业和信息化部认定），请选国家级"
                                       : holding_title_words().at(h.title) + "只有省级或市级认定");
        ok = false;
      }
      if (ok && h.title.empty()) {
        fail("profile.missing_key", ip.str() + "/title", "已获称号缺少 title");
        ok = false;
      }
      if (ok) out.push_back(std::move(h));
    }
    profile_.holds = std::move(out);
  }

  void read_events(const JsonView& v, const Path& p) {
    if (v.is_null()) return;
    if (!v.is_array()) {
      fail("profile.wrong_type", p, "本年度事项应为列表");
      return;
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
      const Path ip{&p, {}, i};
      const JsonView item = v[i];
      if (!item.is_object()) {
        fail("profile.wrong_type", ip, "每个事项应为一个对象（type 及其参数）");
        continue;
      }
      if (!item.has("type") || !item.get("type").is_string()) {
        fail("profile.missing_key", ip.str() + "/type", "事项缺少类型 type");
        continue;
      }
      const std::string type_name(item.get("type").text());
      const EventType* type = find_event_type(type_name);
      if (!type) {
        fail("profile.bad_enum", ip.str() + "/type", "事项类型“" + type_name + "”无效（可选类型见 docs/events.md）");
        continue;
      }
      Event e{type->type, {}};
      bool ok = true;
      for (std::size_t m = 0; m < item.size(); ++m) {
        const JsonView value = item[m];
        const std::string key(value.key());
        if (key == "type") continue;
        const Path kp{&ip, value.key()};
        const EventParam* param = find_event_param(*type, key);
        if (!param) {
          fail("profile.unknown_key", kp, "事项“" + type->label + "”没有参数“" + key + "”");
          ok = false;
          continue;
        }
        if (value.is_null()) continue;
        EventValue ev{param->name, std::nullopt, std::nullopt, ""};
        switch (param->kind) {
          case ParamKind::Enum:
            if (!value.is_string() ||
                std::find(param->values.begin(), param->values.end(), value.text()) == param->values.end()) {
              std::string allowed;
              for (const auto& a : param->values) allowed += (allowed.empty() ? "" : "、") + a;
              fail("profile.bad_enum", kp, param->label + "的取值无效，可选：" + allowed);
              ok = false;
            } else {
              ev.text = std::string(value.text());
            }
            break;
          case ParamKind::Bool:
            if (!value.is_boolean()) {
              fail("profile.wrong_type", kp, param->label + "应为 true 或 false");
              ok = false;
            } else {
              ev.flag = value.boolean();
            }
            break;
          case ParamKind::Count:
          case ParamKind::Rank:
            if (const NumberLimits limits = *number_limits(param->kind);
                !value.is_integer() || Rational(value.integer()) < limits.min || Rational(value.integer()) > limits.max) {
              fail(value.is_integer() ? "profile.out_of_range" : "profile.wrong_type", kp,
                   param->label + (param->kind == ParamKind::Rank ? "应为不小于 1 的整数" : "应为非负整数"));
              ok = false;
            } else {
              ev.number = Rational(value.integer());
            }
            break;
          case ParamKind::Money:
          case ParamKind::Percent: {
            bool money = param->kind == ParamKind::Money;
            const NumberLimits limits = *number_limits(param->kind);
            auto parsed = read_decimal_text(value, limits.decimals);
            if (!parsed || !parsed->value || *parsed->value < limits.min || *parsed->value > limits.max) {
              std::string code = !parsed ? "profile.wrong_type"
                                 : parsed->too_many_decimals ? (money ? "profile.money_precision" : "profile.precision")
                                 : !parsed->value ? "profile.bad_number"
                                 : parsed->value->sign() < 0 ? "profile.negative" : "profile.out_of_range";
              fail(code, kp, param->label + (money ? "应为不超过两位小数的非负金额（元）" : "应为 0–100 的百分数"));
              ok = false;
            } else {
              ev.number = *parsed->value;
            }
            break;
          }
        }
        e.values.push_back(std::move(ev));
      }
      for (const auto& param : type->params) {
        if (param.required && !e.get(param.name) && ok) {
          fail("profile.missing_key", ip.str() + "/" + param.name, "事项“" + type->label + "”缺少必填参数“" + param.label + "”");
          ok = false;
        }
      }
      if (ok) profile_.events.push_back(std::move(e));
    }
  }

  const JsonTree& tree_;
  const Date* as_of_;  // the evaluation date, when known: later dates and years are refused
  Profile profile_;
  std::vector<Error> errors_;
};

}  // namespace

std::optional<NumberLimits> number_limits(FieldKind kind) {
  switch (kind) {
    case FieldKind::Money: return NumberLimits{2, Rational(0), kMaxMoney};
    case FieldKind::SignedMoney: return NumberLimits{2, Rational(0) - kMaxMoney, kMaxMoney};
    case FieldKind::Percent: return NumberLimits{4, Rational(0), Rational(100)};
    case FieldKind::Score: return NumberLimits{2, Rational(0), Rational(100)};
    case FieldKind::Count: return NumberLimits{0, Rational(0), Rational(kMaxCount)};
    case FieldKind::Rank: return NumberLimits{0, Rational(1), Rational(kMaxCount)};
    default: return std::nullopt;  // IntRange: each field its own (number_limits(FieldSpec))
  }
}

std::optional<NumberLimits> number_limits(const FieldSpec& f) {
  if (f.kind == FieldKind::IntRange) return NumberLimits{0, Rational(f.min), Rational(f.max)};
  return number_limits(f.kind);
}

std::optional<NumberLimits> number_limits(ParamKind kind) {
  switch (kind) {
    case ParamKind::Money: return number_limits(FieldKind::Money);
    case ParamKind::Count: return number_limits(FieldKind::Count);
    case ParamKind::Rank: return number_limits(FieldKind::Rank);
    case ParamKind::Percent: return number_limits(FieldKind::Percent);
    default: return std::nullopt;
  }
}

const std::vector<FieldSpec>& profile_fields() {
  static const std::vector<FieldSpec> fields = make_fields();
  return fields;
}


const std::vector<std::pair<std::string, std::string>>& value_labels(std::string_view field) {
  using Labels = std::vector<std::pair<std::string, std::string>>;
  static const std::map<std::string, Labels, std::less<>> labels = {
      {"industry",
       {{"agriculture", "农、林、牧、渔业"}, {"industry", "工业"}, {"construction", "建筑业"}, {"wholesale", "批发业"},
        {"retail", "零售业"}, {"transport", "交通运输业"}, {"warehousing", "仓储业"}, {"postal", "邮政业"},
        {"accommodation", "住宿业"}, {"catering", "餐饮业"}, {"information_transmission", "信息传输业"},
        {"software_it", "软件和信息技术服务业"}, {"real_estate_development", "房地产开发经营"},
        {"property_management", "物业管理"}, {"leasing_business_services", "租赁和商务服务业"}, {"other", "其他未列明行业"}}},
      {"applicant",
       {{"enterprise", "企业"}, {"service_platform", "中小企业公共服务平台、示范基地"}, {"park_operator", "园区运营主体"},
        {"investor", "股权投资机构"}, {"financial_institution", "银行、担保机构"}, {"training_institution", "培养机构、院校"}}},
      {"rd_institution", {{"none", "无"}, {"below_city", "市级以下"}, {"city", "市级"}, {"provincial", "省级"}, {"national", "国家级"}}},
      {"product_field",
       {{"key_breakthrough", "关键领域“补短板”“锻长板”“填空白”"}, {"six_basics_or_chain", "工业“六基”或制造强国产业链"}, {"none", "均不属于"}}},
      {"maker_china", {{"top50", "全国50强"}, {"top500", "全国500强"}, {"none", "未进入"}}},
  };
  static const Labels none;
  auto it = labels.find(field);
  return it == labels.end() ? none : it->second;
}

const FieldSpec* find_field(std::string_view name) {
  const auto& fields = field_index().fields;
  auto it = fields.find(name);
  return it == fields.end() ? nullptr : it->second;
}

const std::map<std::string, std::string>& holding_title_words() {
  static const std::map<std::string, std::string> words = {
      {"innovative_sme", "创新型中小企业"}, {"tech_sme", "科技型中小企业"}, {"srdi_sme", "专精特新中小企业"},
      {"little_giant", "专精特新“小巨人”企业"}, {"gazelle", "瞪羚企业"},
      {"single_champion_enterprise", "制造业单项冠军企业"}, {"single_champion_product", "制造业单项冠军产品"},
      {"high_tech_enterprise", "高新技术企业"}};
  return words;
}

const std::vector<std::string>& holding_titles() {
  static const std::vector<std::string> titles = {
      "innovative_sme", "tech_sme", "srdi_sme", "little_giant", "gazelle", "single_champion_enterprise",
      "single_champion_product", "high_tech_enterprise"};
  return titles;
}

const std::vector<std::string>& holding_levels(const std::string& title) {
  // 专精特新中小企业 and 瞪羚企业 are recognised by provinces and cities, 专精特新“小巨人”企业 by
  // the ministry alone (国家级); the other titles may be held at any level.
  static const std::vector<std::string> below_national = {"provincial", "city"}, national = {"national"},
                                        any = {"national", "provincial", "city"};
  if (title == "srdi_sme" || title == "gazelle") return below_national;
  if (title == "little_giant") return national;
  return any;
}

const Fact* Profile::fact(std::string_view name) const {
  auto it = facts.find(name);
  return it == facts.end() ? nullptr : &it->second;
}

std::optional<std::string> Profile::text(std::string_view name) const {
  const Fact* f = fact(name);
  if (!f || f->kind != Fact::Kind::Text) return std::nullopt;
  return f->text;
}

Profile with_evaluation_facts(Profile profile, const Date& as_of) {
  Fact year;
  year.kind = Fact::Kind::Number;
  year.number = Rational(as_of.year);
  profile.facts["evaluation_year"] = year;
  return profile;
}

namespace {
// The text read by the fast tree parser; anything it does not accept goes through
// parse_strict_json, which reports the error (a text both accept gives the same tree).
Profile load_text(std::string_view text, const Date* as_of) {
  JsonTree tree;
  if (parse_json_tree(text, tree)) return Loader(tree, as_of).run();
  StrictDocument doc = parse_strict_json(text, "profile");  // throws the syntax error
  return Loader(json_tree_of(doc), as_of).run();
}
}  // namespace

Profile load_profile(const StrictDocument& doc) { return Loader(json_tree_of(doc), nullptr).run(); }

Profile load_profile(std::string_view text) { return load_text(text, nullptr); }

Profile load_profile(const StrictDocument& doc, const Date& as_of) { return Loader(json_tree_of(doc), &as_of).run(); }

Profile load_profile(std::string_view text, const Date& as_of) { return load_text(text, &as_of); }

}  // namespace srdi
