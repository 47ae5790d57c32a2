#include <catch2/catch.hpp>

#include "core/evaluator.hpp"
#include "test_util.hpp"

using srdi::Tri;

namespace {

// The engine outside a request: the toy tiers and inline criteria are compiled on first use. A
// fresh one each time, since it remembers them by address and these are temporaries.
srdi::Screener engine() { return srdi::Screener(srdi::bundled_policies(), srdi::Options{*srdi::parse_date("2026-06-30"), ""}); }

struct ToyRun {
  srdi::Policy policy = test_util::toy_policy();
  srdi::Profile profile;
  srdi::ScoreResult score;
  srdi::Outcome outcome;

  explicit ToyRun(const std::string& json) : profile(test_util::profile(json)) {
    const auto& tier = policy.tiers[0];
    srdi::TierOutcome whole = engine().explain_tier(tier, profile);
    score = whole.scores.at(tier.scores[0].id);
    outcome = whole.outcome;
  }

  const srdi::json* node(const std::string& id) const { return find(outcome.trace, id); }
  static const srdi::json* find(const srdi::json& n, const std::string& id) {
    if (n.contains("id") && n["id"] == id) return &n;
    if (n.contains("children")) {
      for (const auto& c : n["children"]) {
        if (auto* f = find(c, id)) return f;
      }
    }
    return nullptr;
  }
};

// All facts known; R&D 5% (10 points), self score 8, two quality items (5, capped), level 3 (15).
const char* kFull = R"({
  "rd_expense": {"last": 50}, "revenue": {"last": 1000}, "distinctive_score": 8,
  "quality": {"iso9001": true, "standards": true}, "own_brand": false, "digital_level": 3,
  "compliance": {"not_abnormal": true}, "rd_institution": "city",
  "equity_financing": {"last": 0, "prev": 0}})";

}  // namespace

TEST_CASE("a fully known profile is scored exactly and passes by the score route", "[evaluate]") {
  ToyRun r(kFull);
  CHECK(r.score.total.min == 38);
  CHECK(r.score.total.max == 38);  // 10 + 8 + min(6, 5) + 15
  CHECK(r.score.categories["toy.score.innovation"].min == 18);
  CHECK(r.score.categories["toy.score.quality"].min == 20);
  CHECK(r.outcome.result == Tri::Met);
  CHECK(r.node("toy.cond.route")->at("decided_by") == "toy.route.score");
  CHECK(r.node("toy.route.equity")->at("result") == "not_met");
}

TEST_CASE("a first-match band with an unknown metric widens the score to an interval", "[evaluate]") {
  // R&D unknown: the indicator may score 10, 6 or 0.
  std::string p = kFull;
  p.replace(p.find(R"("rd_expense": {"last": 50}, )"), std::string(R"("rd_expense": {"last": 50}, )").size(), "");
  ToyRun r(p);
  CHECK(r.score.total.min == 28);
  CHECK(r.score.total.max == 38);
  CHECK(r.score.trace["missing"] == srdi::json::array({"rd_expense.last"}));
  // 28 < 30 <= 38: the total is undetermined; innovation 8..18 vs 10 too; the equity route fails.
  CHECK(r.node("toy.route.score.total")->at("result") == "undetermined");
  CHECK(r.outcome.result == Tri::Undetermined);
  CHECK(r.outcome.trace["missing"] == srdi::json::array({"rd_expense.last"}));
}

TEST_CASE("an unknown self-assessed value spans 0 to the indicator maximum", "[evaluate]") {
  std::string p = kFull;
  p.replace(p.find(R"("distinctive_score": 8,)"), std::string(R"("distinctive_score": 8,)").size(), "");
  ToyRun r(p);
  CHECK(r.score.total.min == 30);
  CHECK(r.score.total.max == 40);
  // The total is decided (30 >= 30) but innovation 10..20 >= 10 too: still met.
  CHECK(r.outcome.result == Tri::Met);
}

