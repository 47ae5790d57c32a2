#include <catch2/catch.hpp>
#include <set>

#include "core/metrics.hpp"
#include "test_util.hpp"

using srdi::MetricValue;
using srdi::Op;
using srdi::Rational;

namespace {

struct Eval {
  srdi::Profile p;
  explicit Eval(const std::string& json) : p(test_util::profile(json)) {}
  srdi::FactLookup lookup() const {
    return [this](std::string_view n) { return p.fact(n); };
  }
  MetricValue value(const char* metric) const { return srdi::compute_metric(*srdi::find_metric(metric), lookup()); }
  std::optional<bool> check(const char* metric, Op op, const char* t) const {
    return srdi::compare_metric(value(metric), op, *srdi::parse_decimal(t, -1, true).value);
  }
  std::optional<srdi::Gap> gap(const char* metric, Op op, const char* t) const {
    return srdi::metric_gap(*srdi::find_metric(metric), lookup(), op, *srdi::parse_decimal(t, -1, true).value);
  }
};

Rational dec(const char* s) { return *srdi::parse_decimal(s, -1, true).value; }

}  // namespace

TEST_CASE("every numeric profile field is a metric, and names are unique", "[metrics]") {
  std::set<std::string> names;
  for (const auto& m : srdi::metric_catalogue()) {
    INFO(m.name);
    CHECK(names.insert(m.name).second);
    CHECK_FALSE(m.label.empty());
    for (const auto& in : m.inputs) CHECK(srdi::find_field(in));
  }
  CHECK(srdi::find_metric("revenue.last"));
  CHECK(srdi::find_metric("employees"));
  CHECK_FALSE(srdi::find_metric("own_brand"));  // booleans are facts, not metrics
}

TEST_CASE("R&D ratio: 107.5万 on 4000万 is 2.6875% and needs 12.5万 more to reach 3%", "[metrics]") {
  Eval e(R"({"rd_expense": {"last": "1075000"}, "revenue": {"last": "40000000"}})");
  CHECK(e.value("rd_ratio.last").value == dec("2.6875%"));
  CHECK(*e.check("rd_ratio.last", Op::Ge, "3%") == false);
  auto g = e.gap("rd_ratio.last", Op::Ge, "3%");
  REQUIRE(g);
  CHECK(g->field == "rd_expense.last");
  CHECK(g->change == Rational(125000));
  CHECK(g->to == Rational(1200000));
  CHECK(g->text == "研发费用（上年度）增加 12.5万元");
}

TEST_CASE("a gap that lands between fen rounds up to the next fen", "[metrics]") {
  // 3% of 33,333,333.33 = 999,999.9999 -> 1,000,000.00 is the smallest amount in fen that meets it.
  Eval e(R"({"rd_expense": {"last": "0"}, "revenue": {"last": "33333333.33"}})");
  auto g = e.gap("rd_ratio.last", Op::Ge, "3%");
  REQUIRE(g);
  CHECK(g->to == Rational(1000000));
  Eval just_below(R"({"rd_expense": {"last": "999999.99"}, "revenue": {"last": "33333333.33"}})");
  CHECK(*just_below.check("rd_ratio.last", Op::Ge, "3%") == false);
}

TEST_CASE("debt ratio at most 70%: 75 on 100 must shed 5", "[metrics]") {
  Eval e(R"({"total_liabilities": 75, "total_assets": 100})");
  CHECK(*e.check("debt_ratio", Op::Le, "70%") == false);
  auto g = e.gap("debt_ratio", Op::Le, "70%");
  REQUIRE(g);
  CHECK(g->change == Rational(-5));
  CHECK(g->text == "负债总额减少 0.0005万元");
  Eval at(R"({"total_liabilities": 70, "total_assets": 100})");
  CHECK(*at.check("debt_ratio", Op::Le, "70%"));
}

TEST_CASE("two-year average growth: 100 → 110 → 121 averages exactly 10%", "[metrics]") {
  Eval e(R"({"main_business_revenue": {"prev2": 100, "prev": 110, "last": 121}})");
  CHECK(e.value("main_business_growth.avg2").value == dec("10%"));
  CHECK(*e.check("main_business_growth.avg2", Op::Ge, "10%"));
  // To average 12%: (10% + g2) / 2 = 12% -> g2 = 14% -> last = 110 × 1.14 = 125.40.
  auto g = e.gap("main_business_growth.avg2", Op::Ge, "12%");
  REQUIRE(g);
  CHECK(g->to == dec("125.40"));
  Eval below(R"({"main_business_revenue": {"prev2": 100, "prev": 110, "last": "125.39"}})");
  CHECK(*below.check("main_business_growth.avg2", Op::Ge, "12%") == false);
  Eval at(R"({"main_business_revenue": {"prev2": 100, "prev": 110, "last": "125.40"}})");
  CHECK(*at.check("main_business_growth.avg2", Op::Ge, "12%"));
}

