#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/engine.hpp"
#include "core/evaluator.hpp"
#include "test_util.hpp"

namespace {
srdi::Date date(const char* s) { return *srdi::parse_date(s); }
}  // namespace

TEST_CASE("options: as_of defaults to the given day, bad values are errors with paths", "[engine]") {
  const auto& set = srdi::bundled_policies();
  CHECK(srdi::parse_options("", date("2026-11-21"), set).as_of.iso() == "2026-11-21");
  CHECK(srdi::parse_options("{}", date("2026-11-21"), set).as_of.iso() == "2026-11-21");
  CHECK(srdi::parse_options(R"({"as_of": "2025-06-30"})", date("2026-11-21"), set).as_of.iso() == "2025-06-30");
  CHECK(srdi::parse_options(R"({"criteria": "auto"})", date("2026-11-21"), set).criteria.empty());
  auto err = [&](const char* text) {
    auto errors = test_util::errors_of([&] { srdi::parse_options(text, date("2026-11-21"), set); });
    REQUIRE(errors.size() == 1);
    return errors.front();
  };
  CHECK(err(R"({"as_of": "2026-02-30"})").code == "options.bad_date");
  CHECK(err(R"({"as_of": "2026-02-30"})").path == "/as_of");
  CHECK(err(R"({"criteria": "miit-1999"})").code == "options.bad_criteria");
  CHECK(err(R"({"criteria": 2022})").code == "options.wrong_type");
  CHECK(err(R"({"asof": "2026-01-01"})").code == "options.unknown_key");
  CHECK(err(R"([])").code == "options.wrong_type");
  CHECK(err(R"({"as_of": "2026-01-01", "as_of": "2026-01-02"})").code == "json.duplicate_key");
}

TEST_CASE("the request boundary never throws and returns structured errors", "[engine]") {
  srdi::Options o{date("2026-11-21"), ""};
  auto bad = srdi::evaluate_request("{\"employees\": -1}", o);
  CHECK_FALSE(bad.ok);
  CHECK(bad.body["errors"][0]["code"] == "profile.negative");
  CHECK(bad.body["errors"][0]["path"] == "/employees");
  auto syntax = srdi::evaluate_request("not json", std::string_view("{}"));
  CHECK_FALSE(syntax.ok);
  CHECK(syntax.body["errors"][0]["code"] == "json.syntax");
  auto criteria = srdi::evaluate_request("{}", srdi::Options{date("2026-11-21"), "nope"});
  CHECK(criteria.body["errors"][0]["code"] == "options.bad_criteria");
}

TEST_CASE("the result names the evaluation date, the engine and the policies used", "[engine]") {
  auto r = srdi::evaluate_request(R"({"name": "测试", "industry": "other", "employees": 5})",
                                  srdi::Options{date("2025-06-30"), ""});
  REQUIRE(r.ok);
  CHECK(r.body["as_of"] == "2025-06-30");
  CHECK(r.body["engine"]["version"] == srdi::engine_version());
  CHECK(r.body["enterprise"]["name"] == "测试");
  CHECK(r.body["enterprise"]["city"].is_null());
  CHECK(r.body["size"]["class"] == "micro");
  CHECK(r.body["tiers"].is_array());
  bool size_policy = false;
  for (const auto& p : r.body["policies"]) size_policy |= p["id"] == "sme-size-2011";
  CHECK(size_policy);
}

TEST_CASE("the same input gives byte-identical output", "[engine]") {
  std::string profile = test_util::read_file(test_util::source_dir() / "examples/precision-parts.json");
  srdi::Options o{date("2026-11-21"), ""};
  CHECK(srdi::evaluate_request(profile, o).body.dump() == srdi::evaluate_request(profile, o).body.dump());
}

TEST_CASE("a failed shared definition is named by its own id", "[engine]") {
  auto r = srdi::evaluate_request(R"({"industry": "industry", "employees": 1000, "revenue": {"last": "400000000"}})",
                                  srdi::Options{date("2026-11-21"), ""});
  REQUIRE(r.ok);
  CHECK(r.body["notices"][0]["code"] == "large_enterprise");
  for (const auto& t : r.body["tiers"]) {
    INFO(t["id"].get<std::string>());
    CHECK(t["verdict"] == "not_eligible");
    const auto& failed = t["criteria"]["failed"];
    bool names_general = std::any_of(failed.begin(), failed.end(), [](const srdi::json& id) {
      return id == "miit2022.general" || id == "miit2026.general";
    });
    CHECK(names_general);
  }
}

