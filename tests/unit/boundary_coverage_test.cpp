// Boundary coverage derived from the policy data: every `compare` criterion of every bundled policy
// (tiers and their `grants`, definitions, size rules, score-band `when` criteria, award `requires`
// conditions and benchmarks) is evaluated alone on profiles built exactly at its threshold and one
// smallest input step on either side of it, and must flip in the direction its operator states.
//
// The threshold is reached through the metric's inputs (core/metrics.hpp): a plain profile field is
// set to the threshold itself; a derived metric has its other inputs fixed (a denominator of
// 100000000.00 yuan or 10000 people, or the threshold for an average) and one input, the driven
// field, solved exactly with srdi::Rational. The driven field then moves by its smallest step
// (money 0.01 yuan, counts / ranks / int ranges 1, percent 0.0001, score 0.01).
#include <catch2/catch.hpp>

#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/evaluate.hpp"
#include "core/evaluator.hpp"
#include "core/exact.hpp"
#include "core/metrics.hpp"
#include "core/policy.hpp"
#include "core/profile.hpp"

using srdi::Criterion;
using srdi::FieldKind;
using srdi::MetricKind;
using srdi::Op;
using srdi::Rational;
using srdi::Tri;

namespace {

// Metrics whose thresholds cannot be driven by setting profile fields. Each entry needs a reason.
// Empty: every metric the bundled data compares is reachable (sci_award.national_years_ago and the
// other *years_ago are driven through their year field, their internal lever evaluation_year being
// fixed by the evaluation date).
const std::map<std::string, std::string> kAllowlist = {};

// Fields the profile format can state as known not to exist (Fact::None) rather than unknown.
const std::set<std::string> kCanBeNone = {"sci_award.national_rank", "sci_award.provincial_rank",
                                          "sci_award.ministerial_rank"};

struct Found {
  std::string policy;  // file
  std::string where;   // e.g. "tier miit2022.srdi"
  const Criterion* node;
};

void walk(const Criterion& c, const std::string& policy, const std::string& where, std::vector<Found>& out) {
  if (c.kind == Criterion::Kind::Compare) out.push_back({policy, where, &c});
  for (const auto& child : c.children) walk(child, policy, where, out);
}

std::vector<Found> all_compares(const srdi::PolicySet& set) {
  std::vector<Found> out;
  for (const auto& p : set.policies) {
    for (const auto& ind : p.industries) {
      for (const auto& r : ind.rules) walk(r.criterion, p.file, "size " + ind.industry + "." + r.size_class, out);
    }
    for (const auto& d : p.definitions) walk(d, p.file, "definition " + d.id, out);
    for (const auto& t : p.tiers) {
      walk(t.criterion, p.file, "tier " + t.id, out);
      if (t.grants) walk(*t.grants, p.file, "tier grants " + t.id, out);
      for (const auto& table : t.scores) {
        for (const auto& ind : table.indicators) {
          for (const auto& b : ind.bands) {
            if (b.when) walk(*b.when, p.file, "band of " + ind.id, out);
          }
        }
      }
    }
    for (const auto& m : p.measures) {
      if (m.requires_) walk(*m.requires_, p.file, "requires of " + m.id, out);
    }
    for (const auto& b : p.benchmarks) {
      if (b.criterion) walk(*b.criterion, p.file, "benchmark " + b.id, out);
    }
  }
  return out;
}

Rational step_of(FieldKind k) {
  switch (k) {
    case FieldKind::Money:
    case FieldKind::SignedMoney:
    case FieldKind::Score:
      return Rational::fen(1);
    case FieldKind::Percent:
      return Rational::of(1, 10000);
    default:
      return Rational(1);
  }
}

// Whether x is a value the profile format accepts for the field.
bool in_domain(const srdi::FieldSpec& f, const Rational& x) {
  if (!(x / step_of(f.kind)).is_integer()) return false;
  const Rational money_max = Rational(10000000000000);  // 10万亿元
  const Rational count_max = Rational(1000000000);
  switch (f.kind) {
    case FieldKind::Money: return x >= Rational(0) && x <= money_max;
    case FieldKind::SignedMoney: return x >= Rational(0) - money_max && x <= money_max;
    case FieldKind::Count: return x >= Rational(0) && x <= count_max;
    case FieldKind::Rank: return x >= Rational(1) && x <= count_max;
    case FieldKind::IntRange: return x >= Rational(f.min) && x <= Rational(f.max);
    case FieldKind::Percent:
    case FieldKind::Score: return x >= Rational(0) && x <= Rational(100);
    default: return false;
  }
}

srdi::Fact number(const Rational& x) {
  srdi::Fact f;
  f.kind = srdi::Fact::Kind::Number;
  f.number = x;
  return f;
}

bool is_money(FieldKind k) { return k == FieldKind::Money || k == FieldKind::SignedMoney; }

// How the threshold is reached: fixed inputs, the driven field, its value at the threshold and
// whether the metric rises (+1) or falls (-1) with it.
struct Plan {
  std::map<std::string, Rational> fixed;
  std::string driven;
  Rational at;
  int direction = 1;
};

std::optional<Plan> plan_for(const srdi::MetricDef& def, const Rational& t, int evaluation_year, std::string& why) {
  const auto& in = def.inputs;
  auto spec = [](const std::string& name) { return srdi::find_field(name); };
  for (const auto& name : in) {
    if (!spec(name)) {
      why = "input " + name + " is not a profile field";
      return std::nullopt;
    }
  }
  auto denominator = [&](const std::string& name) {
    return is_money(spec(name)->kind) ? Rational::fen(10000000000) : Rational(10000);  // 1亿元 / 10000
  };
  Plan p;
  const Rational one(1);
  switch (def.kind) {
    case MetricKind::Fact:
      p.driven = in[0];
      // A percent field is used divided by 100 (market_share_domestic "10.5" is 10.5%).
      p.at = spec(in[0])->kind == FieldKind::Percent ? t * Rational(100) : t;
      break;
    case MetricKind::Ratio:
      p.fixed[in[1]] = denominator(in[1]);
      p.driven = in[0];
      p.at = t * p.fixed[in[1]];
      break;
    case MetricKind::Growth:
      p.fixed[in[1]] = denominator(in[1]);
      p.driven = in[0];
      p.at = (one + t) * p.fixed[in[1]];
      break;
    case MetricKind::AvgGrowth:  // prev2 = prev: the first growth is 0, the last one is 2t
      p.fixed[in[1]] = denominator(in[1]);
      p.fixed[in[2]] = denominator(in[2]);
      p.driven = in[0];
      p.at = (one + Rational(2) * t) * p.fixed[in[1]];
      break;
    case MetricKind::Cagr:
      p.fixed[in[1]] = denominator(in[1]);
      p.driven = in[0];
      p.at = (one + t) * (one + t) * p.fixed[in[1]];
      break;
    case MetricKind::Sum:
      for (std::size_t i = 1; i < in.size(); ++i) p.fixed[in[i]] = Rational(0);
      p.driven = in[0];
      p.at = t;
      break;
    case MetricKind::Avg:
      for (std::size_t i = 1; i < in.size(); ++i) p.fixed[in[i]] = t;
      p.driven = in[0];
      p.at = t;
      break;
    case MetricKind::Diff:
      if (in[0] == "evaluation_year") {  // internal: fixed by the evaluation date; drive the other input
        p.driven = in[1];
        p.at = Rational(evaluation_year) - t;
        p.direction = -1;
      } else {
        p.fixed[in[1]] = Rational(0);
        p.driven = in[0];
        p.at = t;
      }
      break;
  }
  for (const auto& [name, v] : p.fixed) {
    if (name != "evaluation_year" && !in_domain(*spec(name), v)) {
      why = "fixed input " + name + " = " + srdi::format_decimal(v, 6) + " outside the profile format";
      return std::nullopt;
    }
  }
  if (!in_domain(*spec(p.driven), p.at)) {
    why = "value at the threshold " + p.driven + " = " + srdi::format_decimal(p.at, 6) +
          " is not a value of the profile format";
    return std::nullopt;
  }
  return p;
}

std::string tri(Tri t) { return srdi::tri_name(t); }

}  // namespace

