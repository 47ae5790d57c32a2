#include <catch2/catch.hpp>

#include "core/engine.hpp"
#include "core/profile.hpp"
#include "test_util.hpp"

using srdi::Fact;
using srdi::Rational;
using test_util::errors_of;

TEST_CASE("every broken profile fixture is refused with its pinned code and path", "[profile][fixtures]") {
  int n = test_util::for_each_fixture("profile", [](const std::string&, const std::string& text, const srdi::json& want) {
    auto errors = errors_of([&] { srdi::load_profile(text); });
    REQUIRE(errors.size() >= 1);
    CHECK(errors.front().code == want["code"].get<std::string>());
    CHECK(errors.front().path == want["path"].get<std::string>());
    CHECK(errors.front().source == "profile");
    CHECK_FALSE(errors.front().message.empty());
  });
  CHECK(n > 30);
}

TEST_CASE("all errors of a profile are reported together", "[profile]") {
  auto errors = errors_of([] { srdi::load_profile(R"({"employees": -1, "revenu": 1, "industry": "x"})"); });
  REQUIRE(errors.size() == 3);
}

TEST_CASE("money is read exactly from numbers and strings", "[profile]") {
  auto p = test_util::profile(R"({"revenue": {"last": 12345678.90, "prev": "1000", "prev2": 7},
                                  "net_profit": "-1234.5"})");
  CHECK(p.fact("revenue.last")->number == Rational::of(1234567890, 100));
  CHECK(p.fact("revenue.prev")->number == Rational(1000));
  CHECK(p.fact("revenue.prev2")->number == Rational(7));
  CHECK(p.fact("net_profit")->number == Rational::of(-12345, 10));
}

TEST_CASE("absent and null fields are unknown, not zero", "[profile]") {
  auto p = test_util::profile(R"({"employees": null, "revenue": {"last": 5}})");
  CHECK(p.fact("employees") == nullptr);
  CHECK(p.fact("revenue.prev") == nullptr);
  CHECK(p.fact("own_brand") == nullptr);
  CHECK_FALSE(p.holds.has_value());
}

TEST_CASE("a given honours list is complete", "[profile]") {
  auto p = test_util::profile(R"({"honors": ["ip_demo"]})");
  CHECK(p.fact("honors.ip_demo")->flag);
  REQUIRE(p.fact("honors.high_tech_enterprise"));
  CHECK_FALSE(p.fact("honors.high_tech_enterprise")->flag);
  auto empty = test_util::profile(R"({"honors": []})");
  CHECK_FALSE(empty.fact("honors.ip_demo")->flag);
}

TEST_CASE("sci_award none and a partial award object", "[profile]") {
  auto none = test_util::profile(R"({"sci_award": "none"})");
  CHECK(none.fact("sci_award.national_rank")->kind == Fact::Kind::None);
  CHECK(none.fact("sci_award.ministerial_rank")->kind == Fact::Kind::None);
  CHECK_FALSE(none.fact("sci_award.national_year"));  // "none" leaves the years unknown
  auto provincial = test_util::profile(R"({"sci_award": {"provincial_rank": 2, "provincial_year": 2025}})");
  CHECK(provincial.fact("sci_award.provincial_rank")->number == Rational(2));
  CHECK(provincial.fact("sci_award.national_rank")->kind == Fact::Kind::None);
  CHECK(provincial.fact("sci_award.ministerial_rank")->kind == Fact::Kind::None);
  CHECK(provincial.fact("sci_award.provincial_year")->number == Rational(2025));
  CHECK_FALSE(provincial.fact("sci_award.national_year"));
  auto ministerial = test_util::profile(R"({"sci_award": {"ministerial_rank": 1, "ministerial_year": 2024}})");
  CHECK(ministerial.fact("sci_award.ministerial_rank")->number == Rational(1));
  CHECK(ministerial.fact("sci_award.ministerial_year")->number == Rational(2024));
  CHECK(ministerial.fact("sci_award.provincial_rank")->kind == Fact::Kind::None);
}

TEST_CASE("the single award year of earlier versions is refused, naming the fields that replace it", "[profile]") {
  auto errors = errors_of([] { test_util::profile(R"({"sci_award": {"national_rank": 1, "year": 2024}})"); });
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code == "profile.unknown_key");
  CHECK(errors[0].path == "/sci_award/year");
  for (const char* f : {"national_year", "provincial_year", "ministerial_year"}) {
    CHECK(errors[0].message.find(f) != std::string::npos);
  }
}