TEST_CASE("score improvements: the next band up, and sum items up to the cap", "[engine]") {
  // 2022 srdi at 2025-06-30: quality has one item (3 of 5) so one more item adds 2, not 3.
  auto r = srdi::evaluate_request(R"({"industry": "industry", "employees": 100, "revenue": {"last": "20000000"},
      "quality": {"provincial_award": false, "iso9001": true, "standards": false}, "own_brand": false,
      "rd_expense": {"last": "700000"}, "niche_years": 2})",
                                  srdi::Options{date("2025-06-30"), ""});
  REQUIRE(r.ok);
  const srdi::json* srdi_tier = nullptr;
  for (const auto& t : r.body["tiers"]) {
    if (t["id"] == "miit2022.srdi") srdi_tier = &t;
  }
  REQUIRE(srdi_tier);
  bool quality = false, rd = false;
  for (const auto& i : (*srdi_tier)["improvements"]) {
    if (i["indicator"] == "miit2022.srdi.ind6_quality") {
      quality = true;
      CHECK(i["adds"] == 2);
      CHECK(i["to_points"] == 5);
    }
    if (i["indicator"] == "miit2022.srdi.ind13_rd") {
      // 70万 and 3.5%: band 2 (3%–4%); the next band is 200万 or 4% -> +2; 4% of 2000万 = 80万, +10万.
      rd = true;
      CHECK(i["adds"] == 2);
      std::string changes = i["changes"].dump();
      CHECK(changes.find("\"change\":\"100000.00\"") != std::string::npos);
    }
  }
  CHECK(quality);
  CHECK(rd);
}

TEST_CASE("a date after the evaluation date is refused on every request path", "[engine]") {
  const srdi::Options o{date("2026-11-21"), ""};
  const std::string year = R"({"sci_award": {"provincial_rank": 1, "provincial_year": 2031}})";
  const std::string since = R"({"holds": [{"title": "srdi_sme", "level": "provincial", "since": "2027-01-01"}]})";
  for (const auto& [text, path] : {std::pair{year, "/sci_award/provincial_year"}, std::pair{since, "/holds/0/since"}}) {
    INFO(text);
    for (const auto& r : {srdi::evaluate_request(text, o), srdi::compare_request(text, o), srdi::screen_request(text, o),
                          srdi::evaluate_request(text, std::string_view(R"({"as_of": "2026-11-21"})"))}) {
      REQUIRE_FALSE(r.ok);
      CHECK(r.body["errors"][0]["code"] == "profile.date_after_as_of");
      CHECK(r.body["errors"][0]["path"] == path);
    }
    for (bool verdicts : {false, true}) {
      std::string out;
      CHECK_FALSE(srdi::evaluate_lines(text + "\n{}\n", o, verdicts, out));
      auto first = srdi::json::parse(out.substr(0, out.find('\n')));
      CHECK(first["errors"][0]["code"] == "profile.date_after_as_of");
      CHECK(first["errors"][0]["path"] == path);
    }
    srdi::ScreenBatch batch;
    batch.configure(R"({"as_of": "2026-11-21"})");
    auto loaded = batch.load(text + "\n{}");
    REQUIRE(loaded["errors"].size() == 1);
    CHECK(loaded["errors"][0]["line"] == 1);
    CHECK(loaded["errors"][0]["errors"][0]["code"] == "profile.date_after_as_of");
  }
  // A year is checked against the date of the evaluation, not against today: 2031 is fine in 2031.
  CHECK(srdi::evaluate_request(year, srdi::Options{date("2031-01-01"), ""}).ok);
}

// 枣庄 pays 新获得 小巨人 30万 and 济南 its one-time 200万: a "new" recognition of a title the firm
// already lists as held since an earlier year is most likely a 复核, so the result says so.
TEST_CASE("a new recognition of a title held since an earlier year is flagged, not one held since this year or a renewal", "[engine]") {
  auto notice_codes = [](const char* profile, const char* as_of) {
    auto r = srdi::evaluate_request(profile, srdi::Options{date(as_of), ""});
    REQUIRE(r.ok);
    std::vector<std::string> codes;
    for (const auto& n : r.body["notices"]) codes.push_back(n["code"]);
    return std::count(codes.begin(), codes.end(), "event_title_already_held");
  };
  // Held since 2022-08-01, reported as new in 2025 (2022 < 2025): flagged.
  CHECK(notice_codes(R"({"holds": [{"title": "little_giant", "level": "national", "since": "2022-08-01"}],
      "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]})", "2025-09-30") == 1);
  // Renewal left blank: still flagged (the firm has not said it is a renewal).
  CHECK(notice_codes(R"({"holds": [{"title": "little_giant", "level": "national", "since": "2022-08-01"}],
      "events": [{"type": "recognition", "title": "little_giant", "level": "national"}]})", "2025-09-30") == 1);
  // Held since 2025-07-01, the same year as the evaluation: the recognition entered as held.
  CHECK(notice_codes(R"({"holds": [{"title": "little_giant", "level": "national", "since": "2025-07-01"}],
      "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]})", "2025-09-30") == 0);
  // Marked as a renewal: nothing to say.
  CHECK(notice_codes(R"({"holds": [{"title": "little_giant", "level": "national", "since": "2022-08-01"}],
      "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": true}]})", "2025-09-30") == 0);
}