TEST_CASE("sum bands add up to the cap; an unknown item widens the upper end only", "[evaluate]") {
  ToyRun one(R"({"quality": {"iso9001": true, "standards": false}, "own_brand": false})");
  const auto& ind = one.score.trace["indicators"][2];
  CHECK(ind["points"]["min"] == 3);
  CHECK(ind["points"]["max"] == 3);
  ToyRun unknown(R"({"quality": {"iso9001": true}, "own_brand": false})");
  CHECK(unknown.score.trace["indicators"][2]["points"]["min"] == 3);
  CHECK(unknown.score.trace["indicators"][2]["points"]["max"] == 5);
}

TEST_CASE("exactly at the score bar and one point under it", "[evaluate]") {
  // 30 points: R&D 3% (6) + self 9 + quality 0 + level 3 (15) = 30, innovation 15 >= 10.
  ToyRun at(R"({"rd_expense": {"last": 30}, "revenue": {"last": 1000}, "distinctive_score": 9,
               "quality": {"iso9001": false, "standards": false}, "own_brand": false, "digital_level": 3,
               "compliance": {"not_abnormal": true}, "rd_institution": "city",
               "equity_financing": {"last": 0, "prev": 0}})");
  CHECK(at.score.total.min == 30);
  CHECK(at.node("toy.route.score.total")->at("result") == "met");
  // Self score 8 instead of 9: 29 < 30, one point short, shown as the gap.
  ToyRun under(R"({"rd_expense": {"last": 30}, "revenue": {"last": 1000}, "distinctive_score": 8,
                  "quality": {"iso9001": false, "standards": false}, "own_brand": false, "digital_level": 3,
                  "compliance": {"not_abnormal": true}, "rd_institution": "city",
                  "equity_financing": {"last": 0, "prev": 0}})");
  CHECK(under.score.total.max == 29);
  const auto* total = under.node("toy.route.score.total");
  CHECK(total->at("result") == "not_met");
  CHECK(total->at("gap")["change"] == "1");
  CHECK(under.outcome.result == Tri::NotMet);
  CHECK(under.outcome.trace["failed"] == srdi::json::array({"toy.cond.route"}));
}

TEST_CASE("any: one met route decides even when others are unknown", "[evaluate]") {
  ToyRun r(R"({"compliance": {"not_abnormal": true}, "rd_institution": "provincial",
              "equity_financing": {"last": "20000000", "prev": 0}})");
  CHECK(r.node("toy.route.equity")->at("result") == "met");
  CHECK(r.node("toy.route.score")->at("result") == "undetermined");
  CHECK(r.node("toy.cond.route")->at("decided_by") == "toy.route.equity");
  CHECK(r.outcome.result == Tri::Met);
}

TEST_CASE("all: one unmet condition decides even when others are unknown", "[evaluate]") {
  ToyRun r(R"({"compliance": {"not_abnormal": false}})");
  CHECK(r.outcome.result == Tri::NotMet);
  CHECK(r.outcome.trace["failed"] == srdi::json::array({"toy.cond.compliance"}));
  CHECK_FALSE(r.outcome.trace.contains("missing"));
}

TEST_CASE("not flips met and not met and keeps undetermined", "[evaluate]") {
  CHECK(ToyRun(R"({"rd_institution": "none"})").node("toy.cond.not_large_institution")->at("result") == "not_met");
  CHECK(ToyRun(R"({"rd_institution": "national"})").node("toy.cond.not_large_institution")->at("result") == "met");
  ToyRun empty("{}");
  const auto* u = empty.node("toy.cond.not_large_institution");
  CHECK(u->at("result") == "undetermined");
  CHECK(u->at("missing") == srdi::json::array({"rd_institution"}));
}

TEST_CASE("an empty profile is undetermined and names every deciding field", "[evaluate]") {
  ToyRun r("{}");
  CHECK(r.outcome.result == Tri::Undetermined);
  auto missing = r.outcome.trace["missing"];
  for (const char* f : {"compliance.not_abnormal", "rd_institution", "equity_financing.last", "rd_expense.last",
                        "revenue.last", "distinctive_score", "digital_level"}) {
    INFO(f);
    CHECK(std::find(missing.begin(), missing.end(), f) != missing.end());
  }
}