TEST_CASE("CAGR is compared exactly by squaring: 100 → 121 is exactly 10%", "[metrics]") {
  Eval e(R"({"revenue": {"prev2": 100, "last": 121}})");
  CHECK(*e.check("revenue_cagr.2y", Op::Ge, "10%"));
  CHECK(*e.check("revenue_cagr.2y", Op::Le, "10%"));
  Eval below(R"({"revenue": {"prev2": 100, "last": "120.99"}})");
  CHECK(*below.check("revenue_cagr.2y", Op::Ge, "10%") == false);
  auto g = below.gap("revenue_cagr.2y", Op::Ge, "10%");
  REQUIRE(g);
  CHECK(g->to == Rational(121));
  Eval shrink(R"({"revenue": {"prev2": 100, "last": 81}})");
  CHECK(*shrink.check("revenue_cagr.2y", Op::Ge, "-10%"));  // sqrt(0.81) - 1 = -10%
  CHECK(*shrink.check("revenue_cagr.2y", Op::Gt, "-110%"));  // 1 + t < 0: any root is above
}

TEST_CASE("one-year growth and its gap", "[metrics]") {
  Eval e(R"({"main_business_revenue": {"prev": 1000, "last": 1049}})");
  CHECK(*e.check("main_business_growth.last", Op::Ge, "5%") == false);
  CHECK(e.gap("main_business_growth.last", Op::Ge, "5%")->to == Rational(1050));
}

TEST_CASE("sums and averages over years", "[metrics]") {
  Eval e(R"({"rd_expense": {"last": "9000000", "prev": "10000000"},
             "equity_financing": {"last": 1, "prev": 2, "prev2": 3}})");
  CHECK(e.value("rd_expense.sum2").value == Rational(19000000));
  CHECK(e.value("rd_expense.avg2").value == Rational(9500000));
  CHECK(e.value("equity_financing.sum3").value == Rational(6));
  CHECK(e.value("equity_financing.sum2").value == Rational(3));
  // Average 1000万 needs a total of 2000万: last must rise from 900万 to 1000万.
  CHECK(e.gap("rd_expense.avg2", Op::Ge, "10000000")->change == Rational(1000000));
}

TEST_CASE("ratios of people and percent inputs", "[metrics]") {
  Eval e(R"({"rd_staff": 9, "employees": 20, "market_share_domestic": "9.5"})");
  CHECK(*e.check("rd_staff_ratio", Op::Ge, "50%") == false);
  CHECK(e.gap("rd_staff_ratio", Op::Ge, "50%")->text == "研发人员增加 1人");
  CHECK(e.value("market_share_domestic").value == dec("9.5%"));
  auto g = e.gap("market_share_domestic", Op::Ge, "10%");
  REQUIRE(g);
  CHECK(g->to == dec("10"));
  CHECK(g->unit == "percent_points");
}

TEST_CASE("strict comparisons step one unit past the threshold", "[metrics]") {
  Eval e(R"({"employees": 300})");
  CHECK(*e.check("employees", Op::Gt, "300") == false);
  CHECK(e.gap("employees", Op::Gt, "300")->to == Rational(301));
  CHECK(e.gap("employees", Op::Lt, "300")->to == Rational(299));
}

TEST_CASE("unknown inputs leave the metric unknown and name them", "[metrics]") {
  Eval e(R"({"rd_expense": {"last": 5}})");
  MetricValue v = e.value("rd_ratio.last");
  CHECK(v.state == MetricValue::State::Unknown);
  CHECK(v.missing == std::vector<std::string>{"revenue.last"});
  CHECK_FALSE(e.check("rd_ratio.last", Op::Ge, "3%"));
  CHECK_FALSE(e.gap("rd_ratio.last", Op::Ge, "3%"));
}

TEST_CASE("zero denominators: growth from zero is above every bar, 0/0 meets nothing", "[metrics]") {
  Eval up(R"({"revenue": {"prev": 0, "last": 10}})");
  CHECK(up.value("revenue_growth.last").state == MetricValue::State::Infinite);
  CHECK(*up.check("revenue_growth.last", Op::Ge, "5%"));
  CHECK(*up.check("revenue_growth.last", Op::Le, "5%") == false);
  Eval none(R"({"rd_expense": {"last": 0}, "revenue": {"last": 0}})");
  CHECK(none.value("rd_ratio.last").state == MetricValue::State::Undefined);
  CHECK(*none.check("rd_ratio.last", Op::Ge, "0%") == false);
  CHECK(*none.check("rd_ratio.last", Op::Le, "100%") == false);
}

TEST_CASE("a fact known not to exist meets no comparison", "[metrics]") {
  Eval e(R"({"sci_award": "none"})");
  CHECK(*e.check("sci_award.national_rank", Op::Le, "3") == false);
}

