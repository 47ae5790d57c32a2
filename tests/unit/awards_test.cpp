// The award side's own rules that no golden file reaches: the loader's checks of the award
// keys (blank values in `where`, `blank_as`, `cap_scope`, `status: unknown`, `valid_from: null`,
// `provenance`) and which tier verdicts open a potential award.
#include <catch2/catch.hpp>

#include "core/awards.hpp"
#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "test_util.hpp"

using srdi::json;

namespace {

// A one-measure awards policy; `top` and `measure` are merged over the defaults.
std::string awards_policy(const json& measure, const json& top = json::object()) {
  json m{{"id", "t.m"},
         {"title", "测试措施"},
         {"applicant", "enterprise"},
         {"trigger", {{"event", "recognition"}, {"where", {{"title", "little_giant"}, {"renewal", false}}}}},
         {"amount", {{"kind", "fixed"}, {"yuan", "100000"}}},
         {"citation", {{"doc", "测试"}, {"clause", "一"}, {"excerpt", "测试"}, {"excerpt_kind", "quote"}}}};
  m.merge_patch(measure);
  json p{{"id", "t"},         {"kind", "awards"},          {"title", "测试文件"},
         {"issuer", "测试"},  {"doc_no", "测试〔2026〕1号"}, {"status", "published"},
         {"valid_from", "2022-01-01"},
         {"jurisdiction", {{"id", "testcity"}, {"name", "测试市"}, {"level", "city"}}},
         {"source_kind", "official"},
         {"measures", json::array({m})}};
  for (const auto& [k, v] : top.items()) p[k] = v;  // not merge_patch: a null here is written as null
  return p.dump();
}

// The first error's code and path, or "ok".
std::string first_error(const std::string& text) {
  auto errors = test_util::errors_of([&] { srdi::load_policy(text, "t.json"); });
  return errors.empty() ? "ok" : errors[0].code + " " + errors[0].path;
}

}  // namespace

TEST_CASE("a blank is never a value a trigger pays for, and bool values are true or false", "[awards][policy]") {
  CHECK(first_error(awards_policy(json::object())) == "ok");
  CHECK(first_error(awards_policy({{"trigger", {{"where", {{"renewal", json::array({false, ""})}}}}}})) ==
        "policy.bad_enum /measures/0/trigger/where/renewal");
  CHECK(first_error(awards_policy({{"trigger", {{"where", {{"renewal", "yes"}}}}}})) ==
        "policy.bad_enum /measures/0/trigger/where/renewal");
}

TEST_CASE("blank_as reads a blank where-parameter as a value the where accepts", "[awards][policy]") {
  json ok{{"trigger", {{"where", {{"level", "national"}}}, {"blank_as", {{"level", "national"}}}}}};
  CHECK(first_error(awards_policy(ok)) == "ok");
  srdi::Policy p = srdi::load_policy(awards_policy(ok), "t.json");
  REQUIRE(p.measures[0].trigger.blank_as.size() == 1);
  CHECK(p.measures[0].trigger.blank_as[0].second == "national");
  CHECK(first_error(awards_policy({{"trigger", {{"blank_as", {{"level", "national"}}}}}})) ==
        "policy.unknown_param /measures/0/trigger/blank_as/level");
  CHECK(first_error(awards_policy({{"trigger", {{"where", {{"level", "national"}}}, {"blank_as", {{"level", "city"}}}}}})) ==
        "policy.bad_enum /measures/0/trigger/blank_as/level");
  CHECK(first_error(awards_policy({{"trigger", {{"blank_as", "national"}}}})) == "policy.wrong_type /measures/0/trigger/blank_as");
}

