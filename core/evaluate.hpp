// The types of an evaluation's answer: three-valued results, score intervals and the explanation
// (a trace per node, docs/output-format.md). Evaluation itself is the compiled program of
// core/evaluator.cpp, run with or without the explanation; nothing else evaluates criteria.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/policy.hpp"
#include "core/profile.hpp"

namespace srdi {

enum class Tri { Met, NotMet, Undetermined };
const char* tri_name(Tri t);  // "met" / "not_met" / "undetermined"

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

// The Chinese name of a size class: 大型 / 中型 / 小型 / 微型 / 待定.
const char* size_class_label(const std::string& size_class);

}  // namespace srdi
