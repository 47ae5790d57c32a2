// The types of an evaluation's answer: three-valued results, score intervals and the explanation
// (a trace per node, docs/output-format.md). Evaluation itself is the compiled program of
// core/evaluator.cpp, run with or without the explanation; nothing else evaluates criteria.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/policy.hpp"
#include "core/profile.hpp"

namespace srdi {

enum class Tri { Met, NotMet, Undetermined };
const char* tri_name(Tri t);  // "met" / "not_met" / "undetermined"

// A tier's verdict: its test met, not met or undetermined; contested when a reading the request
// left open gives another result (never stated as fact).
enum class Verdict { Eligible, NotEligible, Undetermined, Contested };
Verdict verdict_of(Tri result, bool contested = false);
const char* verdict_name(Verdict v);  // "eligible" / "not_eligible" / "undetermined" / "contested"

struct Interval {
  int min = 0;
  int max = 0;
};

struct ScoreResult {
  Interval total;
  std::map<std::string, Interval> categories;
  json trace;
};

struct Outcome {
  Tri result = Tri::Undetermined;
  json trace;
};

// A tier's whole test: its score tables, then its criterion (the verdict with its trace).
struct TierOutcome {
  std::map<std::string, ScoreResult> scores;
  Outcome outcome;
};

// A criterion explained for one profile (the awards' conditions and benchmarks).
using CriterionCheck = std::function<Outcome(const Criterion&)>;

json citation_json(const Citation& c);
class Citations;
// How to apply (ApplyInfo) as a result shows it, its citation referred to in `cites`.
json apply_json(const ApplyInfo& a, Citations* cites, const Date* as_of = nullptr);

// The citations of one result (output format 2): each emitted once, in the result's "citations"
// list, and referred to everywhere else by its index there. Equal citations share an index.
class Citations {
 public:
  json ref(const Citation& c);
  json table() const;  // the "citations" list

 private:
  std::map<const Citation*, int> by_address_;
  std::map<std::string, int> by_text_;
  std::vector<const Citation*> list_;
};
// A citation as a result shows it: its index in `table`, or (no table: tests, tools) the object.
json cite(Citations* table, const Citation& c);

// The Chinese words of the result's codes (an unknown code reads 待定): a size class (大型 / 中型 /
// 小型 / 微型 / 待定), a tier's verdict (符合 / 不符合 / 待定 / 依读法而定), a criterion's result
// (满足 / 不满足 / 待定), a comparison (不低于 / 高于 / 不高于 / 低于 / 等于). words_json(): the same tables, as the schema publishes them ("words").
const char* size_class_label(std::string_view size_class);
const char* verdict_label(std::string_view verdict);
const char* verdict_label(Verdict verdict);
const char* result_label(std::string_view result);
const char* op_label(std::string_view op);  // a comparison in words: >= 不低于, < 低于, ... ("" if unknown)
json words_json();

}  // namespace srdi
