// The golden file tests/golden/sme-size-2011.json covers every limit of every industry; these
// cases pin the classification logic itself.
#include <catch2/catch.hpp>

#include "core/evaluator.hpp"
#include "test_util.hpp"

namespace {
srdi::json size_of(const std::string& profile) {
  srdi::Screener engine(srdi::bundled_policies(), srdi::Options{*srdi::parse_date("2026-06-30"), ""});
  return engine.explain_size(test_util::profile(profile));
}
}  // namespace

TEST_CASE("300 staff and 2000万 revenue in industry is medium", "[size]") {
  auto s = size_of(R"({"industry": "industry", "employees": 300, "revenue": {"last": "20000000.00"}})");
  CHECK(s["class"] == "medium");
  CHECK(s["label"] == "中型");
  CHECK(s["is_sme"] == true);
}

TEST_CASE("1000 staff and 40000万 revenue in industry is large, not an SME", "[size]") {
  auto s = size_of(R"({"industry": "industry", "employees": 1000, "revenue": {"last": "400000000.00"}})");
  CHECK(s["class"] == "large");
  CHECK(s["is_sme"] == false);
}

TEST_CASE("over one upper limit only is still an SME", "[size]") {
  // 1000 staff but 39999.99万 revenue: "1000人以下或40000万元以下" holds through revenue.
  auto s = size_of(R"({"industry": "industry", "employees": 1500, "revenue": {"last": "399999999.99"}})");
  CHECK(s["class"] == "medium");
}

TEST_CASE("classes that an unknown field leaves open are all listed", "[size]") {
  // Retail with 300 staff (the large staff limit) and revenue unknown: anything from micro to large.
  auto s = size_of(R"({"industry": "retail", "employees": 300})");
  CHECK(s["class"] == "undetermined");
  CHECK(s["possible"] == srdi::json::array({"large", "medium", "small", "micro"}));
  CHECK(s["missing"] == srdi::json::array({"revenue.last"}));
  CHECK(s["is_sme"].is_null());
  // 60 staff < 300 rules out large whatever the revenue: an SME, class still open.
  auto sme = size_of(R"({"industry": "retail", "employees": 60})");
  CHECK(sme["possible"] == srdi::json::array({"medium", "small", "micro"}));
  CHECK(sme["is_sme"] == true);
}

TEST_CASE("size rules carry no gaps: reaching another class is not a goal", "[size]") {
  auto s = size_of(R"({"industry": "industry", "employees": 10, "revenue": {"last": "1000000"}})");
  CHECK(s["class"] == "micro");
  CHECK(s.dump().find("\"gap\"") == std::string::npos);
}

TEST_CASE("an unknown industry: a class is possible if some industry allows it", "[size]") {
  // 299 staff and 19999.99万 revenue reach no industry's large limits: a sure SME, class open.
  auto sme = size_of(R"({"employees": 299, "revenue": {"last": "199999999.99"}, "total_assets": "1000000"})");
  CHECK(sme["class"] == "undetermined");
  CHECK(sme["is_sme"] == true);
  CHECK(sme["industry"].is_null());
  CHECK(sme["missing"] == srdi::json::array({"industry"}));
  // 300 staff is large in "other" industries: large is possible, so is_sme is open.
  auto maybe = size_of(R"({"employees": 300, "revenue": {"last": "199999999.99"}, "total_assets": "1000000"})");
  CHECK(maybe["is_sme"].is_null());
  CHECK(maybe["possible"][0] == "large");
  // Every industry agrees: the class is decided.
  auto micro = size_of(R"({"employees": 0, "revenue": {"last": 0}, "total_assets": 0})");
  CHECK(micro["class"] == "micro");
  CHECK(micro["missing"] == srdi::json::array());
  // The figures that would narrow it are named beside the industry.
  auto none = size_of("{}");
  CHECK(none["missing"] == srdi::json::array({"employees", "industry", "revenue.last", "total_assets"}));
  CHECK(none["is_sme"].is_null());
}