TEST_CASE("rd_institution is the source of the 省部级 fact; a contradicting flag is refused", "[profile]") {
  const std::vector<std::pair<std::string, bool>> levels = {
      {"none", false}, {"below_city", false}, {"city", false}, {"provincial", true}, {"national", true}};
  for (const auto& entry : levels) {
    const std::string level_json = R"({"rd_institution": ")" + entry.first + R"(")";
    const bool high = entry.second;
    INFO(entry.first);
    auto p = test_util::profile(level_json + "}");
    REQUIRE(p.fact("provincial_rd_institution"));
    CHECK(p.fact("provincial_rd_institution")->flag == high);
    auto agree = test_util::profile(level_json + R"(, "provincial_rd_institution": )" + (high ? "true" : "false") + "}");
    CHECK(agree.fact("provincial_rd_institution")->flag == high);
    const std::string conflicting =
        level_json + R"(, "provincial_rd_institution": )" + (high ? "false" : "true") + "}";
    auto errors = errors_of([&] { test_util::profile(conflicting); });
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].code == "profile.conflicting_fields");
    CHECK(errors[0].path == "/provincial_rd_institution");
  }
  // The flag alone is kept as given, and the level stays unknown.
  auto flag_only = test_util::profile(R"({"provincial_rd_institution": true})");
  CHECK(flag_only.fact("provincial_rd_institution")->flag);
  CHECK_FALSE(flag_only.fact("rd_institution"));
  CHECK_FALSE(test_util::profile("{}").fact("provincial_rd_institution"));
}

TEST_CASE("holds are read with level and date", "[profile]") {
  auto p = test_util::profile(R"({"holds": [{"title": "srdi_sme", "level": "provincial", "since": "2024-06-30"}]})");
  REQUIRE(p.holds);
  REQUIRE(p.holds->size() == 1);
  CHECK(p.holds->front().title == "srdi_sme");
  CHECK(*p.holds->front().level == "provincial");
  CHECK(p.holds->front().since->iso() == "2024-06-30");
  auto none = test_util::profile(R"({"holds": []})");
  CHECK(none.holds->empty());
}

TEST_CASE("percent and score fields keep their decimals", "[profile]") {
  auto p = test_util::profile(R"({"market_share_domestic": "10.5", "platform_score": {"this_year": 55.25}})");
  CHECK(p.fact("market_share_domestic")->number == Rational::of(105, 10));
  CHECK(p.fact("platform_score.this_year")->number == Rational::of(5525, 100));
}

TEST_CASE("integer bounds: zero staff is a count, a rank starts at 1", "[profile]") {
  CHECK(test_util::profile(R"({"employees": 0})").fact("employees")->number == Rational(0));
  CHECK(test_util::profile(R"({"market_rank_domestic": 1})").fact("market_rank_domestic")->number == Rational(1));
  CHECK(test_util::profile(R"({"digital_level": 4, "distinctive_score": 15})").fact("digital_level"));
}

TEST_CASE("a year or a date after the evaluation date is refused when the date is known", "[profile]") {
  const srdi::Date as_of = *srdi::parse_date("2026-11-21");
  // The evaluation year itself and the evaluation day itself are accepted.
  auto ok = srdi::load_profile(R"({"sci_award": {"national_rank": 1, "national_year": 2026},
                                   "maker_china": "top50", "maker_china_year": 2026,
                                   "holds": [{"title": "innovative_sme", "since": "2026-11-21"}]})", as_of);
  CHECK(ok.fact("sci_award.national_year")->number == Rational(2026));
  CHECK(ok.fact("maker_china_year")->number == Rational(2026));
  auto errors = errors_of([&] {
    srdi::load_profile(R"({"sci_award": {"national_rank": 1, "national_year": 2031, "provincial_rank": 2,
                                         "provincial_year": 2027, "ministerial_rank": 1, "ministerial_year": 2028},
                           "maker_china": "top500", "maker_china_year": 2027,
                           "holds": [{"title": "innovative_sme", "since": "2026-11-22"}]})", as_of);
  });
  REQUIRE(errors.size() == 5);  // in key order, as every error of the loader
  CHECK(errors[0].code == "profile.date_after_as_of");
  CHECK(errors[0].path == "/holds/0/since");
  CHECK(errors[0].message.find("2026-11-21") != std::string::npos);
  CHECK(errors[1].path == "/maker_china_year");
  CHECK(errors[2].path == "/sci_award/ministerial_year");
  CHECK(errors[3].path == "/sci_award/national_year");
  CHECK(errors[3].message.find("2031") != std::string::npos);
  CHECK(errors[4].path == "/sci_award/provincial_year");
  for (const auto& e : errors) CHECK(e.code == "profile.date_after_as_of");
  // Without an evaluation date (the loader alone) the format is all that is checked.
  CHECK(errors_of([] { srdi::load_profile(R"({"sci_award": {"national_year": 2031}})"); }).empty());
}