TEST_CASE("cap_scope: per_event, per_enterprise or per_investor, on a measure's own capped rate only", "[awards][policy]") {
  auto capped = [](const json& extra) {
    json a{{"kind", "rate_cap"}, {"rate", "2%"}, {"base", "amount"}, {"cap", "1000000"}};
    a.merge_patch(extra);
    return a;
  };
  json investor{{"applicant", "investor"}, {"trigger", {{"event", "equity_investment_made"}, {"where", nullptr}}}};
  auto with = [&](const json& amount, const json& base) {
    json m = base;
    m["amount"] = amount;
    m["amount"]["yuan"] = nullptr;  // the patch drops the default amount's yuan
    return awards_policy(m);
  };
  CHECK(first_error(with(capped({{"cap_scope", "per_investor"}}), investor)) == "ok");
  CHECK(srdi::load_policy(with(capped({{"cap_scope", "per_investor"}}), investor), "t.json").measures[0].amount.cap_scope ==
        "per_investor");
  CHECK(srdi::load_policy(with(capped(json::object()), investor), "t.json").measures[0].amount.cap_scope == "per_event");
  CHECK(first_error(with(capped({{"cap_scope", "per_year"}}), investor)) == "policy.bad_enum /measures/0/amount/cap_scope");
  CHECK(first_error(with(capped({{"cap_scope", "per_enterprise"}}), investor)) ==
        "policy.bad_enum /measures/0/amount/cap_scope");
  json enterprise{{"trigger", {{"event", "retrofit_project"}, {"where", nullptr}}}};
  json retrofit{{"kind", "rate_up_to"}, {"rate", "5%"}, {"base", "equipment_investment"}, {"cap", "5000000"}};
  retrofit["cap_scope"] = "per_enterprise";
  CHECK(first_error(with(retrofit, enterprise)) == "ok");
  retrofit["cap_scope"] = "per_investor";
  CHECK(first_error(with(retrofit, enterprise)) == "policy.bad_enum /measures/0/amount/cap_scope");
  // Not on a kind without a cap, nor inside a case of a selection.
  CHECK(first_error(awards_policy({{"amount", {{"kind", "up_to"}, {"yuan", "1"}, {"cap_scope", "per_enterprise"}}}})) ==
        "policy.unknown_key /measures/0/amount/cap_scope");
  json nested{{"kind", "by"},
              {"param", "level"},
              {"cases", {{"national", {{"kind", "rate_cap"}, {"rate", "1%"}, {"base", "sales"}, {"cap", "1"},
                                       {"cap_scope", "per_enterprise"}}}}}};
  nested["yuan"] = nullptr;
  CHECK(first_error(awards_policy({{"trigger", {{"event", "first_set"}, {"where", nullptr}}}, {"amount", nested}})) ==
        "policy.unknown_key /measures/0/amount/cases/national/cap_scope");
}

TEST_CASE("an award document of unknown provenance and date says so; other kinds may not", "[awards][policy]") {
  json unknown{{"status", "unknown"}, {"valid_from", nullptr}, {"provenance", "来源未载发文机关、文号和日期"}};
  CHECK(first_error(awards_policy(json::object(), unknown)) == "ok");
  srdi::Policy p = srdi::load_policy(awards_policy(json::object(), unknown), "t.json");
  CHECK(p.status == "unknown");
  CHECK(p.start_unknown);
  CHECK(p.provenance == "来源未载发文机关、文号和日期");
  CHECK(first_error(awards_policy(json::object(), {{"status", "unknown"}})) == "policy.missing_key /provenance");
  // valid_from must still be written: null says "not stated", absence is an error.
  json absent = json::parse(awards_policy(json::object()));
  absent.erase("valid_from");
  CHECK(first_error(absent.dump()) == "policy.missing_key /valid_from");
  // A null start with an end is accepted (the end alone can still make the document expire).
  CHECK(first_error(awards_policy(json::object(), {{"valid_from", nullptr}, {"valid_to", "2020-01-01"}})) == "ok");
  // Tiers documents keep a known start and a published/draft status.
  std::string toy = test_util::read_file(test_util::source_dir() / "tests/fixtures/policies/toy-tiers.json");
  json tiers = json::parse(toy);
  json t1 = tiers;
  t1["valid_from"] = nullptr;
  CHECK(first_error(t1.dump()) == "policy.missing_key /valid_from");
  json t2 = tiers;
  t2["status"] = "unknown";
  CHECK(first_error(t2.dump()) == "policy.bad_enum /status");
  json t3 = tiers;
  t3["provenance"] = "x";
  CHECK(first_error(t3.dump()) == "policy.unknown_key /provenance");
}

