// Screening a sheet (core/table_screen.cpp): CSV as Excel writes it, headers matched to fields by
// label, unit and calendar year, cells read exactly (万元 to 元 without a float), bad cells named,
// and the class of a firm on each side of every "near" limit.
#include <catch2/catch.hpp>

#include <filesystem>

#include "core/evaluator.hpp"
#include "core/table_screen.hpp"
#include "test_util.hpp"

using srdi::json;

namespace {

std::vector<std::vector<std::string>> rows_of(std::string_view text) {
  srdi::CsvReader r(text);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> row;
  while (r.next(row)) out.push_back(row);
  return out;
}

std::string field_of(const std::string& header, int year = 2026) { return srdi::map_headers({header}, year)[0].field; }

json profile_of(const std::vector<std::string>& headers, const std::vector<std::string>& cells, std::vector<srdi::CellError>& errors) {
  return srdi::row_profile(srdi::map_headers(headers, 2026), cells, errors);
}

json tier_with_gap(const std::string& unit, const std::string& from, const std::string& change) {
  return json{{"verdict", "not_eligible"},
              {"unmet", json::array({json{{"title", "条件"}, {"gap", json{{"unit", unit}, {"from", from}, {"change", change}, {"text", "差距"}}}}})}};
}

}  // namespace