// The schema publishes each number's limits for forms (the page checks typing by them): they must
// be the loader's own. Each field and event parameter: its min and max are accepted, one smallest
// step beyond either is refused, and one decimal more than `decimals` is refused.
TEST_CASE("the schema's number limits are the loader's: both ends accepted, one step beyond refused", "[profile][schema]") {
  using srdi::json;
  const json schema = srdi::schema_json();
  auto step_beyond = [](const json& limit, int decimals, int sign) -> json {
    if (decimals == 0) return limit.get<std::int64_t>() + sign;
    Rational x = *srdi::parse_decimal(limit.get<std::string>()).value;
    Rational step = Rational::of(1, decimals == 2 ? 100 : 10000);
    return srdi::format_decimal(sign > 0 ? x + step : x - step, decimals);
  };
  auto one_decimal_more = [](int decimals) { return std::string("1.") + std::string(static_cast<std::size_t>(decimals), '0') + "1"; };
  auto first_code = [](const std::string& text) {
    auto errors = errors_of([&] { srdi::load_profile(text); });
    return errors.empty() ? std::string("accepted") : errors.front().code;
  };
  int checked = 0;
  for (const auto& f : schema["fields"]) {
    if (!f.contains("decimals")) continue;
    const std::string name = f["name"];
    const int decimals = f["decimals"];
    INFO(name);
    auto profile_with = [&](const json& v) {
      json p = json::object();
      const auto dot = name.find('.');
      if (dot == std::string::npos) p[name] = v;
      else p[name.substr(0, dot)][name.substr(dot + 1)] = v;
      return p.dump();
    };
    const json& lo = f["min"];
    const json& hi = f["max"];
    CHECK(first_code(profile_with(lo)) == "accepted");
    CHECK(first_code(profile_with(hi)) == "accepted");
    CHECK(first_code(profile_with(step_beyond(hi, decimals, +1))) == "profile.out_of_range");
    const std::string below = first_code(profile_with(step_beyond(lo, decimals, -1)));
    CHECK((below == "profile.out_of_range" || below == "profile.negative"));
    if (decimals > 0) CHECK(first_code(profile_with(one_decimal_more(decimals))) != "accepted");
    ++checked;
  }
  CHECK(checked > 30);
  int params = 0;
  for (const auto& t : schema["events"]) {
    for (const auto& p : t["params"]) {
      if (!p.contains("decimals")) continue;
      INFO(t["type"].get<std::string>() + "/" + p["name"].get<std::string>());
      auto event_with = [&](const json& v) {
        json e{{"type", t["type"]}};
        for (const auto& q : t["params"]) {  // the required ones, with a valid value
          if (!q["required"].get<bool>() || q["name"] == p["name"]) continue;
          e[q["name"].get<std::string>()] = q.contains("values") ? q["values"][0] : (q.contains("min") ? q["min"] : json(true));
        }
        e[p["name"].get<std::string>()] = v;
        return json{{"events", json::array({e})}}.dump();
      };
      const int decimals = p["decimals"];
      CHECK(first_code(event_with(p["min"])) == "accepted");
      CHECK(first_code(event_with(p["max"])) == "accepted");
      CHECK(first_code(event_with(step_beyond(p["max"], decimals, +1))) == "profile.out_of_range");
      CHECK(first_code(event_with(step_beyond(p["min"], decimals, -1))) != "accepted");
      ++params;
    }
  }
  CHECK(params > 5);
}
