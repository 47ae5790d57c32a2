#include <catch2/catch.hpp>

#include "core/engine.hpp"
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