TEST_CASE("gaps stay within a field's range", "[metrics]") {
  Eval e(R"({"market_share_domestic": "99", "digital_level": 2})");
  CHECK_FALSE(e.gap("market_share_domestic", Op::Gt, "100%"));
  CHECK(e.gap("market_share_domestic", Op::Ge, "100%")->to == Rational(100));
  CHECK(e.gap("digital_level", Op::Ge, "4")->to == Rational(4));
  CHECK_FALSE(e.gap("digital_level", Op::Ge, "5"));
}

TEST_CASE("a sum decided by its known years: amounts are never negative", "[metrics]") {
  // 2022 专精特新 direct route 3: equity over two years >= 6000万. Last year alone is 6000万: whatever
  // the unknown year before, the sum is at least 6000万.
  Eval met(R"({"equity_financing": {"last": "60000000.00"}})");
  MetricValue v = met.value("equity_financing.sum2");
  CHECK(v.state == MetricValue::State::Unknown);
  CHECK(v.missing == std::vector<std::string>{"equity_financing.prev"});
  REQUIRE(v.lower);
  CHECK(*v.lower == Rational(60000000));
  CHECK(*met.check("equity_financing.sum2", Op::Ge, "60000000"));
  CHECK(*met.check("equity_financing.sum2", Op::Gt, "59999999.99"));
  // One fen short: the unknown year could make up the difference, or not.
  Eval open(R"({"equity_financing": {"last": "59999999.99"}})");
  CHECK_FALSE(open.check("equity_financing.sum2", Op::Ge, "60000000"));
  // Three years with two unknown; an upper bar already passed fails whatever they are.
  Eval over(R"({"equity_financing": {"prev2": "5000000.01"}})");
  CHECK(*over.check("equity_financing.sum3", Op::Ge, "5000000"));
  CHECK(*over.check("equity_financing.sum3", Op::Le, "5000000") == false);
  CHECK(*over.check("equity_financing.sum3", Op::Eq, "5000000") == false);
  CHECK_FALSE(over.check("equity_financing.sum3", Op::Eq, "6000000"));
  // An average: (2000万 + x) / 2 >= 1000万 for every x >= 0; (1999.9999万 + x) / 2 is open.
  CHECK(*Eval(R"({"rd_expense": {"prev": "20000000.00"}})").check("rd_expense.avg2", Op::Ge, "10000000"));
  CHECK_FALSE(Eval(R"({"rd_expense": {"prev": "19999999.99"}})").check("rd_expense.avg2", Op::Ge, "10000000"));
  // No gap is offered for a decided comparison with unknown inputs.
  CHECK_FALSE(open.gap("equity_financing.sum2", Op::Ge, "60000000"));
}

TEST_CASE("a plain field is decided when no value of the format could change the answer", "[metrics]") {
  Eval e("{}");
  CHECK(*e.check("market_share_domestic", Op::Le, "100%"));        // a share is 0 … 100%
  CHECK(*e.check("digital_level", Op::Ge, "1"));                    // levels 1 … 4
  CHECK(*e.check("digital_level", Op::Gt, "4") == false);
  CHECK_FALSE(e.check("digital_level", Op::Ge, "2"));
  // A rank may be "none" (no such award), which meets nothing: never decided by a range.
  CHECK_FALSE(e.check("sci_award.national_rank", Op::Ge, "1"));
  CHECK_FALSE(e.check("market_rank_domestic", Op::Ge, "1"));
}

TEST_CASE("the range of an unknown field", "[metrics]") {
  using srdi::FieldKind;
  auto range = [](const srdi::FieldSpec& f, std::optional<int> year) { return srdi::unknown_range(f, year); };
  CHECK(range(srdi::FieldSpec{"x", FieldKind::Money, ""}, std::nullopt)->first == Rational(0));
  CHECK(range(srdi::FieldSpec{"x", FieldKind::Percent, ""}, std::nullopt)->second == Rational(1));
  CHECK_FALSE(range(srdi::FieldSpec{"x", FieldKind::Rank, ""}, std::nullopt));
  CHECK_FALSE(range(srdi::FieldSpec{"x", FieldKind::Bool, ""}, std::nullopt));
  srdi::FieldSpec year{"y", FieldKind::IntRange, "", {}, 1949, 2100};
  CHECK(range(year, 2026)->first == Rational(1949));
  year.blank_within_years = 3;  // blank = within the last 3 years by the field's definition
  CHECK(range(year, 2026)->first == Rational(2023));
  CHECK(range(year, 2026)->second == Rational(2026));
  CHECK_FALSE(range(year, std::nullopt));
  CHECK(*srdi::compare_range(Rational(2), Rational(5), Op::Ge, Rational(2)));
  CHECK_FALSE(srdi::compare_range(Rational(2), Rational(5), Op::Ge, Rational(3)));
  CHECK(*srdi::compare_range(Rational(3), Rational(3), Op::Eq, Rational(3)));
  CHECK_FALSE(srdi::compare_range(Rational(2), Rational(5), Op::Eq, Rational(3)));
}