TEST_CASE("only a tier surely met opens a potential award: contested and undetermined never do", "[awards]") {
  const auto& policies = srdi::bundled_policies();
  srdi::Profile profile = test_util::profile(R"({"city": "zaozhuang", "holds": []})");
  const srdi::Date as_of = *srdi::parse_date("2025-06-30");
  const srdi::Screener engine(policies, srdi::Options{as_of, ""});
  srdi::AwardContext ctx{as_of, &policies, nullptr, engine.checker(profile)};
  srdi::Tier tier;  // a rung granting 小巨人 at no level in particular
  tier.id = "x.lg";
  tier.title = "专精特新“小巨人”企业";
  tier.grants = srdi::Criterion{};
  tier.grants->kind = srdi::Criterion::Kind::Holds;
  tier.grants->holds = "little_giant";
  auto potential = [&](srdi::Verdict verdict) {
    std::vector<srdi::RungBrief> rungs{srdi::RungBrief{&tier, verdict, false}};
    return srdi::evaluate_awards(profile, srdi::AwardRequest{"zaozhuang", "enterprise"}, policies, ctx, rungs)["potential"];
  };
  json eligible = potential(srdi::Verdict::Eligible);
  REQUIRE(eligible.size() == 1);
  CHECK(eligible[0]["measure"] == "zz.new_little_giant");
  CHECK(eligible[0]["amount"]["certain"] == "300000.00");
  CHECK(eligible[0]["assumed"]["level"] == "national");  // 小巨人 is national: the text says 国家级
  CHECK(potential(srdi::Verdict::Contested).empty());
  CHECK(potential(srdi::Verdict::Undetermined).empty());
  CHECK(potential(srdi::Verdict::NotEligible).empty());
}

TEST_CASE("a document not in force shows no payable money in its totals, in either result", "[awards]") {
  // 三明 ends 2025-12-31; its totals on 2026-11-21 must be zero, here and in the verdicts-only
  // result, with what it would pay kept apart and labelled.
  const std::string profile = R"({"city": "sanming", "holds": [],
    "events": [{"type": "recognition", "title": "tech_center", "level": "national", "renewal": false}]})";
  for (const char* as_of : {"2026-11-21", "2021-12-31", "2025-06-30"}) {
    INFO(as_of);
    srdi::Options options{*srdi::parse_date(as_of), ""};
    auto full = srdi::evaluate_request(profile, options);
    auto screen = srdi::screen_request(profile, options);
    REQUIRE(full.ok);
    REQUIRE(screen.ok);
    const json& d = full.body["awards"]["documents"][0];
    const json& s = screen.body["awards"]["documents"][0];
    CHECK(s["totals"] == d["totals"]);
    if (std::string(as_of) == "2025-06-30") {
      CHECK(d["in_force"] == true);
      CHECK_FALSE(d.contains("totals_if_in_force"));
      CHECK(d["totals"]["certain"] == "5000000.00");
    } else {
      CHECK(d["in_force"] == false);
      CHECK(d["totals"] == json{{"certain", "0.00"}, {"upper_bound", "0.00"}, {"unquantified", 0},
                                {"tax_credit", "0.00"}, {"benefits", 0}});
      CHECK(d["totals_if_in_force"]["certain"] == "5000000.00");
      CHECK(d["totals_if_in_force"]["label"] == d["validity_note"]);
    }
  }
}

TEST_CASE("an amount that rests on a contested reading names a declared reading and gives every option an amount",
          "[awards][policy][readings]") {
  json cite{{"doc", "测试"}, {"clause", "一"}, {"excerpt", "测试"}, {"excerpt_kind", "quote"}};
  json readings = json::array({{{"id", "t.r"},
                                {"question", "哪种读法"},
                                {"default", "a"},
                                {"options", json::array({{{"id", "a"}, {"label", "按甲口径"}, {"citation", cite}},
                                                         {{"id", "b"}, {"label", "按乙口径"}, {"citation", cite}}})}}});
  json groups = json::array({{{"id", "t.g"}, {"title", "从高"}, {"rule", "highest_only"}, {"citation", cite}}});
  json fixed{{"kind", "fixed"}, {"yuan", "100000"}};
  json by_reading{{"kind", "by_reading"},
                  {"reading", "t.r"},
                  {"options", {{"a", fixed}, {"b", {{"kind", "less_earlier"}, {"group", "t.g"}, {"amount", fixed}}}}}};
  by_reading["yuan"] = nullptr;  // merged over the default fixed amount: drop its yuan
  json top{{"readings", readings}, {"groups", groups}};
  CHECK(first_error(awards_policy({{"amount", by_reading}, {"group", "t.g"}}, top)) == "ok");
  // Without the declaration, and with options that are not the reading's.
  CHECK(first_error(awards_policy({{"amount", by_reading}, {"group", "t.g"}}, json{{"groups", groups}})) ==
        "policy.unknown_reading /measures/0/amount/reading");
  json other = by_reading;
  other["options"].erase("b");
  CHECK(first_error(awards_policy({{"amount", other}}, top)) == "policy.bad_reading /measures/0/amount/reading");
  json no_group = by_reading;
  no_group["options"]["b"]["group"] = "t.none";
  CHECK(first_error(awards_policy({{"amount", no_group}}, top)) == "policy.unknown_group /measures/0/amount/options/b/group");
}