TEST_CASE("traces carry citation, interpretation, inputs and gaps", "[evaluate]") {
  ToyRun r(R"({"equity_financing": {"last": "15000000", "prev": "4000000"}})");
  const auto* eq = r.node("toy.route.equity");
  CHECK(eq->at("citation")["clause"] == "第二条");
  CHECK(eq->at("inputs")[0]["field"] == "equity_financing.last");
  CHECK(eq->at("inputs")[0]["value"] == "15000000.00");
  CHECK(eq->at("value") == "19000000.00");
  CHECK(eq->at("gap")["change"] == "1000000.00");
  CHECK(r.node("toy.cond.route")->at("interpretation") == "测试用解读");
}

namespace {
srdi::Criterion inline_criterion(const std::string& criterion_json) {
  std::string policy = R"({"id": "inline", "kind": "tiers", "title": "t", "issuer": "i", "doc_no": "d",
    "status": "draft", "valid_from": "2026-01-01", "valid_to": null, "versions": ["inline"],
    "tiers": [{"id": "inline.tier", "tier": "x", "title": "t", "rung": 1, "criterion": )" + criterion_json + "}]}";
  return srdi::load_policy(policy, "inline.json").tiers[0].criterion;
}
const char* kCite = R"("citation": {"doc": "d", "clause": "c", "excerpt": "e", "excerpt_kind": "quote"})";
}  // namespace

TEST_CASE("no gap is offered under a negation, where it would point the wrong way", "[evaluate]") {
  auto c = inline_criterion(std::string(R"({"id": "n", "title": "负债率不超过70%", )") + kCite +
                            R"(, "not": {"id": "n.over", "title": "负债率超过70%", "metric": "debt_ratio", "op": ">", "value": "70%"}})");
  auto p = test_util::profile(R"({"total_liabilities": 50, "total_assets": 100})");
  srdi::Outcome o = engine().checker(p, true)(c);
  CHECK(o.result == Tri::Met);
  CHECK(o.trace.dump().find("\"gap\"") == std::string::npos);
}

TEST_CASE("no gap beyond what a field can hold", "[evaluate]") {
  auto c = inline_criterion(std::string(R"({"id": "d", "title": "数字化五级", )") + kCite +
                            R"(, "metric": "digital_level", "op": ">=", "value": "5"})");
  auto p = test_util::profile(R"({"digital_level": 4})");
  srdi::Outcome o = engine().checker(p, true)(c);
  CHECK(o.result == Tri::NotMet);
  CHECK_FALSE(o.trace.contains("gap"));
}

TEST_CASE("a score equal to a value is decided only when the interval allows one answer", "[evaluate]") {
  auto tier_with = [](const char* value) {
    std::string policy = std::string(R"({"id": "eq", "kind": "tiers", "title": "t", "issuer": "i", "doc_no": "d",
      "status": "draft", "valid_from": "2026-01-01", "valid_to": null, "versions": ["eq"],
      "tiers": [{"id": "eq.tier", "tier": "x", "title": "t", "rung": 1,
        "scores": [{"id": "eq.s", "title": "s", )") + kCite + R"(,
          "categories": [{"id": "eq.c", "title": "c", "max": 10}],
          "indicators": [{"id": "eq.i", "title": "i", "category": "eq.c", "max": 10, "mode": "value", "metric": "distinctive_score"}]}],
        "criterion": {"id": "eq.k", "title": "k", )" + kCite + R"(, "score": "eq.s", "op": "==", "value": ")" + value + R"("}}]})";
    return srdi::load_policy(policy, "eq.json").tiers[0];
  };
  auto run = [](const srdi::Tier& t, const char* profile) {
    auto p = test_util::profile(profile);
    return engine().explain_tier(t, p).outcome.result;
  };
  CHECK(run(tier_with("5"), "{}") == Tri::Undetermined);   // 0..10 contains 5
  CHECK(run(tier_with("12"), "{}") == Tri::NotMet);        // 12 is outside 0..10
  CHECK(run(tier_with("5"), R"({"distinctive_score": 5})") == Tri::Met);
  CHECK(run(tier_with("5"), R"({"distinctive_score": 6})") == Tri::NotMet);
}