TEST_CASE("every compare threshold in the bundled policies flips exactly at its boundary", "[boundary]") {
  const srdi::PolicySet& set = srdi::bundled_policies();
  const srdi::Date as_of = *srdi::parse_date("2026-11-21");
  const srdi::Screener engine(set, srdi::Options{as_of, ""});  // compiles each criterion on first use
  const std::vector<Found> found = all_compares(set);
  REQUIRE(found.size() > 100);

  std::map<std::string, int> covered, allowlisted, total;
  std::vector<std::string> uncovered;
  std::set<std::string> allowlist_used;
  int checks = 0;

  for (const auto& f : found) {
    const Criterion& c = *f.node;
    ++total[f.policy];
    INFO(f.policy << " / " << f.where << " / " << c.id << ": " << c.metric << " " << srdi::op_symbol(c.op) << " "
                  << c.threshold_text);
    const srdi::MetricDef* def = srdi::find_metric(c.metric);
    REQUIRE(def != nullptr);
    if (kAllowlist.count(c.metric)) {
      ++allowlisted[f.policy];
      allowlist_used.insert(c.metric);
      continue;
    }
    std::string why;
    srdi::Profile base = srdi::with_evaluation_facts(srdi::Profile{}, as_of);
    const srdi::Fact* year = base.fact("evaluation_year");
    REQUIRE(year != nullptr);
    auto plan = plan_for(*def, c.threshold, static_cast<int>(year->number.num()), why);
    if (!plan) {
      uncovered.push_back(f.policy + " " + c.id + " (" + c.metric + "): " + why);
      continue;
    }
    const srdi::FieldSpec& driven = *srdi::find_field(plan->driven);
    const Rational step = step_of(driven.kind);

    // Evaluates the node alone with the driven field at x; nullopt when x is not a valid value.
    auto eval = [&](const Rational& x) -> std::optional<Tri> {
      if (!in_domain(driven, x)) return std::nullopt;
      srdi::Profile p = base;
      for (const auto& [field, v] : plan->fixed) p.facts[field] = number(v);
      p.facts[plan->driven] = number(x);
      return engine.checker(p, true)(c).result;
    };

    // Self-check of the plan: the metric is exactly the threshold at `at` (CAGR is kept squared).
    {
      srdi::Profile p = base;
      for (const auto& [field, v] : plan->fixed) p.facts[field] = number(v);
      p.facts[plan->driven] = number(plan->at);
      auto v = srdi::compute_metric(*def, [&](std::string_view n) { return p.fact(n); });
      REQUIRE(v.state == srdi::MetricValue::State::Known);
      if (def->kind == MetricKind::Cagr) {
        CHECK(v.value == (Rational(1) + c.threshold) * (Rational(1) + c.threshold));
      } else {
        CHECK(v.value == c.threshold);
      }
    }

    const Rational above_x = plan->direction > 0 ? plan->at + step : plan->at - step;
    const Rational below_x = plan->direction > 0 ? plan->at - step : plan->at + step;
    std::optional<Tri> at = eval(plan->at), above = eval(above_x), below = eval(below_x);
    REQUIRE(at.has_value());

    // Expected results at, just above and just below the threshold.
    Tri e_at = Tri::Met, e_above = Tri::Met, e_below = Tri::Met;
    bool need_above = false, need_below = false;  // the side the operator's boundary is about
    switch (c.op) {
      case Op::Ge: e_at = Tri::Met; e_above = Tri::Met; e_below = Tri::NotMet; need_below = true; break;
      case Op::Gt: e_at = Tri::NotMet; e_above = Tri::Met; e_below = Tri::NotMet; need_above = true; break;
      case Op::Le: e_at = Tri::Met; e_above = Tri::NotMet; e_below = Tri::Met; need_above = true; break;
      case Op::Lt: e_at = Tri::NotMet; e_above = Tri::NotMet; e_below = Tri::Met; need_below = true; break;
      case Op::Eq:
        e_at = Tri::Met; e_above = Tri::NotMet; e_below = Tri::NotMet;
        need_above = !below.has_value();  // one side off by a step is enough; both when both are valid
        need_below = !above.has_value();
        if (above && below) need_above = need_below = true;
        break;
    }
    // A rank has no value below 1: ">= 1" is a presence test, and the other side of it is the
    // format's "known not to exist" (sci_award "none" sets every rank to Fact::None, core/profile.cpp),
    // which meets no comparison.
    if (kCanBeNone.count(plan->driven) && ((need_below && !below && e_below == Tri::NotMet) ||
                                           (need_above && !above && e_above == Tri::NotMet))) {
      srdi::Profile p = base;
      for (const auto& [field, v] : plan->fixed) p.facts[field] = number(v);
      p.facts[plan->driven] = srdi::Fact{srdi::Fact::Kind::None, {}, false, {}};
      INFO("driven " << plan->driven << " known not to exist");
      CHECK(tri(engine.checker(p, true)(c).result) == tri(Tri::NotMet));
      ++checks;
      if (need_below && !below) need_below = false;
      if (need_above && !above) need_above = false;
    }
    if ((need_above && !above) || (need_below && !below)) {
      uncovered.push_back(f.policy + " " + c.id + " (" + c.metric + "): the value across the threshold is not a "
                          "value of the profile format");
      continue;
    }
    INFO("driven " << plan->driven << " at " << srdi::format_decimal(plan->at, 6) << ": " << tri(*at));
    CHECK(tri(*at) == tri(e_at));
    ++checks;
    if (above) {
      INFO("just above " << srdi::format_decimal(above_x, 6) << ": " << tri(*above));
      CHECK(tri(*above) == tri(e_above));
      ++checks;
    }
    if (below) {
      INFO("just below " << srdi::format_decimal(below_x, 6) << ": " << tri(*below));
      CHECK(tri(*below) == tri(e_below));
      ++checks;
    }
    ++covered[f.policy];
  }

  for (const auto& p : set.policies) total[p.file] += 0;
  int n_covered = 0, n_allow = 0;
  for (const auto& [file, n] : total) {
    std::cout << "[boundary] " << file << ": " << covered[file] << " of " << n << " compare thresholds covered";
    if (allowlisted[file]) std::cout << ", " << allowlisted[file] << " allowlisted";
    std::cout << "\n";
    n_covered += covered[file];
    n_allow += allowlisted[file];
  }
  std::cout << "[boundary] total: " << n_covered << " of " << found.size() << " covered (" << checks
            << " evaluations), " << n_allow << " allowlisted\n";
  for (const auto& u : uncovered) std::cout << "[boundary] NOT COVERED " << u << "\n";

  // Every threshold is covered or its metric is allowlisted, and the allowlist has no dead entries.
  CHECK(uncovered.empty());
  CHECK(n_covered + n_allow == static_cast<int>(found.size()));
  for (const auto& [metric, reason] : kAllowlist) {
    INFO("allowlisted metric not compared by any bundled policy: " << metric << " (" << reason << ")");
    CHECK(allowlist_used.count(metric) == 1);
  }
}