TEST_CASE("CSV cells: quotes, doubled quotes, line breaks inside quotes, CRLF and a byte-order mark", "[screen]") {
  auto rows = rows_of("\xEF\xBB\xBF" "企业名称,备注\r\n\"甲,公司\",\"说\"\"明\"\"\"\r\n乙,\"两\n行\"\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[0][0] == "企业名称");
  CHECK(rows[1][0] == "甲,公司");
  CHECK(rows[1][1] == "说\"明\"");
  CHECK(rows[2][1] == "两\n行");
  CHECK(srdi::csv_cell("甲,公司") == "\"甲,公司\"");
  CHECK(srdi::csv_cell("说\"明") == "\"说\"\"明\"");
  CHECK(srdi::csv_cell("甲公司") == "甲公司");
}

TEST_CASE("headers are matched by field name, by label with a unit, and by calendar year", "[screen]") {
  CHECK(field_of("revenue.last") == "revenue.last");
  CHECK(field_of("营业收入（上年度）（万元）") == "revenue.last");
  CHECK(field_of("营业收入(上年度)(元)") == "revenue.last");
  CHECK(srdi::map_headers({"营业收入（上年度）（元）"}, 2026)[0].unit == srdi::CellUnit::Yuan);
  CHECK(srdi::map_headers({"营业收入（上年度）（万元）"}, 2026)[0].unit == srdi::CellUnit::Wan);
  // 2025年度 is 上年度 on a 2026 evaluation, 2023年度 前三年度; on a 2027 evaluation 2025 is 上上年度.
  CHECK(field_of("营业收入（2025年度）（万元）", 2026) == "revenue.last");
  CHECK(field_of("营业收入（2023年度）", 2026) == "revenue.prev2");
  CHECK(field_of("营业收入（2025年）", 2027) == "revenue.prev");
  CHECK(field_of("营业收入（2021年度）", 2026).empty());  // four years back: no such field
  CHECK(field_of("从业人员（人）") == "employees");
  CHECK(field_of("专精特新中小企业认定日期") == "holds.srdi_sme.since");
  CHECK(field_of("专精特新中小企业级别") == "holds.srdi_sme.level");
  CHECK(field_of("备注").empty());
}

TEST_CASE("money in 万元 becomes exact yuan; 元 stays; separators and full-width digits are read", "[screen]") {
  std::vector<srdi::CellError> errors;
  json p = profile_of({"营业收入（上年度）（万元）", "营业收入（上上年度）（元）", "资产总额", "研发费用（上年度）（万元）"},
                      {"8,600.123456", "80000000.5", "１２０００", "0.01"}, errors);
  CHECK(errors.empty());
  CHECK(p["revenue"]["last"] == "86001234.56");   // 8600.123456 万元 = 86,001,234.56 元
  CHECK(p["revenue"]["prev"] == "80000000.50");
  CHECK(p["total_assets"] == "120000000.00");     // no unit: 万元, as the page reads it
  CHECK(p["rd_expense"]["last"] == "100.00");     // 0.01 万元 = 100 元
}

TEST_CASE("a comma is read as a thousands separator only where it groups thousands", "[screen]") {
  std::vector<srdi::CellError> errors;
  json p = profile_of({"营业收入（上年度）（万元）", "资产总额（万元）"}, {"1,234,567.5", "12,000"}, errors);
  CHECK(errors.empty());
  CHECK(p["revenue"]["last"] == "12345675000.00");
  CHECK(p["total_assets"] == "120000000.00");
  for (const char* bad : {"3,5", "1,23", "12,3456", ",500"}) {
    std::vector<srdi::CellError> e;
    profile_of({"资产总额（万元）"}, {bad}, e);
    INFO(bad);
    CHECK(e.size() == 1);
  }
}

TEST_CASE("a blank cell is unknown and left out; yes/no words, labels and city names are read", "[screen]") {
  std::vector<srdi::CellError> errors;
  json p = profile_of({"企业名称", "所在城市", "所属行业（划型）", "拥有自主品牌", "高新技术企业", "自建研发机构级别", "从业人员"},
                      {"甲公司", "济南", "工业", "是", "否", "省级", ""}, errors);
  CHECK(errors.empty());
  CHECK(p["city"] == "jinan");
  CHECK(p["industry"] == "industry");
  CHECK(p["own_brand"] == true);
  CHECK(p["honors"] == json::array());  // the honours column answered: none held
  CHECK(p["rd_institution"] == "provincial");
  CHECK_FALSE(p.contains("employees"));
}

TEST_CASE("every bad cell of a row is named by its column", "[screen]") {
  std::vector<srdi::CellError> errors;
  profile_of({"从业人员（人）", "营业收入（上年度）（万元）", "拥有自主品牌", "所属行业（划型）", "研发人员", "专精特新中小企业认定日期"},
             {"-280", "abc", "也许", "制造", "12.5", "2025年3月"}, errors);
  REQUIRE(errors.size() == 6);
  CHECK(errors[0].message == "列“从业人员（人）”：不能为负数");
  CHECK(errors[1].message.find("“abc”不是数字") != std::string::npos);
  CHECK(errors[2].message.find("只能填“是”或“否”") != std::string::npos);
  CHECK(errors[3].message.find("可填：") != std::string::npos);
  CHECK(errors[4].message.find("请填写整数，不带小数") != std::string::npos);
  CHECK(errors[5].column == 5);
}

TEST_CASE("class: eligible, undetermined and contested rungs", "[screen]") {
  srdi::NearLimits l;
  CHECK(srdi::classify(json{{"verdict", "eligible"}}, l).word == "重点推荐");
  auto u = srdi::classify(json{{"verdict", "undetermined"}, {"missing", json::array({"revenue.last", "holds"})}}, l);
  CHECK(u.word == "待补充");
  CHECK(u.missing == std::vector<std::string>{"营业收入（上年度）", "已获称号"});
  CHECK(srdi::classify(json{{"verdict", "contested"}}, l).word == "依读法而定");
}

TEST_CASE("class: a money gap of 30% of the current figure is near, one fen more is not", "[screen]") {
  srdi::NearLimits l;  // money_share 30%
  // From 2,450,000.00: 30% is 735,000.00.
  CHECK(srdi::classify(tier_with_gap("yuan", "2450000.00", "735000.00"), l).word == "重点提升");
  CHECK(srdi::classify(tier_with_gap("yuan", "2450000.00", "735000.01"), l).word == "重点关注");
  // Nothing yet (from 0): no share of it is near.
  CHECK(srdi::classify(tier_with_gap("yuan", "0.00", "1.00"), l).word == "重点关注");
}

TEST_CASE("class: count, percentage-point and score gaps on each side of their limits", "[screen]") {
  srdi::NearLimits l;  // count 2, percent_points 1, points 10
  CHECK(srdi::classify(tier_with_gap("count", "2", "2"), l).word == "重点提升");
  CHECK(srdi::classify(tier_with_gap("count", "2", "3"), l).word == "重点关注");
  CHECK(srdi::classify(tier_with_gap("percent_points", "2", "1"), l).word == "重点提升");
  CHECK(srdi::classify(tier_with_gap("percent_points", "2", "1.01"), l).word == "重点关注");
  CHECK(srdi::classify(tier_with_gap("points", "40", "10"), l).word == "重点提升");
  CHECK(srdi::classify(tier_with_gap("points", "40", "10.5"), l).word == "重点关注");
  // An unmet condition without a figure to move (a title to hold) is never near.
  CHECK(srdi::classify(json{{"verdict", "not_eligible"}, {"unmet", json::array({json{{"title", "持有称号"}}})}}, l).word == "重点关注");
}

TEST_CASE("the near limits are set from the command line, and a malformed setting is refused", "[screen]") {
  auto l = srdi::parse_near_limits("money_share=0.5,count=4");
  REQUIRE(l);
  CHECK(l->money_share == srdi::Rational::of(1, 2));
  CHECK(l->count == srdi::Rational(4));
  CHECK(l->points == srdi::Rational(10));
  CHECK(srdi::parse_near_limits("money_share=30%")->money_share == srdi::Rational::of(3, 10));
  CHECK_FALSE(srdi::parse_near_limits("money=0.5"));
  CHECK_FALSE(srdi::parse_near_limits("count=-1"));
  CHECK_FALSE(srdi::parse_near_limits("count"));
}

TEST_CASE("one rung's gaps from its explanation alone are the full result's, for every example, golden profile and rung", "[screen]") {
  int compared = 0;
  std::vector<std::filesystem::path> files;
  for (const char* dir : {"examples", "tests/golden/profiles"}) {
    for (const auto& entry : std::filesystem::directory_iterator(test_util::source_dir() / dir)) files.push_back(entry.path());
  }
  for (const auto& path : files) {
    const srdi::Profile profile = srdi::load_profile(test_util::read_file(path));
    for (const char* as_of : {"2025-06-30", "2026-11-21"}) {
      srdi::Options options{*srdi::parse_date(as_of), ""};
      const srdi::PolicySet& set = srdi::bundled_policies();
      json full = srdi::evaluate(profile, options, set);
      for (const auto& t : full["tiers"]) {
        INFO(path.filename().string() << " " << as_of << " " << t["id"]);
        const srdi::Screener alone(set, options, {t["id"].get<std::string>()});
        CHECK(srdi::tier_unmet(profile, options, alone, t["id"]).dump() == t["unmet"].dump());
        ++compared;
      }
    }
  }
  CHECK(compared >= 100);
}