TEST_CASE("a lower rung is 无需申请 under a higher title held, except while a higher rung is renewed", "[engine]") {
  // Holds a valid 小巨人 (2024-08-01, three years); with or without a provincial 专精特新 (2024-03-01).
  const std::string lg = R"({"title": "little_giant", "level": "national", "since": "2024-08-01"})";
  const std::string srdi = R"({"title": "srdi_sme", "level": "provincial", "since": "2024-03-01"})";
  auto not_needed = [&](const std::string& holds, std::vector<std::string> renewal) {
    srdi::Options o{date("2026-11-21"), ""};
    o.renewal = std::move(renewal);
    auto r = srdi::evaluate_request(R"({"industry": "other", "employees": 120, "holds": [)" + holds + "]}", o);
    REQUIRE(r.ok);
    std::vector<std::string> out;
    for (const auto& t : r.body["tiers"]) {
      if (t.contains("not_needed")) out.push_back(t["tier"].get<std::string>());
    }
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const char* tier) { return std::find(v.begin(), v.end(), tier) != v.end(); };
  // New applications: every rung below 小巨人 is 无需申请.
  const auto plain = not_needed(lg, {});
  CHECK(has(plain, "srdi"));
  CHECK(has(plain, "tech_innovative"));
  // 小巨人 renewed: its 复核 may need the lower titles in force, so none is called unnecessary.
  CHECK(not_needed(lg, {"little_giant"}).empty());
  // A title held is held, not 无需申请; 专精特新 renewed keeps the rung below it from being so called.
  CHECK_FALSE(has(not_needed(lg + "," + srdi, {}), "srdi"));
  CHECK(has(not_needed(lg + "," + srdi, {}), "tech_innovative"));
  CHECK_FALSE(has(not_needed(lg + "," + srdi, {"srdi"}), "tech_innovative"));
}

TEST_CASE("a date before a criteria switch in the same year says the year's later applications are judged by the new criteria", "[engine]") {
  auto count = [](const char* as_of, const char* criteria) {
    auto r = srdi::evaluate_request(R"({"industry": "other", "employees": 120})", srdi::Options{date(as_of), criteria});
    REQUIRE(r.ok);
    int n = 0;
    for (const auto& x : r.body["notices"]) n += x["code"] == "criteria_change_ahead";
    return n;
  };
  CHECK(count("2026-03-31", "") == 1);          // 2号 starts the next day, the same year
  CHECK(count("2026-04-01", "") == 0);          // 2号 in force
  CHECK(count("2025-12-31", "") == 0);          // the switch is in another year
  CHECK(count("2026-03-31", "miit-2022") == 0); // criteria picked by the request
}

TEST_CASE("无需申请 under a higher title warns of its 复核 only when the higher title's conditions ask for the lower one", "[engine]") {
  auto caution = [](const char* as_of, const char* tier_id) -> int {
    auto r = srdi::evaluate_request(R"({"industry": "other", "employees": 120, "holds": [
        {"title": "srdi_sme", "level": "provincial", "since": "2024-09-01"}]})", srdi::Options{date(as_of), ""});
    REQUIRE(r.ok);
    for (const auto& t : r.body["tiers"]) {
      if (t["id"] != tier_id) continue;
      if (!t.contains("not_needed")) return -1;
      return t["not_needed"].value("renewal_caution", false) ? 1 : 0;
    }
    return -2;
  };
  // 2号 专精特新 condition 1: 为有效期内的科技和创新型中小企业 → the first-tier title may be needed again.
  CHECK(caution("2026-11-21", "miit2022.innovative") == 1);
  CHECK(caution("2026-11-21", "miit2026.tech_innovative") == 1);
  // 63号 附件2 asks for no 创新型 title: 无需申请 without the warning.
  CHECK(caution("2025-06-30", "miit2022.innovative") == 0);
}

TEST_CASE("a new recognition this year of a title not listed as held this year is flagged", "[engine]") {
  auto count = [](const char* holds) {
    auto r = srdi::evaluate_request(std::string(R"({"holds": )") + holds +
                                        R"(, "events": [{"type": "recognition", "title": "little_giant", "level": "national", "renewal": false}]})",
                                    srdi::Options{date("2026-11-21"), ""});
    REQUIRE(r.ok);
    int n = 0;
    for (const auto& x : r.body["notices"]) n += x["code"] == "event_title_not_held";
    return n;
  };
  CHECK(count("[]") == 1);                                                                       // not entered
  CHECK(count(R"([{"title": "little_giant", "level": "national", "since": "2026-07-01"}])") == 0);  // entered this year
  CHECK(count("null") == 0);                                                                     // holds unknown: asked anyway
  CHECK(count(R"([{"title": "little_giant", "level": "national", "since": "2022-07-01"}])") == 0);  // earlier: the other notice
}
